-- Compliance metrics (issue #5, part 8): one row per metric per UTC day, recorded daily and on demand; a later
-- snapshot on the same day replaces that day's value. Percentages keep their numerator and denominator.
CREATE TABLE program_metrics (
    metric      TEXT             NOT NULL,
    day         TEXT             NOT NULL,
    value       DOUBLE PRECISION,
    numerator   BIGINT,
    denominator BIGINT,
    recorded_at BIGINT           NOT NULL,
    PRIMARY KEY (metric, day)
);
CREATE INDEX program_metrics_day ON program_metrics (day);
