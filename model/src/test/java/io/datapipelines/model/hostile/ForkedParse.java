package io.datapipelines.model.hostile;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.InvalidDefinitionException;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.model.Problem;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the Jenkins controller's form check and {@code validate} do, alone in a JVM that a test starts with a
 * small heap: parses each file named, prints "FILE: valid" on stdout or each problem on stderr, and exits 2
 * when any file is invalid. Nothing is caught beyond the parser's own exceptions, so a StackOverflowError or
 * OutOfMemoryError ends this JVM with its stack trace and exit code 1, which the test refuses.
 */
public final class ForkedParse {
    private ForkedParse() {
    }

    public static void main(String[] args) throws IOException {
        boolean allValid = true;
        DefinitionParser parser = new DefinitionParser(null);
        for (String arg : args) {
            try {
                PipelineDefinition definition = parser.parse(Path.of(arg));
                System.out.println(arg + ": valid (" + definition.name() + ")");
            } catch (InvalidDefinitionException e) {
                allValid = false;
                for (Problem problem : e.problems()) {
                    System.err.println(problem);
                }
            }
        }
        System.exit(allValid ? 0 : 2);
    }
}
