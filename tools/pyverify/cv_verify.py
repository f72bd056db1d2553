#!/usr/bin/env python3
"""CouncilVote's second verifier, written from docs/ alone (Python 3 standard library only).

  python3 tools/pyverify/cv_verify.py --vectors docs/test-vectors
  python3 tools/pyverify/cv_verify.py --record FILE [--server-key HEX] [--tracking-code CODE]

--vectors checks every file of docs/test-vectors/ as docs/test-vectors/README.md describes it: every hash and
challenge is recomputed, every proof and equation of docs/protocol.md verified, every stated result
compared with what the document says it must be, and every vector regenerated from its seed label.
Prints one line per check and "VECTORS VALID" (exit 0), or the first failure (exit 1).

--record verifies one record file (docs/record.md §5) with the checks of docs/record.md §6, by
name and in that order, reading it one line at a time (record.py); prints one line per check
(PASS, FAIL, SKIP) and "RECORD VALID <fingerprint>" (exit 0) or "RECORD INVALID: <check>:
<detail>" (exit 1; 2 for a wrong command line)."""

import argparse
import json
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import curve  # noqa: E402
import record  # noqa: E402
import regen  # noqa: E402
from curve import L  # noqa: E402
from protocol import (COMMENDATION, GENERAL, Fail, Reader, ballot_hash, base_mul,  # noqa: E402
                      ceremony_context, combine, context_hash, decode_point, decode_results,
                      decode_scalar, discrete_log, disjunctive_challenge, elgamal, enc, feldman,
                      manifest_digest, need, open_share, read_disjunctive, roster_digest, same,
                      schnorr_challenge, short_code, tally_context, tally_slots, total, tracking_code,
                      verify_ballot, verify_commitments, verify_disjunctive, verify_partial_decryption,
                      verify_schnorr)


class Vector:
    """Runs the named checks of one vector file; a failure names the file and the check."""

    def __init__(self, name):
        self.name = name

    def check(self, check, fn):
        try:
            out = fn()
        except Fail as e:
            err = Fail(f"{self.name}: {check}: {e}")
            err.named = True
            raise err from None
        print(f"ok    {self.name}: {check}")
        return out

    def equal(self, check, computed, stated):
        self.check(check, lambda: computed == stated or need(False, difference(computed, stated)))

    def sub(self, prefix):
        return Vector(f"{self.name}: {prefix}")


def difference(computed, stated):
    """The first difference, short: list index, byte offset; scalars shown as the file's hex."""
    if isinstance(computed, list) and isinstance(stated, list) and len(computed) == len(stated):
        i = next(i for i, (a, b) in enumerate(zip(computed, stated)) if a != b)
        return f"[{i}]: {difference(computed[i], stated[i])}"
    if isinstance(computed, int) and isinstance(stated, int) and max(computed, stated) >= 2**64:
        computed, stated = computed.to_bytes(32, "little"), stated.to_bytes(32, "little")
    if isinstance(computed, bytes) and isinstance(stated, bytes):
        differing = [k for k, (a, b) in enumerate(zip(computed, stated)) if a != b]
        k = differing[0] if differing else min(len(computed), len(stated))
        if len(computed) != len(stated) or len(computed) > 32:
            return (f"{len(computed)} bytes computed, {len(stated)} in the vector; from byte {k}: computed "
                    f"{computed[k:k + 8].hex()}…, the vector says {stated[k:k + 8].hex()}…")
        computed, stated = computed.hex(), stated.hex()
    return f"computed {computed}, the vector says {stated}"


def hx(s, n=None):
    """Lowercase hex only (docs/protocol.md §2); n = the expected byte length."""
    need(isinstance(s, str) and re.fullmatch(r"([0-9a-f]{2})*", s), f"not lowercase hex: {str(s)[:20]}")
    need(n is None or len(s) == 2 * n, f"{s[:16]}…: not {n} bytes")
    return bytes.fromhex(s)


def pt(s, what, identity_ok=False):
    return decode_point(hx(s, 32), what, identity_ok)


