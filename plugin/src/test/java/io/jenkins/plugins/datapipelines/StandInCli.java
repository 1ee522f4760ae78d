package io.jenkins.plugins.datapipelines;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for the datapipelines command line that speaks its contract (validate, build and deploy with
 * {@code --output json}, the options the step passes, exit codes 0/1/2, progress on stderr, credentials from the
 * environment variables the options name, or from the files the {@code DATAPIPELINES_*_FILE} variables name) without
 * a registry or a cluster, so that Jenkins tests can run the step end to end. Packaged as a CLI distribution by {@link StandInCliDistribution}; no nested classes, so one class file is the
 * whole program. plugin-check runs the same command lines against the real CLI.
 *
 * <p>Behaviour worth testing: a definition containing the word {@code invalid} is rejected (exit 2); a deployment
 * named {@code broken-rollout} fails its rollout (exit 1); an option the real command does not have is refused
 * (exit 2); the registry password and the Kafka password are echoed on stderr, so that a test can see them masked;
 * Kubernetes revisions count up per deployment in the working directory, as a cluster's would, and every image built
 * and every deployment is logged there ({@code stand-in-cluster/}), so that a test can tell what ran. With
 * {@code --shadow} and a live revision, a shadow "compares" {@code --shadow-records} (default 4) records, of which
 * as many changed as the file {@code stand-in-cluster/shadow-changed} says (default none): within
 * {@code --shadow-max-changed-rate} (default 0) the revision is deployed, else the deployment is aborted as the real
 * command aborts it (exit 1, status {@code shadow-aborted}, the live revision's number and image).
 */
public final class StandInCli {
    private static final Set<String> FLAGS = Set.of("--wait", "--dry-run", "--insecure", "--skip-tests", "--shadow");
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "validate", Set.of("--output"),
            "test", Set.of(),
            "build", Set.of("--image", "--base-image", "--insecure", "--registry-username-env", "--registry-password-env",
                    "--registry-username", "--registry-username-file", "--registry-password-file", "--skip-tests", "--output"),
            "status", Set.of("--deployment", "--namespace", "--kubeconfig", "--output"),
            "deploy", Set.of("--image", "--deployment", "--namespace", "--kubeconfig", "--bootstrap-servers", "--kafka-username-env", "--kafka-username", "--kafka-username-file",
                    "--kafka-password-file",
                    "--kafka-password-env", "--kafka-sasl-mechanism", "--kafka-security-protocol", "--wait", "--timeout", "--dry-run",
                    "--cause", "--build-url", "--output", "--shadow", "--shadow-records", "--shadow-timeout", "--shadow-max-changed-rate",
                    "--shadow-max-new-dead-letter-rate"));

    private StandInCli() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /**
     * A secret that {@code command} (which runs the definition's code: validate compiles it, build runs its tests) could
     * reach: in its environment, or a kubeconfig written next to the workspace. Only deploy may have the Kafka login and
     * the kubeconfig; only build (for its push) the registry login.
     */
    static String secretWithinReach(String command, boolean testsSkipped) throws java.io.IOException {
        if ("deploy".equals(command)) {
            return null;
        }
        List<String> forbidden = new java.util.ArrayList<>(List.of("DATAPIPELINES_KAFKA_USERNAME", "DATAPIPELINES_KAFKA_PASSWORD",
                "DATAPIPELINES_KAFKA_USERNAME_FILE", "DATAPIPELINES_KAFKA_PASSWORD_FILE"));
        if ("status".equals(command)) {
            // Reads the cluster (KUBECONFIG, a kubeconfig file) and runs no code of the definition's.
            forbidden.addAll(List.of("DATAPIPELINES_REGISTRY_USERNAME", "DATAPIPELINES_REGISTRY_PASSWORD",
                    "DATAPIPELINES_REGISTRY_USERNAME_FILE", "DATAPIPELINES_REGISTRY_PASSWORD_FILE"));
            for (String name : forbidden) {
                if (System.getenv(name) != null) {
                    return "$" + name;
                }
            }
            return null;
        }
        forbidden.add("KUBECONFIG");
        if (!"build".equals(command)) {
            forbidden.addAll(List.of("DATAPIPELINES_REGISTRY_USERNAME", "DATAPIPELINES_REGISTRY_PASSWORD",
                    "DATAPIPELINES_REGISTRY_USERNAME_FILE", "DATAPIPELINES_REGISTRY_PASSWORD_FILE"));
        }
        for (String name : forbidden) {
            if (System.getenv(name) != null) {
                return "$" + name;
            }
        }
        Path temporary = Path.of(System.getProperty("user.dir") + "@tmp");
        if (java.nio.file.Files.isDirectory(temporary)) {
            try (var files = java.nio.file.Files.list(temporary)) {
                // A login file may exist during a build that runs no tests (the step ran them before, as "test").
                java.util.Optional<Path> kubeconfig = files.filter(f -> f.getFileName().toString().startsWith("kubeconfig")
                        || f.getFileName().toString().startsWith("datapipelines-login") && !("build".equals(command) && testsSkipped)).findFirst();
                if (kubeconfig.isPresent()) {
                    return kubeconfig.get().toString();
                }
            }
        }
        return null;
    }

    static int run(String[] args) throws Exception {
        if (args.length < 2 || !OPTIONS.containsKey(args[0])) {
            System.err.println("datapipelines: usage: validate|build|deploy ARGS");
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        String definition = null;
        boolean endOfOptions = false;
        for (int i = 1; i < args.length; i++) {
            if (!endOfOptions && "--".equals(args[i])) {
                endOfOptions = true; // as picocli: what follows is positional
            } else if (endOfOptions) {
                if (definition != null) {
                    System.err.println("datapipelines: unexpected argument '" + args[i] + "'");
                    return 2;
                }
                definition = args[i];
            } else if (args[i].startsWith("-") && !OPTIONS.get(args[0]).contains(args[i])) {
                System.err.println("datapipelines: Unknown option: '" + args[i] + "'");
                return 2;
            } else if (FLAGS.contains(args[i])) {
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
        String leak = secretWithinReach(args[0], options.containsKey("--skip-tests"));
        if (leak != null) {
            // What a definition's Python test could do on the agent: the step must not hand it the secret.
            System.err.println("datapipelines: [stand-in] the definition's code could read " + leak + " during " + args[0]);
            return 1;
        }
        if (!"test".equals(args[0]) && !"json".equals(options.get("--output"))) {
            System.err.println("datapipelines: the stand-in only speaks --output json");
            return 2;
        }
        if (definition == null) {
            System.err.println("datapipelines: no DEFINITION given");
            return 2;
        }
        if ("status".equals(args[0])) {
            return status(options); // the PIPELINE is a name, not a file
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
            int name = line.indexOf("\"name\":\"");
            if (name >= 0) { // a canonical (JSON) definition, as a rollback deploys it
                pipeline = line.substring(name + 8, line.indexOf('"', name + 8));
                break;
            }
        }
        String canonical = text.startsWith("{\"apiVersion\"") ? text
                : "{\"apiVersion\":\"datapipelines.io/v1\",\"metadata\":{\"name\":\"" + pipeline + "\"},\"source\":" + quote(text) + "}";
        String revision = sha256(canonical);
        switch (args[0]) {
            case "validate":
                System.out.println("{\"file\":" + quote(definition) + ",\"pipeline\":" + quote(pipeline) + ",\"revisionHash\":\"" + revision
                        + "\",\"canonical\":" + quote(canonical) + "}");
                return 0;
            case "test":
                System.out.println(definition + ":");
                System.out.println("  PASS the stand-in's test");
                System.out.println("1 passed, 0 failed");
                return 0;
            case "build":
                return build(options, pipeline, revision);
            default:
                return deploy(options);
        }
    }

    private static int build(Map<String, String> options, String pipeline, String revision) throws Exception {
        String repository = options.get("--image");
        String base = options.getOrDefault("--base-image", System.getenv("DATAPIPELINES_BASE_IMAGE"));
        if (repository == null) {
            System.err.println("datapipelines: Missing required option: '--image=REPOSITORY'");
            return 2;
        }
        if (base == null || base.isBlank()) {
            System.err.println("datapipelines: no base image: give --base-image REF or docker-archive:PATH (or set DATAPIPELINES_BASE_IMAGE)");
            return 2;
        }
        String user = loginPart(options, "--registry-username", "DATAPIPELINES_REGISTRY_USERNAME_FILE");
        String password = user == null ? null : loginPart(options, "--registry-password", "DATAPIPELINES_REGISTRY_PASSWORD_FILE");
        if (password == null) {
            return 2;
        }
        System.err.println(options.containsKey("--skip-tests") ? "tests not run (--skip-tests)" : "running the definition's tests: 1 passed, 0 failed");
        System.err.println("base image " + base + (options.containsKey("--insecure") ? ", plain HTTP allowed" : ""));
        if (!user.isEmpty()) {
            System.err.println("logging in to the registry as " + user + " with password " + password);
        }
        String digest = "sha256:" + sha256(repository + revision);
        System.err.println("pushed " + repository + "@" + digest);
        log("images-built", repository + "@" + digest);
        System.out.println("{\"image\":" + quote(repository + "@" + digest) + ",\"digest\":\"" + digest + "\",\"revisionHash\":\""
                + revision + "\",\"pipeline\":" + quote(pipeline) + ",\"layers\":[],\"durationMs\":1}");
        return 0;
    }

    private static int deploy(Map<String, String> options) throws Exception {
        String image = options.get("--image");
        String deployment = options.get("--deployment");
        String namespace = options.get("--namespace");
        if (image == null || !image.contains("@sha256:") || deployment == null || namespace == null) {
            System.err.println("datapipelines deploy: --image REF@sha256:..., --deployment and --namespace are required");
            return 2;
        }
        String servers = options.getOrDefault("--bootstrap-servers", System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        if (servers == null || servers.isBlank()) {
            System.err.println("datapipelines: no Kafka bootstrap servers: give --bootstrap-servers HOST:PORT[,...] (or set KAFKA_BOOTSTRAP_SERVERS)");
            return 2;
        }
        String user = loginPart(options, "--kafka-username", "DATAPIPELINES_KAFKA_USERNAME_FILE");
        String password = user == null ? null : loginPart(options, "--kafka-password", "DATAPIPELINES_KAFKA_PASSWORD_FILE");
        if (password == null) {
            return 2;
        }
        String kubeconfig = options.get("--kubeconfig");
        if (kubeconfig != null) {
            Path file = Path.of(kubeconfig);
            if (!Files.isRegularFile(file)) {
                System.err.println("datapipelines: " + kubeconfig + ": no such kubeconfig file");
                return 2;
            }
            System.err.println("cluster from kubeconfig: " + Files.readAllLines(file).get(0));
        }
        if (!user.isEmpty()) {
            System.err.println("kafka " + servers + " as " + user + " with password " + password + " ("
                    + options.get("--kafka-sasl-mechanism") + " over " + options.get("--kafka-security-protocol") + ")");
        }
        if (deployment.equals("broken-rollout")) {
            System.err.println("rollout of " + namespace + "/" + deployment + " failed: pod " + deployment + "-7d9f is in CrashLoopBackOff");
            return 1;
        }
        String replicas = "{\"min\":1,\"max\":3}";
        if (options.containsKey("--dry-run")) {
            System.out.println("{\"namespace\":" + quote(namespace) + ",\"deployment\":" + quote(deployment) + ",\"revision\":null,\"image\":"
                    + quote(image) + ",\"replicas\":" + replicas + ",\"status\":\"dry-run\",\"manifests\":{\"apiVersion\":\"v1\",\"kind\":\"List\","
                    + "\"items\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":" + quote(deployment) + "}}]}}");
            return 0;
        }
        Path counter = Path.of("stand-in-cluster", namespace + "-" + deployment);
        Files.createDirectories(counter.getParent());
        String shadow = null;
        if (options.containsKey("--shadow") && Files.exists(counter)) {
            long records = Long.parseLong(options.getOrDefault("--shadow-records", "4"));
            Path changedFile = Path.of("stand-in-cluster", "shadow-changed");
            long changed = Files.exists(changedFile) ? Long.parseLong(Files.readString(changedFile).strip()) : 0;
            double allowed = Double.parseDouble(options.getOrDefault("--shadow-max-changed-rate", "0"));
            boolean within = (double) changed / records <= allowed;
            String violation = changed + " of " + records + " records (" + (changed * 100 / records) + "%) changed, dropped or emitted only by NEW: "
                    + "more than the allowed " + (long) (allowed * 100) + "%";
            shadow = "{\"within\":" + within + ",\"violations\":[" + (within ? "" : quote(violation)) + "],\"thresholds\":{\"records\":" + records
                    + ",\"timeout\":" + quote(options.getOrDefault("--shadow-timeout", "15m")) + ",\"maxChangedRate\":" + allowed
                    + ",\"maxNewDeadLetterRate\":0.001},\"summary\":{\"type\":\"summary\",\"total\":" + records + ",\"counts\":{\"unchanged\":"
                    + (records - changed) + ",\"changed\":" + changed + ",\"dropped\":0,\"onlyInNew\":0,\"newDeadLetter\":0,\"deadLetterFixed\":0}}}";
            System.err.println("shadow: " + records + " record(s) compared: " + changed + " changed");
            if (!within) {
                int live = Integer.parseInt(Files.readString(counter).trim());
                String liveImage = null;
                for (String line : Files.readAllLines(Path.of("stand-in-cluster", "deployed"))) {
                    if (line.startsWith(namespace + "/" + deployment + " revision " + live + " ")) {
                        liveImage = line.split(" ")[3];
                    }
                }
                System.err.println("datapipelines: shadow of " + deployment + " aborted; revision " + live + " stays live: " + violation);
                System.out.println("{\"namespace\":" + quote(namespace) + ",\"deployment\":" + quote(deployment) + ",\"revision\":" + live
                        + ",\"image\":" + quote(liveImage) + ",\"replicas\":" + replicas + ",\"status\":\"shadow-aborted\",\"shadow\":" + shadow + "}");
                return 1;
            }
        }
        int revision = Files.exists(counter) ? Integer.parseInt(Files.readString(counter).trim()) + 1 : 1;
        Files.writeString(counter, Integer.toString(revision));
        log("deployed", namespace + "/" + deployment + " revision " + revision + " " + image + " cause " + options.get("--cause"));
        // A rollout that takes its time: while stand-in-cluster/hold-rollout exists, the wait goes on (a test restarts
        // Jenkins meanwhile; the cluster has the new revision all the same).
        Path hold = Path.of("stand-in-cluster", "hold-rollout");
        if (Files.exists(hold)) {
            System.err.println("waiting for " + namespace + "/" + deployment + ": 0/1 available");
            while (Files.exists(hold)) {
                Thread.sleep(100);
            }
        }
        if (options.containsKey("--wait")) {
            System.err.println("waiting up to " + options.get("--timeout") + " for " + namespace + "/" + deployment + ": 1/1 available");
        }
        System.out.println("{\"namespace\":" + quote(namespace) + ",\"deployment\":" + quote(deployment) + ",\"revision\":" + revision
                + ",\"image\":" + quote(image) + ",\"replicas\":" + replicas + ",\"status\":\""
                + (options.containsKey("--wait") ? "deployed" : "applied") + "\"" + (shadow == null ? "" : ",\"shadow\":" + shadow) + "}");
        return 0;
    }

    /**
     * What the stand-in cluster runs for a deployment: its last deployment, "available", unless a file
     * stand-in-cluster/progressing holds a count of looks that still see it "progressing" (each look takes one).
     */
    private static int status(Map<String, String> options) throws Exception {
        String target = options.get("--namespace") + "/" + options.get("--deployment");
        Path deployed = Path.of("stand-in-cluster", "deployed");
        String last = null;
        if (Files.exists(deployed)) {
            for (String line : Files.readAllLines(deployed)) {
                if (line.startsWith(target + " ")) {
                    last = line;
                }
            }
        }
        String head = "{\"namespace\":" + quote(options.get("--namespace")) + ",\"deployment\":" + quote(options.get("--deployment"));
        if (last == null) {
            System.out.println(head + ",\"revision\":null,\"image\":null,\"replicas\":null,\"status\":\"not-deployed\"}");
            return 1;
        }
        String[] words = last.split(" ");
        Path progressing = Path.of("stand-in-cluster", "progressing");
        String state = "available";
        if (Files.exists(progressing)) {
            int looks = Integer.parseInt(Files.readString(progressing).strip());
            if (looks > 0) {
                state = "progressing";
                Files.writeString(progressing, Integer.toString(looks - 1));
            }
        }
        System.out.println(head + ",\"revision\":" + words[2] + ",\"image\":" + quote(words[3])
                + ",\"replicas\":{\"min\":1,\"max\":1},\"status\":\"" + state + "\"}");
        return "available".equals(state) ? 0 : 1;
    }

    /**
     * A part of a login as the real CLI finds it: from {@code option}'s file, variable or plain forms
     * ({@code --kafka-username-file}, {@code -env}, itself), else from the file {@code fileVariable} names (the CLI's
     * {@code *_FILE} variables, what the step sets in a container). "" when none gives it, null after saying what is wrong.
     */
    private static String loginPart(Map<String, String> options, String option, String fileVariable) throws java.io.IOException {
        if (options.containsKey(option + "-file")) {
            return secretFile(options.get(option + "-file"), option + "-file");
        }
        if (options.containsKey(option + "-env")) {
            return variable(options, option + "-env");
        }
        if (options.containsKey(option)) {
            return options.get(option);
        }
        String named = System.getenv(fileVariable);
        return named == null || named.isEmpty() ? "" : secretFile(named, fileVariable);
    }

    /** The content of the file an option or a variable names (owner-only, as the step writes it), or null after saying what is wrong. */
    private static String secretFile(String path, String option) throws java.io.IOException {
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            System.err.println("datapipelines: " + option + " " + file + ": no such file");
            return null;
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")
                && !Files.getPosixFilePermissions(file).equals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))) {
            System.err.println("datapipelines: " + option + " " + file + ": readable by others");
            return null;
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** The value of the variable an option names ("" when the option is absent), or null after saying it is unset. */
    private static String variable(Map<String, String> options, String option) {
        String name = options.get(option);
        if (name == null) {
            return "";
        }
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            System.err.println("datapipelines: " + option + " " + name + ": the environment variable is not set");
            return null;
        }
        return value;
    }

    private static void log(String name, String line) throws Exception {
        Path file = Path.of("stand-in-cluster", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
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
