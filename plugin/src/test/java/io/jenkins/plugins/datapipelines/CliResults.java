package io.jenkins.plugins.datapipelines;

/** JSON results as the CLI prints them, for tests: built from parts so each test can break one. */
final class CliResults {
    static final String CANONICAL = "{\"apiVersion\":\"datapipelines.io/v1\",\"kind\":\"Pipeline\",\"metadata\":{\"name\":\"orders\"}}";
    static final String REVISION = CliResultParser.sha256(CANONICAL);
    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    private CliResults() {
    }

    static String validation(String pipeline, String revisionHash, String canonical) {
        return "{\"file\":\"orders.yaml\",\"pipeline\":\"" + pipeline + "\",\"revisionHash\":\"" + revisionHash
                + "\",\"canonical\":" + quote(canonical) + "}\n";
    }

    static String build(String image, String digest, String revisionHash) {
        return "{\"image\":\"" + image + "\",\"digest\":\"" + digest + "\",\"revisionHash\":\"" + revisionHash
                + "\",\"pipeline\":\"orders\",\"layers\":[{\"name\":\"definition\",\"digest\":\"sha256:00\",\"size\":812,\"pushed\":true}],"
                + "\"durationMs\":640}\n";
    }

    static String rollout(String image, String revision) {
        return "{\"namespace\":\"prod\",\"deployment\":\"orders-eu\",\"revision\":" + revision + ",\"image\":\"" + image
                + "\",\"replicas\":{\"min\":1,\"max\":3},\"status\":\"available\"}\n";
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