def read_proof(b):
    rd = Reader(b, "proof")
    branches = read_disjunctive(rd)
    rd.end()
    return branches


def commitments_of(cctx, n, t, i, msg):
    """§12.3 verification of trustee i's commitment message; returns its C_{i,k}."""
    i2, C = verify_commitments(cctx, n, t, msg)
    need(i2 == i, f"the message says trustee {i2}")
    return C


def header(v, d):
    ok = (d["format"], d["group"]) == (1, "ristretto255")
    v.check("format, group", lambda: need(ok, "not format 1, group ristretto255"))


def manifest(d):
    m = dict(d)
    kinds = {"commendation": COMMENDATION, "general": GENERAL}
    m["contests"] = [dict(c, kind=kinds[c["kind"]]) for c in d["contests"]]
    m["roster_digest"] = hx(d["roster_digest"], 32)
    return m


# ---- the five vector files -------------------------------------------------------------------


def challenge_of(d):
    return int.from_bytes(hx(d["challenge"], 32), "little")


def check_schnorr(v, d, _):
    header(v, d)
    x = decode_scalar(hx(d["secret_x"], 32), "secret_x")
    X, ctx, proof = pt(d["public_X"], "public_X"), hx(d["context"], 32), hx(d["proof"], 64)
    v.check("public_X", lambda: need(same(X, base_mul(x)), "X != x·G"))
    v.equal("context", regen.vector_context("schnorr"), ctx)
    v.equal("challenge", schnorr_challenge(ctx, X, proof[:32]), challenge_of(d))
    v.check("proof", lambda: verify_schnorr(ctx, X, proof))
    rng = regen.rng_for(d["seed_label"])
    v.equal("seed: secret_x", rng.scalar(), x)
    v.equal("seed: proof", regen.schnorr_prove(rng, ctx, X, x), proof)


def check_disjunctive(v, d, _):
    header(v, d)
    s = decode_scalar(hx(d["secret_s"], 32), "secret_s")
    K, ctx, pk = pt(d["joint_key_K"], "K"), hx(d["context"], 32), hx(d["voter_public_key"], 32)
    v.check("joint_key_K", lambda: need(same(K, base_mul(s)), "K != s·G"))
    v.equal("context", regen.vector_context("disjunctive"), ctx)
    values, statements = d["values"], []
    for j, case in enumerate(d["cases"]):
        c = v.sub(f"cases[{j}]")
        r = decode_scalar(hx(case["randomness_r"], 32), "randomness_r")
        ct = (pt(case["alpha"], "alpha"), pt(case["beta"], "beta"))
        c.check("value", lambda: need(case["value"] == values[j], f"case {j} must encrypt values[{j}]"))
        # (alpha, beta) == Enc(value; r) = (r·G, value·G + r·K)
        enc_ok = lambda: all(map(same, ct, elgamal(K, case["value"], r)))  # noqa: E731
        c.check("ciphertext", lambda: need(enc_ok(), "(alpha, beta) != Enc(value; r)"))
        st = (d["tag"], ctx, K, pk, d["contest"], d["slot"], values, ct)
        branches = c.check("decode", lambda: read_proof(hx(case["proof"])))
        c.equal("challenge", disjunctive_challenge(st, branches), challenge_of(case))
        c.check("proof", lambda: verify_disjunctive(st, branches))
        statements.append((st, r, hx(case["proof"])))
    rng = regen.rng_for(d["seed_label"])
    v.equal("seed: secret_s", rng.scalar(), s)
    v.equal("seed: voter_public_key", curve.ed_public_key(rng.bytes(32)), pk)
    for j, (st, r, proof) in enumerate(statements):
        v.equal(f"seed: cases[{j}].randomness_r", rng.scalar(), r)
        v.equal(f"seed: cases[{j}].proof", regen.disjunctive_prove(rng, st, j, r), proof)


