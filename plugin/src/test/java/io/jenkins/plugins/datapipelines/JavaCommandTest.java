package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JavaCommandTest {

    @Test
    void usesTheAgentsJavaWithShortLivedJvmOptions() {
        JavaCommand java = JavaCommand.forAgent(Map.of("JAVA_HOME", "/opt/java8"), "/opt/jdk-21", true, "/agent/tools/cli/datapipelines-cli.jar");
        assertEquals(List.of("/opt/jdk-21/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-jar", "/agent/tools/cli/datapipelines-cli.jar", "validate", "x.yaml"), java.commandLine(List.of("validate", "x.yaml")));
    }

    @Test
    void datapipelinesJavaHomeAndOptsOverride() {
        JavaCommand java = JavaCommand.forAgent(Map.of("DATAPIPELINES_JAVA_HOME", "/opt/jdk-17/", "DATAPIPELINES_JAVA_OPTS", " -Xmx2g  -Dx=1 "),
                "/opt/jdk-21", true, "/c.jar");
        assertEquals(List.of("/opt/jdk-17/bin/java", "-Xmx2g", "-Dx=1", "-jar", "/c.jar"), java.commandLine(List.of()));
    }

    @Test
    void windowsAgentsGetWindowsPaths() {
        JavaCommand java = JavaCommand.forAgent(Map.of(), "C:\\Program Files\\Java\\jdk-21", false, "C:\\agent\\c.jar");
        assertEquals("C:\\Program Files\\Java\\jdk-21\\bin\\java.exe", java.commandLine(List.of()).get(0));
    }

    @Test
    void withoutAnyJavaHomeItIsJavaOnThePath() {
        assertEquals("java", JavaCommand.forAgent(Map.of(), null, true, "/c.jar").commandLine(List.of()).get(0));
    }
}
