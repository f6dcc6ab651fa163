//! `docs/api.md`, written from the route table.

use super::{Access, Content, ROUTES, SMALL_BODY};

/// Who may call, in words, for `docs/api.md`.
fn access_words(access: Access) -> String {
    match access {
        Access::Public => "anyone".into(),
        Access::AnyRole => "any role".into(),
        Access::Roles(roles) => roles
            .iter()
            .map(|r| format!("`{}`", r.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// `docs/api.md`: every route of [`ROUTES`] in order, with who may call it,
/// what it requires and what it does. `shared/tests/api_doc.rs` fails when
/// the file differs (`make docs` writes it).
pub fn api_markdown() -> String {
    let mut out = String::from(
        "# The API (`/api/v1`)\n\n\
         <!-- generated from shared/src/api/routes.rs (ROUTES) by `make docs`; \
         shared/tests/api_doc.rs fails when this file is stale -->\n\n\
         Every route with who may call it (the edge refuses anyone else with 403, \
         and answers 404 for another organisation's object), what it requires, and \
         what it does. Errors are `application/problem+json` with field issues.\n\n\
         | route | who | requires | what |\n|---|---|---|---|\n",
    );
    for r in ROUTES {
        let mut needs = Vec::new();
        if r.creates {
            needs.push("`Idempotency-Key`".to_owned());
        }
        if r.conditional {
            needs.push("`If-Match`".to_owned());
        }
        if r.content == Content::Pdf {
            needs.push("`application/pdf`".to_owned());
        }
        if r.max_body != SMALL_BODY && r.method != "GET" {
            needs.push(format!("body ≤ {} KB", r.max_body / 1024));
        }
        if r.local_only {
            needs.push("local mode only".to_owned());
        }
        let needs = if needs.is_empty() {
            "–".to_owned()
        } else {
            needs.join(", ")
        };
        out.push_str(&format!(
            "| `{} {}` | {} | {} | {} |\n",
            r.method,
            r.path,
            access_words(r.access),
            needs,
            r.id.summary().replace('|', "\\|"),
        ));
    }
    out
}
