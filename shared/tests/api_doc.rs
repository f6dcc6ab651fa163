//! `docs/api.md` is generated from the route table (`frist_domain::api`
//! `ROUTES` and `RouteId::summary`), so the API's documentation cannot
//! drift from the routes the edge serves: this test fails when the file
//! differs. `make docs` (or `FRIST_WRITE_DOCS=1` on this test) writes it.
#![cfg(not(target_arch = "wasm32"))] // reads the repository's files

use std::path::Path;

#[test]
fn docs_api_md_is_the_route_table() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/api.md");
    let want = frist_domain::api::api_markdown();
    if std::env::var_os("FRIST_WRITE_DOCS").is_some() {
        std::fs::write(&path, &want).expect("docs/ is writable");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/api.md is stale: run `make docs` to write it from the route table"
    );
    // Every route is in it, once.
    for r in frist_domain::api::ROUTES {
        let row = format!("| `{} {}` |", r.method, r.path);
        assert_eq!(have.matches(&row).count(), 1, "{row}");
    }
}
