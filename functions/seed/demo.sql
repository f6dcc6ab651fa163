-- Demo data for local mode only (make dev). The worker refuses demo data in
-- production mode; this file is never applied remotely.
INSERT OR IGNORE INTO organisations (name, orgnr, kind) VALUES
  ('Helfo (Helsedirektoratet)', '983544622', 'helfo'),
  ('Sykehuset Innlandet HF', '983971709', 'behandlingssted'),
  ('Lillehammer kommune', '945578564', 'kommune'),
  ('Helse Sør-Øst RHF', '991324968', 'hf');
