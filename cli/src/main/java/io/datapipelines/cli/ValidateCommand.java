package io.datapipelines.cli;

import io.datapipelines.model.CanonicalForm;
import io.datapipelines.model.PipelineDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code datapipelines validate}: checks definitions without running anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks pipeline definitions: structure, every built-in's config, Python code.",
                "Prints FILE:LINE:COL: PATH: message for each problem on stderr.",
                "Exit codes: 0 valid, 2 invalid."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DEFINITION", description = "Definition files (YAML or JSON).")
    List<Path> definitions;

    @Override
    public Integer call() {
        DefinitionLoader loader = new DefinitionLoader();
        boolean allValid = true;
        for (Path file : definitions) {
            PipelineDefinition definition = loader.load(file, spec.commandLine().getErr());
            if (definition == null) {
                allValid = false;
            } else {
                spec.commandLine().getOut().println(file + ": valid (pipeline " + definition.name() + ", revision "
                        + CanonicalForm.revisionHash(definition).substring(0, 12) + ")");
            }
        }
        spec.commandLine().getOut().flush();
        return allValid ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
