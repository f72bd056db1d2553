-- The schema of a CouncilVote meeting database at version 4 (sqlite_master, normalized).
-- Checked by tests/schema; executable to create a database of this version.

-- table audit_log on audit_log
CREATE TABLE audit_log (
  audit_id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL CHECK (length(actor) >= 1),
  action TEXT NOT NULL CHECK (length(action) >= 1),
  detail TEXT NOT NULL
) STRICT;
-- table ballots on ballots
CREATE TABLE ballots (
  poll_id TEXT NOT NULL REFERENCES polls (poll_id),
  member_key BLOB NOT NULL REFERENCES members (public_key),
  tracking_code BLOB NOT NULL UNIQUE CHECK (length(tracking_code) = 32), -- protocol §9.3
  channel TEXT NOT NULL CHECK (channel IN ('in_room', 'remote')),
  board_seq INTEGER NOT NULL UNIQUE REFERENCES board (seq),
  PRIMARY KEY (poll_id, member_key)
) STRICT;
-- table board on board
CREATE TABLE "board" (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('manifest', 'ballot', 'commitments', 'share', 'complaint',
                                     'partial_decryption', 'tally', 'result', 'attendance')),
  poll_id TEXT REFERENCES polls (poll_id), -- NULL: meeting-wide (the key ceremony)
  created_at TEXT NOT NULL,
  payload BLOB NOT NULL,
  prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
  entry_hash BLOB NOT NULL UNIQUE CHECK (length(entry_hash) = 32)
) STRICT;
-- table ceremonies on ceremonies
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
-- table ceremony_messages on ceremony_messages
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
-- table contests on contests
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
-- table meeting on meeting
CREATE TABLE meeting (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1), -- one meeting per database file
  meeting_id TEXT NOT NULL CHECK (length(CAST(meeting_id AS BLOB)) BETWEEN 1 AND 256),
  council TEXT NOT NULL CHECK (length(council) >= 1),
  session_name TEXT NOT NULL CHECK (length(session_name) >= 1),
  meeting_date TEXT NOT NULL CHECK (meeting_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  place TEXT NOT NULL,
  created_at TEXT NOT NULL
, min_ballots INTEGER NOT NULL DEFAULT 5 CHECK (min_ballots BETWEEN 2 AND 9999)) STRICT;
-- table members on members
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
-- table nominees on nominees
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
-- table partial_decryptions on partial_decryptions
CREATE TABLE partial_decryptions (
  poll_id TEXT NOT NULL REFERENCES polls (poll_id),
  trustee_index INTEGER NOT NULL CHECK (trustee_index BETWEEN 1 AND 255),
  board_seq INTEGER NOT NULL UNIQUE REFERENCES board (seq),
  PRIMARY KEY (poll_id, trustee_index)
) STRICT;
-- table poll_attendance on poll_attendance
CREATE TABLE poll_attendance (
  poll_id TEXT NOT NULL REFERENCES polls (poll_id),
  member_no INTEGER NOT NULL REFERENCES members (member_no),
  attendance TEXT NOT NULL CHECK (attendance IN ('unknown', 'present', 'absent', 'remote')),
  PRIMARY KEY (poll_id, member_no)
) STRICT;
-- table polls on polls
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
-- table results on results
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
-- table rule_profiles on rule_profiles
CREATE TABLE "rule_profiles" (
  rule_id TEXT PRIMARY KEY CHECK (length(rule_id) >= 1),
  label TEXT NOT NULL CHECK (length(label) >= 1),
  threshold_num INTEGER NOT NULL,
  threshold_den INTEGER NOT NULL CHECK (threshold_den BETWEEN 1 AND 1000),
  comparison TEXT NOT NULL CHECK (comparison IN ('at_least', 'more_than')),
  denominator TEXT NOT NULL CHECK (denominator IN ('all_members', 'present_members')),
  source TEXT NOT NULL,
  -- the share of all members that must be present for a result to stand (0 = no quorum rule)
  quorum_num INTEGER NOT NULL,
  quorum_den INTEGER NOT NULL CHECK (quorum_den BETWEEN 1 AND 1000),
  CHECK (threshold_num BETWEEN 0 AND threshold_den),
  CHECK (quorum_num BETWEEN 0 AND quorum_den)
) STRICT;
-- table secretary_keys on secretary_keys
CREATE TABLE secretary_keys (
  public_key BLOB PRIMARY KEY CHECK (length(public_key) = 32),
  added_at TEXT NOT NULL
) STRICT;
-- table trustees on trustees
CREATE TABLE trustees (
  ceremony_no INTEGER NOT NULL REFERENCES ceremonies (ceremony_no),
  trustee_index INTEGER NOT NULL CHECK (trustee_index BETWEEN 1 AND 255),
  member_no INTEGER NOT NULL REFERENCES members (member_no),
  box_public_key BLOB NOT NULL CHECK (length(box_public_key) = 32), -- X25519
  PRIMARY KEY (ceremony_no, trustee_index),
  UNIQUE (ceremony_no, member_no),
  UNIQUE (ceremony_no, box_public_key)
) STRICT;
-- table used_nonces on used_nonces
CREATE TABLE used_nonces (
  signer_key BLOB NOT NULL CHECK (length(signer_key) = 32),
  nonce BLOB NOT NULL CHECK (length(nonce) = 16),
  expires_ms INTEGER NOT NULL,
  PRIMARY KEY (signer_key, nonce)
) STRICT;
-- index board_by_poll on board
CREATE INDEX board_by_poll ON board (poll_id, kind, seq);
-- index ceremonies_one_live on ceremonies
CREATE UNIQUE INDEX ceremonies_one_live ON ceremonies ((1)) WHERE state <> 'failed';
-- index ceremony_messages_once on ceremony_messages
CREATE UNIQUE INDEX ceremony_messages_once
  ON ceremony_messages (ceremony_no, kind, from_index, ifnull(to_index, 0));
