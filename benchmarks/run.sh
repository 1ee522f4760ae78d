#!/usr/bin/env bash
# Runs the benchmarks and writes docs/benchmarks.md. Takes a few minutes; run it on an idle machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
out="$root/benchmarks/target/jmh-result.json"
cp=("$root/benchmarks/target/datapipelines-benchmarks-0.1.0-SNAPSHOT.jar" "$root"/benchmarks/target/lib/*.jar)
classpath="$(IFS=:; echo "${cp[*]}")"
java -cp "$classpath" org.openjdk.jmh.Main TopologyThroughputBenchmark -rf json -rff "$out" "$@"
machine="$(java -version 2>&1 | head -n 1); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(free -h | awk '/Mem:/ {print $2}') memory"
java -cp "$classpath" io.datapipelines.benchmarks.BenchmarkReport "$out" "$root/docs/benchmarks.md" "$machine" "benchmarks/run.sh"
echo "wrote docs/benchmarks.md"
