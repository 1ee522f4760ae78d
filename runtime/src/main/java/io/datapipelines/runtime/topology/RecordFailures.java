package io.datapipelines.runtime.topology;

import io.datapipelines.runtime.step.RecordError;
import io.datapipelines.runtime.step.StepFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns whatever one record's processing threw into that record's {@link StepFailure}. A {@link RecordError}
 * keeps its Python-style class; anything else (a NullPointerException in a built-in, a StackOverflowError
 * on a value nested past reason) is named by its Java class, so the dead letter still says what and where.
 *
 * <p>The latter are bugs or resource limits rather than bad data: the first of each class is logged with
 * its stack trace for whoever debugs it (never the record's contents), later ones only counted, so a
 * stream of poison records cannot flood the log.
 */
final class RecordFailures {
    private static final Logger LOG = LoggerFactory.getLogger(RecordFailures.class);
    private static final Set<Class<?>> LOGGED = ConcurrentHashMap.newKeySet();

    private RecordFailures() {
    }

    static StepFailure of(String where, Throwable thrown) {
        if (thrown instanceof RecordError error) {
            return StepFailure.of(where, error);
        }
        String errorClass = thrown.getClass().getSimpleName();
        String message = thrown.getMessage() == null ? "(no message)" : thrown.getMessage();
        if (LOGGED.add(thrown.getClass())) {
            LOG.warn("Unexpected {} in {} made a record error (later ones of this class are not logged)", errorClass, where, thrown);
        }
        return new StepFailure(where, errorClass, message, thrown);
    }
}
