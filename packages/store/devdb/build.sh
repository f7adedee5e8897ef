#!/usr/bin/env bash
# Builds the embedded development database (FerretDB + SQLite) from the Go module
# registry into bin/. Rebuilds only when main.go, go.mod or go.sum change.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="$here/bin/parley-devdb"
stamp="$here/bin/.source-hash"

if ! command -v go >/dev/null 2>&1; then
  echo "parley-devdb: Go is not installed. Install Go 1.22+ (https://go.dev/dl/) to build the" >&2
  echo "embedded development database, or set MONGODB_URI to use a MongoDB server instead." >&2
  exit 1
fi

hash="$(cat "$here/main.go" "$here/go.mod" "$here/go.sum" | sha256sum | cut -d' ' -f1)"
if [[ -x "$bin" && -f "$stamp" && "$(cat "$stamp")" == "$hash" ]]; then
  exit 0
fi

echo "parley-devdb: building the embedded development database (first time takes a minute)..." >&2
mkdir -p "$here/bin"
(cd "$here" && CGO_ENABLED=0 go build -trimpath -o "$bin.tmp" . && mv "$bin.tmp" "$bin")
echo "$hash" >"$stamp"
echo "parley-devdb: built $bin" >&2
