-- Demo data for local mode only (`make dev`, the tests). `make seed`
-- refuses to apply it anywhere but the local D1, and the worker refuses
-- demo accounts (demo = 1) in production mode even if this file got there.
--
-- One organisation per kind and one user per role; every demo password is
-- frist-demo-2026 (README). Hashes: `frist auth hash-password`.
INSERT OR IGNORE INTO organisations (id, name, orgnr, kind, created_at) VALUES
  ('o_helfo', 'Helfo (Helsedirektoratet)', '983544622', 'helfo', '2026-01-01T00:00:00.000Z'),
  ('o_innlandet', 'Sykehuset Innlandet HF', '983971709', 'behandlingssted', '2026-01-01T00:00:00.000Z'),
  ('o_lillehammer', 'Lillehammer kommune', '945578564', 'kommune', '2026-01-01T00:00:00.000Z'),
  ('o_sorost', 'Helse Sør-Øst RHF', '991324968', 'hf', '2026-01-01T00:00:00.000Z');

INSERT OR IGNORE INTO users (id, organisation_id, name, email, role, password_hash, active, demo, version, created_at)
SELECT u.id, o.id, u.name, u.email, u.role, u.hash, 1, 1, 1, '2026-01-01T00:00:00.000Z'
FROM (
  SELECT 'u_demo_helfo' AS id, '983544622' AS orgnr, 'Hanne Saksbehandler' AS name, 'saksbehandler@helfo.example' AS email, 'helfo' AS role, 'pbkdf2-sha256$100000$d00b412786f179b5f98e4fdb8f255386$f7e4227ce5a994e49d777fe8b2a1dc664352ffba36d2df66b7bc8ed8e27d75d6' AS hash
  UNION ALL SELECT 'u_demo_admin', '983544622', 'Arne Administrator', 'admin@helfo.example', 'helfo_admin', 'pbkdf2-sha256$100000$4ad3ee2e4fcc7f2a9ea7b88f84df93d9$c48e9af83e75175a040e02870606dbe6df27e6d304f5f6ceb04723b56035ca89'
  UNION ALL SELECT 'u_demo_sykehus', '983971709', 'Siri Sykehus', 'sykehus@innlandet.example', 'behandlingssted', 'pbkdf2-sha256$100000$ae694b400ecd5497f42d0281e45195cb$b38997403fffaede84d0ca3b7da4489c0029e193f9ba4bd06e6e4fe7d075d7e4'
  UNION ALL SELECT 'u_demo_kommune', '945578564', 'Kari Kommune', 'kommune@lillehammer.example', 'kommune', 'pbkdf2-sha256$100000$eb9a455018b830aeb190ea309bea91e8$d94646426d650da4046dccccfcdd560780533d1223185d33d8ba13c26b0322c7'
  UNION ALL SELECT 'u_demo_hf', '991324968', 'Hans Helseforetak', 'okonomi@helse-sorost.example', 'hf', 'pbkdf2-sha256$100000$2d7a76684baea81d6923364ef66dd30e$6d0946ed6d459f05392a850405940cbfc2a6aac59c925d01cc7c2a3028fe0722'
) AS u JOIN organisations o ON o.orgnr = u.orgnr;
