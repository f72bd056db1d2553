"""Verifying many disjunctive proofs at once (docs/protocol.md §7.3, "batch-friendliness"), and a
table for the bounded discrete logarithm of §11 / §12.7. Pure-Python scalar multiplications are
slow; a ballot of 60 commendation contests holds 180 branches, i.e. 360 equations.

The equations checked are exactly those of §7.2, for every branch j of every statement:

    eq_a[j]:  z_j·G == a_j + c_j·alpha
    eq_b[j]:  z_j·K == b_j + c_j·(beta − m_j·G)
    eq_c:     c_0 + … + c_{k-1} == c   (mod l)

eq_c (and the number of branches) is checked one statement at a time. eq_a and eq_b are combined
with fresh random 128-bit weights rho_j, sigma_j into one equation

    Σ_j rho_j·a_j + sigma_j·b_j + (Σ_j rho_j·c_j)·alpha + (Σ_j sigma_j·c_j)·beta
        == (Σ_j rho_j·z_j + sigma_j·c_j·m_j)·G + (Σ_j sigma_j·z_j)·K

(one multi-scalar multiplication, curve.msm). ristretto255 has prime order l, so if any single
equation fails, the combination fails except with probability about 2^-128. When the combination
fails, every statement is verified again one by one (protocol.verify_disjunctive), so that the
failure is reported as the first failing check and equation, exactly as §10 names it."""

import math
import secrets

import curve
from curve import L
from protocol import G, Fail, base_mul, disjunctive_challenge, enc, mul, same, verify_disjunctive


def combined_holds(statements):
    """The random linear combination of eq_a and eq_b over all statements, eq_c and the branch count
    checked one by one; False when anything does not hold."""
    if not statements:
        return True
    K = statements[0][1][2]  # the joint key, the same object in every statement of the ballot
    lhs, g, k = [], 0, 0
    for _, st, branches in statements:
        values, (alpha, beta) = st[6], st[7]
        if st[2] is not K or len(branches) != len(values):
            return False
        if sum(br[2] for br in branches) % L != disjunctive_challenge(st, branches):  # eq_c
            return False
        ca = cb = 0
        for ((_, a), (_, b), c, z), m in zip(branches, values):
            rho, sigma = secrets.randbits(128), secrets.randbits(128)
            lhs += [(rho, a), (sigma, b)]
            ca, cb = ca + rho * c, cb + sigma * c
            g += rho * z + sigma * c * m
            k += sigma * z
        lhs += [(ca, alpha), (cb, beta)]
    rhs = curve.add(base_mul(g), mul(k, K, fixed=True))
    return same(curve.msm(lhs), rhs)


def verify_statements(check, statements):
    """Checks 7 and 8 of §10 for the (name, statement, branches) of one ballot, in order."""
    if combined_holds(statements):
        for name, _, _ in statements:
            check(name, lambda: None)
        return
    for name, st, branches in statements:
        check(name, lambda: verify_disjunctive(st, branches))
    raise Fail("the combined proof equations fail although each one holds (a verifier bug)")


class DiscreteLog:
    """m with m·G = M for 0 <= m <= bound (docs/protocol.md §5: any method that finds m is
    compatible), by baby-step giant-step: a table of the encodings of 0·G … (b−1)·G, then
    M − g·b·G for g = 0, 1, … until one is in the table (b about sqrt(slots × bound), so that the
    table and the giant steps of every slot cost about the same)."""

    def __init__(self, bound, slots=1):
        self.bound, self.b = bound, max(1, min(bound + 1, math.isqrt(slots * (bound + 1)) + 1))
        self.table, acc = {}, curve.IDENTITY
        for i in range(self.b):
            self.table[enc(acc)] = i
            acc = curve.add(acc, G)
        self.giant = curve.neg(acc)  # −b·G

    def __call__(self, M):
        X = M
        for g in range(self.bound // self.b + 1):
            i = self.table.get(enc(X))
            if i is not None and g * self.b + i <= self.bound:
                return g * self.b + i
            X = curve.add(X, self.giant)
        raise Fail(f"decryption_failed: no m in 0..{self.bound} with m·G = M")