def check_ceremony(v, d, _):
    header(v, d)
    n, t, tr = d["n"], d["t"], d["trustees"]
    v.check("trustees", lambda: need([x["index"] for x in tr] == list(range(1, n + 1)), "indices not 1..n"))
    boxes = [hx(x["box_public_key"], 32) for x in tr]
    cctx = hx(d["ceremony_context"], 32)
    v.equal("ceremony_context", v.check("roster", lambda: ceremony_context(d["meeting_id"], t, boxes)), cctx)
    coeffs, C = {}, {}
    for x in tr:
        i, c = x["index"], v.sub(f"trustees[{x['index'] - 1}]")
        # B_i = X25519(b_i, 9)
        c.equal("box_public_key",
                curve.x25519(hx(x["box_secret_key"], 32), bytes([9]) + bytes(31)), boxes[i - 1])
        raw = hx(x["coefficients"], 32 * t)
        coeffs[i] = [decode_scalar(raw[32 * k:32 * k + 32], f"a_{i},{k}") for k in range(t)]
        C[i] = c.check("commitments", lambda: commitments_of(cctx, n, t, i, hx(x["commitments"])))
        # C_{i,k} == a_{i,k}·G
        pairs = lambda: zip(C[i], coeffs[i])  # noqa: E731
        c.check("coefficients", lambda: need(all(same(Ck, base_mul(a)) for Ck, a in pairs()), "C != a·G"))

    def f(i, j):  # f_i(j) = Σ_k a_{i,k}·j^k
        return sum(a * pow(j, k, L) for k, a in enumerate(coeffs[i])) % L

    for x in tr:
        i, c = x["index"], v.sub(f"trustees[{x['index'] - 1}]")
        others = [j for j in range(1, n + 1) if j != i]
        c.check("shares_sent", lambda: need(sorted(s["to"] for s in x["shares_sent"]) == others,
                                            "not one share to each other trustee"))
        for s in x["shares_sent"]:
            j, share = s["to"], decode_scalar(hx(s["share_value"], 32), "share_value")
            cs = c.sub(f"shares_sent[to {j}]")
            cs.equal("share_value", f(i, j), share)  # share_value == f_i(j)
            b_j = hx(tr[j - 1]["box_secret_key"], 32)
            # §12.4.1 checks 3-6 done by trustee j; the share inside is share_value
            opened = lambda: open_share(cctx, hx(s["encrypted"]), i, j, boxes[i - 1], b_j, C[i])  # noqa: E731
            cs.check("encrypted", lambda: need(opened() == share, "the share inside != share_value"))
    K = total(C[i][0] for i in C)  # K = Σ_i C_{i,0}
    v.equal("joint_key_K", enc(K), hx(d["joint_key_K"], 32))
    for x in tr:
        j, c = x["index"], v.sub(f"trustees[{x['index'] - 1}]")
        s = decode_scalar(hx(x["key_share_s"], 32), "key_share_s")
        c.equal("key_share_s", sum(f(i, j) for i in coeffs) % L, s)  # s_j = Σ_i f_i(j)
        Pj = pt(x["verification_share_P"], "P_j")
        # P_j == Σ_i Σ_k j^k·C_{i,k}, and P_j == s_j·G
        c.check("verification_share_P", lambda: need(same(Pj, total(feldman(C[i], j) for i in C)),
                                                     "P_j != Σ_i Σ_k j^k·C_i,k"))
        c.check("verification_share_P", lambda: need(same(Pj, base_mul(s)), "P_j != s_j·G"))
    ctx_of = lambda keys: ceremony_context(d["meeting_id"], t, keys)  # noqa: E731
    generated = regen.ceremony(regen.rng_for(d["seed_label"]), d["meeting_id"], n, t, ctx_of)
    for x, g in zip(tr, generated):
        c = v.sub(f"trustees[{x['index'] - 1}]")
        c.equal("seed: box_secret_key", g["b"], hx(x["box_secret_key"]))
        c.equal("seed: coefficients", g["a"], coeffs[x["index"]])
        c.equal("seed: commitments", g["commitments"], hx(x["commitments"]))
        for s in x["shares_sent"]:
            c.equal(f"seed: shares_sent[to {s['to']}]", g["shares"][s["to"]], hx(s["encrypted"]))


