-- CouncilVote meeting database, schema version 5 (docs/storage.md): the board gains the kind
-- 'chair_decision', the chair's signed decision of a tie at an award's quota (docs/wire.md §8.4
-- post_chair_decision). Applied like 0003, with foreign keys off (the table is rebuilt): no
-- BEGIN/COMMIT here.

-- SQLite cannot change a CHECK constraint, so the table is rebuilt with the same rows and triggers.
CREATE TABLE board_v5 (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('manifest', 'ballot', 'commitments', 'share', 'complaint',
                                     'partial_decryption', 'tally', 'result', 'attendance',
                                     'chair_decision')),
  poll_id TEXT REFERENCES polls (poll_id), -- NULL: meeting-wide (the key ceremony)
  created_at TEXT NOT NULL,
  payload BLOB NOT NULL,
  prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
  entry_hash BLOB NOT NULL UNIQUE CHECK (length(entry_hash) = 32)
) STRICT;
INSERT INTO board_v5 (seq, kind, poll_id, created_at, payload, prev_hash, entry_hash)
  SELECT seq, kind, poll_id, created_at, payload, prev_hash, entry_hash FROM board ORDER BY seq;
DROP TABLE board;
ALTER TABLE board_v5 RENAME TO board;

CREATE TRIGGER board_chain BEFORE INSERT ON board
WHEN NEW.seq IS NOT (SELECT ifnull(max(seq), 0) + 1 FROM board)
  OR NEW.prev_hash IS NOT ifnull((SELECT entry_hash FROM board WHERE seq = NEW.seq - 1), zeroblob(32))
BEGIN
  SELECT RAISE(ABORT, 'board entry does not extend the chain');
END;
CREATE TRIGGER board_no_update BEFORE UPDATE ON board BEGIN SELECT RAISE(ABORT, 'board is append-only'); END;
CREATE TRIGGER board_no_delete BEFORE DELETE ON board BEGIN SELECT RAISE(ABORT, 'board is append-only'); END;
CREATE INDEX board_by_poll ON board (poll_id, kind, seq);
