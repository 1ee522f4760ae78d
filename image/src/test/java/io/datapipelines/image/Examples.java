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
}
