package io.datapipelines.benchmarks.kafka;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.InvalidDefinitionException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -XX:MaxRAM} standing in, outside a container, for the memory limit of the pod a definition gets: its
 * {@code spec.deployment.resources.limits.memory}, or the definition format's default for it (larger for pipelines
 * with GraalPy steps). The JVM sizes its heap from it as it would from the pod's cgroup limit, so each workload runs
 * with the memory the product gives it, and the benchmark follows the defaults when they change.
 */
final class ContainerMemory {
    private static final Pattern QUANTITY = Pattern.compile("([0-9]+)(Ki|Mi|Gi|k|M|G)?");

    private ContainerMemory() {
    }

    /** The flag for the pod of this definition (YAML). */
    static String maxRamFlag(String definition) {
        try {
            String memory = new DefinitionParser().parse(definition, "benchmark.yaml", null).spec().deployment().limits().get("memory");
            if (memory == null) {
                throw new IllegalStateException("the definition has no memory limit, not even the default");
            }
            return "-XX:MaxRAM=" + mebibytes(memory) + "m";
        } catch (InvalidDefinitionException e) {
            throw new IllegalStateException("the benchmark's definition is not valid: " + e.getMessage(), e);
        }
    }

    /** The flag for a pod of the default size (what the hand-written contenders get). */
    static String defaultPodFlag() {
        return maxRamFlag(Workload.BUILTIN.definition("bench-builtin", "in", "out", "dlq", "exactly-once"));
    }

    /** A Kubernetes memory quantity in MiB, rounded down (the benchmark's definitions give whole Mi or Gi). */
    static long mebibytes(String quantity) {
        Matcher m = QUANTITY.matcher(quantity.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a memory quantity the benchmark reads: " + quantity);
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        long bytes = switch (unit) {
            case "ki" -> value * 1024;
            case "mi" -> value * 1024 * 1024;
            case "gi" -> value * 1024 * 1024 * 1024;
            case "k" -> value * 1000;
            case "m" -> value * 1000 * 1000;
            case "g" -> value * 1000 * 1000 * 1000;
            default -> value;
        };
        return bytes / (1024 * 1024);
    }
}
