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

    @Test
    void eachCommandGetsOnlyTheLoginItNeeds() {
        CliEnvironment logins = new CliEnvironment().registry("robot", "r3g1stry-pass").kafkaCredentials("svc", "k4fka-pass");
        Map<String, String> build = Map.of("PATH", "/usr/bin", "KUBECONFIG", "/home/agent/.kube/config", "DATAPIPELINES_KAFKA_PASSWORD", "stale");

        // validate (and test) compile or run the definition's code: no login, no kubeconfig.
        assertEquals(Map.of("PATH", "/usr/bin"), logins.applyTo(build, "validate"));
        assertEquals(Map.of("PATH", "/usr/bin"), logins.applyTo(build, "test"));
        // build pushes: the registry login only (the CLI runs the tests in a child process without it).
        assertEquals(Map.of("PATH", "/usr/bin", "DATAPIPELINES_REGISTRY_USERNAME", "robot", "DATAPIPELINES_REGISTRY_PASSWORD", "r3g1stry-pass"),
                logins.applyTo(build, "build"));
        // deploy: the pods' Kafka login and the agent's own cluster access.
        assertEquals(Map.of("PATH", "/usr/bin", "KUBECONFIG", "/home/agent/.kube/config", "DATAPIPELINES_KAFKA_USERNAME", "svc",
                "DATAPIPELINES_KAFKA_PASSWORD", "k4fka-pass"), logins.applyTo(build, "deploy"));
    }

    @Test
    void theLauncherRemovesWhatACommandMustNotInheritFromTheAgent() {
        CliEnvironment logins = new CliEnvironment().registry("robot", "r3g1stry-pass").kafkaCredentials("svc", "k4fka-pass");
        // An empty value removes the variable from what Jenkins' launcher inherits (EnvVars.override).
        Map<String, String> validate = CliLauncher.environmentFor("validate", Map.of("PATH", "/usr/bin"), logins);
        assertEquals(Map.of("PATH", "/usr/bin", "KUBECONFIG", "", "DATAPIPELINES_REGISTRY_USERNAME", "", "DATAPIPELINES_REGISTRY_PASSWORD", "",
                "DATAPIPELINES_KAFKA_USERNAME", "", "DATAPIPELINES_KAFKA_PASSWORD", "", "DATAPIPELINES_REGISTRY_USERNAME_FILE", "",
                "DATAPIPELINES_REGISTRY_PASSWORD_FILE", "", "DATAPIPELINES_KAFKA_USERNAME_FILE", "", "DATAPIPELINES_KAFKA_PASSWORD_FILE", ""), validate);
        Map<String, String> build = CliLauncher.environmentFor("build", Map.of(), logins);
        assertEquals("r3g1stry-pass", build.get("DATAPIPELINES_REGISTRY_PASSWORD"));
        assertEquals("", build.get("DATAPIPELINES_KAFKA_PASSWORD"));
        assertEquals("", build.get("KUBECONFIG"));
        Map<String, String> deploy = CliLauncher.environmentFor("deploy", Map.of(), logins);
        assertEquals("k4fka-pass", deploy.get("DATAPIPELINES_KAFKA_PASSWORD"));
        assertEquals("", deploy.get("DATAPIPELINES_REGISTRY_PASSWORD"));
        assertEquals(null, deploy.get("KUBECONFIG"), "deploy keeps the agent's own");
    }

    /** The CLI reads the login files' variables unasked: none of the build's own reaches any command, only the step's. */
    @Test
    void noLoginFileVariableComesFromTheBuildsEnvironment() {
        Map<String, String> stale = Map.of("PATH", "/usr/bin", "DATAPIPELINES_REGISTRY_USERNAME_FILE", "/tmp/u", "DATAPIPELINES_REGISTRY_PASSWORD_FILE",
                "/tmp/p", "DATAPIPELINES_KAFKA_USERNAME_FILE", "/tmp/ku", "DATAPIPELINES_KAFKA_PASSWORD_FILE", "/tmp/kp");
        CliEnvironment none = new CliEnvironment();
        for (String command : new String[] {"validate", "test", "build", "deploy", "status"}) {
            assertEquals("/usr/bin", none.applyTo(stale, command).get("PATH"));
            assertEquals(1, none.applyTo(stale, command).size(), command + ": " + none.applyTo(stale, command));
            assertEquals("", CliLauncher.environmentFor(command, stale, none).get("DATAPIPELINES_KAFKA_PASSWORD_FILE"), command);
        }
        // The step's own, in a container: each command only its own login's, paths only.
        CliEnvironment files = new CliEnvironment().loginFile(CliEnvironment.REGISTRY_USERNAME_FILE, "/ws@tmp/a")
                .loginFile(CliEnvironment.REGISTRY_PASSWORD_FILE, "/ws@tmp/b").loginFile(CliEnvironment.KAFKA_USERNAME_FILE, "/ws@tmp/c")
                .loginFile(CliEnvironment.KAFKA_PASSWORD_FILE, "/ws@tmp/d");
        assertEquals(Map.of("PATH", "/usr/bin", "DATAPIPELINES_REGISTRY_USERNAME_FILE", "/ws@tmp/a", "DATAPIPELINES_REGISTRY_PASSWORD_FILE", "/ws@tmp/b"),
                files.applyTo(stale, "build"));
        assertEquals(Map.of("PATH", "/usr/bin", "DATAPIPELINES_KAFKA_USERNAME_FILE", "/ws@tmp/c", "DATAPIPELINES_KAFKA_PASSWORD_FILE", "/ws@tmp/d"),
                files.applyTo(stale, "deploy"));
        assertEquals(Map.of("PATH", "/usr/bin"), files.applyTo(stale, "validate"));
        assertEquals(Set.of(), files.secrets());
        files.withoutLoginFiles();
        assertEquals(Map.of(), files.variables());
    }
}
