-- Information system activity reviews (164.308(a)(1)(ii)(D)): one row per review period with the audit summary
-- computed when it was opened (JSON; user and client ids and counts only, no PHI) and the one-time sign-off.
CREATE TABLE program_activity_reviews (
    id            TEXT    PRIMARY KEY,
    period_from   INTEGER NOT NULL,
    period_to     INTEGER NOT NULL,
    origin        TEXT    NOT NULL CHECK (origin IN ('scheduled', 'requested')),
    reviewer_id   TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    created_by    TEXT,
    due_at        INTEGER NOT NULL,
    summary       TEXT    NOT NULL,
    signed_off_at INTEGER,
    signed_off_by TEXT,
    notes         TEXT,
    evidence_id   TEXT,
    CHECK (period_from < period_to),
    CHECK ((signed_off_at IS NULL) = (signed_off_by IS NULL)),
    UNIQUE (period_from, period_to)
);
CREATE INDEX program_activity_reviews_signed ON program_activity_reviews (signed_off_at);
