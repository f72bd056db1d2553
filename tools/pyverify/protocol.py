"""CouncilVote protocol version 1 (docs/protocol.md), written from the document alone: encodings
(§2), the transcript hash (§4), proofs (§7, §12.1, §12.6), manifest and context (§8), ballots
(§9, §10), the tally (§11) and the key ceremony (§12). Every function raises Fail naming the
equation or rule that does not hold; the callers add the name of the check (the § 10 names)."""

import hashlib

import curve
from curve import L
from sym import box_open

GROUP = "ristretto255"
SUM_SLOT = 0xFFFFFFFF
G = curve.ristretto_decode(bytes.fromhex("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76"))
IDENTITY = bytes(32)


class Fail(Exception):
    pass


def need(cond, why):
    if not cond:
        raise Fail(why)


# ---- §2 encodings, §4 transcript hash --------------------------------------------------------


def u8(v):
    return v.to_bytes(1, "little")


def u32(v):
    return v.to_bytes(4, "little")


def u64(v):
    return v.to_bytes(8, "little")


def var(b):
    return u32(len(b)) + b


def text(s):  # str(s) of §2
    return var(s.encode())


def sc(s):  # fixed(scalar)
    return (s % L).to_bytes(32, "little")


def transcript(tag, *items):
    """T(tag, items...) = BLAKE2b-512("CouncilVote/1" || var(tag) || items...)"""
    return hashlib.blake2b(b"CouncilVote/1" + text(tag) + b"".join(items), digest_size=64).digest()


def Hs(tag, *items):
    """Hs = T(...) as a 512-bit little-endian integer mod l (a Fiat-Shamir challenge)."""
    return int.from_bytes(transcript(tag, *items), "little") % L


def H32(tag, *items):
    """H32 = the first 32 bytes of T(...)."""
    return transcript(tag, *items)[:32]


# ---- §3 the group ----------------------------------------------------------------------------

_tables = {}


def table(pt):
    """A fixed-base table for a point used many times (G, K, P_j), keyed by its encoding."""
    key = enc(pt)
    if key not in _tables:
        _tables[key] = curve.Table(pt)
    return _tables[key]


def base_mul(k):
    return table(G).mul(k)


def mul(k, pt, fixed=False):
    return table(pt).mul(k) if fixed else curve.mul(k, pt)


def enc(pt):
    return curve.ristretto_encode(pt)


def same(p, q):
    """RFC 9496 §4.5 equality: x1·y2 == y1·x2 or y1·y2 == x1·x2."""
    return ((p[0] * q[1] - p[1] * q[0]) % curve.P == 0 or (p[1] * q[1] - p[0] * q[0]) % curve.P == 0)


def decode_point(b, what, identity_ok=False):
    p = curve.ristretto_decode(b)
    need(p is not None, f"{what}: not a canonical ristretto255 encoding")
    need(identity_ok or b != IDENTITY, f"{what}: the identity")
    return p


def decode_scalar(b, what):
    need(len(b) == 32, f"{what}: not 32 bytes")
    s = int.from_bytes(b, "little")
    need(s < L, f"{what}: scalar not canonical (>= l)")
    return s


def total(points):
    r = curve.IDENTITY
    for p in points:
        r = curve.add(r, p)
    return r


class Reader:
    """Reads the binary encodings of §2; truncation and trailing bytes are refused."""

    def __init__(self, b, what):
        self.b, self.pos, self.what = b, 0, what

    def take(self, n):
        need(self.pos + n <= len(self.b), f"{self.what}: truncated at byte {self.pos}")
        self.pos += n
        return self.b[self.pos - n:self.pos]

    def u8(self):
        return self.take(1)[0]

    def u32(self):
        return int.from_bytes(self.take(4), "little")

    def point(self, what, identity_ok=False):
        b = self.take(32)
        return b, decode_point(b, f"{self.what}: {what}", identity_ok)

    def scalar(self, what):
        return decode_scalar(self.take(32), f"{self.what}: {what}")

    def end(self):
        need(self.pos == len(self.b), f"{self.what}: {len(self.b) - self.pos} trailing bytes")


# ---- §5 ElGamal, §7 disjunctive Chaum-Pedersen -----------------------------------------------


def elgamal(K, m, r):
    """Enc(m; r) = (r·G, m·G + r·K)"""
    return base_mul(r), curve.add(base_mul(m), mul(r, K, True))


