-- Technology asset inventory (module program, issue #5 part 6; proposed 164.308(a)(1)(ii)(A) asset inventory):
-- every system, application, database, device, medium, network, cloud service and backup target, whether it holds
-- ePHI, where it is, who owns it, whether it is encrypted and covered by centralized logging. Assets are retired,
-- never deleted. Safeguard registers its own parts (system_key not NULL) and keeps them in sync.
CREATE TABLE program_assets (
    id              TEXT    PRIMARY KEY,
    name            TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    ephi            INTEGER NOT NULL,
    location        TEXT    NOT NULL,
    owner_id        TEXT,
    encryption      TEXT    NOT NULL,
    central_logging INTEGER NOT NULL,
    vendor          TEXT,
    description     TEXT,
    status          TEXT    NOT NULL,
    system_key      TEXT    UNIQUE,
    created_at      INTEGER NOT NULL,
    created_by      TEXT    NOT NULL,
    updated_at      INTEGER NOT NULL,
    updated_by      TEXT    NOT NULL
);
CREATE INDEX program_assets_status ON program_assets (status, kind);

-- Data flows between assets: what data moves, over which protocol, encrypted or not, ePHI or not (the network map
-- of ePHI movement).
CREATE TABLE program_data_flows (
    id              TEXT    PRIMARY KEY,
    source_asset_id TEXT    NOT NULL REFERENCES program_assets (id),
    target_asset_id TEXT    NOT NULL REFERENCES program_assets (id),
    data            TEXT    NOT NULL,
    protocol        TEXT    NOT NULL,
    encrypted       INTEGER NOT NULL,
    ephi            INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    created_by      TEXT    NOT NULL,
    updated_at      INTEGER NOT NULL,
    updated_by      TEXT    NOT NULL
);

-- The risk register (164.308(a)(1)(ii)(A) risk analysis, (B) risk management): one threat/vulnerability pair per
-- row with its assets, current controls (Security Rule specification ids), likelihood, impact and the NIST SP 800-30
-- Table I-2 level, and its treatment with residual risk. Risks are closed, never deleted.
CREATE TABLE program_risks (
    id                  TEXT    PRIMARY KEY,
    title               TEXT    NOT NULL,
    threat_id           TEXT,
    threat              TEXT    NOT NULL,
    vulnerability       TEXT    NOT NULL,
    asset_ids           TEXT    NOT NULL,
    controls            TEXT    NOT NULL,
    likelihood          TEXT    NOT NULL,
    impact              TEXT    NOT NULL,
    level               TEXT    NOT NULL,
    treatment           TEXT,
    treatment_plan      TEXT,
    treatment_owner_id  TEXT,
    treatment_due       TEXT,
    approver_id         TEXT,
    residual_likelihood TEXT,
    residual_impact     TEXT,
    residual_level      TEXT,
    status              TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    created_by          TEXT    NOT NULL,
    updated_at          INTEGER NOT NULL,
    updated_by          TEXT    NOT NULL
);
CREATE INDEX program_risks_status ON program_risks (status, level);

-- Finalized risk analyses: versioned, frozen snapshots (JSON, with its SHA-256) of scope, assets, data flows and
-- every risk, with the date by which the analysis must be reviewed. Rows are never updated or deleted.
CREATE TABLE program_risk_analyses (
    id              TEXT    PRIMARY KEY,
    version         INTEGER NOT NULL UNIQUE,
    scope           TEXT    NOT NULL,
    finalized_at    INTEGER NOT NULL,
    finalized_by    TEXT    NOT NULL,
    review_due      TEXT    NOT NULL,
    risk_count      INTEGER NOT NULL,
    snapshot        TEXT    NOT NULL,
    snapshot_sha256 TEXT    NOT NULL
);
