"""The CouncilVote record (docs/record.md §1-§3: read strictly, every derived value recomputed) and
the record file (§5) with its verification (§6), check by check, written from the documents alone.

The file is read one line at a time and hashed as it is read; what is kept between lines is the
poll's definition, the running tally, the valid partial decryptions and the result entry's text,
never the ballots."""

import hashlib
import re
import sys
import time

import curve
from batch import DiscreteLog, verify_statements
from protocol import (COMMENDATION, GENERAL, Fail, ceremony_context, check_manifest, combine,
                      context_hash, decode_results, enc, feldman, need, roster_digest, same, short_code,
                      tally_context, text, total, tracking_code, verify_ballot, verify_commitments,
                      verify_partial_decryption)
import wire
from wire import MAX_INT, read_json_text

RECORD_FORMAT = "councilvote-record/1"
RECORD_FILE_FORMAT = "councilvote-record-file/1"
MAX_LINE = 96 << 20  # the longest line of a record file (kMaxRecordLineBytes)
ROWS = 1000  # the most members of a roster
OUTCOMES = ("passed", "not_passed", "quorum_not_met", "tie_at_quota")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# ---- record.md §1-§2: the record -------------------------------------------------------------


def read_meeting(o):
    m = {"meeting_id": o.ident("meeting_id", 128), "council": o.text("council", 1, 500),
         "session_name": o.text("session_name", 1, 500), "date": o.text("date", 10, 10),
         "place": o.text("place", 0, 500)}
    need(DATE.fullmatch(m["date"]), f"{o.at('date')}: not YYYY-MM-DD")
    return m


def read_turnout(o):
    """{members, present, remote, absent, unknown, ballots, ballots_in_room, ballots_remote, voted}"""
    t = {"members": o.integer("members", 1, ROWS)}
    for name in ("present", "remote", "absent", "unknown", "ballots", "ballots_in_room", "ballots_remote"):
        t[name] = o.integer(name, 0, ROWS)
    t["voted"] = o.integers("voted", 0, ROWS, 1, 9999)
    return t


def read_contest(o):
    """commendation {position, contest_id, kind, nominee, rule, award_quota?, agree, disagree, blank,
    not_voted, denominator, agree_basis_points, rule_met, quorum_met, outcome, quota_rank?};
    general {position, contest_id, kind, label, option_labels, option_counts}"""
    c = {"position": o.integer("position", 0, 4095), "contest_id": o.text("contest_id", 1, 256),
         "kind": wire.KINDS[o.enum("kind", tuple(wire.KINDS))]}
    if c["kind"] == GENERAL:
        c["label"] = o.text("label", 1, 500)
        c["option_labels"] = o.texts("option_labels", 1, 63, 500)
        c["option_counts"] = o.integers("option_counts", 1, 63, 0, ROWS)
        return c
    c["nominee"] = o.nested("nominee", wire.read_nominee)
    c["rule"] = o.nested("rule", wire.read_rule)
    c["award_quota"] = o.integer("award_quota", 1, 10000) if o.has("award_quota") else None
    for name in ("agree", "disagree", "blank", "not_voted", "denominator"):
        c[name] = o.integer(name, 0, ROWS)
    c["agree_basis_points"] = o.integer("agree_basis_points", 0, 10000)
    c["rule_met"], c["quorum_met"] = o.boolean("rule_met"), o.boolean("quorum_met")
    c["outcome"] = o.enum("outcome", OUTCOMES)
    c["quota_rank"] = o.integer("quota_rank", 1, 4096) if o.has("quota_rank") else None
    c["chair_decided"] = o.boolean("chair_decided") if o.has("chair_decided") else False
    need(not o.has("chair_decided") or c["chair_decided"], f"{o.at('chair_decided')}: present only when true")
    return c


ROLES = ("chair", "vice_chair", "secretary", "member")


def read_member(o):
    """{member_no, full_name, council_role}: a member of the poll's roster as the server names him"""
    return {"member_no": o.integer("member_no", 1, 9999), "full_name": o.text("full_name", 1, 200),
            "council_role": o.enum("council_role", ROLES)}


def read_trustee(o):
    """{index, member_no}: who holds a trustee place of the ceremony"""
    return {"index": o.integer("index", 1, 255), "member_no": o.integer("member_no", 1, 9999)}


def read_chair_ref(o):
    """{seq, award, nominees, member_no}: a chair_decision entry the record applies (§3 step 9)"""
    return {"seq": o.integer("seq", 1, MAX_INT), "award": o.text("award", 1, 200),
            "nominees": o.integers("nominees", 1, 4096, 1, 9999), "member_no": o.integer("member_no", 1, 9999)}


def read_record(o):
    """record.md §2, every member required unless marked optional, no other member (§1)."""
    fmt = o.text("format", 1, 64)
    need(fmt == RECORD_FORMAT, f"{o.at('format')}: unsupported version \"{fmt}\" (not {RECORD_FORMAT})")
    r = {"meeting": o.nested("meeting", read_meeting), "poll": o.ident("poll", 128),
         "title": o.text("title", 1, 500), "poll_context": o.hex("poll_context", 32),
         "tally_context": o.hex("tally_context", 32)}
    for name in ("manifest_seq", "tally_seq", "attendance_seq"):
        r[name] = o.integer(name, 1, MAX_INT)
    r["min_ballots"] = o.integer("min_ballots", 2, 9999)
    r["threshold"] = o.integer("threshold", 1, 255)
    r["decrypting_trustees"] = o.integers("decrypting_trustees", 1, 255, 1, 255)
    r["partial_seqs"] = o.integers("partial_seqs", 1, 255, 1, MAX_INT)
    r["turnout"] = o.nested("turnout", read_turnout)
    r["members"] = o.objects("members", 1, ROWS, read_member)
    r["trustees"] = o.objects("trustees", 1, 255, read_trustee)
    r["contests"] = o.objects("contests", 1, 4096, read_contest)
    r["chair_decisions"] = o.objects("chair_decisions", 1, 4096, read_chair_ref) if o.has("chair_decisions") else []
    r["closed_at"] = o.text("closed_at", 24, 24)
    need(wire.CREATED_AT.fullmatch(r["closed_at"]), f"{o.at('closed_at')}: not YYYY-MM-DDTHH:MM:SS.SSSZ")
    return r


# ---- record.md §3: the rules -----------------------------------------------------------------


def rule_passes(rule, agree, denominator):
    """rule 4: agree × threshold.den ≥ threshold.num × denominator (at_least), > (more_than)"""
    lhs, rhs = agree * rule["threshold"]["den"], rule["threshold"]["num"] * denominator
    return lhs >= rhs if rule["comparison"] == "at_least" else lhs > rhs


