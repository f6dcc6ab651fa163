//! A claim settled through the API: a file with bad lines sent in chunks,
//! submitted and settled for its good lines (FK-4, FK-5), paid (FK-9) and
//! partly reclaimed (FK-7); and the settlement report neutralises formulas in
//! what a claim line carried.

use super::*;

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fk_4_5_9_a_claim_with_bad_lines_is_settled_for_its_good_lines() {
    let s = server();
    let hf = s.login_as("hf");
    let helfo = s.login_as("helfo");
    let claim = new_claim(s, &hf, 6, 2);
    let id = claim["id"].as_str().unwrap();
    let base = format!("/api/v1/frikort/claims/{id}");
    let first = [
        line(2, "15038510190", "02.03.2026", "10.03.2026", "171,00"),
        line(3, "15038510191", "02.03.2026", "10.03.2026", "171,00"),
        line(4, "01019010046", "03.03.2026", "11.03.2026", "400,00"),
    ];
    let a = chunk(s, &hf, id, 0, &first);
    assert_eq!(a.status, 200, "{:?}", a.body);
    assert_eq!(
        (a.body["lines"].as_u64(), a.body["valid"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(
        codes_of(&a.body),
        [
            (3, vec!["id_bad_check_digit".to_owned()]),
            (4, vec!["amount_above_return_trip".to_owned()])
        ]
    );
    // Not complete yet: not submitted, and Helfo does not see it as received.
    let early = post(s, &hf, &format!("{base}/submit"), json!({}));
    assert_eq!(early.status, 409);
    assert_eq!(early.kind(), "claim_incomplete");
    assert!(
        early.body["detail"]
            .as_str()
            .unwrap()
            .contains("mangler: 1")
    );
    // The same chunk again: the same answer, nothing counted twice.
    let again = chunk(s, &hf, id, 0, &first);
    assert_eq!(again.status, 200);
    assert_eq!(again.header("idempotent-replayed"), "true");
    assert_eq!(again.body, a.body);
    let mut changed = first.clone();
    changed[0]["egenandel"] = json!("172,00");
    assert_eq!(chunk(s, &hf, id, 0, &changed).status, 409);
    let second = [
        line(5, "15038510190", "02.03.2026", "10.03.2026", "171"),
        line(6, "31127010040", "04.03.2026", "12.03.2026", "171,00"),
        line(7, "31127010040", "01.03.2023", "10.03.2023", "146,00"),
    ];
    let b = chunk(s, &hf, id, 1, &second);
    assert_eq!(b.status, 200, "{:?}", b.body);
    assert_eq!(
        codes_of(&b.body),
        [
            (5, vec!["duplicate_earlier_claim".to_owned()]),
            (7, vec!["time_barred".to_owned()])
        ]
    );
    let received = post(s, &hf, &format!("{base}/submit"), json!({}));
    assert_eq!(received.status, 200, "{:?}", received.body);
    assert_eq!(received.body["status"], "received");
    // FK-3: 30 days from Friday 20 March 2026 is Sunday 19 April: Monday 20th.
    assert_eq!(received.body["due"], "2026-04-20");
    assert_eq!(received.body["lines"], 6);
    assert_eq!(received.body["valid_lines"], 3);
    assert_eq!(received.body["claimed_ore"], 17_100 + 40_000 + 17_100);
    // FK-4: bad lines are already rejected with their reason; the rest wait.
    assert_eq!(received.body["undecided"], 3);

    // Helfo settles: clean lines in bulk; the warned line (4) is in dispute.
    let clean = post(s, &helfo, &format!("{base}/approve-clean"), json!({}));
    assert_eq!(clean.status, 200, "{:?}", clean.body);
    assert_eq!(clean.body["approved_ore"], 34_200);
    assert_eq!(clean.body["undecided"], 1);
    assert_eq!(clean.body["payable_ore"], 34_200);
    let pay = |amount: &str, account: &str, version: &Value| {
        s.call("POST", &format!("{base}/payment"))
            .session(&helfo)
            .if_match(version)
            .on(TODAY)
            .json(&json!({"paid_on": "20.03.2026", "amount": amount, "account": account}))
            .send()
    };
    // FK-9: only to the account the RHF has set.
    let elsewhere = pay("342,00", "1234 56 78903", &clean.body["version"]);
    assert_eq!(elsewhere.issues(), ["account:account_not_registered"]);
    // FK-4 (seed 002 § 3): the disputed line does not hold the others back.
    let first_pay = pay("342,00", "", &clean.body["version"]);
    assert_eq!(first_pay.status, 200, "{:?}", first_pay.body);
    assert_eq!(first_pay.body["status"], "received", "line 4 still open");
    assert_eq!(first_pay.body["paid_ore"], 34_200);
    assert_eq!(first_pay.body["payable_ore"], 0);
    assert_eq!(
        first_pay.body["payments"],
        json!([{"n": 1, "paid_on": "2026-03-20", "amount_ore": 34_200, "account": "86011117947",
                "lines": 2, "repaid_ore": 0, "repayment_reason": null}])
    );
    // A paid line's decision stands.
    let reopen = post(
        s,
        &helfo,
        &format!("{base}/lines/2/decision"),
        json!({"decision": "rejected", "reason": "duplicate"}),
    );
    assert_eq!(reopen.issues(), ["decision:line_already_paid"]);
    // FK-5: paying other than claimed needs a reason; never more than claimed.
    let bare = post(
        s,
        &helfo,
        &format!("{base}/lines/4/decision"),
        json!({"decision": "approved", "amount": "342"}),
    );
    assert_eq!(bare.issues(), ["reason:reason_required"]);
    let above = post(
        s,
        &helfo,
        &format!("{base}/lines/4/decision"),
        json!({"decision": "approved", "amount": "400,01", "reason": "wrong_amount"}),
    );
    assert_eq!(above.issues(), ["amount:approved_above_claimed"]);
    let invalid = post(
        s,
        &helfo,
        &format!("{base}/lines/3/decision"),
        json!({"decision": "approved"}),
    );
    assert_eq!(invalid.issues(), ["decision:line_invalid"]);
    let decided = post(
        s,
        &helfo,
        &format!("{base}/lines/4/decision"),
        json!({"decision": "approved", "amount": "342", "reason": "wrong_amount",
               "note": "Egenandel for tur-retur 2026 er 342 kr"}),
    );
    assert_eq!(decided.status, 200, "{:?}", decided.body);
    assert_eq!(decided.body["approved_ore"], 34_200 + 34_200);
    assert_eq!(decided.body["undecided"], 0);
    assert_eq!(decided.body["status"], "received", "approved, not yet paid");
    let wrong = pay("700,00", "", &decided.body["version"]);
    assert_eq!(wrong.issues(), ["amount:payment_not_approved"]);
    let paid = pay("342,00", "8601 11 17947", &decided.body["version"]);
    assert_eq!(paid.status, 200, "{:?}", paid.body);
    assert_eq!(paid.body["status"], "paid", "every line decided and paid");
    assert_eq!(paid.body["paid_ore"], 68_400);
    assert_eq!(paid.body["payments"][1]["n"], 2);
    assert_eq!(paid.body["payments"][1]["lines"], 1);
    // Nothing is left to pay.
    let none = pay("0", "", &paid.body["version"]);
    assert_eq!(none.status, 409, "{:?}", none.body);
    // Lines after settlement: each with its decision, reason and payment.
    let lines = s
        .call("GET", &format!("{base}/lines?only=issues"))
        .session(&hf)
        .send();
    let reasons: Vec<(u64, Value, Value, Value)> = lines.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["line"].as_u64().unwrap(),
                l["decision"].clone(),
                l["reason"].clone(),
                l["payment"].clone(),
            )
        })
        .collect();
    assert_eq!(
        reasons,
        [
            (3, json!("rejected"), json!("invalid_line"), Value::Null),
            (4, json!("approved"), json!("wrong_amount"), json!(2)),
            (5, json!("rejected"), json!("invalid_line"), Value::Null),
            (7, json!("rejected"), json!("invalid_line"), Value::Null),
        ]
    );
    // The settlement report: every line with its payment, the fødselsnummer
    // masked.
    let report = s.call("GET", &format!("{base}/report")).session(&hf).send();
    assert_eq!(report.status, 200);
    let csv = report.body.as_str().unwrap();
    assert_eq!(csv.lines().count(), 7);
    assert!(
        csv.contains("4;010190 *****;2026-03-03;2026-03-11;400,00;342,00;godkjent;wrong_amount;Egenandel for tur-retur 2026 er 342 kr;2;2026-03-20;"),
        "{csv}"
    );
    assert!(
        csv.contains("2;150385 *****;2026-03-02;2026-03-10;171,00;171,00;godkjent;;;1;2026-03-20;"),
        "{csv}"
    );
    assert!(!csv.contains("15038510190"));
    // FK-7: a repayment demand on one payment, never more than it paid, and
    // never for Helfo's own wrong information.
    let version = paid.body["version"].clone();
    let repay = |body: Value| {
        s.call("POST", &format!("{base}/repayment"))
            .session(&helfo)
            .if_match(&version)
            .on(TODAY)
            .json(&body)
            .send()
    };
    let too_much =
        repay(json!({"payment": "1", "amount": "700", "cause": "hf_error", "reason": "Feil"}));
    assert_eq!(too_much.issues(), ["amount:number_out_of_range"]);
    let not_owed = repay(
        json!({"payment": "1", "amount": "171,00", "cause": "helfo_information",
                                "reason": "Helfo oppga feil frikortstatus"}),
    );
    assert_eq!(not_owed.issues(), ["cause:repayment_not_owed"]);
    let repaid = repay(
        json!({"payment": "1", "amount": "171,00", "cause": "hf_error",
                              "reason": "Pasienten hadde ikke frikort"}),
    );
    assert_eq!(repaid.status, 200, "{:?}", repaid.body);
    assert_eq!(repaid.body["repayment_ore"], 17_100);
    assert_eq!(repaid.body["payments"][0]["repaid_ore"], 17_100);
    assert_eq!(repaid.body["payments"][1]["repaid_ore"], 0);
}

