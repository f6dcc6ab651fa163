//! `frist auth verify-password`: the seed's password hashes match the
//! password the README gives.

use super::*;

/// Issue 4: every demo account in the seed has the password the README
/// gives, hashed in the edge's format (checked natively with PBKDF2).
#[test]
fn seed_password_hashes_match_the_readme_password() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../functions/seed/demo.sql"
    ))
    .unwrap();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    assert!(
        readme.contains("frist-demo-2026"),
        "README names the demo password"
    );
    let hashes: Vec<&str> = seed
        .split('\'')
        .filter(|s| s.starts_with("pbkdf2-sha256$"))
        .collect();
    assert_eq!(hashes.len(), 5, "one demo user per role");
    for h in hashes {
        let (code, out, _) = frist(&["auth", "verify-password", h], Some("frist-demo-2026\n"));
        assert_eq!((code, out.trim()), (0, "match"), "{h}");
        let (code, out, _) = frist(&["auth", "verify-password", h], Some("frist-demo-2025\n"));
        assert_eq!((code, out.trim()), (1, "no match"), "{h}");
    }
    for email in [
        "saksbehandler@helfo.example",
        "admin@helfo.example",
        "sykehus@innlandet.example",
        "kommune@lillehammer.example",
        "okonomi@helse-sorost.example",
    ] {
        assert!(
            seed.contains(email) && readme.contains(email),
            "{email} in seed and README"
        );
    }
}
