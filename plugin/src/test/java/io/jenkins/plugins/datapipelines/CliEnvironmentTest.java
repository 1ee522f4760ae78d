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
    void aUsernameTheCredentialMarksSecretIsMaskedToo() {
        CliEnvironment environment = new CliEnvironment()
                .registry("robot-7f3a", "r3g1stry-pass", true)
                .kafkaCredentials("svc", "k4fka-pass", false);
        assertEquals("robot-7f3a", environment.variables().get("DATAPIPELINES_REGISTRY_USERNAME"));
        assertEquals(Set.of("robot-7f3a", "r3g1stry-pass", "k4fka-pass"), environment.secrets());
        assertEquals("user **** pushed", new SecretMasker(environment.secrets()).mask("user robot-7f3a pushed"));
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
