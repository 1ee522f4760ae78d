#!/usr/bin/env bash
# Runs the benchmarks and writes docs/benchmarks.md. Takes a few minutes; run it on an idle machine.
# The image benchmark needs a registry and the JRE base image: it starts the first and builds the second
# with the CI scripts (root needed for mmdebstrap); where they cannot be had, the report goes without it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
out="$root/benchmarks/target/jmh-result.json"
image_out="$root/benchmarks/target/image-result.json"
cp=("$root/benchmarks/target/datapipelines-benchmarks-0.1.0-SNAPSHOT.jar" "$root"/benchmarks/target/lib/*.jar)
classpath="$(IFS=:; echo "${cp[*]}")"
load="$(cut -d' ' -f1-3 /proc/loadavg)"   # other work on the machine skews every figure: the report says how busy it was
java -cp "$classpath" org.openjdk.jmh.Main TopologyThroughputBenchmark -rf json -rff "$out" "$@"
rm -f "$image_out"
if registry="$("$root/.ci/start-registry.sh")" && base="$("$root/.ci/base-image.sh")"; then
  java -cp "$classpath" io.datapipelines.benchmarks.ImageBuildBenchmark "$registry" "$base" "$root/examples/orders-cleanup.yaml" "$image_out"
else
  echo "run.sh: no registry or base image: the report goes without the image benchmark" >&2
fi
machine="$(java -version 2>&1 | head -n 1); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(free -h | awk '/Mem:/ {print $2}') memory; load average $load at the start"
java -cp "$classpath" io.datapipelines.benchmarks.BenchmarkReport "$out" "$root/docs/benchmarks.md" "$machine" "benchmarks/run.sh" "$image_out"
echo "wrote docs/benchmarks.md"
