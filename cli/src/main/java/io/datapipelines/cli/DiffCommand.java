package io.datapipelines.cli;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.app.KafkaSettings;
import io.datapipelines.runtime.diff.DiffInput;
import io.datapipelines.runtime.diff.DiffReport;
import io.datapipelines.runtime.diff.DiffThresholds;
import io.datapipelines.runtime.diff.PipelineComparison;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code datapipelines diff}: two revisions of a pipeline on the same records, compared record by record. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false, resourceBundle = "io.datapipelines.cli.DiffCommand",
        description = {"Runs an OLD and a NEW revision of a pipeline through their real Kafka Streams topologies",
                "on the same records, NDJSON (--input, as preview reads it) or the last N records of each",
                "partition of OLD's source (--from-topic; read without a consumer group, committing nothing),",
                "and reports per record: unchanged, changed (field by field), dropped by NEW, emitted only by",
                "NEW, new dead letter, dead letter fixed; counts and rates; and what changes for consumers of",
                "the sink. See docs/shadow.md.",
                "Exit codes: 0 within the thresholds (by default: nothing changed, no new dead letter, the",
                "same sink topic and formats), 1 beyond them, 2 invalid definitions, input or flags."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Revisions revisions = new Revisions();

    static final class Source {
        @Option(names = "--input", paramLabel = "FILE", description = "NDJSON input records, as for preview ('-' for standard input).")
        Path input;

        @Option(names = "--from-topic", description = "Read the last --records records of each partition of OLD's source topics.")
        boolean fromTopic;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--records", defaultValue = "1000", paramLabel = "N",
            description = "With --from-topic: records per partition (default: ${DEFAULT-VALUE}).")
    int records;

    /** Its texts say "with --from-topic" here: DiffCommand.properties. */
    @Mixin
    KafkaClientOptions kafkaOptions = new KafkaClientOptions();

    @Option(names = "--kafka-timeout", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --from-topic: how long reading may take (default: ${DEFAULT-VALUE}).")
    Duration kafkaTimeout;

    @Mixin
    DiffReportOptions reportOptions = new DiffReportOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DiffThresholds thresholds;
        try {
            thresholds = reportOptions.thresholds();
            if (records < 1) {
                throw new IllegalArgumentException("--records must be at least 1, not " + records);
            }
            reportOptions.requireShowNotNegative();
        } catch (IllegalArgumentException e) {
            err.println("datapipelines: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        Revisions.Loaded loaded = revisions.load(err);
        if (loaded == null) {
            return ExitCodes.INVALID;
        }
        PipelineDefinition oldDefinition = loaded.oldDefinition();
        PipelineDefinition newDefinition = loaded.newDefinition();
        if (oldDefinition.spec().source().format() != newDefinition.spec().source().format()
                || oldDefinition.spec().source().keyFormat() != newDefinition.spec().source().keyFormat()) {
            err.println("warning: OLD and NEW read their source in different formats: each gets the same bytes");
        }
        List<DiffInput> inputs = source.fromTopic ? fromTopic(oldDefinition, err) : fromFile(oldDefinition, err);
        if (inputs == null) {
            return ExitCodes.INVALID;
        }
        DiffReport result;
        try (PipelineComparison comparison = new PipelineComparison(oldDefinition, newDefinition, reportOptions.show())) {
            inputs.forEach(comparison::compare);
            result = comparison.report();
        }
        return reportOptions.print(result, thresholds, revisions, revisions.title(), out);
    }

    /** @return the records, or null after printing why the file cannot be used */
    private List<DiffInput> fromFile(PipelineDefinition definition, PrintWriter err) throws IOException {
        boolean stdin = source.input.toString().equals("-");
        InputStream reader = InputFiles.open(stdin ? null : source.input, err);
        if (reader == null) {
            return null;
        }
        String name = stdin ? "<stdin>" : source.input.toString();
        NdjsonInput records = new NdjsonInput(reader, name, definition);
        List<DiffInput> inputs = new ArrayList<>();
        try (reader) {
            NdjsonInput.Encoded record;
            while ((record = records.next()) != null) {
                inputs.add(new DiffInput(name + ":" + record.line(), record.key(), record.value(), record.headers(), record.timestamp()));
            }
        } catch (NdjsonInput.BadInput e) {
            err.println(e.getMessage());
            return null;
        }
        return inputs;
    }

    /** @return the records, or null after printing why Kafka cannot be read */
    private List<DiffInput> fromTopic(PipelineDefinition definition, PrintWriter err) {
        try {
            KafkaSettings settings = kafkaOptions.settings(System.getenv(), "--from-topic");
            return TopicTail.read(settings.toProperties(), definition.spec().source().topics(), records, kafkaTimeout);
        } catch (IllegalArgumentException | TopicTail.Unreadable e) {
            err.println("datapipelines: " + e.getMessage());
            return null;
        }
    }
}
