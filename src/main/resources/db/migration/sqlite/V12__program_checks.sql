-- Evaluation check runs (164.308(a)(8)): each run's outcome and the signed evidence that holds what it observed.
CREATE TABLE program_check_runs (
    id          TEXT    PRIMARY KEY,
    check_id    TEXT    NOT NULL,
    ran_at      INTEGER NOT NULL,
    result      TEXT    NOT NULL,
    summary     TEXT    NOT NULL,
    evidence_id TEXT    NOT NULL,
    finding_id  TEXT
);
CREATE INDEX program_check_runs_check ON program_check_runs (check_id, ran_at);

-- Findings: a check's failure, open until the check passes again.
CREATE TABLE program_findings (
    id               TEXT    PRIMARY KEY,
    check_id         TEXT    NOT NULL,
    controls         TEXT    NOT NULL,
    summary          TEXT    NOT NULL,
    opened_at        INTEGER NOT NULL,
    closed_at        INTEGER,
    last_evidence_id TEXT    NOT NULL
);
CREATE INDEX program_findings_check ON program_findings (check_id, closed_at);
