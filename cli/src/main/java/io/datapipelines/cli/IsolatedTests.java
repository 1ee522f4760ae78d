package io.datapipelines.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Runs a definition's tests in a child JVM ({@code datapipelines test}) whose environment lacks the variables that
 * hold this command's secrets. The tests run the definition's own code (Python steps): code from a pull request must
 * not read the registry password that the push after it needs, and in-process it could ({@code os.environ}).
 */
final class IsolatedTests {
    private IsolatedTests() {
    }

    /**
     * @param hidden the environment variables the child must not see
     * @return the child's exit code: {@link ExitCodes#OK} all passed, {@link ExitCodes#FAILED} a test failed (or the
     *         child could not run), {@link ExitCodes#INVALID} the definition is invalid
     */
    static int run(Path definition, Collection<String> hidden, PrintWriter err) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-agentlib:jdwp")) { // a debugger's port is taken by this JVM already
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DataPipelinesCommand.class.getName(),
                "test", "--", definition.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        hidden.forEach(environment::remove);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            err.println("datapipelines: cannot start a process for the tests (" + e.getMessage() + ")");
            return ExitCodes.FAILED;
        }
        try {
            child.getOutputStream().close();
            try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    err.println(line);
                }
            } finally {
                err.flush();
            }
            int exitCode = child.waitFor();
            if (exitCode != ExitCodes.OK && exitCode != ExitCodes.FAILED && exitCode != ExitCodes.INVALID) {
                err.println("datapipelines: the tests' process ended with exit code " + exitCode);
                return ExitCodes.FAILED;
            }
            return exitCode;
        } catch (IOException e) {
            err.println("datapipelines: lost the tests' output (" + e.getMessage() + ")");
            return ExitCodes.FAILED;
        } finally {
            child.destroyForcibly(); // gone already, unless this build was interrupted
        }
    }
}
