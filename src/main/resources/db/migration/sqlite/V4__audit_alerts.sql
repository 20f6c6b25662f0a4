-- Audit alerts inbox (45 CFR 164.308(a)(5)(ii)(C), 164.308(a)(1)(ii)(D)). Times are epoch milliseconds (UTC).
-- No PHI and no secrets in any column: subjects are user ids or fixed names, summaries ids and counts.
-- State only moves forward: OPEN -> ACKNOWLEDGED -> RESOLVED, or OPEN -> RESOLVED; who and when of each step is kept.
CREATE TABLE alerts (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    rule             TEXT    NOT NULL,
    severity         TEXT    NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    subject          TEXT    NOT NULL,
    summary          TEXT    NOT NULL,
    first_seq        INTEGER,
    created_at       INTEGER NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    state_changed_by TEXT,
    state_changed_at INTEGER NOT NULL,
    acknowledged_by  TEXT,
    acknowledged_at  INTEGER,
    resolved_by      TEXT,
    resolved_at      INTEGER,
    CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL)),
    CHECK ((resolved_by IS NULL) = (resolved_at IS NULL)),
    CHECK (state <> 'RESOLVED' OR resolved_at IS NOT NULL)
);
CREATE INDEX alerts_state ON alerts (state, id);
CREATE INDEX alerts_rule_subject ON alerts (rule, subject, id);
