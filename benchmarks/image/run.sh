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
classpath="$root/benchmarks/target/datapipelines-benchmarks-0.1.0-SNAPSHOT.jar:$(printf '%s:' "$root"/benchmarks/target/lib/*.jar)"
java -cp "$classpath" io.datapipelines.benchmarks.ImageBuildBenchmark "$registry" "$base" examples/orders-cleanup.yaml "$1" ${2:-}
