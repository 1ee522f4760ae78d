package io.datapipelines.cli;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.InvalidDefinitionException;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.model.Problem;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads definition files for commands, reporting problems as {@code FILE:LINE:COL: PATH: message}. */
final class DefinitionLoader {
    private final DefinitionParser parser = new DefinitionParser();

    /** @return the definition, or null after printing every problem to {@code err} */
    PipelineDefinition load(Path file, PrintWriter err) {
        if (Files.isDirectory(file)) {
            err.println(file + ": is a directory, not a definition file");
            return null;
        } else if (!Files.exists(file)) {
            err.println(file + ": no such file");
            return null;
        }
        try {
            return parser.parse(file);
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
        } catch (IOException e) {
            err.println(file + ": cannot be read: " + e.getMessage());
        } catch (InvalidDefinitionException e) {
            for (Problem problem : e.problems()) {
                err.println(problem);
            }
        }
        return null;
    }
}
