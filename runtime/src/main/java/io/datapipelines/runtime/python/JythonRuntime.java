package io.datapipelines.runtime.python;

import java.util.Properties;

import org.python.core.PySystemState;

/**
 * Jython's process-wide set-up, done once before any Python object is made.
 *
 * <ul>
 *   <li>{@code python.import.site=false}: no {@code site} module, so no site-packages scan at start-up
 *       (user code only gets the standard library that jython-standalone ships in its jar).</li>
 *   <li>{@code python.cachedir.skip=true}: Jython does not scan jars for Java packages nor write its
 *       package cache, so it needs no writable home: the image's root file system is read-only.</li>
 *   <li>{@code sys.dont_write_bytecode} is set on every {@link PySystemState} we create (see
 *       {@link JythonEnvironment}), for the same reason.</li>
 * </ul>
 *
 * If something else in the JVM initialised Jython first, its settings stay: Jython initialises once.
 * How user code is compiled is {@link PythonSource}'s business.
 */
final class JythonRuntime {
    private static volatile boolean initialized;

    private JythonRuntime() {
    }

    static void ensureInitialized() {
        if (!initialized) {
            synchronized (JythonRuntime.class) {
                if (!initialized) {
                    Properties overrides = new Properties();
                    overrides.setProperty("python.import.site", "false");
                    overrides.setProperty("python.cachedir.skip", "true");
                    overrides.setProperty("python.console.encoding", "UTF-8");
                    PySystemState.initialize(System.getProperties(), overrides, new String[0]);
                    initialized = true;
                }
            }
        }
    }
}