def check_ballot_entry(v, m, K, roster, b):
    """One published ballot: verify_ballot (§10), then its ballot hash and tracking codes (§9.3)."""
    wire = hx(b["wire"])
    ballot = verify_ballot(v.check, m, K, roster, wire)
    v.equal("ballot_hash", ballot_hash(ballot), hx(b["ballot_hash"], 32))
    v.equal("tracking_code", tracking_code(wire), hx(b["tracking_code"], 32))
    v.equal("tracking_code_short", short_code(tracking_code(wire)), b["tracking_code_short"])
    return ballot


def check_poll(v, d):
    m, K = manifest(d["manifest"]), pt(d["joint_key_K"], "K")
    roster = [hx(k, 32) for k in d["roster"]]
    v.equal("manifest.roster_digest", roster_digest(roster), m["roster_digest"])
    v.equal("manifest.digest", manifest_digest(m), hx(d["manifest"]["digest"], 32))
    v.equal("context_hash", context_hash(m, K), hx(d["context_hash"], 32))
    return m, K, roster


def check_ballot(v, d, _):
    header(v, d)
    m, K, roster = check_poll(v, d)
    seed, idx = hx(d["member_seed"], 32), d["member_index"]
    v.equal("member_seed", curve.ed_public_key(seed), roster[idx])  # roster[member_index], 0-based
    ballot = check_ballot_entry(v.sub("ballot"), m, K, roster, d["ballot"])
    v.equal("ballot: member", ballot["pk"], roster[idx])
    rng = regen.rng_for(d["seed_label"])
    v.equal("seed: joint_key_K", enc(base_mul(rng.scalar())), enc(K))
    seeds = [rng.bytes(32) for _ in roster]
    v.equal("seed: roster", [curve.ed_public_key(s) for s in seeds], roster)
    ballot = regen.encrypt_ballot(rng, m, K, seeds[idx], d["selections"])
    v.equal("seed: ballot", ballot, hx(d["ballot"]["wire"]))


def selection_counts(m, selections):
    """What the published selections add up to: the results §11 must decode to."""
    out = []
    for i, c in enumerate(m["contests"]):
        sels = [s[i] for s in selections]
        if c["kind"] == COMMENDATION:
            agree, disagree = sels.count([0]), sels.count([1])
            out.append({"agree": agree, "disagree": disagree, "blank": len(sels) - agree - disagree})
        else:
            out.append({"option_counts": [sum(o in s for s in sels) for o in range(c["options"])]})
    return out


