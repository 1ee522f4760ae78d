#!/usr/bin/env bash
# Builds a base image for pipeline images, offline from Debian packages (mmdebstrap --variant=minbase on
# bookworm), as a 'docker save' archive (manifest.json, the image config, one gzip-compressed layer tar),
# which is what Jib takes as a docker-archive: base. Built once per flavour and cached; prints the path.
#
#   .ci/base-image.sh        # or: .ci/base-image.sh 17 -> $DIR/jre17-bookworm.tar
#                            #   bookworm + openjdk-17-jre-headless: GraalPy runs interpreted
#   .ci/base-image.sh 25     # -> $DIR/jre25-jvmci-graalpy-25.0.3-<inputs>-bookworm.tar
#                            #   bookworm + tzdata + ca-certificates + a jlink runtime of the Temurin 25 JDK
#                            #   at $DATAPIPELINES_JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64) in
#                            #   /opt/java/openjdk, with jdk.internal.vm.ci: the Graal compiler of the same
#                            #   version as GraalPy (25.0.3) runs as its JIT. Its config carries the label
#                            #   io.datapipelines.jvmci=<the JDK's version>; 'datapipelines build' reads it.
#                            #   Plus GraalPy's class data: a CDS archive (/opt/datapipelines/graalpy.jsa) of the
#                            #   classes in .ci/class-data/classlist, dumped from GraalPy's and the compiler's jars
#                            #   as images hold them (the CLI distribution's, $DATAPIPELINES_HOME, default
#                            #   cli/target: build it first), whose class path the label io.datapipelines.class-data
#                            #   gives; images of GraalPy pipelines start with it (docs/images.md).
#
# DATAPIPELINES_BASE_IMAGE_DIR defaults to /var/cache/datapipelines/base-image (kept between CI runs on
# one machine); needs root (mmdebstrap's root mode) and Debian's package mirror. About a minute each.
# Reproducible given the same Debian packages and JDK: files have fixed times (SOURCE_DATE_EPOCH=0), the
# tars are sorted, gzip writes no name or time.
set -euo pipefail

flavour="${1:-17}"
dir="${DATAPIPELINES_BASE_IMAGE_DIR:-/var/cache/datapipelines/base-image}"
case "$flavour" in
  17) out="$dir/jre17-bookworm.tar" ;;
  25)
    # The CLI distribution whose GraalPy the class data is made for; its version and a digest of the inputs (this
    # script, the modules, the class list, the jars' names and sizes) name the archive: a changed input makes a new one.
    home="${DATAPIPELINES_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/cli/target}"
    runtime_jar="$(ls "$home"/lib/datapipelines-runtime-*.jar 2>/dev/null | head -n 1 || true)"
    compiler="$(ls "$home"/graal/compiler-*.jar 2>/dev/null | head -n 1 || true)"
    if [ -z "$runtime_jar" ] || [ -z "$compiler" ]; then
      echo "base-image.sh: no CLI distribution (lib/, graal/) at $home: build it first (./datapipelines --help)" \
        "or set DATAPIPELINES_HOME" >&2
      exit 1
    fi
    classlist="$(dirname "${BASH_SOURCE[0]}")/class-data/classlist"
    mapfile -t graalpy_jars < <("$(dirname "${BASH_SOURCE[0]}")/class-data/graalpy-jars.sh" "$runtime_jar")
    graalpy_version="$(basename "$compiler" .jar)"; graalpy_version="${graalpy_version#compiler-}"
    inputs="$( { cat "${BASH_SOURCE[0]}" "$(dirname "${BASH_SOURCE[0]}")/jre25-modules" "$classlist" \
      "$(dirname "${BASH_SOURCE[0]}")/class-data/dump.sh" "$(dirname "${BASH_SOURCE[0]}")/class-data/graalpy-jars.sh"; \
      (cd "$home/lib" && stat -c '%n %s' "${graalpy_jars[@]}"); \
      (cd "$home/graal" && stat -c '%n %s' *.jar); } | sha256sum | cut -c1-12)"
    out="$dir/jre25-jvmci-graalpy-$graalpy_version-$inputs-bookworm.tar" ;;
  *) echo "base-image.sh: unknown flavour '$flavour' (17 or 25)" >&2; exit 2 ;;
esac
if [ -s "$out" ]; then
  echo "$out"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "base-image.sh: building the base image needs root (mmdebstrap root mode)" >&2
  exit 1
fi
if ! command -v mmdebstrap >/dev/null; then
  echo "base-image.sh: installing mmdebstrap" >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q mmdebstrap >&2
fi

mkdir -p "$dir"
work="$(mktemp -d "$dir/build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
arch="$(dpkg --print-architecture)"
# No documentation, manual pages or translations (copyright files stay); no device nodes: container
# runtimes make /dev themselves. (update-alternatives links java's manual page, so its directory must exist.)
common=(--quiet --variant=minbase
  --essential-hook='mkdir -p "$1/usr/share/man/man1"'
  --dpkgopt='path-exclude=/usr/share/man/*'
  --dpkgopt='path-exclude=/usr/share/locale/*'
  --dpkgopt='path-exclude=/usr/share/doc/*'
  --dpkgopt='path-include=/usr/share/doc/*/copyright'
  --dpkgopt='path-exclude=/usr/share/info/*'
  --skip=output/dev)
