#!/usr/bin/env bash
# Dumps GraalPy's class data: a CDS archive of the classes in a class list, loaded from GraalPy's jars (a class path)
# and the Graal compiler's (a module path), by the java that will map it. .ci/base-image.sh 25 runs it inside the
# new base (for the paths images hold); benchmarks/run.sh runs it for its own paths.
#
#   dump.sh JAVA ARCHIVE COMPILER_DIRECTORY CLASS_LIST CLASS_PATH
#
# The JVM maps the archive only with the same class path at the start of its own (the same jars, sizes and file
# times), the same module path and the same module options (the image's: the compiler from the module path,
# native access for the unnamed module), so they are given here as the image gives them. The heap is fixed, so
# that the machine's memory does not change the archive: a dump from a fixed class list is byte-for-byte the same
# each time. Bouncy Castle's signed jars, JFR's event classes and a few classes that need module exports Truffle
# adds at run time cannot be archived (the JVM says "Skipping" or "Preload Warning"); they load from the jars.
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: dump.sh JAVA ARCHIVE COMPILER_DIRECTORY CLASS_LIST CLASS_PATH" >&2; exit 2; }
java="$1"; archive="$2"; compiler="$3"; classlist="$4"; classpath="$5"
exec "$java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI "--module-path=$compiler" --add-modules=jdk.graal.compiler \
  --add-modules=jdk.internal.vm.ci --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -Xms128m -Xmx128m \
  -Xshare:dump "-XX:SharedClassListFile=$classlist" "-XX:SharedArchiveFile=$archive" -cp "$classpath"