def read_disjunctive(rd):
    """u32(k), then k branches fixed(a_j) || fixed(b_j) || fixed(c_j) || fixed(z_j)"""
    k = rd.u32()
    need(1 <= k <= 64, f"{rd.what}: {k} branches (1..64)")
    return [(rd.point(f"a_{j}"), rd.point(f"b_{j}"), rd.scalar(f"c_{j}"), rd.scalar(f"z_{j}"))
            for j in range(k)]


def disjunctive_challenge(st, branches):
    """c = Hs(tag, str("ristretto255"), fixed(ctx), fixed(K), fixed(pk), u32(i), u32(s), u32(k),
    u32(m_0..m_{k-1}), fixed(alpha), fixed(beta), fixed(a_0), fixed(b_0), ...)"""
    tag, ctx, K, pk, i, s, values, (alpha, beta) = st
    return Hs(tag, text(GROUP), ctx, enc(K), pk, u32(i), u32(s), u32(len(values)),
              *map(u32, values), enc(alpha), enc(beta), *(a[0] + b[0] for a, b, _, _ in branches))


def verify_disjunctive(st, branches):
    """§7.2; st = (tag, ctx, K, pk, i, s, values, (alpha, beta)). Returns the challenge c."""
    _, _, K, _, _, _, values, (alpha, beta) = st
    need(len(branches) == len(values), f"{len(branches)} branches, the value set has {len(values)}")
    c = disjunctive_challenge(st, branches)
    for j, ((_, a), (_, b), cj, zj) in enumerate(branches):
        # eq_a[j]: z_j·G == a_j + c_j·alpha
        need(same(base_mul(zj), curve.add(a, mul(cj, alpha))), f"eq_a[{j}]: z_{j}·G != a_{j} + c_{j}·alpha")
        # eq_b[j]: z_j·K == b_j + c_j·(beta − m_j·G)
        rhs = curve.add(b, mul(cj, curve.sub(beta, base_mul(values[j]))))
        need(same(mul(zj, K, True), rhs), f"eq_b[{j}]: z_{j}·K != b_{j} + c_{j}·(beta − m_{j}·G)")
    # eq_c: c_0 + … + c_{k-1} == c (mod l)
    need(sum(br[2] for br in branches) % L == c, "eq_c: c_0 + … + c_{k-1} != c (mod l)")
    return c


# ---- §8 manifest and context -----------------------------------------------------------------

COMMENDATION, GENERAL = 1, 2


def check_manifest(m, members):
    """§8 validity, and B > roster size (§10 check 0)."""
    need(1 <= len(m["meeting_id"].encode()) <= 256 and 1 <= len(m["poll_id"].encode()) <= 256,
         "meeting_id and poll_id must be 1..256 bytes")
    B = m["disagree_weight"]
    need(B >= 2 and B > members, f"disagree weight B = {B} must be >= 2 and > {members} members")
    need(1 <= len(m["contests"]) <= 4096, "1..4096 contests")
    for i, c in enumerate(m["contests"]):
        need(len(c["id"].encode()) <= 256, f"contest {i}: id longer than 256 bytes")
        if c["kind"] == COMMENDATION:
            need((c["options"], c["min"], c["max"]) == (2, 0, 1),
                 f"contest {i}: a commendation has options 2, min 0, max 1")
        else:
            need(c["kind"] == GENERAL, f"contest {i}: unknown kind {c['kind']}")
            need(1 <= c["options"] <= 63 and c["min"] <= c["max"] <= c["options"],
                 f"contest {i}: general needs 1..63 options and min <= max <= options")


def roster_digest(roster):
    """H32("CV/roster", str("ristretto255"), u32(N), fixed(pk_1), …, fixed(pk_N))"""
    return H32("CV/roster", text(GROUP), u32(len(roster)), *roster)


def manifest_digest(m):
    """H32("CV/manifest", str(group), str(meeting_id), str(poll_id), u32(B), u32(#contests),
    per contest: str(id), u8(kind), u32(options), u32(min), u32(max); fixed(roster_digest))"""
    items = [text(GROUP), text(m["meeting_id"]), text(m["poll_id"]), u32(m["disagree_weight"]),
             u32(len(m["contests"]))]
    for c in m["contests"]:
        items += [text(c["id"]), u8(c["kind"]), u32(c["options"]), u32(c["min"]), u32(c["max"])]
    return H32("CV/manifest", *items, m["roster_digest"])


def context_hash(m, K):
    """ctx = H32("CV/context", str(group), str(meeting_id), str(poll_id), fixed(manifest_digest), fixed(K))"""
    return H32("CV/context", text(GROUP), text(m["meeting_id"]), text(m["poll_id"]), manifest_digest(m),
               enc(K))


