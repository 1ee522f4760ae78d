package io.datapipelines.model.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.datapipelines.model.Location;
import io.datapipelines.model.Problem;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a YAML (1.2, core schema: {@code yes}/{@code no} stay strings) or JSON document into a
 * {@link SourceNode} tree that keeps line and column. Syntax errors become a {@link Problem} at the
 * place the parser stopped.
 */
public final class SourceParser {

    /** Thrown for a document that is not well-formed YAML or JSON. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        SyntaxException(Problem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

    private SourceParser() {
    }

    /**
     * @param text     the document
     * @param fileName the name messages use; a name ending in {@code .json} is read as JSON
     */
    public static SourceNode parse(String text, String fileName) throws SyntaxException {
        return fileName.endsWith(".json") ? parseJson(text, fileName) : parseYaml(text, fileName);
    }

    // ---------------------------------------------------------------- YAML

    static SourceNode parseYaml(String text, String fileName) throws SyntaxException {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(fileName)
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(100)
                .setCodePointLimit(MAX_CODE_POINTS)
                .build();
        Iterator<Node> documents;
        try {
            List<Node> nodes = new ArrayList<>();
            for (Node node : new Compose(settings).composeAllFromString(text)) {
                nodes.add(node);
            }
            documents = nodes.iterator();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            throw new SyntaxException(new Problem(location(fileName, mark), "", "not valid YAML: " + e.getProblem()));
        } catch (YamlEngineException e) {
            throw new SyntaxException(new Problem(new Location(fileName, 1, 1), "", "not valid YAML: " + e.getMessage()));
        }
        if (!documents.hasNext()) {
            throw new SyntaxException(new Problem(new Location(fileName, 1, 1), "", "the file is empty; expected a DataPipeline definition"));
        }
        Node root = documents.next();
        if (documents.hasNext()) {
            Node second = documents.next();
            throw new SyntaxException(new Problem(location(fileName, second.getStartMark()), "",
                    "a definition file holds one YAML document; found a second one here"));
        }
        return convert(root, fileName, text);
    }

    private static SourceNode convert(Node node, String fileName, String text) throws SyntaxException {
        Location location = location(fileName, node.getStartMark());
        if (node instanceof MappingNode mapping) {
            List<MapNode.Entry> entries = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof org.snakeyaml.engine.v2.nodes.ScalarNode scalarKey)) {
                    throw new SyntaxException(new Problem(location(fileName, keyNode.getStartMark()), "",
                            "a mapping key must be a plain name, not a list or mapping"));
                }
                entries.add(new MapNode.Entry(scalarKey.getValue(), location(fileName, keyNode.getStartMark()),
                        convert(tuple.getValueNode(), fileName, text)));
            }
            return new MapNode(location, entries);
        } else if (node instanceof SequenceNode sequence) {
            List<SourceNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, fileName, text));
            }
            return new ListNode(location, items);
        }
        org.snakeyaml.engine.v2.nodes.ScalarNode scalar = (org.snakeyaml.engine.v2.nodes.ScalarNode) node;
        Object value = scalarValue(scalar, location);
        return new ScalarNode(location, value, contentLocation(scalar, location, text));
    }

    private static Object scalarValue(org.snakeyaml.engine.v2.nodes.ScalarNode scalar, Location location) throws SyntaxException {
        String raw = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        } else if (Tag.BOOL.equals(tag)) {
            return Boolean.valueOf(raw.equalsIgnoreCase("true"));
        } else if (Tag.INT.equals(tag)) {
            BigInteger big;
            if (DECIMAL.matcher(raw).matches()) {
                big = new BigInteger(raw.startsWith("+") ? raw.substring(1) : raw);
            } else if (OCTAL.matcher(raw).matches()) {
                big = new BigInteger(raw.substring(2), 8);
            } else if (HEX.matcher(raw).matches()) {
                big = new BigInteger(raw.substring(2), 16);
            } else {
                return raw;
            }
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        } else if (Tag.FLOAT.equals(tag)) {
            String lower = raw.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".inf") || lower.equals(".nan")) {
                throw new SyntaxException(new Problem(location, "", "'" + raw + "' is not a number JSON can carry; quote it if a string is meant"));
            }
            return Double.valueOf(raw);
        }
        return raw;
    }

    /** For block scalars, the first content line and its indentation; otherwise the node's own start. */
    private static Location contentLocation(org.snakeyaml.engine.v2.nodes.ScalarNode scalar, Location location, String text) {
        ScalarStyle style = scalar.getScalarStyle();
        if (style != ScalarStyle.LITERAL && style != ScalarStyle.FOLDED) {
            return location;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = location.line(); i < lines.length; i++) { // location.line() is 1-based: index i is the next line
            String line = lines[i];
            if (!line.isBlank()) {
                int indent = 0;
                while (indent < line.length() && line.charAt(indent) == ' ') {
                    indent++;
                }
                return new Location(location.file(), i + 1, indent + 1);
            }
        }
        return location;
    }

    private static Location location(String fileName, Optional<Mark> mark) {
        return mark.map(m -> new Location(fileName, m.getLine() + 1, m.getColumn() + 1))
                .orElseGet(() -> new Location(fileName, 1, 1));
    }

    // ---------------------------------------------------------------- JSON

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    static SourceNode parseJson(String text, String fileName) throws SyntaxException {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxException(new Problem(new Location(fileName, 1, 1), "", "the file is empty; expected a DataPipeline definition"));
            }
            SourceNode root = readJson(parser, fileName);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw new SyntaxException(new Problem(location(fileName, parser.currentTokenLocation()), "",
                        "unexpected content after the end of the JSON document"));
            }
            return root;
        } catch (JsonParseException e) {
            throw new SyntaxException(new Problem(location(fileName, e.getLocation()), "", "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SyntaxException(new Problem(new Location(fileName, 1, 1), "", "not valid JSON: " + e.getMessage()));
        }
    }

    private static SourceNode readJson(JsonParser parser, String fileName) throws IOException {
        Location location = location(fileName, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                List<MapNode.Entry> entries = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyLocation = location(fileName, parser.currentTokenLocation());
                    parser.nextToken();
                    entries.add(new MapNode.Entry(key, keyLocation, readJson(parser, fileName)));
                }
                return new MapNode(location, entries);
            }
            case START_ARRAY -> {
                List<SourceNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readJson(parser, fileName));
                }
                return new ListNode(location, items);
            }
            case VALUE_STRING -> {
                return new ScalarNode(location, parser.getText(), location);
            }
            case VALUE_NUMBER_INT -> {
                BigInteger big = parser.getBigIntegerValue();
                return new ScalarNode(location, big.bitLength() < 64 ? (Object) big.longValue() : big, location);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ScalarNode(location, parser.getDoubleValue(), location);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ScalarNode(location, token == JsonToken.VALUE_TRUE, location);
            }
            case VALUE_NULL -> {
                return new ScalarNode(location, null, location);
            }
            default -> throw new JsonParseException(parser, "unexpected " + token);
        }
    }

    private static Location location(String fileName, JsonLocation location) {
        return location == null ? new Location(fileName, 1, 1)
                : new Location(fileName, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
}
