package io.datapipelines.runtime.local;

import java.util.List;

/** The result of one definition test: passed, or the differences found (each a readable line). */
public record TestOutcome(String name, List<String> failures) {
    public TestOutcome {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
