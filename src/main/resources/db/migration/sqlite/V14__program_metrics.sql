-- Compliance metrics (issue #5, part 8): one row per metric per UTC day, recorded daily and on demand; a later
-- snapshot on the same day replaces that day's value. Percentages keep their numerator and denominator.
CREATE TABLE program_metrics (
    metric      TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    value       REAL,
    numerator   INTEGER,
    denominator INTEGER,
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (metric, day)
);
CREATE INDEX program_metrics_day ON program_metrics (day);
