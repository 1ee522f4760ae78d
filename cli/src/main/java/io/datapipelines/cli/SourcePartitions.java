package io.datapipelines.cli;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the partition count of a pipeline's source topics with Kafka's Admin client, for the replica cap.
 * For several source topics it is the largest count: Kafka Streams makes that many tasks. Kept in the CLI
 * so that the kubernetes module stays free of Kafka.
 */
final class SourcePartitions {

    /** The count, or why there is none. */
    record Result(Integer partitions, String problem) {
    }

    private SourcePartitions() {
    }

    static Result lookUp(Properties clientSettings, List<String> topics, Duration timeout) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "datapipelines-deploy");
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (KafkaException e) {
            return new Result(null, rootMessage(e)); // "No resolvable bootstrap urls", not "Failed to create new KafkaAdminClient"
        }
        try {
            Map<String, TopicDescription> topicsByName = admin.describeTopics(topics).allTopicNames().get(millis, TimeUnit.MILLISECONDS);
            int max = topicsByName.values().stream().mapToInt(d -> d.partitions().size()).max().orElse(0);
            return max > 0 ? new Result(max, null) : new Result(null, "no partitions found");
        } catch (ExecutionException e) {
            return new Result(null, rootMessage(e));
        } catch (TimeoutException e) {
            return new Result(null, "Kafka did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted");
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
