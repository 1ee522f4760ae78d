package io.datapipelines.benchmarks.kafka;

/**
 * What a throughput run does to the source records: the same field transform (upper-case
 * {@code customer}) done (a) by the built-in, (b) by Python in the runtime, and by the hand-written
 * contenders (the CPython peer, a bare Kafka Streams app, a plain Java client loop); (c) a realistic
 * five-step pipeline; (d) a heavier built-in pipeline; (e) a heavier Python step, once per Python engine.
 * The definitions are the benchmark's; see {@link #definition}.
 */
public enum Workload {
    BUILTIN("builtin", "(a) built-in uppercase", Kind.PIPELINE, null, builtinUppercase()),
    /**
     * (a) once more, on the JVM GraalPy's workloads get (the Java 25 base's, {@code --graalpy-java}) with the flags of an
     * image without Python steps: a team on the Java 25 base runs its built-in pipelines there too, so (b) against this
     * row is the Python step's own cost, (b) against (a) that plus Java 25 against the harness's JDK.
     */
    BUILTIN_JAVA25("builtin-java25", "(a) built-in uppercase, on Java 25", Kind.PIPELINE, null, builtinUppercase()),
    /** (b) with GraalPy, the default engine (Python 3). */
    PYTHON("python", "(b) Python uppercase, GraalPy", Kind.PIPELINE, "graalpy", pythonUppercase()),
    /** (b) with Jython 2.7, the engine a definition can still choose. */
    PYTHON_JYTHON("python-jython", "(b) Python uppercase, Jython", Kind.PIPELINE, "jython", pythonUppercase()),
    /** (c) The Python step in it runs on GraalPy (the default engine: the definition names none). */
    FIVE_STEPS("five-steps", "(c) five-step pipeline", Kind.PIPELINE, null, """
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
    /** (c) with its Python step on Jython: the idle footprint's workload (its goal predates GraalPy). */
    FIVE_STEPS_JYTHON("five-steps-jython", "(c) five-step pipeline, Jython", Kind.PIPELINE, "jython", FIVE_STEPS.steps),
    /**
     * Built-ins only, more work per record than (c) and nothing filtered out: a regular expression every
     * record passes, sha256 of the e-mail, three string transforms, a cast, a round, a drop and a rename.
     */
    BUILTIN_HEAVY("builtin-heavy", "(d) heavier built-in pipeline", Kind.PIPELINE, null, """
                - kind: Field
                  name: countries are two capitals
                  fields:
                    country: {filter: {key: reg-exp, config: {value: "^[A-Z]{2}$"}}}
                - kind: Field
                  name: hash and clean
                  fields:
                    email: {transform: {key: hash, config: {algorithm: sha256}}}
                    customer: {transform: {key: uppercase}}
                    status: {transform: {key: lowercase}}
                    currency: {transform: {key: prepend-value, config: {value: "ISO:"}}}
                - kind: Field
                  name: numbers
                  fields:
                    amount: {transform: {key: cast-data-type, config: {toDataType: float}}}
                - kind: Field
                  name: round and tidy
                  fields:
                    amount: {transform: {key: round, config: {precision: "1"}}}
                    note: {transform: {key: drop-field}}
                    id: {transform: {key: rename-field, config: {newFieldName: order_id}}}
            """),
    /**
     * (e) The kind of step people write: a regular expression match, sha256 of a field, a formatted label
     * and a rounded sum over a split list. Jython 2.7 has no f-strings, so its label is the same
     * {@code str.format}; the two engines' definitions differ in that line and in {@code engine} only.
     */
    PYTHON_HEAVY_JYTHON("python-heavy-jython", "(e) heavier Python, Jython", Kind.PIPELINE, "jython",
            heavyPython("\"{} ({}, {})\".format(value[\"customer\"].title(), value[\"country\"], value[\"status\"].lower())")),
    PYTHON_HEAVY_GRAALPY("python-heavy-graalpy", "(e) heavier Python, GraalPy", Kind.PIPELINE, "graalpy",
            heavyPython("f\"{value['customer'].title()} ({value['country']}, {value['status'].lower()})\"")),
    /**
     * (f) Issue 12's own heavy step, as its GraalPy-against-Jython measurement described it: a field transform
     * {@code transform(value, row)} on {@code email} reading two other fields of the row with a regular expression,
     * sha256, a rounded sum and an f-string (Jython 2.7, which has none, the same {@code str.format}).
     */
    PYTHON_HEAVY_FIELD_JYTHON("python-heavy-field-jython", "(f) heavier Python field step, Jython", Kind.PIPELINE, "jython",
            heavyPythonField("\"{} {} ({}, {}) {}\".format(digest[:16], row[\"customer\"], row[\"country\"], region, score)")),
    PYTHON_HEAVY_FIELD_GRAALPY("python-heavy-field-graalpy", "(f) heavier Python field step, GraalPy", Kind.PIPELINE, "graalpy",
            heavyPythonField("f\"{digest[:16]} {row['customer']} ({row['country']}, {region}) {score}\"")),
    /**
     * (g) (f) with the customer title-cased ({@code str.title()}), as (f) ran until 2026-12-06: GraalPy 25.0.3's
     * {@code title()} costs about a third of the step's time (benchmarks/README.md), Jython's is a plain Java loop.
     */
    PYTHON_HEAVY_TITLE_JYTHON("python-heavy-title-jython", "(g) heavier Python field step with str.title(), Jython", Kind.PIPELINE, "jython",
            heavyPythonField("\"{} {} ({}, {}) {}\".format(digest[:16], row[\"customer\"].title(), row[\"country\"], region, score)")),
    PYTHON_HEAVY_TITLE_GRAALPY("python-heavy-title-graalpy", "(g) heavier Python field step with str.title(), GraalPy", Kind.PIPELINE, "graalpy",
            heavyPythonField("f\"{digest[:16]} {row['customer'].title()} ({row['country']}, {region}) {score}\"")),
    /**
     * The runtime's shadow mode ({@code --shadow-of}) comparing (a) with itself, an unchanged revision: each record runs
     * through both revisions and is compared; nothing goes to the sink (issue 15: its throughput against (a)'s).
     */
    SHADOW("shadow", "shadow of (a), comparing two revisions", Kind.SHADOW, null, builtinUppercase()),
    /** The CPython consume-transform-produce loop (benchmarks/peer/uppercase_loop.py), the uppercase transform. */
    PEER("peer", "CPython loop (confluent-kafka)", Kind.PEER, null, null),
    /** A hand-written Kafka Streams app ({@code limit.BareStreamsApp}), the uppercase transform. */
    BARE_STREAMS("bare-streams", "bare Kafka Streams app", Kind.BARE_STREAMS, null, null),
    /** A plain KafkaConsumer -> transform -> KafkaProducer loop ({@code limit.PlainClientLoop}), the uppercase transform: the limit. */
    PLAIN_LOOP("plain-loop", "plain Java client loop", Kind.PLAIN_LOOP, null, null);

    /** What runs a workload: the runtime with its definition, or one of the hand-written contenders. */
    public enum Kind { PIPELINE, SHADOW, PEER, BARE_STREAMS, PLAIN_LOOP }

    private final String id;
    private final String label;
    private final Kind kind;
    private final String pythonEngine;
    private final String steps;

    Workload(String id, String label, Kind kind, String pythonEngine, String steps) {
        this.id = id;
        this.label = label;
        this.kind = kind;
        this.pythonEngine = pythonEngine;
        this.steps = steps;
    }

    private static String builtinUppercase() {
        return """
                    - kind: Field
                      name: upper-case the customer
                      fields:
                        customer: {transform: {key: uppercase}}
                """;
    }

    private static String pythonUppercase() {
        return """
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
                """;
    }

    /** Step (e) with {@code label} as the expression that formats the label. */
    private static String heavyPython(String label) {
        String code = """
                import hashlib
                import re

                EU = re.compile(r"(AT|BE|DE|ES|FR|IT|NL|PL)$")

                def transform(record):
                    value = record["value"]
                    value["eu"] = EU.match(value["country"]) is not None
                    value["email"] = hashlib.sha256(value["email"].encode("utf-8")).hexdigest()
                    value["label"] = LABEL
                    value["note_score"] = round(sum(len(word) * 0.1 for word in value["note"].split()), 2)
                    return record
                """.replace("LABEL", label);
        return """
                    - kind: Record
                      name: enrich
                      transform:
                        key: user-defined-record-transformation
                        config:
                          code: |
                """ + code.indent(16).replaceAll("(?m)^ +$", "");
    }

    /** Steps (f) and (g): the field transform of issue 12's measurement, with {@code result} as what it returns. */
    private static String heavyPythonField(String result) {
        String code = """
                import hashlib
                import re

                EU = re.compile(r"(AT|BE|DE|ES|FR|IT|NL|PL)$")

                def transform(value, row):
                    region = "EU" if EU.match(row["country"]) else "non-EU"
                    digest = hashlib.sha256(value.encode("utf-8")).hexdigest()
                    score = round(sum(len(word) * 0.1 for word in row["note"].split()), 2)
                    return RESULT
                """.replace("RESULT", result);
        return """
                    - kind: Field
                      name: hash and label the e-mail
                      fields:
                        email:
                          transform:
                            key: user-defined-transformation
                            config:
                              code: |
                """ + code.indent(18).replaceAll("(?m)^ +$", "");
    }

    public String id() {
        return id;
    }

    /** The metadata.name of its definition (a shadow's live and candidate revisions share it). */
    public String pipelineName() {
        return "bench-" + id;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether the runtime runs Python steps of this workload on GraalPy (a step names none: GraalPy is the default):
     * then the benchmark runs it as an image built with the JIT would, on a Java 25 with the Graal compiler.
     */
    public boolean runsGraalPy() {
        return isPipeline() && steps.contains("user-defined-") && !"jython".equals(pythonEngine);
    }

    /** Whether the runtime runs this workload on the Java 25 base's JVM (given one): GraalPy's workloads, and (a) again. */
    public boolean runsOnJava25() {
        return runsGraalPy() || onlyForJava25();
    }

    /** Whether this workload is there only to run on the Java 25 base's JVM: without one it would repeat another. */
    public boolean onlyForJava25() {
        return this == BUILTIN_JAVA25;
    }

    /** Whether a Workload is the runtime running a definition. */
    public boolean isPipeline() {
        return kind == Kind.PIPELINE;
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
        return definition(name, source, sink, deadLetters, guarantee, true);
    }

    /** @param withEngine false: without {@code spec.processing.python}, for a build that has one engine only */
    String definition(String name, String source, String sink, String deadLetters, String guarantee, boolean withEngine) {
        if (steps == null) {
            throw new IllegalStateException(this + " runs no definition");
        }
        return """
                apiVersion: datapipelines/v1
                kind: DataPipeline
                metadata: {name: %s}
                spec:
                  source: {topic: %s}
                  sink: {topic: %s}
                  errors: {mode: dead-letter, deadLetterTopic: %s}
                  processing: {guarantee: %s%s}
                  steps:
                """.formatted(name, source, sink, deadLetters, guarantee,
                pythonEngine == null || !withEngine ? "" : ", python: {engine: " + pythonEngine + "}") + steps;
    }
}
