package io.datapipelines.model.builtin;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python {@code re} patterns compiled with {@link java.util.regex}. Definitions carry DataCater's regular
 * expressions, which are Python syntax; the two dialects agree on most things, and this class rewrites the
 * constructs where they differ so that a pattern means the same in both:
 * <ul>
 *   <li>named groups {@code (?P<name>...)} and back-references {@code (?P=name)} (Java group names are
 *       ASCII letters and digits only, so every name is mapped to a generated one);</li>
 *   <li>a {@code {} that does not start a valid quantifier is a literal in Python, an error in Java;
 *       {@code {,n}} means {@code {0,n}};</li>
 *   <li>inside a character class, {@code [} and {@code &&} are literals in Python but nesting and
 *       intersection in Java;</li>
 *   <li>escapes: {@code \Z} (Java {@code \z}), {@code \v} (one character in Python, a class in Java),
 *       {@code \b} in a class (backspace), octal {@code \0}, {@code \U0001F600}, comments {@code (?#...)};
 *       an unknown ASCII-letter escape such as {@code \h} or {@code \p} is an error, as in Python;</li>
 *   <li>the {@code a} (ASCII) inline flag, which Java lacks.</li>
 * </ul>
 * Matching semantics follow Python 3 {@code str} patterns: {@code \w}, {@code \d}, {@code \s}, {@code \b} and
 * case-insensitive matching are Unicode-aware (unless {@code (?a)}), and only {@code \n} ends a line for
 * {@code .}, {@code ^} and {@code $}.
 * <p>Not covered (Java rejects them although Python accepts them): conditional groups {@code (?(1)a|b)}, and
 * verbose-mode whitespace inside character classes is ignored by Java but significant in Python.
 */
public final class PythonRegex {

    private PythonRegex() {
    }

    /**
     * Compiles a Python pattern.
     *
     * @throws PatternSyntaxException when Python (or Java) cannot compile it
     */
    public static Pattern compile(String pythonPattern) {
        Translator translator = new Translator(pythonPattern);
        String java = translator.translate();
        int flags = Pattern.UNIX_LINES | (translator.ascii ? 0 : Pattern.UNICODE_CHARACTER_CLASS);
        return Pattern.compile(java, flags);
    }

    /**
     * The java.util.regex form of a Python pattern, to be compiled with {@link Pattern#UNIX_LINES} and (unless
     * the pattern sets {@code (?a)}) {@link Pattern#UNICODE_CHARACTER_CLASS}; prefer {@link #compile}.
     *
     * @throws PatternSyntaxException for Python syntax errors found while translating
     */
    public static String toJava(String pythonPattern) {
        return new Translator(pythonPattern).translate();
    }

    private static final class Translator {
        private static final String ESCAPES_OUTSIDE_CLASS = "AbBdDsSwWZafnrtvxuUN";
        private static final String ESCAPES_IN_CLASS = "bdDsSwWafnrtvxuUN";

        private final String p;
        private final StringBuilder out = new StringBuilder();
        private final Map<String, String> groupNames = new HashMap<>();
        private int i;
        private int groups;
        private boolean ascii;

        Translator(String pattern) {
            this.p = pattern;
        }

        String translate() {
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == '\\') {
                    escape(false);
                } else if (c == '[') {
                    characterClass();
                } else if (c == '(') {
                    group();
                } else if (c == '{') {
                    brace();
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private void characterClass() {
            out.append('[');
            i++;
            if (i < p.length() && p.charAt(i) == '^') {
                out.append('^');
                i++;
            }
            int contentStart = i;
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == ']' && i > contentStart) {
                    out.append(']');
                    i++;
                    return;
                }
                if (c == '\\') {
                    escape(true);
                } else {
                    // Literal in Python, special (nesting, intersection, or a close) in Java.
                    if (c == '[' || c == '&' || c == ']') {
                        out.append('\\');
                    }
                    out.append(c);
                    i++;
                }
            }
            throw error("unterminated character set", contentStart - 1);
        }

        private void escape(boolean inClass) {
            int start = i;
            if (i + 1 >= p.length()) {
                throw error("bad escape (end of pattern)", start);
            }
            char e = p.charAt(i + 1);
            i += 2;
            if (e >= '0' && e <= '9') {
                digitEscape(e, inClass, start);
            } else if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) {
                letterEscape(e, inClass, start);
            } else if (e < 128) {
                out.append('\\').append(e);
            } else {
                // A non-ASCII character is never special: the escape only makes it literal.
                out.append(e);
            }
        }

        private void letterEscape(char e, boolean inClass, int start) {
            if ((inClass ? ESCAPES_IN_CLASS : ESCAPES_OUTSIDE_CLASS).indexOf(e) < 0) {
                throw error("bad escape \\" + e, start);
            }
            switch (e) {
                case 'Z' -> out.append("\\z");
                case 'v' -> out.append("\\x0B");
                case 'b' -> out.append(inClass ? "\\x08" : "\\b");
                case 'x' -> out.append("\\x{").append(hex(2, start)).append('}');
                case 'u' -> out.append("\\x{").append(hex(4, start)).append('}');
                case 'U' -> {
                    String hex = hex(8, start);
                    if (Long.parseLong(hex, 16) > Character.MAX_CODE_POINT) {
                        throw error("bad escape \\U" + hex, start);
                    }
                    out.append("\\x{").append(hex).append('}');
                }
                case 'N' -> {
                    int close = p.indexOf('}', i);
                    if (i >= p.length() || p.charAt(i) != '{' || close < 0) {
                        throw error("missing {", start);
                    }
                    out.append("\\N").append(p, i, close + 1);
                    i = close + 1;
                }
                default -> out.append('\\').append(e);
            }
        }

        private String hex(int digits, int start) {
            if (i + digits > p.length() || !p.substring(i, i + digits).matches("[0-9a-fA-F]+")) {
                throw error("incomplete escape \\" + p.substring(start + 1, Math.min(p.length(), i + digits)), start);
            }
            String hex = p.substring(i, i + digits);
            i += digits;
            return hex;
        }

        private void digitEscape(char first, boolean inClass, int start) {
            // Python: \0 and three octal digits are octal escapes; otherwise \N or \NN is a group reference
            // (never inside a class, where digits are always octal).
            int end = i;
            boolean octal = first == '0' || inClass
                    || (first <= '7' && end + 1 < p.length() && isOctal(p.charAt(end)) && isOctal(p.charAt(end + 1)));
            if (octal) {
                if (first > '7') {
                    throw error("bad escape \\" + first, start);
                }
                while (end < p.length() && end - i < 2 && isOctal(p.charAt(end))) {
                    end++;
                }
                int value = Integer.parseInt(first + p.substring(i, end), 8);
                if (value > 0377) {
                    throw error("octal escape value \\" + first + p.substring(i, end) + " outside of range 0-0o377", start);
                }
                out.append("\\x{").append(Integer.toHexString(value)).append('}');
                i = end;
                return;
            }
            if (end < p.length() && isAsciiDigit(p.charAt(end))) {
                end++;
            }
            int group = Integer.parseInt(first + p.substring(i, end));
            if (group > groups) {
                // Java would accept a reference to a group that does not exist (and never match).
                throw error("invalid group reference " + group, start + 1);
            }
            // Wrapped so that a digit written after the reference stays a literal in Java too.
            out.append("(?:\\").append(first).append(p, i, end).append(')');
            i = end;
        }

        private static boolean isOctal(char c) {
            return c >= '0' && c <= '7';
        }

        private void group() {
            int start = i;
            if (p.startsWith("(?P<", i)) {
                int close = p.indexOf('>', i + 4);
                if (close < 0) {
                    throw error("missing >, unterminated name", start);
                }
                String name = groupName(p.substring(i + 4, close), start);
                if (groupNames.containsKey(name)) {
                    throw error("redefinition of group name '" + name + "'", start);
                }
                String javaName = "g" + (groupNames.size() + 1);
                groupNames.put(name, javaName);
                groups++;
                out.append("(?<").append(javaName).append('>');
                i = close + 1;
            } else if (p.startsWith("(?P=", i)) {
                int close = p.indexOf(')', i + 4);
                if (close < 0) {
                    throw error("missing ), unterminated name", start);
                }
                String name = groupName(p.substring(i + 4, close), start);
                String javaName = groupNames.get(name);
                if (javaName == null) {
                    throw error("unknown group name '" + name + "'", start);
                }
                out.append("\\k<").append(javaName).append('>');
                i = close + 1;
            } else if (p.startsWith("(?P", i)) {
                throw error("unknown extension ?P" + charAt(i + 3), start);
            } else if (p.startsWith("(?<", i) && !p.startsWith("(?<=", i) && !p.startsWith("(?<!", i)) {
                // Java's (?<name>...) is not Python syntax.
                throw error("unknown extension ?<" + charAt(i + 3), start);
            } else if (p.startsWith("(?#", i)) {
                int close = p.indexOf(')', i);
                if (close < 0) {
                    throw error("missing ), unterminated comment", start);
                }
                i = close + 1;
            } else if (p.startsWith("(?", i) && i + 2 < p.length() && "aiLmsux-".indexOf(p.charAt(i + 2)) >= 0) {
                flags(start);
            } else {
                if (!p.startsWith("(?", i)) {
                    groups++;
                }
                out.append('(');
                i++;
            }
        }

        private void flags(int start) {
            int end = i + 2;
            while (end < p.length() && "aiLmsux-".indexOf(p.charAt(end)) >= 0) {
                end++;
            }
            if (end >= p.length() || (p.charAt(end) != ')' && p.charAt(end) != ':')) {
                throw error("missing -, : or )", start);
            }
            String letters = p.substring(i + 2, end);
            if (letters.indexOf('L') >= 0) {
                throw error("bad inline flag: cannot use 'L' flag with a str pattern", start);
            }
            boolean global = p.charAt(end) == ')';
            if (letters.indexOf('a') >= 0 && global) {
                ascii = true;
            }
            // Java has no 'a'; 'u' is Python's default for str patterns (Java's 'u' means something else).
            String kept = letters.replace("a", "").replace("u", "");
            if (global && (kept.isEmpty() || kept.equals("-"))) {
                i = end + 1;
                return;
            }
            out.append("(?").append(kept.equals("-") ? "" : kept).append(p.charAt(end));
            i = end + 1;
        }

        private void brace() {
            // Python's rule: '{' starts a quantifier only as {m}, {m,}, {,n}, {m,n} or {,}; else it is literal.
            int j = i + 1;
            int loStart = j;
            while (j < p.length() && isAsciiDigit(p.charAt(j))) {
                j++;
            }
            String lo = p.substring(loStart, j);
            String hi = null;
            if (j < p.length() && p.charAt(j) == ',') {
                int hiStart = ++j;
                while (j < p.length() && isAsciiDigit(p.charAt(j))) {
                    j++;
                }
                hi = p.substring(hiStart, j);
            }
            boolean quantifier = j < p.length() && p.charAt(j) == '}' && !(lo.isEmpty() && hi == null);
            if (!quantifier) {
                out.append("\\{");
                i++;
                return;
            }
            out.append('{').append(lo.isEmpty() ? "0" : lo);
            if (hi != null) {
                out.append(',').append(hi);
            }
            out.append('}');
            i = j + 1;
        }

        private static boolean isAsciiDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private String groupName(String name, int start) {
            boolean valid = !name.isEmpty()
                    && (Character.isUnicodeIdentifierStart(name.codePointAt(0)) || name.charAt(0) == '_')
                    && name.codePoints().allMatch(cp -> Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
            if (!valid) {
                throw error("bad character in group name '" + name + "'", start);
            }
            return name;
        }

        private String charAt(int index) {
            return index < p.length() ? String.valueOf(p.charAt(index)) : "";
        }

        private PatternSyntaxException error(String description, int index) {
            return new PatternSyntaxException(description, p, index);
        }
    }
}
