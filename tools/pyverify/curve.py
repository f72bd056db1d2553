"""Curve25519 in pure Python: the Edwards curve in extended coordinates, ristretto255 (RFC 9496),
Ed25519 (RFC 8032, with libsodium's strict verification rules of docs/protocol.md §4.1) and
X25519 (RFC 7748). Variable time: this is a verifier of public data, never for secrets in use."""

import hashlib

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493  # the order of G (docs/protocol.md notation l)
D = -121665 * pow(121666, -1, P) % P
D2 = 2 * D % P
SQRT_M1 = pow(2, (P - 1) // 4, P)
INVSQRT_A_MINUS_D = 54469307008909316920995813868745141605393597292927456921205312896311721017578

IDENTITY = (0, 1, 1, 0)  # (X, Y, Z, T) with x = X/Z, y = Y/Z, x·y = T/Z


def is_negative(x):
    return x % P & 1


def add(p, q):
    """Twisted Edwards (a = -1) addition, add-2008-hwcd-3: complete, so doubling and identity work."""
    x1, y1, z1, t1 = p
    x2, y2, z2, t2 = q
    a = (y1 - x1) * (y2 - x2) % P
    b = (y1 + x1) * (y2 + x2) % P
    c = t1 * D2 * t2 % P
    d = 2 * z1 * z2 % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def double(p):
    """dbl-2008-hwcd with a = -1."""
    x1, y1, z1, _ = p
    a, b = x1 * x1 % P, y1 * y1 % P
    c = 2 * z1 * z1 % P
    e = ((x1 + y1) ** 2 - a - b) % P
    g = b - a
    f = g - c
    h = -a - b
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def neg(p):
    x, y, z, t = p
    return (-x % P, y, z, -t % P)


def sub(p, q):
    return add(p, neg(q))


def is_identity_edwards(p):
    return p[0] % P == 0 and (p[1] - p[2]) % P == 0


class Table:
    """Fixed-base table: rows[w][d] = d·16^w·P, so k·P costs 64 additions and no doubling."""

    def __init__(self, p):
        self.rows = []
        for _ in range(64):
            row = [IDENTITY, p]
            for _ in range(14):
                row.append(add(row[-1], p))
            self.rows.append(row)
            p = double(double(double(double(p))))

    def mul(self, k):
        k %= L
        r = IDENTITY
        for w in range(64):
            if k == 0:
                break
            if k & 15:
                r = add(r, self.rows[w][k & 15])
            k >>= 4
        return r


def mul(k, p):
    """k·P for a point used once: 4-bit fixed window over the scalar reduced mod l (P in the
    prime-order group, which every decoded ristretto255 point and every checked Ed25519 key is)."""
    k %= L
    small = [IDENTITY, p]
    for _ in range(14):
        small.append(add(small[-1], p))
    r = IDENTITY
    for shift in range(252, -1, -4):
        r = double(double(double(double(r))))
        digit = (k >> shift) & 15
        if digit:
            r = add(r, small[digit])
    return r


def msm(pairs):
    """Σ k_i·P_i over many (k_i, P_i) at once, Pippenger's bucket method: per window of c bits, each
    point is added to the bucket of its digit, then Σ_d d·bucket_d by running sums. Scalars are
    reduced mod l (points of the prime-order group, as in mul)."""
    pairs = [(k % L, p) for k, p in pairs if k % L]
    if not pairs:
        return IDENTITY
    lengths = [k.bit_length() for k, _ in pairs]
    bits = max(lengths)

    def cost(c):  # additions: one per non-zero digit, two per bucket per window
        return sum(-(-n // c) for n in lengths) + -(-bits // c) * 2 ** (c + 1)

    c = min(range(2, 13), key=cost)
    mask = (1 << c) - 1
    r = IDENTITY
    for w in reversed(range(-(-bits // c))):
        for _ in range(c):
            r = double(r)
        buckets, shift = [None] * (mask + 1), w * c
        for k, p in pairs:
            d = (k >> shift) & mask
            if d:
                b = buckets[d]
                buckets[d] = p if b is None else add(b, p)
        running = acc = None
        for d in range(mask, 0, -1):
            b = buckets[d]
            if b is not None:
                running = b if running is None else add(running, b)
            if running is not None:
                acc = running if acc is None else add(acc, running)
        if acc is not None:
            r = add(r, acc)
    return r


def mul_any(k, p):
    """k·P for any Edwards point and any k >= 0 (no reduction: used for small-order tests)."""
    r = IDENTITY
    for bit in bin(k)[2:]:
        r = double(r)
        if bit == "1":
            r = add(r, p)
    return r


# ---- ristretto255 (RFC 9496 §4) ---------------------------------------------------------------


def sqrt_ratio_m1(u, v):
    """RFC 9496 §4.2: (was_square, r) with r = sqrt(u/v) non-negative, or sqrt(i·u/v)."""
    v3 = v * v % P * v % P
    v7 = v3 * v3 % P * v % P
    r = u * v3 % P * pow(u * v7 % P, (P - 5) // 8, P) % P
    check = v * r * r % P
    correct = check == u % P
    flipped = check == -u % P
    flipped_i = check == -u * SQRT_M1 % P
    if flipped or flipped_i:
        r = r * SQRT_M1 % P
    if is_negative(r):
        r = P - r
    return correct or flipped, r


def ristretto_decode(b):
    """RFC 9496 §4.3.1; None for anything that is not a canonical encoding."""
    if len(b) != 32:
        return None
    s = int.from_bytes(b, "little")
    if s >= P or is_negative(s):
        return None
    ss = s * s % P
    u1, u2 = (1 - ss) % P, (1 + ss) % P
    u2_sqr = u2 * u2 % P
    v = (-(D * u1 * u1) - u2_sqr) % P
    was_square, invsqrt = sqrt_ratio_m1(1, v * u2_sqr % P)
    den_x = invsqrt * u2 % P
    den_y = invsqrt * den_x % P * v % P
    x = 2 * s * den_x % P
    if is_negative(x):
        x = P - x
    y = u1 * den_y % P
    t = x * y % P
    if not was_square or is_negative(t) or y == 0:
        return None
    return (x, y, 1, t)


def ristretto_encode(p):
    """RFC 9496 §4.3.2."""
    x0, y0, z0, t0 = p
    u1 = (z0 + y0) * (z0 - y0) % P
    u2 = x0 * y0 % P
    _, invsqrt = sqrt_ratio_m1(1, u1 * u2 * u2 % P)
    den1, den2 = invsqrt * u1 % P, invsqrt * u2 % P
    z_inv = den1 * den2 % P * t0 % P
    if is_negative(t0 * z_inv):
        x, y, den_inv = y0 * SQRT_M1 % P, x0 * SQRT_M1 % P, den1 * INVSQRT_A_MINUS_D % P
    else:
        x, y, den_inv = x0, y0, den2
    if is_negative(x * z_inv):
        y = -y
    s = den_inv * (z0 - y) % P
    if is_negative(s):
        s = P - s
    return s.to_bytes(32, "little")


# ---- Ed25519 (RFC 8032 §5.1) ------------------------------------------------------------------


def ed_decode(b):
    """RFC 8032 §5.1.3, strict: y < p, and no sign bit on x = 0. None when invalid."""
    if len(b) != 32:
        return None
    y = int.from_bytes(b, "little") & (2**255 - 1)
    sign = b[31] >> 7
    if y >= P:
        return None
    u, v = (y * y - 1) % P, (D * y * y + 1) % P
    x = u * pow(v, 3, P) * pow(u * pow(v, 7, P), (P - 5) // 8, P) % P
    if v * x * x % P == -u % P:
        x = x * SQRT_M1 % P
    if v * x * x % P != u:
        return None
    if x == 0 and sign:
        return None
    if x & 1 != sign:
        x = P - x
    return (x, y, 1, x * y % P)


def ed_encode(p):
    x, y, z, _ = p
    zi = pow(z, -1, P)
    x, y = x * zi % P, y * zi % P
    return (y | (x & 1) << 255).to_bytes(32, "little")


ED_B = ed_decode(bytes.fromhex("5866666666666666666666666666666666666666666666666666666666666666"))


def small_order(p):
    return is_identity_edwards(mul_any(8, p))


def ed_secret(seed):
    """RFC 8032 §5.1.5: (clamped scalar a, prefix) from the 32-byte seed."""
    h = hashlib.sha512(seed).digest()
    a = int.from_bytes(h[:32], "little") & ~7 & (2**255 - 1) | 2**254
    return a, h[32:]


def ed_public_key(seed):
    return ed_encode(mul_any(ed_secret(seed)[0], ED_B))


def ed_sign(seed, msg):
    """RFC 8032 §5.1.6 (deterministic)."""
    a, prefix = ed_secret(seed)
    pub = ed_encode(mul_any(a, ED_B))
    r = int.from_bytes(hashlib.sha512(prefix + msg).digest(), "little") % L
    big_r = ed_encode(mul(r, ED_B))
    k = int.from_bytes(hashlib.sha512(big_r + pub + msg).digest(), "little") % L
    return big_r + ((r + k * a) % L).to_bytes(32, "little")


def ed_verify(pub, msg, sig):
    """docs/protocol.md §4.1 rules 1-4 (libsodium crypto_sign_verify_detached); returns the name of
    the failed rule, or None when the signature is valid."""
    if len(sig) != 64:
        return "rule 1: the signature is not 64 bytes"
    s = int.from_bytes(sig[32:], "little")
    if s >= L:
        return "rule 1: S is not canonical (S >= l)"
    a = ed_decode(pub)
    if a is None or small_order(a):
        return "rule 2: A is not canonical, not a point, or of small order"
    r = ed_decode(sig[:32])
    if r is None or small_order(r):
        return "rule 3: R is not canonical, not a point, or of small order"
    k = int.from_bytes(hashlib.sha512(sig[:32] + pub + msg).digest(), "little") % L
    # [S]B == R + [k]A, without the cofactor: encode([S]B - [k]A) == R byte for byte.
    if ed_encode(sub(mul(s, ED_B), mul_any(k, a))) != sig[:32]:
        return "rule 4: [S]B != R + [k]A"
    return None


# ---- X25519 (RFC 7748 §5) ---------------------------------------------------------------------


def x25519(k, u):
    k = bytearray(k)
    k[0] &= 248
    k[31] = k[31] & 127 | 64
    k = int.from_bytes(k, "little")
    u = int.from_bytes(u, "little") & (2**255 - 1)
    x1, x2, z2, x3, z3, swap = u, 1, 0, u, 1, 0
    for t in range(254, -1, -1):
        bit = k >> t & 1
        if swap ^ bit:
            x2, x3, z2, z3 = x3, x2, z3, z2
        swap = bit
        a, b = x2 + z2, x2 - z2
        aa, bb = a * a % P, b * b % P
        e = aa - bb
        c, d = x3 + z3, x3 - z3
        da, cb = d * a % P, c * b % P
        x3, z3 = (da + cb) ** 2 % P, x1 * (da - cb) ** 2 % P
        x2, z2 = aa * bb % P, e * (aa + 121665 * e) % P
    if swap:
        x2, z2 = x3, z3
    return (x2 * pow(z2, P - 2, P) % P).to_bytes(32, "little")
