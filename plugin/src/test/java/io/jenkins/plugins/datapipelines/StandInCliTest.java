package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step's whole sequence without Jenkins: the stand-in CLI (the fixture of the Jenkins tests) installed through
 * the agent cache, run with the step's command lines and environment, its results parsed and joined as the step
 * records them. Proves the fixture speaks the contract the step is written against.
 */
class StandInCliTest {
    @TempDir
    Path temp;

    private static final String DEFINITION = "apiVersion: datapipelines.io/v1\nkind: Pipeline\nmetadata:\n  name: orders\n";

    @Test
    void validateBuildDeployAsTheStepDoesIt() throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("datapipeline.yaml"), DEFINITION);
        String jar = new CliCache(new LocalInstallLocation(temp.resolve("agent/tools/datapipelines-cli")),
                StandInCliDistribution.create(Files.createDirectories(temp.resolve("dist")))).ensureInstalled(s -> { });
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().deployment("orders-eu").namespace("prod")
                .image("registry.example.com/orders").baseImage("registry.example.com/jre@sha256:" + "0".repeat(64))
                .registryCredentialsId("registry").kafkaBootstrapServers("kafka:9092").kafkaCredentialsId("kafka").build(), DeployDefaults.NONE);
        CliEnvironment environment = new CliEnvironment().registry("robot", "r3g-s3cret").kafkaCredentials("svc", "k4f-s3cret");
        LocalCli cli = new LocalCli(jar, workspace, environment);

        CliOutcome validate = cli.run(CliCommands.validate(settings.definition()));
        assertEquals(0, validate.exitCode(), validate.failureMessage());
        ValidationResult validation = CliResultParser.validation(validate.stdout());
        assertEquals("orders", validation.pipeline());

        CliOutcome build = cli.run(CliCommands.build(settings, settings.imageRepositoryFor(validation.pipeline())));
        assertEquals(0, build.exitCode(), build.failureMessage());
        ImageBuildResult image = CliResultParser.build(build.stdout());

        for (int expectedRevision = 1; expectedRevision <= 2; expectedRevision++) {
            CliOutcome deploy = cli.run(CliCommands.deploy(settings, settings.definition(), image.image(), settings.deploymentFor(validation.pipeline()),
                    null, "Jenkins orders #" + expectedRevision, null));
            assertEquals(0, deploy.exitCode(), deploy.failureMessage());
            DeploymentRecord record = DeploymentRecord.of(validation, image, CliResultParser.rollout(deploy.stdout(), false), false);
            assertEquals(expectedRevision, record.kubernetesRevision());
            assertEquals("deployed", record.status());
            assertEquals("registry.example.com/orders", record.image().repository());
            assertEquals("prod", record.namespace());
        }

        String log = cli.log();
        assertTrue(log.contains("logging in to the registry as robot with password ****"), log);
        assertTrue(log.contains("kafka kafka:9092 as svc with password **** (PLAIN over SASL_SSL)"), log);
        assertTrue(log.contains("waiting up to 5m for prod/orders-eu"), log);
        assertFalse(log.contains("s3cret"), log);
        assertEquals(List.of("prod/orders-eu revision 1 " + image.image() + " cause Jenkins orders #1",
                        "prod/orders-eu revision 2 " + image.image() + " cause Jenkins orders #2"),
                Files.readAllLines(workspace.resolve("stand-in-cluster/deployed")));
    }

    /** A changed shadow (the stand-in's, speaking the real command's result) is recorded aborted; the live revision stays. */
    @Test
    void aShadowBeyondItsThresholdsAbortsTheDeploymentAndOneWithinDeploysIt() throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("datapipeline.yaml"), DEFINITION);
        String jar = new CliCache(new LocalInstallLocation(temp.resolve("agent/tools/datapipelines-cli")),
                StandInCliDistribution.create(Files.createDirectories(temp.resolve("dist")))).ensureInstalled(s -> { });
        LocalCli cli = new LocalCli(jar, workspace, new CliEnvironment());
        DeploymentSequence sequence = new DeploymentSequence(cli.runner(), new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true),
                cli.masker());
        DeployParameters.Builder step = DeployParameters.builder().deployment("orders-eu").namespace("prod").image("registry.example.com/orders")
                .baseImage("jre:17").kafkaBootstrapServers("kafka:9092");
        DeploymentSequence.Outcome first = sequence.deploy(DeploySettings.resolve(step.build(), DeployDefaults.NONE), Kubeconfig.AGENTS_OWN, null, null);
        assertEquals(1, first.record().kubernetesRevision());
        assertEquals(null, first.shadow(), "no shadow asked for");

        Files.writeString(workspace.resolve("stand-in-cluster/shadow-changed"), "2");
        DeploySettings shadowed = DeploySettings.resolve(step.shadow(ShadowSettings.builder().enabled(true).records("4").build()).build(),
                DeployDefaults.NONE);
        DeploymentSequence.Outcome aborted = sequence.deploy(shadowed, Kubeconfig.AGENTS_OWN, null, null);
        assertTrue(aborted.shadowAborted());
        assertEquals(ShadowReport.ABORTED, aborted.record().status());
        assertEquals(1, aborted.shadow().getLiveRevision());
        assertEquals(first.record().image().toString(), aborted.shadow().getLiveImage());
        assertEquals(List.of("shadow: 4 record(s) compared: 2 changed (50%), 0 new dead letter(s) (0%)",
                "shadow: beyond the thresholds: 2 of 4 records (50%) changed, dropped or emitted only by NEW: more than the allowed 0%"),
                aborted.shadow().lines());
        assertTrue(cli.log().contains("+ datapipelines deploy") && cli.log().contains("--shadow --shadow-records 4"), cli.log());
        assertEquals(1, Files.readAllLines(workspace.resolve("stand-in-cluster/deployed")).size(), "nothing deployed");

        DeploySettings allowed = DeploySettings.resolve(step.shadow(ShadowSettings.builder().enabled(true).records("4").maxChangedRate("0.5").build())
                .build(), DeployDefaults.NONE);
        DeploymentSequence.Outcome promoted = sequence.deploy(allowed, Kubeconfig.AGENTS_OWN, null, null);
        assertFalse(promoted.shadowAborted());
        assertTrue(promoted.shadow().isWithin());
        assertEquals(2, promoted.record().kubernetesRevision());
    }

    @Test
    void theKubeconfigIsWrittenOnlyForDeployWhereTheDefinitionsCodeCannotReadIt() throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Path temporary = Files.createDirectories(temp.resolve("workspace@tmp"));
        Files.writeString(workspace.resolve("datapipeline.yaml"), DEFINITION);
        String jar = new CliCache(new LocalInstallLocation(temp.resolve("agent/tools/datapipelines-cli")),
                StandInCliDistribution.create(Files.createDirectories(temp.resolve("dist")))).ensureInstalled(s -> { });
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().deployment("orders-eu").namespace("prod")
                .image("registry.example.com/orders").baseImage("registry.example.com/jre@sha256:" + "0".repeat(64))
                .kafkaBootstrapServers("kafka:9092").build(), DeployDefaults.NONE);
        LocalCli cli = new LocalCli(jar, workspace, new CliEnvironment());
        DeploymentSequence sequence = new DeploymentSequence(cli.runner(), new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true),
                cli.masker());
        Path kubeconfig = temporary.resolve("kubeconfig123.yaml");
        List<String> asked = new java.util.ArrayList<>();

        DeploymentSequence.Outcome outcome = sequence.deploy(settings, () -> {
            asked.add(cli.log().contains("+ datapipelines build") ? "after build" : "before build");
            Files.writeString(kubeconfig, "apiVersion: v1\n");
            return kubeconfig.toString();
        }, "Jenkins orders #1", null);
        assertEquals(List.of("after build"), asked);
        assertEquals("deployed", outcome.record().status());
        assertTrue(cli.log().contains("cluster from kubeconfig: apiVersion: v1"), cli.log());

        // Written before (as the step did): validate, which compiles the definition's code, could read it.
        DeploymentFailure leak = assertThrows(DeploymentFailure.class, () -> sequence.deploy(settings, Kubeconfig.at(kubeconfig.toString()), null, null));
        assertTrue(leak.getMessage().contains("the definition's code could read " + kubeconfig + " during validate"), leak.getMessage());
    }

    /**
     * In a container the logins are files, written for the one command that needs them and named by its environment's
     * {@code DATAPIPELINES_*_FILE} variables, from which the CLI logs in; the tests run on their own first.
     */
    @Test
    void inAContainerTheLoginsAreFilesThatOnlyTheirCommandSees() throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Path temporary = Files.createDirectories(temp.resolve("workspace@tmp"));
        Files.writeString(workspace.resolve("datapipeline.yaml"), DEFINITION);
        String jar = new CliCache(new LocalInstallLocation(temp.resolve("agent/tools/datapipelines-cli")),
                StandInCliDistribution.create(Files.createDirectories(temp.resolve("dist")))).ensureInstalled(s -> { });
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().deployment("orders-eu").namespace("prod")
                .image("registry.example.com/orders").baseImage("registry.example.com/jre@sha256:" + "0".repeat(64))
                .registryCredentialsId("registry").kafkaBootstrapServers("kafka:9092").kafkaCredentialsId("kafka").build(), DeployDefaults.NONE);
        // The registry's username is marked secret by its credential: it must not be on a command line either.
        CliEnvironment logins = new CliEnvironment().registry("robot-7f3a9c", "r3g-s3cret", true).kafkaCredentials("svc", "k4f-s3cret");
        LocalPrivateFiles files = new LocalPrivateFiles(temporary);
        DeploymentCredentials credentials = new DeploymentCredentials(logins, files, null);
        // As the step in a container: the processes' environment without the logins, the masker knowing them all.
        LocalCli cli = new LocalCli(jar, workspace, Map.of(), credentials.processEnvironment(CliPlace.CONTAINER),
                new SecretMasker(credentials.environment().secrets()));
        List<List<String>> commandLines = new java.util.ArrayList<>();
        List<Map<String, String>> environments = new java.util.ArrayList<>();
        int[] before = {0};
        CliRunner recording = arguments -> {
            commandLines.add(arguments);
            List<Path> forThisCommand = files.written.subList(before[0], files.written.size());
            for (Path file : files.written.subList(0, before[0])) {
                assertFalse(Files.exists(file), file + " outlived its command, still there when " + arguments.get(0) + " runs");
            }
            for (Path file : forThisCommand) {
                assertTrue(Files.exists(file), file + " exists while " + arguments.get(0) + " runs");
            }
            before[0] = files.written.size();
            // What the launcher adds for this command (paths only), without the empty values that hide the others.
            Map<String, String> added = new java.util.HashMap<>(CliLauncher.environmentFor(arguments.get(0), Map.of(),
                    credentials.processEnvironment(CliPlace.CONTAINER)));
            added.values().removeIf(String::isEmpty);
            environments.add(added);
            return cli.runner().outcome(arguments);
        };
        DeploymentSequence sequence = new DeploymentSequence(recording, new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true),
                cli.masker(), credentials.logins(CliPlace.CONTAINER));

        DeploymentSequence.Outcome outcome = sequence.deploy(settings, Kubeconfig.AGENTS_OWN, "Jenkins orders #1", null);

        assertEquals("deployed", outcome.record().status());
        String log = cli.log();
        int test = log.indexOf("+ datapipelines test -- datapipeline.yaml");
        int build = log.indexOf("+ datapipelines build --image registry.example.com/orders");
        assertTrue(test >= 0 && build > test, "the tests run first, on their own: " + log);
        List<Path> written = files.written;
        assertEquals(4, written.size(), "the username and the password of each login, each in a file of its own");
        assertTrue(log.contains("+ datapipelines build --image registry.example.com/orders --base-image registry.example.com/jre@sha256:"
                + "0".repeat(64) + " --skip-tests --output json"), "no login option: " + log);
        assertTrue(log.contains("logging in to the registry as **** with password ****"), "the CLI read both files: " + log);
        assertTrue(log.contains("--bootstrap-servers kafka:9092 --kafka-sasl-mechanism PLAIN"), log);
        assertTrue(log.contains("kafka kafka:9092 as svc with password **** (PLAIN over SASL_SSL)"), "the CLI read both files: " + log);
        assertFalse(log.contains("-file") || log.contains("-env "), "no login option: " + log);
        // Each command's environment as it ran: build's and deploy's name their own two files, and hold no secret.
        assertEquals(List.of("validate", "test", "build", "deploy"), commandLines.stream().map(arguments -> arguments.get(0)).toList());
        assertEquals(Map.of(CliEnvironment.REGISTRY_USERNAME_FILE, written.get(0).toString(), CliEnvironment.REGISTRY_PASSWORD_FILE,
                written.get(1).toString()), environments.get(2));
        assertEquals(Map.of(CliEnvironment.KAFKA_USERNAME_FILE, written.get(2).toString(), CliEnvironment.KAFKA_PASSWORD_FILE,
                written.get(3).toString()), environments.get(3));
        assertEquals(Map.of(), environments.get(0));
        assertEquals(Map.of(), environments.get(1));
        for (int i = 0; i < commandLines.size(); i++) {
            List<String> arguments = commandLines.get(i);
            for (String secret : List.of("robot-7f3a9c", "r3g-s3cret", "svc", "k4f-s3cret")) {
                assertFalse(arguments.stream().anyMatch(argument -> argument.contains(secret)), secret + " on the command line " + arguments);
                assertFalse(environments.get(i).values().stream().anyMatch(value -> value.contains(secret)),
                        secret + " in the environment of " + arguments.get(0));
            }
        }
        assertFalse(log.contains("s3cret") || log.contains("robot-7f3a9c"), log);
        assertFalse(log.contains("DATAPIPELINES_REGISTRY_PASSWORD") || log.contains("DATAPIPELINES_KAFKA_PASSWORD"), log);
        for (Path file : written) {
            assertFalse(Files.exists(file), file + " outlived its command");
        }
    }

    /** After a controller restart the step asks the cluster (status) whether the rollout it had started landed. */
    @Test
    void aRestartedStepReattachesToItsRolloutThroughStatus() throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("datapipeline.yaml"), DEFINITION);
        String jar = new CliCache(new LocalInstallLocation(temp.resolve("agent/tools/datapipelines-cli")),
                StandInCliDistribution.create(Files.createDirectories(temp.resolve("dist")))).ensureInstalled(s -> { });
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().deployment("orders-eu").namespace("prod")
                .image("registry.example.com/orders").baseImage("registry.example.com/jre@sha256:" + "0".repeat(64))
                .kafkaBootstrapServers("kafka:9092").build(), DeployDefaults.NONE);
        LocalCli cli = new LocalCli(jar, workspace, new CliEnvironment());
        java.io.ByteArrayOutputStream stepLog = new java.io.ByteArrayOutputStream();
        DeploymentSequence sequence = new DeploymentSequence(cli.runner(), new java.io.PrintStream(stepLog, true), cli.masker());
        List<PendingRollout> saved = new java.util.ArrayList<>();
        DeploymentSequence.Outcome deployed = sequence.deploy(settings, Kubeconfig.AGENTS_OWN, "Jenkins orders #1", null, saved::add);
        assertEquals(1, saved.size(), "saved before the rollout");
        PendingRollout pending = saved.get(0);
        assertEquals(deployed.record().image().digest(), pending.imageDigest());
        assertEquals("prod/orders-eu", pending.target());

        // The restart: the rollout is still progressing for two more looks, then available.
        Files.writeString(workspace.resolve("stand-in-cluster/progressing"), "2");
        List<java.time.Duration> pauses = new java.util.ArrayList<>();
        int logBefore = cli.log().length();
        DeploymentSequence.Outcome reattached = sequence.reattach(pending, Kubeconfig.AGENTS_OWN, true, java.time.Duration.ofMinutes(5), pauses::add);
        assertEquals(deployed.record(), reattached.record(), "the same record as if the step had waited");
        assertEquals(deployed.canonicalDefinition(), reattached.canonicalDefinition());
        String log = cli.log().substring(logBefore);
        assertEquals(3, log.split("\\+ datapipelines status --deployment orders-eu --namespace prod --output json -- orders", -1).length - 1, log);
        assertFalse(log.contains("+ datapipelines build") || log.contains("+ datapipelines deploy"), "nothing built or deployed: " + log);
        assertEquals(2, pauses.size());
        assertTrue(stepLog.toString().contains("Jenkins restarted during the rollout of " + pending.image() + " to prod/orders-eu"), stepLog.toString());

        // Still progressing when the rollout timeout is up: a failure that says so.
        Files.writeString(workspace.resolve("stand-in-cluster/progressing"), "99");
        DeploymentFailure slow = assertThrows(DeploymentFailure.class,
                () -> sequence.reattach(pending, Kubeconfig.AGENTS_OWN, true, java.time.Duration.ofSeconds(10), d -> { }));
        assertTrue(slow.getMessage().contains("(progressing)"), slow.getMessage());
        // Without waiting for the rollout (wait: false), the image applied is the record, as without a restart.
        assertEquals("applied", sequence.reattach(pending, Kubeconfig.AGENTS_OWN, false, java.time.Duration.ZERO, d -> { }).record().status());
        Files.delete(workspace.resolve("stand-in-cluster/progressing"));

        // Someone deployed another image meanwhile, or the deployment is gone: nothing recorded, the reason given.
        PendingRollout elsewhere = new PendingRollout(pending.pipeline(), pending.revisionHash(), pending.canonicalDefinition(),
                pending.imageRepository(), pending.imageDigest(), "orders-us", "prod", pending.definitionFile(), null, null);
        DeploymentFailure gone = assertThrows(DeploymentFailure.class,
                () -> sequence.reattach(elsewhere, Kubeconfig.AGENTS_OWN, true, java.time.Duration.ofMinutes(5), d -> { }));
        assertTrue(gone.getMessage().contains("and the cluster does not run it: it runs nothing"), gone.getMessage());
        PendingRollout other = new PendingRollout(pending.pipeline(), pending.revisionHash(), pending.canonicalDefinition(),
                pending.imageRepository(), "sha256:" + "e".repeat(64), "orders-eu", "prod", pending.definitionFile(), null, null);
        DeploymentFailure replaced = assertThrows(DeploymentFailure.class,
                () -> sequence.reattach(other, Kubeconfig.AGENTS_OWN, true, java.time.Duration.ofMinutes(5), d -> { }));
        assertTrue(replaced.getMessage().contains("it runs " + deployed.record().image() + " (available)"), replaced.getMessage());
    }

    @Test
    void aRollbackDeploysTheRecordedImageAgainAndBuildsNothing() throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        String jar = new CliCache(new LocalInstallLocation(temp.resolve("cache")),
                StandInCliDistribution.create(Files.createDirectories(temp.resolve("dist")))).ensureInstalled(s -> { });
        LocalCli cli = new LocalCli(jar, workspace, new CliEnvironment());
        java.io.ByteArrayOutputStream stepLog = new java.io.ByteArrayOutputStream();
        DeploymentSequence sequence = new DeploymentSequence(cli.runner(), new java.io.PrintStream(stepLog, true), cli.masker());
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().namespace("prod").image("registry.example.com/orders")
                .baseImage("jre:17").kafkaBootstrapServers("k:9092").build(), DeployDefaults.NONE);

        Files.writeString(workspace.resolve("datapipeline.yaml"), DEFINITION);
        DeploymentSequence.Outcome first = sequence.deploy(settings, Kubeconfig.AGENTS_OWN, "Jenkins orders #1", null);
        Files.writeString(workspace.resolve("datapipeline.yaml"), DEFINITION + "# a new revision\n");
        DeploymentSequence.Outcome second = sequence.deploy(settings, Kubeconfig.AGENTS_OWN, "Jenkins orders #2", null);
        assertFalse(first.record().image().equals(second.record().image()));

        DeploymentAction recorded = new DeploymentAction(first.record(), "datapipeline.yaml", first.canonicalDefinition(),
                DeployParameters.of(settings), null);
        Path definition = Files.writeString(temp.resolve("recorded.json"), recorded.getCanonicalDefinition());
        DeploymentSequence.Outcome rollback = sequence.redeploy(recorded, RollbackTarget.settingsFor(recorded, settings, DeployDefaults.NONE),
                definition.toString(), Kubeconfig.AGENTS_OWN, "Rolled back to #1 by alice", null);

        assertEquals(first.record().image(), rollback.record().image());
        assertEquals(first.record().revisionHash(), rollback.record().revisionHash());
        assertEquals(3, rollback.record().kubernetesRevision());
        assertEquals(2, Files.readAllLines(workspace.resolve("stand-in-cluster/images-built")).size(), "the rollback built no image");
        assertEquals("prod/orders revision 3 " + first.record().image() + " cause Rolled back to #1 by alice",
                Files.readAllLines(workspace.resolve("stand-in-cluster/deployed")).get(2));
        assertTrue(stepLog.toString().contains("Rolling back: deploying " + first.record().image() + " to prod/orders again"), stepLog.toString());

        DeploymentAction altered = new DeploymentAction(first.record(), "datapipeline.yaml", first.canonicalDefinition() + " ", null, null);
        assertEquals("the recorded definition of prod/orders does not hash to its recorded revision " + first.record().revisionHash()
                + ": the build record was altered", assertThrows(DeploymentFailure.class, () -> sequence.redeploy(altered, settings,
                definition.toString(), Kubeconfig.AGENTS_OWN, null, null)).getMessage());
    }

    @Test
    void aDryRunPrintsTheResultWithTheManifests() throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("datapipeline.yaml"), DEFINITION);
        String jar = new CliCache(new LocalInstallLocation(temp.resolve("cache")),
                StandInCliDistribution.create(Files.createDirectories(temp.resolve("dist")))).ensureInstalled(s -> { });
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().kafkaBootstrapServers("k:9092").dryRun(true).build(),
                DeployDefaults.NONE);
        CliOutcome deploy = new LocalCli(jar, workspace, new CliEnvironment()).run(CliCommands.deploy(settings, "datapipeline.yaml",
                new ImageReference("r/o", "sha256:" + "1".repeat(64)), "orders", null, null, null));
        RolloutResult result = CliResultParser.rollout(deploy.stdout(), true);
        assertEquals("dry-run", result.status());
        assertTrue(result.manifests().contains("\"kind\" : \"Deployment\""), result.manifests());
        assertFalse(Files.exists(workspace.resolve("stand-in-cluster/deployed")));
    }

    @Test
    void failuresCarryTheCommandsOwnWords() throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("bad.yaml"), "this definition is invalid\n");
        Files.writeString(workspace.resolve("good.yaml"), DEFINITION);
        String jar = new CliCache(new LocalInstallLocation(temp.resolve("cache")),
                StandInCliDistribution.create(Files.createDirectories(temp.resolve("dist")))).ensureInstalled(s -> { });
        LocalCli cli = new LocalCli(jar, workspace, new CliEnvironment());

        assertEquals("datapipelines validate rejected its input (exit code 2):\n  bad.yaml:1:1: spec: the stand-in rejects definitions that say 'invalid'",
                cli.run(CliCommands.validate("bad.yaml")).failureMessage());
        ImageReference image = new ImageReference("r/o", "sha256:" + "1".repeat(64));
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().definition("good.yaml").namespace("prod")
                        .kafkaBootstrapServers("k:9092").build(),
                DeployDefaults.NONE);
        CliOutcome rollout = cli.run(CliCommands.deploy(settings, "good.yaml", image, "broken-rollout", null, null, null));
        assertEquals(1, rollout.exitCode());
        assertEquals("datapipelines deploy failed (exit code 1):\n  rollout of prod/broken-rollout failed: pod broken-rollout-7d9f is in CrashLoopBackOff",
                rollout.failureMessage());
        // As the real CLI: credentials named by an option must be in the environment; a missing base image is said so.
        assertEquals("datapipelines build rejected its input (exit code 2):\n  datapipelines: no base image: give --base-image REF or "
                + "docker-archive:PATH (or set DATAPIPELINES_BASE_IMAGE)", cli.run(CliCommands.build(settings, "r/o")).failureMessage());
        DeploySettings based = DeploySettings.resolve(DeployParameters.builder().definition("good.yaml").registryCredentialsId("registry")
                        .baseImage("jre:17").build(),
                DeployDefaults.NONE);
        assertEquals("datapipelines build rejected its input (exit code 2):\n  datapipelines: --registry-username-env "
                + "DATAPIPELINES_REGISTRY_USERNAME: the environment variable is not set", cli.run(CliCommands.build(based, "r/o")).failureMessage());
    }
}
