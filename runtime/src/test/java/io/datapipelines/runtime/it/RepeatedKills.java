package io.datapipelines.runtime.it;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash half of the delivery tests: SIGKILL the runtime each time the sink has grown past the next
 * threshold, mid-stream, and start it again at once, as Kubernetes restarts a killed container.
 */
final class RepeatedKills {
    private RepeatedKills() {
    }

    /**
     * @param sinkCounts    kill points, in committed sink records seen by {@code reader}
     * @param expectedTotal how many sink records the whole input gives: every kill must come before the end
     */
    static void killAtEach(int[] sinkCounts, TopicReader reader, String sink, int expectedTotal, RuntimeProcess runtime) throws Exception {
        for (int threshold : sinkCounts) {
            reader.pollUntil(threshold + " sink records", Duration.ofSeconds(180), runtime, r -> r.count(sink) >= threshold);
            assertThat(runtime.isAlive()).as("runtime still running before kill at " + threshold).isTrue();
            assertThat(reader.count(sink)).as("killed mid-stream").isLessThan(expectedTotal);
            runtime.kill();
            runtime.start();
        }
    }
}
