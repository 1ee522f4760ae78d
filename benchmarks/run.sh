#!/usr/bin/env bash
# The one command for every benchmark: builds what it needs, runs the topology benchmark (JMH), the
# runtime and the hand-written contenders (the CPython loop, a bare Kafka Streams app, a plain Java
# client loop) against a forked Kafka broker, the image benchmark when there is one,
# and writes docs/benchmarks.md with its charts (docs/benchmarks/*.png).
#
#   benchmarks/run.sh           the figures as published: 5 runs of each over 1,000,000 records, then the
#                               steady state: 5 runs over 5,000,000 of the runtime's built-in and the
#                               hand-written contenders (about an hour on 2 cores); run it on an idle machine
#   benchmarks/run.sh --quick   1 run of each over 200,000 records (steady state: 400,000) and a short JMH
#                               run, for development; the report then says it is not for publication
#
# Settings (environment): BENCH_RECORDS, BENCH_ROUNDS (the first run), BENCH_STEADY_RECORDS,
# BENCH_STEADY_ROUNDS, BENCH_STEADY_WORKLOADS (the steady-state run; BENCH_STEADY_RECORDS=0 leaves it out);
# BENCH_GRAALPY_JAVA: the java of a JDK 25 whose JVMCI matches the Graal compiler (default: Temurin 25 at
# /usr/lib/jvm/temurin-25-jdk-amd64 when there): pipelines with GraalPy steps run on a jlink of it as the Java 25
# base holds it, with GraalPy's class data and JIT, as an image on that base does (the JMH run on the JDK itself);
# without it GraalPy runs interpreted and the report says so.
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
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "benchmarks/run.sh: unknown argument '$arg' (only --quick)" >&2; exit 2 ;;
  esac
done
if $quick; then
  records=200000; rounds=1; steady_records=400000; steady_rounds=1; jmh_args=(-wi 2 -w 2s -i 3 -r 1s)
else
  records=1000000; rounds=5; steady_records=5000000; steady_rounds=5; jmh_args=()
fi
records="${BENCH_RECORDS:-$records}"
rounds="${BENCH_ROUNDS:-$rounds}"
steady_records="${BENCH_STEADY_RECORDS:-$steady_records}"
steady_rounds="${BENCH_STEADY_ROUNDS:-$steady_rounds}"
# the runtime's built-in against the bare Kafka Streams app, the plain Java loop and the CPython loop (issue 16)
# (GraalPy steady state: BENCH_STEADY_WORKLOADS=builtin,python,...; its JIT needs 30-40 s on 2 cores)
steady_workloads="${BENCH_STEADY_WORKLOADS:-builtin,bare-streams,plain-loop,peer}"
graalpy_java="${BENCH_GRAALPY_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"

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
graal="$root/benchmarks/target/graal"   # the Graal compiler of GraalPy's version (benchmarks/pom.xml copies it)
graalpy_args=()
jmh_jvm=()
if [[ -x "$graalpy_java" ]]; then
  # As the Java 25 base runs them: a jlink of that JDK with the base's modules, and GraalPy's class data made as the
  # base's is (.ci/class-data), but for this machine's paths (the JVM maps it only with the class path it was dumped
  # with, so GraalPy's jars come first, in the order the runtime jar lists them).
  jdk="$(dirname "$(dirname "$(readlink -f "$graalpy_java")")")"
  jre="$root/benchmarks/target/jre25"
  echo "== GraalPy's JIT as the Java 25 base runs it: a jlink of $jdk with GraalPy's class data, the Graal compiler in $graal"
  rm -rf "$jre"
  "$jdk/bin/jlink" --add-modules "$(grep -v '^#' .ci/jre25-modules | paste -sd,)" --strip-debug --no-header-files \
    --no-man-pages --compress=zip-6 --output "$jre"
  graalpy_first=""
  for name in $(.ci/class-data/graalpy-jars.sh runtime/target/datapipelines-runtime-0.1.0-SNAPSHOT.jar); do
    graalpy_first="${graalpy_first:+$graalpy_first:}$(tr ':' '\n' < runtime/target/classpath.txt | grep "/$name\$")"
  done
  grep -v '^#' .ci/class-data/classlist > "$jre/classlist"
  .ci/class-data/dump.sh "$jre/bin/java" "$jre/graalpy.jsa" "$graal" "$jre/classlist" "$graalpy_first" > "$results/class-data.log" 2>&1
  runtime_cp="$graalpy_first:$root/runtime/target/datapipelines-runtime-0.1.0-SNAPSHOT.jar:$(tr ':' '\n' < runtime/target/classpath.txt \
    | grep -v -x -F -f <(tr ':' '\n' <<< "$graalpy_first") | paste -sd:)"
  graalpy_args=(--graalpy-java "$jre/bin/java" --graal-compiler "$graal" --graalpy-class-data "$jre/graalpy.jsa")
  # the JMH fork on the same JVM with the JIT for all three transforms, and a warm-up long enough for Truffle (15-20 s)
  jit_flags="-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=$graal --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
  jmh_jvm=(-jvm "$graalpy_java" -jvmArgsAppend "$jit_flags")
  if $quick; then jmh_args=(-wi 8 -w 3s -i 3 -r 2s); else jmh_args=(-wi 10 -w 3s -i 5 -r 2s); fi
else
  echo "== no Java 25 at $graalpy_java (BENCH_GRAALPY_JAVA): GraalPy runs interpreted and the report says so"
fi

echo "== topology throughput (JMH)"
java -cp "$harness_cp" org.openjdk.jmh.Main TopologyThroughputBenchmark -rf json -rff "$results/jmh.json" "${jmh_jvm[@]}" "${jmh_args[@]}"

# The bare Kafka Streams app and the plain Java loop run from the harness's own classpath (its default
# --contender-classpath), with the runtime's JVM flags.
echo "== the runtime and the hand-written contenders against a forked broker ($rounds round(s) of $records records)"
java -cp "$harness_cp" io.datapipelines.benchmarks.kafka.KafkaBenchmark \
  --records "$records" --rounds "$rounds" \
  --runtime-classpath "$runtime_cp" --broker-classpath "$broker_cp" \
  --python "$python" --peer-script benchmarks/peer/uppercase_loop.py "${graalpy_args[@]}" \
  --work-dir benchmarks/target/kafka-bench --output "$results/kafka.json"

rm -f "$results/kafka-steady.json"
if [[ "$steady_records" -gt 0 ]]; then
  echo "== steady state: $steady_workloads against a fresh broker ($steady_rounds round(s) of $steady_records records)"
  java -cp "$harness_cp" io.datapipelines.benchmarks.kafka.KafkaBenchmark \
    --records "$steady_records" --rounds "$steady_rounds" --no-idle --workloads "$steady_workloads" \
    --runtime-classpath "$runtime_cp" --broker-classpath "$broker_cp" \
    --python "$python" --peer-script benchmarks/peer/uppercase_loop.py "${graalpy_args[@]}" \
    --work-dir benchmarks/target/kafka-bench-steady --output "$results/kafka-steady.json"
fi

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
  --kafka "$results/kafka.json" --kafka-steady "$results/kafka-steady.json" --jmh "$results/jmh.json" --image "$results/image.json" \
  --output "$root/docs/benchmarks.md" --command "$command_line"
