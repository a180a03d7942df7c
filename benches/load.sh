#!/usr/bin/env bash
# HTTP throughput and latency under concurrent load, from a separate load generator
# (oha: `cargo install oha`), against `meihe serve` on a 100k + 100k generated index.
# Usage: benches/load.sh [DOCUMENTS] [WORK_DIR] [CONNECTIONS] [SECONDS]
# Reuses WORK_DIR/index when it already holds DOCUMENTS of each kind (see latency.sh).
set -euo pipefail
documents=${1:-100000}
work=${2:-$(mktemp -d)}
connections=${3:-16}
seconds=${4:-20}
cd "$(dirname "$0")/.."
command -v oha > /dev/null || { echo "needs oha: cargo install oha" >&2; exit 1; }
cargo build --release --quiet
meihe=target/release/meihe
benches/generated-index.sh "$documents" "$work"
port=18181
"$meihe" serve --index "$work/index" --no-fixtures --addr "127.0.0.1:$port" --rate 1000000 \
  > "$work/serve.out" 2> "$work/serve.log" &
server=$!
trap 'kill $server 2> /dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/ready" > /dev/null && break
  sleep 0.2
done
base="http://127.0.0.1:$port"
run() {
  local name=$1; shift
  oha -z "${seconds}s" -c "$connections" --no-tui --output-format json "$@" > "$work/oha.json"
  python3 - "$name" "$work/oha.json" <<'PY'
import json, sys
name, path = sys.argv[1], sys.argv[2]
d = json.load(open(path))
s = d["summary"]; p = d["latencyPercentiles"]
codes = d.get("statusCodeDistribution", {})
print(f"| {name} | {s['requestsPerSec']:.0f} | {p['p50']*1e3:.1f} | {p['p99']*1e3:.1f} | {s['successRate']*100:.1f} % | {codes} |")
PY
}
echo "| request | requests/s | p50 ms | p99 ms | success | status codes |"
echo "|---|---|---|---|---|---|"
run "GET /v1/jobs?q=資安工程師" "$base/v1/jobs?q=%E8%B3%87%E5%AE%89%E5%B7%A5%E7%A8%8B%E5%B8%AB"
run "POST /v1/jobs/search (python 後端, 2 facets)" -m POST -T application/json \
  -d '{"q":"python 後端","facets":["city","skills"]}' "$base/v1/jobs/search"
run "POST /v1/resumes/search (資安 + certification filter)" -m POST -T application/json \
  -d '{"q":"資安","filters":{"certifications":[{"id":"ipas-infosec","min_level":"intermediate"}]}}' "$base/v1/resumes/search"
run "GET /v1/jobs/job-g00001000/matches" "$base/v1/jobs/job-g00001000/matches"
run "GET /v1/resumes/cand-g00001000/matches" "$base/v1/resumes/cand-g00001000/matches"
