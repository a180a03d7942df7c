#!/usr/bin/env bash
# Search and match latency (p50, p99) at N generated postings and N generated résumés.
# Usage: benches/latency.sh [DOCUMENTS] [WORK_DIR]
# Reuses WORK_DIR/index when it already holds DOCUMENTS of each kind.
set -euo pipefail
documents=${1:-100000}
work=${2:-$(mktemp -d)}
cd "$(dirname "$0")/.."
cargo build --release --quiet
meihe=target/release/meihe
have=$("$meihe" stats --index "$work/index" --json 2>/dev/null || echo '{}')
if [[ "$have" != *"\"jobs\":$documents,"* || "$have" != *"\"resumes\":$documents,"* ]]; then
  "$meihe" gen --jobs "$documents" --resumes "$documents" --seed 1 --out "$work/corpus"
  rm -rf "$work/index"
  for kind in jobs resumes; do
    "$meihe" index --index "$work/index" --kind "$kind" "$work/corpus/$kind.jsonl" > /dev/null
  done
  rm -rf "$work/corpus"
fi
"$meihe" stats --index "$work/index"
MEIHE_BENCH_INDEX="$work/index" cargo bench --quiet -p meihe-query --bench latency
