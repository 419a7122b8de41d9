# Sourced by scripts/serve and scripts/test: installs what is missing, skips
# what is present, so a fresh machine works and reruns are fast.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/e2e/node_modules/.bin:$PATH"

TRUNK_VERSION="0.21.14"

log() { printf '\n==> %s\n' "$*"; }

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "installing Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (takes several minutes once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
ensure_wasm_bindgen() {
  local want
  want="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    log "installing wasm-bindgen-cli $want"
    # --locked fails on this registry snapshot (a missing transitive version).
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

# npm packages of e2e/: binaryen (wasm-opt for the release build) and playwright-core.
ensure_npm_packages() {
  if [ ! -x "$ROOT/e2e/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/e2e/node_modules/playwright-core" ] \
     || [ "$ROOT/e2e/package-lock.json" -nt "$ROOT/e2e/node_modules/.package-lock.json" ]; then
    log "installing npm packages of e2e/"
    (cd "$ROOT/e2e" && npm ci --no-audit --no-fund)
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Chromium and ChromeDriver (Debian packages)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
  fi
}

# pdftoppm (poppler-utils) turns the printed report into pages to look at; the
# Noto CJK fonts draw Chinese in headless screenshots and PDFs.
ensure_print_tools() {
  if ! command -v pdftoppm >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    log "installing poppler-utils and fonts-noto-cjk (Debian packages)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq poppler-utils fonts-noto-cjk
  fi
}

# The warehouse engines the SQL equality check runs on (docs/warehouse.md#tests):
# DuckDB, PySpark and sqlglot from PyPI in a venv under target/, pinned; the
# PostgreSQL server and Java 17 (for Spark) from Debian when the image lacks them.
export WAREHOUSE_PY="$ROOT/target/warehouse-py"
ensure_warehouse_engines() {
  if ! "$WAREHOUSE_PY/bin/python" -c "import duckdb, pyspark, sqlglot" 2>/dev/null; then
    log "installing DuckDB, PySpark and sqlglot (pip, into target/warehouse-py)"
    python3 -m venv "$WAREHOUSE_PY"
    "$WAREHOUSE_PY/bin/pip" install -q duckdb==2.0.1 pyspark==4.3.0 sqlglot==30.31.0
  fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v java >/dev/null; then
    log "installing the PostgreSQL server and Java 17 (Debian packages)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql openjdk-17-jre-headless
  fi
  PG_BIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
  export PG_BIN
}

# Writes the warehouse cases and checks every script on DuckDB, PostgreSQL and
# Spark, and that the BigQuery script parses.
warehouse_check() {
  local cases="$ROOT/target/warehouse-cases"
  rm -rf "$cases"
  cargo run --release -q -p segscope-session --example warehouse_cases -- "$cases" >/dev/null
  "$WAREHOUSE_PY/bin/python" "$ROOT/scripts/warehouse-check.py" "$cases"
}

build_site() {
  log "building the release site into dist/"
  (cd "$ROOT" && trunk build --release)
}

# Builds fuzz/fuzz_targets/ingest.rs as a libFuzzer binary with the stable
# toolchain (the coverage passes cargo-fuzz would ask for; --target keeps
# RUSTFLAGS off build scripts) and runs it for $1 seconds from the seeds.
fuzz_ingest() {
  local host corpus
  host="$(rustc -vV | sed -n 's/^host: //p')"
  (cd "$ROOT/fuzz" && CARGO_TARGET_DIR="$ROOT/fuzz/target" RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing" \
    cargo build --release --locked --target "$host" --bin ingest)
  corpus="$(mktemp -d)"
  cp "$ROOT"/fuzz/seeds/* "$corpus"/
  mkdir -p "$ROOT/fuzz/artifacts"
  "$ROOT/fuzz/target/$host/release/ingest" -max_total_time="$1" -rss_limit_mb=2048 \
    -artifact_prefix="$ROOT/fuzz/artifacts/" "$corpus"
}
