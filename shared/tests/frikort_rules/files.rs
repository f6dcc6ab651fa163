//! FK-1, the claim-file readers: every accepted layout gives the same lines,
//! broken files are refused and broken lines stand alone, xlsx workbooks read
//! like CSV, and line numbers are the file's even across blank lines.

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// Reads `text` whole, and again one byte at a time; both must agree.
fn read_all(text: &[u8]) -> Result<Vec<(u64, Vec<IssueCode>)>, FileError> {
    let run = |pieces: &mut dyn Iterator<Item = &[u8]>| {
        let mut checker = Checker::new(ctx("2026-04-01", None));
        let mut out = Vec::new();
        let mut stream = frist_domain::frikort::csv();
        let mut on = |r: Record<'_>| {
            let (issues, _) = checker.check(&r);
            out.push((r.line(), issues.iter().map(|i| i.code).collect::<Vec<_>>()));
        };
        for p in pieces {
            stream.feed(p, false, &mut on)?;
        }
        stream.feed(&[], true, &mut on)?;
        Ok(out)
    };
    let whole = run(&mut std::iter::once(text));
    let bytewise = run(&mut text.chunks(1));
    assert_eq!(whole, bytewise, "piecewise reading differs");
    whole
}

#[test]
fn fk_1_claim_files_in_every_accepted_layout_give_the_same_lines() {
    let variants: [&[u8]; 5] = [
        b"fodselsnummer,transportdato,utbetalingsdato,egenandel\n15038510190,2026-03-02,2026-03-10,171.00\n01019010046,2026-03-05,2026-03-12,342\n",
        b"Fodselsnummer;Transportdato;Utbetalingsdato;Egenandel;Referanse\r\n15038510190;02.03.2026;10.03.2026;171,00;A1\r\n01019010046;05.03.2026;12.03.2026;342;A2\r\n",
        b"\xEF\xBB\xBFEGENANDEL;utbetalingsdato;FODSELSNUMMER;transportdato\n171,00;10.03.2026;15038510190;2026-03-02\n342;2026-03-12;01019010046;05.03.2026",
        b"referanse,egenandel,fodselsnummer,transportdato,utbetalingsdato\n\"Tur, retur\",\"171,00\",15038510190,02.03.2026,10.03.2026\n\"B\",342,01019010046,05.03.2026,12.03.2026\n\n",
        b"f\xC3\xB8dselsnummer;transportdato;utbetalingsdato;egenandel\n15038510190;02.03.2026;10.03.2026;171\n01019010046;05.03.2026;12.03.2026;342\n",
    ];
    for v in variants {
        let lines = read_all(v).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(v)));
        assert_eq!(
            lines,
            [(2, vec![]), (3, vec![])],
            "{}",
            String::from_utf8_lossy(v)
        );
    }
}

#[test]
fn fk_1_broken_files_are_refused_and_broken_lines_stand_alone() {
    assert_eq!(read_all(b""), Err(FileError::Empty));
    assert_eq!(read_all(b"\n\n"), Err(FileError::Empty));
    // A header and no lines: a file with nothing to claim, not an error.
    assert_eq!(
        read_all(b"fodselsnummer;transportdato;utbetalingsdato;egenandel\n"),
        Ok(vec![])
    );
    assert_eq!(
        read_all(b"fnr;transportdato;utbetalingsdato;egenandel\n1;2;3;4\n"),
        Err(FileError::UnknownColumn {
            column: "fnr".into(),
            allowed:
                "fodselsnummer, transportdato, utbetalingsdato, egenandel og eventuelt referanse"
                    .into(),
        })
    );
    assert_eq!(
        read_all(b"fodselsnummer;transportdato;egenandel\n1;2;3\n"),
        Err(FileError::MissingColumn {
            column: "utbetalingsdato".into(),
            allowed:
                "fodselsnummer, transportdato, utbetalingsdato, egenandel og eventuelt referanse"
                    .into(),
        })
    );
    assert_eq!(read_all(b"\xFF\xFEf;t\n"), Err(FileError::NotText));
    // Bad lines stand alone (FK-4): the good ones around them are still good.
    let lines = read_all(
        b"fodselsnummer;transportdato;utbetalingsdato;egenandel\n\
          15038510190;02.03.2026;10.03.2026;171\n\
          15038510190;02.03.2026\n\
          01019010046;05.03.2026;12.03.2026;34\xE52\n\
          15038510190;02.03.2026;10.03.2026;171\n\
          01019010046;05.03.2026;12.03.2026;342\n",
    )
    .unwrap();
    assert_eq!(
        lines,
        [
            (2, vec![]),
            (3, vec![IssueCode::RaggedRow]),
            (4, vec![IssueCode::NotUtf8]),
            (5, vec![IssueCode::DuplicateTrip]),
            (6, vec![]),
        ]
    );
}

#[test]
fn fk_1_xlsx_workbooks_read_like_csv() {
    let bytes = include_bytes!("../fixtures/frikort-claim.xlsx");
    let mut checker = Checker::new(ctx("2026-04-01", None));
    let mut seen = Vec::new();
    read_xlsx(bytes, &mut |r| {
        let (issues, line) = checker.check(&r);
        seen.push((
            r.line(),
            issues.iter().map(|i| i.code).collect::<Vec<_>>(),
            line.map(|l| l.amount_ore),
        ));
    })
    .unwrap();
    assert_eq!(
        seen,
        [
            (2, vec![], Some(17_100)),
            (3, vec![], Some(34_200)),
            (4, vec![IssueCode::IdBadCheckDigit], None),
            (6, vec![IssueCode::DuplicateTrip], None),
        ]
    );
    assert!(matches!(
        read_xlsx(b"not a workbook", &mut |_| {}),
        Err(FileError::Workbook { .. })
    ));
}

#[test]
fn fk_1_line_numbers_are_the_files_even_across_blank_lines() {
    let lines = read_all(
        b"fodselsnummer;transportdato;utbetalingsdato;egenandel\r\n\r\n\
          15038510190;02.03.2026;10.03.2026;171\r\n\r\n\r\n\
          01019010046;05.03.2026;12.03.2026;0\r\n",
    )
    .unwrap();
    assert_eq!(lines, [(3, vec![]), (6, vec![IssueCode::AmountInvalid])]);
}
