package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jenkins.plugins.datapipelines.CliResults.CANONICAL;
import static io.jenkins.plugins.datapipelines.CliResults.DIGEST;
import static io.jenkins.plugins.datapipelines.CliResults.REVISION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploymentRecordTest {
    private static final ValidationResult VALIDATION = new ValidationResult("orders", REVISION, CANONICAL);
    private static final ImageBuildResult BUILD = new ImageBuildResult(new ImageReference("reg/orders", DIGEST), REVISION, "orders");
    private static final RolloutResult ROLLOUT = new RolloutResult("prod", "orders-eu", 4, "reg/orders@" + DIGEST, 1, 3, "available", null);

    @Test
    void joinsTheThreeResultsIntoTheStepsReturnValue() throws Exception {
        Map<String, Object> result = DeploymentRecord.of(VALIDATION, BUILD, ROLLOUT, false).toStepResult();
        assertEquals(List.of("pipeline", "deployment", "namespace", "image", "digest", "revisionHash", "revision", "status", "dryRun"),
                List.copyOf(result.keySet()));
        assertEquals("reg/orders@" + DIGEST, result.get("image"));
        assertEquals(DIGEST, result.get("digest"));
        assertEquals(REVISION, result.get("revisionHash"));
        assertEquals("orders-eu", result.get("deployment"));
        assertEquals("prod", result.get("namespace"));
        assertEquals(4, result.get("revision"));
        assertEquals(false, result.get("dryRun"));
    }

    @Test
    void aBuildOfAnotherRevisionIsRefused() {
        ImageBuildResult other = new ImageBuildResult(BUILD.image(), CliResultParser.sha256("changed"), "orders");
        assertTrue(assertThrows(DeploymentFailure.class, () -> DeploymentRecord.of(VALIDATION, other, ROLLOUT, false))
                .getMessage().startsWith("the definition changed while the step ran: validated revision " + REVISION));
    }

    @Test
    void aRolloutOfAnotherImageIsRefusedButAnotherSpellingOfTheSameIsNot() throws Exception {
        RolloutResult otherImage = new RolloutResult("prod", "orders-eu", 4, "reg/orders@sha256:" + "9".repeat(64), 1, 3, "available", null);
        assertThrows(DeploymentFailure.class, () -> DeploymentRecord.of(VALIDATION, BUILD, otherImage, false));
        RolloutResult respelled = new RolloutResult("prod", "orders-eu", 4, "docker.io/reg/orders@" + DIGEST, 1, 3, "available", null);
        assertEquals(BUILD.image(), DeploymentRecord.of(VALIDATION, BUILD, respelled, false).image());
    }
}
