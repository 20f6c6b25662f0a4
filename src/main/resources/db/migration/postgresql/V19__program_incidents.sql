-- Security incidents and breaches (164.308(a)(6); 164.400-414). Nothing here names a patient: affected patients are
-- kept as counts (per state), computed inside the vault. Rows are never deleted (documentation is kept at least six
-- years, 164.530(j) and 164.316(b)(2)(i)); the incident row changes only through its optimistic version.
CREATE TABLE program_incidents (
    id             TEXT    PRIMARY KEY,
    reference      TEXT    NOT NULL UNIQUE,
    title          TEXT    NOT NULL,
    description    TEXT    NOT NULL,
    category       TEXT    NOT NULL,
    severity       TEXT    CHECK (severity IN ('low', 'moderate', 'high', 'critical')),
    status         TEXT    NOT NULL CHECK (status IN ('reported', 'triage', 'investigating', 'contained', 'closed')),
    discovered_at  BIGINT  NOT NULL,
    occurred_from  BIGINT,
    occurred_to    BIGINT,
    reported_at    BIGINT  NOT NULL,
    reporter_id    TEXT    NOT NULL,
    reported_via   TEXT    NOT NULL CHECK (reported_via IN ('self-service', 'officer')),
    capacity       TEXT    NOT NULL CHECK (capacity IN ('covered-entity', 'business-associate')),
    covered_entity TEXT,
    resolution     TEXT    CHECK (resolution IN ('resolved', 'not-an-incident')),
    closed_at      BIGINT,
    closed_by      TEXT,
    hold_kind      TEXT    CHECK (hold_kind IN ('oral', 'written')),
    hold_stated_on TEXT,
    hold_until     TEXT,
    hold_agency    TEXT,
    hold_official  TEXT,
    updated_at     BIGINT  NOT NULL,
    version        BIGINT  NOT NULL,
    CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
    CHECK (occurred_from IS NULL OR occurred_to IS NULL OR occurred_from <= occurred_to)
);
CREATE INDEX program_incidents_reporter ON program_incidents (reporter_id);
CREATE INDEX program_incidents_status ON program_incidents (status, reported_at);

-- What happened, in order: people's notes and the entries Safeguard adds for every change.
CREATE TABLE program_incident_timeline (
    id          TEXT    PRIMARY KEY,
    incident_id TEXT    NOT NULL REFERENCES program_incidents (id),
    occurred_at BIGINT  NOT NULL,
    recorded_at BIGINT  NOT NULL,
    author_id   TEXT,
    kind        TEXT    NOT NULL CHECK (kind IN ('note', 'reporter-note', 'change')),
    text        TEXT    NOT NULL,
    position    BIGINT  NOT NULL,
    UNIQUE (incident_id, position)
);

-- Audit events (by sequence number) and alerts (by id) that belong to an incident.
CREATE TABLE program_incident_links (
    incident_id TEXT    NOT NULL REFERENCES program_incidents (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('audit-event', 'alert')),
    ref         BIGINT  NOT NULL,
    linked_by   TEXT    NOT NULL,
    linked_at   BIGINT  NOT NULL,
    PRIMARY KEY (incident_id, kind, ref)
);

-- The four-factor breach risk assessment (164.402(2)), the safe-harbor question and the conclusion.
CREATE TABLE program_incident_assessments (
    incident_id       TEXT    PRIMARY KEY REFERENCES program_incidents (id),
    nature_rating     TEXT,
    nature_notes      TEXT,
    recipient_rating  TEXT,
    recipient_notes   TEXT,
    acquired_rating   TEXT,
    acquired_notes    TEXT,
    mitigation_rating TEXT,
    mitigation_notes  TEXT,
    safe_harbor       TEXT    CHECK (safe_harbor IN ('secured', 'unsecured')),
    safe_harbor_notes TEXT,
    exception_code    TEXT,
    exception_notes   TEXT,
    conclusion        TEXT    CHECK (conclusion IN ('breach', 'low-probability', 'secured-phi', 'exception')),
    conclusion_notes  TEXT,
    concluded_by      TEXT,
    concluded_at      BIGINT,
    updated_by        TEXT    NOT NULL,
    updated_at        BIGINT  NOT NULL,
    CHECK ((conclusion IS NULL) = (concluded_at IS NULL))
);

-- Affected individuals: counts from the audit trail (computed inside the vault) or established by an officer; the
-- newest row counts. Agents are user and service-client ids; no patient id is ever stored.
CREATE TABLE program_incident_affected (
    id            TEXT    PRIMARY KEY,
    incident_id   TEXT    NOT NULL REFERENCES program_incidents (id),
    source        TEXT    NOT NULL CHECK (source IN ('audit-trail', 'officer')),
    agents        TEXT,
    window_from   BIGINT,
    window_to     BIGINT,
    total         BIGINT  NOT NULL CHECK (total >= 0),
    by_state      TEXT    NOT NULL,
    refused_only  BIGINT,
    without_state BIGINT,
    unreadable    BIGINT,
    unresolved    BIGINT,
    notes         TEXT,
    recorded_at   BIGINT  NOT NULL,
    recorded_by   TEXT    NOT NULL,
    number        BIGINT  NOT NULL,
    UNIQUE (incident_id, number)
);

-- Breach notifications sent (164.404 individuals, 164.406 media, 164.408 HHS, 164.410 the covered entity).
CREATE TABLE program_incident_notifications (
    id          TEXT    PRIMARY KEY,
    incident_id TEXT    NOT NULL REFERENCES program_incidents (id),
    recipient   TEXT    NOT NULL CHECK (recipient IN ('individuals', 'hhs', 'media', 'covered-entity')),
    state       TEXT,
    sent_at     BIGINT  NOT NULL,
    method      TEXT    NOT NULL,
    individuals BIGINT  CHECK (individuals IS NULL OR individuals >= 0),
    notes       TEXT,
    recorded_at BIGINT  NOT NULL,
    recorded_by TEXT    NOT NULL,
    CHECK ((recipient = 'media') = (state IS NOT NULL))
);
CREATE INDEX program_incident_notifications_incident ON program_incident_notifications (incident_id, sent_at);

-- Reminders and overdue alerts raised for a deadline: once per deadline and due date.
CREATE TABLE program_incident_deadline_alerts (
    incident_id  TEXT    NOT NULL REFERENCES program_incidents (id),
    deadline_key TEXT    NOT NULL,
    due_on       TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('reminder', 'overdue')),
    raised_at    BIGINT  NOT NULL,
    PRIMARY KEY (incident_id, deadline_key, due_on, kind)
);
