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
    created_at              BIGINT  NOT NULL,
    created_by              TEXT    NOT NULL,
    updated_at              BIGINT  NOT NULL,
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
    created_at            BIGINT  NOT NULL,
    created_by            TEXT    NOT NULL,
    edited_at             BIGINT  NOT NULL,
    edited_by             TEXT    NOT NULL,
    approved_at           BIGINT,
    approved_by           TEXT,
    approval_note         TEXT,
    approval_evidence     TEXT,
    effective_on          TEXT,
    effective_by          TEXT,
    effective_evidence    TEXT,
    effective_at          BIGINT,
    superseded_at         BIGINT,
    superseded_by_version INTEGER,
    retain_until          BIGINT,
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
    acknowledged_at BIGINT  NOT NULL,
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
    reviewed_at BIGINT  NOT NULL,
    reviewed_by TEXT    NOT NULL,
    outcome     TEXT    NOT NULL CHECK (outcome IN ('no-change', 'revise')),
    notes       TEXT    NOT NULL,
    evidence_id TEXT    NOT NULL
);
CREATE INDEX program_policy_reviews_policy ON program_policy_reviews (policy_id, reviewed_at);

CREATE FUNCTION program_policy_now_millis() RETURNS bigint LANGUAGE sql AS $$
    SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint
$$;

CREATE FUNCTION program_policy_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on %: these policy records are retained and never changed', TG_OP, TG_TABLE_NAME;
END
$$;

CREATE FUNCTION program_policy_version_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.policy_id IS DISTINCT FROM OLD.policy_id OR NEW.version IS DISTINCT FROM OLD.version
            OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.created_by IS DISTINCT FROM OLD.created_by THEN
        RAISE EXCEPTION 'who created a policy version, and when, is never changed';
    END IF;
    IF OLD.state <> 'draft' AND (NEW.markdown IS DISTINCT FROM OLD.markdown
            OR NEW.content_sha256 IS DISTINCT FROM OLD.content_sha256
            OR NEW.change_summary IS DISTINCT FROM OLD.change_summary
            OR NEW.edited_at IS DISTINCT FROM OLD.edited_at OR NEW.edited_by IS DISTINCT FROM OLD.edited_by
            OR NEW.approved_at IS DISTINCT FROM OLD.approved_at OR NEW.approved_by IS DISTINCT FROM OLD.approved_by
            OR NEW.approval_note IS DISTINCT FROM OLD.approval_note
            OR NEW.approval_evidence IS DISTINCT FROM OLD.approval_evidence) THEN
        RAISE EXCEPTION 'approved, effective and superseded policy versions are immutable; start a new version';
    END IF;
    IF OLD.state IN ('effective', 'superseded') AND (NEW.effective_on IS DISTINCT FROM OLD.effective_on
            OR NEW.effective_by IS DISTINCT FROM OLD.effective_by
            OR NEW.effective_evidence IS DISTINCT FROM OLD.effective_evidence
            OR NEW.effective_at IS DISTINCT FROM OLD.effective_at) THEN
        RAISE EXCEPTION 'when a policy version took effect is never changed';
    END IF;
    IF NOT ((NEW.state = OLD.state AND OLD.state IN ('draft', 'approved'))
            OR (OLD.state = 'draft' AND NEW.state = 'approved')
            OR (OLD.state = 'approved' AND NEW.state = 'effective')
            OR (OLD.state = 'effective' AND NEW.state = 'superseded')) THEN
        RAISE EXCEPTION 'a policy version moves only from draft to approved to effective to superseded';
    END IF;
    IF NEW.retain_until < OLD.retain_until THEN
        RAISE EXCEPTION 'a policy version''s retention date is never moved earlier';
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION program_policy_version_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.retain_until IS NULL OR OLD.retain_until > program_policy_now_millis() THEN
        RAISE EXCEPTION 'policy versions are retained six years from creation or their last effective date '
            '(45 CFR 164.316(b)(2)(i)); % version % is retained until %', OLD.policy_id, OLD.version,
            COALESCE(to_char(to_timestamp(OLD.retain_until / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
                     'it is no longer effective');
    END IF;
    RETURN OLD;
END
$$;

CREATE FUNCTION program_policy_acknowledgment_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM program_policy_versions v WHERE v.policy_id = OLD.policy_id AND v.version = OLD.version
            AND (v.retain_until IS NULL OR v.retain_until > program_policy_now_millis())) THEN
        RAISE EXCEPTION 'acknowledgments are retained with their policy version';
    END IF;
    RETURN OLD;
END
$$;

CREATE TRIGGER program_policies_retained BEFORE DELETE ON program_policies
    FOR EACH ROW EXECUTE FUNCTION program_policy_refuse_change();
CREATE TRIGGER program_policy_versions_guarded BEFORE UPDATE ON program_policy_versions
    FOR EACH ROW EXECUTE FUNCTION program_policy_version_update();
CREATE TRIGGER program_policy_versions_retained BEFORE DELETE ON program_policy_versions
    FOR EACH ROW EXECUTE FUNCTION program_policy_version_delete();
CREATE TRIGGER program_policy_acknowledgments_immutable BEFORE UPDATE ON program_policy_acknowledgments
    FOR EACH ROW EXECUTE FUNCTION program_policy_refuse_change();
CREATE TRIGGER program_policy_acknowledgments_retained BEFORE DELETE ON program_policy_acknowledgments
    FOR EACH ROW EXECUTE FUNCTION program_policy_acknowledgment_delete();
CREATE TRIGGER program_policy_reviews_append_only BEFORE UPDATE OR DELETE ON program_policy_reviews
    FOR EACH ROW EXECUTE FUNCTION program_policy_refuse_change();

-- Emergency mode of the vault (module records): every switch on or off, newest last; the latest row is the state.
-- previous_seq is unique, so two switches from the same state cannot both be recorded (the second one conflicts).
CREATE TABLE records_emergency_mode (
    seq          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    previous_seq BIGINT  NOT NULL UNIQUE,
    active       INTEGER NOT NULL CHECK (active IN (0, 1)),
    switched_at  BIGINT  NOT NULL,
    switched_by  TEXT    NOT NULL,
    reason       TEXT
);
CREATE FUNCTION records_emergency_mode_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on %: emergency-mode switches are retained and never changed', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER records_emergency_mode_append_only BEFORE UPDATE OR DELETE ON records_emergency_mode
    FOR EACH ROW EXECUTE FUNCTION records_emergency_mode_refuse_change();
