-- Service clients carry SMART-style scopes (patient|system/<type|*>.<read|write|*>) and an optional patient
-- allow-list (space-separated Patient ids). The former fhir.read and fhir.write meant any patient, any type.
ALTER TABLE service_clients ADD COLUMN patients TEXT;
UPDATE service_clients SET scopes = replace(replace(scopes, 'fhir.read', 'system/*.read'), 'fhir.write', 'system/*.write');

-- Care-team assignments (module access): a workforce user may reach a patient's records from starts_at until ends_at
-- (open-ended when NULL) unless the assignment was ended early (ended_at). Rows are never deleted.
CREATE TABLE care_team_assignments (
    id         TEXT    PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES users (id),
    patient_id TEXT    NOT NULL,
    starts_at  BIGINT NOT NULL,
    ends_at    BIGINT,
    created_at BIGINT NOT NULL,
    created_by TEXT    NOT NULL,
    ended_at   BIGINT,
    ended_by   TEXT
);
CREATE INDEX care_team_user ON care_team_assignments (user_id, patient_id);
CREATE INDEX care_team_patient ON care_team_assignments (patient_id);

-- Break-glass grants: emergency access of one user to one patient, time-boxed; the reason and the review notes may
-- hold clinical detail and are stored sealed (AES-256-GCM, bound to the grant). Every grant is reviewed afterwards.
CREATE TABLE break_glass_grants (
    id             TEXT    PRIMARY KEY,
    user_id        TEXT    NOT NULL REFERENCES users (id),
    patient_id     TEXT    NOT NULL,
    purpose        TEXT    NOT NULL,
    reason         BYTEA    NOT NULL,
    granted_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL,
    ended_at       BIGINT,
    ended_by       TEXT,
    reviewed_at    BIGINT,
    reviewed_by    TEXT,
    review_outcome TEXT,
    review_notes   BYTEA
);
CREATE INDEX break_glass_user ON break_glass_grants (user_id, patient_id);
CREATE INDEX break_glass_unreviewed ON break_glass_grants (reviewed_at, granted_at);
