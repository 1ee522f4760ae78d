package io.datapipelines.runtime.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The forked processes of an integration test class, registered as a static extension field: each
 * test gets a fresh work directory under {@code target/it/CLASS/TEST} (kept after the run, for a look
 * at the logs); processes tracked during a test are killed after it, those tracked in
 * {@code @BeforeAll} after the class; and when a test fails, the tail of every tracked process's
 * log is printed, so that CI output shows why.
 */
final class ForkedProcesses implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, TestWatcher {
    private static final int TAIL_LINES = 120;

    private final List<ForkedJvm> classProcesses = new ArrayList<>();
    private final List<ForkedJvm> testProcesses = new ArrayList<>();
    private boolean inTest;
    private Path workDir;

    /** Kills the process after the current test (or after the class, when called from {@code @BeforeAll}). */
    synchronized ForkedJvm track(ForkedJvm jvm) {
        (inTest ? testProcesses : classProcesses).add(jvm);
        return jvm;
    }

    /** The current test's (or, in {@code @BeforeAll}, the class's) own empty directory. */
    synchronized Path workDir() {
        return workDir;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        workDir = fresh(Path.of("target", "it", context.getRequiredTestClass().getSimpleName(), "_class"));
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        inTest = true;
        workDir = fresh(Path.of("target", "it", context.getRequiredTestClass().getSimpleName(), context.getRequiredTestMethod().getName()));
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        testProcesses.forEach(ForkedJvm::kill);
        inTest = false;
    }

    @Override
    public synchronized void testFailed(ExtensionContext context, Throwable cause) {
        List<ForkedJvm> all = new ArrayList<>(testProcesses);
        all.addAll(classProcesses);
        for (ForkedJvm jvm : all) {
            System.out.println("---- " + context.getDisplayName() + " failed; last " + TAIL_LINES + " lines of " + jvm + ":");
            System.out.println(jvm.logTail(TAIL_LINES));
            System.out.println("---- end of " + jvm.name());
        }
        testProcesses.clear();
    }

    @Override
    public synchronized void testSuccessful(ExtensionContext context) {
        testProcesses.clear();
    }

    @Override
    public synchronized void testAborted(ExtensionContext context, Throwable cause) {
        testProcesses.clear();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        classProcesses.forEach(ForkedJvm::kill);
        classProcesses.clear();
    }

    private static Path fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
