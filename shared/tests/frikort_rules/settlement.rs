//! Settling a claim: FK-4 (approved lines are paid while a disputed line
//! waits), FK-5 (a deviation always carries a reason, "other" needs a note,
//! nothing above the claim is approved), FK-7 with FK-6 (Helfo's repayment
//! claim, its bar and its limit) and FK-9 (the payment goes to the account the
//! RHF has set).

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn fk_5_a_deviation_from_the_claim_always_carries_a_reason() {
    use frist_domain::frikort::{Decision, DecisionForm, Reason};
    let form = |decision: &str, reason: &str, amount: &str| DecisionForm {
        decision: decision.into(),
        reason: reason.into(),
        amount: amount.into(),
        note: String::new(),
    };
    let code = |f: DecisionForm| f.check(17_100, false).unwrap_err().issues[0].code;
    // As claimed: no reason needed.
    assert_eq!(
        form("approved", "", "").check(17_100, false),
        Ok((Decision::Approved, None, None, 17_100))
    );
    // Another amount, or a rejection: a reason from the list.
    assert_eq!(code(form("approved", "", "100")), IssueCode::ReasonRequired);
    assert_eq!(code(form("rejected", "", "")), IssueCode::ReasonRequired);
    assert_eq!(
        form("approved", "wrong_amount", "100,00").check(17_100, false),
        Ok((Decision::Approved, Some(Reason::WrongAmount), None, 10_000))
    );
    assert_eq!(
        form("rejected", "no_frikort", "").check(17_100, false),
        Ok((Decision::Rejected, Some(Reason::NoFrikort), None, 0))
    );
    assert_eq!(code(form("rejected", "because", "")), IssueCode::NotOneOf);
    assert_eq!(code(form("maybe", "", "")), IssueCode::NotOneOf);
    assert_eq!(code(form("approved", "", "-1")), IssueCode::AmountInvalid);
}

/// FK-5: «Dersom det foreligger avvik … skal grunnlaget for avviket
/// dokumenteres av HELFO»: "other" says in words what it rests on, and
/// Helfo pays at most what was claimed.
#[test]
fn fk_5_other_needs_a_note_and_nothing_above_the_claim_is_approved() {
    use frist_domain::frikort::{Decision, DecisionForm, Reason};
    let other = DecisionForm {
        decision: "rejected".into(),
        reason: "other".into(),
        ..Default::default()
    };
    let r = other.check(17_100, false).unwrap_err();
    assert_eq!(paths(&r), [("note".into(), IssueCode::NoteRequired)]);
    let with_note = DecisionForm {
        note: "  Reisen gjaldt en annen pasient  ".into(),
        ..other
    };
    assert_eq!(
        with_note.check(17_100, false),
        Ok((
            Decision::Rejected,
            Some(Reason::Other),
            Some("Reisen gjaldt en annen pasient".into()),
            0
        ))
    );
    let above = DecisionForm {
        decision: "approved".into(),
        reason: "wrong_amount".into(),
        amount: "171,01".into(),
        note: String::new(),
    };
    let r = above.check(17_100, false).unwrap_err();
    assert_eq!(
        paths(&r),
        [("amount".into(), IssueCode::ApprovedAboveClaimed)]
    );
    // A paid line keeps its decision (FK-4).
    let again = DecisionForm {
        decision: "rejected".into(),
        reason: "duplicate".into(),
        ..Default::default()
    };
    let r = again.check(17_100, true).unwrap_err();
    assert_eq!(paths(&r), [("decision".into(), IssueCode::LineAlreadyPaid)]);
}

#[test]
fn fk_7_helfos_repayment_claim_is_barred_three_years_after_the_refund() {
    // The same rule as FK-6, counted from the refund: paid Friday 20 March
    // 2026 → barred after Tuesday 20 March 2029.
    assert_eq!(time_bar(d("2026-03-20")), Ok(d("2029-03-20")));
    // 29 February + 3 years is 28 February (CAL-8), a Friday in 2031.
    assert_eq!(time_bar(d("2028-02-29")), Ok(d("2031-02-28")));
}

fn paths(r: &frist_domain::Report) -> Vec<(String, IssueCode)> {
    r.issues.iter().map(|i| (i.path.clone(), i.code)).collect()
}

/// Seed 002 § 3: «Feil eller tvist om enkeltreiser i en faktura skal ikke
/// medføre forsinkelse i oppgjøret for øvrige enkeltreiser i samme faktura».
#[test]
fn fk_4_approved_lines_are_paid_while_a_disputed_line_waits() {
    use frist_domain::frikort::{ClaimStatus, PaymentForm};
    let today = d("2026-03-20");
    let pay = PaymentForm {
        paid_on: "20.03.2026".into(),
        amount: "342,00".into(),
        account: String::new(),
    };
    // Two lines approved (342 kr), one still in dispute: the two are paid.
    assert_eq!(
        pay.check(2, 34_200, Some("86011117947"), today),
        Ok((d("2026-03-20"), "86011117947".to_owned()))
    );
    assert_eq!(ClaimStatus::after_settlement(1, 0), ClaimStatus::Received);
    // The disputed line decided: the claim is settled once it is paid or
    // rejected, and only then.
    assert_eq!(ClaimStatus::after_settlement(0, 1), ClaimStatus::Received);
    assert_eq!(ClaimStatus::after_settlement(0, 0), ClaimStatus::Paid);
    // Nothing approved and unpaid: there is nothing to pay.
    let r = pay.check(0, 0, Some("86011117947"), today).unwrap_err();
    assert_eq!(paths(&r), [(String::new(), IssueCode::NothingToPay)]);
}

