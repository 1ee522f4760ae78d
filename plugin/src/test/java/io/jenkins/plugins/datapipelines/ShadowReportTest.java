package io.jenkins.plugins.datapipelines;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.jenkins.plugins.datapipelines.CliResults.CANONICAL;
import static io.jenkins.plugins.datapipelines.CliResults.DIGEST;
import static io.jenkins.plugins.datapipelines.CliResults.REVISION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deploy --shadow --output json} as the CLI prints it (the fixtures are its real output, from ShadowDeployTest's
 * promoted and aborted deployments), read into a {@link ShadowReport}, and a deployment whose shadow aborted recorded
 * and failed with the shadow's summary.
 */
class ShadowReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** In the plugin's test resources; read by path, as plugin-check (which runs these tests offline) does not copy them. */
    static String fixture(String name) throws IOException {
        return Files.readString(Path.of(System.getProperty("plugin.dir", "../plugin"),
                "src/test/resources/io/jenkins/plugins/datapipelines", name), StandardCharsets.UTF_8);
    }

    static String aborted() throws IOException {
        return fixture("deploy-shadow-aborted.json");
    }

    static String promoted() throws IOException {
        return fixture("deploy-shadow-promoted.json");
    }

    @Test
    void anAbortedShadowIsReadWithItsCountsVerdictAndTheRevisionThatStays() throws Exception {
        String stdout = aborted();
        assertTrue(CliResultParser.shadowAborted(stdout));
        ShadowReport shadow = CliResultParser.shadow(stdout);
        assertTrue(shadow.isAborted());
        assertFalse(shadow.isWithin());
        assertTrue(shadow.isSummarized());
        assertEquals(4, shadow.getTotal());
        assertEquals(2, shadow.getChanged());
        assertEquals(0, shadow.getNewDeadLetters());
        assertEquals("50%", shadow.getChangedRate());
        assertEquals("0%", shadow.getNewDeadLetterRate());
        assertEquals(List.of("unchanged", "changed", "dropped", "onlyInNew", "newDeadLetter", "deadLetterFixed"),
                new ArrayList<>(shadow.getCounts().keySet()));
        assertEquals(4L, shadow.getRecords());
        assertEquals("1m", shadow.getTimeout());
        assertEquals("0%", shadow.getMaxChangedRate());
        assertEquals("0.1%", shadow.getMaxNewDeadLetterRate());
        assertEquals(1, shadow.getLiveRevision());
        assertTrue(shadow.getLiveImage().startsWith("registry.example.com/pipelines/orders-cleanup@sha256:"), shadow.getLiveImage());
        // The CLI's own lines (ShadowDeployTest asserts them on its text output).
        assertEquals(List.of("shadow: 4 record(s) compared: 2 changed (50%), 0 new dead letter(s) (0%)",
                "shadow: beyond the thresholds: 2 of 4 records (50%) changed, dropped or emitted only by NEW: more than the allowed 0%"),
                shadow.lines());
    }

    @Test
    void aPromotedShadowIsReadBesideTheRollout() throws Exception {
        String stdout = promoted();
        assertFalse(CliResultParser.shadowAborted(stdout));
        RolloutResult rollout = CliResultParser.rollout(stdout, false);
        assertEquals(2, rollout.revision());
        ShadowReport shadow = CliResultParser.shadow(stdout);
        assertFalse(shadow.isAborted());
        assertTrue(shadow.isWithin());
        assertEquals(4, shadow.getTotal());
        assertEquals(0, shadow.getChanged());
        assertTrue(shadow.getViolations().isEmpty());
        assertNull(shadow.getLiveRevision());
        assertEquals(List.of("shadow: 4 record(s) compared: 0 changed (0%), 0 new dead letter(s) (0%)",
                "shadow: within the thresholds (records 4, maxChangedRate 0.0, maxNewDeadLetterRate 0.001)"), shadow.lines());
    }

    @Test
    void aDeploymentWithoutAShadowHasNoReport() throws Exception {
        assertNull(CliResultParser.shadow(CliResults.rollout("registry.example.com/orders@" + DIGEST, "3")));
        assertFalse(CliResultParser.shadowAborted(CliResults.rollout("registry.example.com/orders@" + DIGEST, "3")));
        assertFalse(CliResultParser.shadowAborted("no JSON at all"));
    }

    @Test
    void aShadowWithoutASummaryInTimeSaysSo() throws Exception {
        ObjectNode result = (ObjectNode) JSON.readTree(aborted());
        ObjectNode shadow = (ObjectNode) result.get("shadow");
        shadow.putNull("summary");
        shadow.putArray("violations").add("no summary from the shadow within 3s");
        ShadowReport report = CliResultParser.shadow(result.toString());
        assertFalse(report.isSummarized());
        assertEquals(0, report.getTotal());
        assertEquals(List.of("shadow: beyond the thresholds: no summary from the shadow within 3s"), report.lines());
    }

    /** A sample of differing records (as DiffReport writes each one) is kept bounded: data from the pipeline's records. */
    @Test
    void aSampleOfDifferingRecordsIsKeptBounded() throws Exception {
        ObjectNode result = (ObjectNode) JSON.readTree(aborted());
        ArrayNode records = ((ObjectNode) result.get("shadow").get("summary")).putArray("records");
        for (int i = 0; i < 100; i++) {
            ObjectNode record = records.addObject().put("input", "orders/0@" + i).put("outcome", "changed");
            record.putArray("changes").addObject().put("path", "/total").put("kind", "changed").put("old", 1.25).put("new", "<script>x</script>");
            record.putObject("old").putArray("sink").addObject().put("key", "k").put("value", "v".repeat(100_000));
            record.putObject("new").putObject("error").put("class", "ValueError").put("step", "tax").put("message", "boom");
        }
        ShadowReport report = CliResultParser.shadow(result.toString());
        assertEquals(ShadowReport.MAX_SAMPLE, report.getSample().size());
        ShadowReport.Difference first = report.getSample().get(0);
        assertEquals("orders/0@0", first.getInput());
        assertEquals("changed", first.getOutcome());
        assertEquals(List.of("/total changed: 1.25 \u2192 <script>x</script>"), first.getChanges());
        assertTrue(first.getOldOutput().length() < ShadowReport.MAX_TEXT + 40, "bounded: " + first.getOldOutput().length());
        assertTrue(first.getOldOutput().endsWith("characters)"), first.getOldOutput());
        assertEquals("{\"error\":{\"class\":\"ValueError\",\"step\":\"tax\",\"message\":\"boom\"}}", first.getNewOutput());
    }

    @Test
    void anAbortedShadowIsRecordedAndFailsTheDeploymentWithItsSummary() throws Exception {
        String image = "registry.example.com/orders";
        List<List<String>> ran = new ArrayList<>();
        CliRunner cli = arguments -> {
            ran.add(arguments);
            return switch (arguments.get(0)) {
                case "validate" -> new CliOutcome("validate", 0, CliResults.validation("orders", REVISION, CANONICAL), List.of());
                case "build" -> new CliOutcome("build", 0, CliResults.build(image, DIGEST, REVISION), List.of());
                case "deploy" -> new CliOutcome("deploy", 1, aborted(), List.of("datapipelines: shadow of orders-cleanup/prod aborted"));
                default -> throw new AssertionError(arguments);
            };
        };
        DeploymentSequence sequence = new DeploymentSequence(cli, new PrintStream(new ByteArrayOutputStream(), true), SecretMasker.NONE);
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().image(image).baseImage("jre:17").waitForRollout(false)
                .shadow(ShadowSettings.builder().enabled(true).records("4").build()).build(), DeployDefaults.NONE);

        DeploymentSequence.Outcome outcome = sequence.deploy(settings, Kubeconfig.AGENTS_OWN, null, null);

        assertTrue(ran.get(2).containsAll(List.of("--shadow", "--shadow-records", "4")), ran.get(2).toString());
        assertTrue(outcome.shadowAborted());
        DeploymentRecord record = outcome.record();
        assertEquals(ShadowReport.ABORTED, record.status());
        assertEquals(0, record.kubernetesRevision());
        assertEquals(image + "@" + DIGEST, record.image().toString(), "the image built, which was not deployed");
        assertEquals("prod", record.deployment());
        String message = PipelineDeployer.shadowAborted(record, outcome.shadow());
        List<String> lines = message.lines().toList();
        assertTrue(lines.get(0).contains("aborted the deployment of " + image + "@" + DIGEST) && lines.get(0).contains("revision 1 ("), lines.get(0));
        assertEquals(outcome.shadow().lines(), lines.subList(1, lines.size()));

        DeploymentAction action = new DeploymentAction(record, "datapipeline.yaml", CANONICAL, DeployParameters.of(settings), null, outcome.shadow());
        assertTrue(action.isShadowAborted());
        assertEquals(2, action.getShadow().getChanged());
    }

    @Test
    void aFailedDeployThatIsNoShadowVerdictStaysAFailureOfTheCommand() throws Exception {
        CliRunner cli = arguments -> switch (arguments.get(0)) {
            case "validate" -> new CliOutcome("validate", 0, CliResults.validation("orders", REVISION, CANONICAL), List.of());
            case "build" -> new CliOutcome("build", 0, CliResults.build("registry.example.com/orders", DIGEST, REVISION), List.of());
            default -> new CliOutcome("deploy", 1, "", List.of("datapipelines: cannot reach the cluster"));
        };
        DeploymentSequence sequence = new DeploymentSequence(cli, new PrintStream(new ByteArrayOutputStream(), true), SecretMasker.NONE);
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().image("registry.example.com/orders").baseImage("jre:17")
                .shadow(ShadowSettings.builder().enabled(true).build()).build(), DeployDefaults.NONE);
        DeploymentFailure failure = assertThrows(DeploymentFailure.class, () -> sequence.deploy(settings, Kubeconfig.AGENTS_OWN, null, null));
        assertTrue(failure.getMessage().contains("cannot reach the cluster"), failure.getMessage());
    }
}
