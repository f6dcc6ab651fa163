//! Issue 7: frikort claims through the API on fixed dates: a file with mixed
//! lines sent in chunks (one replayed, one changed), submitted only when
//! complete, settled line by line by Helfo (FK-4, FK-5), paid (FK-9) and
//! partly reclaimed (FK-7); a trip claimed twice across claims (FK-8); and
//! another health trust kept out.

use frist_tests::{Answer, Server, Session, server};
use serde_json::{Value, json};

const TODAY: &str = "2026-03-20";

fn line(n: u64, fnr: &str, transport: &str, payout: &str, amount: &str) -> Value {
    json!({"line": n, "fodselsnummer": fnr, "transportdato": transport,
           "utbetalingsdato": payout, "egenandel": amount, "referanse": format!("R{n}")})
}

fn new_claim(s: &Server, hf: &Session, lines: u64, chunks: u32) -> Value {
    let a = s
        .call("POST", "/api/v1/frikort/claims")
        .session(hf)
        .idempotent()
        .on(TODAY)
        .json(&json!({"file_name": "krav-mars.csv", "aware": "2026-03-01", "lines": lines, "chunks": chunks}))
        .send();
    assert_eq!(a.status, 201, "{:?}", a.body);
    assert!(a.body["number"].as_str().unwrap().starts_with("FK-2026-"));
    a.body
}

fn chunk(s: &Server, hf: &Session, id: &str, n: u32, lines: &[Value]) -> Answer {
    s.call("PUT", &format!("/api/v1/frikort/claims/{id}/chunks/{n}"))
        .session(hf)
        .on(TODAY)
        .json(&json!({ "lines": lines }))
        .send()
}

fn post(s: &Server, who: &Session, path: &str, body: Value) -> Answer {
    s.call("POST", path)
        .session(who)
        .on(TODAY)
        .json(&body)
        .send()
}

