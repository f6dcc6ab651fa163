//! The `frist frikort submit` command against the server: it sends a file
//! with an API token and resumes the same claim.

use super::*;

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
