#!/usr/bin/env bash
# Builds the JRE base image that the image tests (and benchmarks) build pipeline images on, offline from
# Debian packages: mmdebstrap --variant=minbase with openjdk-17-jre-headless, as a 'docker save' archive
# (manifest.json, the image config, one gzip-compressed layer tar), which is what Jib takes as a
# docker-archive: base. Built once and cached; prints the archive's path.
#
#   .ci/base-image.sh            # -> $DATAPIPELINES_BASE_IMAGE_DIR/jre17-bookworm.tar
#
# DATAPIPELINES_BASE_IMAGE_DIR defaults to /var/cache/datapipelines/base-image (kept between CI runs on
# one machine); needs root (mmdebstrap's root mode) and Debian's package mirror. About a minute.
set -euo pipefail

dir="${DATAPIPELINES_BASE_IMAGE_DIR:-/var/cache/datapipelines/base-image}"
out="$dir/jre17-bookworm.tar"
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
echo "base-image.sh: mmdebstrap bookworm + openjdk-17-jre-headless ($arch)..." >&2
# No documentation, manual pages or translations (copyright files stay); no device nodes: container
# runtimes make /dev themselves. (update-alternatives links java's manual page, so its directory must exist.)
SOURCE_DATE_EPOCH=0 mmdebstrap --quiet --variant=minbase --include=openjdk-17-jre-headless \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --skip=output/dev \
  bookworm "$work/rootfs.tar" >&2

diff_id="sha256:$(sha256sum "$work/rootfs.tar" | cut -d' ' -f1)"
gzip -n -6 < "$work/rootfs.tar" > "$work/layer.tar.gz"
rm "$work/rootfs.tar"
cat > "$work/config.json" <<JSON
{"architecture":"$arch","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/usr/lib/jvm/java-17-openjdk-$arch","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"mmdebstrap --variant=minbase --include=openjdk-17-jre-headless bookworm"}]}
JSON
cat > "$work/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["datapipelines/jre:17-bookworm"],"Layers":["layer.tar.gz"]}]
JSON
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work" -cf "$work/image.tar" manifest.json config.json layer.tar.gz
mv "$work/image.tar" "$out"
echo "base-image.sh: $(du -h "$out" | cut -f1) written" >&2
echo "$out"
