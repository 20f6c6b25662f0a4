-- Workforce security and training (164.308(a)(3), (a)(5), (a)(1)(ii)(C)): the program's roster of workforce members
-- (people, who may hold zero or more user accounts), their clearance records and sanctions, terminations with each
-- revocation and its time, training modules with their versions, assignments and completions, and security
-- reminders. Times are epoch milliseconds (UTC); dates are ISO-8601 text (YYYY-MM-DD). Rows are never deleted:
-- links end, terminations are cancelled, assignments are completed or cancelled.

CREATE TABLE program_workforce_members (
    id             TEXT    PRIMARY KEY,
    name           TEXT    NOT NULL,
    job_title      TEXT    NOT NULL,
    department     TEXT,
    workforce_type TEXT    NOT NULL CHECK (workforce_type IN ('employee', 'contractor', 'volunteer', 'trainee',
                                                              'student')),
    manager_id     TEXT    REFERENCES program_workforce_members (id),
    hire_date      TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('active', 'termination-scheduled', 'terminated')),
    created_at     BIGINT  NOT NULL,
    created_by     TEXT    NOT NULL,
    updated_at     BIGINT  NOT NULL,
    updated_by     TEXT    NOT NULL,
    CHECK (manager_id IS NULL OR manager_id <> id)
);
CREATE INDEX program_workforce_members_manager ON program_workforce_members (manager_id);

-- Which member holds which user account; an account belongs to at most one member at a time.
CREATE TABLE program_workforce_accounts (
    id          TEXT    PRIMARY KEY,
    member_id   TEXT    NOT NULL REFERENCES program_workforce_members (id),
    user_id     TEXT    NOT NULL,
    linked_at   BIGINT  NOT NULL,
    linked_by   TEXT    NOT NULL,
    unlinked_at BIGINT,
    unlinked_by TEXT
);
CREATE UNIQUE INDEX program_workforce_accounts_current ON program_workforce_accounts (user_id)
    WHERE unlinked_at IS NULL;
CREATE INDEX program_workforce_accounts_member ON program_workforce_accounts (member_id);

-- Workforce clearance procedure (164.308(a)(3)(ii)(B)); append-only, a correction is a new record.
CREATE TABLE program_workforce_clearances (
    id           TEXT    PRIMARY KEY,
    member_id    TEXT    NOT NULL REFERENCES program_workforce_members (id),
    kind         TEXT    NOT NULL,
    completed_on TEXT    NOT NULL,
    outcome      TEXT    NOT NULL CHECK (outcome IN ('cleared', 'cleared-with-conditions', 'not-cleared',
                                                     'pending')),
    notes        TEXT,
    recorded_at  BIGINT  NOT NULL,
    recorded_by  TEXT    NOT NULL
);
CREATE INDEX program_workforce_clearances_member ON program_workforce_clearances (member_id, completed_on);

