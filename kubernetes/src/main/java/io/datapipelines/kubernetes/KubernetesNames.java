package io.datapipelines.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Kubernetes' naming rules, applied to names and label values derived from pipelines. */
public final class KubernetesNames {
    /** RFC 1123 label: what namespaces, deployment names and our object names must be. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    public static final int MAX_LABEL = 63;

    private KubernetesNames() {
    }

    public static boolean isDnsLabel(String name) {
        return name != null && name.length() <= MAX_LABEL && DNS_LABEL.matcher(name).matches();
    }

    /**
     * @param what what the name is, for the message ("deployment name")
     * @throws IllegalArgumentException if it is not an RFC 1123 label
     */
    public static String requireDnsLabel(String name, String what) {
        if (!isDnsLabel(name)) {
            throw new IllegalArgumentException(what + " '" + name + "' is not valid: use at most 63 lower-case letters, digits "
                    + "and '-', starting and ending with a letter or digit");
        }
        return name;
    }

    /**
     * Checks a label selector's labels: keys {@code [prefix/]name} (a DNS subdomain prefix, a name of at most
     * 63 letters, digits, '-', '_' and '.'), values of at most 63 such characters.
     *
     * @param what what the labels select ("DNS pod label")
     * @return an immutable copy, in the given order
     * @throws IllegalArgumentException naming the first invalid key or value
     */
    public static java.util.Map<String, String> requireLabels(java.util.Map<String, String> labels, String what) {
        for (java.util.Map.Entry<String, String> label : labels.entrySet()) {
            String key = label.getKey();
            int slash = key.lastIndexOf('/');
            String prefix = slash < 0 ? null : key.substring(0, slash);
            String name = key.substring(slash + 1);
            boolean validKey = !name.isEmpty() && name.length() <= MAX_LABEL && LABEL_VALUE.matcher(name).matches()
                    && (prefix == null || (prefix.length() <= 253 && DNS_SUBDOMAIN.matcher(prefix).matches()));
            if (!validKey) {
                throw new IllegalArgumentException(what + " key '" + key + "' is not a valid label key: [prefix/]name, the name "
                        + "at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
            }
            String value = label.getValue();
            if (value == null || value.length() > MAX_LABEL || !LABEL_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException(what + " '" + key + "=" + value + "' has no valid label value: at most 63 "
                        + "letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
            }
        }
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    }

    /** RFC 1123 subdomain: what Secret and ConfigMap names must be. */
    public static String requireDnsSubdomain(String name, String what) {
        if (name == null || name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "' is not valid: use lower-case letters, digits, '-' and '.', "
                    + "starting and ending with a letter or digit");
        }
        return name;
    }

    /**
     * A DNS label made from parts joined by '-'. Too long a result is cut and given a hash suffix of the
     * whole, so that two long names that share a prefix still differ.
     */
    public static String joined(String... parts) {
        String name = String.join("-", parts);
        if (name.length() <= MAX_LABEL) {
            return name;
        }
        String suffix = shortHash(name);
        String head = name.substring(0, MAX_LABEL - suffix.length() - 1).replaceAll("-+$", "");
        return head + "-" + suffix;
    }

    /**
     * A valid label value for any text: kept as it is if valid, otherwise its invalid characters replaced,
     * cut to fit, and a hash of the whole appended.
     */
    public static String labelValue(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() <= MAX_LABEL && LABEL_VALUE.matcher(value).matches()) {
            return value;
        }
        String suffix = shortHash(value);
        String head = value.replaceAll("[^-A-Za-z0-9_.]", "-");
        head = head.substring(0, Math.min(head.length(), MAX_LABEL - suffix.length() - 1))
                .replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
        return head.isEmpty() ? suffix : head + "-" + suffix;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
