#!/usr/bin/env bash
# GraalPy start-up and footprint on the JVMs the product runs on (issue 12, item 5): engine, first context
# and first call times, process wall time, calls per second of a light step over the last 5 s of SECONDS of
# load (the steady state: a Truffle JIT needs 10-20 s), and peak resident memory under that load, for
#   jdk17        the default java 17: GraalPy interpreted (the CLI's and the Java 17 base image's case)
#   jdk25        Temurin 25 without JVMCI: interpreted
#   jdk25-jit    Temurin 25 with the image's JIT flags and the Graal compiler on --upgrade-module-path
#   jdk25-aot    Temurin 25 interpreted with a JDK 25 AOT cache (-XX:AOTCache, JEP 514) made by one training
#                run. Not with the JIT: the JVM refuses an AOT cache (and CDS) with --upgrade-module-path.
# each with the image's JVM flags (ContainerLayout.JVM_FLAGS) and -XX:MaxRAM=512m standing in for the pod's
# memory limit. The probe is io.datapipelines.image.GraalPyProbe (image's test classes).
#
#   benchmarks/python/startup.sh [RUNS] [SECONDS]     # defaults 3 runs, 30 s of load each
# Needs: ./mvnw -B -ntp -pl cli -am package -DskipTests (cli/target/lib, image/target/graal, the probe).
# Prints one line per run and the medians, as a Markdown table (docs/benchmarks.md has the figures).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-3}"
seconds="${2:-30}"
jdk17="${DATAPIPELINES_JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk25="${DATAPIPELINES_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
graal="$root/image/target/graal"
for need in "$root/cli/target/lib" "$graal" "$root/image/target/test-classes/io/datapipelines/image/GraalPyProbe.class"; do
  [ -e "$need" ] || { echo "startup.sh: $need is missing: run ./mvnw -B -ntp -pl cli -am package -DskipTests" >&2; exit 2; }
done
work="$(mktemp -d /tmp/graalpy-startup.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# The probe in a jar: an AOT cache takes jars only on its class path.
"$jdk25/bin/jar" cf "$work/probe.jar" -C "$root/image/target/test-classes" io/datapipelines/image/GraalPyProbe.class
cp="$work/probe.jar:$(printf '%s:' "$root"/cli/target/lib/*.jar)"
cp="${cp%:}"
flags=(-XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:+UseParallelGC -XX:MaxNewSize=64m -XX:+ExitOnOutOfMemoryError
       -Djava.io.tmpdir=/tmp "-Dpolyglot.engine.userResourceCache=$work/polyglot")
jit=(-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI "--upgrade-module-path=$graal" --enable-native-access=ALL-UNNAMED
     --sun-misc-unsafe-memory-access=allow)

# One run: prints "name runtime engine_ms first_context_ms first_call_ms wall_s calls_per_s peak_rss_mib".
run() {
  local name="$1"; shift
  local out="$work/out" stats="$work/stats"
  /usr/bin/time -f '%e %M' -o "$stats" "$@" -cp "$cp" io.datapipelines.image.GraalPyProbe "$seconds" > "$out" 2>"$work/err" \
    || { echo "startup.sh: $name failed:" >&2; cat "$work/err" "$out" >&2; exit 1; }
  local value; value() { sed -n "s/^$1=\([^ ]*\).*/\1/p" "$out"; }
  read -r wall rss_kb < "$stats"
  echo "$name $(value runtime | tr ' ' '_') $(value engine_ms) $(value first_context_ms) $(value first_call_ms) $wall $(value calls_per_s) $((rss_kb / 1024))"
}

# The AOT cache: one training run records it (JDK 25, JEP 514); later runs map it.
aot="$work/graalpy.aot"
"$jdk25/bin/java" "${flags[@]}" -XX:AOTCacheOutput="$aot" -cp "$cp" io.datapipelines.image.GraalPyProbe 0 \
  > "$work/aot.log" 2>&1 || { echo "startup.sh: the AOT training run failed:" >&2; cat "$work/aot.log" >&2; aot=""; }

results="$work/results"
for i in $(seq 1 "$runs"); do
  run jdk17 "$jdk17/bin/java" "${flags[@]}" | tee -a "$results"
  run jdk25 "$jdk25/bin/java" "${flags[@]}" | tee -a "$results"
  run jdk25-jit "$jdk25/bin/java" "${flags[@]}" "${jit[@]}" | tee -a "$results"
  [ -z "$aot" ] || run jdk25-aot "$jdk25/bin/java" "${flags[@]}" -XX:AOTCache="$aot" | tee -a "$results"
done

echo
echo "| JVM | Truffle runtime | engine, ms | first context, ms | first call, ms | process (probe + $seconds s of load), s | light calls/s (last 5 s) | peak RSS, MiB |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for name in jdk17 jdk25 jdk25-aot jdk25-jit; do
  grep -q "^$name " "$results" || continue
  median() { grep "^$name " "$results" | awk "{print \$$1}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  runtime="$(grep "^$name " "$results" | head -n 1 | awk '{print $2}' | tr '_' ' ')"
  echo "| $name | $runtime | $(median 3) | $(median 4) | $(median 5) | $(median 6) | $(median 7) | $(median 8) |"
done
