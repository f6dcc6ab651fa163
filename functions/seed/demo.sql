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
-- FK-9: the account Helse Sør-Øst RHF has set for its refunds.
UPDATE organisations SET payout_account = '86011117947' WHERE id = 'o_sorost' AND payout_account IS NULL;

INSERT OR IGNORE INTO users (id, organisation_id, name, email, role, password_hash, active, demo, version, created_at)
SELECT u.id, o.id, u.name, u.email, u.role, u.hash, 1, 1, 1, '2026-01-01T00:00:00.000Z'
FROM (
  SELECT 'u_demo_helfo' AS id, '983544622' AS orgnr, 'Hanne Saksbehandler' AS name, 'saksbehandler@helfo.example' AS email, 'helfo' AS role, 'pbkdf2-sha256$100000$d00b412786f179b5f98e4fdb8f255386$f7e4227ce5a994e49d777fe8b2a1dc664352ffba36d2df66b7bc8ed8e27d75d6' AS hash
  UNION ALL SELECT 'u_demo_admin', '983544622', 'Arne Administrator', 'admin@helfo.example', 'helfo_admin', 'pbkdf2-sha256$100000$4ad3ee2e4fcc7f2a9ea7b88f84df93d9$c48e9af83e75175a040e02870606dbe6df27e6d304f5f6ceb04723b56035ca89'
  UNION ALL SELECT 'u_demo_sykehus', '983971709', 'Siri Sykehus', 'sykehus@innlandet.example', 'behandlingssted', 'pbkdf2-sha256$100000$ae694b400ecd5497f42d0281e45195cb$b38997403fffaede84d0ca3b7da4489c0029e193f9ba4bd06e6e4fe7d075d7e4'
  UNION ALL SELECT 'u_demo_kommune', '945578564', 'Kari Kommune', 'kommune@lillehammer.example', 'kommune', 'pbkdf2-sha256$100000$eb9a455018b830aeb190ea309bea91e8$d94646426d650da4046dccccfcdd560780533d1223185d33d8ba13c26b0322c7'
  UNION ALL SELECT 'u_demo_hf', '991324968', 'Hans Helseforetak', 'okonomi@helse-sorost.example', 'hf', 'pbkdf2-sha256$100000$2d7a76684baea81d6923364ef66dd30e$6d0946ed6d459f05392a850405940cbfc2a6aac59c925d01cc7c2a3028fe0722'
) AS u JOIN organisations o ON o.orgnr = u.orgnr;

-- Sign-in through the local HelseID and ID-porten stand-ins (issue 25;
-- the test persons are in README.md): the links an administrator would
-- make. Values are keyed hashes under the local development secret.
INSERT OR IGNORE INTO identity_links (id, user_id, provider, kind, value_hash, shown, created_ms, created_at) VALUES
  ('l_demo_siri', 'u_demo_sykehus', 'helseid', 'hpr', 'ce7355d1fbdc1f89e38a6efb5caa5e7147897f52698d317f39ddcfbbd3dabeb8', '009144889', 1767225600000, '2026-01-01T00:00:00.000Z'),
  ('l_demo_hans', 'u_demo_hf', 'helseid', 'sub', 'bedbb342efd3ce990a0df530bc6bd7c7b5f0ac9a4f810168a722bcee2dae1eac', 'hans-helseforetak', 1767225600000, '2026-01-01T00:00:00.000Z'),
  ('l_demo_kari', 'u_demo_kommune', 'idporten', 'pid', 'd7a89bc497232cbdeddd310132c6ad9e718655e4627b38e06ba8c3a1f13450df', '158385 *****', 1767225600000, '2026-01-01T00:00:00.000Z'),
  ('l_demo_arne', 'u_demo_admin', 'idporten', 'pid', '5ff75a88367c0b33e510b969040dc0e10851a4e4d7d7d50845276f6f4fc72309', '238592 *****', 1767225600000, '2026-01-01T00:00:00.000Z'),
  ('l_demo_hanne', 'u_demo_helfo', 'idporten', 'pid', '451c6ae0f6ec8767c3dad03f29e9044ca88c5aa21bc660ad3705954b8670d460', '118778 *****', 1767225600000, '2026-01-01T00:00:00.000Z');

