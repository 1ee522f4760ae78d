package io.datapipelines.cli;

/** The exit codes every command uses, so scripts and the Jenkins step can rely on them. */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** The work ran and found a failure: a test failed, or the pipeline stopped on a record error. */
    public static final int FAILED = 1;
    /** The input was unusable: an invalid definition, a bad flag, an unreadable file. */
    public static final int INVALID = 2;

    private ExitCodes() {
    }
}
