#!/usr/bin/env bash
# Renders the fixture session's HTML report in headless Chromium and checks that every
# claim's wording and every verdict label is in the rendered page (DOM text, after the
# browser has parsed it: so escaped markup shows up as text, and a raw <script> would not).
#
# Usage: .ci/browser-report.sh [OUT_DIR]   (default: a temporary folder)
# Needs: chromium (Debian: apt-get install -y chromium), python3, cargo.
# Leaves report.html, dom.html and screenshot.png in OUT_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

out_dir="${1:-$(mktemp -d)}"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"
fixture="tests/fixtures/session.ron"

chromium_bin="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$chromium_bin" ]; then
  echo "browser-report: chromium is not installed (apt-get install -y chromium)" >&2
  exit 1
fi

# The same binary `cargo test` builds, so in CI this is already up to date.
cargo build --quiet --bin claimdesk
bin="${CARGO_TARGET_DIR:-target}/debug/claimdesk"

config_dir="$(mktemp -d)"
CLAIMDESK_CONFIG_DIR="$config_dir" "$bin" export "$fixture" --format html \
  --date 2026-11-27 --org-name "Example Fact Check" --org-url "https://factcheck.example.org" \
  --reviewer "Ada Ngozi" --url "https://factcheck.example.org/checks/jobs-speech" \
  --article-url "https://news.example.com/2026/11/jobs-speech" -o "$out_dir/report.html"

run_chromium() {
  local profile
  profile="$(mktemp -d)"
  timeout 120 "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --user-data-dir="$profile" --hide-scrollbars "$@" 2>"$out_dir/chromium.log"
  rm -rf "$profile"
}

run_chromium --dump-dom "file://$out_dir/report.html" >"$out_dir/dom.html"
run_chromium --screenshot="$out_dir/screenshot.png" --window-size=1100,2400 "file://$out_dir/report.html" >/dev/null

if [ ! -s "$out_dir/dom.html" ]; then
  echo "browser-report: chromium produced no DOM (see $out_dir/chromium.log)" >&2
  exit 1
fi
if [ ! -s "$out_dir/screenshot.png" ]; then
  echo "browser-report: chromium produced no screenshot (see $out_dir/chromium.log)" >&2
  exit 1
fi

# Expected texts come from the session file itself (claims' wording and the scheme's
# names of the verdicts in use), through the CLI's CSV export, so this script needs no
# RON parser. The rendered DOM's text is compared after HTML-unescaping.
CLAIMDESK_CONFIG_DIR="$config_dir" "$bin" export "$fixture" --format csv >"$out_dir/claims.csv"
rm -rf "$config_dir"

python3 - "$out_dir/dom.html" "$out_dir/claims.csv" <<'PY'
import csv, html, re, sys
from html.parser import HTMLParser

class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.scripts = [], 0
    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
    def handle_data(self, data):
        self.parts.append(data)

dom = open(sys.argv[1], encoding="utf-8").read()
parser = Text()
parser.feed(dom)
text = re.sub(r"\s+", " ", "".join(parser.parts))
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
missing = []
for row in rows:
    claim = re.sub(r"\s+", " ", row["claim"].strip())
    if claim not in text:
        missing.append(f"claim #{row['id']}: {claim!r}")
    if row["status"] not in text:
        missing.append(f"verdict of claim #{row['id']}: {row['status']!r}")
if parser.scripts:
    missing.append(f"{parser.scripts} <script> element(s) in the rendered page")
if not rows:
    missing.append("the fixture has no claims")
if missing:
    print("browser-report: FAILED", file=sys.stderr)
    for m in missing:
        print("  missing or wrong: " + m, file=sys.stderr)
    sys.exit(1)
print(f"browser-report: {len(rows)} claims and their verdicts are in the rendered page")
PY
echo "browser-report: screenshot at $out_dir/screenshot.png"
