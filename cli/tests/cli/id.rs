//! `frist id`: fødselsnummer (ID-1, ID-2: one object per value in order,
//! stdin keeps the input as given, `--today` decides future birth dates and
//! the 2032 rule) and organisation, account and HPR numbers (ID-4, ID-5,
//! ID-6).

use super::*;

#[test]
fn id_fnr_prints_one_object_per_value_in_order() {
    let (code, out, _) = frist(
        &[
            "id",
            "fnr",
            "--today",
            "2026-11-23",
            "31129956715",
            "31129956716",
            "41010021861",
        ],
        None,
    );
    assert_eq!(code, 1, "one value is invalid");
    let v = lines(&out);
    assert_eq!(v.len(), 3);
    assert_eq!(
        v[0],
        serde_json::json!({"input": "31129956715", "valid": true, "kind": "fodselsnummer",
            "synthetic": false, "birth_date": "1899-12-31", "error": null})
    );
    assert_eq!(v[1]["valid"], false);
    assert_eq!(v[1]["error"], "id_bad_check_digit");
    assert_eq!(v[1]["kind"], serde_json::Value::Null);
    assert_eq!(v[2]["kind"], "d_nummer");
    assert_eq!(v[2]["birth_date"], serde_json::Value::Null);
    // Field order is part of the interface.
    assert!(out.starts_with(r#"{"input":"31129956715","valid":true,"kind":"#));
}

#[test]
fn id_fnr_reads_stdin_and_keeps_the_input_as_given() {
    let (code, out, _) = frist(
        &["id", "fnr", "--today", "2026-11-23", "-"],
        Some("311299 56715\n01818012337\n"),
    );
    assert_eq!(code, 1);
    let v = lines(&out);
    assert_eq!(v[0]["input"], "311299 56715");
    assert_eq!(v[0]["valid"], true);
    assert_eq!(v[1]["error"], "id_synthetic_not_allowed");
    let (code, out, _) = frist(
        &[
            "id",
            "fnr",
            "--today",
            "2026-11-23",
            "--allow-synthetic",
            "-",
        ],
        Some("01818012337\n"),
    );
    assert_eq!(code, 0);
    assert_eq!(lines(&out)[0]["synthetic"], true);
}

#[test]
fn id_fnr_today_decides_future_birth_dates_and_the_2032_rule() {
    let (code, out, _) = frist(&["id", "fnr", "--today", "2031-12-31", "30018299980"], None);
    assert_eq!(code, 1);
    assert_eq!(lines(&out)[0]["error"], "id_new_series_not_yet_issued");
    let (code, _, _) = frist(&["id", "fnr", "--today", "2032-01-01", "30018299980"], None);
    assert_eq!(code, 0);
}

#[test]
fn id_orgnr_kontonr_hpr() {
    let (code, out, _) = frist(
        &[
            "id",
            "orgnr",
            "991324968",
            "983658725",
            "983658776",
            "883658752",
        ],
        None,
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        lines(&out)
            .iter()
            .all(|v| v["kind"] == "orgnr" && v["valid"] == true)
    );
    let (code, out, _) = frist(&["id", "kontonr", "8601.11.17947", "86011117948"], None);
    assert_eq!(code, 1);
    let v = lines(&out);
    assert_eq!(
        (v[0]["valid"].clone(), v[1]["error"].clone()),
        (true.into(), "id_bad_check_digit".into())
    );
    let (code, out, _) = frist(&["id", "hpr", "-"], Some("1234567\n0000000\n"));
    assert_eq!(code, 1);
    assert_eq!(lines(&out)[1]["error"], "id_all_zeros");
}
