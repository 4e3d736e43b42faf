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

times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  target/release/claimdesk >/dev/null 2>&1
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
echo "start to first frame (seed article, $runs runs): median ${median} ms, min $(echo "$sorted" | head -1) ms, max $(echo "$sorted" | tail -1) ms"

peak=$( { /usr/bin/time -v target/release/claimdesk "$large" >/dev/null; } 2>&1 | awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}')
echo "peak memory with the 10,000-claim session open: $(( peak / 1024 )) MB"
