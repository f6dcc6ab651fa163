-- 0012: Helfo finds a patient's cases by fødselsnummer (issue 24), in any
-- organisation, open or closed: an index rather than a scan of every case.
CREATE INDEX fb_by_patient ON fb_cases (patient_fnr);
