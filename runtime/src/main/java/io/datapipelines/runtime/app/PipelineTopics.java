package io.datapipelines.runtime.app;

import io.datapipelines.model.ErrorMode;
import io.datapipelines.model.PipelineDefinition;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The topics a pipeline reads and writes. At start they must exist: a typo in a topic name must not
 * silently create a new topic (most clusters disable auto-creation anyway). With --create-topics the
 * missing ones are created.
 */
public final class PipelineTopics {

    private PipelineTopics() {
    }

    public static Set<String> of(PipelineDefinition definition) {
        Set<String> topics = new LinkedHashSet<>(definition.spec().source().topics());
        topics.add(definition.spec().sink().topic());
        if (definition.spec().errors().mode() == ErrorMode.DEAD_LETTER) {
            topics.add(definition.spec().errors().deadLetterTopic());
        }
        return topics;
    }

    /**
     * @param create     create missing topics instead of failing
     * @param partitions for created topics
     * @throws IllegalStateException naming the missing topics when {@code create} is false
     */
    public static void ensure(Admin admin, PipelineDefinition definition, boolean create, int partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> wanted = of(definition);
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> missing = new ArrayList<>();
        for (String topic : wanted) {
            if (!existing.contains(topic)) {
                missing.add(topic);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!create) {
            throw new IllegalStateException("topic(s) " + String.join(", ", missing) + " do not exist on the Kafka cluster; "
                    + "create them, fix the definition, or start with --create-topics");
        }
        List<NewTopic> newTopics = missing.stream().map(t -> new NewTopic(t, Optional.of(partitions), Optional.empty())).toList();
        try {
            admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        awaitLeaders(admin, missing, Duration.ofSeconds(30));
    }

    /**
     * Waits until every partition of the topics has a leader. A topic is usable only then: a producer
     * that writes to a partition the broker has not opened yet can have its first batch rejected and
     * a later one accepted, and then never get the first one in (KAFKA-15591).
     *
     * @throws TimeoutException if some partition still has no leader after {@code timeout}
     */
    public static void awaitLeaders(Admin admin, Collection<String> topics, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                boolean led = described.values().stream().flatMap(t -> t.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (led) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topic(s) " + String.join(", ", topics) + " have partitions without a leader after " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
