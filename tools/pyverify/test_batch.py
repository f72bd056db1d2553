#!/usr/bin/env python3
"""The batched proof check (batch.py) against the one-by-one check of docs/protocol.md §7.2, on the
ballot vector: the valid ballot passes both; a ballot with one response z_j changed (so that eq_c
still holds and only eq_a[j], eq_b[j] break) and signed again by the member is refused by the
combined equation itself, and both paths report the same first failing check and equation.

  python3 tools/pyverify/test_batch.py --vectors docs/test-vectors"""

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)

import batch  # noqa: E402
from cv_verify import manifest, pt  # noqa: E402
from protocol import Fail, verify_ballot  # noqa: E402
from test_tamper import BALLOT_HEADER, COMMENDATION_BYTES, resign  # noqa: E402

BRANCHES = 5 + 64 + 4  # kind, u32(#ciphertexts), alpha beta, u32(k): where branch 0 of a contest starts


def z_offset(contest, branch, general_sum=False):
    """Byte offset of z_branch in the proof of contest `contest` (commendations before it), or in
    the sum proof of a general contest of 3 options right after them (protocol.md §9.2)."""
    start = BALLOT_HEADER + COMMENDATION_BYTES * contest
    if general_sum:  # kind, u32(3), 3 × (alpha beta, 2-branch proof), has_sum, u32(k)
        start += 5 + 3 * (64 + 4 + 2 * 128) + 1 + 4 - BRANCHES
    return start + BRANCHES + 128 * branch + 96


def outcome(m, K, roster, wire, verify_proofs):
    def check(name, fn):
        try:
            return fn()
        except Fail as e:
            raise Fail(f"{name}: {e}") from None
    try:
        verify_ballot(check, m, K, roster, wire, verify_proofs)
        return "valid"
    except Fail as e:
        return str(e)


def statements_of(m, K, roster, wire):
    got = []
    outcome(m, K, roster, wire, lambda check, statements: got.extend(statements))
    return got


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--vectors", required=True)
    args = ap.parse_args()
    with open(os.path.join(args.vectors, "ballot.json"), encoding="utf-8") as fh:
        d = json.load(fh)
    m, K = manifest(d["manifest"]), pt(d["joint_key_K"], "K")
    roster = [bytes.fromhex(k) for k in d["roster"]]
    cases = [("the ballot vector", d["ballot"]["wire"], True)]
    for name, at in [("contest 0, z_0", z_offset(0, 0)), ("contest 2, z_2", z_offset(2, 2)),
                     ("contest 3 (general), sum proof z_1", z_offset(3, 1, general_sum=True))]:
        b = bytearray.fromhex(d["ballot"]["wire"])
        b[at] ^= 1  # the low bit of z's first byte: still a canonical scalar
        cases.append((name, resign(b.hex(), d["member_seed"]), False))
    failures = 0
    for name, wire_hex, valid in cases:
        wire = bytes.fromhex(wire_hex)
        one_by_one = outcome(m, K, roster, wire, None)
        batched = outcome(m, K, roster, wire, batch.verify_statements)
        combined = batch.combined_holds(statements_of(m, K, roster, wire))
        ok = batched == one_by_one and combined == valid and (one_by_one == "valid") == valid
        failures += not ok
        print(f"{'ok  ' if ok else 'BAD '} {name}: one by one: {one_by_one}; batched: {batched}; "
              f"combined equation holds: {combined}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
