package io.datapipelines.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a benchmark ran on, as the report describes it. */
public record Machine(String cpu, int cores, String memory, String jdk, String kernel, String os) {

    public static Machine describe() {
        return new Machine(
                firstValue(Path.of("/proc/cpuinfo"), "model name", "unknown CPU"),
                Runtime.getRuntime().availableProcessors(),
                totalMemory(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                osRelease());
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine makes figures noisy. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    /** The 1-minute load average, or NaN where there is none. */
    public static double loadAverageOneMinute() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String totalMemory() {
        String kib = firstValue(Path.of("/proc/meminfo"), "MemTotal", "");
        try {
            return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kib.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return "unknown";
        }
    }

    private static String osRelease() {
        String name = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", "unknown");
        return name.replace("\"", "");
    }

    /** The value of the first {@code key: value} or {@code key=value} line with that key. */
    private static String firstValue(Path file, String key, String otherwise) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    int separator = line.indexOf(':') >= 0 ? line.indexOf(':') : line.indexOf('=');
                    if (separator > 0) {
                        return line.substring(separator + 1).trim();
                    }
                }
            }
        } catch (IOException e) {
            // not Linux: the report says unknown
        }
        return otherwise;
    }
}
