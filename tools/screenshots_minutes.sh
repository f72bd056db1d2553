#!/usr/bin/env bash
# Regenerates docs/screenshots/minutes-first-page.png and minutes-last-page.png: the demo's
# minutes (./run demo's meeting, kept in a scratch directory), first and last page at 80 dpi.
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
echo "docs/screenshots/minutes-first-page.png docs/screenshots/minutes-last-page.png ($pages pages)"
