-- Policies and procedures (164.316(a)) and their documentation (164.316(b)): policy documents in Markdown with
-- versions and states (draft -> approved -> effective -> superseded), reviews, and workforce acknowledgments; and the
-- vault's emergency-mode switch (164.308(a)(7)(ii)(C), module records).
--
-- Retention (164.316(b)(2)(i)): a version is kept six years from its creation or from the date it last was effective,
-- whichever is later. retain_until holds that date (NULL while the version is effective: it cannot end yet); the
-- triggers below refuse deleting a version, or its acknowledgments, before it, by the database's own clock, and
-- refuse moving it earlier. Approved, effective and superseded versions are immutable.

CREATE TABLE program_policies (
    id                      TEXT    PRIMARY KEY,
    topic                   TEXT,
    title                   TEXT    NOT NULL,
    owner_id                TEXT    NOT NULL,
    citations               TEXT    NOT NULL,
    review_months           INTEGER NOT NULL CHECK (review_months BETWEEN 1 AND 36),
    acknowledgment_required INTEGER NOT NULL CHECK (acknowledgment_required IN (0, 1)),
    last_version            INTEGER NOT NULL CHECK (last_version >= 1),
    created_at              INTEGER NOT NULL,
    created_by              TEXT    NOT NULL,
    updated_at              INTEGER NOT NULL,
    updated_by              TEXT    NOT NULL
);
-- At most one policy per core topic.
CREATE UNIQUE INDEX program_policies_topic ON program_policies (topic) WHERE topic IS NOT NULL;

CREATE TABLE program_policy_versions (
    policy_id             TEXT    NOT NULL REFERENCES program_policies (id),
    version               INTEGER NOT NULL CHECK (version >= 1),
    state                 TEXT    NOT NULL CHECK (state IN ('draft', 'approved', 'effective', 'superseded')),
    markdown              TEXT    NOT NULL,
    content_sha256        TEXT    NOT NULL,
    change_summary        TEXT,
    created_at            INTEGER NOT NULL,
    created_by            TEXT    NOT NULL,
    edited_at             INTEGER NOT NULL,
    edited_by             TEXT    NOT NULL,
    approved_at           INTEGER,
    approved_by           TEXT,
    approval_note         TEXT,
    approval_evidence     TEXT,
    effective_on          TEXT,
    effective_by          TEXT,
    effective_evidence    TEXT,
    effective_at          INTEGER,
    superseded_at         INTEGER,
    superseded_by_version INTEGER,
    retain_until          INTEGER,
    PRIMARY KEY (policy_id, version),
    CHECK ((state = 'draft') = (approved_at IS NULL)),
    CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
    CHECK (approved_by IS NULL OR (approved_by <> created_by AND approved_by <> edited_by)),
    CHECK ((state IN ('effective', 'superseded')) = (effective_at IS NOT NULL)),
    CHECK ((state = 'superseded') = (superseded_at IS NOT NULL)),
    CHECK ((state = 'effective') = (retain_until IS NULL)),
    -- six years are at least 2,190 days (189,216,000,000 ms); the service adds six calendar years
    CHECK (retain_until IS NULL OR retain_until >= created_at + 189216000000),
    CHECK (superseded_at IS NULL OR retain_until >= superseded_at + 189216000000),
    CHECK (approved_at IS NULL OR approved_at >= created_at),
    CHECK (effective_at IS NULL OR effective_at >= approved_at),
    CHECK (superseded_at IS NULL OR superseded_at >= effective_at)
);
-- At most one effective and at most one pending (draft or approved) version per policy.
CREATE UNIQUE INDEX program_policy_versions_effective ON program_policy_versions (policy_id) WHERE state = 'effective';
CREATE UNIQUE INDEX program_policy_versions_pending ON program_policy_versions (policy_id)
    WHERE state IN ('draft', 'approved');

-- Who acknowledged which version, when, and the SHA-256 of the text they acknowledged.
CREATE TABLE program_policy_acknowledgments (
    policy_id       TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    user_id         TEXT    NOT NULL,
    acknowledged_at INTEGER NOT NULL,
    content_sha256  TEXT    NOT NULL,
    PRIMARY KEY (policy_id, version, user_id),
    FOREIGN KEY (policy_id, version) REFERENCES program_policy_versions (policy_id, version)
);
CREATE INDEX program_policy_acknowledgments_user ON program_policy_acknowledgments (user_id);

-- Periodic reviews of a policy's effective version: "reviewed, no change" or "revise" (a new draft was started).
CREATE TABLE program_policy_reviews (
    id          TEXT    PRIMARY KEY,
    policy_id   TEXT    NOT NULL REFERENCES program_policies (id),
    version     INTEGER NOT NULL,
    reviewed_at INTEGER NOT NULL,
    reviewed_by TEXT    NOT NULL,
    outcome     TEXT    NOT NULL CHECK (outcome IN ('no-change', 'revise')),
    notes       TEXT    NOT NULL,
    evidence_id TEXT    NOT NULL
);
CREATE INDEX program_policy_reviews_policy ON program_policy_reviews (policy_id, reviewed_at);

CREATE TRIGGER program_policies_retained BEFORE DELETE ON program_policies
BEGIN SELECT RAISE(ABORT, 'policies are retained; their versions are deleted one by one after their retention date'); END;

