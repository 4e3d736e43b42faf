#!/usr/bin/env bash
# Saving into a full filesystem must fail cleanly: exit 1, one line naming the file,
# the previous session file byte-for-byte intact, no temporary file left behind.
#
# Mounts a tiny tmpfs (needs root; skipped with a message otherwise). Called by
# .ci/run; runs on its own too: `bash .ci/full-disk.sh [path/to/claimdesk]`.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${1:-}"
if [[ -z "$BIN" ]]; then
  cargo build --quiet --no-default-features --bin claimdesk
  BIN=target/debug/claimdesk
fi

if [[ "$(id -u)" != 0 ]]; then
  echo "full-disk: skipped (mounting a tmpfs needs root)"
  exit 0
fi

WORK="$(mktemp -d)"
MNT="$WORK/mnt"
mkdir -p "$MNT"
cleanup() {
  umount "$MNT" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
if ! mount -t tmpfs -o size=256k tmpfs "$MNT"; then
  echo "full-disk: skipped (could not mount a tmpfs here)"
  exit 0
fi

fail() { echo "full-disk: FAILED: $*"; exit 1; }

# A small session that fits.
printf 'Small story\n\nThe council said the budget rose by 4 percent.\n' > "$WORK/small.txt"
"$BIN" new "$WORK/small.txt" -o "$MNT/story.ron" >/dev/null || fail "could not create the small session"
BEFORE="$(sha256sum "$MNT/story.ron" | cut -d' ' -f1)"

# Fill what is left of the disk.
dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null || true

# Saving a bigger session over it (--force: replacing is what we ask for) must fail
# without touching the old file.
{ printf 'Big story\n\n'; for i in $(seq 1 4000); do printf 'Paragraph %d of a much longer article.\n\n' "$i"; done; } > "$WORK/big.txt"
set +e
"$BIN" new "$WORK/big.txt" -o "$MNT/story.ron" --force >"$WORK/out" 2>"$WORK/err"
CODE=$?
set -e
[[ $CODE == 1 ]] || fail "expected exit code 1, got $CODE"
[[ "$(wc -l < "$WORK/err")" == 1 ]] || fail "expected one line on stderr, got: $(cat "$WORK/err")"
grep -q "story.ron" "$WORK/err" || fail "the error does not name the file: $(cat "$WORK/err")"
grep -q "the disk is full" "$WORK/err" || fail "the error does not say the disk is full: $(cat "$WORK/err")"
# Worded for the command line: nothing is open to come back to.
if grep -q "still open" "$WORK/err"; then fail "the app's wording leaked into the CLI: $(cat "$WORK/err")"; fi
AFTER="$(sha256sum "$MNT/story.ron" | cut -d' ' -f1)"
[[ "$BEFORE" == "$AFTER" ]] || fail "the old session file changed"
"$BIN" show "$MNT/story.ron" >/dev/null || fail "the old session no longer loads"
if ls -A "$MNT" | grep -q '\.tmp-'; then fail "a temporary file was left behind: $(ls -A "$MNT")"; fi

# Re-anchoring in place into the full disk fails the same way.
printf 'Small story\n\nUpdate.\n\nThe council said the budget rose by 4 percent.\n' > "$WORK/small2.txt"
rm -f "$MNT/story.ron.bak"
dd if=/dev/zero of="$MNT/filler2" bs=1k 2>/dev/null || true
set +e
"$BIN" reanchor "$MNT/story.ron" "$WORK/small2.txt" >"$WORK/out" 2>"$WORK/err"
CODE=$?
set -e
if [[ $CODE == 0 ]]; then
  echo "full-disk: note: the small in-place re-anchor still fitted; not a failure"
else
  [[ $CODE == 1 ]] || fail "reanchor: expected exit code 1, got $CODE"
  [[ "$(wc -l < "$WORK/err")" == 1 ]] || fail "reanchor: expected one line, got: $(cat "$WORK/err")"
  AFTER="$(sha256sum "$MNT/story.ron" | cut -d' ' -f1)"
  [[ "$BEFORE" == "$AFTER" ]] || fail "reanchor changed the old session file"
fi

echo "full-disk: ok (a save into a full filesystem failed cleanly, old file intact)"
