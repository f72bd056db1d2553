#!/usr/bin/env bash
# A whole meeting with councilvote-cli against a real councilvote-server: keys, setup from data/,
# a 2-of-3 key ceremony run by three trustee processes at once, a poll with a remote phase, votes,
# close, tally, two decryptions, publication, and the auditor's verification.
#
#   client/cli/e2e.sh PATH/TO/councilvote-cli PATH/TO/councilvote-server PATH/TO/data
#
# Runs in a temporary directory (removed at the end unless CV_E2E_KEEP=1); exits non-zero on the
# first failure.
set -euo pipefail
CLI=$1
SRV=$2
DATA=$3
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ "${CV_E2E_KEEP:-0}" = 1 ]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
cd "$WORK"
export CV_PASSPHRASE=e2e-passphrase
unset CV_KEY CV_BUNDLE

step() { echo "== $*"; }
expect() { # expect TEXT FILE
  grep -qF -- "$1" "$2" || { echo "expected \"$1\" in $2:"; cat "$2"; exit 1; }
}

# A free port: ask the kernel for one by binding port 0 would need a helper; probe instead.
PORT=""
for p in $(seq $((20000 + $$ % 20000)) $((20100 + $$ % 20000))); do
  if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then PORT=$p; break; fi
done
[ -n "$PORT" ] || { echo "no free port"; exit 1; }

step keys
"$CLI" --insecure-fast-kdf keygen --out sec.key --label secretary --role secretary > sec.txt
for i in 1 2 3 4 5; do "$CLI" --insecure-fast-kdf keygen --out m$i.key --label $i > m$i.txt; done
key() { awk '/^signing key:/ {print $3}' "$1"; }
box() { awk '/^box key:/ {print $3}' "$1"; }

step server
"$SRV" init --meeting meet --meeting-id e2e-meeting --council "Hội đồng Thi đua - Khen thưởng" \
  --session "Phiên 1" --date 2025-06-15 --place "Vĩnh Long" --secretary-key "$(key sec.txt)" \
  --address 127.0.0.1:$PORT > init.txt
"$SRV" serve --meeting meet --listen 127.0.0.1:$PORT > serve.log 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do grep -q listening serve.log 2>/dev/null && break; sleep 0.1; done
expect listening serve.log
export CV_BUNDLE=meet/bundle.json
"$CLI" bundle-info > bundle.txt
expect "meeting:         e2e-meeting" bundle.txt

step setup
head -6 "$DATA/roster.csv" > roster.csv
"$CLI" --key sec.key define-rules "$DATA/rules.csv" > /dev/null
"$CLI" --key sec.key import-roster roster.csv > out.txt && expect "5 members" out.txt
"$CLI" --key sec.key import-nominees "$DATA/nominees.csv" > out.txt && expect "60 nominees" out.txt
for i in 1 2 3 4 5; do "$CLI" --key sec.key register-key $i "$(key m$i.txt)" > /dev/null; done
"$CLI" --key sec.key attendance 1=present 2=present 3=present 4=remote 5=present > out.txt
expect "4 present, 1 remote" out.txt
"$CLI" --key sec.key set-trustees --threshold 2 1:"$(box m1.txt)" 2:"$(box m2.txt)" 3:"$(box m3.txt)" > /dev/null

step ceremony
pids=()
for i in 1 2 3; do
  "$CLI" --insecure-fast-kdf --key m$i.key ceremony --poll-seconds 1 > ceremony$i.txt 2>&1 &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
for i in 1 2 3; do expect "ceremony complete" ceremony$i.txt; done

step poll
"$CLI" --key sec.key open-poll --poll p1 --title "Bỏ phiếu thử" --nominees 1-5 --nominees-csv "$DATA/nominees.csv" \
  --phase remote --remote-minutes 30 > out.txt
expect "the definition verifies" out.txt
"$CLI" --key m4.key vote --poll p1 --all agree > out.txt && expect "tracking code:" out.txt
"$CLI" --key sec.key open-room --poll p1 > /dev/null
"$CLI" --key m1.key vote --poll p1 --choices agree,agree,disagree,blank,agree > /dev/null
"$CLI" --key m2.key vote --poll p1 --all agree > /dev/null
"$CLI" --key m3.key vote --poll p1 --all disagree > /dev/null
"$CLI" --key m5.key vote --poll p1 --choices agree,blank,agree,agree,agree > /dev/null
"$CLI" --key m5.key vote --poll p1 --all agree > out.txt && expect "already voted" out.txt
"$CLI" --key m5.key lookup --poll p1 > out.txt && expect "entry checked" out.txt
"$CLI" --key sec.key turnout --poll p1 > out.txt && expect "voted: 1,2,3,4,5" out.txt
"$CLI" --key sec.key close-poll --poll p1 > out.txt && expect "signature verified" out.txt

step tally
"$CLI" --key sec.key start-tally --poll p1 > /dev/null
"$CLI" --key m1.key decrypt --poll p1 > /dev/null
"$CLI" --key m3.key decrypt --poll p1 > out.txt && expect "2 of the 2 needed" out.txt
"$CLI" --key sec.key publish --poll p1 > out.txt && expect "statement signature verified" out.txt

step audit
code=$(grep -o '"tracking_code":"[0-9a-f]*"' m1.receipt-p1.json | cut -d'"' -f4)
"$CLI" verify --poll p1 --code "$code" > out.txt && expect "every check passed" out.txt
"$CLI" record --poll p1 > out.txt && expect "record digest" out.txt
"$CLI" board > out.txt && expect "chain verified" out.txt
echo "1 passed, 0 failed"
