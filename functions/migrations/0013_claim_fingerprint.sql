-- 0013: a claim file's fingerprint (XXH3-128 of its bytes, issue 24), so a
-- file the health trust has sent before is named before it is sent again.
ALTER TABLE fk_claims ADD COLUMN fingerprint TEXT;
CREATE INDEX fk_claims_by_fingerprint ON fk_claims (organisation_id, fingerprint);
