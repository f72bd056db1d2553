"""The test vectors regenerated from their seed labels (docs/test-vectors/README.md, "Random
draws"): every secret, nonce and proof is drawn from the deterministic RNG of docs/protocol.md §15
in the documented order, so a regenerated value equal to the published one shows that the
published proofs were made as §7.2, §9, §12 say, and that the README describes the draws."""

import curve
from protocol import (COMMENDATION, H32, SUM_SLOT, base_mul, context_hash, decryption_challenge,
                      disjunctive_challenge, elgamal, enc, mul, pok_context, schnorr_challenge, sc,
                      signing_input, text, u8, u32, var, value_set)
from curve import L
from sym import Rng, box_seal


def rng_for(seed_label):
    """The RNG label is seed_label up to its first " (" (tally.json adds a remark in parentheses)."""
    return Rng(seed_label.split(" (")[0])


def vector_context(name):
    """The context of the Schnorr and disjunctive vectors: H32("CV/test-vector-context", str(name))."""
    return H32("CV/test-vector-context", text(name))


def schnorr_prove(rng, context, X, x):
    """§12.1: w (1 draw); R = w·G; z = w + c·x. Returns R || z."""
    w = rng.scalar()
    R = enc(base_mul(w))
    return R + sc(w + schnorr_challenge(context, X, R) * x)


def disjunctive_prove(rng, st, real, r):
    """§7.2: draws w, then (c_j, z_j) for each j != real in increasing j. Returns u32(k) || branches."""
    _, _, K, _, _, _, values, (alpha, beta) = st
    w, br = rng.scalar(), [None] * len(values)
    for j, m in enumerate(values):
        if j != real:
            c, z = rng.scalar(), rng.scalar()
            a = curve.sub(base_mul(z), mul(c, alpha))
            b = curve.sub(mul(z, K, True), mul(c, curve.sub(beta, base_mul(m))))
            br[j] = [enc(a), enc(b), c, z]
    br[real] = [enc(base_mul(w)), enc(mul(w, K, True)), 0, 0]
    c = disjunctive_challenge(st, [((a,), (b,), 0, 0) for a, b, _, _ in br])
    br[real][2] = (c - sum(x[2] for j, x in enumerate(br) if j != real)) % L
    br[real][3] = (w + br[real][2] * r) % L
    return u32(len(values)) + b"".join(a + b + sc(c) + sc(z) for a, b, c, z in br)


def encrypt_ballot(rng, m, K, seed, selections):
    """§9: per contest in order; a commendation draws r then its proof; a general contest draws, per
    option, r then its proof, then the sum proof (randomness Σ r). Signed with the member's seed."""
    pk, ctx = curve.ed_public_key(seed), context_hash(m, K)
    body = b"CVB" + u8(1) + ctx + pk + u32(len(m["contests"]))
    for i, (c, sel) in enumerate(zip(m["contests"], selections)):
        values = value_set(m, c)
        if c["kind"] == COMMENDATION:
            real = 0 if not sel else (1 if sel[0] == 0 else 2)  # blank, agree (option 0), disagree
            r = rng.scalar()
            ct = elgamal(K, values[real], r)
            proof = disjunctive_prove(rng, ("CV/commendation", ctx, K, pk, i, 0, values, ct), real, r)
            body += u8(1) + u32(1) + enc(ct[0]) + enc(ct[1]) + proof + u8(0)
            continue
        body += u8(2) + u32(c["options"])
        r_sum, cts = 0, []
        for o in range(c["options"]):
            r = rng.scalar()
            ct = elgamal(K, int(o in sel), r)
            body += enc(ct[0]) + enc(ct[1])
            body += disjunctive_prove(rng, ("CV/selection", ctx, K, pk, i, o, values, ct), int(o in sel), r)
            r_sum, cts = r_sum + r, cts + [ct]
        s = (curve.IDENTITY, curve.IDENTITY)
        for a, b in cts:
            s = (curve.add(s[0], a), curve.add(s[1], b))
        sums = list(range(c["min"], c["max"] + 1))
        body += u8(1) + disjunctive_prove(rng, ("CV/contest-sum", ctx, K, pk, i, SUM_SLOT, sums, s),
                                          len(sel) - c["min"], r_sum)
    msg = signing_input("CV/ballot-signature", ctx + H32("CV/ballot-hash", var(body)))
    return body + curve.ed_sign(seed, msg)


def ceremony(rng, meeting_id, n, t, cctx_of):
    """§12.2-12.4: for i = 1..n: box secret key (32 bytes), then t coefficients; then for i = 1..n:
    its t Schnorr proofs (k = 0..t-1), then its shares to j = 1..n, j != i (a 24-byte nonce each)."""
    trustees = []
    for i in range(1, n + 1):
        b = rng.bytes(32)
        coefficients = [rng.scalar() for _ in range(t)]
        trustees.append({"b": b, "B": curve.x25519(b, u32(9) + bytes(28)), "a": coefficients})
    cctx = cctx_of([x["B"] for x in trustees])
    for i, tr in enumerate(trustees, 1):
        C = [enc(base_mul(a)) for a in tr["a"]]
        proofs = [schnorr_prove(rng, pok_context(cctx, i, k), base_mul(a), a) for k, a in enumerate(tr["a"])]
        tr["commitments"] = u32(i) + u32(t) + b"".join(C) + b"".join(proofs)
        tr["shares"] = {}
        for j in range(1, n + 1):
            if j != i:
                nonce, f = rng.bytes(24), sum(a * j**k for k, a in enumerate(tr["a"])) % L
                ct = box_seal(cctx + u32(i) + u32(j) + sc(f), nonce, trustees[j - 1]["B"], tr["b"])
                tr["shares"][j] = u32(i) + u32(j) + nonce + ct
    return trustees


def partial_decrypt(rng, context, K, j, s, Pj, cts):
    """§12.6: per ciphertext in order, w (1 draw); a = w·G, b = w·alpha, D = s·alpha, z = w + c·s."""
    Ds, proofs = b"", b""
    for alpha, _ in cts:
        w = rng.scalar()
        D, a, b = enc(mul(s, alpha)), enc(base_mul(w)), enc(mul(w, alpha))
        c = decryption_challenge(context, K, j, Pj, alpha, D, a, b)
        Ds, proofs = Ds + D, proofs + a + b + sc(w + c * s)
    return u32(j) + u32(len(cts)) + Ds + proofs
