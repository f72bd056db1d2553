#!/usr/bin/env python3
"""A changed record file is refused: each case copies a valid record file (docs/record.md §5), changes
it, runs `cv_verify.py --record` on the copy and requires exit status 1, the verdict line
"RECORD INVALID: <check>: …" naming the expected check, and for some cases the result of other
checks (a record changed on a re-chained board passes board.chain, fails record.statement first and
record.counts too). The unchanged file must verify first.

  python3 tools/pyverify/test_record_tamper.py FILE"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)

import curve  # noqa: E402
import wire  # noqa: E402


def dump(d):
    """A line as the reference writes it: compact JSON, members sorted by name, UTF-8."""
    return json.dumps(d, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()


def entries(lines):
    """(index, entry object) of the board entry lines (all but the header and the statement)."""
    return [(i, json.loads(line)) for i, line in enumerate(lines[1:-1], 1)]


def first_ballot(lines):
    poll = json.loads(lines[0])["poll"]
    return next(i for i, e in entries(lines) if e["kind"] == "ballot" and e.get("poll") == poll)


def result_line(lines):
    return next(i for i, e in entries(lines) if e["kind"] == "result")


def rechain(lines, start):
    """Every entry hash from line `start` on recomputed (docs/storage.md §2), each prev relinked."""
    prev = bytes.fromhex(json.loads(lines[start - 1])["hash"]) if start > 1 else bytes(32)
    for i in range(start, len(lines) - 1):
        e = json.loads(lines[i])
        payload = e["payload_text"].encode() if "payload_text" in e else bytes.fromhex(e["payload"])
        e["prev"] = prev.hex()
        prev = wire.entry_hash(e["seq"], e["kind"], e.get("poll", ""), e["created_at"], payload, prev)
        e["hash"] = prev.hex()
        lines[i] = dump(e)


def flip_hex(s, i):
    return s[:i] + "%x" % (int(s[i], 16) ^ 1) + s[i + 1:]


# ---- the changes (each takes and returns the list of lines, without their LF) ----------------


def ballot_digit_flipped(lines):
    i = first_ballot(lines)
    e = json.loads(lines[i])
    e["payload"] = flip_hex(e["payload"], 200)  # inside the first contest's ciphertext
    lines[i] = dump(e)
    return lines


ALPHA_0 = 2 * (3 + 1 + 32 + 32 + 4 + 1 + 4)  # hex offset of contest 0's first alpha (protocol.md §9.2)


def ballot_changed_rechained(lines):
    """One digit of a ballot's first alpha changed so that it is still a point, on a board whose
    every later hash was recomputed: the chain holds, the ballot's signature does not."""
    i = first_ballot(lines)
    e = json.loads(lines[i])
    s = e["payload"]
    e["payload"] = next(t for k in range(ALPHA_0, ALPHA_0 + 64) for d in "0123456789abcdef"
                        for t in [s[:k] + d + s[k + 1:]]
                        if t != s and curve.ristretto_decode(bytes.fromhex(t[ALPHA_0:ALPHA_0 + 64])))
    lines[i] = dump(e)
    rechain(lines, i)
    return lines


def line_removed(lines):
    del lines[first_ballot(lines)]
    return lines


def lines_swapped(lines):
    i = first_ballot(lines)
    lines[i], lines[i + 1] = lines[i + 1], lines[i]
    return lines


def statement_removed(lines):
    return lines[:-1]


def line_after_statement(lines):
    return lines + [lines[-1]]


def bundle_min_ballots(lines):
    h = json.loads(lines[0])
    h["bundle"]["min_ballots"] += 1 if h["bundle"]["min_ballots"] < 9999 else -1
    lines[0] = dump(h)
    return lines


def header_entries(lines):
    h = json.loads(lines[0])
    h["entries"] += 1
    lines[0] = dump(h)
    return lines


def header_roster_key(lines):
    h = json.loads(lines[0])
    h["roster"][0]["key"] = flip_hex(h["roster"][0]["key"], 63)
    lines[0] = dump(h)
    return lines


def header_duplicate_member(lines):
    lines[0] = lines[0][:-1] + b',"poll":' + json.dumps(json.loads(lines[0])["poll"]).encode() + b"}"
    return lines


def header_fraction(lines):
    h = json.loads(lines[0])
    lines[0] = lines[0].replace(b'"entries":%d' % h["entries"], b'"entries":%d.0' % h["entries"])
    return lines


def record_count_changed(lines):
    """A count of the record changed inside the result entry's payload_text, the entry re-chained."""
    i = result_line(lines)
    e = json.loads(lines[i])
    rec = json.loads(e["payload_text"])
    c = next(c for c in rec["contests"] if c["kind"] == "commendation")
    c["agree"], c["disagree"] = (c["agree"] - 1, c["disagree"] + 1) if c["agree"] else (1, c["disagree"] - 1)
    e["payload_text"] = dump(rec).decode()
    lines[i] = dump(e)
    rechain(lines, i)
    return lines


