package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import static io.jenkins.plugins.datapipelines.CliResults.CANONICAL;
import static io.jenkins.plugins.datapipelines.CliResults.DIGEST;
import static io.jenkins.plugins.datapipelines.CliResults.REVISION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CliResultParserTest {

    @Test
    void readsAValidation() throws Exception {
        ValidationResult result = CliResultParser.validation(CliResults.validation("orders", REVISION, CANONICAL));
        assertEquals(new ValidationResult("orders", REVISION, CANONICAL), result);
    }

    @Test
    void aCanonicalFormThatDoesNotHashToItsRevisionIsRejected() {
        String other = CliResultParser.sha256("something else");
        DeploymentFailure failure = assertThrows(DeploymentFailure.class,
                () -> CliResultParser.validation(CliResults.validation("orders", other, CANONICAL)));
        assertEquals("datapipelines validate: the canonical definition does not hash to its revision " + other, failure.getMessage());
    }

    @Test
    void readsABuildWhoseImageIsARepositoryOrAReferenceByDigest() throws Exception {
        assertEquals(new ImageBuildResult(new ImageReference("reg.example.com/orders", DIGEST), REVISION, "orders"),
                CliResultParser.build(CliResults.build("reg.example.com/orders", DIGEST, REVISION)));
        assertEquals(new ImageReference("reg.example.com/orders", DIGEST),
                CliResultParser.build(CliResults.build("reg.example.com/orders@" + DIGEST, DIGEST, REVISION)).image());
    }

    @Test
    void aBuildMustGiveADigest() {
        assertEquals("datapipelines build: 'digest' is 'latest', not sha256:<64 hex digits>",
                assertThrows(DeploymentFailure.class, () -> CliResultParser.build(CliResults.build("r/o", "latest", REVISION))).getMessage());
        assertEquals("datapipelines build: 'revisionHash' is 'abc', not 64 hex digits",
                assertThrows(DeploymentFailure.class, () -> CliResultParser.build(CliResults.build("r/o", DIGEST, "abc"))).getMessage());
        assertEquals("datapipelines build: image 'r/o@sha256:" + "f".repeat(64) + "' does not carry the digest " + DIGEST,
                assertThrows(DeploymentFailure.class, () -> CliResultParser.build(
                        CliResults.build("r/o@sha256:" + "f".repeat(64), DIGEST, REVISION))).getMessage());
    }

    @Test
    void readsARollout() throws Exception {
        assertEquals(new RolloutResult("prod", "orders-eu", 7, "r/o@" + DIGEST, 1, 3, "available", null),
                CliResultParser.rollout(CliResults.rollout("r/o@" + DIGEST, "7"), false));
    }

    @Test
    void aRolloutMustSayWhichRevisionItBecame() {
        String withoutRevision = CliResults.rollout("r/o@" + DIGEST, "7").replace("\"revision\":7,", "");
        assertEquals("datapipelines deploy: the result has no whole number 'revision'",
                assertThrows(DeploymentFailure.class, () -> CliResultParser.rollout(withoutRevision, false)).getMessage());
        assertEquals("datapipelines deploy: the result has no whole number 'revision'",
                assertThrows(DeploymentFailure.class, () -> CliResultParser.rollout(CliResults.rollout("r/o@" + DIGEST, "\"7\""), false)).getMessage());
        String withoutMax = CliResults.rollout("r/o@" + DIGEST, "7").replace(",\"max\":3", "");
        assertEquals("datapipelines deploy: the result has no whole number 'replicas.max'",
                assertThrows(DeploymentFailure.class, () -> CliResultParser.rollout(withoutMax, false)).getMessage());
    }

    @Test
    void aDryRunHasNoRevisionAndCarriesTheManifestsForTheLog() throws Exception {
        // As deploy --dry-run --output json prints it (cli DeploymentJson.dryRun).
        String dryRun = "{\"namespace\":\"prod\",\"deployment\":\"orders-eu\",\"revision\":null,\"image\":\"r/o@" + DIGEST
                + "\",\"replicas\":{\"min\":1,\"max\":3},\"status\":\"dry-run\",\"manifests\":{\"apiVersion\":\"v1\",\"kind\":\"List\","
                + "\"items\":[{\"kind\":\"Deployment\"}]}}";
        RolloutResult result = CliResultParser.rollout(dryRun, true);
        assertEquals(0, result.revision());
        assertEquals("dry-run", result.status());
        assertEquals("{\n  \"apiVersion\" : \"v1\",\n  \"kind\" : \"List\",\n  \"items\" : [ {\n    \"kind\" : \"Deployment\"\n  } ]\n}",
                result.manifests());
        String withoutRevisionOrStatus = "{\"namespace\":\"prod\",\"deployment\":\"orders-eu\",\"image\":\"r/o@" + DIGEST
                + "\",\"replicas\":{\"min\":1,\"max\":3}}";
        assertEquals(new RolloutResult("prod", "orders-eu", 0, "r/o@" + DIGEST, 1, 3, "dry-run", null),
                CliResultParser.rollout(withoutRevisionOrStatus, true));
    }

    @Test
    void aResultThatContradictsTheDryRunAskedForIsRefused() {
        assertEquals("datapipelines deploy was asked for a dry run, but its result says status 'available'",
                assertThrows(DeploymentFailure.class, () -> CliResultParser.rollout(CliResults.rollout("r/o@" + DIGEST, "2"), true)).getMessage());
        String dryRun = CliResults.rollout("r/o@" + DIGEST, "null").replace("available", "dry-run");
        assertEquals("datapipelines deploy was not asked for a dry run, but its result says status 'dry-run'",
                assertThrows(DeploymentFailure.class, () -> CliResultParser.rollout(dryRun, false)).getMessage());
    }

    @Test
    void textBeforeTheResultIsNotTheResult() throws Exception {
        String stdout = "some line a command printed\n---\n" + CliResults.rollout("r/o@" + DIGEST, "2");
        assertEquals(2, CliResultParser.rollout(stdout, false).revision());
    }

    @Test
    void noResultOrBrokenJsonIsSaidSo() {
        assertEquals("datapipelines validate printed no JSON result on standard output",
                assertThrows(DeploymentFailure.class, () -> CliResultParser.validation("orders.yaml: valid\n")).getMessage());
        assertEquals("datapipelines validate printed a result that is not valid JSON: Unexpected character ('}' (code 125)): "
                        + "was expecting double-quote to start field name",
                assertThrows(DeploymentFailure.class, () -> CliResultParser.validation("{\"pipeline\":\"x\",}")).getMessage());
        assertEquals("datapipelines validate: the result has no 'pipeline'",
                assertThrows(DeploymentFailure.class, () -> CliResultParser.validation("{\"revisionHash\":\"" + REVISION + "\"}")).getMessage());
    }
}
