package io.datapipelines.model;

import io.datapipelines.model.yaml.ListNode;
import io.datapipelines.model.yaml.MapNode;
import io.datapipelines.model.yaml.SourceNode;
import io.datapipelines.model.yaml.SourceParser;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

import static io.datapipelines.model.NodeReader.child;

/**
 * Reads a definition (YAML or JSON) and validates every rule of format v1, reporting all problems at
 * once, each with file, line, column and path. The result has every default filled in.
 *
 * <p>Python code is checked with the {@link PythonChecker} given, or the one found through
 * {@link ServiceLoader} (the runtime's, which compiles with the definition's Python engine); without one,
 * code is not compiled here.
 */
public final class DefinitionParser {

    static final Pattern PIPELINE_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)");
    private static final Pattern LABEL_PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private final PythonChecker pythonChecker;

    /** With the Python checker found on the class path, if any. */
    public DefinitionParser() {
        this(ServiceLoader.load(PythonChecker.class).findFirst().orElse(null));
    }

    /** @param pythonChecker null to skip compiling Python (then only the runtime finds code errors) */
    public DefinitionParser(PythonChecker pythonChecker) {
        this.pythonChecker = pythonChecker;
    }

    /** Whether Python code is compiled during validation. */
    public boolean checksPython() {
        return pythonChecker != null;
    }

    /** Reads a definition file; {@code config.file} paths are relative to its folder. */
    public PipelineDefinition parse(Path file) throws IOException, InvalidDefinitionException {
        String text;
        try {
            text = TextFile.read(file, file.toString());
        } catch (TextFile.UnusableFileException e) {
            throw new InvalidDefinitionException(List.of(new Problem(e.location(), "", e.reason())));
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir);
    }

    /**
     * @param text     the document
     * @param fileName how messages name it (a name ending in .json is read as JSON)
     * @param baseDir  the folder {@code config.file} paths are relative to; null forbids {@code file}
     */
    public PipelineDefinition parse(String text, String fileName, Path baseDir) throws InvalidDefinitionException {
        SourceNode root;
        try {
            root = SourceParser.parse(text, fileName);
        } catch (SourceParser.SyntaxException e) {
            throw new InvalidDefinitionException(List.of(e.problem()));
        }
        NodeReader reader = new NodeReader();
        reader.checkNoDuplicateKeys(root, "");
        PipelineDefinition definition = read(reader, root, fileName, baseDir);
        if (!reader.problems().isEmpty() || definition == null) {
            List<Problem> sorted = new ArrayList<>(reader.problems());
            sorted.sort((a, b) -> a.location().line() != b.location().line()
                    ? Integer.compare(a.location().line(), b.location().line())
                    : Integer.compare(a.location().column(), b.location().column()));
            if (sorted.size() > DefinitionLimits.MAX_PROBLEMS) {
                Problem first = sorted.get(DefinitionLimits.MAX_PROBLEMS);
                int more = sorted.size() - DefinitionLimits.MAX_PROBLEMS;
                sorted = new ArrayList<>(sorted.subList(0, DefinitionLimits.MAX_PROBLEMS));
                sorted.add(new Problem(first.location(), "", more + " more problems from here on are not shown"));
            }
            throw new InvalidDefinitionException(sorted);
        }
        return definition;
    }

    private PipelineDefinition read(NodeReader reader, SourceNode rootNode, String fileName, Path baseDir) {
        MapNode root = reader.map(rootNode, "");
        if (root == null) {
            return null;
        }
        reader.checkKeys(root, "", Set.of("apiVersion", "kind", "metadata", "spec"));
        String apiVersion = reader.string(root, "apiVersion", "", true);
        if (apiVersion != null && !apiVersion.equals(PipelineDefinition.API_VERSION)) {
            reader.report(root.get("apiVersion").location(), "apiVersion",
                    "must be '" + PipelineDefinition.API_VERSION + "', not '" + apiVersion + "'");
        }
        String kind = reader.string(root, "kind", "", true);
        if (kind != null && !kind.equals(PipelineDefinition.KIND)) {
            reader.report(root.get("kind").location(), "kind", "must be '" + PipelineDefinition.KIND + "', not '" + kind + "'");
        }
        Metadata metadata = readMetadata(reader, reader.required(root, "metadata", ""));
        Spec spec = readSpec(reader, reader.required(root, "spec", ""), metadata, baseDir);
        if (metadata == null || spec == null) {
            return null;
        }
        return new PipelineDefinition(fileName, metadata, spec);
    }

    private Metadata readMetadata(NodeReader reader, SourceNode node) {
        MapNode map = node == null ? null : reader.map(node, "metadata");
        if (map == null) {
            return null;
        }
        reader.checkKeys(map, "metadata", Set.of("name", "description", "labels"));
        String name = reader.name(map, "name", "metadata", true, PIPELINE_NAME, 40,
                "1 to 40 lower-case letters, digits and '-', starting and ending with a letter or digit");
        String description = reader.string(map, "description", "metadata", false);
        Map<String, String> labels = new LinkedHashMap<>();
        SourceNode labelsNode = map.get("labels");
        MapNode labelMap = labelsNode == null ? null : reader.map(labelsNode, "metadata.labels");
        if (labelMap != null) {
            for (MapNode.Entry e : labelMap.entries()) {
                String path = child("metadata.labels", e.key());
                if (!validLabelKey(e.key())) {
                    reader.report(e.keyLocation(), path, "is not a valid Kubernetes label name: an optional DNS prefix and '/', then "
                            + "at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
                }
                String value = reader.string(e.value(), path);
                if (value != null && !value.isEmpty() && (value.length() > 63 || !LABEL_NAME.matcher(value).matches())) {
                    reader.report(e.value().location(), path, "'" + value + "' is not a valid Kubernetes label value: at most 63 letters, "
                            + "digits, '-', '_' or '.', starting and ending with a letter or digit");
                } else if (value != null) {
                    labels.put(e.key(), value);
                }
            }
        }
        return name == null ? null : new Metadata(name, description, labels);
    }

    static boolean validLabelKey(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > 253 || !LABEL_PREFIX.matcher(prefix).matches()) {
                return false;
            }
        }
        return !name.isEmpty() && name.length() <= 63 && LABEL_NAME.matcher(name).matches();
    }

    private Spec readSpec(NodeReader reader, SourceNode node, Metadata metadata, Path baseDir) {
        MapNode map = node == null ? null : reader.map(node, "spec");
        if (map == null) {
            return null;
        }
        reader.checkKeys(map, "spec", Set.of("source", "sink", "steps", "errors", "processing", "tests", "deployment"));
        Source source = readSource(reader, reader.required(map, "source", "spec"));
        Sink sink = readSink(reader, reader.required(map, "sink", "spec"), source);

        // Processing first: the Python engine it names is the one the steps' code is compiled with.
        Processing processing = readProcessing(reader, map.get("processing"));
        List<Step> steps = new ArrayList<>();
        SourceNode stepsNode = map.get("steps");
        if (stepsNode != null) {
            ListNode list = reader.list(stepsNode, "spec.steps");
            if (list != null) {
                steps = new StepsReader(reader, pythonChecker, processing.python().engine(), baseDir).read(list);
            }
        }
        ErrorHandling errors = readErrors(reader, map.get("errors"), metadata, source, sink);
        List<PipelineTest> tests = List.of();
        SourceNode testsNode = map.get("tests");
        if (testsNode != null) {
            ListNode list = reader.list(testsNode, "spec.tests");
            if (list != null) {
                tests = new TestsReader(reader, source, sink).read(list);
            }
        }
        boolean graalPy = processing.python().engine() == PythonEngineKind.GRAALPY && PythonSteps.any(steps);
        DeploymentSettings deployment = new DeploymentReader(reader).read(map.get("deployment"), graalPy);
        if (source == null || sink == null || errors == null || deployment == null) {
            return null;
        }
        return new Spec(source, sink, steps, errors, processing, tests, deployment);
    }

    private Source readSource(NodeReader reader, SourceNode node) {
        String path = "spec.source";
        MapNode map = node == null ? null : reader.map(node, path);
        if (map == null) {
            return null;
        }
        reader.checkKeys(map, path, Set.of("topic", "topics", "format", "keyFormat", "startFrom"));
        Set<String> topics = new LinkedHashSet<>();
        SourceNode topic = map.get("topic");
        SourceNode topicList = map.get("topics");
        if (topic != null && topicList != null) {
            reader.report(topicList.location(), child(path, "topics"), "give either 'topic' or 'topics', not both");
        } else if (topic == null && topicList == null) {
            reader.report(map.location(), child(path, "topic"), "is required (or 'topics', a list of topic names)");
        } else if (topic != null) {
            String name = topicName(reader, topic, child(path, "topic"));
            if (name != null) {
                topics.add(name);
            }
        } else {
            ListNode list = reader.list(topicList, child(path, "topics"));
            if (list != null && list.items().isEmpty()) {
                reader.report(list.location(), child(path, "topics"), "must name at least one topic");
            } else if (list != null) {
                for (int i = 0; i < list.items().size(); i++) {
                    SourceNode item = list.items().get(i);
                    String name = topicName(reader, item, NodeReader.index(child(path, "topics"), i));
                    if (name != null && !topics.add(name)) {
                        reader.report(item.location(), NodeReader.index(child(path, "topics"), i), "'" + name + "' is listed twice");
                    }
                }
            }
        }
        DataFormat format = reader.choice(map, "format", path, DataFormat.values(), DataFormat::yamlName, DataFormat.JSON);
        DataFormat keyFormat = reader.choice(map, "keyFormat", path, DataFormat.values(), DataFormat::yamlName, DataFormat.STRING);
        StartFrom startFrom = reader.choice(map, "startFrom", path, StartFrom.values(), StartFrom::yamlName, StartFrom.EARLIEST);
        return topics.isEmpty() ? null : new Source(List.copyOf(topics), format, keyFormat, startFrom);
    }

    private Sink readSink(NodeReader reader, SourceNode node, Source source) {
        String path = "spec.sink";
        MapNode map = node == null ? null : reader.map(node, path);
        if (map == null) {
            return null;
        }
        reader.checkKeys(map, path, Set.of("topic", "format", "keyFormat"));
        SourceNode topicNode = reader.required(map, "topic", path);
        String topic = topicNode == null ? null : topicName(reader, topicNode, child(path, "topic"));
        if (topic != null && source != null && source.topics().contains(topic)) {
            reader.report(topicNode.location(), child(path, "topic"),
                    "'" + topic + "' is also a source topic; a pipeline must not write to the topic it reads");
        }
        DataFormat format = reader.choice(map, "format", path, DataFormat.values(), DataFormat::yamlName, DataFormat.JSON);
        DataFormat keyFormat = reader.choice(map, "keyFormat", path, DataFormat.values(), DataFormat::yamlName, DataFormat.STRING);
        return topic == null ? null : new Sink(topic, format, keyFormat);
    }

    static String topicName(NodeReader reader, SourceNode node, String path) {
        String name = reader.string(node, path);
        if (name == null) {
            return null;
        }
        if (name.isEmpty() || name.length() > 249 || name.equals(".") || name.equals("..") || !TOPIC_NAME.matcher(name).matches()) {
            reader.report(node.location(), path, "'" + name + "' is not a valid Kafka topic name: 1 to 249 letters, digits, '.', '_' or '-'");
            return null;
        }
        return name;
    }

    private ErrorHandling readErrors(NodeReader reader, SourceNode node, Metadata metadata, Source source, Sink sink) {
        String path = "spec.errors";
        String defaultTopic = metadata == null ? null : metadata.name() + "-dlq";
        if (node == null) {
            return defaultTopic == null ? null : new ErrorHandling(ErrorMode.DEAD_LETTER, defaultTopic);
        }
        MapNode map = reader.map(node, path);
        if (map == null) {
            return null;
        }
        reader.checkKeys(map, path, Set.of("mode", "deadLetterTopic"));
        ErrorMode mode = reader.choice(map, "mode", path, ErrorMode.values(), ErrorMode::yamlName, ErrorMode.DEAD_LETTER);
        String topic = defaultTopic;
        SourceNode topicNode = map.get("deadLetterTopic");
        if (topicNode != null) {
            topic = topicName(reader, topicNode, child(path, "deadLetterTopic"));
            if (topic != null && ((source != null && source.topics().contains(topic)) || (sink != null && sink.topic().equals(topic)))) {
                reader.report(topicNode.location(), child(path, "deadLetterTopic"),
                        "'" + topic + "' is also a source or sink topic; dead letters need a topic of their own");
            }
        }
        return topic == null ? null : new ErrorHandling(mode, topic);
    }

    private Processing readProcessing(NodeReader reader, SourceNode node) {
        String path = "spec.processing";
        MapNode map = node == null ? null : reader.map(node, path);
        if (map == null) {
            return new Processing(Guarantee.EXACTLY_ONCE);
        }
        reader.checkKeys(map, path, Set.of("guarantee", "python"));
        Guarantee guarantee = reader.choice(map, "guarantee", path, Guarantee.values(), Guarantee::yamlName, Guarantee.EXACTLY_ONCE);
        return new Processing(guarantee, readPython(reader, map.get("python"), child(path, "python")));
    }

    /** {@code spec.processing.python}; the defaults for whatever is missing or wrong (wrong is reported). */
    private PythonSettings readPython(NodeReader reader, SourceNode node, String path) {
        MapNode map = node == null ? null : reader.map(node, path);
        if (map == null) {
            return PythonSettings.DEFAULTS;
        }
        reader.checkKeys(map, path, Set.of("engine", "timeout"));
        PythonEngineKind engine = reader.choice(map, "engine", path, PythonEngineKind.values(), PythonEngineKind::yamlName, PythonEngineKind.GRAALPY);
        Duration timeout = PythonSettings.DEFAULT_TIMEOUT;
        SourceNode timeoutNode = map.get("timeout");
        if (timeoutNode instanceof io.datapipelines.model.yaml.ScalarNode scalar && scalar.value() instanceof Number number) {
            reader.report(timeoutNode.location(), child(path, "timeout"), "'" + number + "' needs a unit: ms, s or m, such as " + number + "s");
        } else if (timeoutNode != null) {
            String text = reader.string(timeoutNode, child(path, "timeout"));
            Duration parsed = text == null ? null : DurationText.parse(text);
            if (text != null && parsed == null) {
                reader.report(timeoutNode.location(), child(path, "timeout"),
                        "'" + text + "' is not a duration: a whole number and ms, s or m, such as 500ms or 5s");
            } else if (parsed != null && (parsed.compareTo(PythonSettings.MIN_TIMEOUT) < 0 || parsed.compareTo(PythonSettings.MAX_TIMEOUT) > 0)) {
                reader.report(timeoutNode.location(), child(path, "timeout"), "must be between "
                        + DurationText.format(PythonSettings.MIN_TIMEOUT) + " and " + DurationText.format(PythonSettings.MAX_TIMEOUT) + ", not " + text);
            } else if (parsed != null) {
                timeout = parsed;
            }
        }
        return new PythonSettings(engine, timeout);
    }
}
