-- plantrack schema, migration 2: an integer key for every item, and updates indexed by it.
-- At city scale (20,000 items, 3 million updates) the index that finds an item's state as of a
-- date was keyed by two texts (plan id and item id) and every review read the update row behind
-- it for the status and progress. Now the index is keyed by the item's number and holds status
-- and progress itself, so a review is one index seek per item and never reads the log; and
-- import compares integers instead of texts on every insert. docs/PERFORMANCE.md has the figures.
-- Nothing is lost: every row is copied with its update_id, and the append-only triggers are
-- recreated on the new table.

DROP VIEW overdue_items;
DROP VIEW item_current_state;

-- `item_key` numbers the items of every plan; updates refer to it. Items are never deleted
-- (withdrawn ones are kept), so a key is never reused.
CREATE TABLE items_v2 (
    item_key   INTEGER PRIMARY KEY,
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
    UNIQUE (plan_id, item_id)
) STRICT;

INSERT INTO items_v2 (plan_id, item_id, kind, area_id, parent_id, title, lead, partners, leader, start_date, due_date,
                      weight, position, withdrawn)
SELECT plan_id, item_id, kind, area_id, parent_id, title, lead, partners, leader, start_date, due_date, weight,
       position, withdrawn
FROM items ORDER BY plan_id, position;

DROP TABLE items;
ALTER TABLE items_v2 RENAME TO items;

-- Reading a plan in its own order walks this index, not a sort of 20,000 rows.
CREATE INDEX items_by_position ON items(plan_id, position);

-- The log keeps the plan and item ids as text for people and other tools; plantrack finds
-- updates by `item_key`.
CREATE TABLE updates_v2 (
    update_id   INTEGER PRIMARY KEY,
    item_key    INTEGER NOT NULL, -- items.item_key
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

-- An update whose item is missing gets a NULL key and fails NOT NULL: the migration stops and
-- changes nothing rather than drop it.
INSERT INTO updates_v2 (update_id, item_key, plan_id, item_id, date, status, progress, note, reporter, recorded_at)
SELECT u.update_id, (SELECT i.item_key FROM items i WHERE i.plan_id = u.plan_id AND i.item_id = u.item_id),
       u.plan_id, u.item_id, u.date, u.status, u.progress, u.note, u.reporter, u.recorded_at
FROM updates u ORDER BY u.update_id;

DROP TABLE updates;
ALTER TABLE updates_v2 RENAME TO updates;

-- The state of an item as of a date is one seek in this index, which holds the state itself.
-- (update_id is named so that ties on date and recorded time order by insertion.)
CREATE INDEX updates_by_item_date ON updates(item_key, date, recorded_at, update_id, status, progress);

-- Items whose first `done` update a report looks for: a small index, as done updates are few
-- (status is named so that SQLite reads the index alone).
CREATE INDEX updates_done ON updates(item_key, date, recorded_at, status) WHERE status = 'done';

CREATE TRIGGER updates_are_append_only_on_update BEFORE UPDATE ON updates
BEGIN
    SELECT RAISE(ABORT, 'updates are append-only');
END;
CREATE TRIGGER updates_are_append_only_on_delete BEFORE DELETE ON updates
BEGIN
    SELECT RAISE(ABORT, 'updates are append-only');
END;

-- The latest update of each item (by date, recorded time, insertion order) with the state it
-- gives, kept by plantrack in the same transaction as the updates it appends: "the state today"
-- of 20,000 items is one pass over this table.
CREATE TABLE item_latest_v2 (
    plan_id     TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    item_key    INTEGER NOT NULL, -- items.item_key
    update_id   INTEGER NOT NULL, -- updates.update_id
    date        TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    status      TEXT NOT NULL,
    progress    INTEGER NOT NULL,
    note        TEXT NOT NULL,
    first_date  TEXT NOT NULL, -- the earliest date of the item's updates: before it, no seek is needed
    PRIMARY KEY (plan_id, item_id)
) STRICT, WITHOUT ROWID;

INSERT INTO item_latest_v2 (plan_id, item_id, item_key, update_id, date, recorded_at, status, progress, note,
                            first_date)
SELECT l.plan_id, l.item_id, u.item_key, u.update_id, u.date, u.recorded_at, u.status, u.progress, u.note,
       (SELECT min(f.date) FROM updates f WHERE f.item_key = u.item_key)
FROM item_latest l JOIN updates u ON u.update_id = l.update_id;

DROP TABLE item_latest;
ALTER TABLE item_latest_v2 RENAME TO item_latest;

-- For outside tools: every current item with its latest status (not-started when never updated).
CREATE VIEW item_current_state AS
SELECT i.plan_id, i.item_id, i.kind, i.area_id, i.parent_id, i.title, i.lead, i.start_date, i.due_date,
       COALESCE(l.status, 'not-started') AS status,
       COALESCE(l.progress, 0) AS progress,
       l.date AS last_update,
       l.note AS last_note
FROM items i
LEFT JOIN item_latest l ON l.plan_id = i.plan_id AND l.item_id = i.item_id
WHERE i.withdrawn = 0;

-- For outside tools: items overdue today (due before today, neither done nor cancelled).
CREATE VIEW overdue_items AS
SELECT s.*, CAST(julianday('now', 'localtime', 'start of day') - julianday(s.due_date) AS INTEGER) AS days_overdue
FROM item_current_state s
WHERE s.due_date < date('now', 'localtime') AND s.status NOT IN ('done', 'cancelled');
