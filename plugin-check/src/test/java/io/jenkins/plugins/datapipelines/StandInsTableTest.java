package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** jenkins-api-standins/STANDINS.md names, for every stand-in type, the real source and the version it was checked at. */
class StandInsTableTest {
    private static final Path STANDINS = Path.of(System.getProperty("plugin.dir", "../plugin")).resolve("../jenkins-api-standins");

    @Test
    void everyStandInTypeHasItsRow() throws Exception {
        Path sources = STANDINS.resolve("src/main/java");
        List<String> types;
        try (Stream<Path> files = Files.walk(sources)) {
            types = files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> sources.relativize(f).toString().replace('\\', '/').replaceAll("\\.java$", "").replace('/', '.')).sorted().toList();
        }
        assertThat(types).contains("hudson.model.ParametersAction", "org.kohsuke.stapler.verb.POST");
        List<String> rows = Files.readAllLines(STANDINS.resolve("STANDINS.md")).stream().filter(l -> l.startsWith("| `")).toList();
        for (String type : types) {
            String path = type.replace('.', '/') + ".java";
            assertThat(rows).as(type).anySatisfy(row -> assertThat(row).startsWith("| `" + type + "` |").contains(path + "`")
                    .containsPattern("\\| [^|]*[0-9][^|]* \\|"));
        }
        assertThat(rows).hasSize(types.size());
    }
}
