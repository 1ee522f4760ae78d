package io.datapipelines.runtime.app;

import io.datapipelines.runtime.step.RecordError;
import io.datapipelines.runtime.step.StepFailure;
import io.datapipelines.runtime.topology.PipelineFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

class StreamThreadFailuresTest {
    private final AtomicLong now = new AtomicLong();
    private final StreamThreadFailures failures = new StreamThreadFailures(3, Duration.ofMinutes(10), now::get);

    private static StreamsException brokerError() {
        return new StreamsException("Error encountered trying to commit a transaction",
                new KafkaException("Unhandled error in EndTxnResponse: The server experienced an unexpected error when processing the request."));
    }

    @Test
    void aRecordErrorInFailModeStopsThePipelineAtOnce() {
        PipelineFailedException failed = new PipelineFailedException("in", 0, 41,
                StepFailure.of("steps[1]", RecordError.typeError("unsupported operand")));
        assertThat(failures.handle(new StreamsException("Exception caught in process", failed))).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(failures.fatal()).isSameAs(failed);
    }

    @Test
    void aStepThatCannotStartStopsThePipelineAtOnceWithoutReplacingThreads() {
        var startup = new io.datapipelines.runtime.step.StepStartupException("spec.steps[0].transform",
                new io.datapipelines.runtime.step.RecordError("ImportError", "No module named 'x' (at p.yaml:14, in spec.steps[0].transform)"));
        assertThat(failures.handle(new StreamsException("failed to initialize processor KSTREAM-SOURCE", new StreamsException(startup))))
                .isEqualTo(SHUTDOWN_CLIENT);
        assertThat(failures.fatal()).isSameAs(startup).hasMessage("ImportError: No module named 'x' (at p.yaml:14, in spec.steps[0].transform)");
    }

    @Test
    void otherErrorsReplaceTheThreadUpToTheLimitThenStop() {
        for (int i = 0; i < 3; i++) {
            now.addAndGet(Duration.ofMinutes(1).toNanos());
            assertThat(failures.handle(brokerError())).isEqualTo(REPLACE_THREAD);
        }
        assertThat(failures.fatal()).isNull();
        assertThat(failures.handle(brokerError())).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(failures.fatal()).isInstanceOf(KafkaException.class).hasMessageContaining("EndTxnResponse");
    }

    @Test
    void replacementsOlderThanTheWindowNoLongerCount() {
        for (int i = 0; i < 3; i++) {
            assertThat(failures.handle(brokerError())).isEqualTo(REPLACE_THREAD);
        }
        now.addAndGet(Duration.ofMinutes(11).toNanos());
        assertThat(failures.handle(brokerError())).isEqualTo(REPLACE_THREAD);
        assertThat(failures.fatal()).isNull();
    }
}