def value_set(m, c):
    """§9.1: commendation (0, 1, B); general option (0, 1); general sum (min..max)."""
    if c["kind"] == COMMENDATION:
        return [0, 1, m["disagree_weight"]]
    return [0, 1]


# ---- §9 ballot -------------------------------------------------------------------------------


def decode_ballot(b):
    """§9.2; returns a dict with body, ctx, pk, contests, signature."""
    rd = Reader(b, "ballot")
    need(rd.take(3) == b"CVB", "ballot: wrong magic")
    fmt = rd.u8()
    ballot = {"format": fmt, "ctx": rd.take(32), "pk": rd.take(32), "contests": []}
    n = rd.u32()
    need(1 <= n <= 4096, f"ballot: {n} contests (1..4096)")
    for i in range(n):
        kind = rd.u8()
        need(kind in (COMMENDATION, GENERAL), f"ballot: contest {i} kind {kind}")
        cts, k = [], rd.u32()
        need(1 <= k <= 63, f"ballot: contest {i}: {k} ciphertexts (1..63)")
        for j in range(k):
            alpha, beta = rd.point(f"contest {i} alpha {j}")[1], rd.point(f"contest {i} beta {j}")[1]
            cts.append(((alpha, beta), read_disjunctive(rd)))
        has_sum = rd.u8()
        need(has_sum in (0, 1), f"ballot: contest {i}: has_sum {has_sum}")
        sum_proof = read_disjunctive(rd) if has_sum else None
        ballot["contests"].append({"kind": kind, "cts": cts, "sum": sum_proof})
    ballot["body"] = b[:rd.pos]
    ballot["signature"] = rd.take(64)
    rd.end()
    return ballot


def ballot_hash(ballot):
    """ballot_hash = H32("CV/ballot-hash", var(body))"""
    return H32("CV/ballot-hash", var(ballot["body"]))


def signing_input(tag, message):
    """§4: an Ed25519 signature for purpose tag signs "CouncilVote/1" || var(tag) || message."""
    return b"CouncilVote/1" + text(tag) + message


def ballot_signing_message(ballot):
    return signing_input("CV/ballot-signature", ballot["ctx"] + ballot_hash(ballot))


def tracking_code(wire):
    """tracking_code = H32("CV/tracking-code", var(ballot))"""
    return H32("CV/tracking-code", var(wire))


def short_code(code):
    """First 10 bytes in Crockford base32, most significant bit first, XXXX-XXXX-XXXX-XXXX."""
    n, alphabet = int.from_bytes(code[:10], "big"), "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    chars = "".join(alphabet[n >> (75 - 5 * i) & 31] for i in range(16))
    return "-".join(chars[i:i + 4] for i in range(0, 16, 4))


def verify_ballot(check, m, K, roster, wire, verify_proofs=None):
    """§10 verify_ballot, check by check in the document's order; check(name, fn) runs one.
    verify_proofs(check, statements), when given, runs checks 7 and 8 over the list of
    (name, statement, branches) in order (batch.verify_statements verifies them at once)."""
    check("manifest", lambda: check_manifest(m, len(roster)))
    check("roster", lambda: need(roster_digest(roster) == m["roster_digest"], "digest != roster_digest"))
    b = check("decode", lambda: decode_ballot(wire))
    check("format", lambda: need(b["format"] == 1, f"format {b['format']}"))
    ctx = context_hash(m, K)
    check("context", lambda: need(b["ctx"] == ctx, "ballot ctx != the poll's context hash"))
    check("eligibility", lambda: need(b["pk"] in roster, "pk is not on the roster"))
    check("contest_count", lambda: need(len(b["contests"]) == len(m["contests"]), "!= the manifest's"))
    for i, (bc, mc) in enumerate(zip(b["contests"], m["contests"])):
        n = 1 if mc["kind"] == COMMENDATION else mc["options"]
        shape = (bc["kind"], len(bc["cts"]), bc["sum"] is not None)
        expected = (mc["kind"], n, mc["kind"] == GENERAL)
        check(f"contest[{i}].shape", lambda: need(shape == expected, f"(kind, #ciphertexts, sum) {shape}"))

    def signature():
        error = curve.ed_verify(b["pk"], ballot_signing_message(b), b["signature"])
        need(error is None, error)
    check("signature", signature)
    statements = []
    for i, (bc, mc) in enumerate(zip(b["contests"], m["contests"])):
        tag = "CV/commendation" if mc["kind"] == COMMENDATION else "CV/selection"
        for j, (ct, proof) in enumerate(bc["cts"]):
            slot = 0 if mc["kind"] == COMMENDATION else j
            st = (tag, ctx, K, b["pk"], i, slot, value_set(m, mc), ct)
            statements.append((f"contest[{i}].ciphertext[{j}].proof", st, proof))
        if bc["sum"] is not None:
            # the component-wise sum of the n ciphertexts encrypts one of min..max
            s = (total(a for (a, _), _ in bc["cts"]), total(be for (_, be), _ in bc["cts"]))
            st = ("CV/contest-sum", ctx, K, b["pk"], i, SUM_SLOT, list(range(mc["min"], mc["max"] + 1)), s)
            statements.append((f"contest[{i}].sum_proof", st, bc["sum"]))
    if verify_proofs is not None:
        verify_proofs(check, statements)
    else:
        for name, st, proof in statements:
            check(name, lambda: verify_disjunctive(st, proof))
    return b