/// A claim line's reference is the HF's own text; in the settlement CSV a
/// spreadsheet must never run it as a formula.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn the_settlement_report_neutralises_formulas_in_what_a_claim_line_carried() {
    let s = server();
    let hf = s.login_as("hf");
    let claim = new_claim(s, &hf, 4, 1);
    let id = claim["id"].as_str().unwrap();
    let mut lines = Vec::new();
    for (n, (fnr, reference)) in [
        (
            "31127010040",
            "=HYPERLINK(\"https://evil.example\";\"Klikk\")",
        ),
        ("01019010046", "+SUM(1;2)"),
        ("15038510190", "@cmd"),
        ("31127010040", "-2+3"),
    ]
    .iter()
    .enumerate()
    {
        let mut l = line(
            n as u64 + 2,
            fnr,
            &format!("0{}.03.2026", n + 1),
            "12.03.2026",
            "171,00",
        );
        l["referanse"] = json!(reference);
        lines.push(l);
    }
    assert_eq!(chunk(s, &hf, id, 0, &lines).status, 200);
    let report = s
        .call("GET", &format!("/api/v1/frikort/claims/{id}/report"))
        .session(&hf)
        .send();
    let csv = report.body.as_str().unwrap();
    for line in csv.lines().skip(1) {
        let reference = line.rsplit(';').next().unwrap();
        let first = reference.trim_start_matches('"').chars().next().unwrap();
        assert!(!"=+-@\t\r".contains(first), "{line}");
    }
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"https://evil.example\"\";\"\"Klikk\"\")\""),
        "{csv}"
    );
    assert!(csv.contains("'@cmd"), "{csv}");
}
