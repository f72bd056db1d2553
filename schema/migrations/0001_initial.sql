-- CouncilVote meeting database, schema version 1 (docs/storage.md).
-- One database file holds one meeting (kỳ họp) of one council. Applied by the store inside one
-- transaction together with `PRAGMA user_version = 1`: no BEGIN/COMMIT here. Times are UTC text,
-- 'YYYY-MM-DDTHH:MM:SS.SSSZ'. Rows that are evidence (board, ballots, ceremony messages, partial
-- decryptions, results, audit log) are append-only: triggers refuse UPDATE and DELETE.

CREATE TABLE meeting (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1), -- one meeting per database file
  meeting_id TEXT NOT NULL CHECK (length(CAST(meeting_id AS BLOB)) BETWEEN 1 AND 256),
  council TEXT NOT NULL CHECK (length(council) >= 1),
  session_name TEXT NOT NULL CHECK (length(session_name) >= 1),
  meeting_date TEXT NOT NULL CHECK (meeting_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  place TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE members (
  member_no INTEGER PRIMARY KEY CHECK (member_no >= 1),
  full_name TEXT NOT NULL CHECK (length(full_name) >= 1),
  council_role TEXT NOT NULL CHECK (council_role IN ('chair', 'vice_chair', 'secretary', 'member')),
  position TEXT NOT NULL,
  unit TEXT NOT NULL,
  public_key BLOB UNIQUE CHECK (length(public_key) = 32), -- Ed25519; NULL until registered
  attendance TEXT NOT NULL DEFAULT 'unknown'
    CHECK (attendance IN ('unknown', 'present', 'absent', 'remote'))
) STRICT;

CREATE TABLE rule_profiles (
  rule_id TEXT PRIMARY KEY CHECK (length(rule_id) >= 1),
  label TEXT NOT NULL CHECK (length(label) >= 1),
  threshold_percent INTEGER NOT NULL CHECK (threshold_percent BETWEEN 0 AND 100),
  comparison TEXT NOT NULL CHECK (comparison IN ('at_least', 'more_than')),
  denominator TEXT NOT NULL CHECK (denominator IN ('all_members', 'present_members')),
  source TEXT NOT NULL
) STRICT;

CREATE TABLE nominees (
  nominee_no INTEGER PRIMARY KEY CHECK (nominee_no >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('ca_nhan', 'tap_the')), -- individual / collective
  name TEXT NOT NULL CHECK (length(name) >= 1),
  position TEXT NOT NULL,
  unit TEXT NOT NULL,
  award TEXT NOT NULL CHECK (length(award) >= 1),
  rule_id TEXT NOT NULL REFERENCES rule_profiles (rule_id),
  award_quota INTEGER CHECK (award_quota >= 1) -- NULL: no quota
) STRICT;

CREATE TABLE ceremonies (
  ceremony_no INTEGER PRIMARY KEY,
  trustee_count INTEGER NOT NULL CHECK (trustee_count BETWEEN 1 AND 255), -- n
  threshold INTEGER NOT NULL CHECK (threshold BETWEEN 1 AND trustee_count), -- t
  context BLOB NOT NULL CHECK (length(context) = 32), -- ceremony_context, protocol §12.2
  state TEXT NOT NULL DEFAULT 'collecting' CHECK (state IN ('collecting', 'complete', 'failed')),
  joint_key BLOB CHECK (length(joint_key) = 32), -- K, once complete
  created_at TEXT NOT NULL,
  CHECK ((state = 'complete') = (joint_key IS NOT NULL))
) STRICT;

-- At most one ceremony that has not failed: a failed one is replaced by a new one.
CREATE UNIQUE INDEX ceremonies_one_live ON ceremonies ((1)) WHERE state <> 'failed';

CREATE TABLE trustees (
  ceremony_no INTEGER NOT NULL REFERENCES ceremonies (ceremony_no),
  trustee_index INTEGER NOT NULL CHECK (trustee_index BETWEEN 1 AND 255),
  member_no INTEGER NOT NULL REFERENCES members (member_no),
  box_public_key BLOB NOT NULL CHECK (length(box_public_key) = 32), -- X25519
  PRIMARY KEY (ceremony_no, trustee_index),
  UNIQUE (ceremony_no, member_no),
  UNIQUE (ceremony_no, box_public_key)
) STRICT;

-- The bulletin board: an append-only hash chain. entry_hash = H32("CV/board-entry", u64(seq),
-- str(kind), str(poll_id or ""), str(created_at), var(payload), fixed(prev_hash)); the first entry's
-- prev_hash is 32 zero bytes. Payloads: a ballot's signed wire bytes, a ceremony message, a partial
-- decryption; manifest, tally and result as published by the server.
CREATE TABLE board (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('manifest', 'ballot', 'commitments', 'share', 'complaint',
                                     'partial_decryption', 'tally', 'result')),
  poll_id TEXT REFERENCES polls (poll_id), -- NULL: meeting-wide (the key ceremony)
  created_at TEXT NOT NULL,
  payload BLOB NOT NULL,
  prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
  entry_hash BLOB NOT NULL UNIQUE CHECK (length(entry_hash) = 32)
) STRICT;

