package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logins in a container ({@code docker.inside}, {@code container()}), whose launcher puts the environment on the
 * {@code docker exec} command line: username and password each in an owner-only file under {@code WORKSPACE@tmp}, the
 * CLI's {@code DATAPIPELINES_*_FILE} variables naming the files (paths only), no login option on the command line,
 * every file deleted after its command and its variables taken back. The files are written by the step's own
 * {@link PrivateFile}, as on the agent.
 */
class LoginFilesTest {
    private static final String REGISTRY_USER = "robot-7f3a9c";
    private static final String REGISTRY_PASSWORD = "r3g-s3cret";
    private static final String KAFKA_USER = "svc-orders";
    private static final String KAFKA_PASSWORD = "k4f-s3cret";
    private static final List<String> SECRETS = List.of(REGISTRY_USER, REGISTRY_PASSWORD, KAFKA_USER, KAFKA_PASSWORD);
    /** What the build's environment holds besides: none of it is a login. */
    private static final Map<String, String> BUILD_ENVIRONMENT = Map.of("PATH", "/usr/bin", "JOB_NAME", "orders", "BUILD_NUMBER", "7");

    @TempDir
    Path temp;

    private DeploySettings settings() throws DeploymentFailure {
        return DeploySettings.resolve(DeployParameters.builder().deployment("orders-eu").namespace("prod")
                .image("registry.example.com/orders").baseImage("registry.example.com/jre@sha256:" + "0".repeat(64))
                .registryCredentialsId("registry").kafkaBootstrapServers("kafka:9092").kafkaCredentialsId("kafka").build(), DeployDefaults.NONE);
    }

    private static CliEnvironment logins() {
        // The registry credential marks its username secret; the Kafka one does not: neither goes on a command line.
        return new CliEnvironment().registry(REGISTRY_USER, REGISTRY_PASSWORD, true).kafkaCredentials(KAFKA_USER, KAFKA_PASSWORD, false);
    }

