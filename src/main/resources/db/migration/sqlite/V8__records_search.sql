-- Search through blind indexes only: each row is a keyed token (HMAC-SHA256 PRF, module crypto) of one normalized
-- search value of a resource's current version; no search value is stored in clear. Rows are replaced whenever the
-- resource changes, in the same transaction.
CREATE TABLE fhir_search (
    resource_type TEXT NOT NULL,
    param         TEXT NOT NULL,
    token         TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    PRIMARY KEY (resource_type, param, token, resource_id)
);
CREATE INDEX fhir_search_resource ON fhir_search (resource_type, resource_id);
