package io.jenkins.plugins.datapipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the plugin's views hand to Jenkins' own page scripts and icon lookup, checked as core 2.541.3 reads them:
 * a textarea's {@code codemirror-config} must be JSON (core's textarea.js parses {@code "{" + config + "}"} with
 * JSON.parse and silently drops anything else), and every {@code symbol-NAME} icon must be one core ships (an unknown
 * one renders as the missing-symbol placeholder).
 */
class JenkinsUiContractTest {
    private static final Path PLUGIN = Path.of(System.getProperty("plugin.dir", "../plugin"), "src/main");
    private static final String CORE_SYMBOLS = "/jenkins-core-symbols-2.541.3.txt";
    private static final Pattern SYMBOL = Pattern.compile("symbol-([a-z0-9]+(?:-[a-z0-9]+)*)");

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(PLUGIN)) {
            return all.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void everyCodemirrorConfigIsTheJsonThatCoresTextareaScriptParses() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> configs = new TreeMap<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (Path view : files(".jelly")) {
            Document document = factory.newDocumentBuilder().parse(view.toFile());
            NodeList all = document.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                if (element.hasAttribute("codemirror-config")) {
                    configs.put(PLUGIN.relativize(view) + " " + element.getTagName(), element.getAttribute("codemirror-config"));
                }
            }
        }
        assertThat(configs).as("the Data Pipeline job's YAML editor").isNotEmpty();
        for (var entry : configs.entrySet()) {
            // textarea.js: config = JSON.parse("{" + config + "}")
            JsonNode config = json.readTree("{" + entry.getValue() + "}");
            assertThat(config.isObject()).as(entry.getKey()).isTrue();
            assertThat(config.path("mode").asText()).as(entry.getKey() + ": the YAML mode").isEqualTo("text/x-yaml");
            assertThat(config.path("lineNumbers").asBoolean()).as(entry.getKey() + ": line numbers").isTrue();
        }
    }

    @Test
    void aConfigOfTheOldShapeIsNotJson() {
        // What the job form had before: core's fallback accepts exactly "mode: 'x'" and nothing more, so this lost
        // its line numbers and indent unit. Guards the check above against accepting JavaScript object syntax.
        assertThat(parses("mode: 'text/x-yaml', lineNumbers: true, indentUnit: 2")).isFalse();
        assertThat(parses("\"mode\": \"text/x-yaml\", \"lineNumbers\": true, \"indentUnit\": 2")).isTrue();
    }

    private static boolean parses(String config) {
        try {
            new ObjectMapper().readTree("{" + config + "}");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Set<String> coreSymbols() throws IOException {
        try (InputStream in = JenkinsUiContractTest.class.getResourceAsStream(CORE_SYMBOLS)) {
            assertThat(in).as(CORE_SYMBOLS).isNotNull();
            Set<String> symbols = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    symbols.add(line.strip());
                }
            }
            return symbols;
        }
    }

    @Test
    void everySymbolTheViewsAndActionsUseIsACoreSymbolOfTheBaseline() throws Exception {
        Set<String> core = coreSymbols();
        assertThat(core).contains("undo", "cube").doesNotContain("arrow-undo").hasSizeGreaterThan(100);
        Map<String, String> used = new TreeMap<>();
        List<Path> sources = new ArrayList<>(files(".jelly"));
        sources.addAll(files(".java"));
        for (Path source : sources) {
            Matcher matcher = SYMBOL.matcher(Files.readString(source));
            while (matcher.find()) {
                used.put(matcher.group(1), PLUGIN.relativize(source).toString());
            }
        }
        assertThat(used).as("the rollback link and the deployment record use symbols").containsKeys("undo", "cube");
        List<String> unknown = used.entrySet().stream().filter(e -> !core.contains(e.getKey()))
                .map(e -> "symbol-" + e.getKey() + " (" + e.getValue() + ")").toList();
        assertThat(unknown).as("symbols Jenkins 2.541.3 does not have").isEmpty();
    }
}