def check_record_input(r):
    """What §2 and §3 require of the record as a whole before anything is recomputed."""
    t = r["turnout"]
    need(len(r["decrypting_trustees"]) >= r["threshold"], "decrypting_trustees: fewer trustees than the threshold")
    # First, B = turnout.ballots ≥ min_ballots
    need(t["ballots"] >= r["min_ballots"],
         f"min_ballots: the record counts {t['ballots']} ballots, fewer than the minimum of {r['min_ballots']}")
    need(t["present"] + t["remote"] + t["absent"] + t["unknown"] == t["members"],
         "turnout: present + remote + absent + unknown is not members")
    need(t["ballots"] <= t["members"], "turnout: more ballots than members")
    need(t["ballots_in_room"] + t["ballots_remote"] == t["ballots"],
         "turnout: ballots_in_room + ballots_remote is not ballots")
    need(len(t["voted"]) == t["ballots"], "turnout: voted does not list one member per ballot")
    need(all(a < b for a, b in zip(t["voted"], t["voted"][1:])), "turnout: voted is not strictly ascending")
    need(len(r["decrypting_trustees"]) == len(r["partial_seqs"]),
         "decrypting_trustees and partial_seqs differ in length")
    seqs = [d["seq"] for d in r["chair_decisions"]]
    need(all(a < b for a, b in zip(seqs, seqs[1:])), "chair_decisions: not in board order")
    # the people (§2): one named member per roster member, ascending; at most one chair and one
    # secretary; voters on the roster; trustees 1..n, distinct members, at least t; decisions the chair's
    m = r["members"]
    numbers = [x["member_no"] for x in m]
    need(len(m) == t["members"], f"members: {len(m)} members named, the roster has {t['members']}")
    need(all(a < b for a, b in zip(numbers, numbers[1:])), "members: member numbers are not strictly ascending")
    roles = [x["council_role"] for x in m]
    need(roles.count("chair") <= 1 and roles.count("secretary") <= 1,
         "members: a poll's roster has one chair and one secretary")
    need(set(t["voted"]) <= set(numbers), "turnout: a voter is not on the roster")
    tr = r["trustees"]
    need(r["threshold"] <= len(tr), "trustees: fewer trustees than the threshold")
    need([x["index"] for x in tr] == list(range(1, len(tr) + 1)), "trustees: indices are not 1..n in order")
    need(all(x["member_no"] in numbers for x in tr), "trustees: a trustee is not on the roster")
    need(len({x["member_no"] for x in tr}) == len(tr), "trustees: a member holds two trustee places")
    need(all(1 <= d <= len(tr) for d in r["decrypting_trustees"]), "decrypting_trustees: not a trustee")
    chair = [x["member_no"] for x in m if x["council_role"] == "chair"]
    for i, d in enumerate(r["chair_decisions"]):
        need(chair and d["member_no"] == chair[0], f"chair_decisions[{i}].member: not the chair's decision")
    quotas = {}
    for i, c in enumerate(r["contests"]):
        need(c["position"] == i, f"contest[{i}].position: {c['position']} out of order")
        if c["kind"] == COMMENDATION:
            need(c["nominee"]["rule_id"] == c["rule"]["rule_id"], f"contest[{i}].rule: not the nominee's rule_id")
            # rule 1: agree + disagree + blank = B
            need(c["agree"] + c["disagree"] + c["blank"] == t["ballots"],
                 f"contest[{i}]: agree + disagree + blank is not turnout.ballots")
            award = c["nominee"]["award"]
            need(quotas.setdefault(award, c["award_quota"]) == c["award_quota"],
                 f"contest[{i}].award_quota: two quotas for the award \"{award}\"")
        else:
            need(len(c["option_counts"]) == len(c["option_labels"]), f"contest[{i}]: one count per option")
            need(all(n <= t["ballots"] for n in c["option_counts"]), f"contest[{i}]: an option count > ballots")


def expected_outcomes(r):
    """§3 rules 2-8 for every commendation contest: {position: the values the record must hold}."""
    t = r["turnout"]
    M, B = t["members"], t["ballots"]
    want = {}
    for c in r["contests"]:
        if c["kind"] != COMMENDATION:
            continue
        rule = c["rule"]
        w = {"not_voted": M - B}  # rule 2: not_voted = M − B
        # rule 3: M for all_members, present + remote for present_members
        w["denominator"] = M if rule["denominator"] == "all_members" else t["present"] + t["remote"]
        w["agree_basis_points"] = (c["agree"] * 20000 + M) // (2 * M)  # rule 6: ⌊(agree × 20000 + M) / 2M⌋
        w["rule_met"] = rule_passes(rule, c["agree"], w["denominator"])  # rule 4
        w["quorum_met"] = t["present"] * rule["quorum"]["den"] >= rule["quorum"]["num"] * M  # rule 5
        # rule 7: quorum_not_met, else not_passed, else passed (before the quota)
        w["outcome"] = "quorum_not_met" if not w["quorum_met"] else "not_passed" if not w["rule_met"] else "passed"
        w["quota_rank"] = None
        want[c["position"]] = w
    # rule 8: the quota, among the contests of the same award that met the rule and the quorum
    for c in r["contests"]:
        w = want.get(c["position"]) if c["kind"] == COMMENDATION else None
        if w is None or w["outcome"] != "passed" or c["award_quota"] is None:
            continue
        rivals = [o for o in r["contests"] if o["kind"] == COMMENDATION and o["nominee"]["award"] ==
                  c["nominee"]["award"] and want[o["position"]]["rule_met"] and want[o["position"]]["quorum_met"]]
        above = sum(o["agree"] > c["agree"] for o in rivals)
        equal = sum(o["agree"] == c["agree"] for o in rivals)  # itself included
        Q = c["award_quota"]
        w["quota_rank"] = above + 1  # competition ranking 1, 2, 2, 4
        w["outcome"] = "passed" if above + equal <= Q else "tie_at_quota" if above < Q else "not_passed"
    for w in want.values():
        w["chair_decided"] = False
    # rule 9: the chair's decisions, in board order, each against the record as it was before it
    for i, d in enumerate(r["chair_decisions"]):
        tied = [c for c in r["contests"] if c["kind"] == COMMENDATION and want[c["position"]]["outcome"] ==
                "tie_at_quota" and c["nominee"]["award"] == d["award"]]
        need(tied, f"chair_decisions[{i}].award: \"{d['award']}\" has no tie at its quota to decide")
        numbers = [c["nominee"]["nominee_no"] for c in tied]
        places = tied[0]["award_quota"] + 1 - want[tied[0]["position"]]["quota_rank"]
        for n in d["nominees"]:
            need(n in numbers, f"chair_decisions[{i}].nominee: nominee {n} is not tied at the quota")
        need(len(d["nominees"]) == places,
             f"chair_decisions[{i}].places: the decision names {len(d['nominees'])}, {places} places are left")
        for c in tied:
            w = want[c["position"]]
            w["chair_decided"] = True
            w["outcome"] = "passed" if c["nominee"]["nominee_no"] in d["nominees"] else "not_passed"
    return want


def verify_outcomes(r):
    """record.outcomes: every value of §3 recomputed; names the first contest and field that differs."""
    check_record_input(r)
    want = expected_outcomes(r)
    for i, c in enumerate(r["contests"]):
        for field, value in want.get(i, {}).items():
            need(c[field] == value, f"contest[{i}].{field}: the record says {c[field]}, §3 gives {value}")


# ---- record.md §5: the lines of the file -----------------------------------------------------