-- Demo fristbrudd cases of Sykehuset Innlandet (synthetic Tenor numbers,
-- accepted in local mode only): two open, three ended, so the queue, the
-- case lists and the FB-11 dashboard have something to show. `case_json` is
-- frist-domain's `Case`; the columns beside it are its sorting copies.
INSERT OR IGNORE INTO counters (name, year, n) VALUES ('fristbrudd', 2026, 5);
INSERT OR IGNORE INTO fb_cases (id, number, organisation_id, notifier_user_id, patient_fnr, patient_name, patient_phone, specialty, fristdato, referral_received, warning_sent, kind, urgent_reason, state, open, urgent_confirmed, case_json, next_deadline, reply_by, notified_on, first_outcome_on, notified_at, document_key, document_bytes, version, created_at) VALUES
  ('fb_demo_1', 'FB-2026-000001', 'o_innlandet', 'u_demo_sykehus', '03848520089', 'Ola Demo', '912 00 001', 'Ortopedi', '2026-09-10', '2026-05-04', '2026-09-01', 'occurred', NULL, 'accepted', 0, 0,
   '{"state":"accepted","variant":null,"fristdato":"2026-09-10","notified_on":"2026-09-14","urgent":false,"urgent_confirmed":false,"taken_up_on":"2026-09-15","letter_sent_on":null,"documents_requested_on":"2026-09-16","has_documents":true,"first_outcome_on":"2026-09-16"}',
   '9999-12-31', NULL, '2026-09-14', '2026-09-16', 1789374600000, NULL, NULL, 6, '2026-09-14T08:30:00.000Z');
INSERT INTO fb_history (case_id, at, at_ms, actor, actor_user_id, event, from_state, to_state, date)
SELECT * FROM (VALUES
  ('fb_demo_1', '2026-09-14T08:30:00.000Z', 1789374600000, 'site', 'u_demo_sykehus', 'notify', NULL, 'notified', NULL),
  ('fb_demo_1', '2026-09-15T09:00:00.000Z', 1789462800000, 'helfo', 'u_demo_helfo', 'take_up', 'notified', 'contacting', NULL),
  ('fb_demo_1', '2026-09-16T10:00:00.000Z', 1789552800000, 'helfo', 'u_demo_helfo', 'patient_wants_offer', 'contacting', 'finding_offer', NULL),
  ('fb_demo_1', '2026-09-17T12:00:00.000Z', 1789646400000, 'helfo', 'u_demo_helfo', 'documents_received', 'finding_offer', 'finding_offer', NULL),
  ('fb_demo_1', '2026-09-18T09:00:00.000Z', 1789722000000, 'helfo', 'u_demo_helfo', 'forward', 'finding_offer', 'forwarded', NULL),
  ('fb_demo_1', '2026-09-24T13:00:00.000Z', 1790254800000, 'helfo', 'u_demo_helfo', 'offer_accepted', 'forwarded', 'accepted', NULL)
) WHERE NOT EXISTS (SELECT 1 FROM fb_history WHERE case_id = 'fb_demo_1');
INSERT OR IGNORE INTO fb_cases (id, number, organisation_id, notifier_user_id, patient_fnr, patient_name, patient_phone, specialty, fristdato, referral_received, warning_sent, kind, urgent_reason, state, open, urgent_confirmed, case_json, next_deadline, reply_by, notified_on, first_outcome_on, notified_at, document_key, document_bytes, version, created_at) VALUES
  ('fb_demo_2', 'FB-2026-000002', 'o_innlandet', 'u_demo_sykehus', '17868520086', 'Per Demo', '912 00 002', 'Øre-nese-hals', '2026-10-20', '2026-06-02', '2026-10-01', 'expected', NULL, 'declined', 0, 0,
   '{"state":"declined","variant":null,"fristdato":"2026-10-20","notified_on":"2026-10-05","urgent":false,"urgent_confirmed":false,"taken_up_on":"2026-10-06","letter_sent_on":null,"documents_requested_on":null,"has_documents":false,"first_outcome_on":"2026-10-07"}',
   '9999-12-31', NULL, '2026-10-05', '2026-10-07', 1791186300000, NULL, NULL, 3, '2026-10-05T07:45:00.000Z');
