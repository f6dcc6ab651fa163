//! `frist fristbrudd` and `frist fastlege`: a case's deadlines across Easter
//! (FB-4, FB-5, FB-11), the queue order and bad lines (FB-3), the notice's last
//! working day (FL-1) and a message's timing as JSON (FL-5, FL-6).

use super::*;

/// FB-4, FB-5, FB-11 on the command line: Easter 2026 (2, 3 and 6 April).
#[test]
fn fb_4_5_11_fristbrudd_deadlines_across_easter() {
    let (code, out, _) = frist(
        &[
            "fristbrudd",
            "deadlines",
            "--taken-up",
            "2026-04-01",
            "--letter-sent",
            "2026-03-30",
            "--notified",
            "2026-04-01",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        r#"{"contact_by":"2026-04-07","reply_by":"2026-04-16","service_limit":"2026-04-20"}"#
    );
    let (_, out, _) = frist(
        &["fristbrudd", "deadlines", "--taken-up", "2026-03-27"],
        None,
    );
    assert_eq!(
        out.trim(),
        r#"{"contact_by":"2026-03-30","reply_by":null,"service_limit":null}"#
    );
}

/// FB-3 on the command line: confirmed urgent first, then fristdato, then notice time.
#[test]
fn fb_3_fristbrudd_queue_order_and_bad_lines() {
    let input = concat!(
        r#"{"id":"late","fristdato":"2026-05-01","urgent":false,"notified_at":1}"#,
        "\n",
        r#"{"id":"b","fristdato":"2026-04-01","notified_at":"2026-03-02T08:00:00Z"}"#,
        "\n",
        r#"{"id":"urgent","fristdato":"2026-06-01","urgent":true,"notified_at":9}"#,
        "\n",
        r#"{"id":"a","fristdato":"2026-04-01","notified_at":"2026-03-01T08:00:00Z"}"#,
        "\n",
    );
    let (code, out, _) = frist(&["fristbrudd", "queue", "-"], Some(input));
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        ["urgent", "a", "b", "late"]
    );
    let (code, out, err) = frist(&["fristbrudd", "queue", "-"], Some("{\"id\":\"x\"}\n"));
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("line 1"), "{err}");
}

/// FL-1 on the command line: the seed's notice of 7 October 2022.
#[test]
fn fl_1_fastlege_notice_prints_the_last_working_day() {
    let (code, out, _) = frist(&["fastlege", "notice", "--notice-date", "2022-10-07"], None);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "2023-04-30");
    let (_, out, _) = frist(
        &[
            "fastlege",
            "notice",
            "--notice-date",
            "2026-08-15",
            "--months",
            "3",
        ],
        None,
    );
    assert_eq!(out.trim(), "2026-11-30");
}

/// FL-4/5/6/7 on the command line: class II at the seed's boundary, across
/// Easter 2023.
#[test]
fn fl_5_6_fastlege_timing_as_json() {
    let (code, out, _) = frist(
        &[
            "fastlege",
            "timing",
            "--sent",
            "2023-04-13",
            "--termination",
            "2023-04-30",
            "--start",
            "2023-05-01",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        r#"{"expected_registration":"2023-04-17","class":"II","visible_month_before":false,"chase_from":"2023-03-31"}"#
    );
    let (_, out, _) = frist(
        &[
            "fastlege",
            "timing",
            "--sent",
            "2023-04-12",
            "--termination",
            "2023-04-30",
        ],
        None,
    );
    assert_eq!(
        out.trim(),
        r#"{"expected_registration":"2023-04-14","class":"I","visible_month_before":null,"chase_from":"2023-03-31"}"#
    );
}