-- Sanctions (164.308(a)(1)(ii)(C)); what happened may mention a patient, so it is sealed (AES-256-GCM, bound to
-- the sanction's id). Append-only.
CREATE TABLE program_workforce_sanctions (
    id          TEXT    PRIMARY KEY,
    member_id   TEXT    NOT NULL REFERENCES program_workforce_members (id),
    imposed_on  TEXT    NOT NULL,
    policy      TEXT    NOT NULL,
    description BYTEA   NOT NULL,
    sanction    TEXT    NOT NULL,
    imposed_by  TEXT    NOT NULL,
    recorded_at BIGINT  NOT NULL,
    recorded_by TEXT    NOT NULL
);
CREATE INDEX program_workforce_sanctions_member ON program_workforce_sanctions (member_id, imposed_on);

-- Termination procedures (164.308(a)(3)(ii)(C)): one termination in force per member; a scheduled one is carried
-- out by the schedule at its effective time. Latency is measured from effective_at to each item's revoked_at.
CREATE TABLE program_terminations (
    id                     TEXT    PRIMARY KEY,
    member_id              TEXT    NOT NULL REFERENCES program_workforce_members (id),
    effective_at           BIGINT  NOT NULL,
    reason                 TEXT    NOT NULL,
    notes                  TEXT,
    status                 TEXT    NOT NULL CHECK (status IN ('scheduled', 'executed', 'cancelled')),
    requested_at           BIGINT  NOT NULL,
    requested_by           TEXT    NOT NULL,
    executed_at            BIGINT,
    executed_by            TEXT,
    cancelled_at           BIGINT,
    cancelled_by           TEXT,
    events_after_effective BIGINT,
    evidence_id            TEXT,
    CHECK ((status = 'executed') = (executed_at IS NOT NULL))
);
CREATE UNIQUE INDEX program_terminations_member ON program_terminations (member_id) WHERE status <> 'cancelled';
CREATE INDEX program_terminations_due ON program_terminations (status, effective_at);

CREATE TABLE program_termination_items (
    termination_id TEXT    NOT NULL REFERENCES program_terminations (id),
    kind           TEXT    NOT NULL CHECK (kind IN ('ACCOUNT', 'SESSION', 'API_KEY', 'CARE_TEAM_ASSIGNMENT',
                                                    'BREAK_GLASS_GRANT')),
    reference      TEXT    NOT NULL,
    user_id        TEXT    NOT NULL,
    revoked_at     BIGINT  NOT NULL,
    PRIMARY KEY (termination_id, kind, reference)
);

-- Security awareness and training (164.308(a)(5)): modules (Markdown; each content version kept, named by its
-- SHA-256), assignments with due dates and completions with the version attested, and security reminders.
CREATE TABLE program_training_modules (
    id              TEXT    PRIMARY KEY,
    title           TEXT    NOT NULL,
    source          TEXT    NOT NULL CHECK (source IN ('shipped', 'customized', 'custom')),
    citations       TEXT    NOT NULL,
    at_hire         INTEGER NOT NULL CHECK (at_hire IN (0, 1)),
    annual          INTEGER NOT NULL CHECK (annual IN (0, 1)),
    active          INTEGER NOT NULL CHECK (active IN (0, 1)),
    statement       TEXT    NOT NULL,
    current_version TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    created_by      TEXT    NOT NULL,
    updated_at      BIGINT  NOT NULL,
    updated_by      TEXT    NOT NULL
);

CREATE TABLE program_training_module_versions (
    module_id  TEXT    NOT NULL REFERENCES program_training_modules (id),
    version    TEXT    NOT NULL,
    content    TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    created_by TEXT    NOT NULL,
    PRIMARY KEY (module_id, version)
);

-- due_at is the exclusive deadline: the start (UTC) of the day after due_on.
CREATE TABLE program_training_assignments (
    id                TEXT    PRIMARY KEY,
    member_id         TEXT    NOT NULL REFERENCES program_workforce_members (id),
    module_id         TEXT    NOT NULL REFERENCES program_training_modules (id),
    reason            TEXT    NOT NULL CHECK (reason IN ('at-hire', 'annual', 'assigned')),
    assigned_at       BIGINT  NOT NULL,
    assigned_by       TEXT    NOT NULL,
    due_on            TEXT    NOT NULL,
    due_at            BIGINT  NOT NULL,
    completed_at      BIGINT,
    completed_version TEXT,
    completed_by      TEXT,
    cancelled_at      BIGINT,
    cancelled_by      TEXT,
    CHECK ((completed_at IS NULL) = (completed_version IS NULL)),
    CHECK (completed_at IS NULL OR cancelled_at IS NULL)
);
CREATE UNIQUE INDEX program_training_assignments_open ON program_training_assignments (member_id, module_id)
    WHERE completed_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX program_training_assignments_due ON program_training_assignments (due_at);

CREATE TABLE program_security_reminders (
    id           TEXT    PRIMARY KEY,
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    published_at BIGINT  NOT NULL,
    published_by TEXT    NOT NULL
);
CREATE INDEX program_security_reminders_published ON program_security_reminders (published_at);

CREATE TABLE program_security_reminder_reads (
    reminder_id TEXT    NOT NULL REFERENCES program_security_reminders (id),
    user_id     TEXT    NOT NULL,
    read_at     BIGINT  NOT NULL,
    PRIMARY KEY (reminder_id, user_id)
);

-- Signed training reports (completions per module over a period), each recorded as evidence.
CREATE TABLE program_training_reports (
    id          TEXT    PRIMARY KEY,
    period_from BIGINT  NOT NULL,
    period_to   BIGINT  NOT NULL,
    evidence_id TEXT    NOT NULL,
    recorded_at BIGINT  NOT NULL,
    recorded_by TEXT    NOT NULL
);
CREATE INDEX program_training_reports_recorded ON program_training_reports (recorded_at);
