package io.datapipelines.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as definitions spell them: a whole number and a unit, {@code ms}, {@code s} or {@code m}
 * ({@code 500ms}, {@code 5s}, {@code 1m}). The canonical spelling is the largest unit that keeps the
 * number whole, so {@code 5000ms} and {@code 5s} mean, and canonicalize to, the same thing.
 */
public final class DurationText {
    private static final Pattern FORMAT = Pattern.compile("([0-9]{1,9})(ms|s|m)");

    private DurationText() {
    }

    /** The duration, or null when the text is not in the format. */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis != 0 && millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
