package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The syntax of the values a deployment is made of, checked before anything runs so that a typo is reported
 * in the form or as the step's first line, not as a Kubernetes or registry error minutes later.
 */
final class Names {
    /** RFC 1123 label, as Kubernetes requires for namespaces and the names it derives labels from. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** The distribution reference grammar (docker/distribution reference.go), without tag or digest. */
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern DOMAIN_PATTERN = Pattern.compile(DOMAIN);
    private static final Pattern PATH = Pattern.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");

    /** A duration as the deploy command takes it: 90s, 5m, 1h, 1h30m. */
    private static final Pattern DURATION = Pattern.compile("(?=\\d)(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private static final Pattern HOST = Pattern.compile("(?:\\[[0-9a-fA-F:.]+\\]|[a-zA-Z0-9]([-a-zA-Z0-9.]*[a-zA-Z0-9])?)");

    /** What the deploy command accepts for {@code --kafka-sasl-mechanism} and {@code --kafka-security-protocol}. */
    static final List<String> SASL_MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
    static final List<String> KAFKA_SECURITY_PROTOCOLS = List.of("SASL_SSL", "SASL_PLAINTEXT");

    private Names() {
    }

    /**
     * A base image as the build command takes it: a registry reference (best pinned by digest) or
     * {@code docker-archive:PATH}. Only what can be told here: one word, no blanks; the build checks the rest.
     */
    static boolean isBaseImage(@CheckForNull String value) {
        return value != null && !value.isBlank() && value.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    /** Kubernetes namespace and deployment names: lower-case letters, digits and '-', at most 63 characters. */
    static boolean isDnsLabel(@CheckForNull String value) {
        return value != null && DNS_LABEL.matcher(value).matches();
    }

    /** An image repository such as {@code registry.example.com:5000/team/orders}: no tag, no digest. */
    static boolean isImageRepository(@CheckForNull String value) {
        if (value == null || value.length() > 255) {
            return false;
        }
        // As Docker reads a reference: the first component is a registry host only if it looks like one.
        int slash = value.indexOf('/');
        if (slash > 0) {
            String first = value.substring(0, slash);
            if ((first.contains(".") || first.contains(":") || first.equals("localhost")) && DOMAIN_PATTERN.matcher(first).matches()) {
                return PATH.matcher(value.substring(slash + 1)).matches();
            }
        }
        return PATH.matcher(value).matches();
    }

    /** {@code 90s}, {@code 5m}, {@code 1h30m}: hours, minutes, seconds, in that order, and not zero. */
    static boolean isDuration(@CheckForNull String value) {
        if (value == null || !DURATION.matcher(value).matches()) {
            return false;
        }
        return !value.replaceAll("[hms]", "").chars().allMatch(c -> c == '0');
    }

    /** A {@link #isDuration duration}'s length: {@code 1h30m} is 90 minutes. */
    static java.time.Duration duration(String value) {
        if (!isDuration(value)) {
            throw new IllegalArgumentException("not a duration: " + value);
        }
        java.time.Duration total = java.time.Duration.ZERO;
        java.util.regex.Matcher part = java.util.regex.Pattern.compile("(\\d+)([hms])").matcher(value);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "h" -> java.time.Duration.ofHours(amount);
                case "m" -> java.time.Duration.ofMinutes(amount);
                default -> java.time.Duration.ofSeconds(amount);
            });
        }
        return total;
    }

    /** Kafka's bootstrap.servers: {@code host:port[,host:port...]}. */
    static boolean isBootstrapServers(@CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        for (String server : value.split(",", -1)) {
            String s = server.trim();
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || !HOST.matcher(s.substring(0, colon)).matches()) {
                return false;
            }
            try {
                int port = Integer.parseInt(s.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** The definition is a path in the workspace: relative, without '..', so a build cannot read outside it. */
    static boolean isWorkspacePath(@CheckForNull String value) {
        if (value == null || value.isBlank() || value.indexOf('\0') >= 0) {
            return false;
        }
        String normalized = value.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String part : normalized.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern PREFIX_LENGTH = Pattern.compile("0|[1-9][0-9]{0,2}");
    /** A label name, and a label value when not empty (Kubernetes' qualified name and label value syntax). */
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** What {@link #isLabel} accepts, for messages. */
    static final String LABEL_SYNTAX = "the key [prefix/]name, the name and the value at most 63 letters, digits, '-', '_' or '.' "
            + "starting and ending with a letter or digit (the value may be empty), the prefix a DNS subdomain";

    /**
     * An IPv4 or IPv6 CIDR such as {@code 10.0.12.0/24} or {@code fd00::/64}, as a NetworkPolicy's ipBlock takes it.
     * Parsed without any name lookup: an IPv6 address goes to the JDK's literal parser only in brackets.
     */
    static boolean isCidr(@CheckForNull String value) {
        if (value == null) {
            return false;
        }
        int slash = value.indexOf('/');
        if (slash <= 0 || slash != value.lastIndexOf('/') || !PREFIX_LENGTH.matcher(value.substring(slash + 1)).matches()) {
            return false;
        }
        String address = value.substring(0, slash);
        int prefix = Integer.parseInt(value.substring(slash + 1));
        if (IPV4.matcher(address).matches()) {
            return prefix <= 32;
        }
        if (!IPV6_CHARACTERS.matcher(address).matches() || prefix > 128 || address.length() > 45) {
            return false;
        }
        try {
            java.net.InetAddress.getByName("[" + address + "]");
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** A Kubernetes label as {@code KEY=VALUE}: see {@link #LABEL_SYNTAX}. */
    static boolean isLabel(@CheckForNull String value) {
        if (value == null) {
            return false;
        }
        int equals = value.indexOf('=');
        if (equals <= 0) {
            return false;
        }
        String key = value.substring(0, equals);
        String labelValue = value.substring(equals + 1);
        if (!labelValue.isEmpty() && !LABEL_NAME.matcher(labelValue).matches()) {
            return false;
        }
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return false;
            }
        }
        return LABEL_NAME.matcher(name).matches();
    }
}