# ---- §11 tally -------------------------------------------------------------------------------


def tally_slots(ballots):
    """The component-wise sums, one slot per commendation contest / per general option."""
    slots = []
    for i in range(len(ballots[0]["contests"])):
        for j in range(len(ballots[0]["contests"][i]["cts"])):
            cts = [b["contests"][i]["cts"][j][0] for b in ballots]
            slots.append((total(a for a, _ in cts), total(be for _, be in cts)))
    return slots


def tally_context(ctx, counted, slots):
    """H32("CV/tally", fixed(ctx), u32(#ballots counted), u32(#slots), per slot fixed(alpha) fixed(beta))"""
    return H32("CV/tally", ctx, u32(counted), u32(len(slots)), *(enc(a) + enc(b) for a, b in slots))


def discrete_log(M, bound):
    """The m with m·G = M, 0 <= m <= bound (counting up: the bounds here are small)."""
    acc = curve.IDENTITY
    for m in range(bound + 1):
        if same(acc, M):
            return m
        acc = curve.add(acc, G)
    raise Fail(f"decryption_failed: no m in 0..{bound} with m·G = M")


def decode_results(m, counted, totals):
    """§11: per commendation contest (agree, disagree, blank); per general contest its counts."""
    B, out, it = m["disagree_weight"], [], iter(totals)
    for c in m["contests"]:
        if c["kind"] == COMMENDATION:
            T = next(it)
            agree, disagree = T % B, T // B
            need(agree + disagree <= counted, "decryption_failed: more marks than ballots")
            out.append({"agree": agree, "disagree": disagree, "blank": counted - agree - disagree})
        else:
            counts = [next(it) for _ in range(c["options"])]
            need(all(x <= counted for x in counts), "decryption_failed: an option total > ballots counted")
            out.append({"option_counts": counts})
    return out


# ---- §12 threshold keys ----------------------------------------------------------------------


def schnorr_challenge(context, X, R):
    """c = Hs("CV/schnorr", str("ristretto255"), fixed(context), fixed(X), fixed(R))"""
    return Hs("CV/schnorr", text(GROUP), context, enc(X), R)


def verify_schnorr(context, X, proof):
    """§12.1: proof = R (32, non-identity) || z (32); accept iff z·G == R + c·X. Returns c."""
    need(not curve.is_identity_edwards(X), "X is the identity")
    rd = Reader(proof, "Schnorr proof")
    R, z = rd.point("R"), rd.scalar("z")
    rd.end()
    c = schnorr_challenge(context, X, R[0])
    # z·G == R + c·X
    need(same(base_mul(z), curve.add(R[1], mul(c, X))), "z·G != R + c·X")
    return c


def ceremony_context(meeting_id, t, box_keys):
    """H32("CV/ceremony", str(group), str(meeting_id), u32(n), u32(t), u32(1), fixed(B_1), …)"""
    n = len(box_keys)
    need(1 <= t <= n <= 255 and meeting_id, "roster: 1 <= t <= n <= 255 and a meeting id")
    need(IDENTITY not in box_keys and len(set(box_keys)) == n, "roster: an all-zero or repeated box key")
    return H32("CV/ceremony", text(GROUP), text(meeting_id), u32(n), u32(t),
               *(u32(j) + B for j, B in enumerate(box_keys, 1)))


def pok_context(cctx, i, k):
    """H32("CV/coefficient-pok", fixed(ceremony_context), u32(i), u32(k))"""
    return H32("CV/coefficient-pok", cctx, u32(i), u32(k))


