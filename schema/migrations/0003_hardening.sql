-- CouncilVote meeting database, schema version 3 (docs/storage.md): the hardening of docs/wire.md
-- (the smallest tally, the attendance frozen at close, replay protection across restarts). Applied
-- like 0001, with foreign keys off (the board table is rebuilt): no BEGIN/COMMIT here.

-- The fewest ballots a poll must hold before it is tallied or decrypted (docs/threat-model.md §3):
-- fixed at `councilvote-server init`, never below 2; databases made before version 3 get 5.
ALTER TABLE meeting ADD COLUMN min_ballots INTEGER NOT NULL DEFAULT 5 CHECK (min_ballots BETWEEN 2 AND 9999);

-- The board gains the kind 'attendance': the attendance a poll is counted with, frozen at close.
-- SQLite cannot change a CHECK constraint, so the table is rebuilt with the same rows and triggers.
CREATE TABLE board_v3 (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('manifest', 'ballot', 'commitments', 'share', 'complaint',
                                     'partial_decryption', 'tally', 'result', 'attendance')),
  poll_id TEXT REFERENCES polls (poll_id), -- NULL: meeting-wide (the key ceremony)
  created_at TEXT NOT NULL,
  payload BLOB NOT NULL,
  prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
  entry_hash BLOB NOT NULL UNIQUE CHECK (length(entry_hash) = 32)
) STRICT;
INSERT INTO board_v3 (seq, kind, poll_id, created_at, payload, prev_hash, entry_hash)
  SELECT seq, kind, poll_id, created_at, payload, prev_hash, entry_hash FROM board ORDER BY seq;
DROP TABLE board;
ALTER TABLE board_v3 RENAME TO board;

CREATE TRIGGER board_chain BEFORE INSERT ON board
WHEN NEW.seq IS NOT (SELECT ifnull(max(seq), 0) + 1 FROM board)
  OR NEW.prev_hash IS NOT ifnull((SELECT entry_hash FROM board WHERE seq = NEW.seq - 1), zeroblob(32))
BEGIN
  SELECT RAISE(ABORT, 'board entry does not extend the chain');
END;
CREATE TRIGGER board_no_update BEFORE UPDATE ON board BEGIN SELECT RAISE(ABORT, 'board is append-only'); END;
CREATE TRIGGER board_no_delete BEFORE DELETE ON board BEGIN SELECT RAISE(ABORT, 'board is append-only'); END;
CREATE INDEX board_by_poll ON board (poll_id, kind, seq);

-- Each member's attendance as it was when the poll closed (the `attendance` board entry holds the
-- same): the record, the turnout of a closed poll and the auditor use this, never the live one.
CREATE TABLE poll_attendance (
  poll_id TEXT NOT NULL REFERENCES polls (poll_id),
  member_no INTEGER NOT NULL REFERENCES members (member_no),
  attendance TEXT NOT NULL CHECK (attendance IN ('unknown', 'present', 'absent', 'remote')),
  PRIMARY KEY (poll_id, member_no)
) STRICT;
CREATE TRIGGER poll_attendance_no_update BEFORE UPDATE ON poll_attendance
BEGIN SELECT RAISE(ABORT, 'poll_attendance is append-only'); END;
CREATE TRIGGER poll_attendance_no_delete BEFORE DELETE ON poll_attendance
BEGIN SELECT RAISE(ABORT, 'poll_attendance is append-only'); END;

-- The (key, nonce) pairs of accepted write requests (docs/wire.md §4.3), kept until the request's
-- time plus the clock window has passed, so that a restart does not forget them. Not evidence:
-- expired pairs are deleted.
CREATE TABLE used_nonces (
  signer_key BLOB NOT NULL CHECK (length(signer_key) = 32),
  nonce BLOB NOT NULL CHECK (length(nonce) = 16),
  expires_ms INTEGER NOT NULL,
  PRIMARY KEY (signer_key, nonce)
) STRICT;
CREATE INDEX used_nonces_by_expiry ON used_nonces (expires_ms);
