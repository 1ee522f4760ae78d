package io.datapipelines.cli;

import com.google.cloud.tools.jib.api.Credential;
import io.datapipelines.image.RegistryCredentials;
import io.datapipelines.image.RegistryCredentialsProbe;
import io.datapipelines.kubernetes.KafkaCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.datapipelines.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Logins read from files, the username as well as the password ({@code --registry-username-file},
 * {@code --kafka-username-file}): what the Jenkins plugin passes inside a container, where the environment is on a
 * command line. A file that is missing, unreadable, empty, a directory or not UTF-8 is refused in one line that names
 * the option and the file, never its content; the command then exits 2 before doing anything. Without the flags, the
 * {@code DATAPIPELINES_*_FILE} variables name the files (what the plugin sets in a container: the paths only, nothing
 * on the command line); a flag wins over its variable, and a variable naming an unusable file is refused in the same
 * one line, naming the variable.
 */
class LoginFileOptionsTest {
    private static final String DEFINITION = "../examples/orders-cleanup.yaml";
    private static final String IMAGE = "registry.example.com/pipelines/orders-cleanup@sha256:" + "a".repeat(64);

    @TempDir
    Path dir;

    private Path ownerOnly(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static RegistryLogin registryLogin(String... args) {
        BuildCommand build = new BuildCommand();
        List<String> all = new ArrayList<>(List.of("--image", "registry.example.com/orders", DEFINITION));
        all.addAll(List.of(args));
        new CommandLine(build).parseArgs(all.toArray(String[]::new));
        return build.login;
    }

    private static KafkaLogin kafkaLogin(String... args) {
        DeployCommand deploy = new DeployCommand();
        List<String> all = new ArrayList<>(List.of("--image", IMAGE, "--deployment", "prod", "--namespace", "pipelines", DEFINITION));
        all.addAll(List.of(args));
        new CommandLine(deploy).parseArgs(all.toArray(String[]::new));
        return deploy.kafkaLogin;
    }

    @Test
    void theRegistryUsernameAndPasswordComeFromTheirFiles() throws Exception {
        Path username = ownerOnly("registry-username", "robot-7f3a9c\n");
        Path password = ownerOnly("registry-password", "r3g-s3cret\n");
        RegistryCredentials credentials = registryLogin("--registry-username-file", username.toString(),
                "--registry-password-file", password.toString()).credentials(Map.of());
        Credential credential = RegistryCredentialsProbe.credentialFor(credentials, "registry.example.com/orders").orElseThrow();
        assertThat(credential.getUsername()).isEqualTo("robot-7f3a9c");
        assertThat(credential.getPassword()).isEqualTo("r3g-s3cret");
        assertThat(credentials.toString()).doesNotContain("robot-7f3a9c").doesNotContain("r3g-s3cret");
    }

    @Test
    void theKafkaUsernameAndPasswordComeFromTheirFiles() throws Exception {
        Path username = ownerOnly("kafka-username", "svc-orders\n");
        // Only the final line break is how the file ends: a space at the end belongs to the password.
        Path password = ownerOnly("kafka-password", "pa\"ss w0rd \n");
        KafkaCredentials credentials = kafkaLogin("--kafka-username-file", username.toString(), "--kafka-password-file", password.toString(),
                "--kafka-sasl-mechanism", "SCRAM-SHA-512").credentials(Map.of());
        assertThat(credentials.username()).isEqualTo("svc-orders");
        assertThat(credentials.jaasConfig()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"svc-orders\" password=\"pa\\\"ss w0rd \";");
    }

    @Test
    void oneUsernameOnly() throws Exception {
        Path username = ownerOnly("username", "robot");
        Path password = ownerOnly("password", "pw");
        assertThatThrownBy(() -> registryLogin("--registry-username", "robot", "--registry-username-file", username.toString(),
                "--registry-password-file", password.toString()).credentials(Map.of()))
                .hasMessage("give one of --registry-username, --registry-username-env and --registry-username-file");
        assertThatThrownBy(() -> kafkaLogin("--kafka-username-env", "USER", "--kafka-username-file", username.toString(),
                "--kafka-password-file", password.toString()).credentials(Map.of("USER", "svc")))
                .hasMessage("give one of --kafka-username, --kafka-username-env and --kafka-username-file");
        assertThatThrownBy(() -> kafkaLogin("--kafka-username-file", username.toString()).credentials(Map.of()))
                .hasMessage("a Kafka username needs a password: --kafka-password-env or --kafka-password-file (or DATAPIPELINES_KAFKA_PASSWORD_FILE)");
        assertThatThrownBy(() -> registryLogin("--registry-password-file", password.toString()).credentials(Map.of()))
                .hasMessage("a registry password needs a username: --registry-username, --registry-username-env or --registry-username-file "
                        + "(or DATAPIPELINES_REGISTRY_USERNAME_FILE)");
    }

    /** The one line a file that cannot be used gives, for each way it can be unusable. */
    private List<Map.Entry<Path, String>> unusableFiles() throws Exception {
        Path empty = ownerOnly("empty", "\n");
        Path directory = Files.createDirectories(dir.resolve("a-directory"));
        Path binary = dir.resolve("binary");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        return List.of(Map.entry(dir.resolve("no-such-file"), "no such file"), Map.entry(empty, "the file is empty"),
                Map.entry(directory, "a directory, not a file"), Map.entry(binary, "not UTF-8 text"));
    }

    @Test
    void buildRefusesAnUnusableLoginFileInOneLineBeforeRunningAnything() throws Exception {
        Path password = ownerOnly("password", "r3g-s3cret");
        for (Map.Entry<Path, String> unusable : unusableFiles()) {
            for (List<String> login : List.of(
                    List.of("--registry-username-file", unusable.getKey().toString(), "--registry-password-file", password.toString()),
                    List.of("--registry-username", "robot", "--registry-password-file", unusable.getKey().toString()))) {
                List<String> args = new ArrayList<>(List.of("build", DEFINITION, "--image", "registry.example.com/orders",
                        "--base-image", "registry.example.com/java/jre:17"));
                args.addAll(login);
                CliTest.Run build = run(args.toArray(String[]::new));
                String option = login.get(login.indexOf(unusable.getKey().toString()) - 1);
                assertThat(build.exitCode()).as(build.err()).isEqualTo(2);
                assertThat(build.err().strip()).isEqualTo("datapipelines: " + option + " " + unusable.getKey() + ": " + unusable.getValue());
                assertThat(build.out()).isEmpty();
                assertThat(build.err()).doesNotContain("r3g-s3cret").doesNotContain("PASS");
            }
        }
    }

    @Test
    void deployRefusesAnUnusableLoginFileInOneLine() throws Exception {
        Path password = ownerOnly("password", "k4f-s3cret");
        for (Map.Entry<Path, String> unusable : unusableFiles()) {
            CliTest.Run deploy = run("deploy", DEFINITION, "--image", IMAGE, "--deployment", "prod", "--namespace", "pipelines",
                    "--bootstrap-servers", "kafka:9093", "--kafka-username-file", unusable.getKey().toString(),
                    "--kafka-password-file", password.toString(), "--dry-run");
            assertThat(deploy.exitCode()).as(deploy.err()).isEqualTo(2);
            assertThat(deploy.err().strip()).isEqualTo("datapipelines: --kafka-username-file " + unusable.getKey() + ": " + unusable.getValue());
            assertThat(deploy.out()).isEmpty();
        }
    }

    @Test
    void aLoginFromFilesDeploysAsOneFromFlags() throws Exception {
        Path username = ownerOnly("username", "svc-orders\n");
        Path password = ownerOnly("password", "k4f-s3cret\n");
        CliTest.Run deploy = run("deploy", DEFINITION, "--image", IMAGE, "--deployment", "prod", "--namespace", "pipelines",
                "--bootstrap-servers", "kafka:9093", "--kafka-username-file", username.toString(), "--kafka-password-file", password.toString(),
                "--dry-run", "--output", "json");
        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(deploy.out()).contains("datapipelines.orders-cleanup-prod.kafka-credentials").doesNotContain("k4f-s3cret");
        assertThat(deploy.err()).doesNotContain("k4f-s3cret");
    }

    private static final String REGISTRY_USERNAME_FILE = "DATAPIPELINES_REGISTRY_USERNAME_FILE";
    private static final String REGISTRY_PASSWORD_FILE = "DATAPIPELINES_REGISTRY_PASSWORD_FILE";
    private static final String KAFKA_USERNAME_FILE = "DATAPIPELINES_KAFKA_USERNAME_FILE";
    private static final String KAFKA_PASSWORD_FILE = "DATAPIPELINES_KAFKA_PASSWORD_FILE";

    @Test
    void withoutFlagsTheVariablesNameTheFilesOfTheLogins() throws Exception {
        Path registryUser = ownerOnly("registry-username", "robot-7f3a9c\n");
        Path registryPassword = ownerOnly("registry-password", "r3g-s3cret\n");
        Map<String, String> environment = Map.of(REGISTRY_USERNAME_FILE, registryUser.toString(), REGISTRY_PASSWORD_FILE, registryPassword.toString());
        RegistryLogin login = registryLogin();
        RegistryCredentials registry = login.credentials(environment);
        Credential credential = RegistryCredentialsProbe.credentialFor(registry, "registry.example.com/orders").orElseThrow();
        assertThat(credential.getUsername()).isEqualTo("robot-7f3a9c");
        assertThat(credential.getPassword()).isEqualTo("r3g-s3cret");
        assertThat(registry.toString()).doesNotContain("robot-7f3a9c").doesNotContain("r3g-s3cret");
        assertThat(login.environmentVariables(environment)).as("hidden from the definition's tests")
                .containsExactly(REGISTRY_USERNAME_FILE, REGISTRY_PASSWORD_FILE);

        Path kafkaUser = ownerOnly("kafka-username", "svc-orders\n");
        Path kafkaPassword = ownerOnly("kafka-password", "pa\"ss w0rd \n");
        KafkaCredentials kafka = kafkaLogin("--kafka-sasl-mechanism", "SCRAM-SHA-512")
                .credentials(Map.of(KAFKA_USERNAME_FILE, kafkaUser.toString(), KAFKA_PASSWORD_FILE, kafkaPassword.toString()));
        assertThat(kafka.username()).isEqualTo("svc-orders");
        assertThat(kafka.jaasConfig()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"svc-orders\" password=\"pa\\\"ss w0rd \";");
        // Unset or empty: no login, as without the variables.
        assertThat(kafkaLogin().credentials(Map.of(KAFKA_USERNAME_FILE, "", KAFKA_PASSWORD_FILE, ""))).isNull();
        assertThat(registryLogin().environmentVariables(Map.of(REGISTRY_USERNAME_FILE, ""))).isEmpty();
    }

    @Test
    void aFlagWinsOverItsVariable() throws Exception {
        Path user = ownerOnly("username", "from-the-file");
        Path password = ownerOnly("password", "pw-from-the-file");
        Path flagPassword = ownerOnly("flag-password", "pw-from-the-flag");
        String missing = dir.resolve("no-such-file").toString();
        // The variables name files that are not there: a flag given, they are not even read.
        Map<String, String> unusable = Map.of(REGISTRY_USERNAME_FILE, missing, REGISTRY_PASSWORD_FILE, missing,
                KAFKA_USERNAME_FILE, missing, KAFKA_PASSWORD_FILE, missing);
        Credential both = RegistryCredentialsProbe.credentialFor(registryLogin("--registry-username", "robot",
                "--registry-password-file", flagPassword.toString()).credentials(unusable), "registry.example.com/orders").orElseThrow();
        assertThat(both.getUsername() + ":" + both.getPassword()).isEqualTo("robot:pw-from-the-flag");
        // Each part on its own: the flag's username with the variable's password, and the other way round.
        Credential mixed = RegistryCredentialsProbe.credentialFor(registryLogin("--registry-username", "robot")
                .credentials(Map.of(REGISTRY_USERNAME_FILE, missing, REGISTRY_PASSWORD_FILE, password.toString())), "registry.example.com/orders")
                .orElseThrow();
        assertThat(mixed.getUsername() + ":" + mixed.getPassword()).isEqualTo("robot:pw-from-the-file");
        KafkaCredentials kafka = kafkaLogin("--kafka-password-file", flagPassword.toString())
                .credentials(Map.of(KAFKA_USERNAME_FILE, user.toString(), KAFKA_PASSWORD_FILE, missing));
        assertThat(kafka.jaasConfig()).contains("username=\"from-the-file\" password=\"pw-from-the-flag\"");
        // A login of another kind on the command line (a token, a Docker config): the variables are not read.
        Path token = ownerOnly("token", "t0ken");
        assertThat(registryLogin("--registry-token-file", token.toString()).credentials(unusable).toString()).contains("identity token");
        assertThat(registryLogin("--registry-token-file", token.toString()).environmentVariables(unusable)).isEmpty();
        Path config = ownerOnly("config.json", "{}");
        registryLogin("--docker-config", config.toString()).credentials(unusable);
    }

    @Test
    void aLoginHalfGivenByTheVariablesIsRefusedNamingThem() throws Exception {
        Path password = ownerOnly("password", "pw");
        assertThatThrownBy(() -> registryLogin().credentials(Map.of(REGISTRY_PASSWORD_FILE, password.toString())))
                .hasMessage("a registry password needs a username: --registry-username, --registry-username-env or --registry-username-file "
                        + "(or DATAPIPELINES_REGISTRY_USERNAME_FILE)");
        assertThatThrownBy(() -> kafkaLogin().credentials(Map.of(KAFKA_USERNAME_FILE, password.toString())))
                .hasMessage("a Kafka username needs a password: --kafka-password-env or --kafka-password-file (or DATAPIPELINES_KAFKA_PASSWORD_FILE)");
    }

    @Test
    void aVariableNamingAnUnusableFileIsRefusedInTheFlagsOneLineNamingTheVariable() throws Exception {
        Path user = ownerOnly("username", "svc");
        Path password = ownerOnly("password", "s3cret");
        for (Map.Entry<Path, String> unusable : unusableFiles()) {
            String file = unusable.getKey().toString();
            assertThatThrownBy(() -> registryLogin().credentials(Map.of(REGISTRY_USERNAME_FILE, file, REGISTRY_PASSWORD_FILE, password.toString())))
                    .hasMessage(REGISTRY_USERNAME_FILE + " " + file + ": " + unusable.getValue());
            assertThatThrownBy(() -> registryLogin().credentials(Map.of(REGISTRY_USERNAME_FILE, user.toString(), REGISTRY_PASSWORD_FILE, file)))
                    .hasMessage(REGISTRY_PASSWORD_FILE + " " + file + ": " + unusable.getValue());
            assertThatThrownBy(() -> kafkaLogin().credentials(Map.of(KAFKA_USERNAME_FILE, file, KAFKA_PASSWORD_FILE, password.toString())))
                    .hasMessage(KAFKA_USERNAME_FILE + " " + file + ": " + unusable.getValue());
            assertThatThrownBy(() -> kafkaLogin().credentials(Map.of(KAFKA_USERNAME_FILE, user.toString(), KAFKA_PASSWORD_FILE, file)))
                    .hasMessage(KAFKA_PASSWORD_FILE + " " + file + ": " + unusable.getValue());
        }
    }

    /** The CLI in a process of its own with {@code variables} added to this one's environment (the commands read System.getenv()). */
    private static CliTest.Run runWith(Map<String, String> variables, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), DataPipelinesCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("DATAPIPELINES_") || name.startsWith("KAFKA_"));
        environment.putAll(variables);
        Process process = builder.start();
        process.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            try (InputStream in = process.getErrorStream()) {
                in.transferTo(err);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        pump.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        pump.join();
        return new CliTest.Run(exit, out, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void deployLogsInFromTheFilesTheVariablesNameWithNoLoginOnItsCommandLine() throws Exception {
        Path username = ownerOnly("username", "svc-orders\n");
        Path password = ownerOnly("password", "k4f-s3cret\n");
        String[] args = {"deploy", DEFINITION, "--image", IMAGE, "--deployment", "prod", "--namespace", "pipelines",
                "--bootstrap-servers", "kafka:9093", "--kafka-sasl-mechanism", "SCRAM-SHA-512", "--dry-run", "--output", "json"};
        Map<String, String> variables = new HashMap<>(Map.of(KAFKA_USERNAME_FILE, username.toString(), KAFKA_PASSWORD_FILE, password.toString()));
        CliTest.Run deploy = runWith(variables, args);
        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(deploy.out()).contains("datapipelines.orders-cleanup-prod.kafka-credentials").doesNotContain("k4f-s3cret");
        assertThat(deploy.err()).doesNotContain("k4f-s3cret");
        assertThat(String.join(" ", args) + variables.values()).doesNotContain("svc-orders").doesNotContain("k4f-s3cret");

        variables.put(KAFKA_PASSWORD_FILE, dir.resolve("gone").toString());
        CliTest.Run refused = runWith(variables, args);
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err().strip()).isEqualTo("datapipelines: DATAPIPELINES_KAFKA_PASSWORD_FILE " + dir.resolve("gone") + ": no such file");
        assertThat(refused.out()).isEmpty();
    }
}