def chair_decision_forged(lines):
    """The chair's decision names the other tied nominee, its signature left as it was; re-chained."""
    i = next(i for i, e in entries(lines) if e["kind"] == "chair_decision")
    e = json.loads(lines[i])
    d = json.loads(e["payload_text"])
    d["nominees"] = [2]
    e["payload_text"] = dump(d).decode()
    lines[i] = dump(e)
    rechain(lines, i)
    return lines


def record_member_changed(lines):
    """The record names a member who is not on the attendance entry in place of member 3; re-chained."""
    i = result_line(lines)
    e = json.loads(lines[i])
    rec = json.loads(e["payload_text"])
    rec["members"] = [m for m in rec["members"] if m["member_no"] != 3] + [{"member_no": 9, "full_name": "X",
                                                                            "council_role": "member"}]
    e["payload_text"] = dump(rec).decode()
    lines[i] = dump(e)
    rechain(lines, i)
    return lines


def statement_sig(lines):
    s = json.loads(lines[-1])
    s["statement"]["sig"] = flip_hex(s["statement"]["sig"], 10)
    lines[-1] = dump(s)
    return lines


def raw(fn):
    """A change of the file's bytes rather than of its lines."""
    fn.raw = True
    return fn


@raw
def no_final_newline(data):
    return data[:-1]


@raw
def crlf(data):
    """The second line ends with CR LF."""
    first = data.index(b"\n") + 1
    return data[:first] + data[first:].replace(b"\n", b"\r\n", 1)


# (change, the check named by "RECORD INVALID", text its detail must hold, {another check: its
#  expected result}, extra arguments of cv_verify.py)
CASES = [
    (ballot_digit_flipped, "board.chain", "the hash does not match", {}, []),
    (line_removed, "board.chain", "was expected", {}, []),
    (lines_swapped, "board.chain", "was expected", {}, []),
    (statement_removed, "board.complete", "without the record statement", {"board.chain": "PASS"}, []),
    (bundle_min_ballots, "bundle.signature", "does not verify", {}, []),
    (record_count_changed, "record.statement", "digest",
     {"board.chain": "PASS", "record.counts": "FAIL", "record.binding": "PASS"}, []),
    (header_roster_key, "roster.members", "the key is not", {"board.chain": "PASS"}, []),
    (ballot_changed_rechained, "ballots.verify", "signature: rule 4",
     {"board.chain": "PASS", "record.statement": "FAIL"}, []),
    (statement_sig, "record.statement", "signature", {}, []),
    (chair_decision_forged, "record.statement", "not the result entry", {"board.chain": "PASS", "record.chair_decisions": "FAIL"},
     []),
    (record_member_changed, "record.statement", "digest", {"board.chain": "PASS", "record.binding": "FAIL"}, []),
    (header_entries, "board.complete", "the header announces", {}, []),
    (line_after_statement, "board.chain", "a line after the record statement", {}, []),
    (header_duplicate_member, "file.header", "duplicate member name", {}, []),
    (header_fraction, "file.header", "integers", {}, []),
    (no_final_newline, "board.chain", "without a newline", {}, []),
    (crlf, "board.chain", "CR", {}, []),
    (lambda lines: lines, "bundle.signature", "--server-key", {}, ["--server-key", "00" * 31 + "01"]),
]


def run(path, extra=()):
    p = subprocess.run([sys.executable, os.path.join(HERE, "cv_verify.py"), "--record", path, *extra],
                       capture_output=True, text=True)
    lines = p.stdout.strip().splitlines()
    results = {line.split()[1]: line.split()[0] for line in lines if line[:4] in ("PASS", "FAIL", "SKIP")}
    return p.returncode, (lines[-1] if lines else p.stderr.strip()), results


def one_case(tmp, n, case, data):
    fn, check, contains, others, extra = case
    path = os.path.join(tmp, f"{n}.jsonl")
    if getattr(fn, "raw", False):
        changed = fn(data)
    else:
        changed = b"".join(line + b"\n" for line in fn(data.split(b"\n")[:-1]))
    with open(path, "wb") as fh:
        fh.write(changed)
    rc, last, results = run(path, extra)
    bad = [f"{c} is {results.get(c, 'missing')}, expected {r}" for c, r in others.items() if results.get(c) != r]
    ok = (rc == 1 and last.startswith(f"RECORD INVALID: {check}: ") and contains in last and not bad and
          (changed != data or extra))
    name = getattr(fn, "__name__", "?").replace("<lambda>", "the right file, another --server-key")
    return ok, f"{'ok  ' if ok else 'BAD '} {name}: expected {check}; got exit {rc}: {last}" + \
        "".join(f"; {b}" for b in bad)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", help="a valid record file")
    args = ap.parse_args()
    with open(args.file, "rb") as fh:
        data = fh.read()
    rc, last, _ = run(args.file)
    print(f"{'ok  ' if rc == 0 else 'BAD '} the file itself: exit {rc}: {last}")
    if rc != 0:
        return 1
    failures = 0
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        for ok, line in pool.map(lambda nc: one_case(tmp, nc[0], nc[1], data), enumerate(CASES)):
            failures += not ok
            print(line)
    print(f"{len(CASES) - failures} of {len(CASES)} changes refused as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
