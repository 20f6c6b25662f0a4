-- Vendors and business associate agreements (164.308(b), 164.314(a)), module program, issue #6 part 1.

-- Vendors: the services they provide, whether they create, receive, maintain or transmit ePHI, their contacts (the
-- workforce of a business, not PHI; JSON) and, for a subcontractor, the business associate above it (parent_id: the
-- flow-down chain of 164.314(a)(2)(iii)). Vendors are offboarded, never deleted. name_key is the lower-cased name,
-- unique.
CREATE TABLE program_vendors (
    id             TEXT    PRIMARY KEY,
    name           TEXT    NOT NULL,
    name_key       TEXT    NOT NULL UNIQUE,
    parent_id      TEXT    REFERENCES program_vendors (id),
    services       TEXT    NOT NULL,
    creates_ephi   INTEGER NOT NULL CHECK (creates_ephi IN (0, 1)),
    receives_ephi  INTEGER NOT NULL CHECK (receives_ephi IN (0, 1)),
    maintains_ephi INTEGER NOT NULL CHECK (maintains_ephi IN (0, 1)),
    transmits_ephi INTEGER NOT NULL CHECK (transmits_ephi IN (0, 1)),
    contacts       TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('prospective', 'active', 'offboarded')),
    notes          TEXT,
    created_at     INTEGER NOT NULL,
    created_by     TEXT    NOT NULL,
    updated_at     INTEGER NOT NULL,
    updated_by     TEXT    NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX program_vendors_parent ON program_vendors (parent_id);

-- Business associate agreements: requested, then executed (signature, effective and optional expiry times, the
-- signed document as sealed and signed evidence), then expired (computed from expires_at by the clock) or terminated
-- (a date and a reason). A renewal is a new row (renews_id names the agreement it renews). Rows are never deleted.
CREATE TABLE program_baas (
    id                      TEXT    PRIMARY KEY,
    vendor_id               TEXT    NOT NULL REFERENCES program_vendors (id),
    renews_id               TEXT    REFERENCES program_baas (id),
    reference               TEXT,
    notes                   TEXT,
    requested_at            INTEGER NOT NULL,
    created_at              INTEGER NOT NULL,
    created_by              TEXT    NOT NULL,
    executed_at             INTEGER,
    effective_at            INTEGER,
    expires_at              INTEGER,
    evidence_id             TEXT,
    execution_recorded_at   INTEGER,
    execution_recorded_by   TEXT,
    terminated_at           INTEGER,
    termination_reason      TEXT,
    termination_recorded_at INTEGER,
    termination_recorded_by TEXT,
    CHECK ((executed_at IS NULL) = (effective_at IS NULL)),
    CHECK ((executed_at IS NULL) = (evidence_id IS NULL)),
    CHECK (expires_at IS NULL OR (executed_at IS NOT NULL AND effective_at < expires_at)),
    CHECK ((terminated_at IS NULL) = (termination_reason IS NULL))
);
CREATE INDEX program_baas_vendor ON program_baas (vendor_id);

-- Which vendor a service client belongs to (one vendor per client). Such a client gets no ePHI unless its vendor has
-- an agreement in force. Unlinking deletes the row; the audit trail keeps the history.
CREATE TABLE program_vendor_clients (
    client_id TEXT    PRIMARY KEY,
    vendor_id TEXT    NOT NULL REFERENCES program_vendors (id),
    linked_at INTEGER NOT NULL,
    linked_by TEXT    NOT NULL
);
CREATE INDEX program_vendor_clients_vendor ON program_vendor_clients (vendor_id);

-- Expiry reminders sent: one row per agreement and threshold (days ahead), so each is raised once, also with several
-- nodes (the insert that wins raises the alert). alerted = 0 for a larger threshold passed over because the agreement
-- was recorded closer to its expiry (only the nearest threshold is alerted then).
CREATE TABLE program_baa_reminders (
    baa_id      TEXT    NOT NULL REFERENCES program_baas (id),
    days_ahead  INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    alerted     INTEGER NOT NULL CHECK (alerted IN (0, 1)),
    PRIMARY KEY (baa_id, days_ahead)
);
