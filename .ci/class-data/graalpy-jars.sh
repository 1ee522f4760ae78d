#!/usr/bin/env bash
# Prints the file names of GraalPy's jars, one a line, in the runtime's class path order, as the runtime jar lists them
# (META-INF/datapipelines/graalpy-classpath, written by its build; the list also names pom dependencies, left out here).
# The class-data archive's class path is these jars in this order (base-image.sh 25, benchmarks/run.sh).
#
#   graalpy-jars.sh RUNTIME_JAR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: graalpy-jars.sh RUNTIME_JAR" >&2; exit 2; }
{ unzip -p "$1" META-INF/datapipelines/graalpy-classpath; echo; } | tr ':' '\n' | sed -n 's|^.*/\([^/]*\.jar\)$|\1|p'
