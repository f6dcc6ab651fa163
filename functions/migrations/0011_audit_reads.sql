-- 0011: the audit trail of reads (issue 22). Normen: who read which
-- patient's data must be traceable. A list read is one row naming every
-- object shown (`object_ids`, a JSON array of ids — never names or
-- numbers); `client` is a keyed hash of the caller's address.
ALTER TABLE audit ADD COLUMN object_ids TEXT;
ALTER TABLE audit ADD COLUMN client TEXT;

