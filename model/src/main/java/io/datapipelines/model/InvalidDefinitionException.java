package io.datapipelines.model;

import java.util.List;
import java.util.stream.Collectors;

/** A definition that cannot be used, with every problem found in it (not only the first). */
public final class InvalidDefinitionException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidDefinitionException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
