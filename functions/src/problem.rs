//! The kinds of refusal the API answers with (RFC 9457 problem types): each
//! kind's wire name, its HTTP status and the key of its texts in
//! `texts/problems.json` (bokmål, nynorsk, English), compiled in.
//!
//! A few kinds share a wire name and differ only in text (two media types
//! refused, a claim missing chunks or only lines): clients read the wire
//! name, people read the text.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The three languages of a text, in the catalogue's order.
pub const LANGUAGES: usize = 3;

/// Index of bokmål in a catalogue entry (nynorsk is 1; the problem body
/// carries bokmål and English).
pub const NB: usize = 0;
/// Index of English in a catalogue entry.
pub const EN: usize = 2;

macro_rules! problem_kinds {
    ($($(#[$meta:meta])* $variant:ident = $key:literal, $wire:literal, $status:literal;)*) => {
        /// Why a request was refused; see the module docs.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ProblemKind { $($(#[$meta])* $variant),* }

        impl ProblemKind {
            /// Every kind, for the catalogue test.
            #[cfg(test)]
            pub const ALL: &[ProblemKind] = &[$(ProblemKind::$variant),*];

            /// The name clients read: `https://frist.example/problems/<wire>`
            /// and the problem's `title`.
            pub const fn wire(self) -> &'static str {
                match self { $(ProblemKind::$variant => $wire),* }
            }

            /// The HTTP status this kind answers with.
            pub const fn status(self) -> u16 {
                match self { $(ProblemKind::$variant => $status),* }
            }

            /// The key of this kind's texts in `texts/problems.json`.
            pub const fn key(self) -> &'static str {
                match self { $(ProblemKind::$variant => $key),* }
            }
        }
    };
}

problem_kinds! {
    /// The submission has errors, listed field by field.
    Invalid = "invalid", "invalid", 422;
    /// One query or header value is wrong.
    BadRequest = "bad_request", "bad_request", 400;
    /// No such object, or one the caller may not see.
    NotFound = "not_found", "not_found", 404;
    /// A setting or the whole request failed unexpectedly.
    Unavailable = "unavailable", "unavailable", 503;
    /// The store or a binding failed: try again.
    UnavailableRetry = "unavailable_retry", "unavailable", 503;
    /// The deployment lacks a required setting.
    Misconfigured = "misconfigured", "misconfigured", 503;
    /// A route that needs a stored idempotency record has none.
    Internal = "internal", "internal", 500;
    Unauthenticated = "unauthenticated", "unauthenticated", 401;
    SessionExpired = "session_expired", "session_expired", 401;
    TokenInvalid = "token_invalid", "token_invalid", 401;
    TokenCannotMakeTokens = "token_cannot_make_tokens", "token_cannot_make_tokens", 403;
    LoginFailed = "login_failed", "login_failed", 401;
    PasswordLoginOff = "password_login_off", "password_login_off", 403;
    /// `{minutes}` to wait.
    TooManyAttempts = "too_many_attempts", "too_many_attempts", 429;
    Forbidden = "forbidden", "forbidden", 403;
    CsrfOrigin = "csrf_origin", "csrf_origin", 403;
    MethodNotAllowed = "method_not_allowed", "method_not_allowed", 405;
    /// `{kb}`: the largest size allowed.
    BodyTooLarge = "body_too_large", "body_too_large", 413;
    UnsupportedJson = "unsupported_media_type_json", "unsupported_media_type", 415;
    UnsupportedPdf = "unsupported_media_type_pdf", "unsupported_media_type", 415;
    IfMatchRequired = "if_match_required", "if_match_required", 428;
    StaleVersion = "stale_version", "stale_version", 412;
    IdempotencyKeyRequired = "idempotency_key_required", "idempotency_key_required", 400;
    IdempotencyKeyReused = "idempotency_key_reused", "idempotency_key_reused", 422;
    TransitionNotAllowed = "transition_not_allowed", "transition_not_allowed", 409;
    AlreadyRegistered = "already_registered", "already_registered", 409;
    /// `{state}`: the claim's state, in the language of the text.
    ClaimState = "claim_state", "claim_state", 409;
    FileAlreadySent = "file_already_sent", "file_already_sent", 409;
    /// `{n}`: the chunk's number.
    ChunkDiffers = "chunk_differs", "chunk_differs", 409;
    LinesAlreadySent = "lines_already_sent", "lines_already_sent", 409;
    /// `{lines}` of `{expected}` received, `{missing}` chunks.
    ClaimIncomplete = "claim_incomplete", "claim_incomplete", 409;
    /// Every chunk is in, but `{lines}` of `{expected}` lines.
    ClaimIncompleteLines = "claim_incomplete_lines", "claim_incomplete", 409;
    MailNotResendable = "mail_not_resendable", "mail_not_resendable", 409;
    MailChanged = "mail_changed", "mail_changed", 409;
}

/// The catalogue, read once from the compiled-in file.
static TEXTS: LazyLock<HashMap<String, [String; LANGUAGES]>> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../texts/problems.json")).unwrap_or_default()
});

impl ProblemKind {
    /// This kind's text in language `lang` ([`NB`], [`NN`], [`EN`]), with
    /// each `{name}` replaced by its argument in that language.
    pub fn text(self, lang: usize, args: &[(&'static str, [String; LANGUAGES])]) -> String {
        let template = TEXTS
            .get(self.key())
            .map_or("", |texts| texts[lang].as_str());
        args.iter()
            .fold(template.to_owned(), |text, (name, values)| {
                text.replace(&format!("{{{name}}}"), &values[lang])
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_three_texts_and_english_differs() {
        for kind in ProblemKind::ALL {
            let texts = TEXTS
                .get(kind.key())
                .unwrap_or_else(|| panic!("{} has no texts", kind.key()));
            for text in texts {
                assert!(!text.trim().is_empty(), "{} has an empty text", kind.key());
            }
            assert_ne!(texts[NB], texts[EN], "{} is not translated", kind.key());
        }
        assert_eq!(TEXTS.len(), ProblemKind::ALL.len(), "a text no kind uses");
    }

    #[test]
    fn arguments_fill_their_places() {
        let n = [("n", ["3".to_owned(), "3".to_owned(), "3".to_owned()])];
        assert_eq!(
            ProblemKind::ChunkDiffers.text(EN, &n),
            "Chunk 3 of the claim was already received with other content."
        );
    }
}
