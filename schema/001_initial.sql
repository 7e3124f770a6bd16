-- plantrack schema, migration 1.
-- Dates are ISO 'YYYY-MM-DD' text (they sort as dates); recorded times are integer milliseconds
-- since the Unix epoch, UTC. Nothing in `updates` or `readings` is ever changed or deleted:
-- triggers below refuse it, so a correction is always a new row.

-- One row per plan; its current revision's header and review settings.
CREATE TABLE plans (
    plan_id          TEXT PRIMARY KEY,
    title            TEXT NOT NULL,
    start_date       TEXT NOT NULL,
    end_date         TEXT NOT NULL,
    language         TEXT NOT NULL,
    update_every     TEXT NOT NULL,
    report_every     TEXT NOT NULL,
    stale_after_days INTEGER NOT NULL,
    behind_by        REAL NOT NULL,
    at_risk_within   REAL NOT NULL,
    revision         INTEGER NOT NULL
) STRICT;

CREATE TABLE owners (
    plan_id   TEXT NOT NULL REFERENCES plans(plan_id),
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    position  INTEGER NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, name)
) STRICT;

CREATE TABLE areas (
    plan_id   TEXT NOT NULL REFERENCES plans(plan_id),
    area_id   TEXT NOT NULL,
    number    TEXT NOT NULL,
    title     TEXT NOT NULL,
    summary   TEXT NOT NULL,
    position  INTEGER NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, area_id)
) STRICT;

CREATE TABLE goals (
    plan_id   TEXT NOT NULL REFERENCES plans(plan_id),
    goal_id   TEXT NOT NULL,
    title     TEXT NOT NULL,
    position  INTEGER NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, goal_id)
) STRICT;

-- Baseline and target periods are '2025' or '2025Q4'.
CREATE TABLE indicators (
    plan_id         TEXT NOT NULL REFERENCES plans(plan_id),
    indicator_id    TEXT NOT NULL,
    goal_id         TEXT NOT NULL,
    title           TEXT NOT NULL,
    unit            TEXT NOT NULL,
    measure         TEXT NOT NULL,
    direction       TEXT NOT NULL,
    baseline_period TEXT,
    baseline_value  REAL,
    target_period   TEXT NOT NULL,
    target_value    REAL NOT NULL,
    position        INTEGER NOT NULL,
    withdrawn       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, indicator_id)
) STRICT;

-- Tasks and milestones. `start_date` is resolved (a task's own or the plan's start; a
-- milestone's own or its task's). `partners` is the partner owners joined by line feeds.
-- Items removed by a later revision stay, with `withdrawn` = 1, so their history is kept.
CREATE TABLE items (
    plan_id    TEXT NOT NULL REFERENCES plans(plan_id),
    item_id    TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('task', 'milestone')),
    area_id    TEXT NOT NULL,
    parent_id  TEXT,
    title      TEXT NOT NULL,
    lead       TEXT NOT NULL,
    partners   TEXT NOT NULL,
    leader     TEXT NOT NULL,
    start_date TEXT NOT NULL,
    due_date   TEXT NOT NULL,
    weight     REAL NOT NULL,
    position   INTEGER NOT NULL,
    withdrawn  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, item_id)
) STRICT, WITHOUT ROWID;

-- Every load of a plan file that changed something. Revision 1 created the plan.
CREATE TABLE revisions (
    plan_id   TEXT NOT NULL REFERENCES plans(plan_id),
    revision  INTEGER NOT NULL,
    loaded_at INTEGER NOT NULL,
    source    TEXT NOT NULL,
    added     INTEGER NOT NULL,
    changed   INTEGER NOT NULL,
    withdrawn INTEGER NOT NULL,
    PRIMARY KEY (plan_id, revision)
) STRICT;

-- What each revision changed: one row per added, withdrawn or restored entity, and per changed
-- field (old and new value as text).
CREATE TABLE revision_changes (
    plan_id   TEXT NOT NULL,
    revision  INTEGER NOT NULL,
    entity    TEXT NOT NULL, -- plan | owner | area | goal | indicator | item
    entity_id TEXT NOT NULL,
    change    TEXT NOT NULL, -- added | changed | withdrawn | restored
    field     TEXT,
    old_value TEXT,
    new_value TEXT,
    FOREIGN KEY (plan_id, revision) REFERENCES revisions(plan_id, revision)
) STRICT;