path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

if [ "$flavour" = 17 ]; then
  echo "base-image.sh: mmdebstrap bookworm + openjdk-17-jre-headless ($arch)..." >&2
  SOURCE_DATE_EPOCH=0 mmdebstrap "${common[@]}" --include=openjdk-17-jre-headless bookworm "$work/rootfs.tar" >&2
  env_json="\"PATH=$path\",\"JAVA_HOME=/usr/lib/jvm/java-17-openjdk-$arch\",\"LANG=C.UTF-8\""
  labels_json='{}'
  created_by="mmdebstrap --variant=minbase --include=openjdk-17-jre-headless bookworm"
  tag="17-bookworm"
else
  jdk="${DATAPIPELINES_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
  if [ ! -x "$jdk/bin/jlink" ]; then
    echo "base-image.sh: no JDK 25 at $jdk (install Temurin 25: apt-get install temurin-25-jdk from Adoptium's" \
      "repository, or set DATAPIPELINES_JDK25)" >&2
    exit 1
  fi
  version="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$jdk/release")"   # e.g. 25.0.3+9-LTS
  case "$version" in 25*) ;; *) echo "base-image.sh: $jdk is Java '$version', not 25" >&2; exit 1 ;; esac
  # The runtime's modules, one per line in .ci/jre25-modules (which says how they were found).
  modules="$(grep -v '^#' "$(dirname "${BASH_SOURCE[0]}")/jre25-modules" | paste -sd,)"
  echo "base-image.sh: jlink $version ($modules)..." >&2
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress=zip-6 --output "$work/jre" >&2
  # jlink's own default CDS archive is left out: its bytes differ between runs.
  find "$work/jre" -exec touch -h -d @0 {} +
  # GraalPy's class data (.ci/class-data/dump.sh says what and why): dumped inside the new root by its own java, from
  # GraalPy's and the compiler's jars put where images hold them (/app/lib, /app/graal) with Jib's file time
  # (1970-01-01T00:00:01Z: the JVM checks it), which are removed again (images bring them).
  mkdir -p "$work/app/lib" "$work/app/graal"
  classpath=""
  for name in "${graalpy_jars[@]}"; do
    cp "$home/lib/$name" "$work/app/lib/"
    classpath="${classpath:+$classpath:}/app/lib/$name"
  done
  cp "$home"/graal/*.jar "$work/app/graal/"
  grep -v '^#' "$classlist" > "$work/app/classlist"
  cp "$(dirname "${BASH_SOURCE[0]}")/class-data/dump.sh" "$work/app/dump.sh"
  find "$work/app" -exec touch -h -d @1 {} +
  echo "base-image.sh: mmdebstrap bookworm + tzdata + ca-certificates + that runtime + GraalPy $graalpy_version's" \
    "class data ($(grep -c -v '^#' "$classlist") classes; $arch)..." >&2
  SOURCE_DATE_EPOCH=0 mmdebstrap "${common[@]}" --include=tzdata,ca-certificates \
    --customize-hook='mkdir -p "$1/opt/java/openjdk" "$1/opt/datapipelines" "$1/app"' \
    --customize-hook="sync-in $work/jre /opt/java/openjdk" \
    --customize-hook='ln -s /opt/java/openjdk/bin/java "$1/usr/bin/java"' \
    --customize-hook="sync-in $work/app /app" \
    --customize-hook="chroot \"\$1\" bash /app/dump.sh /opt/java/openjdk/bin/java /opt/datapipelines/graalpy.jsa /app/graal /app/classlist $classpath >&2" \
    --customize-hook='rm -rf "$1/app"; touch -h -d @0 "$1/opt/datapipelines" "$1/opt/datapipelines/graalpy.jsa"' \
    bookworm "$work/rootfs.tar" >&2
  env_json="\"PATH=/opt/java/openjdk/bin:$path\",\"JAVA_HOME=/opt/java/openjdk\",\"LANG=C.UTF-8\",\"TZDIR=/usr/share/zoneinfo\""
  labels_json="{\"io.datapipelines.jvmci\":\"$version\",\"io.datapipelines.class-data\":\"$classpath\"}"
  created_by="mmdebstrap --variant=minbase --include=tzdata,ca-certificates bookworm + jlink of Temurin $version + GraalPy $graalpy_version's class data"
  tag="25-jvmci-graalpy-$graalpy_version-bookworm"
fi

diff_id="sha256:$(sha256sum "$work/rootfs.tar" | cut -d' ' -f1)"
gzip -n -6 < "$work/rootfs.tar" > "$work/layer.tar.gz"
rm "$work/rootfs.tar"
cat > "$work/config.json" <<JSON
{"architecture":"$arch","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":[$env_json],"Labels":$labels_json},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"$created_by"}]}
JSON
cat > "$work/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["datapipelines/jre:$tag"],"Layers":["layer.tar.gz"]}]
JSON
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work" -cf "$work/image.tar" manifest.json config.json layer.tar.gz
mv "$work/image.tar" "$out"
echo "base-image.sh: $(du -h "$out" | cut -f1) written" >&2
echo "$out"
