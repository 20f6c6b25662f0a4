-- The key hierarchy of the ePHI vault (module crypto). Every keyset here is encrypted: the named keysets by the
-- master key (local keyset file or HSM), data keys by a key-encryption key. Nothing in these tables decrypts anything
-- without the master key.

-- Tink keysets encrypted under the master key: 'kek' (AES-256-GCM, one key per KEK version), 'blind-index'
-- (HMAC-SHA256 PRF for search tokens), 'record-mac' (HMAC-SHA256 over stored versions' metadata).
CREATE TABLE crypto_keysets (
    name       TEXT    PRIMARY KEY,
    keyset     BYTEA    NOT NULL,
    updated_at BIGINT NOT NULL
);

-- KEK versions: the Tink key id of each version inside the 'kek' keyset. The highest active version wraps new data
-- keys; 'retired' versions still unwrap until the rewrap has moved every data key off them; 'destroyed' ones are gone
-- from the keyset.
CREATE TABLE crypto_kek_versions (
    version    INTEGER PRIMARY KEY,
    key_id     BIGINT NOT NULL UNIQUE,
    state      TEXT    NOT NULL CHECK (state IN ('active', 'retired', 'destroyed')),
    created_at BIGINT NOT NULL,
    changed_at BIGINT NOT NULL
);

-- Data keys, one series per compartment (a patient, or the shared compartment), versioned for rotation; each is a
-- Tink AES-256-GCM keyset encrypted under a KEK version with associated data = compartment_ref and version.
-- compartment_ref is a keyed hash of the compartment's name, never the patient id itself.
CREATE TABLE crypto_data_keys (
    compartment_ref TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    kek_version     INTEGER NOT NULL REFERENCES crypto_kek_versions (version),
    wrapped         BYTEA    NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (compartment_ref, version)
);
CREATE INDEX crypto_data_keys_kek ON crypto_data_keys (kek_version);

-- Crypto-shredded compartments: their data keys are deleted; this row says when, so reads answer 410 Gone.
CREATE TABLE crypto_shredded (
    compartment_ref TEXT PRIMARY KEY,
    shredded_at     BIGINT NOT NULL
);
