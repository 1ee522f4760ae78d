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
    private final int longest;

    public SecretMasker(Collection<String> secrets) {
        List<String> sorted = secrets.stream().filter(s -> !s.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.pattern = sorted.isEmpty() ? null : Pattern.compile(String.join("|", sorted.stream().map(Pattern::quote).toList()));
        this.longest = sorted.isEmpty() ? 0 : sorted.get(0).length();
    }

    /**
     * Where text that continues beyond its end may be cut so that no secret is cut in two: the part before the cut
     * can be masked and written, the rest must wait for what follows. Every secret that starts before the cut ends
     * before it; a secret that starts after it may still be completed by the text to come.
     *
     * @return a cut in {@code [0, text.length()]}
     */
    int safeCut(CharSequence text) {
        if (pattern == null) {
            return text.length();
        }
        int cut = Math.max(0, text.length() - (longest - 1));
        Matcher matcher = pattern.matcher(text);
        while (matcher.find() && matcher.start() < cut) {
            cut = Math.max(cut, matcher.end());
        }
        return cut;
    }

    public String mask(String text) {
        return pattern == null ? text : pattern.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
    }
}