INSERT INTO fb_history (case_id, at, at_ms, actor, actor_user_id, event, from_state, to_state, date)
SELECT * FROM (VALUES
  ('fb_demo_2', '2026-10-05T07:45:00.000Z', 1791186300000, 'site', 'u_demo_sykehus', 'notify', NULL, 'notified', NULL),
  ('fb_demo_2', '2026-10-06T08:00:00.000Z', 1791273600000, 'helfo', 'u_demo_helfo', 'take_up', 'notified', 'contacting', NULL),
  ('fb_demo_2', '2026-10-07T11:20:00.000Z', 1791372000000, 'helfo', 'u_demo_helfo', 'patient_declines', 'contacting', 'declined', NULL)
) WHERE NOT EXISTS (SELECT 1 FROM fb_history WHERE case_id = 'fb_demo_2');
INSERT OR IGNORE INTO fb_cases (id, number, organisation_id, notifier_user_id, patient_fnr, patient_name, patient_phone, specialty, fristdato, referral_received, warning_sent, kind, urgent_reason, state, open, urgent_confirmed, case_json, next_deadline, reply_by, notified_on, first_outcome_on, notified_at, document_key, document_bytes, version, created_at) VALUES
  ('fb_demo_3', 'FB-2026-000003', 'o_innlandet', 'u_demo_sykehus', '22888520051', 'Anne Demo', '912 00 003', 'Hudsykdommer', '2026-10-15', '2026-04-20', '2026-10-10', 'occurred', NULL, 'returned', 0, 0,
   '{"state":"returned","variant":null,"fristdato":"2026-10-15","notified_on":"2026-10-20","urgent":false,"urgent_confirmed":false,"taken_up_on":"2026-10-21","letter_sent_on":"2026-10-29","documents_requested_on":"2026-10-26","has_documents":false,"first_outcome_on":"2026-10-26"}',
   '9999-12-31', '2026-11-12', '2026-10-20', '2026-10-26', 1792487400000, NULL, NULL, 6, '2026-10-20T09:10:00.000Z');
INSERT INTO fb_history (case_id, at, at_ms, actor, actor_user_id, event, from_state, to_state, date)
SELECT * FROM (VALUES
  ('fb_demo_3', '2026-10-20T09:10:00.000Z', 1792487400000, 'site', 'u_demo_sykehus', 'notify', NULL, 'notified', NULL),
  ('fb_demo_3', '2026-10-21T08:00:00.000Z', 1792569600000, 'helfo', 'u_demo_helfo', 'take_up', 'notified', 'contacting', NULL),
  ('fb_demo_3', '2026-10-22T08:00:00.000Z', 1792656000000, 'helfo', 'u_demo_helfo', 'contact_attempt', 'contacting', 'contacting', NULL),
  ('fb_demo_3', '2026-10-26T08:00:00.000Z', 1793001600000, 'helfo', 'u_demo_helfo', 'not_reached', 'contacting', 'not_reached', NULL),
  ('fb_demo_3', '2026-10-29T08:00:00.000Z', 1793260800000, 'helfo', 'u_demo_helfo', 'letter_sent', 'not_reached', 'letter_sent', '2026-10-29'),
  ('fb_demo_3', '2026-11-13T05:00:00.000Z', 1794546000000, 'system', NULL, 'return', 'letter_sent', 'returned', NULL)
) WHERE NOT EXISTS (SELECT 1 FROM fb_history WHERE case_id = 'fb_demo_3');
INSERT OR IGNORE INTO fb_cases (id, number, organisation_id, notifier_user_id, patient_fnr, patient_name, patient_phone, specialty, fristdato, referral_received, warning_sent, kind, urgent_reason, state, open, urgent_confirmed, case_json, next_deadline, reply_by, notified_on, first_outcome_on, notified_at, document_key, document_bytes, version, created_at) VALUES
  ('fb_demo_4', 'FB-2026-000004', 'o_innlandet', 'u_demo_sykehus', '09918520071', 'Liv Demo', '912 00 004', 'Nevrologi', '2026-12-01', '2026-07-01', '2026-11-10', 'expected', NULL, 'contacting', 1, 0,
   '{"state":"contacting","variant":null,"fristdato":"2026-12-01","notified_on":"2026-11-16","urgent":false,"urgent_confirmed":false,"taken_up_on":"2026-11-17","letter_sent_on":null,"documents_requested_on":null,"has_documents":false,"first_outcome_on":null}',
   '2026-11-20', NULL, '2026-11-16', NULL, 1794823200000, NULL, NULL, 2, '2026-11-16T10:00:00.000Z');
