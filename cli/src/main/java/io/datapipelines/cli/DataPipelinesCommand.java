package io.datapipelines.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code datapipelines}: the command line of Data Pipelines. */
@Command(name = "datapipelines",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Validate, test, preview and run streaming data pipeline definitions (Kafka Streams), "
                + "build their images and deploy them to Kubernetes.",
        subcommands = {ValidateCommand.class, TestCommand.class, PreviewCommand.class, DiffCommand.class, ShadowCommand.class, RunCommand.class, BuildCommand.class,
                DeployCommand.class, HistoryCommand.class, RollbackCommand.class, StatusCommand.class, UndeployCommand.class,
                CommandLine.HelpCommand.class})
public final class DataPipelinesCommand {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and gives its exit code. */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs a command line with the given output streams (for tests and embedding). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new DataPipelinesCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            // Never a stack trace for the user: one line that says what went wrong.
            cmd.getErr().println("datapipelines: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return ExitCodes.FAILED;
        });
        cli.setParameterExceptionHandler((e, argv) -> {
            e.getCommandLine().getErr().println("datapipelines: " + e.getMessage());
            e.getCommandLine().getErr().println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.INVALID;
        });
        return cli.execute(args);
    }
}
