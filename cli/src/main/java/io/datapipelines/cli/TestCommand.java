package io.datapipelines.cli;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.local.PipelineTestRunner;
import io.datapipelines.runtime.local.TestOutcome;
import io.datapipelines.runtime.step.StepStartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code datapipelines test}: runs each definition's tests through the real topology. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs the tests in pipeline definitions through the real Kafka Streams topology",
                "(TopologyTestDriver: no broker needed).",
                "Exit codes: 0 all passed, 1 a test failed (a step past its time limit fails its test),",
                "2 a definition is invalid or a step's code cannot start."})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DEFINITION", description = "Definition files (YAML or JSON).")
    List<Path> definitions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DefinitionLoader loader = new DefinitionLoader();
        boolean invalid = false;
        int passed = 0;
        int failed = 0;
        for (Path file : definitions) {
            PipelineDefinition definition = loader.load(file, err);
            if (definition == null) {
                invalid = true;
                continue;
            }
            if (definition.spec().tests().isEmpty()) {
                out.println(file + ": no tests");
                continue;
            }
            out.println(file + ":");
            List<TestOutcome> outcomes;
            try {
                outcomes = PipelineTestRunner.run(definition);
            } catch (StepStartupException e) {
                out.flush();
                err.println(file + ": cannot start: " + e.getMessage());
                err.flush();
                invalid = true;
                continue;
            }
            for (TestOutcome outcome : outcomes) {
                if (outcome.passed()) {
                    passed++;
                    out.println("  PASS " + outcome.name());
                } else {
                    failed++;
                    out.println("  FAIL " + outcome.name());
                    outcome.failures().forEach(f -> out.println("       " + f));
                }
                out.flush();
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return invalid ? ExitCodes.INVALID : failed > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
