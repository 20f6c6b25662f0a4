-- The compliance program (module program): the organization's control for each Security Rule specification, the
-- 164.306(d) decisions on addressable specifications, and signed evidence. Every table is append-only: a change is
-- a new version, and the triggers below refuse UPDATE and DELETE (evidence is retained at least six years,
-- 164.316(b)(2)(i)); tampering that bypasses them is detected by evidence signatures.

CREATE TABLE program_control_versions (
    control_id            TEXT    NOT NULL,
    version               INTEGER NOT NULL,
    status                TEXT    NOT NULL,
    not_applicable_reason TEXT,
    owner_id              TEXT,
    implementation        TEXT,
    evidence_ids          TEXT    NOT NULL,
    next_review_on        TEXT,
    recorded_at           BIGINT  NOT NULL,
    recorded_by           TEXT    NOT NULL,
    PRIMARY KEY (control_id, version)
);

CREATE TABLE program_decision_versions (
    control_id   TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    decision     TEXT    NOT NULL,
    rationale    TEXT,
    alternative  TEXT,
    approver_id  TEXT    NOT NULL,
    decided_on   TEXT    NOT NULL,
    recorded_at  BIGINT  NOT NULL,
    recorded_by  TEXT    NOT NULL,
    PRIMARY KEY (control_id, version)
);

-- The Ed25519 keyset that signs evidence, sealed (AES-256-GCM under the application-secrets key, bound to its name).
CREATE TABLE program_signing_keys (
    name          TEXT    PRIMARY KEY,
    keyset        BYTEA   NOT NULL,
    public_keyset TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL
);

-- Evidence: content sealed and bound to the evidence id; the signature covers every column but seq and the content
-- ciphertext (it covers the content's SHA-256 and size).
CREATE TABLE program_evidence (
    seq            BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             TEXT    NOT NULL UNIQUE,
    kind           TEXT    NOT NULL,
    collector_type TEXT    NOT NULL,
    collector      TEXT    NOT NULL,
    collected_at   BIGINT  NOT NULL,
    observed_from  BIGINT  NOT NULL,
    observed_to    BIGINT  NOT NULL,
    result         TEXT    NOT NULL,
    details        TEXT    NOT NULL,
    expires_at     BIGINT  NOT NULL,
    retain_until   BIGINT  NOT NULL,
    media_type     TEXT    NOT NULL,
    file_name      TEXT,
    content_size   BIGINT  NOT NULL,
    content_sha256 TEXT    NOT NULL,
    content        BYTEA   NOT NULL,
    signature      BYTEA   NOT NULL
);

CREATE TABLE program_evidence_controls (
    evidence_id TEXT    NOT NULL REFERENCES program_evidence (id),
    control_id  TEXT    NOT NULL,
    PRIMARY KEY (evidence_id, control_id)
);
CREATE INDEX program_evidence_by_control ON program_evidence_controls (control_id);

CREATE FUNCTION program_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on %: program records are append-only and retained', TG_OP, TG_TABLE_NAME;
END
$$;

CREATE TRIGGER program_control_versions_append_only BEFORE UPDATE OR DELETE ON program_control_versions
    FOR EACH ROW EXECUTE FUNCTION program_refuse_change();
CREATE TRIGGER program_decision_versions_append_only BEFORE UPDATE OR DELETE ON program_decision_versions
    FOR EACH ROW EXECUTE FUNCTION program_refuse_change();
CREATE TRIGGER program_evidence_append_only BEFORE UPDATE OR DELETE ON program_evidence
    FOR EACH ROW EXECUTE FUNCTION program_refuse_change();
CREATE TRIGGER program_evidence_controls_append_only BEFORE UPDATE OR DELETE ON program_evidence_controls
    FOR EACH ROW EXECUTE FUNCTION program_refuse_change();
