//! Issue 25: what an ID token must say before frist lets its person in,
//! and how an administrator's link is checked and stored.

use frist_domain::IssueCode;
use frist_domain::ids::FnrContext;
use frist_domain::oidc::*;

fn claims() -> IdClaims {
    IdClaims {
        iss: "https://helseid-sts.test.nhn.no".into(),
        aud: vec!["frist".into()],
        exp: Some(1_000_300),
        iat: Some(1_000_000),
        nonce: Some("n-1".into()),
        sub: Some("s-1".into()),
        hpr: Some("9144889".into()),
        security_level: Some("4".into()),
        ..IdClaims::default()
    }
}

fn expect() -> Expect<'static> {
    Expect {
        provider: Provider::Helseid,
        issuer: "https://helseid-sts.test.nhn.no",
        client_id: "frist",
        nonce: "n-1",
        level: "4",
        now_s: 1_000_010,
    }
}

#[test]
fn a_good_token_passes_and_names_its_person_strongest_first() {
    assert_eq!(claims().check(&expect()), Ok(()));
    let ids = claims().identities(Provider::Helseid);
    assert_eq!(ids[0], (LinkKind::Hpr, "009144889".into()));
    assert_eq!(ids[1], (LinkKind::Sub, "s-1".into()));
}

#[test]
fn each_claim_has_its_own_refusal() {
    type Change = Box<dyn Fn(&mut IdClaims)>;
    let cases: Vec<(Change, Refusal)> = vec![
        (Box::new(|c| c.iss = "https://evil".into()), Refusal::Issuer),
        (
            Box::new(|c| c.aud = vec!["other".into()]),
            Refusal::Audience,
        ),
        (
            Box::new(|c| c.aud = vec!["frist".into(), "other".into()]),
            Refusal::Audience,
        ),
        (
            Box::new(|c| c.exp = Some(1_000_010 - CLOCK_SKEW_S - 1)),
            Refusal::Expired,
        ),
        (Box::new(|c| c.exp = None), Refusal::Expired),
        (
            Box::new(|c| c.iat = Some(1_000_010 + CLOCK_SKEW_S + 5)),
            Refusal::IssuedAt,
        ),
        (
            Box::new(|c| c.iat = Some(1_000_010 - MAX_TOKEN_AGE_S - CLOCK_SKEW_S - 1)),
            Refusal::IssuedAt,
        ),
        (Box::new(|c| c.nonce = Some("n-2".into())), Refusal::Nonce),
        (Box::new(|c| c.nonce = None), Refusal::Nonce),
        (
            Box::new(|c| c.security_level = Some("3".into())),
            Refusal::Level,
        ),
        (Box::new(|c| c.security_level = None), Refusal::Level),
    ];
    for (change, refusal) in cases {
        let mut c = claims();
        change(&mut c);
        assert_eq!(c.check(&expect()), Err(refusal), "{c:?}");
    }
    let mut several = claims();
    several.aud = vec!["frist".into(), "other".into()];
    several.azp = Some("frist".into());
    assert_eq!(several.check(&expect()), Ok(()));
}

#[test]
fn id_porten_levels_are_ranked_and_substantial_is_below_high() {
    let p = Provider::Idporten;
    let mut c = claims();
    c.security_level = None;
    c.acr = Some("idporten-loa-substantial".into());
    let e = Expect {
        provider: p,
        level: "idporten-loa-high",
        ..expect()
    };
    assert_eq!(c.check(&e), Err(Refusal::Level));
    c.acr = Some("idporten-loa-high".into());
    assert_eq!(c.check(&e), Ok(()));
    let low_ok = Expect {
        level: "idporten-loa-substantial",
        ..e
    };
    c.acr = Some("idporten-loa-substantial".into());
    assert_eq!(c.check(&low_ok), Ok(()));
    c.pid = Some("15838540063".into());
    assert_eq!(c.identities(p)[0], (LinkKind::Pid, "15838540063".into()));
}

#[test]
fn claims_parse_from_either_shape() {
    let c: IdClaims = serde_json::from_str(
        r#"{"iss":"i","aud":"frist","helseid://claims/hpr/hpr_number":9144889,
            "helseid://claims/identity/security_level":"4"}"#,
    )
    .unwrap();
    assert_eq!(c.aud, vec!["frist".to_owned()]);
    assert_eq!(c.hpr.as_deref(), Some("9144889"));
    assert_eq!(c.security_level.as_deref(), Some("4"));
}

#[test]
fn a_link_is_checked_and_stored_in_one_form() {
    let ctx = FnrContext {
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
        allow_synthetic: true,
    };
    let link = |p: &str, k: &str, v: &str| NewIdentityLink {
        provider: p.into(),
        kind: k.into(),
        value: v.into(),
    };
    assert_eq!(
        link("helseid", "hpr", "9144889").check(&ctx),
        Ok((Provider::Helseid, LinkKind::Hpr, "009144889".into()))
    );
    assert_eq!(
        link("idporten", "pid", "158385 40063").check(&ctx),
        Ok((Provider::Idporten, LinkKind::Pid, "15838540063".into()))
    );
    let codes = |l: NewIdentityLink| -> Vec<(String, IssueCode)> {
        l.check(&ctx)
            .unwrap_err()
            .issues
            .iter()
            .map(|i| (i.path.clone(), i.code))
            .collect()
    };
    assert_eq!(
        codes(link("idporten", "hpr", "9144889")),
        [("kind".into(), IssueCode::NotOneOf)]
    );
    assert_eq!(
        codes(link("feide", "sub", "x")),
        [("provider".into(), IssueCode::NotOneOf)]
    );
    assert_eq!(
        codes(link("idporten", "pid", "15838540064")),
        [("value".into(), IssueCode::IdBadCheckDigit)]
    );
    assert_eq!(
        codes(link("helseid", "sub", " ")),
        [("value".into(), IssueCode::Required)]
    );
    let real_only = FnrContext {
        allow_synthetic: false,
        ..ctx
    };
    assert!(
        link("idporten", "pid", "15838540063")
            .check(&real_only)
            .is_err()
    );
    assert_eq!(shown_value(LinkKind::Pid, "15838540063"), "158385 *****");
}

#[test]
fn a_jws_must_have_three_parts_and_an_accepted_algorithm() {
    let decode = |s: &str| Some(s.as_bytes().to_vec());
    let ok = split_jws(r#"{"alg":"ES256","kid":"k"}.p.s"#, decode).unwrap();
    assert_eq!(ok.header.kid.as_deref(), Some("k"));
    assert_eq!(ok.signing_input, r#"{"alg":"ES256","kid":"k"}.p"#);
    for bad in [
        r#"{"alg":"none"}.p.s"#,
        r#"{"alg":"HS256"}.p.s"#,
        r#"{"alg":"ES256"}.p."#,
        r#"{"alg":"ES256"}.p"#,
        r#"{"alg":"ES256"}.p.s.x"#,
        "garbage",
    ] {
        assert_eq!(
            split_jws(bad, decode).err(),
            Some(Refusal::Malformed),
            "{bad}"
        );
    }
}
