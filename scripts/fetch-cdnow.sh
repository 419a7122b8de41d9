#!/usr/bin/env bash
# Fetches the CDNOW data used by the CLV reference test
# (crates/engine/tests/clv_reference.rs): the sample (2,357 customers,
# 1997-01 to 1998-06) and, next to it, the master set it was drawn from
# (23,570 customers). Both ship in the PyPI wheel of `lifetimes`
# (lifetimes/datasets/CDNOW_sample.txt and CDNOW_master.txt); they are not
# committed. Prints the sample's path (the test finds the master beside it);
# run the test with
#   CDNOW_SAMPLE="$(scripts/fetch-cdnow.sh)" cargo test -p segscope-engine --test clv_reference
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/target/reference"
DEST="$DIR/CDNOW_sample.txt"

if [ ! -f "$DEST" ] || [ ! -f "$DIR/CDNOW_master.txt" ]; then
  mkdir -p "$DIR"
  TMP="$(mktemp -d)"
  trap 'rm -rf "$TMP"' EXIT
  pip download lifetimes==0.11.3 --no-deps -d "$TMP" >&2
  python3 - "$TMP" "$DIR" <<'PY'
import glob, os, sys, zipfile
wheel = [w for w in glob.glob(sys.argv[1] + "/*.whl") if "0.11.3" in w][0]
with zipfile.ZipFile(wheel) as z:
    for name in ("CDNOW_sample.txt", "CDNOW_master.txt"):
        data = z.read("lifetimes/datasets/" + name)
        with open(os.path.join(sys.argv[2], name), "wb") as f:
            f.write(data)
PY
fi
echo "$DEST"