    private static void assertOwnerOnlyWith(Path file, String content) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " exists");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        assertEquals(content, Files.readString(file, StandardCharsets.UTF_8));
    }

    /** No secret in any argument, nor in any value of the environment the launcher gives that command in a container. */
    private static void assertNoSecretIn(List<String> arguments, DeploymentCredentials credentials) {
        Map<String, String> environment = CliLauncher.environmentFor(arguments.get(0), BUILD_ENVIRONMENT,
                credentials.processEnvironment(CliPlace.CONTAINER));
        for (String secret : SECRETS) {
            assertFalse(arguments.stream().anyMatch(argument -> argument.contains(secret)), secret + " on the command line " + arguments);
            assertFalse(environment.values().stream().anyMatch(value -> value.contains(secret)), secret + " in the environment " + environment);
        }
    }

    /** The environment the launcher gives {@code command} in a container, the build's own included. */
    private static Map<String, String> containerEnvironment(String command, DeploymentCredentials credentials) {
        return CliLauncher.environmentFor(command, BUILD_ENVIRONMENT, credentials.processEnvironment(CliPlace.CONTAINER));
    }

    private static void assertNoLoginOption(List<String> arguments) {
        assertFalse(arguments.stream().anyMatch(argument -> argument.startsWith("--registry-user") || argument.startsWith("--registry-pass")
                || argument.startsWith("--kafka-user") || argument.startsWith("--kafka-pass")), "a login option in " + arguments);
    }

    @Test
    void buildGetsTheRegistryLoginAsTwoOwnerOnlyFilesThatItsEnvironmentNames() throws Exception {
        Path temporary = temp.resolve("workspace@tmp");
        LocalPrivateFiles files = new LocalPrivateFiles(temporary);
        DeploymentCredentials credentials = new DeploymentCredentials(logins(), files, null);
        Logins logins = credentials.logins(CliPlace.CONTAINER);
        assertTrue(logins.testsSeparately(), "the tests run before any login file exists");

        List<String> build = CliCommands.build(settings(), "registry.example.com/orders", logins.forBuild());

        assertEquals(2, files.written.size());
        Path username = files.written.get(0);
        Path password = files.written.get(1);
        assertEquals(temporary, username.getParent(), "under WORKSPACE@tmp, which the container sees; created when missing");
        assertOwnerOnlyWith(username, REGISTRY_USER);
        assertOwnerOnlyWith(password, REGISTRY_PASSWORD);
        assertEquals(List.of("build", "--image", "registry.example.com/orders", "--base-image", "registry.example.com/jre@sha256:" + "0".repeat(64),
                "--skip-tests", "--output", "json", "--", "datapipeline.yaml"), build, "nothing of the login on the command line");
        Map<String, String> environment = containerEnvironment("build", credentials);
        assertEquals(username.toString(), environment.get(CliEnvironment.REGISTRY_USERNAME_FILE));
        assertEquals(password.toString(), environment.get(CliEnvironment.REGISTRY_PASSWORD_FILE));
        assertEquals("", environment.get(CliEnvironment.KAFKA_PASSWORD_FILE), "not the Kafka login's, nor one from the build's environment");
        assertTrue(environment.getOrDefault(CliEnvironment.REGISTRY_PASSWORD, "").isEmpty(), "no login value");
        assertNoSecretIn(build, credentials);

        logins.removeFiles();
        assertFalse(Files.exists(username) || Files.exists(password), "gone when build ends");
        assertEquals("", containerEnvironment("build", credentials).get(CliEnvironment.REGISTRY_USERNAME_FILE), "and so are their variables");
    }

    @Test
    void deployGetsTheKafkaLoginAsTwoOwnerOnlyFilesAndNothingElseDoes() throws Exception {
        LocalPrivateFiles files = new LocalPrivateFiles(temp.resolve("workspace@tmp"));
        DeploymentCredentials credentials = new DeploymentCredentials(logins(), files, null);
        Logins logins = credentials.logins(CliPlace.CONTAINER);
        ImageReference image = new ImageReference("registry.example.com/orders", "sha256:" + "ab".repeat(32));

        List<String> deploy = CliCommands.deploy(settings(), "datapipeline.yaml", image, "orders-eu", null, "Jenkins orders #7", null,
                logins.forDeploy());

        assertEquals(2, files.written.size());
        assertOwnerOnlyWith(files.written.get(0), KAFKA_USER);
        assertOwnerOnlyWith(files.written.get(1), KAFKA_PASSWORD);
        String line = String.join(" ", deploy);
        assertTrue(line.contains("--bootstrap-servers kafka:9092 --kafka-sasl-mechanism PLAIN --kafka-security-protocol SASL_SSL"), line);
        assertNoLoginOption(deploy);
        Map<String, String> environment = containerEnvironment("deploy", credentials);
        assertEquals(files.written.get(0).toString(), environment.get(CliEnvironment.KAFKA_USERNAME_FILE));
        assertEquals(files.written.get(1).toString(), environment.get(CliEnvironment.KAFKA_PASSWORD_FILE));
        assertNoSecretIn(deploy, credentials);
        // The commands that get no login: no file, not even the deploy's files' names, nothing of a login in their environment.
        for (List<String> other : List.of(CliCommands.validate("datapipeline.yaml"), CliCommands.test("datapipeline.yaml"),
                CliCommands.status("orders", "orders-eu", "prod", null))) {
            assertNoSecretIn(other, credentials);
            assertNoLoginOption(other);
            assertFalse(containerEnvironment(other.get(0), credentials).values().stream().anyMatch(value -> value.contains("datapipelines-login")),
                    other.get(0) + " sees a login file");
        }
        assertEquals(2, files.written.size());

        logins.removeFiles();
        assertFalse(Files.exists(files.written.get(0)) || Files.exists(files.written.get(1)), "gone when deploy ends");
        assertEquals(Map.of(), credentials.processEnvironment(CliPlace.CONTAINER).variables(), "and so are their variables");
    }

    @Test
    void withoutACredentialNoFileIsWrittenAndNoLoginOptionGiven() throws Exception {
        LocalPrivateFiles files = new LocalPrivateFiles(temp.resolve("workspace@tmp"));
        DeploymentCredentials credentials = new DeploymentCredentials(new CliEnvironment(), files, null);
        Logins logins = credentials.logins(CliPlace.CONTAINER);
        assertEquals(List.of(), logins.forBuild().registry());
        assertEquals(List.of(), logins.forDeploy().kafka());
        assertEquals(List.of(), files.written);
        assertEquals(Map.of(), credentials.processEnvironment(CliPlace.CONTAINER).variables());
    }

    @Test
    void theDeploymentsEndDeletesWhatACommandLeftBehind() throws Exception {
        LocalPrivateFiles files = new LocalPrivateFiles(temp.resolve("workspace@tmp"));
        DeploymentCredentials credentials = new DeploymentCredentials(logins(), files, null);
        // An interrupted build: the command's own cleanup never ran.
        credentials.logins(CliPlace.CONTAINER).forBuild();
        assertSame(credentials.logins(CliPlace.CONTAINER), credentials.logins(CliPlace.CONTAINER), "one set of files per deployment");
        credentials.close();
        for (Path file : files.written) {
            assertFalse(Files.exists(file), file + " outlived the deployment");
        }
    }

    @Test
    void aFileThatCannotBeDeletedDoesNotKeepTheOthersAndIsTriedAgain() throws Exception {
        List<String> deleted = new ArrayList<>();
        List<String> refusals = new ArrayList<>(List.of("refuse once"));
        LocalPrivateFiles local = new LocalPrivateFiles(temp.resolve("workspace@tmp"));
        PrivateFiles stubborn = new PrivateFiles() {
            @Override
            public String write(String prefix, String suffix, byte[] content) throws IOException {
                return local.write(prefix, suffix, content);
            }

            @Override
            public void delete(String path) throws IOException {
                if (path.equals(local.written.get(0).toString()) && !refusals.isEmpty()) {
                    throw new IOException("busy: " + refusals.remove(0));
                }
                local.delete(path);
                deleted.add(path);
            }
        };
        Logins logins = new DeploymentCredentials(logins(), stubborn, null).logins(CliPlace.CONTAINER);
        logins.forBuild();
        IOException e = assertThrows(IOException.class, logins::removeFiles);
        assertEquals("busy: refuse once", e.getMessage());
        assertEquals(List.of(local.written.get(1).toString()), deleted, "the password's file went all the same");
        logins.removeFiles();
        assertFalse(Files.exists(local.written.get(0)), "tried again, and deleted");
    }

    @Test
    void onTheAgentTheLoginsStayInTheEnvironmentThatTheCommandLineNames() throws Exception {
        LocalPrivateFiles files = new LocalPrivateFiles(temp.resolve("workspace@tmp"));
        DeploymentCredentials credentials = new DeploymentCredentials(logins(), files, null);
        assertSame(Logins.ENVIRONMENT, credentials.logins(CliPlace.AGENT));
        assertEquals(REGISTRY_PASSWORD, credentials.processEnvironment(CliPlace.AGENT).variables().get(CliEnvironment.REGISTRY_PASSWORD));
        assertEquals(Map.of(), credentials.processEnvironment(CliPlace.CONTAINER).variables());
        // As before the files: the command line names the variables, and no login file variable is set.
        List<String> build = CliCommands.build(settings(), "registry.example.com/orders", credentials.logins(CliPlace.AGENT).forBuild());
        assertTrue(String.join(" ", build).contains("--registry-username-env DATAPIPELINES_REGISTRY_USERNAME "
                + "--registry-password-env DATAPIPELINES_REGISTRY_PASSWORD --output json"), build.toString());
        Map<String, String> environment = CliLauncher.environmentFor("build", BUILD_ENVIRONMENT, credentials.processEnvironment(CliPlace.AGENT));
        assertEquals(REGISTRY_USER, environment.get(CliEnvironment.REGISTRY_USERNAME));
        assertEquals("", environment.get(CliEnvironment.REGISTRY_USERNAME_FILE));
        assertEquals(SECRETS.stream().filter(secret -> !secret.equals(KAFKA_USER)).collect(java.util.stream.Collectors.toSet()),
                credentials.environment().secrets(), "masked wherever the CLI runs: the passwords and the username marked secret");
        assertEquals(List.of(), files.written);
    }

    @Test
    void aPrivateFileIsOwnerOnlyFromItsCreationAndNeverShowsItsSecret() throws Exception {
        Path missing = temp.resolve("not-yet/workspace@tmp");
        PrivateFile callable = new PrivateFile("kubeconfig", ".yaml", "token: s3cret\n".getBytes(StandardCharsets.UTF_8));
        Path file = Path.of(callable.invoke(missing.toFile(), null));
        assertEquals(missing, file.getParent());
        assertTrue(file.getFileName().toString().startsWith("kubeconfig") && file.getFileName().toString().endsWith(".yaml"), file.toString());
        assertOwnerOnlyWith(file, "token: s3cret\n");
        assertFalse(callable.toString().contains("s3cret"), callable.toString());
        Path second = Path.of(callable.invoke(missing.toFile(), null));
        assertFalse(second.equals(file), "a new file each time");
    }
}
