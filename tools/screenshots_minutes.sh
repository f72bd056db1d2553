#!/usr/bin/env bash
# Regenerates docs/screenshots/minutes-first-page.png and minutes-last-page.png: the demo's
# minutes (./run demo's meeting, kept in a scratch directory), first and last page at 80 dpi; and
# minutes-en-first-page.png, minutes-en-last-page.png: the same record's minutes in English.
#   tools/screenshots_minutes.sh [BUILD_DIR]   (default: build; needs councilvote-demo built)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
QT_QPA_PLATFORM=offscreen "$build/tools/councilvote-demo" --keep "$tmp/meeting" > "$tmp/demo.log"
pdf="$tmp/meeting-record.pdf"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
mkdir -p docs/screenshots
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$pdf" docs/screenshots/minutes-first-page
pdftoppm -r 80 -png -f "$pages" -l "$pages" -singlefile "$pdf" docs/screenshots/minutes-last-page
en="$tmp/meeting-record-en.pdf"
QT_QPA_PLATFORM=offscreen "$build/minutes/councilvote-minutes" "$tmp/meeting-record.jsonl" --out "$en" --lang en >/dev/null
en_pages=$(pdfinfo "$en" | awk '/^Pages:/ {print $2}')
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$en" docs/screenshots/minutes-en-first-page
pdftoppm -r 80 -png -f "$en_pages" -l "$en_pages" -singlefile "$en" docs/screenshots/minutes-en-last-page
echo "docs/screenshots/minutes-first-page.png docs/screenshots/minutes-last-page.png ($pages pages)"
echo "docs/screenshots/minutes-en-first-page.png docs/screenshots/minutes-en-last-page.png ($en_pages pages)"