CREATE TRIGGER program_policy_versions_frozen BEFORE UPDATE ON program_policy_versions
WHEN OLD.state <> 'draft' AND (NEW.policy_id IS NOT OLD.policy_id OR NEW.version IS NOT OLD.version
    OR NEW.markdown IS NOT OLD.markdown OR NEW.content_sha256 IS NOT OLD.content_sha256
    OR NEW.change_summary IS NOT OLD.change_summary OR NEW.created_at IS NOT OLD.created_at
    OR NEW.created_by IS NOT OLD.created_by OR NEW.edited_at IS NOT OLD.edited_at OR NEW.edited_by IS NOT OLD.edited_by
    OR NEW.approved_at IS NOT OLD.approved_at OR NEW.approved_by IS NOT OLD.approved_by
    OR NEW.approval_note IS NOT OLD.approval_note OR NEW.approval_evidence IS NOT OLD.approval_evidence)
BEGIN SELECT RAISE(ABORT, 'approved, effective and superseded policy versions are immutable; start a new version'); END;

CREATE TRIGGER program_policy_versions_created_frozen BEFORE UPDATE ON program_policy_versions
WHEN NEW.policy_id IS NOT OLD.policy_id OR NEW.version IS NOT OLD.version OR NEW.created_at IS NOT OLD.created_at
    OR NEW.created_by IS NOT OLD.created_by
BEGIN SELECT RAISE(ABORT, 'who created a policy version, and when, is never changed'); END;

CREATE TRIGGER program_policy_versions_effective_frozen BEFORE UPDATE ON program_policy_versions
WHEN OLD.state IN ('effective', 'superseded') AND (NEW.effective_on IS NOT OLD.effective_on
    OR NEW.effective_by IS NOT OLD.effective_by OR NEW.effective_evidence IS NOT OLD.effective_evidence
    OR NEW.effective_at IS NOT OLD.effective_at)
BEGIN SELECT RAISE(ABORT, 'when a policy version took effect is never changed'); END;

CREATE TRIGGER program_policy_versions_states BEFORE UPDATE ON program_policy_versions
WHEN NOT ((NEW.state = OLD.state AND OLD.state IN ('draft', 'approved'))
    OR (OLD.state = 'draft' AND NEW.state = 'approved')
    OR (OLD.state = 'approved' AND NEW.state = 'effective')
    OR (OLD.state = 'effective' AND NEW.state = 'superseded'))
BEGIN SELECT RAISE(ABORT, 'a policy version moves only from draft to approved to effective to superseded'); END;

CREATE TRIGGER program_policy_versions_retention_kept BEFORE UPDATE ON program_policy_versions
WHEN NEW.retain_until < OLD.retain_until
BEGIN SELECT RAISE(ABORT, 'a policy version''s retention date is never moved earlier'); END;

CREATE TRIGGER program_policy_versions_retained BEFORE DELETE ON program_policy_versions
WHEN OLD.retain_until IS NULL OR OLD.retain_until > CAST(strftime('%s', 'now') AS INTEGER) * 1000
BEGIN SELECT RAISE(ABORT, 'policy versions are retained six years from creation or their last effective date (45 CFR 164.316(b)(2)(i))'); END;

CREATE TRIGGER program_policy_acknowledgments_immutable BEFORE UPDATE ON program_policy_acknowledgments
BEGIN SELECT RAISE(ABORT, 'acknowledgments are never changed'); END;
CREATE TRIGGER program_policy_acknowledgments_retained BEFORE DELETE ON program_policy_acknowledgments
WHEN EXISTS (SELECT 1 FROM program_policy_versions v WHERE v.policy_id = OLD.policy_id AND v.version = OLD.version
    AND (v.retain_until IS NULL OR v.retain_until > CAST(strftime('%s', 'now') AS INTEGER) * 1000))
BEGIN SELECT RAISE(ABORT, 'acknowledgments are retained with their policy version'); END;

CREATE TRIGGER program_policy_reviews_immutable BEFORE UPDATE ON program_policy_reviews
BEGIN SELECT RAISE(ABORT, 'policy reviews are never changed'); END;
CREATE TRIGGER program_policy_reviews_retained BEFORE DELETE ON program_policy_reviews
BEGIN SELECT RAISE(ABORT, 'policy reviews are retained and never deleted'); END;

-- Emergency mode of the vault (module records): every switch on or off, newest last; the latest row is the state.
-- previous_seq is unique, so two switches from the same state cannot both be recorded (the second one conflicts).
CREATE TABLE records_emergency_mode (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    previous_seq INTEGER NOT NULL UNIQUE,
    active       INTEGER NOT NULL CHECK (active IN (0, 1)),
    switched_at  INTEGER NOT NULL,
    switched_by  TEXT    NOT NULL,
    reason       TEXT
);
CREATE TRIGGER records_emergency_mode_immutable BEFORE UPDATE ON records_emergency_mode
BEGIN SELECT RAISE(ABORT, 'emergency-mode switches are never changed'); END;
CREATE TRIGGER records_emergency_mode_retained BEFORE DELETE ON records_emergency_mode
BEGIN SELECT RAISE(ABORT, 'emergency-mode switches are retained and never deleted'); END;
