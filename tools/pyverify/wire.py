"""docs/wire.md, as far as a record file needs it, written from the document alone: the strict JSON
profile (§3.1), values and identifiers (§3.2, §3.3), unknown members (§3.4), the enrollment bundle
(§2), the board entry hash (§7.1, docs/storage.md §2), the JSON payloads of the board (§7.2, §8.2)
and the record statement (§6.3). Every reader raises protocol.Fail with the JSON path of the first
member that does not read ("manifest.contests[2].kind: ...")."""

import ipaddress
import json
import re

import curve
from protocol import H32, Fail, decode_point, need, short_code, signing_input, text, u32, u64

MAX_INT = 2**53 - 1
MAX_DEPTH = 32
MAX_MEMBERS = 256
MAX_PAYLOAD_JSON_BYTES = 4 << 20  # a JSON payload of the board: the default message size (§1)

# ---- §3.1 the JSON profile -------------------------------------------------------------------

_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")  # U+0000, and a surrogate left alone by a \u escape


def _members(pairs):
    """Rule 3: no two members of one object have the same name (after unescaping), at most 256."""
    need(len(pairs) <= MAX_MEMBERS, f"an object with more than {MAX_MEMBERS} members")
    d = {}
    for k, v in pairs:
        need(k not in d, f"duplicate member name \"{k}\"")
        d[k] = v
    return d


def _integer(s):
    """Rule 5: -?(0|[1-9][0-9]*) (the decoder's grammar), not -0, within ±(2^53 − 1)."""
    need(s != "-0", "-0 is not allowed")
    need(len(s) <= 17, f"integer {s[:20]}… outside ±(2^53 − 1)")
    v = int(s)
    need(-MAX_INT <= v <= MAX_INT, f"integer {s} outside ±(2^53 − 1)")
    return v


def _no_fraction(s):
    raise Fail(f"{s}: numbers must be integers (no fraction or exponent)")


def _no_constant(s):
    raise Fail(f"{s} is not JSON")


def _walk(v, depth):
    """Rule 4 (depth, the top-level object is 1) and rule 1 (no U+0000, no lone surrogate)."""
    if isinstance(v, str):
        need(not _BAD_CHARS.search(v), "a string holds U+0000 or a lone surrogate")
    elif isinstance(v, (dict, list)):
        need(depth <= MAX_DEPTH, f"nesting deeper than {MAX_DEPTH}")
        for k in v:
            if isinstance(v, dict):
                _walk(k, depth)
                _walk(v[k], depth + 1)
            else:
                _walk(k, depth + 1)


