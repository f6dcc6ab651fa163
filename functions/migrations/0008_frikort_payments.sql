-- 0008: part payments and the RHF's account (issue 21; FK-4, FK-5, FK-7, FK-9).
--
-- Seed 002 § 3: «Feil eller tvist om enkeltreiser i en faktura skal ikke
-- medføre forsinkelse i oppgjøret for øvrige enkeltreiser» — so a claim is
-- paid in parts: each payment pays the approved lines not yet paid, and
-- names them (`fk_lines.payment_n`). «Innvilgede krav på refusjon skal
-- utbetales … til den konto RHF har fastsatt»: the account is kept on the
-- health trust's organisation, and every payment goes there.

ALTER TABLE organisations ADD COLUMN payout_account TEXT
  CHECK (payout_account IS NULL OR length(payout_account) = 11);

CREATE TABLE fk_payments (
  id                TEXT NOT NULL UNIQUE,
  claim_id          TEXT NOT NULL REFERENCES fk_claims (id),
  n                 INTEGER NOT NULL CHECK (n >= 1),
  paid_on           TEXT NOT NULL,
  amount_ore        INTEGER NOT NULL CHECK (amount_ore > 0),
  account           TEXT NOT NULL,
  lines             INTEGER NOT NULL,
  repaid_ore        INTEGER NOT NULL DEFAULT 0 CHECK (repaid_ore >= 0 AND repaid_ore <= amount_ore),
  repayment_reason  TEXT,
  user_id           TEXT,
  created_at        TEXT NOT NULL,
  PRIMARY KEY (claim_id, n)
);

-- FK-4: which payment paid the line; FK-5: the basis of a deviation.
ALTER TABLE fk_lines ADD COLUMN payment_n INTEGER;
ALTER TABLE fk_lines ADD COLUMN note TEXT;

-- Claims paid whole before this migration become one payment each.
INSERT INTO fk_payments (id, claim_id, n, paid_on, amount_ore, account, lines, repaid_ore, repayment_reason, created_at)
  SELECT 'pay_' || c.id, c.id, 1, c.paid_on, c.paid_ore, c.paid_account,
         (SELECT COUNT(*) FROM fk_lines l WHERE l.claim_id = c.id AND l.decision = 'approved'),
         c.repayment_ore, c.repayment_reason, COALESCE(c.updated_at, c.created_at)
  FROM fk_claims c
  WHERE c.status = 'paid' AND c.paid_on IS NOT NULL AND c.paid_ore > 0 AND c.paid_account IS NOT NULL;
UPDATE fk_lines SET payment_n = 1
  WHERE decision = 'approved'
    AND claim_id IN (SELECT claim_id FROM fk_payments WHERE n = 1);
CREATE INDEX fk_lines_payable ON fk_lines (claim_id, decision, payment_n);
