-- The audit trail. Insert-only: no code path updates or deletes these rows.
CREATE TABLE audit_events (
    seq               BIGINT PRIMARY KEY,
    event_id          TEXT    NOT NULL UNIQUE,
    recorded_at       BIGINT NOT NULL,
    type              TEXT    NOT NULL,
    subtype           TEXT    NOT NULL,
    action            TEXT    NOT NULL,
    outcome           TEXT    NOT NULL,
    status            INTEGER,
    agent_user        TEXT,
    agent_client      TEXT,
    agent_roles       TEXT,
    agent_session     TEXT,
    agent_address     TEXT,
    agent_user_agent  TEXT,
    purpose           TEXT,
    entity_type       TEXT,
    entity_id         TEXT,
    entity_version    TEXT,
    patient_pseudonym TEXT,
    query_pseudonym   TEXT,
    result_count      INTEGER,
    request_id        TEXT,
    node_id           TEXT,
    reason            TEXT,
    leaf_hash         BYTEA    NOT NULL
);
CREATE INDEX audit_events_time ON audit_events (recorded_at);
CREATE INDEX audit_events_user ON audit_events (agent_user);
CREATE INDEX audit_events_patient ON audit_events (patient_pseudonym);

CREATE TABLE audit_tree_heads (
    tree_size BIGINT PRIMARY KEY,
    root_hash BYTEA    NOT NULL,
    signed_at BIGINT NOT NULL,
    signature BYTEA    NOT NULL
);

CREATE TABLE audit_verifications (
    verified_at   BIGINT NOT NULL,
    tree_size     BIGINT NOT NULL,
    ok            BIGINT NOT NULL,
    first_bad_seq BIGINT,
    reason        TEXT
);
