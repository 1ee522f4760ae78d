package io.datapipelines.benchmarks.limit;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The Kafka Streams app a user writes without the runtime: source, {@code mapValues} with
 * {@link UppercaseCustomer}, sink, one stream thread. Its settings are the ones the runtime ships
 * ({@link ContenderSettings}), so the difference
 * to the runtime is the runtime's own work: definition-driven steps, its JSON codec, metrics, dead letters.
 *
 * <p>Reports like the CPython peer ({@link LoopReport}); stops on SIGTERM, closing Kafka Streams (a last
 * commit) before it prints its counts.
 */
@Command(name = "bare-streams-app", description = "A hand-written Kafka Streams app upper-casing the field customer.")
public final class BareStreamsApp implements Callable<Integer> {
    @Mixin
    LoopOptions options;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BareStreamsApp()).execute(args));
    }

    static Properties settings(LoopOptions options) {
        Properties props = ContenderSettings.bareStreams(options.bootstrapServer, options.group, options.guarantee, options.commitIntervalMs);
        if (options.stateDir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, options.stateDir.toString());
        }
        return props;
    }

    @Override
    public Integer call() throws Exception {
        LoopReport report = new LoopReport(System.out);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(options.source, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .mapValues(value -> {
                    report.read();
                    byte[] upper = UppercaseCustomer.apply(value);
                    report.written();
                    return upper;
                })
                .to(options.sink, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        KafkaStreams streams = new KafkaStreams(builder.build(), settings(options));
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(30));
            report.counts();
        }, "stop"));
        streams.start();
        stopped.await();
        return streams.state() == KafkaStreams.State.ERROR ? 1 : 0;
    }
}
