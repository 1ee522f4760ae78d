package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line that starts the CLI on an agent: {@code JAVA -XX:... -jar .../datapipelines-cli.jar ARGS}.
 *
 * <p>Which Java: {@code DATAPIPELINES_JAVA_HOME} from the build's environment when set, else the Java that runs the
 * agent itself (Jenkins agents need Java 17 or newer, and so does the CLI), else {@code java} on the PATH. JVM
 * options: {@code DATAPIPELINES_JAVA_OPTS} when set (as for {@code ./datapipelines}), else options for a short-lived
 * command.
 */
public final class JavaCommand {
    public static final String JAVA_HOME_VARIABLE = "DATAPIPELINES_JAVA_HOME";
    public static final String JAVA_OPTS_VARIABLE = "DATAPIPELINES_JAVA_OPTS";
    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    /** The CLI's launcher script, when no installation is configured: it runs its own java. */
    public static final String ON_PATH = "datapipelines";

    private final String java;
    private final List<String> jvmOptions;
    private final @CheckForNull String jar;

    private JavaCommand(String java, List<String> jvmOptions, @CheckForNull String jar) {
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.jar = jar;
    }

    /**
     * {@code datapipelines ARGS} from the PATH (a CLI installed on the agent or in the image by other means); its
     * JVM options come from {@code DATAPIPELINES_JAVA_OPTS} in the build's environment, which the script reads.
     */
    public static JavaCommand onPath() {
        return new JavaCommand(ON_PATH, List.of(), null);
    }

    /** Whether this runs the launcher script from the PATH rather than a jar of an installation. */
    public boolean isOnPath() {
        return jar == null;
    }

    /**
     * @param buildEnvironment the build's environment variables
     * @param agentJavaHome    {@code java.home} of the agent's JVM, or null when it could not be read
     * @param unix             whether the agent is a Unix (paths and the executable's name differ on Windows)
     * @param cliJar           the absolute path of datapipelines-cli.jar on the agent
     */
    public static JavaCommand forAgent(Map<String, String> buildEnvironment, @CheckForNull String agentJavaHome, boolean unix, String cliJar) {
        String home = Strings.trimToNull(buildEnvironment.get(JAVA_HOME_VARIABLE));
        if (home == null) {
            home = Strings.trimToNull(agentJavaHome);
        }
        String java = home == null ? "java" : javaIn(home, unix);
        String opts = Strings.trimToNull(buildEnvironment.get(JAVA_OPTS_VARIABLE));
        List<String> jvmOptions = opts == null ? DEFAULT_JVM_OPTIONS : Arrays.asList(opts.split("\\s+"));
        return new JavaCommand(java, jvmOptions, cliJar);
    }

    private static String javaIn(String home, boolean unix) {
        String separator = unix ? "/" : "\\";
        String base = home.endsWith(separator) ? home.substring(0, home.length() - 1) : home;
        return base + separator + "bin" + separator + (unix ? "java" : "java.exe");
    }

    /** The full command line for one CLI invocation. */
    public List<String> commandLine(List<String> cliArguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        if (jar != null) {
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar);
        }
        command.addAll(cliArguments);
        return List.copyOf(command);
    }
}
