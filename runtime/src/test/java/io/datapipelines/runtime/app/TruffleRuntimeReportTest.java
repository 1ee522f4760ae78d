package io.datapipelines.runtime.app;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TruffleRuntimeReportTest {

    @Test
    void aJvmWithoutJvmciRunsGraalPyInterpretedAndSaysSoQuietly() {
        // The tests run on the build's JDK without -XX:+EnableJVMCI (the JIT flags are the image's and the launcher's).
        // a bare engine, as the runtime reads its shared one (no context, no language initialised)
        TruffleRuntimeReport report;
        try (org.graalvm.polyglot.Engine engine = org.graalvm.polyglot.Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            report = TruffleRuntimeReport.of(engine);
        }

        assertThat(report.name()).isEqualTo(TruffleRuntimeReport.INTERPRETED);
        assertThat(report.jvmciJvm()).isFalse();
        assertThat(report.fellBack()).isFalse();
        List<String> lines = new ArrayList<>();
        report.log(recording(lines));
        assertThat(lines).singleElement().asString().startsWith("info:").contains("'Interpreted'").contains("no JIT");
    }

    @Test
    void aJvmciJvmOnTheInterpreterWarnsLoudly() {
        TruffleRuntimeReport report = new TruffleRuntimeReport("Interpreted", true, "25.0.3+9-LTS");

        assertThat(report.fellBack()).isTrue();
        List<String> lines = new ArrayList<>();
        report.log(recording(lines));
        assertThat(lines).singleElement().asString().startsWith("warn:PYTHON RUNS INTERPRETED").contains("--upgrade-module-path");
    }

    @Test
    void theJitIsReportedAsSuch() {
        TruffleRuntimeReport report = new TruffleRuntimeReport("GraalVM CE", true, "25.0.3+9-LTS");

        assertThat(report.interpreted()).isFalse();
        assertThat(report.fellBack()).isFalse();
        List<String> lines = new ArrayList<>();
        report.log(recording(lines));
        assertThat(lines).singleElement().asString().startsWith("info:").contains("'GraalVM CE' (Graal JIT");
    }

    @Test
    void theRuntimeIsAnInfoMetricWithItsNameAsTag() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new TruffleRuntimeReport("GraalVM CE", true, "25").bindTo(registry);

        assertThat(registry.get(TruffleRuntimeReport.METRIC).tag("name", "GraalVM CE").gauge().value()).isEqualTo(1.0);
    }

    /** A logger that records "level:message" with its {} placeholders filled in. */
    private static Logger recording(List<String> lines) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, (proxy, method, args) -> {
            String level = method.getName();
            if (List.of("info", "warn", "error", "debug", "trace").contains(level) && args != null && args[0] instanceof String format) {
                String message = format;
                for (int i = 1; i < args.length; i++) {
                    Object[] values = args[i] instanceof Object[] array ? array : new Object[] {args[i]};
                    for (Object value : values) {
                        message = message.replaceFirst("\\{}", java.util.regex.Matcher.quoteReplacement(String.valueOf(value)));
                    }
                }
                lines.add(level + ":" + message);
                return null;
            }
            return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
        });
    }
}
