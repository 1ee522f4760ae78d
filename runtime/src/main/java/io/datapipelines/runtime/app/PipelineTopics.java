package io.datapipelines.runtime.app;

import io.datapipelines.model.ErrorMode;
import io.datapipelines.model.PipelineDefinition;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    }
}
