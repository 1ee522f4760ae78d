#!/usr/bin/env bash
# The one command for every benchmark: builds what it needs, runs the topology benchmark (JMH), the
# runtime and the CPython peer against a forked Kafka broker, the image benchmark when there is one,
# and writes docs/benchmarks.md with its charts (docs/benchmarks/*.png).
#
#   benchmarks/run.sh           the figures as published: 5 runs of each over 1,000,000 records
#                               (about 15-20 minutes on 2 cores); run it on an otherwise idle machine
#   benchmarks/run.sh --quick   1 run of each over 200,000 records and a short JMH run, for development;
#                               the report then says it is not for publication
#
# Needs a JDK 17+, Debian's python3-confluent-kafka (installed here when missing, which needs root) and
# Maven Central (through the Maven wrapper). See benchmarks/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

quick=false
command_line="benchmarks/run.sh"
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true; command_line="benchmarks/run.sh --quick" ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "benchmarks/run.sh: unknown argument '$arg' (only --quick)" >&2; exit 2 ;;
  esac
done
if $quick; then
  records=200000; rounds=1; jmh_args=(-wi 2 -w 2s -i 3 -r 1s)
else
  records=1000000; rounds=5; jmh_args=()
fi

results="$root/benchmarks/results"
mkdir -p "$results"
python=/usr/bin/python3

echo "== the CPython peer's client: Debian's python3-confluent-kafka"
if ! "$python" -c 'import confluent_kafka' 2>/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "python3-confluent-kafka is missing: install it (apt-get install python3-confluent-kafka) or run this as root" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-confluent-kafka >/dev/null
fi
"$python" benchmarks/peer/uppercase_loop.py --versions
# the charts are drawn by Java's headless AWT, which needs at least one font
if command -v fc-list >/dev/null && [[ -z "$(fc-list)" ]] && [[ $(id -u) -eq 0 ]]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null
fi

echo "== build (benchmarks, runtime, embedded-kafka) and their classpaths"
rm -rf benchmarks/target/lib   # copy-dependencies adds but never removes: start from the current set
./mvnw -B -q -ntp -Pbenchmarks -pl benchmarks,embedded-kafka -am package -DskipTests \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime
runtime_cp="$root/runtime/target/datapipelines-runtime-0.1.0-SNAPSHOT.jar:$(cat runtime/target/classpath.txt)"
# the broker: Kafka's server jars (kafka_2.13 and its dependencies) with slf4j-simple so its warnings reach its log
slf4j_simple="$(tr ':' '\n' < runtime/target/classpath.txt | grep '/slf4j-simple-[^/]*\.jar$')"
broker_cp="$(cat embedded-kafka/target/classpath.txt):$slf4j_simple"
harness_cp="$root/benchmarks/target/datapipelines-benchmarks-0.1.0-SNAPSHOT.jar:$(printf '%s:' "$root"/benchmarks/target/lib/*.jar)"

echo "== topology throughput (JMH)"
java -cp "$harness_cp" org.openjdk.jmh.Main TopologyThroughputBenchmark -rf json -rff "$results/jmh.json" "${jmh_args[@]}"

echo "== the runtime and the CPython peer against a forked broker ($rounds round(s) of $records records)"
java -cp "$harness_cp" io.datapipelines.benchmarks.kafka.KafkaBenchmark \
  --records "$records" --rounds "$rounds" \
  --runtime-classpath "$runtime_cp" --broker-classpath "$broker_cp" \
  --python "$python" --peer-script benchmarks/peer/uppercase_loop.py \
  --work-dir benchmarks/target/kafka-bench --output "$results/kafka.json"

# ---- Issue 8, item 3: new-revision image build and push (belongs to the images work) --------------
# When benchmarks/image/run.sh exists, it is run here as `benchmarks/image/run.sh RESULTS_JSON [--quick]`
# and must write RESULTS_JSON in the format of io.datapipelines.benchmarks.report.ImageResults
# (see benchmarks/README.md); the report's "Image build and push" section is written from it. Without
# it, the report says the image figures were not measured.
rm -f "$results/image.json"
if [[ -x benchmarks/image/run.sh ]]; then
  echo "== image build and push"
  if $quick; then benchmarks/image/run.sh "$results/image.json" --quick; else benchmarks/image/run.sh "$results/image.json"; fi
fi
# ----------------------------------------------------------------------------------------------------

echo "== report"
java -cp "$harness_cp" io.datapipelines.benchmarks.report.BenchmarkReport \
  --kafka "$results/kafka.json" --jmh "$results/jmh.json" --image "$results/image.json" \
  --output "$root/docs/benchmarks.md" --command "$command_line"
