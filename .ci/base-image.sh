#!/usr/bin/env bash
# Builds a base image for pipeline images, offline from Debian packages (mmdebstrap --variant=minbase on
# bookworm), as a 'docker save' archive (manifest.json, the image config, one gzip-compressed layer tar),
# which is what Jib takes as a docker-archive: base. Built once per flavour and cached; prints the path.
#
#   .ci/base-image.sh        # or: .ci/base-image.sh 17 -> $DIR/jre17-bookworm.tar
#                            #   bookworm + openjdk-17-jre-headless: GraalPy runs interpreted
#   .ci/base-image.sh 25     # -> $DIR/jre25-jvmci-bookworm.tar
#                            #   bookworm + tzdata + ca-certificates + a jlink runtime of the Temurin 25 JDK
#                            #   at $DATAPIPELINES_JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64) in
#                            #   /opt/java/openjdk, with jdk.internal.vm.ci: the Graal compiler of the same
#                            #   version as GraalPy (25.0.3) runs as its JIT. Its config carries the label
#                            #   io.datapipelines.jvmci=<the JDK's version>; 'datapipelines build' reads it.
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
  25) out="$dir/jre25-jvmci-bookworm.tar" ;;
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
  # The runtime's modules: `jdeps --print-module-deps --ignore-missing-deps --multi-release 25` over its
  # class path (java.desktop for java.beans, jdk.httpserver for /healthz, jdk.security.auth for GraalPy's
  # os.getuid...), plus what libraries load by name (charsets, locales, EC crypto, zipfs, net, instrument)
  # and what the Graal compiler and Truffle's compiler module require (java --describe-module on their
  # jars). No jdk.graal.compiler: the image puts the pinned compiler on --upgrade-module-path.
  modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http
  modules+=,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.charsets,jdk.crypto.cryptoki
  modules+=,jdk.crypto.ec,jdk.httpserver,jdk.internal.vm.ci,jdk.jfr,jdk.localedata,jdk.management,jdk.net
  modules+=,jdk.security.auth,jdk.unsupported,jdk.xml.dom,jdk.zipfs
  echo "base-image.sh: jlink $version ($modules)..." >&2
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress=zip-6 --output "$work/jre" >&2
  # jlink's own default CDS archive is left out: its bytes differ between runs.
  find "$work/jre" -exec touch -h -d @0 {} +
  echo "base-image.sh: mmdebstrap bookworm + tzdata + ca-certificates + that runtime ($arch)..." >&2
  SOURCE_DATE_EPOCH=0 mmdebstrap "${common[@]}" --include=tzdata,ca-certificates \
    --customize-hook='mkdir -p "$1/opt/java/openjdk"' \
    --customize-hook="sync-in $work/jre /opt/java/openjdk" \
    --customize-hook='ln -s /opt/java/openjdk/bin/java "$1/usr/bin/java"' \
    bookworm "$work/rootfs.tar" >&2
  env_json="\"PATH=/opt/java/openjdk/bin:$path\",\"JAVA_HOME=/opt/java/openjdk\",\"LANG=C.UTF-8\",\"TZDIR=/usr/share/zoneinfo\""
  labels_json="{\"io.datapipelines.jvmci\":\"$version\"}"
  created_by="mmdebstrap --variant=minbase --include=tzdata,ca-certificates bookworm + jlink of Temurin $version"
  tag="25-jvmci-bookworm"
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
