package io.datapipelines.runtime.builtin;

import io.datapipelines.model.builtin.PythonSyntax;
import io.datapipelines.runtime.step.RecordError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python 3's {@code str} methods that the built-ins use, with Python's Unicode behaviour: full case mappings
 * ({@code "straße".upper()} is {@code "STRASSE"}), Python's whitespace set, splitting with and without a
 * separator, and slicing by code point rather than by UTF-16 unit.
 */
public final class PythonStrings {

    private static final int GREEK_CAPITAL_IOTA = 0x0399;
    private static final int COMBINING_YPOGEGRAMMENI = 0x0345;
    private static final int N_PRECEDED_BY_APOSTROPHE = 0x0149;

    private PythonStrings() {
    }

    /** {@code s.upper()}: Java's locale-independent full mapping is Unicode's, as Python's is. */
    public static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** {@code s.lower()}, including the final-sigma rule ({@code "ΣΑΣ"} → {@code "σας"}). */
    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * {@code s.capitalize()}: the first character title-cased with its full mapping ({@code "ß"} → {@code "Ss"}),
     * all others lower-cased. The rest is lower-cased in the context of the whole string, so that a final sigma
     * after the first letter is recognised as Python does ({@code "AΣ"} → {@code "Aς"}).
     */
    public static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        String firstLowered = new String(Character.toChars(first)).toLowerCase(Locale.ROOT);
        // The first character has nothing before it, so its lower-case form does not depend on context.
        return titleCase(first) + s.toLowerCase(Locale.ROOT).substring(firstLowered.length());
    }

    /**
     * The full title-case mapping of one code point (Unicode SpecialCasing), which Java only offers as the
     * single-character {@link Character#toTitleCase(int)}. It is derived from the full upper-case mapping:
     * where that is one character, or a precomposed title-case letter exists (Greek with prosgegrammeni),
     * the simple mapping is right; for ligatures such as {@code "ﬁ"} it is the upper-cased first part followed
     * by the lower-cased rest ({@code "Fi"}); Greek letters with ypogegrammeni keep the combining mark rather
     * than a capital iota; and U+0149 keeps its capital N.
     */
    static String titleCase(int cp) {
        String upper = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
        int simpleTitle = Character.toTitleCase(cp);
        if (upper.codePointCount(0, upper.length()) == 1 || Character.getType(simpleTitle) == Character.TITLECASE_LETTER) {
            return new String(Character.toChars(simpleTitle));
        }
        int last = upper.codePointBefore(upper.length());
        if (Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.GREEK_EXTENDED && last == GREEK_CAPITAL_IOTA) {
            return upper.substring(0, upper.length() - 1) + (char) COMBINING_YPOGEGRAMMENI;
        }
        if (cp == N_PRECEDED_BY_APOSTROPHE) {
            return upper;
        }
        int head = Character.charCount(upper.codePointAt(0));
        return upper.substring(0, head) + upper.substring(head).toLowerCase(Locale.ROOT);
    }

    /** {@code s.strip()}: removes Python whitespace (spaces, tabs, newlines, NBSP, ...) at both ends. */
    public static String strip(String s) {
        return PythonSyntax.strip(s);
    }

    /** {@code s.split(separator)}: on the exact separator, keeping empty pieces; ValueError for {@code ""}. */
    public static List<String> split(String s, String separator) {
        if (separator.isEmpty()) {
            throw RecordError.valueError("empty separator");
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int at;
        while ((at = s.indexOf(separator, start)) >= 0) {
            pieces.add(s.substring(start, at));
            start = at + separator.length();
        }
        pieces.add(s.substring(start));
        return pieces;
    }

    /** {@code s.split()}: on runs of Python whitespace, with no empty pieces. */
    public static List<String> split(String s) {
        List<String> pieces = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean space = PythonSyntax.isWhitespace(cp);
            if (space && start >= 0) {
                pieces.add(s.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            pieces.add(s.substring(start));
        }
        return pieces;
    }

    /** {@code s[:n]} for {@code n >= 0}: the first n code points (Python strings are sequences of code points). */
    public static String head(String s, long n) {
        int count = s.codePointCount(0, s.length());
        if (n >= count) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, (int) n));
    }
}
