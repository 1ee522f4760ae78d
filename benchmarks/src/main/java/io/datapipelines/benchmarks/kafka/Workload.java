package io.datapipelines.benchmarks.kafka;

/**
 * What a throughput run does to the source records: the same field transform (upper-case
 * {@code customer}) done (a) by the built-in, (b) by Python in the runtime and by the CPython peer, and
 * (c) a realistic five-step pipeline. The definitions are the benchmark's; see {@link #definition}.
 */
public enum Workload {
    BUILTIN("builtin", "(a) built-in uppercase", """
                - kind: Field
                  name: upper-case the customer
                  fields:
                    customer: {transform: {key: uppercase}}
            """),
    PYTHON("python", "(b) Python uppercase", """
                - kind: Field
                  name: upper-case the customer
                  fields:
                    customer:
                      transform:
                        key: user-defined-transformation
                        config:
                          code: |
                            def transform(value, row):
                                return value.upper()
            """),
    FIVE_STEPS("five-steps", "(c) five-step pipeline", """
                - kind: Field
                  name: keep EU orders
                  fields:
                    country: {filter: {key: reg-exp, config: {value: "(AT|BE|DE|ES|FR|IT|NL|PL)$"}}}
                - kind: Field
                  name: hash personal data
                  fields:
                    email: {transform: {key: hash, config: {algorithm: sha256}}}
                - kind: Field
                  name: amounts as numbers
                  fields:
                    amount: {transform: {key: cast-data-type, config: {toDataType: float}}}
                - kind: Record
                  name: classify
                  transform:
                    key: user-defined-record-transformation
                    config:
                      code: |
                        def transform(record):
                            value = record["value"]
                            value["customer"] = value["customer"].title()
                            value["tier"] = "large" if value["amount"] >= 1000 else "small"
                            return record
                - kind: Field
                  name: tidy up
                  fields:
                    status: {transform: {key: lowercase}}
                    note: {transform: {key: drop-field}}
                    id: {transform: {key: rename-field, config: {newFieldName: order_id}}}
            """),
    /** The CPython consume-transform-produce loop (benchmarks/peer/uppercase_loop.py). */
    PEER("peer", "CPython loop (confluent-kafka)", null);

    private final String id;
    private final String label;
    private final String steps;

    Workload(String id, String label, String steps) {
        this.id = id;
        this.label = label;
        this.steps = steps;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Workload byId(String id) {
        for (Workload workload : values()) {
            if (workload.id.equals(id)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("no workload " + id);
    }

    /** The pipeline definition (YAML) of this workload, for the runtime. */
    String definition(String name, String source, String sink, String deadLetters, String guarantee) {
        if (steps == null) {
            throw new IllegalStateException(this + " is not a pipeline");
        }
        return """
                apiVersion: datapipelines/v1
                kind: DataPipeline
                metadata: {name: %s}
                spec:
                  source: {topic: %s}
                  sink: {topic: %s}
                  errors: {mode: dead-letter, deadLetterTopic: %s}
                  processing: {guarantee: %s}
                  steps:
                """.formatted(name, source, sink, deadLetters, guarantee) + steps;
    }
}