CREATE TRIGGER board_chain BEFORE INSERT ON board
WHEN NEW.seq IS NOT (SELECT ifnull(max(seq), 0) + 1 FROM board)
  OR NEW.prev_hash IS NOT ifnull((SELECT entry_hash FROM board WHERE seq = NEW.seq - 1), zeroblob(32))
BEGIN
  SELECT RAISE(ABORT, 'board entry does not extend the chain');
END;
CREATE TRIGGER board_no_update BEFORE UPDATE ON board BEGIN SELECT RAISE(ABORT, 'board is append-only'); END;
CREATE TRIGGER board_no_delete BEFORE DELETE ON board BEGIN SELECT RAISE(ABORT, 'board is append-only'); END;

-- Key-ceremony messages; the payload (protocol §12.3, §12.4) is the board entry's.
CREATE TABLE ceremony_messages (
  board_seq INTEGER PRIMARY KEY REFERENCES board (seq),
  ceremony_no INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('commitments', 'share', 'complaint')),
  from_index INTEGER NOT NULL,
  to_index INTEGER, -- share: the recipient; complaint: the accused dealer; commitments: NULL
  FOREIGN KEY (ceremony_no, from_index) REFERENCES trustees (ceremony_no, trustee_index),
  FOREIGN KEY (ceremony_no, to_index) REFERENCES trustees (ceremony_no, trustee_index),
  CHECK ((kind = 'commitments') = (to_index IS NULL)),
  CHECK (to_index IS NOT from_index)
) STRICT;

CREATE UNIQUE INDEX ceremony_messages_once
  ON ceremony_messages (ceremony_no, kind, from_index, ifnull(to_index, 0));
CREATE TRIGGER ceremony_messages_no_update BEFORE UPDATE ON ceremony_messages
BEGIN SELECT RAISE(ABORT, 'ceremony_messages is append-only'); END;
CREATE TRIGGER ceremony_messages_no_delete BEFORE DELETE ON ceremony_messages
BEGIN SELECT RAISE(ABORT, 'ceremony_messages is append-only'); END;

CREATE TABLE polls (
  poll_id TEXT PRIMARY KEY CHECK (length(CAST(poll_id AS BLOB)) BETWEEN 1 AND 256),
  title TEXT NOT NULL CHECK (length(title) >= 1),
  ceremony_no INTEGER NOT NULL REFERENCES ceremonies (ceremony_no), -- whose joint key K the poll uses
  state TEXT NOT NULL DEFAULT 'draft'
    CHECK (state IN ('draft', 'open_remote', 'open', 'closed', 'tallied', 'published')),
  disagree_weight INTEGER NOT NULL CHECK (disagree_weight BETWEEN 2 AND 4294967295), -- B
  manifest_digest BLOB NOT NULL CHECK (length(manifest_digest) = 32), -- protocol §8
  context_hash BLOB NOT NULL UNIQUE CHECK (length(context_hash) = 32), -- protocol §8
  created_at TEXT NOT NULL,
  remote_opened_at TEXT, -- the remote window (absent members) opened
  opened_at TEXT, -- voting in the room opened
  closed_at TEXT,
  tallied_at TEXT,
  published_at TEXT
) STRICT;

