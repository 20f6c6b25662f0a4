-- The ePHI vault (module records). Every version of every resource is a row of fhir_versions, never updated or
-- deleted: its content is AES-256-GCM ciphertext under its compartment's data key (associated data: type, id,
-- version), and mac is an HMAC over the row's metadata and the ciphertext's SHA-256 (keys in module crypto).
-- compartment is a keyed token of the patient compartment ("Patient/<id>") or of the shared one, never the id.
CREATE TABLE fhir_versions (
    resource_type  TEXT    NOT NULL,
    resource_id    TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    compartment    TEXT    NOT NULL,
    key_version    INTEGER NOT NULL,
    deleted        INTEGER NOT NULL,
    last_updated   BIGINT NOT NULL,
    content        BYTEA,
    content_sha256 BYTEA,
    mac            BYTEA    NOT NULL,
    PRIMARY KEY (resource_type, resource_id, version)
);

-- The current version of each resource: updates move it by compare-and-set on version, so concurrent writers with
-- the same If-Match cannot both win.
CREATE TABLE fhir_current (
    resource_type TEXT    NOT NULL,
    resource_id   TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    deleted       INTEGER NOT NULL,
    compartment   TEXT    NOT NULL,
    last_updated  BIGINT NOT NULL,
    PRIMARY KEY (resource_type, resource_id)
);
CREATE INDEX fhir_current_updated ON fhir_current (resource_type, last_updated);
