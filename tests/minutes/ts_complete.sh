#!/bin/sh
# The English translation of the minutes is complete and up to date: lupdate run on a copy of the
# committed .ts (the options of minutes/CMakeLists.txt) changes nothing — no text of minutes/src/
# is missing from it, none is left in it that the sources no longer have — and no message is
# unfinished.   ts_complete.sh LUPDATE SOURCE_DIR
set -eu
lupdate=$1 src=$2
ts="$src/minutes/translations/minutes_en.ts"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$ts" "$tmp/minutes_en.ts"
"$lupdate" "$src/minutes/src" -source-language vi -target-language en -locations none -no-obsolete \
  -ts "$tmp/minutes_en.ts" >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
if ! cmp -s "$ts" "$tmp/minutes_en.ts"; then
  echo "minutes_en.ts is not up to date with minutes/src (run the lupdate line of minutes/CMakeLists.txt):"
  diff "$ts" "$tmp/minutes_en.ts" || true
  exit 1
fi
if grep -n 'type="unfinished"\|type="vanished"\|type="obsolete"' "$ts"; then
  echo "minutes_en.ts has messages without an English translation"
  exit 1
fi
n=$(grep -c '<source>' "$ts")
[ "$n" -ge 40 ] || { echo "minutes_en.ts has only $n messages"; exit 1; }
echo "minutes_en.ts: $n messages, all translated, up to date"