def verify_commitments(cctx, n, t, msg):
    """§12.3: u32(i) u32(t) C_{i,0..t-1} proofs_{0..t-1}; returns (i, [C_{i,k}])."""
    rd = Reader(msg, "commitments")
    i, tt = rd.u32(), rd.u32()
    need(1 <= i <= n, f"index {i} not in 1..{n}")
    need(tt == t, f"{tt} commitments, the ceremony has t = {t}")
    C = [rd.point(f"C_{k}")[1] for k in range(t)]
    proofs = [rd.take(64) for _ in range(t)]
    rd.end()
    for k in range(t):
        try:
            verify_schnorr(pok_context(cctx, i, k), C[k], proofs[k])
        except Fail as e:
            raise Fail(f"coefficient {k}: {e}") from None
    return i, C


def feldman(C, j):
    """Σ_{k=0}^{t−1} j^k · C_{i,k}"""
    return total(mul(pow(j, k, L), Ck) for k, Ck in enumerate(C))


def open_share(cctx, msg, sender, me, B_sender, b_me, C_sender):
    """§12.4.1 checks 3-6 on an encrypted share u32(i) u32(j) nonce(24) ciphertext(88)."""
    rd = Reader(msg, "encrypted share")
    i, j, nonce, ct = rd.u32(), rd.u32(), rd.take(24), rd.take(88)
    rd.end()
    need((i, j) == (sender, me) and i != j, f"share says from {i} to {j}")
    plain = box_open(ct, nonce, B_sender, b_me)
    need(plain is not None, "check 3: crypto_box_open_easy fails")
    need(plain[:32] == cctx and plain[32:40] == u32(i) + u32(j), "check 4: the plaintext's context, i or j")
    s = decode_scalar(plain[40:], "check 5: the share")
    # check 6 (Feldman): s·G == Σ_k j^k · C_{i,k}
    need(same(base_mul(s), feldman(C_sender, j)), "check 6: s·G != Σ_k j^k·C_{i,k}")
    return s


def decryption_challenge(context, K, j, Pj, alpha, D, a, b):
    """c = Hs("CV/partial-decryption", str(group), fixed(context), fixed(K), u32(j), fixed(P_j),
    fixed(alpha), fixed(D), fixed(a), fixed(b))"""
    return Hs("CV/partial-decryption", text(GROUP), context, enc(K), u32(j), enc(Pj), enc(alpha), D, a, b)


def verify_partial_decryption(msg, context, K, shares, cts):
    """§12.6: u32(j) u32(m) D_0..D_{m-1} proofs (a || b || z); returns (j, [D_x points])."""
    rd = Reader(msg, "partial decryption")
    j, m = rd.u32(), rd.u32()
    need(1 <= j <= len(shares), f"trustee index {j} not in 1..{len(shares)}")
    need(m == len(cts), f"{m} shares for {len(cts)} ciphertexts")
    Ds = [rd.point(f"D_{x}", identity_ok=True) for x in range(m)]
    proofs = [(rd.point(f"a_{x}"), rd.point(f"b_{x}", identity_ok=True), rd.scalar(f"z_{x}"))
              for x in range(m)]
    rd.end()
    Pj = shares[j - 1]
    need(not curve.is_identity_edwards(Pj), "P_j is the identity")
    for x, ((alpha, _), (Db, D), (a, b, z)) in enumerate(zip(cts, Ds, proofs)):
        c = decryption_challenge(context, K, j, Pj, alpha, Db, a[0], b[0])
        # z·G == a + c·P_j
        need(same(base_mul(z), curve.add(a[1], mul(c, Pj, True))), f"ciphertext {x}: z·G != a + c·P_j")
        # z·alpha == b + c·D
        need(same(mul(z, alpha), curve.add(b[1], mul(c, D))), f"ciphertext {x}: z·alpha != b + c·D")
    return j, [D for _, D in Ds]


def lagrange_at_zero(S):
    """λ_j = Π_{m ∈ S, m ≠ j} m · (m − j)^{−1} (mod l)"""
    lam = {}
    for j in S:
        v = 1
        for m in S:
            if m != j:
                v = v * m * pow(m - j, -1, L) % L
        lam[j] = v
    return lam


def combine(cts, partials, t):
    """§12.7 steps 3-5 before the discrete log: m·G = beta − Σ_{j ∈ S} λ_j · D_j."""
    need(len(set(partials)) == len(partials), "a trustee index appears twice")
    need(len(partials) >= t, f"insufficient_shares: {len(partials)} < t = {t}")
    lam = lagrange_at_zero(list(partials))
    return [curve.sub(beta, total(mul(lam[j], Ds[x]) for j, Ds in partials.items()))
            for x, (_, beta) in enumerate(cts)]
