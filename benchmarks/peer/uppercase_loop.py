#!/usr/bin/python3
"""The peer a user would write instead of a pipeline: a CPython consume-transform-produce loop with
confluent-kafka (librdkafka) that upper-cases the JSON field `customer`, the same transform as the
benchmark pipelines (a) and (b).

exactly-once: a transactional producer; the consumed offsets go into each transaction with
send_offsets_to_transaction, and a transaction is committed every --commit-interval-ms (Kafka
Streams' own exactly-once default is 100 ms). at-least-once: the producer is flushed and then the
consumed offsets are committed, every --commit-interval-ms.

Prints `first-record-read-epoch-ms=<ms>` when the first record arrives, and on SIGTERM commits what it
processed, prints `records-in=<n> records-out=<n> queue-full-waits=<n>` and exits 0. `--versions` prints the versions.
"""
import argparse
import json
import signal
import sys
import time

import confluent_kafka
from confluent_kafka import Consumer, KafkaException, Producer


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", action="store_true", help="print Python, confluent-kafka and librdkafka versions")
    parser.add_argument("--bootstrap-server")
    parser.add_argument("--source")
    parser.add_argument("--sink")
    parser.add_argument("--group")
    parser.add_argument("--guarantee", choices=["exactly-once", "at-least-once"])
    parser.add_argument("--commit-interval-ms", type=int, default=100)
    args = parser.parse_args()
    if not args.versions:
        missing = [name for name in ("bootstrap_server", "source", "sink", "group", "guarantee") if getattr(args, name) is None]
        if missing:
            parser.error("missing: " + ", ".join("--" + m.replace("_", "-") for m in missing))
    return args


def transform(raw):
    value = json.loads(raw)
    value["customer"] = value["customer"].upper()
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def main():
    args = parse_args()
    if args.versions:
        print("python=%s confluent-kafka=%s librdkafka=%s" % (
            sys.version.split()[0], confluent_kafka.version()[0], confluent_kafka.libversion()[0]))
        return 0
    exactly_once = args.guarantee == "exactly-once"
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap_server,
        "group.id": args.group,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "isolation.level": "read_committed",
    })
    producer_config = {"bootstrap.servers": args.bootstrap_server, "acks": "all", "enable.idempotence": True}
    if exactly_once:
        producer_config["transactional.id"] = args.group + "-producer"
    producer = Producer(producer_config)

    stopping = []
    signal.signal(signal.SIGTERM, lambda signum, frame: stopping.append(signum))

    if exactly_once:
        producer.init_transactions()
        producer.begin_transaction()
    consumer.subscribe([args.source])

    records_in = 0
    records_out = 0
    queue_full_waits = 0
    uncommitted = False
    interval = args.commit_interval_ms / 1000.0
    next_commit = time.monotonic() + interval

    def commit():
        if exactly_once:
            producer.send_offsets_to_transaction(consumer.position(consumer.assignment()),
                                                 consumer.consumer_group_metadata())
            producer.commit_transaction()
            producer.begin_transaction()
        else:
            producer.flush()
            consumer.commit(asynchronous=False)

    while not stopping:
        messages = consumer.consume(num_messages=500, timeout=0.1)
        for message in messages:
            if message.error():
                raise KafkaException(message.error())
            if records_in == 0:
                print("first-record-read-epoch-ms=%d" % int(time.time() * 1000), flush=True)
            records_in += 1
            value = transform(message.value())
            while True:
                try:
                    producer.produce(args.sink, key=message.key(), value=value)
                    break
                except BufferError:
                    queue_full_waits += 1
                    producer.poll(0.05)  # the local queue is full: let deliveries drain
            records_out += 1
        if messages:
            uncommitted = True
        producer.poll(0)
        if uncommitted and time.monotonic() >= next_commit:
            commit()
            uncommitted = False
            next_commit = time.monotonic() + interval

    if uncommitted:
        commit()
    if exactly_once:
        producer.abort_transaction()  # the empty transaction begun after the last commit
    producer.flush()
    consumer.close()
    print("records-in=%d records-out=%d queue-full-waits=%d" % (records_in, records_out, queue_full_waits), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
