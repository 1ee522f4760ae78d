#!/usr/bin/env bash
# Issue 8, item 3: new-revision image build and push against a real registry, next to a first push.
# Called by benchmarks/run.sh as: benchmarks/image/run.sh RESULTS_JSON [--quick]. Starts the local
# registry and builds the JRE base image with the CI scripts (root needed for mmdebstrap); writes
# RESULTS_JSON in the format of io.datapipelines.benchmarks.report.ImageResults.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
registry="$(.ci/start-registry.sh)"
base="$(.ci/base-image.sh)"
# The harness's lib/ leaves out the runtime's SLF4J binding (the harness is quiet), but the image must hold
# every jar the runtime lists: take it from the runtime's class path, written by run.sh's build.
if [[ ! -f runtime/target/classpath.txt ]]; then
  echo "benchmarks/image/run.sh: runtime/target/classpath.txt is missing: run benchmarks/run.sh, which builds it" >&2
  exit 2
fi
slf4j_simple="$(tr ':' '\n' < runtime/target/classpath.txt | grep '/slf4j-simple-[^/]*\.jar$')"
classpath="$root/benchmarks/target/datapipelines-benchmarks-0.1.0-SNAPSHOT.jar:$(printf '%s:' "$root"/benchmarks/target/lib/*.jar)$slf4j_simple"
java -cp "$classpath" io.datapipelines.benchmarks.ImageBuildBenchmark "$registry" "$base" examples/orders-cleanup.yaml "$1" ${2:-}