fn codes_of(answer: &Value) -> Vec<(u64, Vec<String>)> {
    answer["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["line"].as_u64().unwrap(),
                l["issues"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i["code"].as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect()
}

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

/// FK-9: «Innvilgede krav på refusjon skal utbetales til det helseforetak og
/// til den konto RHF har fastsatt» — without an account on record nothing
/// is paid; an administrator records it.
#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fk_9_refunds_go_only_to_the_account_an_administrator_recorded_for_the_rhf() {
    let s = server();
    let other = s.elsewhere(
        ("Helse Midt-Norge RHF", "983658776", "hf"),
        ("Mia Midt", "mia@helse-midt.example"),
        "hf",
    );
    let helfo = s.login_as("helfo");
    let claim = new_claim(s, &other, 1, 1);
    let id = claim["id"].as_str().unwrap();
    let base = format!("/api/v1/frikort/claims/{id}");
    let a = chunk(
        s,
        &other,
        id,
        0,
        &[line(2, "15038510190", "16.03.2026", "17.03.2026", "171,00")],
    );
    assert_eq!(a.body["valid"], 1, "{:?}", a.body);
    assert_eq!(
        post(s, &other, &format!("{base}/submit"), json!({})).status,
        200
    );
    let approved = post(s, &helfo, &format!("{base}/approve-clean"), json!({}));
    assert_eq!(approved.body["payout_account"], Value::Null);
    let pay = |version: &Value| {
        s.call("POST", &format!("{base}/payment"))
            .session(&helfo)
            .if_match(version)
            .on(TODAY)
            .json(&json!({"paid_on": "20.03.2026", "amount": "171,00"}))
            .send()
    };
    let refused = pay(&approved.body["version"]);
    assert_eq!(refused.status, 422);
    assert_eq!(refused.issues(), ["account:payout_account_missing"]);
    // Only an administrator records the account, and only a valid one.
    let org = approved.body["organisation_id"].as_str().unwrap();
    let path = format!("/api/v1/organisations/{org}/payout-account");
    let set = |who: &Session, account: &str| {
        s.call("PUT", &path)
            .session(who)
            .json(&json!({ "account": account }))
            .send()
    };
    assert_eq!(set(&helfo, "8601 11 17947").status, 403);
    let admin = s.login_as("helfo_admin");
    assert_eq!(
        set(&admin, "8601 11 17948").issues(),
        ["account:id_bad_check_digit"]
    );
    let recorded = set(&admin, "1234 56 78903");
    assert_eq!(recorded.status, 200, "{:?}", recorded.body);
    assert_eq!(recorded.body["payout_account"], "12345678903");
    let now = s.call("GET", &base).session(&helfo).send();
    let paid = pay(&now.body["version"]);
    assert_eq!(paid.status, 200, "{:?}", paid.body);
    assert_eq!(paid.body["payments"][0]["account"], "12345678903");
    assert_eq!(paid.body["status"], "paid");
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

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fk_8_a_trip_claimed_in_an_earlier_claim_is_found_by_its_keyed_hash() {
    let s = server();
    let hf = s.login_as("hf");
    let trip = line(2, "15038510190", "09.03.2026", "16.03.2026", "171,00");
    let first = new_claim(s, &hf, 1, 1);
    let a = chunk(
        s,
        &hf,
        first["id"].as_str().unwrap(),
        0,
        std::slice::from_ref(&trip),
    );
    assert_eq!(a.body["valid"], 1, "{:?}", a.body);
    let second = new_claim(s, &hf, 1, 1);
    let b = chunk(s, &hf, second["id"].as_str().unwrap(), 0, &[trip]);
    assert_eq!(b.body["valid"], 0);
    assert_eq!(
        codes_of(&b.body),
        [(2, vec!["duplicate_earlier_claim".to_owned()])]
    );
    assert_eq!(
        b.body["issues"][0]["issues"][0]["params"]["claim"],
        first["number"]
    );
    // Chunk numbers beyond the announced ones, and empty chunks, are refused.
    let id = second["id"].as_str().unwrap();
    assert_eq!(chunk(s, &hf, id, 5, &[]).status, 400);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn another_health_trust_can_neither_see_nor_add_to_a_claim() {
    let s = server();
    let hf = s.login_as("hf");
    let claim = new_claim(s, &hf, 1, 1);
    let id = claim["id"].as_str().unwrap();
    let other = s.elsewhere(
        ("Helse Nord RHF", "883658752", "hf"),
        ("Nils Nord", "nils@helse-nord.example"),
        "hf",
    );
    let a = s
        .call("GET", &format!("/api/v1/frikort/claims/{id}"))
        .session(&other)
        .send();
    assert_eq!(a.status, 404);
    let put = chunk(
        s,
        &other,
        id,
        0,
        &[line(2, "15038510190", "02.03.2026", "10.03.2026", "171")],
    );
    assert_eq!(put.status, 404);
    let list = s
        .call("GET", "/api/v1/frikort/claims")
        .session(&other)
        .send();
    assert_eq!(list.body["items"], json!([]));
    // Helfo may not send claims; a municipality may not see them.
    let helfo = s.login_as("helfo");
    assert_eq!(chunk(s, &helfo, id, 0, &[]).status, 403);
    let kommune = s.login_as("kommune");
    let k = s
        .call("GET", "/api/v1/frikort/claims")
        .session(&kommune)
        .send();
    assert_eq!(k.status, 403);
}

#[test]
#[ignore = "needs `make build`; run by `make test-integration`"]
fn fk_the_cli_submits_a_file_with_an_api_token_and_resumes_the_same_claim() {
    let s = server();
    let hf = s.login_as("hf");
    let token = post(s, &hf, "/api/v1/tokens", json!({"name": "Oppgjørsskript"}));
    assert_eq!(token.status, 201, "{:?}", token.body);
    let secret = token.body["token"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("frist_"));
    let dir = tempfile_dir();
    let file = dir.join("krav-cli.csv");
    std::fs::write(
        &file,
        "fodselsnummer;transportdato;utbetalingsdato;egenandel\n\
         31127010040;09.03.2026;13.03.2026;171,00\n\
         31127010041;09.03.2026;13.03.2026;171,00\n\
         01019010046;10.03.2026;13.03.2026;342\n",
    )
    .unwrap();
    let cli = frist_tests::root().join("target/debug/frist");
    let run = |token: &str| {
        std::process::Command::new(&cli)
            .args(["frikort", "submit"])
            .arg(&file)
            .args(["--api", &s.base, "--today", TODAY])
            .env("FRIST_API_TOKEN", token)
            .output()
            .expect("target/debug/frist is built by `cargo test --workspace`")
    };
    let first = run(&secret);
    let out = String::from_utf8_lossy(&first.stdout).into_owned();
    assert!(
        first.status.success(),
        "{out} {}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(
        out.contains(": 2 lines sent (1 chunks now, 0 already there); status received"),
        "{out}"
    );
    let number = out.split(':').next().unwrap().to_owned();
    // Again: the same claim, nothing sent twice.
    let again = run(&secret);
    let out2 = String::from_utf8_lossy(&again.stdout).into_owned();
    assert!(
        out2.starts_with(&format!(
            "{number}: 2 lines sent (0 chunks now, 1 already there)"
        )),
        "{out2}"
    );
    // A revoked token is refused.
    let id = token.body["id"].as_str().unwrap();
    let revoked = s
        .call("DELETE", &format!("/api/v1/tokens/{id}"))
        .session(&hf)
        .send();
    assert_eq!(revoked.status, 204);
    let refused = run(&secret);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("401"));
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("frist-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
