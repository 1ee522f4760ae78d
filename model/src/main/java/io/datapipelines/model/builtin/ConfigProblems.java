package io.datapipelines.model.builtin;

/** Where a {@link ConfigCheck} reports what is wrong with a built-in's config. */
@FunctionalInterface
public interface ConfigProblems {

    /**
     * @param parameter the config parameter at fault (the message is then placed at its value), or null
     *                  for the config as a whole
     * @param message   what is wrong, in a sentence a user can act on
     */
    void report(String parameter, String message);
}
