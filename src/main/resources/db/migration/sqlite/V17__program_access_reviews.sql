-- Access reviews (164.308(a)(4)(ii)(B), (C); 164.308(a)(3)(ii)(A)): a campaign snapshots every entitlement in force
-- (each active user's roles, care-team assignments, service clients) with its last activity from the audit trail;
-- each item goes to a named reviewer who keeps, revokes or modifies it. Rows are never deleted: a completed campaign
-- is the record of who decided what, when and why (it is also signed evidence).
CREATE TABLE program_access_review_campaigns (
    id                 TEXT    PRIMARY KEY,
    origin             TEXT    NOT NULL CHECK (origin IN ('scheduled', 'requested')),
    -- Start of the review cycle (UTC calendar months) the campaign was opened in.
    cycle_start        INTEGER NOT NULL,
    opened_at          INTEGER NOT NULL,
    opened_by          TEXT,
    due_at             INTEGER NOT NULL,
    unused_after_days  INTEGER NOT NULL,
    item_count         INTEGER NOT NULL,
    completed_at       INTEGER,
    evidence_id        TEXT,
    overdue_alerted_at INTEGER,
    CHECK (opened_at < due_at),
    CHECK ((completed_at IS NULL) = (evidence_id IS NULL))
);
CREATE INDEX program_access_review_campaigns_opened ON program_access_review_campaigns (opened_at);
CREATE INDEX program_access_review_campaigns_completed ON program_access_review_campaigns (completed_at);
-- At most one campaign is open at a time, also when two nodes open one at once.
CREATE UNIQUE INDEX program_access_review_campaigns_one_open ON program_access_review_campaigns ((completed_at IS NULL))
    WHERE completed_at IS NULL;

-- One entitlement of one campaign. kind 'role' names role; 'care-team' names assignment_id and patient_id (the
-- Patient's logical id, as care_team_assignments holds it); 'service-client' names client_id (subject_user_id is the
-- client's owner). granted_at is when the entitlement began; unused is 1 when neither it nor anything under it was
-- used for unused_after_days (never used counts once it is that old). modification is JSON of a modify decision.
-- effect says what the decision did: 'applied' (revoked or modified at once), 'already-absent' (revoked, but it had
-- ended meanwhile) or NULL (kept).
CREATE TABLE program_access_review_items (
    id                   TEXT    PRIMARY KEY,
    campaign_id          TEXT    NOT NULL REFERENCES program_access_review_campaigns (id),
    kind                 TEXT    NOT NULL CHECK (kind IN ('role', 'care-team', 'service-client')),
    subject_user_id      TEXT    NOT NULL,
    role                 TEXT,
    assignment_id        TEXT,
    patient_id           TEXT,
    assignment_starts_at INTEGER,
    assignment_ends_at   INTEGER,
    client_id            TEXT,
    client_name          TEXT,
    client_scopes        TEXT,
    client_patients      INTEGER,
    client_expires_at    INTEGER,
    granted_at           INTEGER NOT NULL,
    last_activity_at     INTEGER,
    unused               INTEGER NOT NULL CHECK (unused IN (0, 1)),
    reviewer_id          TEXT,
    reviewer_source      TEXT    NOT NULL
        CHECK (reviewer_source IN ('manager', 'security-official', 'security-officer', 'reassigned', 'unassigned')),
    reassigned_at        INTEGER,
    reassigned_by        TEXT,
    decision             TEXT    CHECK (decision IN ('keep', 'revoke', 'modify')),
    comment              TEXT,
    modification         TEXT,
    effect               TEXT    CHECK (effect IN ('applied', 'already-absent')),
    decided_at           INTEGER,
    decided_by           TEXT,
    CHECK ((decision IS NULL) = (decided_at IS NULL)),
    CHECK ((decision IS NULL) = (decided_by IS NULL))
);
CREATE INDEX program_access_review_items_campaign ON program_access_review_items (campaign_id, decision);
CREATE INDEX program_access_review_items_reviewer ON program_access_review_items (reviewer_id, decision);
