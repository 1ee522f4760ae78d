package io.datapipelines.runtime.python;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.python.antlr.base.mod;
import org.python.core.CodeFlag;
import org.python.core.CompileMode;
import org.python.core.CompilerFlags;
import org.python.core.ParserFacade;
import org.python.core.Py;
import org.python.core.PyCode;
import org.python.core.PyException;

/**
 * How user code is compiled, the same way for running ({@link UserFunction}) and for checking
 * ({@link JythonPythonChecker}).
 *
 * <ul>
 *   <li>{@code division}, {@code print_function}, {@code absolute_import} and {@code unicode_literals}
 *       from {@code __future__} are always on (rule 2 of the definition format), given to the compiler
 *       as flags rather than prepended as source lines, so that line numbers stay those of the user's
 *       code.</li>
 *   <li>The code is a Java string, that is already text: it is marked as Unicode for the compiler
 *       (otherwise Jython reads it as Latin-1 and loses every character above U+00FF), so an encoding
 *       declaration ({@code # -*- coding: utf-8 -*-}, common at the top of a {@code .py} file), which
 *       Python rejects in Unicode source, is blanked out (the line stays, as an empty comment), and a
 *       byte order mark is dropped.</li>
 *   <li>Jython fails with an {@link IllegalArgumentException} instead of a {@code SyntaxError} when the
 *       line in error holds a character above U+00FF; the error is then found again on a copy of the
 *       code in which such characters are {@code ?}, which keeps lines and columns.</li>
 * </ul>
 */
final class PythonSource {
    /** PEP 263: an encoding declaration is a comment on line 1 or 2 matching this. */
    private static final Pattern ENCODING_DECLARATION = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*[-\\w.]+.*$", Pattern.MULTILINE);

    private PythonSource() {
    }

    /** Parses (without compiling) the code. @throws PyException a {@code SyntaxError} */
    static mod parse(String code, String filename) {
        String source = prepare(code);
        try {
            return ParserFacade.parse(source, CompileMode.exec, filename, flags());
        } catch (IllegalArgumentException e) {
            throw syntaxErrorInLatin1Copy(source, filename, e);
        }
    }

    /** Parses and compiles (to JVM bytecode; does not run) the code. @throws PyException a {@code SyntaxError} */
    static PyCode compile(String code, String filename) {
        return compile(parse(code, filename), code, filename);
    }

    /**
     * Compiles a tree {@link #parse} made of {@code code}, for callers that read the tree too.
     * @throws PyException a {@code SyntaxError} the parser let through ('return' outside a function...)
     */
    static PyCode compile(mod tree, String code, String filename) {
        try {
            return Py.compile_flags(tree, UserFunction.MODULE_NAME, filename, true, false, flags());
        } catch (IllegalArgumentException e) {
            throw syntaxErrorInLatin1Copy(prepare(code), filename, e);
        }
    }

    /** A new object each time: {@link CompilerFlags} is mutable and the compiler writes to it. */
    static CompilerFlags flags() {
        JythonRuntime.ensureInitialized();
        CompilerFlags flags = new CompilerFlags();
        flags.setFlag(CodeFlag.CO_FUTURE_DIVISION);
        flags.setFlag(CodeFlag.CO_FUTURE_PRINT_FUNCTION);
        flags.setFlag(CodeFlag.CO_FUTURE_ABSOLUTE_IMPORT);
        flags.setFlag(CodeFlag.CO_FUTURE_UNICODE_LITERALS);
        flags.source_is_utf8 = true;
        return flags;
    }

    static String prepare(String code) {
        String source = code.startsWith("\ufeff") ? code.substring(1) : code;
        int firstTwoLines = endOfLine(source, endOfLine(source, 0) + 1);
        Matcher declaration = ENCODING_DECLARATION.matcher(source).region(0, firstTwoLines);
        if (declaration.find()) {
            source = source.substring(0, declaration.start()) + "#" + source.substring(declaration.end());
        }
        return source;
    }

    private static int endOfLine(String source, int from) {
        if (from >= source.length()) {
            return source.length();
        }
        int newline = source.indexOf('\n', from);
        return newline < 0 ? source.length() : newline;
    }

    private static RuntimeException syntaxErrorInLatin1Copy(String source, String filename, IllegalArgumentException original) {
        StringBuilder latin1 = new StringBuilder(source);
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) > 0xff) {
                latin1.setCharAt(i, '?');
            }
        }
        try {
            Py.compile_flags(ParserFacade.parse(latin1.toString(), CompileMode.exec, filename, flags()),
                    UserFunction.MODULE_NAME, filename, true, false, flags());
        } catch (PyException syntaxError) {
            return syntaxError;
        }
        return original;
    }
}
