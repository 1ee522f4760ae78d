package io.datapipelines.model;

/**
 * Where something stands in a definition file: 1-based line and column. {@code file} is the path the
 * user named (or "-" for standard input, or the name of a Python file a definition refers to).
 */
public record Location(String file, int line, int column) {

    public static Location unknown(String file) {
        return new Location(file, 0, 0);
    }

    /** The location {@code lines} lines further down, at column {@code column}. */
    public Location plusLines(int lines, int column) {
        return new Location(file, line + lines, column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
