-- CouncilVote meeting database, schema version 4 (docs/storage.md): a rule's threshold and quorum
-- are exact fractions num/den ("Từ 2/3 trở lên", 90/100) instead of whole percentages. Applied like
-- 0001, with foreign keys off (the table is rebuilt): no BEGIN/COMMIT here.

-- SQLite cannot drop a column that a CHECK names, so rule_profiles is rebuilt: every profile keeps
-- its meaning, N percent becoming N/100 (a rule compares agree * den with num * members).
CREATE TABLE rule_profiles_v4 (
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
INSERT INTO rule_profiles_v4 (rule_id, label, threshold_num, threshold_den, comparison, denominator, source,
                              quorum_num, quorum_den)
  SELECT rule_id, label, threshold_percent, 100, comparison, denominator, source, quorum_percent, 100
  FROM rule_profiles;
DROP TABLE rule_profiles;
ALTER TABLE rule_profiles_v4 RENAME TO rule_profiles;
