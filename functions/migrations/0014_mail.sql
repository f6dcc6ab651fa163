-- 0014: e-mail that is really sent (issue 26). The outbox is the durable
-- queue: a sender claims a row (state 'sending', a claim token), hands it to
-- the send_email binding, and marks it 'sent' — or queues it again after a
-- failure, until it is 'failed'. A claim left standing (the worker cut off
-- mid-send) becomes 'uncertain' and is never sent again by itself
-- (frist_domain::mail). Rows from before this migration were never sent:
-- they are queued now.
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'fb_update';
ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'queued'
  CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'uncertain'));
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN claim TEXT;
ALTER TABLE outbox ADD COLUMN claimed_ms INTEGER;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
ALTER TABLE outbox ADD COLUMN message_id TEXT;
UPDATE outbox SET state = 'sent' WHERE sent_ms IS NOT NULL;
CREATE INDEX outbox_due ON outbox (state, next_attempt_ms, seq);

-- FL-7: each termination is chased once, by e-mail to the municipality's
-- contact person; the chase list shows "etterspurt <dato>".
CREATE TABLE fl_chases (
  termination_id  TEXT PRIMARY KEY REFERENCES fl_messages (id),
  chased_on       TEXT NOT NULL,
  chased_ms       INTEGER NOT NULL
);