-- index sqlite_autoindex_ballots_1 on ballots
-- index sqlite_autoindex_ballots_2 on ballots
-- index sqlite_autoindex_ballots_3 on ballots
-- index sqlite_autoindex_board_1 on board
-- index sqlite_autoindex_contests_1 on contests
-- index sqlite_autoindex_contests_2 on contests
-- index sqlite_autoindex_contests_3 on contests
-- index sqlite_autoindex_members_1 on members
-- index sqlite_autoindex_partial_decryptions_1 on partial_decryptions
-- index sqlite_autoindex_partial_decryptions_2 on partial_decryptions
-- index sqlite_autoindex_poll_attendance_1 on poll_attendance
-- index sqlite_autoindex_polls_1 on polls
-- index sqlite_autoindex_polls_2 on polls
-- index sqlite_autoindex_results_1 on results
-- index sqlite_autoindex_rule_profiles_1 on rule_profiles
-- index sqlite_autoindex_secretary_keys_1 on secretary_keys
-- index sqlite_autoindex_trustees_1 on trustees
-- index sqlite_autoindex_trustees_2 on trustees
-- index sqlite_autoindex_trustees_3 on trustees
-- index sqlite_autoindex_used_nonces_1 on used_nonces
-- index used_nonces_by_expiry on used_nonces
CREATE INDEX used_nonces_by_expiry ON used_nonces (expires_ms);
-- trigger audit_log_no_delete on audit_log
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- trigger audit_log_no_update on audit_log
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- trigger ballots_no_delete on ballots
CREATE TRIGGER ballots_no_delete BEFORE DELETE ON ballots
BEGIN SELECT RAISE(ABORT, 'ballots is append-only'); END;
-- trigger ballots_no_update on ballots
CREATE TRIGGER ballots_no_update BEFORE UPDATE ON ballots
BEGIN SELECT RAISE(ABORT, 'ballots is append-only'); END;
-- trigger board_chain on board
CREATE TRIGGER board_chain BEFORE INSERT ON board
WHEN NEW.seq IS NOT (SELECT ifnull(max(seq), 0) + 1 FROM board)
  OR NEW.prev_hash IS NOT ifnull((SELECT entry_hash FROM board WHERE seq = NEW.seq - 1), zeroblob(32))
BEGIN
  SELECT RAISE(ABORT, 'board entry does not extend the chain');
END;
-- trigger board_no_delete on board
CREATE TRIGGER board_no_delete BEFORE DELETE ON board BEGIN SELECT RAISE(ABORT, 'board is append-only'); END;
-- trigger board_no_update on board
CREATE TRIGGER board_no_update BEFORE UPDATE ON board BEGIN SELECT RAISE(ABORT, 'board is append-only'); END;
-- trigger ceremony_messages_no_delete on ceremony_messages
CREATE TRIGGER ceremony_messages_no_delete BEFORE DELETE ON ceremony_messages
BEGIN SELECT RAISE(ABORT, 'ceremony_messages is append-only'); END;
-- trigger ceremony_messages_no_update on ceremony_messages
CREATE TRIGGER ceremony_messages_no_update BEFORE UPDATE ON ceremony_messages
BEGIN SELECT RAISE(ABORT, 'ceremony_messages is append-only'); END;
-- trigger partial_decryptions_no_delete on partial_decryptions
CREATE TRIGGER partial_decryptions_no_delete BEFORE DELETE ON partial_decryptions
BEGIN SELECT RAISE(ABORT, 'partial_decryptions is append-only'); END;
-- trigger partial_decryptions_no_update on partial_decryptions
CREATE TRIGGER partial_decryptions_no_update BEFORE UPDATE ON partial_decryptions
BEGIN SELECT RAISE(ABORT, 'partial_decryptions is append-only'); END;
-- trigger poll_attendance_no_delete on poll_attendance
CREATE TRIGGER poll_attendance_no_delete BEFORE DELETE ON poll_attendance
BEGIN SELECT RAISE(ABORT, 'poll_attendance is append-only'); END;
-- trigger poll_attendance_no_update on poll_attendance
CREATE TRIGGER poll_attendance_no_update BEFORE UPDATE ON poll_attendance
BEGIN SELECT RAISE(ABORT, 'poll_attendance is append-only'); END;
-- trigger results_no_delete on results
CREATE TRIGGER results_no_delete BEFORE DELETE ON results
BEGIN SELECT RAISE(ABORT, 'results is append-only'); END;
-- trigger results_no_update on results
CREATE TRIGGER results_no_update BEFORE UPDATE ON results
BEGIN SELECT RAISE(ABORT, 'results is append-only'); END;
-- trigger secretary_keys_no_delete on secretary_keys
CREATE TRIGGER secretary_keys_no_delete BEFORE DELETE ON secretary_keys
BEGIN SELECT RAISE(ABORT, 'secretary_keys is append-only'); END;
-- trigger secretary_keys_no_update on secretary_keys
CREATE TRIGGER secretary_keys_no_update BEFORE UPDATE ON secretary_keys
BEGIN SELECT RAISE(ABORT, 'secretary_keys is append-only'); END;
