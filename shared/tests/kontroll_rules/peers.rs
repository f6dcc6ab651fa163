//! CTRL-9, a doctor against synthetic peers: an outlier is flagged and
//! nobody else, new doctors see the takster their peers use, and a doctor with
//! bills of unknown refund is left out rather than compared on zeros.

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn ctrl_9_an_outlier_among_synthetic_peers_is_flagged_and_nobody_else() {
    // 24 peers between 2.00 and 2.46 kr per listed patient, one at 6.00.
    let mut peers: Vec<Aggregate> = (0..24)
        .map(|i| Aggregate {
            hpr: String::new(),
            refund_ore: 200_000 + i * 2_000,
            listed: 1_000,
            own: false,
        })
        .collect();
    peers.push(Aggregate {
        hpr: "5612347".into(),
        refund_ore: 600_000,
        listed: 1_000,
        own: true,
    });
    // One high but ordinary doctor: 2.60.
    peers.push(Aggregate {
        hpr: "9144889".into(),
        refund_ore: 260_000,
        listed: 1_000,
        own: true,
    });
    let dist = peer_distribution(&peers, 3.0);
    assert!(dist.enough_peers);
    assert_eq!(dist.outliers(), vec!["5612347"]);
    assert!((dist.median - 2.25).abs() < 0.02, "{}", dist.median);
    // A smaller k flags more; fewer than five peers flag nobody.
    assert!(
        peer_distribution(&peers, 0.5)
            .points
            .iter()
            .filter(|p| p.outlier)
            .count()
            > 1
    );
    assert!(!peer_distribution(&peers[22..], 3.0).enough_peers);
    assert!(
        peer_distribution(&peers[22..], 3.0)
            .points
            .iter()
            .all(|p| !p.outlier)
    );
    // No listed patients: nothing to divide by, left out.
    let none = [Aggregate {
        hpr: "1".into(),
        refund_ore: 5,
        listed: 0,
        own: true,
    }];
    assert!(peer_distribution(&none, 3.0).points.is_empty());
}

#[test]
fn ctrl_9_new_doctors_see_the_takster_their_peers_use_and_they_do_not() {
    let map = |pairs: &[(&str, u64)]| {
        pairs
            .iter()
            .map(|(c, n)| ((*c).to_owned(), *n))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let a = map(&[("2ad", 40), ("2cd", 10), ("701a", 8), ("1bd", 3)]);
    let b = map(&[("2ad", 35), ("2cd", 12), ("701a", 2)]);
    let c = map(&[("2ad", 50), ("2cd", 1), ("2dd", 4)]);
    let new = map(&[("2ad", 30), ("1ad", 5)]);
    assert_eq!(missing_takster(&new, &[&a, &b, &c]), vec!["2cd", "701a"]);
}

/// CTRL-9 compares refunds; a bill whose refund is unknown (no amount in the
/// file, none in the tariff year: 2024–25 has none) must not count as zero.
#[test]
fn ctrl_9_a_doctor_with_bills_of_unknown_refund_is_left_out_not_compared_on_zeros() {
    let (doctors, _) = read_doctors(DOCTORS.as_bytes()).unwrap();
    let rows = read_bills(
        "hpr,pasient,dato,klokkeslett,takster,belop
9144889,15038510190,10.10.2024,10:00,2ad,
9144888,01019010046,10.10.2024,11:00,2ad,\"250,00\"
"
        .as_bytes(),
        &fnr(),
    )
    .unwrap();
    let r = check_batch(
        &rows,
        &BatchContext {
            doctors: &doctors,
            tariffs: Tariffs::builtin(),
            forced_year: None,
            sent: d(2024, 11, 1),
        },
    );
    let unknown = r.doctors.iter().find(|s| s.hpr == "9144889").unwrap();
    assert_eq!(
        (unknown.months[0].unpriced, unknown.months[0].refund_ore),
        (1, 0)
    );
    let priced = r.doctors.iter().find(|s| s.hpr == "9144888").unwrap();
    assert_eq!(
        (priced.months[0].unpriced, priced.months[0].refund_ore),
        (0, 25_000)
    );
    let upload = r.month_upload("2024-10");
    let hprs: Vec<String> = upload.doctors.iter().map(|d| d.hpr.to_string()).collect();
    assert_eq!(hprs, ["9144888"]);
}
