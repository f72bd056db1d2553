#!/usr/bin/env python3
"""A changed vector value is refused: each case copies docs/test-vectors to a temporary directory,
changes one value (mostly one hex digit), runs cv_verify.py on the copy and requires exit status 1
and a FAIL line naming the expected vector and check.

  python3 tools/pyverify/test_tamper.py --vectors docs/test-vectors"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)

import curve  # noqa: E402
from protocol import H32, signing_input, var  # noqa: E402

BALLOT_HEADER = 3 + 1 + 32 + 32 + 4  # "CVB", format, ctx, pk, u32(#contests): docs/protocol.md §9.2
COMMENDATION_BYTES = 1 + 4 + 64 + 4 + 3 * 128 + 1  # kind, u32(1), alpha beta, 3-branch proof, has_sum


def flip(s, i):
    """Hex string s with its digit i changed (the low bit of that nibble flipped)."""
    return s[:i] + "%x" % (int(s[i], 16) ^ 1) + s[i + 1:]


def flip_point(s, start):
    """s with one digit of the point at hex offset start changed so that it still decodes (a valid
    point, so the change gets past decoding and must be caught by a later check)."""
    for i in range(start, start + 64):
        for d in "0123456789abcdef":
            t = s[:i] + d + s[i + 1:]
            if t != s and curve.ristretto_decode(bytes.fromhex(t[start:start + 64])) is not None:
                return t
    raise AssertionError("no decodable one-digit change")


def resign(wire, seed):
    """The ballot with its signature made again by the member (docs/protocol.md §9.3)."""
    body = bytes.fromhex(wire)[:-64]
    msg = signing_input("CV/ballot-signature", body[4:36] + H32("CV/ballot-hash", var(body)))
    return (body + curve.ed_sign(bytes.fromhex(seed), msg)).hex()


def contest1_alpha(d):
    """A changed alpha of contest 1 of the ballot vector: a valid point, not the one signed."""
    b = d["ballot"]
    b["wire"] = flip_point(b["wire"], 2 * (BALLOT_HEADER + COMMENDATION_BYTES + 5))


def contest1_alpha_resigned(d):
    contest1_alpha(d)
    d["ballot"]["wire"] = resign(d["ballot"]["wire"], d["member_seed"])


def set_path(path, fn):
    """A mutation that replaces the value at path (keys and indices) with fn(value)."""
    def mutate(d):
        *parents, last = path
        for p in parents:
            d = d[p]
        d[last] = fn(d[last])
    return mutate


Z = 64 + 1  # hex offset of the low digit of the first byte of z in a 64-byte R || z Schnorr proof

# (file, mutation, the expected text of the FAIL line)
CASES = [
    ("schnorr", set_path(["proof"], lambda s: flip(s, Z)), "schnorr: proof: z·G != R + c·X"),
    ("schnorr", set_path(["challenge"], lambda s: flip(s, 1)), "schnorr: challenge: computed"),
    ("schnorr", set_path(["public_X"], str.upper), "schnorr: json: not lowercase hex"),
    ("schnorr", set_path(["seed_label"], lambda s: s + "!"), "schnorr: seed: secret_x"),
    # branch 0's c_0 (after u32(k), a_0, b_0): a canonical scalar still, so eq_a[0] must fail
    ("disjunctive", set_path(["cases", 1, "proof"], lambda s: flip(s, 2 * (4 + 64) + 1)),
     "disjunctive: cases[1]: proof: eq_a[0]"),
    ("disjunctive", set_path(["cases", 2, "beta"], lambda s: flip_point(s, 0)),
     "disjunctive: cases[2]: ciphertext"),
    ("disjunctive", set_path(["cases", 0, "challenge"], lambda s: flip(s, 5)),
     "disjunctive: cases[0]: challenge"),
    ("ceremony", set_path(["ceremony_context"], lambda s: flip(s, 9)), "ceremony: ceremony_context"),
    # a byte of the XSalsa20 body of the box: u32 u32 nonce(24) tag(16) body
    ("ceremony", set_path(["trustees", 1, "shares_sent", 0, "encrypted"], lambda s: flip(s, 2 * 48 + 3)),
     "ceremony: trustees[1]: shares_sent[to 1]: encrypted: check 3"),
    # z of the Schnorr proof of coefficient 1: u32 u32 C_0 C_1 proof_0 R_1 z_1
    ("ceremony", set_path(["trustees", 2, "commitments"], lambda s: flip(s, 2 * (8 + 64 + 64 + 32) + 1)),
     "ceremony: trustees[2]: commitments: coefficient 1: z·G != R + c·X"),
    ("ceremony", set_path(["trustees", 0, "key_share_s"], lambda s: flip(s, 1)),
     "ceremony: trustees[0]: key_share_s"),
    ("ceremony", set_path(["trustees", 0, "shares_sent", 1, "share_value"], lambda s: flip(s, 1)),
     "ceremony: trustees[0]: shares_sent[to 3]: share_value"),
    ("ballot", contest1_alpha, "ballot: ballot: signature: rule 4"),
    ("ballot", contest1_alpha_resigned, "ballot: ballot: contest[1].ciphertext[0].proof: eq_a["),
    ("ballot", set_path(["ballot", "tracking_code_short"], lambda s: s[:-1] + ("0" if s[-1] != "0" else "1")),
     "ballot: ballot: tracking_code_short"),
    ("ballot", set_path(["member_index"], lambda i: i + 1), "ballot: member_seed"),
    ("ballot", set_path(["selections", 0], lambda s: [1]), "ballot: seed: ballot"),
    ("tally", set_path(["encrypted_totals", 2, "beta"], lambda s: flip_point(s, 0)),
     "tally: encrypted_totals"),
    # z of the proof for ciphertext 3 of trustee 3: u32 u32 D_0..D_5, then 96-byte proofs a || b || z
    ("tally", set_path(["partial_decryptions", 1, "encoded"], 
                       lambda s: flip(s, 2 * (8 + 6 * 32 + 3 * 96 + 64) + 1)),
     "tally: partial_decryptions[1]: ciphertext 3: z·G != a + c·P_j"),
    ("tally", set_path(["decrypted_mG", 0], lambda s: flip(s, 3)), "tally: decrypted_mG"),
    ("tally", set_path(["results", 1, "agree"], lambda a: a + 1), "tally: results: [1]: computed"),
    ("tally", set_path(["ballots", 2, "selections", 0], lambda s: [0]), "tally: results = the selections"),
    ("tally", set_path(["threshold"], lambda t: t + 1), "tally: threshold = ceremony.json's"),
]


def run(verifier, directory):
    p = subprocess.run([sys.executable, verifier, "--vectors", directory], capture_output=True, text=True)
    lines = p.stdout.strip().splitlines()
    return p.returncode, lines[-1] if lines else p.stderr.strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--vectors", required=True)
    args = ap.parse_args()
    verifier, failures = os.path.join(HERE, "cv_verify.py"), 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, mutate, expected) in enumerate(CASES):
            work = os.path.join(tmp, str(n))
            shutil.copytree(args.vectors, work)
            path = os.path.join(work, name + ".json")
            with open(path, encoding="utf-8") as fh:
                d = json.load(fh)
            mutate(d)
            with open(path, "w", encoding="utf-8") as fh:
                json.dump(d, fh, indent=2)
            rc, last = run(verifier, work)
            ok = rc == 1 and last.startswith("FAIL  ") and expected in last
            failures += not ok
            print(f"{'ok  ' if ok else 'BAD '} {name}: expected '{expected}'; got exit {rc}: {last}")
        rc, last = run(verifier, os.path.join(tmp, "no such directory"))
        ok = rc == 1 and last.startswith("FAIL  schnorr: json:")
        failures += not ok
        print(f"{'ok  ' if ok else 'BAD '} a missing directory: got exit {rc}: {last}")
    print(f"{len(CASES) + 1 - failures} of {len(CASES) + 1} changes refused as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
