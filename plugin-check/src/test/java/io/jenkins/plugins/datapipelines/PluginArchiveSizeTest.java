package io.jenkins.plugins.datapipelines;

import io.datapipelines.model.DefinitionParser;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The .hpi must stay under 20 MB (issue 14). The real one is built only where the Jenkins Maven repository is reachable
 * (maven-hpi-plugin, -Pjenkins); here the same archive is assembled from what goes into it, laid out as maven-hpi-plugin
 * lays it out: the plugin's classes, Messages, views and help as {@code WEB-INF/lib/data-pipelines.jar}, the libraries
 * it bundles as {@code WEB-INF/lib/*.jar}, a manifest. Its size is written to
 * {@code target/data-pipelines-offline.hpi.size} and the archive left in {@code target/}.
 */
class PluginArchiveSizeTest {
    static final long LIMIT = 20_000_000;
    private static final Path PLUGIN_POM = Path.of(System.getProperty("plugin.dir", "../plugin"), "pom.xml");
    /** Where Jenkins plugins come from: a dependency of these groups is a plugin the .hpi depends on, not a bundled library. */
    private static final Set<String> PLUGIN_GROUPS = Set.of("org.jenkins-ci.plugins", "org.jenkins-ci.plugins.workflow", "io.jenkins.plugins");
    /** The libraries the .hpi bundles, each found on this class path by one of its classes. */
    private static final Map<String, Class<?>> BUNDLED = Map.of("datapipelines-model", DefinitionParser.class);

    /** The plugin POM's dependencies that the .hpi carries in WEB-INF/lib: every runtime one that is not a plugin. */
    private static Set<String> bundledByThePluginPom() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element project = factory.newDocumentBuilder().parse(PLUGIN_POM.toFile()).getDocumentElement();
        Set<String> bundled = new TreeSet<>();
        for (Element dependencies : children(project, "dependencies")) {
            for (Element dependency : children(dependencies, "dependency")) {
                String scope = text(dependency, "scope");
                if (!"test".equals(scope) && !"provided".equals(scope) && !PLUGIN_GROUPS.contains(text(dependency, "groupId"))) {
                    bundled.add(text(dependency, "artifactId"));
                }
            }
        }
        return bundled;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** A jar as it is (from the local repository), or one made of a reactor module's class directory. */
    private static byte[] jarOf(Path location) throws IOException {
        if (Files.isRegularFile(location)) {
            return Files.readAllBytes(location);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest); Stream<Path> files = Files.walk(location)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = location.relativize(file).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                jar.putNextEntry(entry(name));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(1767225600000L); // the plugin's project.build.outputTimestamp, 2026-01-01
        return entry;
    }

    @Test
    void theLibrariesPackedHereAreTheOnesThePluginBundles() throws Exception {
        assertThat(bundledByThePluginPom()).as("plugin/pom.xml's non-plugin runtime dependencies: add any new one to BUNDLED, so that "
                + "the size below counts it").containsExactlyInAnyOrderElementsOf(BUNDLED.keySet());
    }

    @Test
    void theHpiAssembledFromItsPartsIsUnder20MB() throws Exception {
        Map<String, byte[]> libraries = new TreeMap<>();
        Path pluginClasses = codeSource(PrivateFile.class);
        assertThat(pluginClasses.resolve("index.jelly")).as("the plugin's own resources are there").exists();
        assertThat(pluginClasses.resolve("META-INF/annotations/hudson.Extension")).exists();
        libraries.put("data-pipelines.jar", jarOf(pluginClasses));
        for (Map.Entry<String, Class<?>> library : BUNDLED.entrySet()) {
            Path location = codeSource(library.getValue());
            assertThat(location).as(library.getKey() + " is not the plugin's own classes").isNotEqualTo(pluginClasses);
            libraries.put(library.getKey() + ".jar", jarOf(location));
        }

        Path hpi = Path.of("target", "data-pipelines-offline.hpi");
        Files.createDirectories(hpi.getParent());
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Short-Name", "data-pipelines");
        main.putValue("Long-Name", "Data Pipelines");
        main.putValue("Jenkins-Version", "2.541.3");
        try (OutputStream out = Files.newOutputStream(hpi); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(entry("META-INF/MANIFEST.MF"));
            manifest.write(zip);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> library : libraries.entrySet()) {
                zip.putNextEntry(entry("WEB-INF/lib/" + library.getKey()));
                zip.write(library.getValue());
                zip.closeEntry();
            }
        }

        long size = Files.size(hpi);
        StringBuilder report = new StringBuilder("data-pipelines.hpi assembled offline: " + size + " bytes");
        libraries.forEach((name, jar) -> report.append("; WEB-INF/lib/").append(name).append(' ').append(jar.length).append(" bytes"));
        System.out.println(report);
        Files.writeString(Path.of("target", "data-pipelines-offline.hpi.size"), report + "\n", StandardCharsets.UTF_8);
        try (ZipFile archive = new ZipFile(hpi.toFile())) {
            assertThat(archive.stream().map(ZipEntry::getName).toList()).containsExactly("META-INF/MANIFEST.MF",
                    "WEB-INF/lib/data-pipelines.jar", "WEB-INF/lib/datapipelines-model.jar");
        }
        assertThat(size).as(report.toString()).isLessThan(LIMIT);
    }
}
