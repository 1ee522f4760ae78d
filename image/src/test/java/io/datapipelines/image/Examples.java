package io.datapipelines.image;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.PipelineDefinition;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped example definitions, and a new revision of one. */
public final class Examples {
    private Examples() {
    }

    public static Path file(String name) {
        return JreBaseImage.repositoryRoot().resolve("examples").resolve(name);
    }

    public static PipelineDefinition ordersCleanup() throws Exception {
        return new DefinitionParser().parse(file("orders-cleanup.yaml"));
    }

    /** orders-cleanup with one step changed (rounding to 3 digits instead of 2): a new revision. */
    public static PipelineDefinition ordersCleanupNextRevision() throws Exception {
        String text = Files.readString(file("orders-cleanup.yaml")).replace("config: {precision: 2}", "config: {precision: 3}");
        if (text.equals(Files.readString(file("orders-cleanup.yaml")))) {
            throw new IllegalStateException("the example changed: no 'precision: 2' to edit");
        }
        return new DefinitionParser().parse(text, "orders-cleanup-next.yaml", file("orders-cleanup.yaml").getParent());
    }

    /** orders-cleanup with its Python step on Jython (its code in Python 2 terms): a pipeline without GraalPy steps. */
    public static PipelineDefinition ordersCleanupOnJython() throws Exception {
        String original = Files.readString(file("orders-cleanup.yaml"));
        String text = edit(original, "raise ValueError(f\"country must be a two-letter code, not {value!r}\")",
                "raise ValueError(\"country must be a two-letter code, not %r\" % (value,))");
        text = edit(text, "def filter(value: str, row: dict) -> bool:", "def filter(value, row):");
        text = edit(text, "isinstance(value, str)", "isinstance(value, basestring)");
        text = edit(text, "    guarantee: exactly-once\n", "    guarantee: exactly-once\n    python: {engine: jython}\n");
        return new DefinitionParser().parse(text, "orders-cleanup-jython.yaml", file("orders-cleanup.yaml").getParent());
    }

    private static String edit(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalStateException("the example changed: no '" + from + "' to edit");
        }
        return text.replace(from, to);
    }
}
