-- plantrack schema, migration 3: the integrity of the figures (SPEC "Integrity of the figures").
-- The plan keeps the texts that frame it (its overall goal, whether its assignments are
-- examples), when an update counts as late, whether a done claim needs checking, and the
-- assessment's weights; goals keep their description; indicators may be judged against
-- benchmark series or by hand. Every new column has the default a plan file gets when it says
-- nothing, so plans loaded before this migration read exactly as they did. Done claims checked
-- by the office and hand judgements of qualitative indicators are append-only logs, like updates.

ALTER TABLE plans ADD COLUMN goal TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN illustrative INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN report_by_day INTEGER NOT NULL DEFAULT 5;
ALTER TABLE plans ADD COLUMN verify_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN weight_on_time REAL NOT NULL DEFAULT 40;
ALTER TABLE plans ADD COLUMN weight_overdue REAL NOT NULL DEFAULT 20;
ALTER TABLE plans ADD COLUMN weight_reporting REAL NOT NULL DEFAULT 20;
ALTER TABLE plans ADD COLUMN weight_progress REAL NOT NULL DEFAULT 20;

ALTER TABLE goals ADD COLUMN description TEXT NOT NULL DEFAULT '';

-- `benchmarks`: for measure 'relative', the ids of the benchmark series (indicators rows of
-- measure 'benchmark') joined by line feeds. `target_text`: the stated target of a qualitative
-- indicator, in words.
ALTER TABLE indicators ADD COLUMN benchmarks TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN target_text TEXT NOT NULL DEFAULT '';

-- The office's check of a done claim (销号): `update_id` is the done update checked; a claim is
-- verified by a 'verified' row, or sent back by a 'rejected' one (with its reason in `note`).
CREATE TABLE verifications (
    verification_id INTEGER PRIMARY KEY,
    plan_id         TEXT NOT NULL,
    item_key        INTEGER NOT NULL, -- items.item_key
    item_id         TEXT NOT NULL,
    update_id       INTEGER NOT NULL, -- updates.update_id of the done claim
    verdict         TEXT NOT NULL CHECK (verdict = 'verified' OR verdict = 'rejected'),
    note            TEXT NOT NULL,
    reporter        TEXT NOT NULL,
    recorded_at     INTEGER NOT NULL
) STRICT;

CREATE INDEX verifications_by_item ON verifications(item_key, recorded_at, verification_id);

CREATE TRIGGER verifications_are_append_only_on_update BEFORE UPDATE ON verifications
BEGIN
    SELECT RAISE(ABORT, 'verifications are append-only');
END;
CREATE TRIGGER verifications_are_append_only_on_delete BEFORE DELETE ON verifications
BEGIN
    SELECT RAISE(ABORT, 'verifications are append-only');
END;

-- Hand judgements of qualitative indicators: one per period, the latest recorded wins.
CREATE TABLE judgements (
    judgement_id INTEGER PRIMARY KEY,
    plan_id      TEXT NOT NULL,
    indicator_id TEXT NOT NULL,
    period       TEXT NOT NULL,
    judgement    TEXT NOT NULL CHECK (judgement = 'on-track' OR judgement = 'at-risk' OR judgement = 'off-track'),
    note         TEXT NOT NULL,
    reporter     TEXT NOT NULL,
    recorded_at  INTEGER NOT NULL,
    FOREIGN KEY (plan_id, indicator_id) REFERENCES indicators(plan_id, indicator_id)
) STRICT;

CREATE INDEX judgements_by_indicator ON judgements(plan_id, indicator_id, period, recorded_at, judgement_id);

CREATE TRIGGER judgements_are_append_only_on_update BEFORE UPDATE ON judgements
BEGIN
    SELECT RAISE(ABORT, 'judgements are append-only');
END;
CREATE TRIGGER judgements_are_append_only_on_delete BEFORE DELETE ON judgements
BEGIN
    SELECT RAISE(ABORT, 'judgements are append-only');
END;
