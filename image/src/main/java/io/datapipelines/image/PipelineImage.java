package io.datapipelines.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.events.TimerEvent;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import io.datapipelines.model.CanonicalForm;
import io.datapipelines.runtime.step.CompiledPipeline;
import io.datapipelines.model.PipelineDefinition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the immutable image of one pipeline revision with Jib (no Docker daemon), in Jib's own style:
 *
 * <pre>{@code
 * BuiltImage image = PipelineImage.builder()
 *     .definition(definition)
 *     .runtime(RuntimeClasspath.current())
 *     .base(BaseImage.parse("registry.example.com/java/jre@sha256:..."))
 *     .to(new ImageTarget.Registry(ImageReference.parse("registry.example.com/pipelines/orders")))
 *     .credentials(RegistryCredentials.usernamePassword(user, password, "REGISTRY_USER/REGISTRY_PASSWORD"))
 *     .build();
 * image.image();   // registry.example.com/pipelines/orders@sha256:...
 * }</pre>
 *
 * <p>Reproducible by construction: the layers' files have fixed times, owners and permissions and a fixed
 * order (Jib's reproducible layer builder), the creation time is the epoch, and every label derives from
 * the inputs. So the same definition, runtime version and base digest give a byte-identical image and the
 * same digest, and a new revision differs from the previous one only in its pipeline layer (and the small
 * configuration and manifest).
 */
public final class PipelineImage {
    /** Fixed, so that the image does not depend on when it was built. */
    static final Instant CREATION_TIME = Instant.EPOCH;

    private PipelineImage() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The cache Jib keeps base and application layers in: {@code $XDG_CACHE_HOME/datapipelines/jib} or {@code ~/.cache/...}. */
    public static Path defaultCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("datapipelines").resolve("jib");
    }

    /** Collects a build's settings; {@link #build()} builds. Not thread-safe; one builder per build. */
    public static final class Builder {
        private PipelineDefinition definition;
        private RuntimeClasspath runtime;
        private BaseImage base;
        private ImageTarget target;
        private RegistryCredentials credentials = RegistryCredentials.defaultDockerConfig();
        private RegistryCredentials baseCredentials;
        private final Set<String> tags = new LinkedHashSet<>();
        private boolean allowInsecureRegistries;
        private String source;
        private Path cacheDirectory = defaultCacheDirectory();
        private Consumer<LogEvent> onLog = event -> { };
        private Consumer<ProgressEvent> onProgress = event -> { };
        private GraalCompiler.Mode jitMode = GraalCompiler.Mode.OFF;
        private GraalCompiler graalCompiler;

        private Builder() {
        }

        /** The pipeline (required); the image carries its canonical form. */
        public Builder definition(PipelineDefinition definition) {
            this.definition = Objects.requireNonNull(definition, "definition");
            return this;
        }

        /** The runtime's jars (required); usually {@link RuntimeClasspath#current()}. */
        public Builder runtime(RuntimeClasspath runtime) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            return this;
        }

        /** The base image (required): it provides {@code java}. */
        public Builder base(BaseImage base) {
            this.base = Objects.requireNonNull(base, "base");
            return this;
        }

        /** Where the image goes (required). */
        public Builder to(ImageTarget target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /** How to log in to the target registry (default: the Docker config of {@code docker login}). */
        public Builder credentials(RegistryCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * How to log in to the base image's registry (default: the target's credentials when it is the same
         * registry, else the default Docker config).
         */
        public Builder baseCredentials(RegistryCredentials baseCredentials) {
            this.baseCredentials = Objects.requireNonNull(baseCredentials, "baseCredentials");
            return this;
        }

        /**
         * A tag to push besides the revision tag (the first 12 digits of the revision hash, always pushed).
         * Tags are pointers for people; deployments use the digest.
         */
        public Builder addTag(String tag) {
            if (!ImageReference.isValidTag(tag)) {
                throw new IllegalArgumentException("'" + tag + "' is not a valid image tag (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-')");
            }
            tags.add(tag);
            return this;
        }

        /** Allows plain HTTP and unverified TLS certificates: only for a registry on localhost or a trusted network. */
        public Builder allowInsecureRegistries(boolean allow) {
            this.allowInsecureRegistries = allow;
            return this;
        }

        /** Where the definition's source lives (an SCM URL): the {@code org.opencontainers.image.source} label. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Jib's layer caches: {@code base/} and {@code application/} under this directory. */
        public Builder cacheDirectory(Path cacheDirectory) {
            this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
            return this;
        }

        /** Receives Jib's log events (and this builder's own), e.g. to show progress. */
        public Builder onLog(Consumer<LogEvent> onLog) {
            this.onLog = Objects.requireNonNull(onLog, "onLog");
            return this;
        }

        /**
         * Makes GraalPy's JIT part of the image: the compiler's jars in their own layer ({@value ContainerLayout#GRAAL})
         * and {@link ContainerLayout#JIT_FLAGS} in the entrypoint. Only for a base whose java is the JDK the compiler
         * was made for (a Java 25 with jdk.internal.vm.ci, e.g. .ci/base-image.sh 25); a base with the
         * {@value DockerArchiveConfig#JVMCI_LABEL} label is checked against it, an archive base must have it.
         * The same as {@code graalJit(Mode.ON, Optional.of(compiler))}.
         */
        public Builder graalJit(GraalCompiler compiler) {
            return graalJit(GraalCompiler.Mode.ON, Optional.of(compiler));
        }

        /**
         * Whether the image gets GraalPy's JIT ({@link GraalCompiler.Mode}; OFF, the default: GraalPy runs interpreted,
         * on any java 17+), with {@code available} the compiler to put in it. For {@link GraalCompiler.Mode#AUTO} the
         * build reads the base's labels, from the archive or the registry, and adds the JIT when it carries
         * {@value DockerArchiveConfig#JVMCI_LABEL}; the build fails when the JIT is wanted and no compiler is available.
         * Only pipelines with GraalPy steps get it.
         */
        public Builder graalJit(GraalCompiler.Mode mode, Optional<GraalCompiler> available) {
            this.jitMode = Objects.requireNonNull(mode, "mode");
            this.graalCompiler = Objects.requireNonNull(available, "available").orElse(null);
            return this;
        }

        /** Receives Jib's progress events (allocations and units done). */
        public Builder onProgress(Consumer<ProgressEvent> onProgress) {
            this.onProgress = Objects.requireNonNull(onProgress, "onProgress");
            return this;
        }

        /**
         * Builds the image and pushes it (or writes the archive).
         *
         * @throws ImageBuildException with a message for the user when the base image, a registry or the
         *                             cache fails
         */
        public BuiltImage build() throws ImageBuildException, InterruptedException {
            require(definition, "definition");
            require(runtime, "runtime");
            require(base, "base");
            require(target, "target (to)");
            long start = System.nanoTime();
            String revisionHash = CanonicalForm.revisionHash(definition);
            String revisionTag = revisionHash.substring(0, 12);
            ImageReference repository = target.repository();
            RegistryCredentials forBase = baseCredentials != null ? baseCredentials
                    : base instanceof BaseImage.Registry registry && registry.reference().getRegistry().equals(repository.getRegistry())
                    ? credentials : RegistryCredentials.defaultDockerConfig();

            // GraalPy's jars and its JIT only where GraalPy runs: built-in and Jython pipelines need neither
            boolean graalPy = CompiledPipeline.usesGraalPy(definition);
            // a base made by .ci/base-image.sh 25 says which JDK it is and which class data it has
            boolean readLabels = graalPy && jitMode != GraalCompiler.Mode.OFF;
            Path work = null;
            try (RegistryAccess registryAccess = new RegistryAccess(allowInsecureRegistries, onLog)) {
                ImageReference pinnedBase = null;
                Map<String, String> baseLabels = Map.of();
                JibContainerBuilder jib;
                if (target instanceof ImageTarget.Registry) {
                    registryAccess.checkReachable(repository);
                }
                if (base instanceof BaseImage.Registry registry) {
                    registryAccess.checkReachable(registry.reference());
                    pinnedBase = registry.pinned() ? registry.reference()
                            : registry.reference().withQualifier(registryAccess.resolve(registry.reference(), forBase));
                    if (!registry.pinned()) {
                        onLog.accept(LogEvent.lifecycle("Base image " + registry.reference() + " is " + pinnedBase));
                    }
                    if (readLabels) {
                        baseLabels = registryAccess.labels(pinnedBase, forBase);
                    }
                    RegistryImage baseImage = RegistryImage.named(pinnedBase);
                    forBase.retrievers(pinnedBase, onLog).forEach(baseImage::addCredentialRetriever);
                    jib = Jib.from(baseImage);
                } else {
                    BaseImage.DockerArchive archive = (BaseImage.DockerArchive) base;
                    if (readLabels) {
                        baseLabels = DockerArchiveConfig.labels(archive.file());
                    }
                    jib = Jib.from(TarImage.at(archive.file()));
                }
                boolean jit = readLabels && (jitMode == GraalCompiler.Mode.ON || baseLabels.containsKey(DockerArchiveConfig.JVMCI_LABEL));
                Optional<ClassDataArchive> baseClassData = Optional.empty();
                if (jit) {
                    checkCompilerFor(baseLabels);
                    baseClassData = ClassDataArchive.of(baseLabels);
                    onLog.accept(LogEvent.lifecycle("With GraalPy's JIT: the Graal compiler " + graalCompiler.version() + " in " + ContainerLayout.GRAAL));
                }

                work = Files.createTempDirectory("datapipelines-image-");
                Path definitionFile = work.resolve("pipeline.json");
                Files.writeString(definitionFile, CanonicalForm.json(definition), StandardCharsets.UTF_8);
                RuntimeClasspath jars = graalPy ? runtime : runtime.withoutGraalPy();
                Optional<ClassDataArchive> classData = jit ? baseClassData : Optional.empty();
                if (classData.isPresent() && !classData.get().fits(ContainerLayout.graalPyJars(jars))) {
                    onLog.accept(LogEvent.warn("The base image's GraalPy class data (" + ClassDataArchive.LABEL + ") was made for"
                            + " other GraalPy jars than this runtime's: the image starts without it (a GraalPy pipeline's first"
                            + " start 1-2 s slower). Make the base again with this CLI's distribution (.ci/base-image.sh 25)."));
                    classData = Optional.empty();
                }
                classData.ifPresent(data -> onLog.accept(LogEvent.lifecycle("GraalPy's class data: the base's " + ClassDataArchive.FILE
                        + " (" + data.classpath().size() + " jars first on the class path, the compiler on the module path)")));
                List<FileEntriesLayer> layers = new ArrayList<>();
                if (jit) {
                    layers.add(ContainerLayout.compilerLayer(graalCompiler));
                }
                layers.addAll(ContainerLayout.jarLayers(jars));
                layers.add(ContainerLayout.definitionLayer(definitionFile));
                String baseLabel = pinnedBase == null ? null : withoutTag(pinnedBase).toString();
                jib.setFileEntriesLayers(layers)
                        .setEntrypoint(ContainerLayout.entrypoint(jars, jit, classData))
                        .setProgramArguments(List.of())
                        .setUser(ContainerLayout.USER)
                        .setWorkingDirectory(AbsoluteUnixPath.get(ContainerLayout.WORKING_DIRECTORY))
                        .setExposedPorts(Port.tcp(ContainerLayout.HTTP_PORT))
                        .setLabels(ImageLabels.of(definition, runtime.version(), baseLabel, source))
                        .setCreationTime(CREATION_TIME)
                        .setFormat(ImageFormat.OCI);

                UploadedBlobs uploaded = new UploadedBlobs();
                Containerizer containerizer = containerizer(repository.withQualifier(revisionTag), uploaded);
                JibContainer container = containerize(jib, containerizer);
                String digest = container.getDigest().toString();

                List<RegistryAccess.Blob> blobs;
                if (target instanceof ImageTarget.OciArchive archive) {
                    OciArchiveManifest.Manifest manifest = OciArchiveManifest.read(archive.file());
                    if (!manifest.digest().equals(digest)) {
                        throw new ImageBuildException("the archive " + archive.file() + " holds manifest " + manifest.digest()
                                + ", not the built " + digest);
                    }
                    blobs = manifest.layers();
                } else {
                    blobs = registryAccess.layers(repository, digest, credentials);
                }
                List<String> allTags = new ArrayList<>();
                allTags.add(revisionTag);
                tags.stream().filter(tag -> !tag.equals(revisionTag)).forEach(allTags::add);
                return new BuiltImage(withoutTag(repository).withQualifier(digest), digest, allTags, revisionHash, definition.name(),
                        pinnedBase == null ? base.toString() : withoutTag(pinnedBase).toString(),
                        name(blobs, layers, uploaded), Duration.ofNanos(System.nanoTime() - start));
            } catch (IOException e) {
                throw new ImageBuildException("cannot build the image of " + definition.name() + ": " + e.getMessage(), e);
            } finally {
                deleteQuietly(work);
            }
        }

        /**
         * A JIT image on a base with {@code labels}: there must be a compiler, and the base must say it is the JDK the
         * compiler was made for (an archive base must carry the label; a registry base without it is taken on the word
         * of --jit on).
         */
        private void checkCompilerFor(Map<String, String> labels) throws ImageBuildException {
            String jvmci = labels.get(DockerArchiveConfig.JVMCI_LABEL);
            if (graalCompiler == null) {
                throw new ImageBuildException("no Graal compiler next to " + runtime.runtimeJar() + " (the distribution's "
                        + GraalCompiler.DISTRIBUTION_DIRECTORY + "/ directory), but " + (jitMode == GraalCompiler.Mode.ON ? "--jit on"
                        : "the base is labelled " + DockerArchiveConfig.JVMCI_LABEL) + ": cannot build with GraalPy's JIT (--jit off builds without it)");
            }
            if (jvmci == null && base instanceof BaseImage.Registry) {
                return;
            }
            if (jvmci == null) {
                throw new ImageBuildException("the base image " + base + " has no " + DockerArchiveConfig.JVMCI_LABEL
                        + " label: the Graal JIT needs a Java 25 base with JVMCI whose version is the compiler's (" + graalCompiler.version()
                        + "); build one with .ci/base-image.sh 25 (docs/images.md), or build without the JIT");
            }
            if (!graalCompiler.matches(jvmci)) {
                throw new ImageBuildException("the base image " + base + " runs Java " + jvmci + " but the Graal compiler is "
                        + graalCompiler.version() + ": JVMCI accepts only its own version (GraalPy would run interpreted)");
            }
        }

        private Containerizer containerizer(ImageReference targetReference, UploadedBlobs uploaded) {
            Containerizer containerizer;
            if (target instanceof ImageTarget.OciArchive archive) {
                containerizer = Containerizer.to(TarImage.at(archive.file()).named(targetReference));
            } else {
                RegistryImage image = RegistryImage.named(targetReference);
                for (CredentialRetriever retriever : credentials.retrievers(targetReference, onLog)) {
                    image.addCredentialRetriever(retriever);
                }
                containerizer = Containerizer.to(image);
            }
            for (String tag : tags) {
                containerizer.withAdditionalTag(tag);
            }
            return containerizer
                    .setAllowInsecureRegistries(allowInsecureRegistries)
                    .setBaseImageLayersCache(cacheDirectory.resolve("base"))
                    .setApplicationLayersCache(cacheDirectory.resolve("application"))
                    .setToolName("datapipelines")
                    .setToolVersion(runtime.version())
                    .addEventHandler(LogEvent.class, onLog)
                    .addEventHandler(ProgressEvent.class, onProgress)
                    .addEventHandler(TimerEvent.class, uploaded);
        }

        private JibContainer containerize(JibContainerBuilder jib, Containerizer containerizer)
                throws ImageBuildException, InterruptedException {
            String what = target instanceof ImageTarget.OciArchive archive ? "write " + archive.file()
                    : "push " + target.repository();
            // Jib's own pool is shut down but not awaited: after a failed push, layer uploads still running
            // went on logging after our error message. With our pool, awaited, the error is the last word.
            ExecutorService executor = Executors.newCachedThreadPool();
            containerizer.setExecutorService(executor);
            try {
                return jib.containerize(containerizer);
            } catch (ExecutionException e) {
                throw failure(what, e.getCause() == null ? e : e.getCause());
            } catch (RegistryException | IOException | CacheDirectoryCreationException e) {
                throw failure(what, e);
            } finally {
                executor.shutdownNow();
                executor.awaitTermination(30, TimeUnit.SECONDS);
            }
        }

        private ImageBuildException failure(String what, Throwable e) {
            if (e instanceof InsecureRegistryException || e instanceof RegistryUnauthorizedException
                    || e instanceof RegistryCredentialsNotSentException) {
                // The registry named in Jib's message may be the base's or the target's; Jib says which.
                return RegistryAccess.failure(what, target.repository(), (Exception) e);
            }
            if (e instanceof CacheDirectoryCreationException) {
                return new ImageBuildException("cannot " + what + ": cannot create the layer cache in " + cacheDirectory, e);
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (base instanceof BaseImage.DockerArchive archive && !(e instanceof RegistryException)) {
                message += " (is " + archive.file() + " a 'docker save' archive?)";
            }
            return new ImageBuildException("cannot " + what + ": " + message, e);
        }

        /** Names the manifest's layers: the last ones are ours, in the order added; the rest are the base's. */
        private static List<ImageLayer> name(List<RegistryAccess.Blob> blobs, List<FileEntriesLayer> ours, UploadedBlobs uploaded) {
            List<ImageLayer> layers = new ArrayList<>();
            int baseCount = blobs.size() - ours.size();
            for (int i = 0; i < blobs.size(); i++) {
                RegistryAccess.Blob blob = blobs.get(i);
                String name = i < baseCount ? ContainerLayout.BASE_LAYER : ours.get(i - baseCount).getName();
                layers.add(new ImageLayer(name, blob.digest(), blob.size(), uploaded.uploaded(blob.digest())));
            }
            return layers;
        }

        private static ImageReference withoutTag(ImageReference reference) {
            return ImageReference.of(reference.getRegistry(), reference.getRepository(), null, reference.getDigest().orElse(null));
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException("PipelineImage.builder(): " + name + " is required");
            }
        }

        private static void deleteQuietly(Path directory) {
            if (directory == null) {
                return;
            }
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }
}
