-- 0010: when each API token was last used (issue 22): a user sees their
-- tokens with name, creation, last use and expiry on Innstillinger.
ALTER TABLE api_tokens ADD COLUMN last_used_ms INTEGER;