INSERT INTO fb_history (case_id, at, at_ms, actor, actor_user_id, event, from_state, to_state, date)
SELECT * FROM (VALUES
  ('fb_demo_4', '2026-11-16T10:00:00.000Z', 1794823200000, 'site', 'u_demo_sykehus', 'notify', NULL, 'notified', NULL),
  ('fb_demo_4', '2026-11-17T08:15:00.000Z', 1794903300000, 'helfo', 'u_demo_helfo', 'take_up', 'notified', 'contacting', NULL)
) WHERE NOT EXISTS (SELECT 1 FROM fb_history WHERE case_id = 'fb_demo_4');
INSERT OR IGNORE INTO fb_cases (id, number, organisation_id, notifier_user_id, patient_fnr, patient_name, patient_phone, specialty, fristdato, referral_received, warning_sent, kind, urgent_reason, state, open, urgent_confirmed, case_json, next_deadline, reply_by, notified_on, first_outcome_on, notified_at, document_key, document_bytes, version, created_at) VALUES
  ('fb_demo_5', 'FB-2026-000005', 'o_innlandet', 'u_demo_sykehus', '28828520026', 'Nils Demo', '912 00 005', 'Kardiologi', '2026-12-10', '2026-08-15', '2026-11-18', 'expected', 'Rask forverring av symptomer', 'notified', 1, 0,
   '{"state":"notified","variant":null,"fristdato":"2026-12-10","notified_on":"2026-11-20","urgent":true,"urgent_confirmed":false,"taken_up_on":null,"letter_sent_on":null,"documents_requested_on":null,"has_documents":false,"first_outcome_on":null}',
   '2026-12-04', NULL, '2026-11-20', NULL, 1795179600000, NULL, NULL, 1, '2026-11-20T13:00:00.000Z');
INSERT INTO fb_history (case_id, at, at_ms, actor, actor_user_id, event, from_state, to_state, date)
SELECT * FROM (VALUES
  ('fb_demo_5', '2026-11-20T13:00:00.000Z', 1795179600000, 'site', 'u_demo_sykehus', 'notify', NULL, 'notified', NULL)
) WHERE NOT EXISTS (SELECT 1 FROM fb_history WHERE case_id = 'fb_demo_5');

-- Demo fastlege messages of Lillehammer: two GPs who have given notice, with
-- no new GP or vacant list yet, so the dashboard and Helfo's FL-7 chase list
-- have something to show. `timing_json`/`form_json` are frist-domain's types.
INSERT OR IGNORE INTO counters (name, year, n) VALUES ('fastlege', 2026, 2);
INSERT OR IGNORE INTO fl_messages (id, number, organisation_id, sender_user_id, kind, schema_version, status, effective, termination, chase_from, replaces, gp_hpr, gp_name, gp_birth_date, citizens_moved, summary, timing_json, warnings_json, form_json, sent_on, sent_at, version) VALUES
  ('fl_demo_1', 'FL-2026-000001', 'o_lillehammer', 'u_demo_kommune', 'termination', 2, 'sent', '2026-12-01', '2026-11-30', '2026-10-31', NULL, '9144889', 'Per Olsen', '1957-02-10', 0, 'Per Olsen (9144889) har sagt opp avtalen ved Storgata legesenter; siste arbeidsdag 30.11.2026',
   '{"sent":"2026-05-15","expected_registration":"2026-05-19","termination":"2026-11-30","fourteen_day_line":"2026-11-16","class":null,"start":null,"visible_month_before":null,"visible_from":null,"chase_from":"2026-10-31"}', '[]',
   '{"schema_version":2,"kind":"termination","contact":{"name":"Kari Kommune","phone":"61 05 00 00","email":"kommune@lillehammer.example"},"gp_name":"Per Olsen","gp_hpr":"9144889","gp_birth_date":"1957-02-10","practice":"Storgata legesenter","notice_date":"2026-05-15"}', '2026-05-15', '2026-05-15T09:00:00.000Z', 1);