-- The contests of a poll in manifest order (position 0, 1, ...).
CREATE TABLE contests (
  poll_id TEXT NOT NULL REFERENCES polls (poll_id),
  position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 4095),
  contest_id TEXT NOT NULL CHECK (length(CAST(contest_id AS BLOB)) BETWEEN 1 AND 256),
  kind TEXT NOT NULL CHECK (kind IN ('commendation', 'general')),
  nominee_no INTEGER REFERENCES nominees (nominee_no),
  title TEXT NOT NULL CHECK (length(title) >= 1),
  rule_id TEXT REFERENCES rule_profiles (rule_id),
  options INTEGER NOT NULL,
  min_selections INTEGER NOT NULL,
  max_selections INTEGER NOT NULL,
  PRIMARY KEY (poll_id, position),
  UNIQUE (poll_id, contest_id),
  UNIQUE (poll_id, nominee_no),
  CHECK (CASE kind
           WHEN 'commendation' THEN nominee_no IS NOT NULL AND rule_id IS NOT NULL AND options = 2
                                    AND min_selections = 0 AND max_selections = 1
           ELSE options BETWEEN 1 AND 63 AND min_selections BETWEEN 0 AND max_selections
                AND max_selections <= options
         END)
) STRICT;

-- One ballot per member per poll; the signed wire bytes are the board entry's payload.
CREATE TABLE ballots (
  poll_id TEXT NOT NULL REFERENCES polls (poll_id),
  member_key BLOB NOT NULL REFERENCES members (public_key),
  tracking_code BLOB NOT NULL UNIQUE CHECK (length(tracking_code) = 32), -- protocol §9.3
  channel TEXT NOT NULL CHECK (channel IN ('in_room', 'remote')),
  board_seq INTEGER NOT NULL UNIQUE REFERENCES board (seq),
  PRIMARY KEY (poll_id, member_key)
) STRICT;

CREATE TRIGGER ballots_no_update BEFORE UPDATE ON ballots
BEGIN SELECT RAISE(ABORT, 'ballots is append-only'); END;
CREATE TRIGGER ballots_no_delete BEFORE DELETE ON ballots
BEGIN SELECT RAISE(ABORT, 'ballots is append-only'); END;

-- A trustee's partial decryption of a poll's totals (protocol §12.6): the board entry's payload.
CREATE TABLE partial_decryptions (
  poll_id TEXT NOT NULL REFERENCES polls (poll_id),
  trustee_index INTEGER NOT NULL CHECK (trustee_index BETWEEN 1 AND 255),
  board_seq INTEGER NOT NULL UNIQUE REFERENCES board (seq),
  PRIMARY KEY (poll_id, trustee_index)
) STRICT;

CREATE TRIGGER partial_decryptions_no_update BEFORE UPDATE ON partial_decryptions
BEGIN SELECT RAISE(ABORT, 'partial_decryptions is append-only'); END;
CREATE TRIGGER partial_decryptions_no_delete BEFORE DELETE ON partial_decryptions
BEGIN SELECT RAISE(ABORT, 'partial_decryptions is append-only'); END;

-- The decrypted counts of a commendation contest and the outcome under the contest's rule.
CREATE TABLE results (
  poll_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  agree INTEGER NOT NULL CHECK (agree >= 0),
  disagree INTEGER NOT NULL CHECK (disagree >= 0),
  blank INTEGER NOT NULL CHECK (blank >= 0),
  not_voted INTEGER NOT NULL CHECK (not_voted >= 0),
  outcome TEXT NOT NULL CHECK (outcome IN ('passed', 'not_passed')),
  quota_rank INTEGER CHECK (quota_rank >= 1), -- rank by agree votes within the award's quota
  PRIMARY KEY (poll_id, position),
  FOREIGN KEY (poll_id, position) REFERENCES contests (poll_id, position)
) STRICT;

CREATE TRIGGER results_no_update BEFORE UPDATE ON results
BEGIN SELECT RAISE(ABORT, 'results is append-only'); END;
CREATE TRIGGER results_no_delete BEFORE DELETE ON results
BEGIN SELECT RAISE(ABORT, 'results is append-only'); END;

-- Every state change, written in the same transaction as the change.
CREATE TABLE audit_log (
  audit_id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL CHECK (length(actor) >= 1),
  action TEXT NOT NULL CHECK (length(action) >= 1),
  detail TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
