package io.datapipelines.model.builtin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.PatternSyntaxException;

/**
 * The few kinds of config check the built-ins need, each parameterised by the parameter it looks at. They
 * follow the reference's notion of "absent": a parameter that is missing or null (and, for numbers, also
 * {@code ""}) selects the built-in's default behaviour and is never reported here, except where a parameter
 * is required.
 */
final class ConfigChecks {

    private ConfigChecks() {
    }

    /** Runs several checks. */
    static ConfigCheck allOf(ConfigCheck... checks) {
        List<ConfigCheck> list = List.of(checks);
        return (config, problems) -> list.forEach(check -> check.check(config, problems));
    }

    /** A string when given: a field name, a prefix, a constant to append, Python code. */
    static ConfigCheck optionalString(String parameter) {
        return (config, problems) -> {
            Object value = config.get(parameter);
            if (value != null && !(value instanceof String)) {
                problems.report(parameter, "must be a string, not " + describe(value));
            }
        };
    }

    /** A non-empty string that must be given (rename-field's new name). */
    static ConfigCheck requiredName(String parameter, String what) {
        return (config, problems) -> {
            Object value = config.get(parameter);
            if (!config.containsKey(parameter)) {
                problems.report(parameter, "is required: give " + what);
            } else if (!(value instanceof String s) || s.isEmpty()) {
                problems.report(parameter, "must be a non-empty string (" + what + "), not " + describe(value));
            }
        };
    }

    /** One of a fixed list of strings when given; absent or null selects the built-in's default. */
    static ConfigCheck oneOf(String parameter, List<String> options) {
        return (config, problems) -> {
            Object value = config.get(parameter);
            if (value != null && !options.contains(value)) {
                problems.report(parameter, "must be one of " + String.join(", ", options) + ", not " + describe(value));
            }
        };
    }

    /**
     * What Python's {@code int()} accepts, when given and not {@code ""}: an integer, a bool, a float (which
     * truncates) or an integer string such as {@code " 2 "}. With {@code nonNegative}, a negative count is
     * rejected as the reference's assertion would fail on every record.
     */
    static ConfigCheck integer(String parameter, boolean nonNegative) {
        return (config, problems) -> {
            Object value = config.get(parameter);
            if (value == null || "".equals(value)) {
                return;
            }
            Optional<BigInteger> n = asPythonInt(value);
            if (n.isEmpty()) {
                problems.report(parameter, "must be an integer (such as 2 or \"2\"), not " + describe(value));
            } else if (n.get().bitLength() > 63) {
                problems.report(parameter, "must be an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                        + ", not " + describe(value));
            } else if (nonNegative && n.get().signum() < 0) {
                problems.report(parameter, "must be zero or a positive integer, not " + describe(value));
            }
        };
    }

    /**
     * A number or a numeric string (what Python's {@code float()} accepts), when given and not {@code ""}.
     * With {@code nonZero}, zero is rejected: it would fail every record with ZeroDivisionError.
     */
    static ConfigCheck number(String parameter, boolean nonZero) {
        return (config, problems) -> {
            Object value = config.get(parameter);
            if (value == null || "".equals(value)) {
                return;
            }
            OptionalDouble d = asPythonFloat(value);
            if (d.isEmpty()) {
                problems.report(parameter, "must be a number (such as 3, 2.5 or \"2.5\"), not " + describe(value));
            } else if (nonZero && isZero(value, d.getAsDouble())) {
                problems.report(parameter, "must not be zero (dividing by zero fails for every record), not " + describe(value));
            }
        };
    }

    /** A Python regular expression that compiles, when given. */
    static ConfigCheck regex(String parameter) {
        return (config, problems) -> {
            Object value = config.get(parameter);
            if (value == null) {
                return;
            }
            if (!(value instanceof String pattern)) {
                problems.report(parameter, "must be a regular expression (a string), not " + describe(value));
                return;
            }
            try {
                PythonRegex.compile(pattern);
            } catch (PatternSyntaxException e) {
                problems.report(parameter, "must be a valid regular expression, not " + describe(value)
                        + " (" + e.getDescription() + ")");
            }
        };
    }

    /**
     * A separator to split on, when the parameter is present: a non-empty string. With {@code nullAllowed}, an
     * explicit null is accepted (tokenize then splits on runs of whitespace).
     */
    static ConfigCheck separator(String parameter, boolean nullAllowed) {
        return (config, problems) -> {
            if (!config.containsKey(parameter)) {
                return;
            }
            Object value = config.get(parameter);
            if (value == null && nullAllowed) {
                return;
            }
            if (!(value instanceof String s) || s.isEmpty()) {
                problems.report(parameter, "must be a non-empty string (the separator to split on), not " + describe(value)
                        + (nullAllowed ? "; leave it out to split on \" \", or set it to null to split on any whitespace" : ""));
            }
        };
    }

    /**
     * Two parameters that only work together: the reference silently does nothing when one of them is
     * missing, null or {@code ""}, which we reject instead.
     */
    static ConfigCheck together(String first, String second) {
        return (config, problems) -> {
            boolean hasFirst = isGiven(config, first);
            boolean hasSecond = isGiven(config, second);
            if (hasFirst && !hasSecond) {
                problems.report(second, "must be a non-empty string when " + first + " is given, not " + describe(config.get(second)));
            } else if (hasSecond && !hasFirst) {
                problems.report(first, "must be a non-empty string when " + second + " is given, not " + describe(config.get(first)));
            }
        };
    }

    private static boolean isGiven(Map<String, Object> config, String parameter) {
        Object value = config.get(parameter);
        return value != null && !"".equals(value);
    }

    /** Python's {@code int(value)} for the config value types, or empty where it raises. */
    static Optional<BigInteger> asPythonInt(Object value) {
        if (value instanceof Boolean b) {
            return Optional.of(b ? BigInteger.ONE : BigInteger.ZERO);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Optional.of(BigInteger.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger b) {
            return Optional.of(b);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? Optional.of(new BigDecimal(d).toBigInteger()) : Optional.empty();
        }
        if (value instanceof String s) {
            return PythonSyntax.parseInt(s);
        }
        return Optional.empty();
    }

    /** Python's {@code float(value)} for the config value types, or empty where it raises ValueError/TypeError. */
    static OptionalDouble asPythonFloat(Object value) {
        if (value instanceof Boolean b) {
            return OptionalDouble.of(b ? 1 : 0);
        }
        if (value instanceof Number n) {
            return OptionalDouble.of(n.doubleValue());
        }
        if (value instanceof String s) {
            return PythonSyntax.parseFloat(s);
        }
        return OptionalDouble.empty();
    }

    private static boolean isZero(Object value, double asFloat) {
        if (value instanceof BigInteger b) {
            return b.signum() == 0;
        }
        return asFloat == 0;
    }

    /** The value as a user wrote it, for messages: strings quoted, collections named. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> quoted.append("\\\"");
                    case '\\' -> quoted.append("\\\\");
                    case '\n' -> quoted.append("\\n");
                    case '\t' -> quoted.append("\\t");
                    case '\r' -> quoted.append("\\r");
                    default -> {
                        if (c < 0x20) {
                            quoted.append(String.format("\\u%04x", (int) c));
                        } else {
                            quoted.append(c);
                        }
                    }
                }
            }
            return quoted.append('"').toString();
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return String.valueOf(value);
    }
}
