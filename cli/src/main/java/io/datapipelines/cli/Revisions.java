package io.datapipelines.cli;

import io.datapipelines.model.PipelineDefinition;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The two revisions that {@code diff} and {@code shadow} compare: the live one (OLD) and the candidate (NEW). */
final class Revisions {
    @Parameters(index = "0", paramLabel = "OLD", description = "The live revision's definition file.")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The candidate revision's definition file.")
    Path newFile;

    /** Both definitions, loaded. */
    record Loaded(PipelineDefinition oldDefinition, PipelineDefinition newDefinition) {
    }

    /** @return both definitions, or null after printing every problem of either (both are read, so all show at once) */
    Loaded load(PrintWriter err) {
        DefinitionLoader loader = new DefinitionLoader();
        PipelineDefinition oldDefinition = loader.load(oldFile, err);
        PipelineDefinition newDefinition = loader.load(newFile, err);
        return oldDefinition == null || newDefinition == null ? null : new Loaded(oldDefinition, newDefinition);
    }

    /** What a report is headed with: {@code OLD -> NEW}. */
    String title() {
        return oldFile + " -> " + newFile;
    }
}
