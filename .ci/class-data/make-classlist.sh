#!/usr/bin/env bash
# Writes .ci/class-data/classlist: the classes a GraalPy pipeline loads, for the class-data (CDS) archive that
# .ci/base-image.sh 25 puts into the Java 25 base. Run it again when GraalPy, the Graal compiler or the JDK
# changes version (classes the list names but the jars lack are skipped by the dump, with a warning).
#
# A training run: `datapipelines preview` of training.yaml over 30,000 records on the JDK 25 with GraalPy's JIT
# (the compiler on the module path, as in the base),
# with -XX:DumpLoadedClassList; kept are the classes of the JDK's modules, of GraalPy's jars and of the compiler's,
# sorted, without the list's lambda and constant-pool lines. A committed list (not one made per base build) is
# what keeps the base byte-reproducible: training runs differ by a few classes the JIT loads or not.
#
#   .ci/class-data/make-classlist.sh     # after the CLI is built (./datapipelines --help builds it)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

jdk="${DATAPIPELINES_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
home=cli/target
[ -f "$home/datapipelines-cli.jar" ] || { echo "make-classlist.sh: no CLI at $home: run ./datapipelines --help first" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work/input.ndjson" <<'PY'
import json, sys
with open(sys.argv[1], "w") as out:
    for n in range(30000):
        value = {"email": f"User{n}@Example.com", "country": ["DE", "FR", "US", "XX"][n % 4],
                 "amounts": [str(n % 97 + 0.5), n % 13], "at": f"2026-12-01T{n % 24:02d}:00:00+01:00",
                 "url": f"https://shop.example/o/{n}?src=mail", "tags": ["eu-vip", f"t{n % 5}-x"],
                 "zone": ["Europe/Berlin", "America/New_York", "UTC"][n % 3]}
        out.write(json.dumps({"key": f"o-{n}", "value": value}) + "\n")
PY
# A runtime of the JDK without its own Graal compiler, so that the pinned one in graal/ is loaded from the module
# path as in the image (classes of --upgrade-module-path are neither listed nor archived).
"$jdk/bin/jlink" --add-modules "$(grep -v '^#' .ci/jre25-modules | paste -sd,)" --output "$work/jre"
"$work/jre/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI "--module-path=$home/graal" --add-modules=jdk.graal.compiler \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+UseParallelGC \
  -XX:DumpLoadedClassList="$work/loaded" -jar "$home/datapipelines-cli.jar" \
  preview .ci/class-data/training.yaml --input "$work/input.ndjson" > /dev/null

# The class files a dump can find: the JDK's modules, GraalPy's jars (the runtime jar lists them) and graal/.
"$jdk/bin/jimage" list "$jdk/lib/modules" | sed -n 's/^ *\(.*\)\.class$/\1/p' > "$work/known"
runtime_jar="$(ls "$home"/lib/datapipelines-runtime-*.jar)"
for jar in $(.ci/class-data/graalpy-jars.sh "$runtime_jar" | sed "s|^|$home/lib/|") "$home"/graal/*.jar; do
  unzip -Z1 "$jar" | sed -n 's/\.class$//p' | grep -v -e '^META-INF/' -e 'module-info$' >> "$work/known"
done
sort -u "$work/known" > "$work/known.sorted"
grep -v -e '^#' -e '^@' "$work/loaded" | cut -d' ' -f1 | sort -u | comm -12 - "$work/known.sorted" > "$work/classes"
{
  echo "# The classes a GraalPy pipeline loads: the class-data archive of the Java 25 base (.ci/base-image.sh 25)."
  echo "# Made by .ci/class-data/make-classlist.sh on Java $(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$jdk/release"),"
  echo "# GraalPy and the Graal compiler $(basename "$home"/graal/compiler-*.jar .jar | sed 's/^compiler-//'); $(wc -l < "$work/classes") classes."
  cat "$work/classes"
} > .ci/class-data/classlist
echo "make-classlist.sh: $(wc -l < "$work/classes") classes in .ci/class-data/classlist" >&2
