package io.datapipelines.model;

/** Line and column (1-based, columns in code points, as the YAML parser counts them) within a text. */
public final class TextPosition {
    private TextPosition() {
    }

    /** Where the character after {@code text} stands. */
    public static Location after(CharSequence text, String name) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r' && !Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new Location(name, line, column);
    }
}