-- The append-only log of status updates. `update_id` is the insertion order, which breaks ties
-- between updates with the same date and recorded time.
CREATE TABLE updates (
    update_id   INTEGER PRIMARY KEY,
    plan_id     TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    date        TEXT NOT NULL,
    -- Written with OR, not IN (...): SQLite builds a temporary table for an IN list on every
    -- insert, which made the check cost more than the insert.
    status      TEXT NOT NULL CHECK (status = 'not-started' OR status = 'on-track' OR status = 'at-risk'
                                     OR status = 'delayed' OR status = 'done' OR status = 'cancelled'),
    progress    INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    note        TEXT NOT NULL,
    reporter    TEXT NOT NULL,
    recorded_at INTEGER NOT NULL
) STRICT;
-- (No FOREIGN KEY to items: plantrack checks every item before appending, and SQLite's check
-- cost more than the insert itself at a million rows.)

-- The state of an item as of a date is found by one seek in this index.
CREATE INDEX updates_by_item_date ON updates(plan_id, item_id, date, recorded_at, update_id);

CREATE TRIGGER updates_are_append_only_on_update BEFORE UPDATE ON updates
BEGIN
    SELECT RAISE(ABORT, 'updates are append-only');
END;
CREATE TRIGGER updates_are_append_only_on_delete BEFORE DELETE ON updates
BEGIN
    SELECT RAISE(ABORT, 'updates are append-only');
END;

-- The latest update of each item (by date, recorded time, insertion order), kept by plantrack in
-- the same transaction as the updates it appends, so "the state today" is one row per item.
-- (A trigger would do the same but costs more than the insert itself, per row.)
CREATE TABLE item_latest (
    plan_id     TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    update_id   INTEGER NOT NULL, -- updates.update_id
    date        TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (plan_id, item_id)
) STRICT, WITHOUT ROWID;

-- Items whose first `done` update a report looks for: a small index, as done updates are few.
CREATE INDEX updates_done ON updates(plan_id, item_id, date) WHERE status = 'done';

-- Indicator readings, append-only; a later reading for the same period supersedes (corrects)
-- an earlier one, which stays in the history.
CREATE TABLE readings (
    reading_id   INTEGER PRIMARY KEY,
    plan_id      TEXT NOT NULL,
    indicator_id TEXT NOT NULL,
    period       TEXT NOT NULL,
    value        REAL NOT NULL,
    note         TEXT NOT NULL,
    reporter     TEXT NOT NULL,
    recorded_at  INTEGER NOT NULL,
    FOREIGN KEY (plan_id, indicator_id) REFERENCES indicators(plan_id, indicator_id)
) STRICT;

CREATE INDEX readings_by_indicator ON readings(plan_id, indicator_id, period, recorded_at, reading_id);

CREATE TRIGGER readings_are_append_only_on_update BEFORE UPDATE ON readings
BEGIN
    SELECT RAISE(ABORT, 'readings are append-only');
END;
CREATE TRIGGER readings_are_append_only_on_delete BEFORE DELETE ON readings
BEGIN
    SELECT RAISE(ABORT, 'readings are append-only');
END;

-- For outside tools: every current item with its latest status (not-started when never updated).
CREATE VIEW item_current_state AS
SELECT i.plan_id, i.item_id, i.kind, i.area_id, i.parent_id, i.title, i.lead, i.start_date, i.due_date,
       COALESCE(u.status, 'not-started') AS status,
       COALESCE(u.progress, 0) AS progress,
       u.date AS last_update,
       u.note AS last_note
FROM items i
LEFT JOIN item_latest l ON l.plan_id = i.plan_id AND l.item_id = i.item_id
LEFT JOIN updates u ON u.update_id = l.update_id
WHERE i.withdrawn = 0;

-- For outside tools: items overdue today (due before today, neither done nor cancelled).
CREATE VIEW overdue_items AS
SELECT s.*, CAST(julianday('now', 'localtime', 'start of day') - julianday(s.due_date) AS INTEGER) AS days_overdue
FROM item_current_state s
WHERE s.due_date < date('now', 'localtime') AND s.status NOT IN ('done', 'cancelled');
