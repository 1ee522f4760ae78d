package io.datapipelines.cli;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.codec.RecordCodec;
import io.datapipelines.runtime.local.LocalTopology;
import io.datapipelines.runtime.step.StepStartupException;
import io.datapipelines.runtime.topology.DeadLetterHeaders;
import io.datapipelines.runtime.topology.PipelineFailedException;
import io.datapipelines.runtime.topology.PipelineMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code datapipelines preview}: NDJSON records in, the pipeline's sink records out. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Runs NDJSON records through the real Kafka Streams topology and prints the sink records.",
                "Each input line: {\"key\":..., \"value\":...} (or \"valueRaw\": a string whose UTF-8 bytes are the raw value),",
                "with optional \"headers\" (strings), \"timestamp\" and \"partition\" (the local driver reads every",
                "record from partition 0, so metadata.partition is 0 whatever is given).",
                "Each output line: {\"key\":..., \"value\":...} plus \"headers\" when there are any.",
                "Exit codes: 0 processed (dead letters included), 1 stopped by errors.mode fail, 2 invalid input."})
final class PreviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEFINITION", description = "The definition file (YAML or JSON).")
    Path definitionFile;

    @Option(names = "--input", paramLabel = "FILE", description = "NDJSON input records (default: standard input).")
    Path input;

    @Option(names = "--dead-letters", paramLabel = "FILE",
            description = "Write dead-letter records here as NDJSON, with their datapipelines.error.* headers.")
    Path deadLettersFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PipelineDefinition definition = new DefinitionLoader().load(definitionFile, err);
        if (definition == null) {
            return ExitCodes.INVALID;
        }
        InputStream reader = InputFiles.open(input, err);
        if (reader == null) {
            return ExitCodes.INVALID;
        }
        NdjsonInput records = new NdjsonInput(reader, input == null ? "<stdin>" : input.toString(), definition);
        RecordCodec sourceKeys = RecordCodec.of(definition.spec().source().keyFormat());
        RecordCodec sourceValues = RecordCodec.of(definition.spec().source().format());
        RecordCodec sinkKeys = RecordCodec.of(definition.spec().sink().keyFormat());
        RecordCodec sinkValues = RecordCodec.of(definition.spec().sink().format());
        boolean timedOut = false;
        try (reader;
             Writer deadLetters = deadLettersFile == null ? Writer.nullWriter() : Files.newBufferedWriter(deadLettersFile, StandardCharsets.UTF_8);
             LocalTopology topology = new LocalTopology(definition, PipelineMetrics.NONE)) {
            NdjsonInput.Encoded record;
            while ((record = records.next()) != null) {
                LocalTopology.Result result;
                try {
                    result = topology.send(record.key(), record.value(), record.headers(), record.timestamp());
                } catch (PipelineFailedException e) {
                    out.flush();
                    err.println(records.where() + ": " + e.getMessage());
                    return ExitCodes.FAILED;
                }
                for (LocalTopology.Output o : result.sink()) {
                    out.println(RecordPrinter.line(Map.of(), o.key(), o.value(), o.headers(), sinkKeys, sinkValues));
                }
                for (LocalTopology.Output o : result.deadLetters()) {
                    if ("TimeoutError".equals(o.headers().get(DeadLetterHeaders.CLASS))) {
                        timedOut = true; // runaway code is worth more than a line in a dead-letter file
                        err.println(records.where() + ": " + o.headers().get(DeadLetterHeaders.STEP) + ": TimeoutError: "
                                + o.headers().get(DeadLetterHeaders.MESSAGE));
                    }
                    deadLetters.write(RecordPrinter.line(Map.of(), o.key(), o.value(), o.headers(), sourceKeys, sourceValues));
                    deadLetters.write('\n');
                }
            }
        } catch (NdjsonInput.BadInput e) {
            err.println(e.getMessage());
            return ExitCodes.INVALID;
        } catch (StepStartupException e) {
            err.println(definitionFile + ": " + e.getMessage());
            return ExitCodes.INVALID;
        } finally {
            out.flush();
        }
        return timedOut ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
