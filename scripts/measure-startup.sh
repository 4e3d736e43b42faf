#!/usr/bin/env bash
# Measures what `cargo bench` cannot: the release binary's start-up time to its first
# painted frame on the seed article, and its peak memory with the large session open.
# Needs Xvfb when no display is available (apt-get install -y xvfb), and GNU time.
# Results go in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-15}

cargo build --release --quiet --bin claimdesk --example sample_session
large=target/large-session.ron
[ -f "$large" ] || target/release/examples/sample_session --large "$large"

export CLAIMDESK_EXIT_AFTER_FIRST_FRAME=1
export CLAIMDESK_DATA_DIR=$(mktemp -d) HOME=$(mktemp -d)
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :93 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb' EXIT
  export DISPLAY=:93
  sleep 1
fi

# Start to first painted frame: the script notes the launch time, and the app (in
# this mode) prints how long after it the first frame had been painted, then closes.
# Process teardown is not part of start-up, so it is not counted; the wall time of
# the whole run is printed too.
times=(); walls=()
for _ in $(seq "$runs"); do
  start=$(date +%s%3N)
  out=$(CLAIMDESK_STARTED_AT_MS=$start target/release/claimdesk 2>&1 >/dev/null || true)
  end=$(date +%s%3N)
  ms=$(echo "$out" | sed -n 's/.*first frame painted \([0-9]*\) ms.*/\1/p')
  [ -n "$ms" ] || { echo "no first-frame report; app said: $out" >&2; exit 1; }
  times+=("$ms"); walls+=($(( end - start )))
done
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %d ms, min %d ms, max %d ms", a[int((NR+1)/2)], a[1], a[NR]}'; }
echo "start to first painted frame (seed article, $runs runs): $(printf '%s\n' "${times[@]}" | stats)"
echo "whole run including window teardown: $(printf '%s\n' "${walls[@]}" | stats)"

peak=$( { /usr/bin/time -v target/release/claimdesk "$large" >/dev/null; } 2>&1 | awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}')
echo "peak memory with the 10,000-claim session open: $(( peak / 1024 )) MB"
