package io.datapipelines.model;

/**
 * The limits on a definition file and the Python files it names ({@code config.file}). Definitions come
 * from pull requests and are parsed in the Jenkins controller (the job form's check), so every limit is
 * checked before the work it bounds: the size before reading, nesting and alias expansion while the
 * YAML events stream past, before any tree is built. docs/definition-format.md ("Limits") states them.
 */
public final class DefinitionLimits {
    /** Bytes in a definition file, and in each {@code config.file}: 1 MiB. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;
    /** Mappings and lists nested at most this deep (after alias expansion). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Values (scalars, mappings, lists, keys included) in a document after alias expansion. */
    public static final int MAX_NODES = 100_000;
    /**
     * Characters in all scalars (keys included) after alias expansion: 8 MiB. Without aliases this is at most
     * the file size; with them, a 1 MiB string named 100,000 times would make a canonical form of 100 GB.
     */
    public static final int MAX_EXPANDED_CHARACTERS = 8 * 1024 * 1024;
    /** Problems reported for one definition; past this, one last line says how many more there are. */
    public static final int MAX_PROBLEMS = 100;
    /** Characters in a number (digits, sign, point, exponent), as {@link JsonLimits#MAX_NUMBER_LENGTH}. */
    public static final int MAX_NUMBER_LENGTH = JsonLimits.MAX_NUMBER_LENGTH;

    private DefinitionLimits() {
    }

    /** "1 MiB (1048576 bytes)": how messages state the size limit. */
    public static String fileSizeText() {
        return "1 MiB (" + MAX_FILE_BYTES + " bytes)";
    }
}
