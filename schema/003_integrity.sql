-- plantrack schema, migration 3: the integrity of the figures (SPEC "Integrity of the figures").
-- The plan keeps the texts that frame it (its overall goal, whether its assignments are
-- examples), when an update counts as late, and the assessment's weights; goals keep their
-- description. Every new column has the default a plan file gets when it says nothing, so plans
-- loaded before this migration read exactly as they did.

ALTER TABLE plans ADD COLUMN goal TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN illustrative INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN report_by_day INTEGER NOT NULL DEFAULT 5;
ALTER TABLE plans ADD COLUMN weight_on_time REAL NOT NULL DEFAULT 40;
ALTER TABLE plans ADD COLUMN weight_overdue REAL NOT NULL DEFAULT 20;
ALTER TABLE plans ADD COLUMN weight_reporting REAL NOT NULL DEFAULT 20;
ALTER TABLE plans ADD COLUMN weight_progress REAL NOT NULL DEFAULT 20;

ALTER TABLE goals ADD COLUMN description TEXT NOT NULL DEFAULT '';
