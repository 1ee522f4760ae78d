package io.datapipelines.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapipelines.model.CanonicalForm;
import io.datapipelines.model.PipelineDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code datapipelines validate}: checks definitions without running anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks pipeline definitions: structure, every built-in's config, Python code.",
                "Prints FILE:LINE:COL: PATH: message for each problem on stderr.",
                "With --output json, prints one JSON object per valid definition on stdout:",
                "{\"file\",\"pipeline\",\"revisionHash\",\"canonical\"}, canonical being the canonical JSON text",
                "whose SHA-256 is the revision hash (what images carry and builds archive).",
                "Exit codes: 0 valid, 2 invalid."})
final class ValidateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How results are printed: for people, or for programs such as the Jenkins plugin. */
    enum Output { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DEFINITION", description = "Definition files (YAML or JSON).")
    List<Path> definitions;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json.")
    Output output;

    @Override
    public Integer call() throws JsonProcessingException {
        DefinitionLoader loader = new DefinitionLoader();
        boolean allValid = true;
        for (Path file : definitions) {
            PipelineDefinition definition = loader.load(file, spec.commandLine().getErr());
            if (definition == null) {
                allValid = false;
            } else if (output == Output.json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("file", file.toString());
                result.put("pipeline", definition.name());
                result.put("revisionHash", CanonicalForm.revisionHash(definition));
                result.put("canonical", CanonicalForm.json(definition));
                spec.commandLine().getOut().println(JSON.writeValueAsString(result));
            } else {
                spec.commandLine().getOut().println(file + ": valid (pipeline " + definition.name() + ", revision "
                        + CanonicalForm.revisionHash(definition).substring(0, 12) + ")");
            }
        }
        spec.commandLine().getOut().flush();
        return allValid ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
