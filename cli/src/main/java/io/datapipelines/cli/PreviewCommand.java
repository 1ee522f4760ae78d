package io.datapipelines.cli;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.codec.JsonCodec;
import io.datapipelines.runtime.codec.RecordCodec;
import io.datapipelines.runtime.local.LocalTopology;
import io.datapipelines.runtime.step.RecordError;
import io.datapipelines.runtime.topology.PipelineFailedException;
import io.datapipelines.runtime.topology.PipelineMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        String inputName = input == null ? "<stdin>" : input.toString();
        BufferedReader reader;
        try {
            reader = input == null
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(input, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println(inputName + ": no such file");
            return ExitCodes.INVALID;
        }
        RecordCodec sourceKeys = RecordCodec.of(definition.spec().source().keyFormat());
        RecordCodec sourceValues = RecordCodec.of(definition.spec().source().format());
        RecordCodec sinkKeys = RecordCodec.of(definition.spec().sink().keyFormat());
        RecordCodec sinkValues = RecordCodec.of(definition.spec().sink().format());
        try (reader;
             Writer deadLetters = deadLettersFile == null ? Writer.nullWriter() : Files.newBufferedWriter(deadLettersFile, StandardCharsets.UTF_8);
             LocalTopology topology = new LocalTopology(definition, PipelineMetrics.NONE)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                NdjsonRecord record;
                byte[] key;
                byte[] value;
                try {
                    record = NdjsonRecord.parse(line);
                    key = record.hasKey() ? encode(sourceKeys, record.key(), "key") : null;
                    value = record.valueRaw() != null ? record.valueRaw().getBytes(StandardCharsets.UTF_8)
                            : encode(sourceValues, record.value(), "value");
                } catch (NdjsonRecord.BadLine e) {
                    err.println(inputName + ":" + lineNumber + ": " + e.getMessage());
                    return ExitCodes.INVALID;
                }
                LocalTopology.Result result;
                try {
                    result = topology.send(key, value, record.headers(), record.timestamp());
                } catch (PipelineFailedException e) {
                    out.flush();
                    err.println(inputName + ":" + lineNumber + ": " + e.getMessage());
                    return ExitCodes.FAILED;
                }
                for (LocalTopology.Output o : result.sink()) {
                    out.println(line(o, sinkKeys, sinkValues));
                }
                for (LocalTopology.Output o : result.deadLetters()) {
                    deadLetters.write(line(o, sourceKeys, sourceValues));
                    deadLetters.write('\n');
                }
            }
        } finally {
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static byte[] encode(RecordCodec codec, Object value, String what) throws NdjsonRecord.BadLine {
        try {
            return codec.encode(value);
        } catch (RecordError e) {
            throw new NdjsonRecord.BadLine("the " + what + " does not fit the definition's format: " + e.getMessage());
        }
    }

    /** An output record as NDJSON; bytes that do not decode (a dead letter's) are shown as valueRaw. */
    static String line(LocalTopology.Output output, RecordCodec keys, RecordCodec values) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", decodeOrRaw(keys, output.key()));
        try {
            map.put("value", values.decode(output.value()));
        } catch (RecordError e) {
            map.put("valueRaw", new String(output.value(), StandardCharsets.UTF_8));
        }
        if (!output.headers().isEmpty()) {
            map.put("headers", output.headers());
        }
        return JsonCodec.toJson(map);
    }

    private static Object decodeOrRaw(RecordCodec codec, byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (RecordError e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
