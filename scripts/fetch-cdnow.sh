#!/usr/bin/env bash
# Fetches the CDNOW sample (2,357 customers, 1997-01 to 1998-06) used by the
# CLV reference test (crates/engine/tests/clv_reference.rs). The file ships in the
# PyPI wheel of `lifetimes` (lifetimes/datasets/CDNOW_sample.txt); it is not
# committed. Prints the path; run the test with
#   CDNOW_SAMPLE="$(scripts/fetch-cdnow.sh)" cargo test -p segscope-engine --test clv_reference
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/target/reference/CDNOW_sample.txt"

if [ ! -f "$DEST" ]; then
  mkdir -p "$(dirname "$DEST")"
  TMP="$(mktemp -d)"
  trap 'rm -rf "$TMP"' EXIT
  pip download lifetimes==0.11.3 --no-deps -d "$TMP" >&2
  python3 - "$TMP" "$DEST" <<'PY'
import glob, sys, zipfile
wheel = [w for w in glob.glob(sys.argv[1] + "/*.whl") if "0.11.3" in w][0]
with zipfile.ZipFile(wheel) as z:
    data = z.read("lifetimes/datasets/CDNOW_sample.txt")
with open(sys.argv[2], "wb") as f:
    f.write(data)
PY
fi
echo "$DEST"