def check_tally(v, d, files):
    header(v, d)
    cer = files["ceremony"]
    v.equal("joint_key_K = ceremony.json's", d["joint_key_K"], cer["joint_key_K"])
    v.equal("verification_shares = ceremony.json's", d["verification_shares"],
            [x["verification_share_P"] for x in cer["trustees"]])
    v.equal("threshold = ceremony.json's", d["threshold"], cer["t"])
    m, K, roster = check_poll(v, d)
    ballots = [check_ballot_entry(v.sub(f"ballots[{k}]"), m, K, roster, b)
               for k, b in enumerate(d["ballots"])]
    v.check("one ballot per member", lambda: need(len({b["pk"] for b in ballots}) == len(ballots), "twice"))
    slots, counted = tally_slots(ballots), len(ballots)
    stated = [(pt(e["alpha"], "alpha", True), pt(e["beta"], "beta", True)) for e in d["encrypted_totals"]]
    # each slot == Σ over the ballots of that contest's (option's) ciphertext, component-wise
    sums_ok = lambda: all(same(a, c) and same(b, e) for (a, b), (c, e) in zip(slots, stated))  # noqa: E731
    v.check("encrypted_totals", lambda: need(len(stated) == len(slots) and sums_ok(), "!= the ballots' sums"))
    tctx = tally_context(context_hash(m, K), counted, slots)
    v.equal("tally_context", tctx, hx(d["tally_context"], 32))
    shares, partials = [pt(p, "P_j") for p in d["verification_shares"]], {}
    for k, p in enumerate(d["partial_decryptions"]):
        j, D = v.check(f"partial_decryptions[{k}]",
                       lambda: verify_partial_decryption(hx(p["encoded"]), tctx, K, shares, slots))
        v.check(f"partial_decryptions[{k}].trustee",
                lambda: need(j == p["trustee"] and j not in partials, f"the encoding says {j}"))
        partials[j] = D
    mG = v.check("combination", lambda: combine(slots, partials, d["threshold"]))
    v.equal("decrypted_mG", [enc(x) for x in mG], [hx(x, 32) for x in d["decrypted_mG"]])
    bound = counted * m["disagree_weight"]  # 0 <= T <= counted × B
    totals = v.check("discrete_log", lambda: [discrete_log(x, bound) for x in mG])
    v.equal("results", v.check("counts", lambda: decode_results(m, counted, totals)), d["results"])
    counts = selection_counts(m, [b["selections"] for b in d["ballots"]])
    v.equal("results = the selections", counts, d["results"])
    rng = regen.rng_for(d["seed_label"])
    seeds = [rng.bytes(32) for _ in roster]
    v.equal("seed: roster", [curve.ed_public_key(s) for s in seeds], roster)
    for k, b in enumerate(d["ballots"]):
        ballot = regen.encrypt_ballot(rng, m, K, seeds[k], b["selections"])
        v.equal(f"seed: ballots[{k}]", ballot, hx(b["wire"]))
    for k, p in enumerate(d["partial_decryptions"]):
        j = p["trustee"]
        s = decode_scalar(hx(cer["trustees"][j - 1]["key_share_s"], 32), "key_share_s")
        partial = regen.partial_decrypt(rng, tctx, K, j, s, shares[j - 1], slots)
        v.equal(f"seed: partial_decryptions[{k}]", partial, hx(p["encoded"]))


# The generator's order; tally.json uses the keys of ceremony.json.
VECTORS = {"schnorr": check_schnorr, "disjunctive": check_disjunctive, "ceremony": check_ceremony,
           "ballot": check_ballot, "tally": check_tally}


def verify_vectors(directory):
    files = {name: os.path.join(directory, name + ".json") for name in VECTORS}
    data = {}
    for name, path in files.items():
        try:
            with open(path, encoding="utf-8") as fh:
                data[name] = json.load(fh)
        except (OSError, ValueError) as e:
            raise Fail(f"{name}: json: {e}") from None
    for name, fn in VECTORS.items():
        try:
            fn(Vector(name), data[name], data)
        except Fail as e:
            raise e if getattr(e, "named", False) else Fail(f"{name}: json: {e}") from None
        except (KeyError, TypeError, IndexError, ValueError) as e:
            raise Fail(f"{name}: json: missing or malformed field ({type(e).__name__}: {e})") from None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--vectors", metavar="DIR", help="the directory of the test vectors")
    mode.add_argument("--record", metavar="FILE", help="a record file (docs/record.md §5, §6)")
    ap.add_argument("--server-key", metavar="HEX", help="--record: the server key printed in the room")
    ap.add_argument("--tracking-code", metavar="CODE",
                    help="--record: a ballot's tracking code (64 hex digits or XXXX-XXXX-XXXX-XXXX)")
    ap.add_argument("--quiet", action="store_true", help="--record: print only the verdict line")
    args = ap.parse_args(argv)
    if args.record is not None:
        key = None
        if args.server_key is not None:
            if not re.fullmatch(r"[0-9a-f]{64}", args.server_key):
                ap.error("--server-key: 64 lowercase hex digits")
            key = bytes.fromhex(args.server_key)
        return record.verify_record_file(args.record, key, args.tracking_code, args.quiet)
    if args.server_key or args.tracking_code or args.quiet:
        ap.error("--server-key, --tracking-code and --quiet go with --record")
    try:
        verify_vectors(args.vectors)
    except Fail as e:
        print(f"FAIL  {e}")
        return 1
    print("VECTORS VALID")
    return 0


if __name__ == "__main__":
    sys.exit(main())