#[test]
fn fk_9_a_payment_goes_to_the_account_the_rhf_has_set_on_a_past_date() {
    use frist_domain::frikort::PaymentForm;
    let today = d("2026-03-20");
    let on_record = Some("86011117947");
    let good = PaymentForm {
        paid_on: "20.03.2026".into(),
        amount: "342,00".into(),
        account: "8601 11 17947".into(),
    };
    assert_eq!(
        good.check(2, 34_200, on_record, today),
        Ok((d("2026-03-20"), "86011117947".to_owned()))
    );
    // Every problem at once, field by field, the way the browser shows them.
    let bad = PaymentForm {
        paid_on: "21.03.2026".into(),
        amount: "342,01".into(),
        account: "8601 11 17948".into(),
    };
    let r = bad.check(2, 34_200, on_record, today).unwrap_err();
    assert_eq!(
        paths(&r),
        [
            ("paid_on".into(), IssueCode::DateInFuture),
            ("amount".into(), IssueCode::PaymentNotApproved),
            ("account".into(), IssueCode::IdBadCheckDigit),
        ]
    );
    // A valid account, but not the one the RHF has set.
    let other = PaymentForm {
        account: "1234 56 78903".into(),
        ..good.clone()
    };
    let r = other.check(2, 34_200, on_record, today).unwrap_err();
    assert_eq!(
        paths(&r),
        [("account".into(), IssueCode::AccountNotRegistered)]
    );
    assert_eq!(
        r.issues[0].params["expected"],
        Param::Text("8601 11 17947".into())
    );
    // No account on record: nothing can be paid.
    let r = good.check(2, 34_200, None, today).unwrap_err();
    assert_eq!(
        paths(&r),
        [("account".into(), IssueCode::PayoutAccountMissing)]
    );
    let empty = PaymentForm::default()
        .check(2, 34_200, on_record, today)
        .unwrap_err();
    assert_eq!(empty.issues[0].code, IssueCode::Required);
}

fn payment(
    n: u32,
    paid_on: &str,
    amount_ore: i64,
    repaid_ore: i64,
) -> frist_domain::frikort::Payment {
    frist_domain::frikort::Payment {
        n,
        paid_on: d(paid_on),
        amount_ore,
        account: "86011117947".into(),
        lines: 2,
        repaid_ore,
        repayment_reason: None,
    }
}

#[test]
fn fk_7_fk_6_a_repayment_is_at_most_what_is_left_of_its_payment_and_not_time_barred() {
    use frist_domain::frikort::RepaymentForm;
    let form = |payment: &str, amount: &str, reason: &str| RepaymentForm {
        payment: payment.into(),
        amount: amount.into(),
        cause: "hf_error".into(),
        reason: reason.into(),
    };
    let payments = [
        payment(1, "2026-03-20", 34_200, 17_100),
        payment(2, "2026-04-10", 17_100, 0),
    ];
    // Empty names the latest payment.
    assert_eq!(
        form("", "100", "Feil beløp").check(&payments, d("2026-04-20")),
        Ok((2, 10_000))
    );
    // 171,01 kr is one øre more than is left of payment 1.
    let r = form("1", "171,01", " ")
        .check(&payments, d("2026-04-20"))
        .unwrap_err();
    assert_eq!(
        paths(&r),
        [
            ("amount".into(), IssueCode::NumberOutOfRange),
            ("reason".into(), IssueCode::Required)
        ]
    );
    assert_eq!(
        paths(
            &form("3", "100", "x")
                .check(&payments, d("2026-04-20"))
                .unwrap_err()
        ),
        [("payment".into(), IssueCode::NotOneOf)]
    );
    // FK-6: three years after payment 1, Helfo's claim on it is barred;
    // payment 2 is still in time.
    let r = form("1", "100", "Feil beløp")
        .check(&payments, d("2029-03-21"))
        .unwrap_err();
    assert_eq!(paths(&r), [(String::new(), IssueCode::TimeBarred)]);
    assert!(
        form("2", "100", "Feil beløp")
            .check(&payments, d("2029-03-21"))
            .is_ok()
    );
}

/// FK-7: «HF plikter ikke å betale tilbake refusjon som skyldes uriktig
/// informasjon fra HELFO».
#[test]
fn fk_7_no_repayment_when_helfos_wrong_information_caused_the_advance() {
    use frist_domain::frikort::RepaymentForm;
    let payments = [payment(1, "2026-03-20", 34_200, 0)];
    let form = |cause: &str| RepaymentForm {
        payment: "1".into(),
        amount: "171".into(),
        cause: cause.into(),
        reason: "Pasienten hadde ikke frikort".into(),
    };
    assert_eq!(
        form("hf_error").check(&payments, d("2026-04-01")),
        Ok((1, 17_100))
    );
    let r = form("helfo_information")
        .check(&payments, d("2026-04-01"))
        .unwrap_err();
    assert_eq!(paths(&r), [("cause".into(), IssueCode::RepaymentNotOwed)]);
    let r = form("").check(&payments, d("2026-04-01")).unwrap_err();
    assert_eq!(paths(&r), [("cause".into(), IssueCode::Required)]);
}
