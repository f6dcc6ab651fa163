//! How frist's e-mails are delivered (issue 26). The
//! outbox table is the durable queue; the edge claims a row, hands it to
//! Cloudflare's `send_email` binding and marks it. The rules here decide
//! what a failure leads to, so the edge holds no policy of its own.
//!
//! - **Claimed first.** A row is claimed before it is sent, and only a claimed row
//!   is marked sent: a row goes to the binding at most once per claim, and a
//!   row is claimed from `queued` only.
//! - **Retried, then failed.** A failed send is tried again after 1, 5, 15, 60 and 240
//!   minutes; the sixth failure marks it `failed`, for an administrator to
//!   see (with the reason) and send again.
//! - **Cut off mid-send.** A claim older than [`STALE_CLAIM_MS`] (the worker was cut
//!   off mid-send) is never sent again by itself — whether it went out is
//!   unknown — but marked `uncertain`, for an administrator to check and
//!   send again if it did not arrive. Nothing is sent twice by frist, and
//!   nothing is silently lost.

use serde::{Deserialize, Serialize};

/// Where an outbox row stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum MailState {
    /// Waiting to be sent (first time or again after a failure).
    Queued,
    /// Claimed by a sender, being handed to the binding now.
    Sending,
    /// Handed to the mail service.
    Sent,
    /// Given up after [`MAX_ATTEMPTS`].
    Failed,
    /// A sender was cut off mid-send; it may or may not have gone out.
    Uncertain,
}

impl MailState {
    /// The state's name, as stored.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The state of a stored name.
    pub fn parse(s: &str) -> Option<MailState> {
        Some(match s {
            "queued" => MailState::Queued,
            "sending" => MailState::Sending,
            "sent" => MailState::Sent,
            "failed" => MailState::Failed,
            "uncertain" => MailState::Uncertain,
            _ => return None,
        })
    }

    /// Failed or uncertain: an administrator may send these again.
    pub fn can_resend(self) -> bool {
        matches!(self, MailState::Failed | MailState::Uncertain)
    }
}

/// Sends tried before a row is marked failed.
pub const MAX_ATTEMPTS: u32 = 6;

/// The wait after the n-th failure (n = 1 … 5), in minutes.
const BACKOFF_MINUTES: [i64; 5] = [1, 5, 15, 60, 240];

/// How long a claim may stand before the send is taken as cut off.
/// Far longer than a send takes (a second), shorter than an administrator
/// would wait.
pub const STALE_CLAIM_MS: i64 = 10 * 60_000;

/// Why a row is uncertain, as the administrator reads it (both languages).
pub const CUT_OFF_REASON: &str = "Sendingen ble avbrutt; uvisst om e-posten kom fram. \
                                  / Sending was cut off; unknown whether it arrived.";

/// What a failed send leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Queued again, due at this Unix millisecond.
    RetryAt(i64),
    /// Marked failed.
    GiveUp,
}

/// After the `attempts`-th send of a row failed at `now_ms`.
pub fn after_failure(attempts: u32, now_ms: i64) -> AfterFailure {
    if attempts >= MAX_ATTEMPTS {
        return AfterFailure::GiveUp;
    }
    let i = (attempts.max(1) - 1) as usize;
    let minutes = BACKOFF_MINUTES[i.min(BACKOFF_MINUTES.len() - 1)];
    AfterFailure::RetryAt(now_ms + minutes * 60_000)
}

/// What an e-mail is about, for the administrator's delivery list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum MailKind {
    /// FB-9: Helfo updated a fristbrudd case.
    FbUpdate,
    /// FL-7: Helfo asks the municipality about an agreement that ends.
    FlChase,
}

impl MailKind {
    /// The kind's name, as stored.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// One row of the administrator's delivery list: who, what about, where it
/// stands — never the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    /// The message's id.
    pub id: String,
    /// When it was queued (RFC 3339).
    pub created_at: String,
    /// What the e-mail is about.
    pub kind: MailKind,
    /// The recipient's work address.
    pub to: String,
    /// The subject names a case or message number only.
    pub subject: String,
    /// Where it is in the outbox.
    pub state: MailState,
    /// Sending attempts so far.
    pub attempts: u32,
    /// The binding's last refusal, if any.
    pub last_error: Option<String>,
    /// When it was sent (RFC 3339).
    pub sent_at: Option<String>,
    /// When it is tried next (queued after a failure).
    pub next_attempt_at: Option<String>,
}

/// What one run of the sender did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendRun {
    /// Messages sent.
    pub sent: u32,
    /// Messages waiting to be tried again.
    pub retrying: u32,
    /// Messages given up on.
    pub failed: u32,
    /// Claims found cut off and marked uncertain.
    pub uncertain: u32,
}

/// The footer every e-mail ends with: what it is and that it holds no
/// health information.
const FOOTER: &str = "Denne e-posten er sendt automatisk fra frist og inneholder ingen \
                      helseopplysninger. Du må logge inn for å se saken.\n\n\
                      This e-mail was sent automatically by frist and holds no health \
                      information. You must sign in to see the case.";

/// FB-9: the e-mail to the notifier when Helfo updates a case. It names the
/// case number and links to the case (which asks the reader to sign in) —
/// no name, no fødselsnummer, no health data.
pub fn fb_update(number: &str, link: &str) -> (String, String) {
    (
        format!("frist: sak {number} er oppdatert"),
        format!("Saken {number} er oppdatert i frist.\n\nÅpne saken: {link}\n\n{FOOTER}"),
    )
}

/// FL-7: Helfo asks the municipality's contact person about an agreement
/// that ends (or has ended) with no new GP or vacant list reported. It names
/// the termination message's number and the agreement's last day only.
pub fn fl_chase(number: &str, last_day: &str, link: &str) -> (String, String) {
    (
        format!("frist: Helfo etterspør oppfølging av {number}"),
        format!(
            "Fastlegeavtalen i melding {number} opphører {last_day}, og Helfo har ikke \
             fått melding om ny fastlege eller ledig liste. Send meldingen i frist så \
             snart som mulig.\n\nÅpne meldingen: {link}\n\n{FOOTER}"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_then_gives_up() {
        let at = |n| match after_failure(n, 0) {
            AfterFailure::RetryAt(ms) => ms / 60_000,
            AfterFailure::GiveUp => -1,
        };
        assert_eq!([at(1), at(2), at(3), at(4), at(5)], [1, 5, 15, 60, 240]);
        assert_eq!(at(6), -1);
        assert_eq!(at(7), -1);
    }

    #[test]
    fn states_read_back() {
        for s in [
            MailState::Queued,
            MailState::Sending,
            MailState::Sent,
            MailState::Failed,
            MailState::Uncertain,
        ] {
            assert_eq!(MailState::parse(s.as_str()), Some(s));
        }
        assert_eq!(MailState::parse("lost"), None);
        assert!(MailState::Failed.can_resend() && MailState::Uncertain.can_resend());
        assert!(!MailState::Sent.can_resend() && !MailState::Queued.can_resend());
    }
}
