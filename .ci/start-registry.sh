#!/usr/bin/env bash
# Starts Debian's docker-registry (the CNCF distribution registry) on 127.0.0.1:5000, plain HTTP, with its
# storage in a temporary directory, for the image tests and the build example in .ci/run. Installs it
# (and skopeo, which the tests use to inspect what was pushed) when missing. Idempotent: a registry that
# already answers there is used as it is. Prints the address.
set -euo pipefail
address="${1:-127.0.0.1:5000}"

answers() { curl -fsS -o /dev/null --max-time 2 "http://$address/v2/" 2>/dev/null; }

if ! command -v docker-registry >/dev/null || ! command -v skopeo >/dev/null; then
  echo "start-registry.sh: installing docker-registry and skopeo" >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker-registry skopeo >&2
fi
if ! answers; then
  dir="$(mktemp -d /tmp/datapipelines-registry.XXXXXX)"
  cat > "$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: $address
YAML
  nohup docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
  for _ in $(seq 1 100); do
    answers && break
    sleep 0.2
  done
  answers || { echo "start-registry.sh: the registry did not start; see $dir/registry.log" >&2; exit 1; }
  echo "start-registry.sh: registry on $address (storage $dir/storage, pid $!)" >&2
fi
echo "$address"
