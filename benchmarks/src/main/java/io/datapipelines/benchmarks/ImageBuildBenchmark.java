package io.datapipelines.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import io.datapipelines.image.BaseImage;
import io.datapipelines.image.BuiltImage;
import io.datapipelines.image.ImageLayer;
import io.datapipelines.image.ImageTarget;
import io.datapipelines.image.PipelineImage;
import io.datapipelines.image.RegistryCredentials;
import io.datapipelines.image.RuntimeClasspath;
import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.PipelineDefinition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Image build and push against a real registry (issue: images). Measures, on orders-cleanup:
 * <ul>
 *   <li>the first push of a pipeline to a new repository (an empty layer cache; the base image is in the
 *       same registry already, as a production base would be);</li>
 *   <li>then {@value #REVISIONS} new revisions of it, each a changed definition, with the base and dependency
 *       layers in the registry and Jib's cache warm: build+push time and bytes pushed per revision;</li>
 *   <li>the image's size (its compressed layers).</li>
 * </ul>
 * Wall-clock times of {@link PipelineImage.Builder#build()} in one JVM, after one warm-up revision; not JMH,
 * because one sample is a whole build with network I/O. Writes a JSON result for {@link BenchmarkReport}.
 *
 * <p>Usage: {@code ImageBuildBenchmark REGISTRY BASE_ARCHIVE EXAMPLE_YAML RESULT_JSON}
 */
public final class ImageBuildBenchmark {
    static final int REVISIONS = 20;

    private ImageBuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String registry = args[0];
        Path baseArchive = Path.of(args[1]);
        Path example = Path.of(args[2]);
        Path result = Path.of(args[3]);
        Path cache = Files.createTempDirectory("datapipelines-image-benchmark-");
        String run = Long.toHexString(System.currentTimeMillis());

        // The base image, pushed to the registry as it would be in production (Jib, no layers added).
        String baseRepository = registry + "/benchmark/jre-" + run;
        String baseDigest = Jib.from(TarImage.at(baseArchive))
                .containerize(Containerizer.to(RegistryImage.named(baseRepository + ":17")).setAllowInsecureRegistries(true)
                        .setBaseImageLayersCache(cache.resolve("base")).setApplicationLayersCache(cache.resolve("application")))
                .getDigest().toString();
        BaseImage base = BaseImage.parse(baseRepository + "@" + baseDigest);
        RuntimeClasspath runtime = RuntimeClasspath.current();
        ImageReference repository = ImageReference.parse(registry + "/benchmark/orders-cleanup-" + run);
        String yaml = Files.readString(example);

        BuiltImage first = build(revision(yaml, example, 0), runtime, base, repository, cache.resolve("pipeline"));
        build(revision(yaml, example, 1), runtime, base, repository, cache.resolve("pipeline")); // warm-up: JIT, connections
        List<Map<String, Object>> revisions = new ArrayList<>();
        for (int i = 2; i < REVISIONS + 2; i++) {
            BuiltImage next = build(revision(yaml, example, i), runtime, base, repository, cache.resolve("pipeline"));
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("ms", next.duration().toNanos() / 1e6);
            sample.put("bytesPushed", next.bytesPushed());
            sample.put("layersPushed", next.layers().stream().filter(ImageLayer::pushed).map(ImageLayer::name).toList());
            revisions.add(sample);
        }

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pipeline", first.pipeline());
        json.put("firstPush", Map.of("ms", first.duration().toNanos() / 1e6, "bytesPushed", first.bytesPushed(),
                "layersPushed", first.layers().stream().filter(ImageLayer::pushed).map(ImageLayer::name).toList()));
        json.put("revisions", revisions);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (ImageLayer layer : first.layers()) {
            layers.add(Map.of("name", layer.name(), "size", layer.size()));
        }
        json.put("layers", layers);
        json.put("compressedSize", first.compressedSize());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(result.toFile(), json);
        System.out.println("wrote " + result);
    }

    /** Revision {@code i} of the example: its description says which, so each has its own revision hash. */
    private static PipelineDefinition revision(String yaml, Path example, int i) throws Exception {
        String text = yaml.replaceFirst("(?m)^  description: ", "  description: (revision " + i + ") ");
        return new DefinitionParser().parse(text, example.toString(), example.toAbsolutePath().getParent());
    }

    private static BuiltImage build(PipelineDefinition definition, RuntimeClasspath runtime, BaseImage base, ImageReference repository, Path cache)
            throws Exception {
        return PipelineImage.builder()
                .definition(definition)
                .runtime(runtime)
                .base(base)
                .to(new ImageTarget.Registry(repository))
                .credentials(RegistryCredentials.anonymous())
                .allowInsecureRegistries(true)
                .cacheDirectory(cache)
                .build();
    }
}
