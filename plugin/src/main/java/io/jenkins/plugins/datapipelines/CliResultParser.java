package io.jenkins.plugins.datapipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Reads the JSON results of the CLI's commands. Everything the step records comes from here, so every field is
 * checked: a missing or malformed one fails the step with the command and the field named, rather than an empty
 * value in a build record.
 */
public final class CliResultParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REVISION_HASH = Pattern.compile("[0-9a-f]{64}");

    private CliResultParser() {
    }

    public static ValidationResult validation(String stdout) throws DeploymentFailure {
        JsonNode result = result("validate", stdout);
        String pipeline = text("validate", result, "pipeline");
        String revisionHash = revisionHash("validate", result);
        String canonical = text("validate", result, "canonical");
        // The canonical text is what gets archived with the build; its hash must be the revision it claims to be.
        if (!sha256(canonical).equals(revisionHash)) {
            throw new DeploymentFailure("datapipelines validate: the canonical definition does not hash to its revision " + revisionHash);
        }
        return new ValidationResult(pipeline, revisionHash, canonical);
    }

    public static ImageBuildResult build(String stdout) throws DeploymentFailure {
        JsonNode result = result("build", stdout);
        String image = text("build", result, "image");
        String digest = text("build", result, "digest");
        if (!ImageReference.isDigest(digest)) {
            throw new DeploymentFailure("datapipelines build: 'digest' is '" + digest + "', not sha256:<64 hex digits>");
        }
        try {
            return new ImageBuildResult(ImageReference.of(image, digest), revisionHash("build", result), text("build", result, "pipeline"));
        } catch (IllegalArgumentException e) {
            throw new DeploymentFailure("datapipelines build: " + e.getMessage());
        }
    }

    /**
     * @param dryRun a dry run applies nothing, so it creates no Kubernetes revision: its result has {@code revision}
     *               null (or leaves it out, then 0), the status {@code dry-run}, and the manifests it would apply
     */
    public static RolloutResult rollout(String stdout, boolean dryRun) throws DeploymentFailure {
        JsonNode result = result("deploy", stdout);
        JsonNode replicas = result.path("replicas");
        JsonNode revision = result.get("revision");
        JsonNode status = result.get("status");
        boolean reportsDryRun = status != null && RolloutResult.DRY_RUN.equals(status.asText());
        if (dryRun != reportsDryRun && (!dryRun || status != null)) {
            // The step decides what it asked for: a result that says otherwise is not about this deployment.
            throw new DeploymentFailure("datapipelines deploy was " + (dryRun ? "" : "not ") + "asked for a dry run, but its result says "
                    + "status '" + (status == null ? null : status.asText()) + "'");
        }
        JsonNode manifests = result.get("manifests");
        return new RolloutResult(
                text("deploy", result, "namespace"),
                text("deploy", result, "deployment"),
                dryRun && (revision == null || revision.isNull()) ? 0 : integer("deploy", result, "revision"),
                text("deploy", result, "image"),
                integer("deploy", replicas, "min", "replicas.min"),
                integer("deploy", replicas, "max", "replicas.max"),
                dryRun ? RolloutResult.DRY_RUN : text("deploy", result, "status"),
                dryRun && manifests != null && manifests.isObject() ? indented(manifests) : null);
    }

    /**
     * The shadow's section of {@code datapipelines deploy --shadow --output json} ({@link ShadowReport}); null when the
     * result has none (no shadow ran: nothing live to compare with, or a dry run).
     */
    public static @edu.umd.cs.findbugs.annotations.CheckForNull ShadowReport shadow(String stdout) throws DeploymentFailure {
        return ShadowReport.of(result("deploy", stdout));
    }

    /** Whether a deploy's result says that its shadow aborted it (the CLI then exits 1 and the live revision stays). */
    public static boolean shadowAborted(String stdout) {
        try {
            return ShadowReport.ABORTED.equals(result("deploy", stdout).path("status").asText());
        } catch (DeploymentFailure noResult) {
            return false;
        }
    }

    /**
     * {@code datapipelines status --output json}: the same object as a deploy's, with the state {@code available},
     * {@code progressing}, {@code failed} or {@code not-deployed} (then without image or replicas: null is returned).
     */
    public static @edu.umd.cs.findbugs.annotations.CheckForNull RolloutResult status(String stdout) throws DeploymentFailure {
        JsonNode result = result("status", stdout);
        JsonNode image = result.get("image");
        if (image == null || image.isNull() || "not-deployed".equals(result.path("status").asText())) {
            return null;
        }
        JsonNode replicas = result.path("replicas");
        return new RolloutResult(text("status", result, "namespace"), text("status", result, "deployment"), integer("status", result, "revision"),
                text("status", result, "image"), integer("status", replicas, "min", "replicas.min"), integer("status", replicas, "max", "replicas.max"),
                text("status", result, "status"), null);
    }

    private static String indented(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    private static JsonNode result(String command, String stdout) throws DeploymentFailure {
        String json = CliOutput.of(stdout).json();
        if (json == null) {
            throw new DeploymentFailure("datapipelines " + command + " printed no JSON result on standard output");
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DeploymentFailure("datapipelines " + command + " printed a result that is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static String text(String command, JsonNode node, String field) throws DeploymentFailure {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new DeploymentFailure("datapipelines " + command + ": the result has no '" + field + "'");
        }
        return value.asText();
    }

    private static int integer(String command, JsonNode node, String field) throws DeploymentFailure {
        return integer(command, node, field, field);
    }

    private static int integer(String command, JsonNode node, String field, String path) throws DeploymentFailure {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new DeploymentFailure("datapipelines " + command + ": the result has no whole number '" + path + "'");
        }
        return value.intValue();
    }

    private static String revisionHash(String command, JsonNode node) throws DeploymentFailure {
        String hash = text(command, node, "revisionHash");
        if (!REVISION_HASH.matcher(hash).matches()) {
            throw new DeploymentFailure("datapipelines " + command + ": 'revisionHash' is '" + hash + "', not 64 hex digits");
        }
        return hash;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
