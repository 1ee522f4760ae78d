package io.datapipelines.benchmarks.kafka;

import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/** A pre-filled source topic: its name, how many records it holds and the end offset of each partition. */
record SourceTopic(String name, long records, Map<TopicPartition, Long> ends) {
}
