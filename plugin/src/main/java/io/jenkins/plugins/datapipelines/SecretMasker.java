package io.jenkins.plugins.datapipelines;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every occurrence of the given secrets with {@code ****}, as Jenkins' credential bindings do. Longer
 * secrets are matched first, so a secret that contains another is hidden whole.
 */
public final class SecretMasker {
    public static final String MASK = "****";
    public static final SecretMasker NONE = new SecretMasker(List.of());

    private final Pattern pattern;

    public SecretMasker(Collection<String> secrets) {
        List<String> sorted = secrets.stream().filter(s -> !s.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.pattern = sorted.isEmpty() ? null : Pattern.compile(String.join("|", sorted.stream().map(Pattern::quote).toList()));
    }

    public String mask(String text) {
        return pattern == null ? text : pattern.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
    }
}
