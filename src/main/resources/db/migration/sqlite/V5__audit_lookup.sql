-- Lookups of audit events by patient pseudonym, user and service client. Their keys are random, so indexing them in
-- the event rows made every group commit rewrite one index page per event; instead the lookup indexer adds them in
-- sorted batches off the commit path, and queries scan the few events after indexed_through directly.
DROP INDEX audit_events_patient;
DROP INDEX audit_events_user;

-- Insert-only, like the events. lookup_key is 'p:' + patient pseudonym, 'u:' + user id or 'c:' + service-client id.
CREATE TABLE audit_lookup (
    lookup_key TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    PRIMARY KEY (lookup_key, seq)
) WITHOUT ROWID;

-- One row: every event with seq <= indexed_through has its audit_lookup rows.
CREATE TABLE audit_lookup_progress (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_through INTEGER NOT NULL
);
INSERT INTO audit_lookup_progress (id, indexed_through) VALUES (1, 0);
