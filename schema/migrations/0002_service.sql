-- CouncilVote meeting database, schema version 2 (docs/storage.md): what the meeting server's
-- operations (docs/wire.md §8) need beyond version 1. Applied like 0001: no BEGIN/COMMIT here.

-- The share of all members that must be present for a result to stand (0 = no quorum rule).
ALTER TABLE rule_profiles ADD COLUMN quorum_percent INTEGER NOT NULL DEFAULT 0
  CHECK (quorum_percent BETWEEN 0 AND 100);

-- The secretary's Ed25519 keys, configured at `councilvote-server init`.
CREATE TABLE secretary_keys (
  public_key BLOB PRIMARY KEY CHECK (length(public_key) = 32),
  added_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER secretary_keys_no_update BEFORE UPDATE ON secretary_keys
BEGIN SELECT RAISE(ABORT, 'secretary_keys is append-only'); END;
CREATE TRIGGER secretary_keys_no_delete BEFORE DELETE ON secretary_keys
BEGIN SELECT RAISE(ABORT, 'secretary_keys is append-only'); END;

-- Board lookups by poll and kind (the manifest, tally and result entries of a poll).
CREATE INDEX board_by_poll ON board (poll_id, kind, seq);
