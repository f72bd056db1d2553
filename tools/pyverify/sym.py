"""Symmetric primitives in pure Python: Salsa20 / HSalsa20 / XSalsa20 and Poly1305 (NaCl's
crypto_box, docs/protocol.md §12.4) and the ChaCha20 keystream of the test-vector RNG (§15)."""

import hashlib
import struct

from curve import L, x25519

M32 = 0xFFFFFFFF
SIGMA = struct.unpack("<4I", b"expand 32-byte k")


def rotl(v, n):
    return (v << n | v >> (32 - n)) & M32


def salsa20_rounds(x):
    x = list(x)
    for _ in range(10):
        for a, b, c, d in ((0, 4, 8, 12), (5, 9, 13, 1), (10, 14, 2, 6), (15, 3, 7, 11),
                           (0, 1, 2, 3), (5, 6, 7, 4), (10, 11, 8, 9), (15, 12, 13, 14)):
            x[b] ^= rotl((x[a] + x[d]) & M32, 7)
            x[c] ^= rotl((x[b] + x[a]) & M32, 9)
            x[d] ^= rotl((x[c] + x[b]) & M32, 13)
            x[a] ^= rotl((x[d] + x[c]) & M32, 18)
    return x


def salsa20_state(key, n16):
    k, n = struct.unpack("<8I", key), struct.unpack("<4I", n16)
    return [SIGMA[0], *k[:4], SIGMA[1], *n, SIGMA[2], *k[4:], SIGMA[3]]


def hsalsa20(key, n16):
    x = salsa20_rounds(salsa20_state(key, n16))
    return struct.pack("<8I", *(x[i] for i in (0, 5, 10, 15, 6, 7, 8, 9)))


def xsalsa20_stream(key, nonce24, length):
    subkey, out, counter = hsalsa20(key, nonce24[:16]), b"", 0
    while len(out) < length:
        s = salsa20_state(subkey, nonce24[16:] + struct.pack("<Q", counter))
        out += struct.pack("<16I", *((a + b) & M32 for a, b in zip(salsa20_rounds(s), s)))
        counter += 1
    return out[:length]


def poly1305(key, msg):
    r = int.from_bytes(key[:16], "little") & 0x0FFFFFFC0FFFFFFC0FFFFFFC0FFFFFFF
    s, acc, p = int.from_bytes(key[16:], "little"), 0, 2**130 - 5
    for i in range(0, len(msg), 16):
        acc = (acc + int.from_bytes(msg[i:i + 16] + b"\x01", "little")) * r % p
    return ((acc + s) % 2**128).to_bytes(16, "little")


def box_key(their_public, my_secret):
    """crypto_box_beforenm: HSalsa20(X25519(sk, pk), 0^16)."""
    return hsalsa20(x25519(my_secret, their_public), bytes(16))


def box_seal(msg, nonce, their_public, my_secret):
    """crypto_box_easy: tag (16) || XSalsa20 body; the first 32 stream bytes are the Poly1305 key."""
    stream = xsalsa20_stream(box_key(their_public, my_secret), nonce, 32 + len(msg))
    body = bytes(a ^ b for a, b in zip(msg, stream[32:]))
    return poly1305(stream[:32], body) + body


def box_open(ct, nonce, their_public, my_secret):
    """crypto_box_open_easy; None when the tag does not authenticate."""
    if len(ct) < 16:
        return None
    stream = xsalsa20_stream(box_key(their_public, my_secret), nonce, 32 + len(ct) - 16)
    if poly1305(stream[:32], ct[16:]) != ct[:16]:
        return None
    return bytes(a ^ b for a, b in zip(ct[16:], stream[32:]))


class Rng:
    """docs/protocol.md §15: seed = BLAKE2b-256(label); ChaCha20 (djb: 64-bit nonce 0, 64-bit
    block counter from 0) keystream under the seed, read in order."""

    def __init__(self, label):
        self.key = struct.unpack("<8I", hashlib.blake2b(label.encode(), digest_size=32).digest())
        self.counter, self.buf = 0, b""

    def block(self):
        s = [*SIGMA, *self.key, self.counter & M32, self.counter >> 32, 0, 0]
        x = list(s)
        for _ in range(10):
            for a, b, c, d in ((0, 4, 8, 12), (1, 5, 9, 13), (2, 6, 10, 14), (3, 7, 11, 15),
                               (0, 5, 10, 15), (1, 6, 11, 12), (2, 7, 8, 13), (3, 4, 9, 14)):
                x[a] = (x[a] + x[b]) & M32; x[d] = rotl(x[d] ^ x[a], 16)  # noqa: E702
                x[c] = (x[c] + x[d]) & M32; x[b] = rotl(x[b] ^ x[c], 12)  # noqa: E702
                x[a] = (x[a] + x[b]) & M32; x[d] = rotl(x[d] ^ x[a], 8)  # noqa: E702
                x[c] = (x[c] + x[d]) & M32; x[b] = rotl(x[b] ^ x[c], 7)  # noqa: E702
        self.counter += 1
        return struct.pack("<16I", *((a + b) & M32 for a, b in zip(x, s)))

    def bytes(self, n):
        while len(self.buf) < n:
            self.buf += self.block()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def scalar(self):
        """64 bytes of stream reduced mod l, drawn again if zero."""
        while True:
            s = int.from_bytes(self.bytes(64), "little") % L
            if s:
                return s
