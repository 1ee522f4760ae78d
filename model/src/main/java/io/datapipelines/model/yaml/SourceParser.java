package io.datapipelines.model.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.datapipelines.model.DefinitionLimits;
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
    private static final Pattern NULL = Pattern.compile("|~|null|Null|NULL");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");

    private SourceParser() {
    }

    /**
     * @param text     the document
     * @param fileName the name messages use; a name ending in {@code .json} is read as JSON
     */
    public static SourceNode parse(String text, String fileName) throws SyntaxException {
        checkSize(text, fileName);
        checkCharacters(text, fileName);
        return fileName.endsWith(".json") ? parseJson(text, fileName) : parseYaml(text, fileName);
    }

    /** The size limit, for text that did not come through {@code TextFile} (the Jenkins form, tests). */
    private static void checkSize(String text, String fileName) throws SyntaxException {
        long bytes = text.length();
        if (bytes <= DefinitionLimits.MAX_FILE_BYTES) {
            bytes = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            }
        }
        if (bytes > DefinitionLimits.MAX_FILE_BYTES) {
            throw new SyntaxException(new Problem(new Location(fileName, 1, 1), "",
                    "is more than " + DefinitionLimits.MAX_FILE_BYTES + " bytes; a file may be at most " + DefinitionLimits.fileSizeText()));
        }
    }

    /**
     * NUL and other control characters, at their own line and column (the YAML reader would name only an
     * offset). Tab, line feed and carriage return are text; so is everything YAML 1.2 calls printable.
     */
    private static void checkCharacters(String text, String fileName) throws SyntaxException {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean lone = Character.isSurrogate((char) c) && Character.charCount(c) == 1;
            if (lone || !(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85
                    || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))) {
                String what = c == 0 ? "a NUL character (U+0000)" : String.format("the control character U+%04X", c);
                throw new SyntaxException(new Problem(new Location(fileName, line, column), "",
                        what + " is not allowed in a definition; write it as an escape (\"\\u" + String.format("%04x", c) + "\") in a double-quoted string"));
            }
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
            i += Character.charCount(c);
        }
    }

    // ---------------------------------------------------------------- YAML

    static SourceNode parseYaml(String text, String fileName) throws SyntaxException {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(fileName)
                .setSchema(new CoreSchema())
                // Our own budget (YamlLimitCheck) bounds what aliases expand to; this count is only a backstop.
                .setMaxAliasesForCollections(DefinitionLimits.MAX_NODES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(DefinitionLimits.MAX_FILE_BYTES)
                // The whole document in one read. snakeyaml-engine's StreamReader copies its whole unconsumed
                // window on every refill (Arrays.copyOfRange in update()), and a comment, a plain scalar or a
                // word of a quoted one stays unconsumed until its end, so with the default 1 KiB buffer a long
                // one costs (length / 1 KiB) copies of up to its length: quadratic (4 MB took 8.6 s).
                .setBufferSize(text.length() + 1)
                .build();
        Iterator<Node> documents;
        try {
            YamlLimitCheck.check(text, settings, fileName);
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
        return convert(root, fileName, new Lines(text));
    }

    private static SourceNode convert(Node node, String fileName, Lines text) throws SyntaxException {
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
        // Plain scalars get these tags only when they match (core schema); an explicit tag (!!float abc) may not.
        if (Tag.NULL.equals(tag)) {
            if (!NULL.matcher(raw).matches()) {
                throw new SyntaxException(new Problem(location, "", "'" + raw + "' is tagged !!null but is not null, ~ or empty"));
            }
            return null;
        } else if (Tag.BOOL.equals(tag)) {
            if (!BOOL.matcher(raw).matches()) {
                throw new SyntaxException(new Problem(location, "", "'" + raw + "' is tagged !!bool but is not true or false"));
            }
            return Boolean.valueOf(raw.equalsIgnoreCase("true"));
        } else if ((Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) && raw.length() > DefinitionLimits.MAX_NUMBER_LENGTH) {
            throw new SyntaxException(new Problem(location, "", "a number of more than " + DefinitionLimits.MAX_NUMBER_LENGTH
                    + " characters is not allowed; quote it if a string is meant"));
        } else if (Tag.INT.equals(tag)) {
            BigInteger big;
            if (DECIMAL.matcher(raw).matches()) {
                big = new BigInteger(raw.startsWith("+") ? raw.substring(1) : raw);
            } else if (OCTAL.matcher(raw).matches()) {
                big = new BigInteger(raw.substring(2), 8);
            } else if (HEX.matcher(raw).matches()) {
                big = new BigInteger(raw.substring(2), 16);
            } else {
                throw new SyntaxException(new Problem(location, "", "'" + raw + "' is tagged !!int but is not an integer"));
            }
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        } else if (Tag.FLOAT.equals(tag)) {
            String lower = raw.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".inf") || lower.equals(".nan")) {
                throw new SyntaxException(new Problem(location, "", "'" + raw + "' is not a number JSON can carry; quote it if a string is meant"));
            }
            double value;
            try {
                value = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw new SyntaxException(new Problem(location, "", "'" + raw + "' is tagged !!float but is not a number"));
            }
            if (Double.isNaN(value)) { // !!float NaN (Java's spelling)
                throw new SyntaxException(new Problem(location, "", "'" + raw + "' is not a number JSON can carry; quote it if a string is meant"));
            } else if (Double.isInfinite(value)) {
                throw new SyntaxException(new Problem(location, "", "'" + raw + "' is too large for a number JSON can carry (it would be "
                        + "infinity); quote it if a string is meant"));
            }
            return value;
        }
        return raw;
    }

    /** For block scalars, the first content line and its indentation; otherwise the node's own start. */
    private static Location contentLocation(org.snakeyaml.engine.v2.nodes.ScalarNode scalar, Location location, Lines text) {
        ScalarStyle style = scalar.getScalarStyle();
        if (style != ScalarStyle.LITERAL && style != ScalarStyle.FOLDED) {
            return location;
        }
        String[] lines = text.lines();
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

    /** The document's lines, split once (on the first block scalar) rather than once per block scalar. */
    private static final class Lines {
        private final String text;
        private String[] lines;

        Lines(String text) {
            this.text = text;
        }

        String[] lines() {
            if (lines == null) {
                lines = text.split("\r\n|\r|\n", -1);
            }
            return lines;
        }
    }

    private static Location location(String fileName, Optional<Mark> mark) {
        return mark.map(m -> new Location(fileName, m.getLine() + 1, m.getColumn() + 1))
                .orElseGet(() -> new Location(fileName, 1, 1));
    }

    // ---------------------------------------------------------------- JSON

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    // one more level than ours, so that JsonDepth words the message (with the place) first
                    .maxNestingDepth(DefinitionLimits.MAX_NESTING_DEPTH + 1)
                    .maxNumberLength(DefinitionLimits.MAX_NUMBER_LENGTH)
                    .maxStringLength(DefinitionLimits.MAX_FILE_BYTES)
                    .maxDocumentLength(DefinitionLimits.MAX_FILE_BYTES)
                    .build())
            .build();

    /** Counts values and levels while a JSON document is read, against the same limits as YAML. */
    private static final class JsonBudget {
        long values;
        int depth;
    }

    static SourceNode parseJson(String text, String fileName) throws SyntaxException {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxException(new Problem(new Location(fileName, 1, 1), "", "the file is empty; expected a DataPipeline definition"));
            }
            SourceNode root;
            try {
                root = readJson(parser, fileName, new JsonBudget());
            } catch (StreamConstraintsException e) {
                throw new SyntaxException(new Problem(location(fileName, parser.currentTokenLocation()), "", limitMessage(e)));
            }
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

    private static SourceNode readJson(JsonParser parser, String fileName, JsonBudget budget) throws IOException, SyntaxException {
        Location location = location(fileName, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (++budget.values > DefinitionLimits.MAX_NODES) {
            throw new SyntaxException(new Problem(location, "", "the document holds more than " + DefinitionLimits.MAX_NODES
                    + " values (keys, scalars, objects and arrays)"));
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            if (++budget.depth > DefinitionLimits.MAX_NESTING_DEPTH) {
                throw new SyntaxException(new Problem(location, "", "objects and arrays are nested more than "
                        + DefinitionLimits.MAX_NESTING_DEPTH + " levels deep"));
            }
            SourceNode collection = readJsonCollection(parser, fileName, budget, location, token);
            budget.depth--;
            return collection;
        }
        switch (token) {
            case VALUE_STRING -> {
                return new ScalarNode(location, parser.getText(), location);
            }
            case VALUE_NUMBER_INT -> {
                BigInteger big = parser.getBigIntegerValue();
                return new ScalarNode(location, big.bitLength() < 64 ? (Object) big.longValue() : big, location);
            }
            case VALUE_NUMBER_FLOAT -> {
                double value = parser.getDoubleValue();
                if (Double.isInfinite(value)) {
                    throw new SyntaxException(new Problem(location, "", "'" + parser.getText() + "' is too large for a number JSON can "
                            + "carry (it would be infinity)"));
                }
                return new ScalarNode(location, value, location);
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

    /** Jackson's words for a limit, in ours (the limits are DefinitionLimits'). */
    private static String limitMessage(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Number value length")) {
            return "a number of more than " + DefinitionLimits.MAX_NUMBER_LENGTH + " characters is not allowed";
        } else if (message.startsWith("String value length")) {
            return "a string of more than " + DefinitionLimits.MAX_FILE_BYTES + " characters is not allowed";
        }
        return "exceeds a limit: " + message.replaceAll(" \\(from `StreamReadConstraints[^)]*\\)", "");
    }

    private static SourceNode readJsonCollection(JsonParser parser, String fileName, JsonBudget budget, Location location,
                                                 JsonToken token) throws IOException, SyntaxException {
        if (token == JsonToken.START_OBJECT) {
            List<MapNode.Entry> entries = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                Location keyLocation = location(fileName, parser.currentTokenLocation());
                parser.nextToken();
                budget.values++;
                entries.add(new MapNode.Entry(key, keyLocation, readJson(parser, fileName, budget)));
            }
            return new MapNode(location, entries);
        }
        List<SourceNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readJson(parser, fileName, budget));
        }
        return new ListNode(location, items);
    }

    private static Location location(String fileName, JsonLocation location) {
        return location == null ? new Location(fileName, 1, 1)
                : new Location(fileName, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
}
