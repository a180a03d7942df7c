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
benches/generated-index.sh "$documents" "$work"
"$meihe" stats --index "$work/index"
MEIHE_BENCH_INDEX="$work/index" cargo bench --quiet -p meihe-query --bench latency