def read_header(o):
    """{format, bundle, poll, roster: [{member_no, key}], entries, ballots}"""
    fmt = o.text("format", 1, 64)
    need(fmt == RECORD_FILE_FORMAT, f"{o.at('format')}: unsupported version \"{fmt}\" (not {RECORD_FILE_FORMAT})")
    return {"bundle": o.nested("bundle", wire.read_bundle), "poll": o.ident("poll", 128),
            "roster": o.objects("roster", 1, ROWS, lambda m: (m.integer("member_no", 1, 9999), m.hex("key", 32))),
            "entries": o.integer("entries", 1, MAX_INT), "ballots": o.integer("ballots", 0, ROWS)}


def read_entry(o):
    """{seq, kind, poll?, created_at, payload | payload_text, prev, hash}"""
    e = {"seq": o.integer("seq", 1, MAX_INT), "kind": o.enum("kind", wire.BOARD_KINDS)}
    e["poll"] = o.ident("poll", 128) if o.has("poll") else ""
    e["created_at"] = o.text("created_at", 24, 24)
    need(wire.CREATED_AT.fullmatch(e["created_at"]), f"{o.at('created_at')}: not YYYY-MM-DDTHH:MM:SS.SSSZ")
    if e["kind"] in wire.TEXT_KINDS:
        e["payload"] = o.text("payload_text", 1, MAX_LINE).encode()
    else:
        e["payload"] = o.hex("payload", 1, MAX_LINE // 2)
    e["prev"], e["hash"] = o.hex("prev", 32), o.hex("hash", 32)
    return e


class Lines:
    """The file, one line at a time, hashed as it is read:
    fingerprint = H32("CV/record-file", fixed(every byte of the file, LFs included))."""

    def __init__(self, path):
        self.fh = open(path, "rb")
        self.number = 0
        self.hash = hashlib.blake2b(b"CouncilVote/1" + text("CV/record-file"), digest_size=64)

    def next(self):
        """The next line without its LF; None at the end of the file. Fail for a line longer than
        96 MiB, a last line without LF, or a CR."""
        line = self.fh.readline(MAX_LINE + 2)
        if not line:
            return None
        self.number += 1
        need(line.endswith(b"\n") or len(line) <= MAX_LINE,
             f"line {self.number} is longer than {MAX_LINE} bytes")
        need(line.endswith(b"\n"), f"line {self.number}: the file ends without a newline")
        need(b"\r" not in line, f"line {self.number}: a CR (lines end with LF alone)")
        self.hash.update(line)
        return line[:-1]

    def fingerprint(self):
        return self.hash.digest()[:32]


# ---- record.md §6: the checks ----------------------------------------------------------------

CHECKS = ("file.header", "bundle.signature", "board.chain", "board.complete", "ceremony.transcript", "manifest",
          "poll_context", "attendance.entry", "roster.members", "ballots.verify", "ballots.one_per_member",
          "tally.entry", "tally.min_ballots", "tally.matches", "partials.verify", "partials.threshold",
          "counts.decrypt", "result.entry", "record.statement", "record.parse", "record.binding",
          "record.counts", "record.turnout", "record.min_ballots", "record.outcomes", "record.chair_decisions",
          "tracking_code")


class Finding:
    """The first problem of a check found while streaming, and how many there were."""

    def __init__(self):
        self.first, self.count = None, 0

    def note(self, what):
        if self.count == 0:
            self.first = what
        self.count += 1


def entry_name(seq):
    return f"board entry {seq}"


def short(b):
    return b.hex()[:16] + "…"


class RecordFile:
    """Verifies one record file: run() returns the list of (check, "pass" | "fail" | "skip", detail)
    in the order of record.md §6, and sets fingerprint when the whole file was read."""

    def __init__(self, path, server_key=None, tracking=None, progress=None):
        self.path, self.server_key, self.tracking, self.progress = path, server_key, tracking, progress
        self.results, self.fingerprint, self.whole_file = [], None, False
        self.header = None
        self.read_error = self.statement_error = None
        self.statement = None
        self.chain, self.manifest_f, self.context_f, self.ballots_f = Finding(), Finding(), Finding(), Finding()
        self.duplicates, self.attendance_f, self.tally_f = Finding(), Finding(), Finding()
        self.partials_f, self.result_f = Finding(), Finding()
        self.entries, self.last_seq, self.last_hash, self.prev = 0, 0, bytes(32), bytes(32)
        self.board_commitments = []
        self.manifest_seq = self.attendance_seq = self.tally_seq = self.result_seq = 0
        self.last_ballot_seq = 0
        self.definition = self.m = self.ctx = self.K = self.shares = None
        self.roster = []
        self.ballots_seen = self.partials_seen = self.counted = 0
        self.voter_seq = {}
        self.slots = None  # the running sums, one (alpha, beta) per slot
        self.attendance = self.tally = None
        self.tally_same = None
        self.tally_diff = ""
        self.valid, self.valid_seq = {}, {}
        self.counts = None
        self.record_bytes, self.result_hash = None, None
        self.record = None
        self.tracking_seq = None
        self.chair_entries = []

    # -------------------------------------------------------------------------------- reporting

    def result(self, name, outcome, detail):
        self.results.append((name, outcome, detail))
        return outcome == "pass"

    def ok(self, name, detail):
        return self.result(name, "pass", detail)

    def bad(self, name, detail):
        return self.result(name, "fail", detail)

    def passed(self, name):
        return any(n == name and r == "pass" for n, r, _ in self.results)

    def needs(self, name, *deps):
        """A check runs only when the checks it needs passed; otherwise it is SKIP."""
        for d in deps:
            if not self.passed(d):
                self.result(name, "skip", f"not run: needs {d}")
                return False
        return True

    @staticmethod
    def attempt(fn, *args):
        """(fn(*args), None), or (None, the reason) when it raises Fail."""
        try:
            return fn(*args), None
        except Fail as e:
            return None, str(e)

    # -------------------------------------------------------------------------------- reading

    def run(self):
        try:
            lines = Lines(self.path)
        except OSError as e:
            self.bad("file.header", f"cannot read {self.path}: {e.strerror}")
            return self.results
        with lines.fh:
            self.read(lines)
        if self.header is not None:
            self.finish()
        return self.results

    def read(self, lines):
        try:
            first = lines.next()
        except Fail as e:
            return self.bad("file.header", str(e))
        if first is None:
            return self.bad("file.header", "the file is empty")
        try:
            self.header = read_json_text(first, "header", read_header, MAX_LINE)
        except Fail as e:
            return self.bad("file.header", f"line 1: {e}")
        h = self.header
        self.ok("file.header", f"poll {h['poll']}, {h['entries']} board entries, {h['ballots']} ballots")
        self.check_bundle()
        self.member_of_key = {key: no for no, key in h["roster"]}
        started = last_report = time.monotonic()
        while True:
            try:
                line = lines.next()
            except Fail as e:
                self.read_error = str(e)
                break
            if line is None:
                break
            if self.progress and time.monotonic() - last_report > 2 and time.monotonic() - started > 1:
                last_report = time.monotonic()
                self.progress(f"line {lines.number}, ballot {self.ballots_seen} of {h['ballots']}")
            if line.startswith(b'{"statement"'):
                self.read_statement(line, lines)
                break
            try:
                e = read_json_text(line, "entry", read_entry, MAX_LINE)
            except Fail as err:
                self.chain.note(f"line {lines.number}: {err}")
                self.read_error = self.chain.first
                break
            self.on_entry(e)
        if self.read_error is None:
            self.whole_file = True
            self.fingerprint = lines.fingerprint()

    def read_statement(self, line, lines):
        """{"statement": {...}}: the RecordStatement; nothing may follow it."""
        try:
            self.statement = read_json_text(line, "", lambda o: o.nested("statement", wire.read_statement),
                                            MAX_LINE)
        except Fail as e:
            self.statement_error = f"line {lines.number}: {e}"
        try:
            if lines.next() is not None:
                self.read_error = f"line {lines.number}: a line after the record statement"
        except Fail as e:
            self.read_error = str(e)

    def check_bundle(self):
        """bundle.signature: the bundle's signature (tag CV/enrollment) under its server_key; with
        --server-key, that key is the one given."""
        b = self.header["bundle"]
        self.bundle_code = wire.bundle_code(b)
        _, error = self.attempt(wire.verify_bundle, b)
        if error:
            return self.bad("bundle.signature", error)
        if self.server_key is not None and self.server_key != b["server_key"]:
            return self.bad("bundle.signature", f"the bundle's server key {short(b['server_key'])} is not the key "
                                                "given with --server-key")
        pinned = " (the pinned key)" if self.server_key is not None else ""
        self.ok("bundle.signature", f"meeting {b['meeting_id']}, server key {short(b['server_key'])}, "
                                    f"bundle code {self.bundle_code}{pinned}")

    # -------------------------------------------------------------------------------- one entry

    def on_entry(self, e):
        """board.chain: seq = 1, 2, … without gaps; prev = the previous entry's hash (zero for seq 1);
        hash = H32("CV/board-entry", u64(seq), str(kind), str(poll), str(created_at), var(payload), fixed(prev))"""
        self.entries += 1
        seq = e["seq"]
        if seq != self.entries:
            self.chain.note(f"{entry_name(seq)} where {entry_name(self.entries)} was expected")
        elif e["prev"] != self.prev:
            self.chain.note(f"{entry_name(seq)}: prev is not the hash of the entry before it")
        elif wire.entry_hash(seq, e["kind"], e["poll"], e["created_at"], e["payload"], e["prev"]) != e["hash"]:
            self.chain.note(f"{entry_name(seq)}: the hash does not match the entry (it was altered)")
        self.prev = self.last_hash = e["hash"]
        self.last_seq = seq
        if e["kind"] == "commitments" and e["poll"] == "":
            self.board_commitments.append(e["payload"])
        if e["poll"] != self.header["poll"]:
            return
        handler = getattr(self, "on_" + e["kind"], None)
        if handler:
            handler(e)

    def on_manifest(self, e):
        """manifest: the poll's one manifest entry is a PollDefinition; poll_context: wire.md §6.4."""
        if self.manifest_seq:
            return self.manifest_f.note(f"{entry_name(e['seq'])} is a second manifest of the poll")
        self.manifest_seq = e["seq"]
        try:
            self.definition = read_json_text(e["payload"], "manifest", wire.read_poll_definition)
        except Fail as err:
            return self.manifest_f.note(f"{entry_name(e['seq'])}: {err}")
        try:
            self.verified_context(self.definition)
        except Fail as err:
            self.ctx = None
            self.context_f.note(f"{entry_name(e['seq'])}: {err}")

    def verified_context(self, d):
        """docs/wire.md §6.4, in its order and with its names: meeting, poll, manifest, display,
        roster, disagree_weight, ceremony, joint_key, context_hash."""
        m, meeting = d["manifest"], self.header["bundle"]["meeting_id"]

        def step(name, fn):
            try:
                return fn()
            except Fail as err:
                raise Fail(f"{name}: {err}") from None

        step("meeting", lambda: need(m["meeting_id"] == meeting,
                                     f"the manifest is for meeting \"{m['meeting_id']}\", not \"{meeting}\""))
        poll = self.header["poll"]
        step("poll", lambda: need(m["poll_id"] == d["poll"] == poll,
                                  f"the manifest is for poll \"{m['poll_id']}\" ({d['poll']}), not \"{poll}\""))
        step("manifest", lambda: check_manifest(m, 0))  # protocol.md §8 validity (the roster size below)
        step("display", lambda: need(len(d["display"]) == len(m["contests"]), "not one entry per contest"))
        step("roster", lambda: need(roster_digest(d["roster"]) == m["roster_digest"],
                                    "the roster's digest is not the manifest's roster_digest"))
        step("disagree_weight", lambda: need(m["disagree_weight"] > len(d["roster"]),
                                             "must exceed the number of members on the roster"))
        K, shares = step("ceremony", lambda: ceremony_key(meeting, d["ceremony"]))
        step("joint_key", lambda: need(same(K, d["joint_key"]),
                                       "the joint key is not the one the ceremony's commitments give"))
        K = d["joint_key"]
        step("context_hash", lambda: need(context_hash(m, K) == d["context_hash"],
                                          "does not match the manifest and the joint key"))
        self.m, self.K, self.shares, self.roster = m, K, shares, d["roster"]
        self.ctx = d["context_hash"]

    def ballot_place(self, e, pk=None):
        s = f"ballot {self.ballots_seen} ({entry_name(e['seq'])}"
        if pk is not None and pk in self.member_of_key:
            s += f", member {self.member_of_key[pk]}"
        return s + ")"

    def on_ballot(self, e):
        """ballots.verify: after the manifest, before the tally, every check of protocol.md §10;
        ballots.one_per_member: no two with the same key. A valid ballot is added to the tally."""
        self.ballots_seen += 1
        self.last_ballot_seq = e["seq"]
        if self.tracking is not None:
            code = tracking_code(e["payload"])
            if self.tracking in (code.hex(), short_code(code)):
                self.tracking_seq = e["seq"]
        if self.tally_seq:
            self.ballots_f.note(f"{self.ballot_place(e)} comes after the tally")
        if self.ctx is None:
            return self.ballots_f.note(f"{self.ballot_place(e)}: no verified manifest before it")
        pk = e["payload"][36:68] if len(e["payload"]) >= 68 else None

        def check(name, fn):
            try:
                return fn()
            except Fail as err:
                raise Fail(f"{name}: {err}") from None

        try:
            b = verify_ballot(check, self.m, self.K, self.roster, e["payload"], verify_statements)
        except Fail as err:
            return self.ballots_f.note(f"{self.ballot_place(e, pk)}: {err}")
        if b["pk"] in self.voter_seq:
            self.duplicates.note(f"{self.ballot_place(e, pk)} is a second ballot of the member of "
                                 f"{entry_name(self.voter_seq[b['pk']])}")
        else:
            self.voter_seq[b["pk"]] = e["seq"]
        # §11: per slot (a commendation contest, or an option of a general one, in manifest order)
        # the component-wise sum of the ballots' ciphertexts
        cts = [ct for c in b["contests"] for ct, _ in c["cts"]]
        self.slots = [(curve.add(a, x), curve.add(be, y)) for (a, be), (x, y) in zip(self.running_slots(), cts)]
        self.counted += 1

    def on_attendance(self, e):
        """attendance.entry: exactly one for the poll, after the last ballot and before the tally."""
        if self.attendance_seq:
            return self.attendance_f.note(f"{entry_name(e['seq'])} is a second attendance entry of the poll")
        self.attendance_seq = e["seq"]
        try:
            a = read_json_text(e["payload"], "attendance", wire.read_attendance)
        except Fail as err:
            return self.attendance_f.note(f"{entry_name(e['seq'])}: {err}")
        if a["poll"] != self.header["poll"]:
            return self.attendance_f.note(f"{entry_name(e['seq'])} is about another poll")
        if self.tally_seq:
            return self.attendance_f.note(f"{entry_name(e['seq'])} is not after the last ballot and before the "
                                          "tally")
        self.attendance = a

    def on_tally(self, e):
        """tally.entry: exactly one, a TallyInfo, after the attendance entry."""
        if self.tally_seq:
            return self.tally_f.note(f"{entry_name(e['seq'])} is a second tally of the poll")
        self.tally_seq = e["seq"]
        try:
            t = read_json_text(e["payload"], "tally", wire.read_tally)
        except Fail as err:
            return self.tally_f.note(f"{entry_name(e['seq'])}: {err}")
        if not self.attendance_seq:
            return self.tally_f.note(f"{entry_name(e['seq'])} is a tally made before the attendance was frozen")
        self.tally = t

    def running_slots(self):
        if self.slots is None and self.m is not None:
            n = sum(1 if c["kind"] == COMMENDATION else c["options"] for c in self.m["contests"])
            self.slots = [(curve.IDENTITY, curve.IDENTITY)] * n
        return self.slots

    def tally_context(self):
        """H32("CV/tally", fixed(ctx), u32(#ballots counted), u32(#slots), per slot fixed(alpha) fixed(beta))"""
        return tally_context(self.ctx, self.counted, self.running_slots())

    def tally_matches(self):
        """tally.matches: the tally entry is the ballots' sum, slot by slot: same poll, poll context,
        number of ballots and totals (computed once, at the first partial decryption or at the end)."""
        if self.tally_same is not None:
            return self.tally_same
        t, slots = self.tally, self.running_slots()
        diff = None
        if t["poll"] != self.header["poll"]:
            diff = f"the tally is about poll {t['poll']}"
        elif t["poll_context"] != self.ctx:
            diff = "the tally's poll_context is not the poll's"
        elif t["ballots"] != self.counted:
            diff = f"the tally counts {t['ballots']} ballots, the board has {self.counted} valid ones"
        elif len(t["totals"]) != len(slots):
            diff = "the tally has another number of slots"
        else:
            for i, ((a, b), x) in enumerate(zip(slots, t["totals"])):
                if enc(a) + enc(b) != x:
                    diff = f"totals[{i}] is not the sum of the ballots' slot {i}"
                    break
        self.tally_same, self.tally_diff = diff is None, diff or ""
        return self.tally_same

    def on_partial_decryption(self, e):
        """partials.verify: decodes, its proofs verify against the tally (protocol.md §12.6), no
        trustee twice."""
        self.partials_seen += 1
        if self.K is None or self.tally is None or not self.tally_matches():
            return self.partials_f.note(f"{entry_name(e['seq'])}: no verified tally before it")
        p = e["payload"]
        who = f" (trustee {int.from_bytes(p[:4], 'little')})" if len(p) >= 4 else ""
        try:
            j, D = verify_partial_decryption(p, self.tally_context(), self.K, self.shares, self.running_slots())
        except Fail as err:
            return self.partials_f.note(f"{entry_name(e['seq'])}{who}: {err}")
        if j in self.valid:
            return self.partials_f.note(f"{entry_name(e['seq'])} is a second partial decryption of trustee {j}")
        self.valid[j], self.valid_seq[j] = D, e["seq"]

    def on_chair_decision(self, e):
        """record.chair_decisions reads them after the record."""
        self.chair_entries.append((e["seq"], e["payload"]))

    def on_result(self, e):
        """result.entry: exactly one for the poll."""
        if self.result_seq:
            return self.result_f.note(f"{entry_name(e['seq'])} is a second result of the poll")
        self.result_seq, self.result_hash, self.record_bytes = e["seq"], e["hash"], e["payload"]

    # -------------------------------------------------------------------------------- the checks

    def finish(self):
        h = self.header
        if self.chain.count == 0 and self.read_error is None:
            self.ok("board.chain", f"{self.entries} entries from seq 1, head {short(self.last_hash)}")
        else:
            self.bad("board.chain", self.chain.first if self.chain.count else self.read_error)
        # board.complete: `entries` entry lines, then the statement, then nothing; `ballots` ballots
        if self.read_error is not None and self.chain.count == 0:
            self.bad("board.complete", self.read_error)
        elif self.statement is None and self.statement_error is None:
            self.bad("board.complete", "the file ends without the record statement")
        elif self.entries != h["entries"]:
            self.bad("board.complete", f"the header announces {h['entries']} entries, the file has {self.entries}")
        elif self.ballots_seen != h["ballots"]:
            self.bad("board.complete", f"the header announces {h['ballots']} ballots, the file has "
                                       f"{self.ballots_seen}")
        else:
            self.ok("board.complete", f"{self.entries} entries, the last is {entry_name(self.last_seq)}")
        self.check_ceremony()
        if not self.manifest_seq:
            self.bad("manifest", f"the board has no manifest for poll {h['poll']}")
        elif self.manifest_f.count:
            self.bad("manifest", self.manifest_f.first)
        else:
            m = self.definition["manifest"]
            self.ok("manifest", f"{entry_name(self.manifest_seq)}: {len(m['contests'])} contests, "
                                f"{len(self.definition['roster'])} members")
        if self.needs("poll_context", "manifest"):
            if self.context_f.count:
                self.bad("poll_context", self.context_f.first)
            else:
                c = self.definition["ceremony"]
                self.ok("poll_context", f"context {short(self.ctx)}, joint key {short(enc(self.K))}, "
                                        f"{c['threshold']} of {len(c['trustees'])} trustees")
        self.check_attendance()
        self.check_roster()
        if self.needs("ballots.verify", "poll_context"):
            if self.ballots_f.count:
                self.bad("ballots.verify", f"{self.ballots_f.first} ({self.ballots_f.count} of "
                                           f"{self.ballots_seen} ballots fail)")
            else:
                self.ok("ballots.verify", f"{self.ballots_seen} ballots: signatures, eligibility and every proof")
            if self.duplicates.count:
                self.bad("ballots.one_per_member", self.duplicates.first)
            else:
                self.ok("ballots.one_per_member", f"{len(self.voter_seq)} members voted once each")
        else:
            self.needs("ballots.one_per_member", "ballots.verify")
        self.check_tally()
        self.check_partials()
        self.check_counts()
        self.check_result()
        self.check_statement()
        self.check_record()
        if self.tracking is not None:
            if self.tracking_seq:
                self.ok("tracking_code", f"the ballot {self.tracking} is {entry_name(self.tracking_seq)}, "
                                         "counted in the tally")
            else:
                self.bad("tracking_code", f"no ballot of poll {h['poll']} has the tracking code {self.tracking}")

    def check_ceremony(self):
        """ceremony.transcript: every commitments message of the manifest's ceremony is the payload of a
        meeting-wide commitments entry of the board, one per trustee."""
        if self.definition is None:
            return self.needs("ceremony.transcript", "manifest")
        c = self.definition["ceremony"]
        for i, msg in enumerate(c["commitments"]):
            if msg not in self.board_commitments:
                return self.bad("ceremony.transcript", f"the manifest's commitments message {i + 1} is not a "
                                                       "commitments entry of the board's key ceremony")
        if len(c["commitments"]) != len(c["trustees"]):
            return self.bad("ceremony.transcript", "the manifest does not hold one commitments message per trustee")
        self.ok("ceremony.transcript", f"{len(c['commitments'])} trustees' commitments are the board's key ceremony")

    def check_attendance(self):
        """attendance.entry: exactly one, after the last ballot, before the tally, one row per roster member."""
        if not self.attendance_seq:
            return self.bad("attendance.entry", "the board has no attendance entry for the poll")
        if self.attendance_f.count:
            return self.bad("attendance.entry", self.attendance_f.first)
        if self.last_ballot_seq > self.attendance_seq:
            return self.bad("attendance.entry", f"{entry_name(self.last_ballot_seq)}, a ballot, comes after the "
                                                f"attendance entry {self.attendance_seq}")
        rows = self.attendance["members"]
        if self.definition is not None and len(rows) != len(self.definition["roster"]):
            return self.bad("attendance.entry", f"{entry_name(self.attendance_seq)} lists {len(rows)} members, the "
                                                f"poll's roster has {len(self.definition['roster'])}")
        n = {s: sum(1 for _, x in rows if x == s) for s in wire.ATTENDANCE}
        self.ok("attendance.entry", f"{entry_name(self.attendance_seq)}: {n['present']} present, {n['remote']} "
                                    f"remote, {n['absent']} absent, {n['unknown']} not marked")

    def check_roster(self):
        """roster.members: the header's keys are the manifest's roster, in order, and its member numbers
        the attendance entry's, in order."""
        if not self.needs("roster.members", "manifest", "attendance.entry"):
            return
        rows, keys, att = self.header["roster"], self.definition["roster"], self.attendance["members"]
        if len(rows) != len(keys):
            return self.bad("roster.members", f"the header lists {len(rows)} members, the poll's roster has "
                                              f"{len(keys)}")
        for i, ((no, key), k, (att_no, _)) in enumerate(zip(rows, keys, att)):
            if key != k:
                return self.bad("roster.members", f"member {no}: the key is not the one on the poll's roster")
            if no != att_no:
                return self.bad("roster.members", f"roster row {i + 1} is member {no}, the attendance says {att_no}")
        self.ok("roster.members", f"{len(rows)} members: numbers and keys are the board's")

    def check_tally(self):
        if not self.tally_seq:
            self.bad("tally.entry", "the board has no tally for the poll")
        elif self.tally_f.count:
            self.bad("tally.entry", self.tally_f.first)
        else:
            self.ok("tally.entry", f"{entry_name(self.tally_seq)}: {self.tally['ballots']} ballots, "
                                   f"{len(self.tally['totals'])} slots")
        if self.needs("tally.min_ballots", "tally.entry", "file.header"):
            # its ballots >= max(the bundle's min_ballots, 2)
            need_ = max(self.header["bundle"]["min_ballots"], 2)
            n = self.tally["ballots"]
            if n < need_:
                self.bad("tally.min_ballots", f"the tally holds {n} ballots, fewer than the meeting's minimum of "
                                              f"{need_}: decrypting it would reveal how members voted")
            else:
                self.ok("tally.min_ballots", f"{n} ballots, at least the meeting's minimum of {need_}")
        if not self.needs("tally.matches", "ballots.verify", "ballots.one_per_member", "tally.entry"):
            return
        if not self.tally_matches():
            return self.bad("tally.matches", f"{entry_name(self.tally_seq)}: {self.tally_diff}")
        self.ok("tally.matches", f"the sum of the {self.counted} ballots; tally context "
                                 f"{short(self.tally_context())}")

    def check_partials(self):
        if not self.needs("partials.verify", "tally.matches"):
            return self.needs("partials.threshold", "tally.matches")
        who = ", ".join(map(str, sorted(self.valid))) or "none"
        if self.partials_f.count:
            self.bad("partials.verify", f"{self.partials_f.first} ({self.partials_f.count} of "
                                        f"{self.partials_seen} fail)")
        else:
            self.ok("partials.verify", f"{self.partials_seen} partial decryptions and their proofs (trustees {who})")
        t, n = self.definition["ceremony"]["threshold"], len(self.definition["ceremony"]["trustees"])
        if len(self.valid) >= t:
            self.ok("partials.threshold", f"{len(self.valid)} valid, threshold {t} of {n}")
        else:
            self.bad("partials.threshold", f"only {len(self.valid)} valid partial decryptions, threshold {t}")

    def check_counts(self):
        """counts.decrypt: m·G = beta − Σ_{j ∈ S} λ_j·D_j over every valid partial decryption, m the
        discrete log in 0..counted × B, decoded per contest (protocol.md §11, §12.7)."""
        if not self.needs("counts.decrypt", "partials.threshold"):
            return
        t = self.definition["ceremony"]["threshold"]

        def decrypt():
            mG = combine(self.running_slots(), dict(sorted(self.valid.items())), t)
            dlog = DiscreteLog(self.counted * self.m["disagree_weight"], len(mG))  # 0 <= T <= counted × B
            return decode_results(self.m, self.counted, [dlog(x) for x in mG])

        self.counts, error = self.attempt(decrypt)
        if error:
            return self.bad("counts.decrypt", error)
        self.ok("counts.decrypt", f"{len(self.counts)} contests decrypted by {len(self.valid)} trustees")

    def check_result(self):
        """result.entry: exactly one result entry for the poll, and it is entry N, the last."""
        if not self.result_seq:
            return self.bad("result.entry", "the board has no result entry for the poll")
        if self.result_f.count:
            return self.bad("result.entry", self.result_f.first)
        if self.result_seq != self.last_seq:
            return self.bad("result.entry", f"{entry_name(self.result_seq)} is not the last entry of the file")
        self.ok("result.entry", f"{entry_name(self.result_seq)} holds the record ({len(self.record_bytes)} bytes)")

    def check_statement(self):
        """record.statement: the signature (tag CV/record) under the bundle's server key; meeting and poll
        are the file's; record_digest = H32("CV/record-digest", var(record)); board_seq and board_head
        are entry N and its hash."""
        if self.statement_error is not None:
            return self.bad("record.statement", self.statement_error)
        if self.statement is None:
            return self.bad("record.statement", "the file has no record statement")
        if not self.needs("record.statement", "bundle.signature", "result.entry"):
            return
        s, b = self.statement, self.header["bundle"]
        _, error = self.attempt(wire.verify_statement, s, b["server_key"])
        if error:
            return self.bad("record.statement", error)
        if s["meeting"] != b["meeting_id"] or s["poll"] != self.header["poll"]:
            return self.bad("record.statement", f"the statement is about meeting {s['meeting']}, poll {s['poll']}")
        if s["record_digest"] != wire.record_digest(self.record_bytes):
            return self.bad("record.statement", "the signed digest is not the digest of the result entry's record")
        if s["board_seq"] != self.result_seq or s["board_head"] != self.result_hash:
            return self.bad("record.statement", f"the statement names {entry_name(s['board_seq'])}, which is not "
                                                "the result entry with that hash")
        self.ok("record.statement", f"signed by the server; record digest {short(s['record_digest'])}, head "
                                    f"{short(s['board_head'])}")

    def check_record(self):
        if self.needs("record.parse", "result.entry"):
            self.record, error = self.attempt(read_json_text, self.record_bytes, "record",
                                            read_record)
            if error:
                self.bad("record.parse", error)
            else:
                self.ok("record.parse", f"{len(self.record['contests'])} contests")
        self.check_binding()
        self.check_record_counts()
        self.check_turnout()
        if self.needs("record.min_ballots", "record.parse"):
            r, mb = self.record, self.header["bundle"]["min_ballots"]
            n = r["turnout"]["ballots"]
            if r["min_ballots"] != mb:
                self.bad("record.min_ballots", f"the record's minimum is {r['min_ballots']}, the bundle's is {mb}")
            elif n < max(mb, 2):
                self.bad("record.min_ballots", f"the record counts {n} ballots, fewer than the minimum of {mb}")
            else:
                self.ok("record.min_ballots", f"{n} ballots, minimum {mb}")
        if self.needs("record.outcomes", "record.parse"):
            _, error = self.attempt(verify_outcomes, self.record)
            if error:
                self.bad("record.outcomes", error)
            else:
                self.ok("record.outcomes", "every outcome, percentage and rank follows from the counts and the rules")
        self.check_chair_decisions()

    def check_chair_decisions(self):
        """record.chair_decisions (§6): every chair_decision entry of the poll is a ChairDecision of this
        meeting and poll bound to the tally, after the tally and `threshold` partials, signed by the one
        chair the record names with his roster key; the record's chair_decisions are exactly these."""
        if not self.needs("record.chair_decisions", "record.binding", "roster.members"):
            return
        r, entries = self.record, self.chair_entries
        named = r["chair_decisions"]
        if not entries and not named:
            return self.ok("record.chair_decisions", "the chair decided no tie")
        if len(entries) != len(named):
            return self.bad("record.chair_decisions", f"the board holds {len(entries)} chair decisions of the poll, "
                                                      f"the record {len(named)}")
        chairs = [m["member_no"] for m in r["members"] if m["council_role"] == "chair"]
        if not chairs:
            return self.bad("record.chair_decisions", "the record applies chair decisions but names no chair among "
                                                      "its members")
        chair = chairs[0]
        keys = dict(self.header["roster"])
        if chair not in keys:
            return self.bad("record.chair_decisions", f"the record names member {chair} as the chair, who is not on "
                                                      "the roster")
        for i, (seq, payload) in enumerate(entries):
            where = entry_name(seq)
            d, error = self.attempt(read_json_text, payload, "chair_decision", wire.read_chair_decision)
            if error:
                return self.bad("record.chair_decisions", f"{where}: {error}")
            if d["meeting"] != self.header["bundle"]["meeting_id"] or d["poll"] != r["poll"]:
                return self.bad("record.chair_decisions", f"{where} is a decision about another meeting or poll")
            if d["tally_context"] != r["tally_context"]:
                return self.bad("record.chair_decisions", f"{where} is not bound to the poll's tally (tally_context)")
            known = sum(1 for s in r["partial_seqs"] if s < seq)
            if seq <= r["tally_seq"] or known < r["threshold"]:
                return self.bad("record.chair_decisions", f"{where} comes before the counts were decrypted")
            if d["member_no"] != chair or d["key"] != keys[chair]:
                return self.bad("record.chair_decisions", f"{where} is not signed by the chair (member {chair}) "
                                                          "with his key on the roster")
            if not wire.chair_decision_signature_ok(d):
                return self.bad("record.chair_decisions", f"{where}: the chair's signature (tag CV/chair-decision) "
                                                          "does not verify")
            n = named[i]
            if (n["seq"], n["award"], n["nominees"], n["member_no"]) != (seq, d["award"], d["nominees"],
                                                                          d["member_no"]):
                return self.bad("record.chair_decisions", f"chair_decisions[{i}] of the record is not {where}")
        _, error = self.attempt(verify_outcomes, r)
        if error:
            return self.bad("record.chair_decisions", error)
        self.ok("record.chair_decisions", f"signed by the chair (member {chair}), each a tie at the quota with "
                                          "exactly the places left")

    def check_binding(self):
        """record.binding (§4 step 2): meeting, poll, title, contexts, the entries manifest_seq,
        attendance_seq, tally_seq, partial_seqs, the threshold, and every contest's id, kind, nominee
        or question are the board's."""
        if not self.needs("record.binding", "record.parse", "poll_context", "attendance.entry", "tally.matches",
                          "partials.threshold"):
            return
        r, d = self.record, self.definition
        m = d["manifest"]

        def bad(why):
            self.bad("record.binding", why)

        if r["meeting"]["meeting_id"] != self.header["bundle"]["meeting_id"]:
            return bad(f"the record is for meeting {r['meeting']['meeting_id']}")
        if r["poll"] != self.header["poll"]:
            return bad(f"the record is for poll {r['poll']}")
        if r["title"] != d["title"]:
            return bad("the record's title is not the poll's")
        if r["poll_context"] != d["context_hash"]:
            return bad("poll_context is not the poll's context hash")
        if r["manifest_seq"] != self.manifest_seq:
            return bad("manifest_seq is not the manifest entry")
        if r["tally_seq"] != self.tally_seq:
            return bad("tally_seq is not the tally entry")
        if r["attendance_seq"] != self.attendance_seq:
            return bad("attendance_seq is not the poll's attendance entry")
        if r["tally_context"] != self.tally_context():
            return bad("tally_context is not the tally's")
        if r["threshold"] != d["ceremony"]["threshold"]:
            return bad("threshold is not the ceremony's")
        trustees, seqs = r["decrypting_trustees"], r["partial_seqs"]
        if len(trustees) != len(seqs) or len(trustees) < r["threshold"]:
            return bad("decrypting_trustees and partial_seqs do not fit")
        for i, (j, seq) in enumerate(zip(trustees, seqs)):
            if i and j <= trustees[i - 1]:
                return bad("decrypting_trustees is not ascending")
            if j not in self.valid_seq:
                return bad(f"trustee {j} has no valid partial decryption on the board")
            if self.valid_seq[j] != seq:
                return bad(f"partial_seqs[{i}] is not trustee {j}'s entry")
        # the people: every member of the attendance entry, in its order; the ceremony's trustees
        frozen = [no for no, _ in self.attendance["members"]]
        if [x["member_no"] for x in r["members"]] != frozen:
            return bad("the record's members are not the attendance entry's members")
        if len(r["trustees"]) != len(d["ceremony"]["trustees"]):
            return bad(f"the record names {len(r['trustees'])} trustees, the ceremony has "
                       f"{len(d['ceremony']['trustees'])}")
        if len(r["contests"]) != len(m["contests"]):
            return bad("the record does not have one contest per manifest contest")
        for i, (c, mc, shown) in enumerate(zip(r["contests"], m["contests"], d["display"])):
            if (c["position"], c["contest_id"], c["kind"]) != (i, mc["id"], mc["kind"]):
                return bad(f"contest[{i}] is not the manifest's contest {mc['id']}")
            if c["kind"] == COMMENDATION and c["nominee"] != shown.get("nominee"):
                return bad(f"contest[{i}]: the nominee is not the one the poll showed")
            if c["kind"] == GENERAL and (c["label"], c["option_labels"]) != (shown.get("label"),
                                                                             shown.get("option_labels")):
                return bad(f"contest[{i}]: the question is not the one the poll showed")
        self.ok("record.binding", f"meeting, poll, contexts, entries {self.manifest_seq}/{self.attendance_seq}/"
                                  f"{self.tally_seq}, members, trustees and contests are the board's")

    def check_record_counts(self):
        """record.counts (§4 step 3): every contest's counts are the decrypted ones, turnout.ballots the
        number of valid ballots."""
        if not self.needs("record.counts", "record.parse", "counts.decrypt"):
            return
        r = self.record
        if r["turnout"]["ballots"] != self.counted:
            return self.bad("record.counts", f"turnout.ballots is {r['turnout']['ballots']}, the board has "
                                             f"{self.counted}")
        if len(r["contests"]) != len(self.counts):
            return self.bad("record.counts", "the record does not have one contest per decrypted contest")
        for i, (c, d) in enumerate(zip(r["contests"], self.counts)):
            name = f"contest[{i}] (\"{c['contest_id']}\")"
            if c["kind"] == COMMENDATION:
                got = (c["agree"], c["disagree"], c["blank"])
                want = (d.get("agree"), d.get("disagree"), d.get("blank"))
                if got != want:
                    return self.bad("record.counts", f"{name}: the record says {'/'.join(map(str, got))} (agree/"
                                                     f"disagree/blank), the decryption gives "
                                                     f"{'/'.join(map(str, want))}")
            elif c["option_counts"] != d.get("option_counts"):
                return self.bad("record.counts", f"{name}: the option counts are not the decrypted ones")
        self.ok("record.counts", "every contest's counts are the decrypted ones")

    def check_turnout(self):
        """record.turnout (§4 step 4): present, remote, absent, unknown are the frozen attendance's,
        members the roster size, ballots the ballot entries, voted the member numbers of the ballots' keys."""
        if not self.needs("record.turnout", "record.parse", "manifest", "attendance.entry", "ballots.verify"):
            return
        t, rows = self.record["turnout"], self.attendance["members"]
        frozen = {s: sum(1 for _, x in rows if x == s) for s in wire.ATTENDANCE}
        if any(t[s] != frozen[s] for s in wire.ATTENDANCE):
            return self.bad("record.turnout", f"the attendance ({t['present']} present, {t['remote']} remote, "
                                              f"{t['absent']} absent) is not the one frozen at close in "
                                              f"{entry_name(self.attendance_seq)} ({frozen['present']} present, "
                                              f"{frozen['remote']} remote, {frozen['absent']} absent)")
        if t["members"] != len(self.definition["roster"]):
            return self.bad("record.turnout", "members is not the size of the poll's roster")
        if t["ballots"] != self.ballots_seen:
            return self.bad("record.turnout", "ballots is not the number of ballot entries")
        if t["ballots_in_room"] + t["ballots_remote"] != t["ballots"]:
            return self.bad("record.turnout", "ballots in the room + remote ballots is not the number of ballots")
        # who voted: the member numbers of the ballots' keys (roster order = attendance order)
        voters = sorted(no for key, (no, _) in zip(self.definition["roster"], rows) if key in self.voter_seq)
        if voters != t["voted"]:
            return self.bad("record.turnout", "the list of voters is not the members whose ballots are on the "
                                              "board")
        self.ok("record.turnout", f"{t['ballots']} of {t['members']} members voted ({t['ballots_in_room']} in the "
                                  f"room, {t['ballots_remote']} remotely); the voters are the ballots' members")


def ceremony_key(meeting, c):
    """The ceremony roster (protocol.md §12.2: indices exactly 1..n in order), every trustee's
    commitments verified (§12.3, exactly one message per trustee), K = Σ_i C_{i,0} and
    P_j = Σ_i Σ_k j^k·C_{i,k} (§12.5)."""
    indices = [i for i, _ in c["trustees"]]
    n, t = len(indices), c["threshold"]
    need(indices == list(range(1, n + 1)), "the trustees' indices are not 1..n in order")
    cctx = ceremony_context(meeting, t, [box for _, box in c["trustees"]])
    need(len(c["commitments"]) == n, f"expected {n} commitment messages, got {len(c['commitments'])}")
    C = {}
    for x, msg in enumerate(c["commitments"]):
        try:
            i, Ci = verify_commitments(cctx, n, t, msg)
        except Fail as e:
            raise Fail(f"commitments {x}: {e}") from None
        need(i not in C, f"two commitment messages of trustee {i}")
        C[i] = Ci
    K = total(C[i][0] for i in C)
    aggregate = [total(C[i][k] for i in C) for k in range(t)]  # Σ_i C_{i,k}
    return K, [feldman(aggregate, j) for j in range(1, n + 1)]


def verify_record_file(path, server_key=None, tracking=None, quiet=False):
    """Runs the checks; prints one line per check and the verdict. Returns the exit status."""
    started = time.monotonic()

    def progress(what):
        print(f"… {what} ({time.monotonic() - started:.0f} s)", file=sys.stderr, flush=True)

    v = RecordFile(path, server_key, tracking, progress)
    try:
        results = v.run()
    except Exception as e:  # a verifier bug must not look like a verdict on the file
        results = v.results + [("internal", "fail", f"the verifier stopped: {type(e).__name__}: {e}")]
    width = max(len(n) for n, _, _ in results)
    if not quiet:
        for name, outcome, detail in results:
            print(f"{outcome.upper():<6}{name:<{width + 2}}{detail}")
    failure = next(((n, d) for n, r, d in results if r == "fail"), None)
    valid = failure is None and v.whole_file and all(r == "pass" for _, r, _ in results)
    if not quiet:
        print(f"{v.ballots_seen} ballots, verified in {time.monotonic() - started:.1f} s")
    if valid:
        print(f"RECORD VALID {v.fingerprint.hex()}")
        return 0
    name, detail = failure or next(((n, d) for n, r, d in results if r != "pass"), ("file", "not read to its end"))
    print(f"RECORD INVALID: {name}: {detail}")
    return 1
