package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.TextFilters.text;

import io.datapipelines.runtime.step.FieldTransform;
import io.datapipelines.runtime.step.RecordError;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The transforms that rewrite a string as a whole: lowercase, uppercase, capitalize, trim, remove-punctuation
 * and hash. A value that is not a string fails the way the Python method call does (AttributeError, or
 * TypeError for the regular-expression based remove-punctuation).
 */
final class TextTransforms {

    /**
     * DataCater's alternation, tried left to right: the literal two-character texts backslash-t and backslash-n
     * first, then the ASCII punctuation characters except the backtick and '{', which are removed only as the
     * pair "`{". Real tabs and newlines, and all non-ASCII punctuation, are kept.
     */
    private static final Pattern PUNCTUATION = Pattern.compile("\\\\t|\\\\n|`\\{|[!\"'#$%&()*+,\\-./:;<=>?@\\[\\\\\\]^_|}~]");

    private static final Map<String, String> DIGEST_NAMES = Map.of("sha1", "SHA-1", "sha256", "SHA-256", "sha512", "SHA-512");

    private TextTransforms() {
    }

    static FieldTransform lowercase(Config config) {
        return method("lower", PythonStrings::lower);
    }

    static FieldTransform uppercase(Config config) {
        return method("upper", PythonStrings::upper);
    }

    static FieldTransform capitalize(Config config) {
        return method("capitalize", PythonStrings::capitalize);
    }

    static FieldTransform trim(Config config) {
        return method("strip", PythonStrings::strip);
    }

    /** Python's {@code re.sub(PUNCTUATION, "", value)}. */
    static FieldTransform removePunctuation(Config config) {
        return (value, row) -> {
            if (!(value instanceof String s)) {
                throw RecordError.typeError("expected string or bytes-like object, got '" + PythonSemantics.typeName(value) + "'");
            }
            return PUNCTUATION.matcher(s).replaceAll("");
        };
    }

    /** The lowercase hex digest of the UTF-8 bytes; sha1 unless the config names sha256 or sha512. */
    static FieldTransform hash(Config config) {
        String algorithm = config.isAbsent("algorithm") ? "sha1" : config.string("algorithm");
        String digestName = DIGEST_NAMES.get(algorithm);
        if (digestName == null) {
            throw new IllegalArgumentException("unknown hash algorithm " + algorithm);
        }
        return (value, row) -> {
            byte[] utf8 = utf8(text(value, "encode"));
            try {
                // A MessageDigest is stateful, so each call gets its own.
                return HexFormat.of().formatHex(MessageDigest.getInstance(digestName).digest(utf8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has " + digestName, e);
            }
        };
    }

    /** Python's {@code s.encode()}: a lone surrogate cannot be encoded (Java would silently write '?'). */
    private static byte[] utf8(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.getType(cp) == Character.SURROGATE) {
                throw new RecordError("UnicodeEncodeError", String.format(
                        "'utf-8' codec can't encode character '\\u%04x' in position %d: surrogates not allowed",
                        cp, s.codePointCount(0, i)));
            }
            i += Character.charCount(cp);
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A str method without arguments: AttributeError (naming the method) for any other type. */
    private static FieldTransform method(String name, UnaryOperator<String> method) {
        return (value, row) -> method.apply(text(value, name));
    }
}
