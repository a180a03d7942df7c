#!/usr/bin/env bash
# Makes sure WORK_DIR/index holds DOCUMENTS generated postings and DOCUMENTS generated
# résumés (`meihe gen --seed 1`), building it only when it does not.
# Usage: benches/generated-index.sh DOCUMENTS WORK_DIR   (run from the project root)
set -euo pipefail
documents=$1
work=$2
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
