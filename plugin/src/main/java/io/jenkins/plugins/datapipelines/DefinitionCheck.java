package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.datapipelines.model.CanonicalForm;
import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.InvalidDefinitionException;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.model.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a definition stored in a Data Pipeline job, as its form is edited, with the model's own parser and rules
 * (the same messages, with line and column, as {@code datapipelines validate}). Runs in the controller, so it runs
 * no user code: Python is not compiled here (the build's validate does that, on the agent), and a Python
 * {@code file} reference, which the build reads from the workspace, is a warning rather than an error.
 */
final class DefinitionCheck {
    /** How the form names the stored definition in messages ("definition:12:5: spec.sink.topic: ..."). */
    static final String FILE_NAME = "definition";

    private DefinitionCheck() {
    }

    /**
     * @param pipeline the pipeline's name, when the definition is valid
     * @param errors   what makes the definition invalid, one per line: {@code definition:LINE:COL: PATH: message}
     * @param warnings what only the build can tell
     */
    record Result(@CheckForNull String pipeline, @CheckForNull String revisionHash, List<String> errors, List<String> warnings) {
        Result {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    static Result check(String text) {
        try {
            PipelineDefinition definition = new DefinitionParser(null).parse(text, FILE_NAME, null);
            return new Result(definition.name(), CanonicalForm.revisionHash(definition), List.of(), List.of());
        } catch (InvalidDefinitionException e) {
            List<String> errors = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (Problem problem : e.problems()) {
                if (problem.message().startsWith("'file' can only be used in a definition read from a file")) {
                    warnings.add(problem.location() + ": " + problem.path() + ": the Python file is read from the workspace when the "
                            + "build runs (inline code with 'code' can be checked here)");
                } else {
                    errors.add(problem.toString());
                }
            }
            return new Result(null, null, errors, warnings);
        }
    }
}
