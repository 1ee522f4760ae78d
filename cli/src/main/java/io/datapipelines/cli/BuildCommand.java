package io.datapipelines.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import io.datapipelines.image.BaseImage;
import io.datapipelines.image.BuiltImage;
import io.datapipelines.image.GraalCompiler;
import io.datapipelines.image.ImageBuildException;
import io.datapipelines.image.ImageLayer;
import io.datapipelines.image.ImageTarget;
import io.datapipelines.image.PipelineImage;
import io.datapipelines.image.RegistryCredentials;
import io.datapipelines.image.RuntimeClasspath;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.local.PipelineTestRunner;
import io.datapipelines.runtime.local.TestOutcome;
import io.datapipelines.runtime.step.CompiledPipeline;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code datapipelines build}: tests a definition, then builds its immutable image and pushes it by digest. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Validates a definition and runs its tests (in a child process without the registry login's",
                "environment variables, when the login names any); if they pass, builds the pipeline's image with Jib (no Docker",
                "daemon) and pushes it, or writes it as an OCI archive with --output-tar. Prints the image by digest",
                "(REPOSITORY@sha256:...), the reference deployments use. The same definition, runtime and base digest",
                "always give the same digest; a new revision pushes only its definition layer.",
                "Progress goes to stderr. Exit codes: 0 built, 1 a test failed (nothing built) or the build or push",
                "failed, 2 invalid definition or options."})
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEFINITION", description = "The definition file (YAML or JSON).")
    Path definitionFile;

    @Option(names = "--image", required = true, paramLabel = "REPOSITORY",
            description = "The repository to push to, e.g. registry.example.com/pipelines/orders (a tag in it is ignored: see --tag).")
    String image;

    @Option(names = "--base-image", paramLabel = "REF|docker-archive:PATH", defaultValue = "${env:DATAPIPELINES_BASE_IMAGE}",
            description = {"The base image, with java 17+ on the PATH: a registry reference (a tag is resolved to its digest",
                    "once, and the image records the digest) or a 'docker save' archive. Default: $DATAPIPELINES_BASE_IMAGE."})
    String baseImage;

    @Option(names = "--jit", paramLabel = "auto|on|off", defaultValue = "auto",
            description = {"GraalPy's JIT (the Graal compiler in the image, JVMCI flags): auto (default) when the base, an",
                    "archive or in a registry, is labelled io.datapipelines.jvmci (.ci/base-image.sh 25); on for any base",
                    "that is a Java 25 with JVMCI of the compiler's version; off: GraalPy runs interpreted, on any java 17+."})
    String jit;

    @Option(names = "--tag", paramLabel = "TAG",
            description = "A tag to push besides the revision tag (the revision hash's first 12 digits); repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--insecure", description = "Allow plain HTTP and unverified certificates (a registry on localhost or a trusted network).")
    boolean insecure;

    @Option(names = "--output-tar", paramLabel = "FILE",
            description = "Write the image as an OCI archive instead of pushing it (air-gapped transfer: skopeo copy oci-archive:FILE docker://...).")
    Path outputTar;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (the image by digest) or json: {image, digest, revisionHash, pipeline, layers, durationMs}.")
    String output;

    @Option(names = "--source", paramLabel = "URL", description = "The definition's source repository: the org.opencontainers.image.source label.")
    String source;

    @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = "${env:DATAPIPELINES_CACHE_DIR}",
            description = "Jib's layer cache (default: $DATAPIPELINES_CACHE_DIR, else ~/.cache/datapipelines/jib).")
    Path cacheDir;

    @Option(names = "--skip-tests", description = {"Do not run the definition's tests: for a caller that has just run 'datapipelines test'",
            "itself, without this command's secrets (the Jenkins plugin inside a container, where the login is a file)."})
    boolean skipTests;

    @ArgGroup(exclusive = false, heading = "Registry login (default: the Docker config):%n")
    RegistryLogin login = new RegistryLogin();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PipelineDefinition definition = new DefinitionLoader().load(definitionFile, err);
        if (definition == null) {
            return ExitCodes.INVALID;
        }
        PipelineImage.Builder builder;
        try {
            builder = configure(definition);
        } catch (IllegalArgumentException e) {
            err.println("datapipelines: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        // The tests run the definition's own code: with secrets in this process's environment, in a child without them.
        List<String> secrets = login.environmentVariables(System.getenv());
        int tests = skipTests ? ExitCodes.OK : secrets.isEmpty() ? (testsPass(definition, err) ? ExitCodes.OK : ExitCodes.FAILED)
                : IsolatedTests.run(definitionFile, secrets, err);
        if (skipTests) {
            err.println("Tests not run (--skip-tests)");
        }
        if (tests != ExitCodes.OK) {
            err.println("datapipelines: " + (tests == ExitCodes.INVALID ? "the definition is invalid" : "a test failed") + ": no image built");
            return tests;
        }
        BuildProgress progress = new BuildProgress(err);
        BuiltImage built;
        try {
            RuntimeClasspath runtime = RuntimeClasspath.current();
            if (CompiledPipeline.usesGraalPy(definition)) {
                GraalCompiler.Mode mode = jitMode();
                // --jit off never looks for the compiler (a broken graal/ directory does not matter then)
                builder.graalJit(mode, mode == GraalCompiler.Mode.OFF ? Optional.empty() : GraalCompiler.nextTo(runtime));
            } else {
                err.println("No GraalPy steps: the image leaves GraalPy (and its JIT) out");
            }
            built = builder.runtime(runtime).onLog(progress::log).onProgress(progress::progress).build();
        } catch (ImageBuildException e) {
            err.println("datapipelines: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        err.println("Built " + built.image() + (outputTar != null ? " into " + outputTar : "") + " in "
                + built.duration().toMillis() + " ms; " + built.bytesPushed() + " bytes pushed");
        err.flush();
        out.println("json".equals(output) ? JSON.writeValueAsString(json(built)) : built.image().toString());
        out.flush();
        return ExitCodes.OK;
    }

    /** Checks every option and sets up the build. @throws IllegalArgumentException naming the bad option */
    private PipelineImage.Builder configure(PipelineDefinition definition) {
        if (!"text".equals(output) && !"json".equals(output)) {
            throw new IllegalArgumentException("--output must be text or json, not '" + output + "'");
        }
        jitMode();
        if (baseImage == null || baseImage.isBlank()) {
            throw new IllegalArgumentException("no base image: give --base-image REF or docker-archive:PATH (or set DATAPIPELINES_BASE_IMAGE)");
        }
        ImageReference repository;
        try {
            repository = ImageReference.parse(image);
        } catch (InvalidImageReferenceException e) {
            throw new IllegalArgumentException("--image '" + image + "' is not a repository reference (registry.example.com/team/name)");
        }
        if (repository.getDigest().isPresent()) {
            throw new IllegalArgumentException("--image names a repository; the digest is what the build makes");
        }
        if (outputTar != null && (outputTar.getParent() != null && !Files.isDirectory(outputTar.toAbsolutePath().getParent()))) {
            throw new IllegalArgumentException("--output-tar " + outputTar + ": no such directory");
        }
        RegistryCredentials credentials = login.credentials(System.getenv());
        PipelineImage.Builder builder = PipelineImage.builder()
                .definition(definition)
                .base(BaseImage.parse(baseImage))
                .to(outputTar != null ? new ImageTarget.OciArchive(outputTar, repository) : new ImageTarget.Registry(repository))
                .credentials(credentials)
                .allowInsecureRegistries(insecure)
                .source(source);
        tags.forEach(builder::addTag);
        if (cacheDir != null) {
            builder.cacheDirectory(cacheDir);
        }
        return builder;
    }

    private GraalCompiler.Mode jitMode() {
        return switch (jit) {
            case "auto" -> GraalCompiler.Mode.AUTO;
            case "on" -> GraalCompiler.Mode.ON;
            case "off" -> GraalCompiler.Mode.OFF;
            default -> throw new IllegalArgumentException("--jit must be auto, on or off, not '" + jit + "'");
        };
    }

    /** Runs the definition's tests, printing each outcome on stderr (stdout is for the image reference). */
    private static boolean testsPass(PipelineDefinition definition, PrintWriter err) {
        int passed = 0;
        int failed = 0;
        for (TestOutcome outcome : PipelineTestRunner.run(definition)) {
            if (outcome.passed()) {
                passed++;
                err.println("  PASS " + outcome.name());
            } else {
                failed++;
                err.println("  FAIL " + outcome.name());
                outcome.failures().forEach(f -> err.println("       " + f));
            }
        }
        err.println(failed == 0 ? "All " + passed + " tests passed" : failed + " of " + (passed + failed) + " tests failed");
        err.flush();
        return failed == 0;
    }

    private static Map<String, Object> json(BuiltImage built) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("image", built.image().toString());
        json.put("digest", built.digest());
        json.put("revisionHash", built.revisionHash());
        json.put("pipeline", built.pipeline());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (ImageLayer layer : built.layers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", layer.name());
            entry.put("digest", layer.digest());
            entry.put("size", layer.size());
            entry.put("pushed", layer.pushed());
            layers.add(entry);
        }
        json.put("layers", layers);
        json.put("durationMs", built.duration().toMillis());
        return json;
    }
}
