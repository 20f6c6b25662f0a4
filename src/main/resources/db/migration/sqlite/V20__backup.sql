-- Contingency (164.308(a)(7), 164.310(d)(2)(iv)); module backup, and the program's criticality list.
-- Times are epoch milliseconds (UTC); booleans 0/1. No PHI and no key material in any column.

-- Every backup: where it was written, what it holds (counts, hashes), and its latest verification. A pruned backup
-- keeps its row (pruned_at) so the history of backups stays complete.
CREATE TABLE backup_runs (
    id                   TEXT    PRIMARY KEY,
    origin               TEXT    NOT NULL CHECK (origin IN ('schedule', 'request', 'command', 'drill')),
    requested_by         TEXT,
    started_at           INTEGER NOT NULL,
    finished_at          INTEGER,
    status               TEXT    NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    directory            TEXT,
    source_database      TEXT    NOT NULL,
    schema_version       TEXT,
    size_bytes           INTEGER,
    row_count            INTEGER,
    table_count          INTEGER,
    audit_events         INTEGER,
    manifest_sha256      TEXT,
    duration_ms          INTEGER,
    verified_at          INTEGER,
    verified_ok          INTEGER,
    verification_problem TEXT,
    failure              TEXT,
    pruned_at            INTEGER
);
CREATE INDEX backup_runs_started ON backup_runs (started_at);

-- Restore drills (164.308(a)(7)(ii)(D)): a backup restored into a scratch directory, verified, timed.
CREATE TABLE backup_restore_drills (
    id               TEXT    PRIMARY KEY,
    origin           TEXT    NOT NULL CHECK (origin IN ('schedule', 'request')),
    requested_by     TEXT,
    backup_id        TEXT    REFERENCES backup_runs (id),
    started_at       INTEGER NOT NULL,
    finished_at      INTEGER,
    status           TEXT    NOT NULL CHECK (status IN ('running', 'passed', 'failed')),
    recovery_ms      INTEGER,
    tables_checked   INTEGER,
    rows_restored    INTEGER,
    audit_events     INTEGER,
    audit_heads      INTEGER,
    sample_size      INTEGER,
    sample_decrypted INTEGER,
    target_database  TEXT,
    failure          TEXT
);
CREATE INDEX backup_restore_drills_started ON backup_restore_drills (started_at);

-- Backups of the key directory under a passphrase (the file's hash, never its content).
CREATE TABLE backup_key_exports (
    id                  TEXT    PRIMARY KEY,
    exported_at         INTEGER NOT NULL,
    exported_by         TEXT,
    file                TEXT    NOT NULL,
    sha256              TEXT    NOT NULL,
    key_files           TEXT    NOT NULL,
    master_key_included INTEGER NOT NULL
);

-- Applications and data criticality analysis (164.308(a)(7)(ii)(E)): one entry per inventory asset with its tier
-- (1 = restore first), recovery time and point objectives and the assets it depends on (comma-separated ids).
CREATE TABLE program_criticality (
    id           TEXT    PRIMARY KEY,
    asset_id     TEXT    NOT NULL UNIQUE REFERENCES program_assets (id),
    tier         INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 4),
    rto_minutes  INTEGER NOT NULL CHECK (rto_minutes > 0),
    rpo_minutes  INTEGER NOT NULL CHECK (rpo_minutes >= 0),
    dependencies TEXT    NOT NULL,
    notes        TEXT,
    seeded       INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    created_by   TEXT    NOT NULL,
    updated_at   INTEGER NOT NULL,
    updated_by   TEXT    NOT NULL
);

-- The signed evidence recorded for each restore drill (so a drill is turned into evidence once).
CREATE TABLE program_drill_evidence (
    drill_id    TEXT    PRIMARY KEY,
    evidence_id TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL
);
