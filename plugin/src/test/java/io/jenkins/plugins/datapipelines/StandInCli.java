package io.jenkins.plugins.datapipelines;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A stand-in for the datapipelines command line that speaks its documented contract (validate, build and deploy
 * with {@code --output json}, exit codes 0/1/2, progress on stderr, credentials from the environment) without a
 * registry or a cluster, so that Jenkins tests can run the step end to end. Packaged as a CLI distribution by
 * {@link StandInCliDistribution}; no nested classes, so one class file is the whole program.
 *
 * <p>Behaviour worth testing: a definition containing the word {@code invalid} is rejected (exit 2); a deployment
 * named {@code broken-rollout} fails its rollout (exit 1); the registry password and the Kafka password are echoed
 * on stderr, so that a test can see them masked; Kubernetes revisions count up per deployment in the working
 * directory, as a cluster's would.
 */
public final class StandInCli {
    private StandInCli() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("datapipelines: usage: COMMAND DEFINITION [OPTIONS]");
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        String definition = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--wait") || args[i].equals("--dry-run")) {
                options.put(args[i], "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else if (definition == null && !args[i].startsWith("--")) {
                definition = args[i];
            } else {
                System.err.println("datapipelines: unexpected argument '" + args[i] + "'");
                return 2;
            }
        }
        if (!"json".equals(options.get("--output"))) {
            System.err.println("datapipelines: the stand-in only speaks --output json");
            return 2;
        }
        if (definition == null) {
            System.err.println("datapipelines: no DEFINITION given");
            return 2;
        }
        Path file = Path.of(definition);
        if (!Files.isRegularFile(file)) {
            System.err.println(definition + ": no such file");
            return 2;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.contains("invalid")) {
            System.err.println(definition + ":1:1: spec: the stand-in rejects definitions that say 'invalid'");
            return 2;
        }
        String pipeline = "stand-in";
        for (String line : text.split("\n")) {
            if (line.trim().startsWith("name:")) {
                pipeline = line.trim().substring("name:".length()).trim();
                break;
            }
        }
        String canonical = "{\"apiVersion\":\"datapipelines.io/v1\",\"source\":" + quote(text) + "}";
        String revision = sha256(canonical);
        switch (args[0]) {
            case "validate":
                System.out.println("{\"file\":" + quote(definition) + ",\"pipeline\":" + quote(pipeline) + ",\"revisionHash\":\"" + revision
                        + "\",\"canonical\":" + quote(canonical) + "}");
                return 0;
            case "build":
                String repository = options.get("--image");
                System.err.println("running the definition's tests: 1 passed, 0 failed");
                String user = System.getenv("DATAPIPELINES_REGISTRY_USERNAME");
                if (user != null) {
                    System.err.println("logging in to the registry as " + user + " with password " + System.getenv("DATAPIPELINES_REGISTRY_PASSWORD"));
                }
                String digest = "sha256:" + sha256(repository + revision);
                System.err.println("pushed " + repository + "@" + digest);
                System.out.println("{\"image\":" + quote(repository + "@" + digest) + ",\"digest\":\"" + digest + "\",\"revisionHash\":\""
                        + revision + "\",\"pipeline\":" + quote(pipeline) + ",\"layers\":[],\"durationMs\":1}");
                return 0;
            case "deploy":
                return deploy(options);
            default:
                System.err.println("datapipelines: unknown command '" + args[0] + "'");
                return 2;
        }
    }

    private static int deploy(Map<String, String> options) throws Exception {
        String image = options.get("--image");
        String deployment = options.get("--deployment");
        String namespace = options.get("--namespace");
        if (image == null || !image.contains("@sha256:") || deployment == null || namespace == null) {
            System.err.println("datapipelines deploy: --image REF@sha256:..., --deployment and --namespace are required");
            return 2;
        }
        String kubeconfig = options.get("--kubeconfig");
        if (kubeconfig != null) {
            Path file = Path.of(kubeconfig);
            if (!Files.isRegularFile(file)) {
                System.err.println("datapipelines deploy: kubeconfig " + kubeconfig + " does not exist");
                return 2;
            }
            System.err.println("cluster from kubeconfig: " + Files.readAllLines(file).get(0));
        }
        if (System.getenv("KAFKA_BOOTSTRAP_SERVERS") != null) {
            System.err.println("kafka " + System.getenv("KAFKA_BOOTSTRAP_SERVERS") + " as " + System.getenv("DATAPIPELINES_KAFKA_USERNAME")
                    + " with password " + System.getenv("DATAPIPELINES_KAFKA_PASSWORD"));
        }
        if (deployment.equals("broken-rollout")) {
            System.err.println("rollout of " + namespace + "/" + deployment + " failed: pod " + deployment + "-7d9f is in CrashLoopBackOff");
            return 1;
        }
        boolean dryRun = options.containsKey("--dry-run");
        int revision = 0;
        if (dryRun) {
            System.out.println("apiVersion: apps/v1");
            System.out.println("kind: Deployment");
        } else {
            Path counter = Path.of("stand-in-cluster", namespace + "-" + deployment);
            Files.createDirectories(counter.getParent());
            revision = Files.exists(counter) ? Integer.parseInt(Files.readString(counter).trim()) + 1 : 1;
            Files.writeString(counter, Integer.toString(revision));
            if (options.containsKey("--wait")) {
                System.err.println("waiting up to " + options.get("--timeout") + " for " + namespace + "/" + deployment + ": 1/1 available");
            }
        }
        System.out.println("{\"namespace\":" + quote(namespace) + ",\"deployment\":" + quote(deployment) + ",\"revision\":" + revision
                + ",\"image\":" + quote(image) + ",\"replicas\":{\"min\":1,\"max\":3},\"status\":\"" + (dryRun ? "dry-run" : "available") + "\"}");
        return 0;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
