-- Workforce identity: users, roles, MFA, sessions, service clients, first-run setup.
-- Times are epoch milliseconds (UTC). Append-only: never edit a shipped migration.

CREATE TABLE users (
    id                  TEXT    PRIMARY KEY,
    username            TEXT    NOT NULL UNIQUE,
    display_name        TEXT    NOT NULL,
    password_hash       TEXT    NOT NULL,
    status              TEXT    NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED', 'TERMINATED')),
    totp_secret         BYTEA,
    totp_pending_secret BYTEA,
    totp_enrolled_at    BIGINT,
    totp_last_step      BIGINT NOT NULL DEFAULT 0,
    failed_attempts     INTEGER NOT NULL DEFAULT 0,
    last_failed_at      BIGINT,
    password_locked_at  BIGINT,
    created_at          BIGINT NOT NULL,
    created_by          TEXT,
    updated_at          BIGINT NOT NULL,
    disabled_at         BIGINT,
    terminated_at       BIGINT,
    terminated_by       TEXT
);

CREATE TABLE user_roles (
    user_id    TEXT    NOT NULL REFERENCES users (id),
    role       TEXT    NOT NULL,
    granted_at BIGINT NOT NULL,
    granted_by TEXT,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE recovery_codes (
    user_id   TEXT    NOT NULL REFERENCES users (id),
    code_hash TEXT    NOT NULL,
    issued_at BIGINT NOT NULL,
    used_at   BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

-- The designated security official (164.308(a)(2)), with history.
CREATE TABLE security_officials (
    user_id     TEXT    NOT NULL REFERENCES users (id),
    assigned_at BIGINT NOT NULL,
    assigned_by TEXT,
    ended_at    BIGINT,
    PRIMARY KEY (user_id, assigned_at)
);

-- Only a SHA-256 digest of a session id is stored: a copy of the table cannot be replayed as cookies.
CREATE TABLE sessions (
    id_hash           TEXT    PRIMARY KEY,
    user_id           TEXT    NOT NULL REFERENCES users (id),
    stage             TEXT    NOT NULL CHECK (stage IN ('PASSWORD_VERIFIED', 'ENROLLMENT_REQUIRED', 'AUTHENTICATED')),
    csrf_token        TEXT    NOT NULL,
    created_at        BIGINT NOT NULL,
    last_accessed_at  BIGINT NOT NULL,
    expires_at        BIGINT NOT NULL,
    address           TEXT,
    user_agent        TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE service_clients (
    id            TEXT    PRIMARY KEY,
    name          TEXT    NOT NULL,
    owner_user_id TEXT    NOT NULL REFERENCES users (id),
    scopes        TEXT    NOT NULL,
    secret_hash   TEXT    NOT NULL,
    created_at    BIGINT NOT NULL,
    created_by    TEXT    NOT NULL,
    expires_at    BIGINT NOT NULL,
    last_used_at  BIGINT,
    revoked_at    BIGINT,
    revoked_by    TEXT
);
CREATE INDEX service_clients_owner ON service_clients (owner_user_id);

-- Every credential revocation with its time, so that time-to-revoke after termination can be measured.
CREATE TABLE credential_revocations (
    id              TEXT    PRIMARY KEY,
    user_id         TEXT    NOT NULL REFERENCES users (id),
    credential_kind TEXT    NOT NULL,
    credential_ref  TEXT    NOT NULL,
    cause           TEXT    NOT NULL,
    revoked_at      BIGINT NOT NULL
);
CREATE INDEX credential_revocations_user ON credential_revocations (user_id);

CREATE TABLE setup_tokens (
    token_hash TEXT    PRIMARY KEY,
    issued_at  BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
