#!/usr/bin/env bash
# Makes PDFs with known text: a few development-set articles (expected.html),
# without images and embeds (no network), converted by LibreOffice. Each PDF's
# reference text is the text of the .html beside it.
#   scripts/make_pdfs.sh [WEB_PAGES_DIR] [OUT_DIR]
set -euo pipefail
data=${1:-$(dirname "$0")/../../../../shared/data/web-pages}
out=${2:-$(dirname "$0")/../pdfs}
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# (google-sre-book-1 was tried too: LibreOffice 7.4 spun on it for 10 minutes.)
for name in 002 ars-1 citylab-1 keep-tabular-data lemonde-1 medium-1 nytimes-2 wikipedia; do
  {
    printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>%s</title></head><body>\n' "$name"
    perl -0pe 's/<(img|source|picture|iframe|video|audio|embed|object)\b[^>]*>//gis' \
      "$data/pages/$name/expected.html"
    printf '\n</body></html>\n'
  } > "$out/$name.html"
  if ! timeout 300 nice -n 19 soffice -env:UserInstallation="file://$profile" --headless \
    --convert-to pdf:writer_web_pdf_Export --outdir "$out" "$out/$name.html" >/dev/null; then
    echo "$name: LibreOffice failed or took over 300 s; skipped" >&2
    rm -f "$out/$name.html" "$out/$name.pdf"
  fi
done
ls -l "$out"/*.pdf
