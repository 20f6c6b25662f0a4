-- Evidence series: what a piece of evidence is a version of (a policy, an agreement, an incident's report). Newer
-- evidence of the same series supersedes older for the controls they share, whoever recorded it; evidence of no series
-- keeps the collector rule. 'system' collectors are records Safeguard made from what people did (a completed access
-- review, a termination). Adding a column is no update of a row: the append-only triggers stay as they are.
ALTER TABLE program_evidence ADD COLUMN series TEXT;
CREATE INDEX program_evidence_series ON program_evidence (series, seq);
