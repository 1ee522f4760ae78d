package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CliEnvironmentTest {

    @Test
    void credentialsGoIntoTheEnvironmentAndPasswordsAreTheSecrets() {
        CliEnvironment environment = new CliEnvironment()
                .registry("robot", "r3g1stry-pass")
                .kafkaCredentials("svc", "k4fka-pass");
        assertEquals(Map.of("DATAPIPELINES_REGISTRY_USERNAME", "robot", "DATAPIPELINES_REGISTRY_PASSWORD", "r3g1stry-pass",
                "DATAPIPELINES_KAFKA_USERNAME", "svc", "DATAPIPELINES_KAFKA_PASSWORD", "k4fka-pass"),
                environment.variables());
        assertEquals(Set.of("r3g1stry-pass", "k4fka-pass"), environment.secrets());
    }

    @Test
    void addsToTheBuildEnvironmentAndOverridesSameNames() {
        Map<String, String> merged = new CliEnvironment().kafkaCredentials("svc", "pw")
                .applyTo(Map.of("PATH", "/usr/bin", "DATAPIPELINES_KAFKA_USERNAME", "someone-else"));
        assertEquals(Map.of("PATH", "/usr/bin", "DATAPIPELINES_KAFKA_USERNAME", "svc", "DATAPIPELINES_KAFKA_PASSWORD", "pw"), merged);
    }

    @Test
    void nothingSetMeansNothingAddedAndEmptyPasswordsAreNoSecrets() {
        assertEquals(Map.of(), new CliEnvironment().variables());
        assertEquals(Set.of(), new CliEnvironment().registry("anonymous", "").secrets());
    }
}
