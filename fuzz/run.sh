#!/usr/bin/env bash
# Runs fuzz targets one after another, each with a single worker (the machine is shared):
#   fuzz/run.sh [TARGET...] [--seconds N]      (no TARGET: all of them; default 60 s each)
# Needs cargo-fuzz (`cargo install cargo-fuzz`). The toolchain is stable: RUSTC_BOOTSTRAP lets
# cargo-fuzz pass the flags it needs, and no sanitizer is used (the project has no unsafe
# code; overflow checks and debug assertions stay on). Crashes land in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
all=(text markdown html json jsonl manifest pages analysis timeml)
seconds=60
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

# The seeds: the project's own fixtures, read but never written.
seeds_of() {
  case "$1" in
    timeml) echo tests/fixtures/timeml ;;
    manifest) echo tests/fixtures/corpus tests/fixtures/stories/harbor-strike assets/corpus ;;
    *) echo tests/fixtures/corpus tests/fixtures/stories/harbor-strike assets/corpus ;;
  esac
}

export RUSTC_BOOTSTRAP=1
# One core: the analysis would otherwise start a thread per core in every run.
export RAYON_NUM_THREADS="${RAYON_NUM_THREADS:-1}"
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "== fuzz $t for ${seconds}s"
  # shellcheck disable=SC2046
  cargo fuzz run --sanitizer none "$t" "fuzz/corpus/$t" $(seeds_of "$t") -- \
    -max_total_time="$seconds" -max_len=100000 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1
done
