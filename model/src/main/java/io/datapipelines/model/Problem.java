package io.datapipelines.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with a definition: where (file, line, column), what (the path of the node, such as
 * {@code spec.steps[1].fields.email.transform.config.algorithm}) and why.
 *
 * <p>A problem prints as one readable line whatever the definition holds: a quoted value of more than
 * {@value #MAX_QUOTED} characters is shortened (its length given), and line breaks in the message or path are
 * written as {@code \n}. A 1 MiB label value must not become a 1 MiB error line in a build log.
 */
public record Problem(Location location, String path, String message) {
    static final int MAX_QUOTED = 80;
    private static final int SHOWN = 60;
    private static final Pattern LONG_QUOTED = Pattern.compile("'([^']{" + (MAX_QUOTED + 1) + ",})'");
    private static final int MAX_PATH = 200;

    public Problem {
        message = oneLine(shortenQuoted(message));
        if (path != null && path.length() > MAX_PATH) {
            path = path.substring(0, SHOWN) + "..." + path.substring(path.length() - SHOWN);
        }
        path = path == null ? null : oneLine(path);
    }

    private static String shortenQuoted(String message) {
        if (message == null || message.length() <= MAX_QUOTED) {
            return message;
        }
        Matcher m = LONG_QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement("'" + value.substring(0, SHOWN) + "...' (" + value.length() + " characters)"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String oneLine(String text) {
        return text == null ? null : text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** The form compilers use, so that editors and CI logs link to the line: {@code FILE:LINE:COL: PATH: message}. */
    @Override
    public String toString() {
        return location + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + message;
    }
}