def parse_json_object(data, max_bytes=MAX_PAYLOAD_JSON_BYTES):
    """One JSON text in the profile of §3.1 (bytes in); returns its top-level object as a dict."""
    need(len(data) <= max_bytes, f"{len(data)} bytes, more than {max_bytes}")
    need(not data.startswith(b"\xef\xbb\xbf"), "a byte-order mark")
    try:
        s = data.decode("utf-8")  # strict: no overlong form, no encoded surrogate, nothing above U+10FFFF
    except UnicodeDecodeError as e:
        raise Fail(f"not UTF-8 at byte {e.start}") from None
    try:
        # json's grammar already refuses leading zeros, raw control characters in strings and any
        # white space but space, tab, LF and CR (rule 6); the hooks do rules 3 and 5.
        v = json.loads(s, object_pairs_hook=_members, parse_int=_integer, parse_float=_no_fraction,
                       parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise Fail(f"malformed JSON at character {e.pos}: {e.msg}") from None
    except RecursionError:
        raise Fail(f"nesting deeper than {MAX_DEPTH}") from None
    need(isinstance(v, dict), "the top-level value must be an object")
    _walk(v, 1)
    return v


# ---- §3.2-§3.4 members of an object ----------------------------------------------------------

ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
HEX = re.compile(r"(?:[0-9a-f]{2})*")


class Obj:
    """The members of one JSON object, read one by one; finish() refuses a member never read
    (§3.4: unknown members are rejected everywhere, a member not allowed in a variant is unknown)."""

    def __init__(self, d, path):
        self.d, self.path, self.seen = d, path, set()

    def at(self, name):
        return f"{self.path}.{name}" if self.path else name

    def has(self, name):
        return name in self.d

    def get(self, name):
        self.seen.add(name)
        need(name in self.d, f"missing field {self.at(name)}")
        need(self.d[name] is not None, f"{self.at(name)}: null is not allowed")
        return self.d[name]

    def text(self, name, lo, hi):
        """Text: a string of lo..hi UTF-8 bytes, no C0 control character and no DEL."""
        return check_text(self.get(name), self.at(name), lo, hi)

    def ident(self, name, hi):
        """§3.3: 1..hi ASCII characters of [A-Za-z0-9._-], the first a letter or digit."""
        s = self.text(name, 1, hi)
        need(ID.fullmatch(s), f"{self.at(name)}: \"{s}\" is not an id (A-Z a-z 0-9 . _ -)")
        return s

    def integer(self, name, lo, hi):
        return check_integer(self.get(name), self.at(name), lo, hi)

    def boolean(self, name):
        v = self.get(name)
        need(isinstance(v, bool), f"{self.at(name)}: expected true or false")
        return v

    def hex(self, name, lo, hi=None):
        """Binary data: lowercase hex of lo..hi bytes (exactly lo when hi is not given)."""
        return check_hex(self.get(name), self.at(name), lo, lo if hi is None else hi)

    def enum(self, name, values):
        s = self.text(name, 1, 64)
        need(s in values, f"{self.at(name)}: \"{s}\" is not one of {', '.join(values)}")
        return s

    def nested(self, name, read):
        v = self.get(name)
        need(isinstance(v, dict), f"{self.at(name)}: expected an object")
        return read_object(v, self.at(name), read)

    def array(self, name, lo, hi):
        v = self.get(name)
        need(isinstance(v, list), f"{self.at(name)}: expected an array")
        need(lo <= len(v) <= hi, f"{self.at(name)}: {len(v)} items, expected {lo}..{hi}")
        return v

    def objects(self, name, lo, hi, read):
        out = []
        for i, v in enumerate(self.array(name, lo, hi)):
            need(isinstance(v, dict), f"{self.at(name)}[{i}]: expected an object")
            out.append(read_object(v, f"{self.at(name)}[{i}]", read))
        return out

    def texts(self, name, lo, hi, max_bytes):
        return [check_text(v, f"{self.at(name)}[{i}]", 1, max_bytes)
                for i, v in enumerate(self.array(name, lo, hi))]

    def integers(self, name, lo, hi, vmin, vmax):
        return [check_integer(v, f"{self.at(name)}[{i}]", vmin, vmax)
                for i, v in enumerate(self.array(name, lo, hi))]

    def hexes(self, name, lo, hi, min_bytes, max_bytes):
        return [check_hex(v, f"{self.at(name)}[{i}]", min_bytes, max_bytes)
                for i, v in enumerate(self.array(name, lo, hi))]

    def finish(self):
        unknown = [k for k in self.d if k not in self.seen]
        need(not unknown, f"unknown field {self.at(unknown[0])}" if unknown else "")


def read_object(d, path, read):
    o = Obj(d, path)
    v = read(o)
    o.finish()
    return v


def read_json_text(data, path, read, max_bytes=MAX_PAYLOAD_JSON_BYTES):
    """A whole JSON text (bytes) read as one object by read(Obj)."""
    return read_object(parse_json_object(data, max_bytes), path, read)


def check_text(v, path, lo, hi):
    need(isinstance(v, str), f"{path}: expected a string")
    n = len(v.encode())
    need(lo <= n <= hi, f"{path}: length {n} bytes is outside [{lo}, {hi}]")
    need(not re.search("[\x00-\x1f\x7f]", v), f"{path}: control character in text")
    return v


def check_integer(v, path, lo, hi):
    need(isinstance(v, int) and not isinstance(v, bool), f"{path}: expected an integer")
    need(lo <= v <= hi, f"{path}: {v} is outside [{lo}, {hi}]")
    return v


def check_hex(v, path, lo, hi):
    need(isinstance(v, str), f"{path}: expected a string")
    need(HEX.fullmatch(v), f"{path}: not lowercase hex")
    n = len(v) // 2
    need(lo <= n <= hi, f"{path}: {n} bytes, expected {lo}" + ("" if lo == hi else f"..{hi}"))
    return bytes.fromhex(v)


# ---- §2 the enrollment bundle ----------------------------------------------------------------

BUNDLE_FORMAT = "councilvote-enrollment/2"
DNS_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def split_server(s, path):
    """"host:port": host a DNS name or dotted IPv4 address (letters, digits, '-', '.'; labels of 1-63
    characters, none starting or ending with '-'; at most 253 characters) or an IPv6 address in
    brackets; port 1-65535 in decimal without leading zeros."""
    host, colon, port = s.rpartition(":")
    need(colon and re.fullmatch(r"[1-9][0-9]{0,4}", port) and int(port) <= 65535,
         f"{path}: \"{s}\": expected host:port, port 1-65535 without leading zeros")
    if host.startswith("["):
        ok = host.endswith("]")
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            ok = False
        need(ok, f"{path}: \"{host}\" is not an IPv6 address in brackets")
    else:
        need(len(host) <= 253 and all(DNS_LABEL.fullmatch(x) for x in host.split(".")),
             f"{path}: \"{host}\" is not a host name or IPv4 address")
    return host, int(port)


def read_bundle(o):
    """The JSON form: exactly format, meeting_id, server, min_ballots, tls_cert_sha256, server_key, sig."""
    fmt = o.text("format", 1, 64)
    need(fmt == BUNDLE_FORMAT, f"{o.at('format')}: unsupported version \"{fmt}\" (not {BUNDLE_FORMAT})")
    b = {"meeting_id": o.ident("meeting_id", 128)}
    b["host"], b["port"] = split_server(o.text("server", 3, 300), o.at("server"))
    b["min_ballots"] = o.integer("min_ballots", 2, 9999)
    b["tls_cert_sha256"] = o.hex("tls_cert_sha256", 32)
    b["server_key"] = o.hex("server_key", 32)
    b["sig"] = o.hex("sig", 64)
    return b


def bundle_message(b):
    """str(meeting_id) || str(host) || u32(port) || u32(min_ballots) || fixed(tls_cert_sha256) ||
    fixed(server_key)"""
    return (text(b["meeting_id"]) + text(b["host"]) + u32(b["port"]) + u32(b["min_ballots"]) +
            b["tls_cert_sha256"] + b["server_key"])


def verify_bundle(b):
    """The signature for tag CV/enrollment by server_key (strict Ed25519, protocol.md §4.1)."""
    error = curve.ed_verify(b["server_key"], signing_input("CV/enrollment", bundle_message(b)), b["sig"])
    need(error is None, f"the enrollment bundle's signature does not verify ({error})")


def bundle_code(b):
    """Crockford base32 of the first 10 bytes of H32("CV/enrollment-code", fixed(signed message))."""
    return short_code(H32("CV/enrollment-code", bundle_message(b)))


# ---- §7.1 board entries ----------------------------------------------------------------------

BOARD_KINDS = ("manifest", "ballot", "commitments", "share", "complaint", "partial_decryption", "tally",
               "result", "attendance", "chair_decision")
TEXT_KINDS = ("manifest", "attendance", "tally", "result", "chair_decision")  # their payload is a UTF-8 JSON text
CREATED_AT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z")


def entry_hash(seq, kind, poll, created_at, payload, prev):
    """H32("CV/board-entry", u64(seq), str(kind), str(poll or ""), str(created_at), var(payload), fixed(prev))"""
    return H32("CV/board-entry", u64(seq), text(kind), text(poll), text(created_at), u32(len(payload)) + payload,
               prev)


# ---- §6.3 the record statement ---------------------------------------------------------------


def read_statement(o):
    """{meeting, poll, record_digest, board_seq, board_head, server_time, sig}"""
    return {"meeting": o.ident("meeting", 128), "poll": o.ident("poll", 128),
            "record_digest": o.hex("record_digest", 32), "board_seq": o.integer("board_seq", 1, MAX_INT),
            "board_head": o.hex("board_head", 32), "server_time": o.integer("server_time", 0, MAX_INT),
            "sig": o.hex("sig", 64)}


def statement_message(s):
    """str(meeting) || str(poll) || fixed(record_digest) || u64(board_seq) || fixed(board_head) ||
    u64(server_time)"""
    return (text(s["meeting"]) + text(s["poll"]) + s["record_digest"] + u64(s["board_seq"]) + s["board_head"] +
            u64(s["server_time"]))


def verify_statement(s, server_key):
    """The signature for tag CV/record under the bundle's server key."""
    error = curve.ed_verify(server_key, signing_input("CV/record", statement_message(s)), s["sig"])
    need(error is None, f"the signature does not verify under the bundle's server key ({error})")


def record_digest(record_bytes):
    """H32("CV/record-digest", var(record bytes))"""
    return H32("CV/record-digest", u32(len(record_bytes)) + record_bytes)


# ---- §8.2 common objects ---------------------------------------------------------------------

MAX_TEXT = 500


def read_nominee(o):
    """NomineeRow {nominee_no, kind, name, position, unit, award, rule_id}"""
    return {"nominee_no": o.integer("nominee_no", 1, 9999), "kind": o.enum("kind", ("ca_nhan", "tap_the")),
            "name": o.text("name", 1, MAX_TEXT), "position": o.text("position", 0, MAX_TEXT),
            "unit": o.text("unit", 0, MAX_TEXT), "award": o.text("award", 1, 200),
            "rule_id": o.ident("rule_id", 64)}


def read_fraction(o, num_min):
    """Fraction {num, den}: den 1–1000, num num_min–den (never reduced)."""
    den = o.integer("den", 1, 1000)
    return {"num": o.integer("num", num_min, den), "den": den}


def read_rule(o):
    """RuleProfile {rule_id, label, threshold, comparison, denominator, quorum, source}; threshold a
    Fraction with num ≥ 1, quorum a Fraction with num ≥ 0"""
    return {"rule_id": o.ident("rule_id", 64), "label": o.text("label", 1, MAX_TEXT),
            "threshold": o.nested("threshold", lambda f: read_fraction(f, 1)),
            "comparison": o.enum("comparison", ("at_least", "more_than")),
            "denominator": o.enum("denominator", ("all_members", "present_members")),
            "quorum": o.nested("quorum", lambda f: read_fraction(f, 0)), "source": o.text("source", 0, MAX_TEXT)}


def read_chair_decision(o):
    """ChairDecision {meeting, poll, tally_context, award, nominees, member_no, key, sig} (§8.2)"""
    d = {"meeting": o.ident("meeting", 128), "poll": o.ident("poll", 128),
         "tally_context": o.hex("tally_context", 32), "award": o.text("award", 1, 200),
         "nominees": o.integers("nominees", 1, 4096, 1, 9999), "member_no": o.integer("member_no", 1, 9999),
         "key": o.hex("key", 32), "sig": o.hex("sig", 64)}
    need(all(a < b for a, b in zip(d["nominees"], d["nominees"][1:])),
         f"{o.at('nominees')}: not strictly ascending")
    return d


def chair_decision_message(d):
    """str(meeting) || str(poll) || fixed(tally_context) || str(award) || u32(n) || u32(nominees[i])… ||
    u32(member_no) || fixed(key)"""
    return (text(d["meeting"]) + text(d["poll"]) + d["tally_context"] + text(d["award"]) +
            u32(len(d["nominees"])) + b"".join(u32(n) for n in d["nominees"]) + u32(d["member_no"]) + d["key"])


def chair_decision_signature_ok(d):
    """The signature for tag CV/chair-decision by key (strict Ed25519)."""
    return curve.ed_verify(d["key"], signing_input("CV/chair-decision", chair_decision_message(d)), d["sig"]) is None


KINDS = {"commendation": 1, "general": 2}  # protocol.md §8: u8(kind)


def read_contest_spec(o):
    return {"id": o.text("id", 1, 256), "kind": KINDS[o.enum("kind", tuple(KINDS))],
            "options": o.integer("options", 1, 63), "min": o.integer("min", 0, 63), "max": o.integer("max", 0, 63)}


def read_manifest(o):
    """{meeting_id, poll_id, disagree_weight, roster_digest, contests}: the manifest of protocol.md §8."""
    return {"meeting_id": o.text("meeting_id", 1, 256), "poll_id": o.text("poll_id", 1, 256),
            "disagree_weight": o.integer("disagree_weight", 2, 2**32 - 1),
            "roster_digest": o.hex("roster_digest", 32),
            "contests": o.objects("contests", 1, 4096, read_contest_spec)}


def read_display(o):
    """What a client shows: nominee (commendation), or label and option_labels (general)."""
    d = {}
    if o.has("nominee"):
        d["nominee"] = o.nested("nominee", read_nominee)
    if o.has("label"):
        d["label"] = o.text("label", 1, MAX_TEXT)
    if o.has("option_labels"):
        d["option_labels"] = o.texts("option_labels", 1, 63, MAX_TEXT)
    return d


def read_ceremony(o):
    """{threshold, trustees: [{index, box_key}], commitments: [hex, ...]} (protocol.md §12.2, §12.3)"""
    return {"threshold": o.integer("threshold", 1, 255),
            "trustees": o.objects("trustees", 1, 255,
                                  lambda t: (t.integer("index", 1, 255), t.hex("box_key", 32))),
            "commitments": o.hexes("commitments", 0, 255, 8 + 96, 8 + 96 * 255)}


def read_window(o):
    w = (o.integer("from", 0, MAX_INT), o.integer("until", 0, MAX_INT))
    need(w[0] < w[1], f"{o.at('until')}: must be after \"from\"")
    return w


def read_poll_definition(o):
    """PollDefinition {poll, title, manifest, display, roster, joint_key, context_hash, ceremony,
    remote_window?}"""
    d = {"poll": o.ident("poll", 128), "title": o.text("title", 1, MAX_TEXT)}
    if o.has("remote_window"):
        d["remote_window"] = o.nested("remote_window", read_window)
    d["manifest"] = o.nested("manifest", read_manifest)
    d["display"] = o.objects("display", 1, 4096, read_display)
    d["roster"] = o.hexes("roster", 1, 9999, 32, 32)
    jk = o.hex("joint_key", 32)
    try:
        d["joint_key"] = decode_point(jk, "joint_key")
    except Fail as e:
        raise Fail(f"{o.at('joint_key')}: {e}") from None
    d["joint_key_bytes"] = jk
    d["context_hash"] = o.hex("context_hash", 32)
    d["ceremony"] = o.nested("ceremony", read_ceremony)
    return d


ATTENDANCE = ("present", "remote", "absent", "unknown")


def read_attendance(o):
    """FrozenAttendance {poll, members: [{member_no, status}]}, strictly ascending member_no."""
    a = {"poll": o.ident("poll", 128),
         "members": o.objects("members", 1, 1000,
                              lambda m: (m.integer("member_no", 1, 9999), m.enum("status", ATTENDANCE)))}
    numbers = [n for n, _ in a["members"]]
    for i in range(1, len(numbers)):
        need(numbers[i] > numbers[i - 1], f"{o.at('members')}: member numbers are not strictly ascending at [{i}]")
    return a


def read_tally(o):
    """Tally {poll, poll_context, ballots, totals}: per slot alpha || beta, identity points allowed."""
    t = {"poll": o.ident("poll", 128), "poll_context": o.hex("poll_context", 32),
         "ballots": o.integer("ballots", 0, 9999), "totals": o.hexes("totals", 1, 4096 * 63, 64, 64)}
    for i, x in enumerate(t["totals"]):
        try:
            decode_point(x[:32], "alpha", identity_ok=True)
            decode_point(x[32:], "beta", identity_ok=True)
        except Fail as e:
            raise Fail(f"{o.at('totals')}[{i}]: {e}") from None
    return t
