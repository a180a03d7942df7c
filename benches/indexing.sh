#!/usr/bin/env bash
# Indexing throughput and peak memory at 100k generated postings and 100k résumés.
# Usage: benches/indexing.sh [DOCUMENTS] [WORK_DIR]
set -euo pipefail
documents=${1:-100000}
work=${2:-$(mktemp -d)}
cd "$(dirname "$0")/.."
cargo build --release --quiet
meihe=target/release/meihe
"$meihe" gen --jobs "$documents" --resumes "$documents" --seed 1 --out "$work/corpus"
rm -rf "$work/index"
for kind in jobs resumes; do
  file="$work/corpus/$kind.jsonl"
  bytes=$(stat -c %s "$file")
  /usr/bin/time -f "%e %M" -o "$work/time-$kind" "$meihe" index --index "$work/index" --kind "$kind" "$file" > /dev/null
  read -r seconds peak_kib < "$work/time-$kind"
  awk -v kind="$kind" -v n="$documents" -v bytes="$bytes" -v s="$seconds" -v kib="$peak_kib" 'BEGIN {
    printf "%s: %d documents, %.1f MB in %.2f s: %.0f docs/s, %.1f MB/s, peak RSS %.0f MiB\n",
      kind, n, bytes / 1e6, s, n / s, bytes / 1e6 / s, kib / 1024 }'
done
"$meihe" stats --index "$work/index"
