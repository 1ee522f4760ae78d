package io.datapipelines.model.builtin;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * How Python 3 reads numbers from strings ({@code int(s)}, {@code float(s)}) and what it counts as
 * whitespace ({@code str.isspace()}, {@code str.strip()}). Built-in configs usually arrive as strings (the
 * DataCater UI has plain text boxes), and the reference converts them with {@code int()} and {@code float()},
 * so both the definition checks and the runtime need exactly Python's rules: {@code " 15 "}, {@code "1_000"}
 * and Arabic-Indic digits are integers, {@code "1e3"} and {@code "inf"} are floats, {@code "15.0"} is not an
 * integer.
 */
public final class PythonSyntax {

    // Python's float() grammar once digits are ASCII and the string is stripped; '_' only between digits.
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\.(?:" + DIGITS + "))(?:[eE][+-]?" + DIGITS + ")?");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("([+-]?)(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INT = Pattern.compile("[+-]?" + DIGITS);

    private PythonSyntax() {
    }

    /**
     * Python's {@code str.isspace()} for one code point: Unicode space separators plus the characters whose
     * bidirectional class is whitespace, paragraph or segment separator (so TAB, LF, VT, FF, CR, the
     * information separators U+001C..U+001F, NEL, NBSP and U+2028/U+2029 count; U+200B does not).
     */
    public static boolean isWhitespace(int codePoint) {
        if (Character.getType(codePoint) == Character.SPACE_SEPARATOR) {
            return true;
        }
        byte direction = Character.getDirectionality(codePoint);
        return direction == Character.DIRECTIONALITY_WHITESPACE
                || direction == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR
                || direction == Character.DIRECTIONALITY_SEGMENT_SEPARATOR;
    }

    /** Python's {@code s.strip()}: removes leading and trailing {@link #isWhitespace whitespace}. */
    public static String strip(String s) {
        return strip(s, PythonSyntax::isWhitespace);
    }

    /**
     * What int() and float() strip: Python first maps non-ASCII whitespace to a space, then strips only
     * ASCII space, TAB, LF, VT, FF and CR, so U+001C..U+001F are not stripped there (unlike str.strip()).
     */
    private static boolean isNumberPadding(int codePoint) {
        return codePoint < 128 ? " \t\n\013\f\r".indexOf(codePoint) >= 0 : isWhitespace(codePoint);
    }

    private static String strip(String s, IntPredicate padding) {
        int start = 0;
        int end = s.length();
        while (start < end && padding.test(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && padding.test(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** Python's {@code int(s)} (base 10) of a string, or empty where Python raises ValueError. */
    public static Optional<BigInteger> parseInt(String s) {
        String ascii = toAsciiDigits(strip(s, PythonSyntax::isNumberPadding));
        if (ascii == null || !INT.matcher(ascii).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(ascii.replace("_", "")));
    }

    /**
     * Python's {@code float(s)} of a string, or empty where Python raises ValueError. Like Python, out-of-range
     * literals become infinities or zero rather than errors.
     */
    public static OptionalDouble parseFloat(String s) {
        String ascii = toAsciiDigits(strip(s, PythonSyntax::isNumberPadding));
        if (ascii == null) {
            return OptionalDouble.empty();
        }
        var special = SPECIAL_FLOAT.matcher(ascii);
        if (special.matches()) {
            boolean negative = special.group(1).equals("-");
            if (special.group(2).equalsIgnoreCase("nan")) {
                return OptionalDouble.of(Double.NaN);
            }
            return OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (!FLOAT.matcher(ascii).matches()) {
            return OptionalDouble.empty();
        }
        // The grammar above admits nothing Double.parseDouble reads differently (no hex, no 'd'/'f' suffix),
        // and parseDouble rounds correctly, as Python does.
        return OptionalDouble.of(Double.parseDouble(ascii.replace("_", "")));
    }

    /**
     * Python accepts any Unicode decimal digit (category Nd) in int() and float(); maps them to ASCII. Returns
     * null when a non-ASCII character that is not a decimal digit is present, since no number can then match.
     */
    private static String toAsciiDigits(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp >= 128) {
                int digit = Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER ? Character.digit(cp, 10) : -1;
                if (digit < 0) {
                    return null;
                }
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                out.append((char) ('0' + digit));
            } else if (out != null) {
                out.append((char) cp);
            }
            i += width;
        }
        return out == null ? s : out.toString();
    }
}