INSERT OR IGNORE INTO fl_messages (id, number, organisation_id, sender_user_id, kind, schema_version, status, effective, termination, chase_from, replaces, gp_hpr, gp_name, gp_birth_date, citizens_moved, summary, timing_json, warnings_json, form_json, sent_on, sent_at, version) VALUES
  ('fl_demo_2', 'FL-2026-000002', 'o_lillehammer', 'u_demo_kommune', 'termination', 2, 'sent', '2027-01-01', '2026-12-31', '2026-12-01', NULL, '9144888', 'Anne Berg', NULL, 0, 'Anne Berg (9144888) har sagt opp avtalen ved Storgata legesenter; siste arbeidsdag 31.12.2026',
   '{"sent":"2026-06-10","expected_registration":"2026-06-12","termination":"2026-12-31","fourteen_day_line":"2026-12-17","class":null,"start":null,"visible_month_before":null,"visible_from":null,"chase_from":"2026-12-01"}', '[]',
   '{"schema_version":2,"kind":"termination","contact":{"name":"Kari Kommune","phone":"61 05 00 00","email":"kommune@lillehammer.example"},"gp_name":"Anne Berg","gp_hpr":"9144888","gp_birth_date":"","practice":"Storgata legesenter","notice_date":"2026-06-10"}', '2026-06-10', '2026-06-10T09:00:00.000Z', 1);

-- Claims control (issue 8, CTRL-9): two other municipalities' October 2026
-- sums per doctor (no patients), so the sample file has peers to be compared with.
INSERT OR IGNORE INTO organisations (id, name, orgnr, kind, created_at) VALUES
  ('o_gjovik', 'Gjøvik kommune', '931000047', 'kommune', '2026-01-01T00:00:00.000Z'),
  ('o_ringsaker', 'Ringsaker kommune', '931000055', 'kommune', '2026-01-01T00:00:00.000Z');
INSERT OR IGNORE INTO kt_months (organisation_id, month, hpr, refund_ore, listed, bills, size_class, uploaded_at) VALUES
  ('o_gjovik', '2026-10', '008100000', 314815, 1263, 64, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_gjovik', '2026-10', '008100001', 278432, 1262, 47, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_gjovik', '2026-10', '008100002', 241625, 989, 65, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_gjovik', '2026-10', '008100003', 185655, 990, 54, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_gjovik', '2026-10', '008100004', 176955, 945, 37, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_gjovik', '2026-10', '008100005', 309903, 1205, 45, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_gjovik', '2026-10', '008100006', 200927, 815, 39, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_gjovik', '2026-10', '008100007', 157253, 860, 50, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_gjovik', '2026-10', '008100008', 201066, 830, 55, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_gjovik', '2026-10', '008100009', 284323, 1251, 47, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_ringsaker', '2026-10', '008200000', 264459, 1331, 53, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_ringsaker', '2026-10', '008200001', 236462, 1311, 40, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_ringsaker', '2026-10', '008200002', 294663, 1268, 61, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_ringsaker', '2026-10', '008200003', 354170, 1364, 40, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_ringsaker', '2026-10', '008200004', 217536, 1060, 49, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_ringsaker', '2026-10', '008200005', 269138, 1325, 39, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_ringsaker', '2026-10', '008200006', 332033, 1376, 60, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_ringsaker', '2026-10', '008200007', 225431, 910, 59, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_ringsaker', '2026-10', '008200008', 222766, 868, 35, 'medium', '2026-11-05T08:00:00.000Z'),
  ('o_ringsaker', '2026-10', '008200009', 200319, 1018, 38, 'medium', '2026-11-05T08:00:00.000Z');
