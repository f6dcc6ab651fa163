//! The login throttle: failed logins per account and per client.

use serde::{Deserialize, Serialize};

/// Failed logins allowed before the account or the client must wait
/// (ASVS 2.4.1 anti-automation; NIST 800-63B §5.2.2 allows up to 100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginThrottle {
    /// Failures per account within the window before it is locked.
    pub per_account: u32,
    /// Failures per client within the window before it is locked.
    pub per_client: u32,
    /// The window, in milliseconds.
    pub window_ms: i64,
}

impl LoginThrottle {
    /// 5 per account and 20 per client in 15 minutes.
    pub const DEFAULT: LoginThrottle = LoginThrottle {
        per_account: 5,
        per_client: 20,
        window_ms: 15 * 60 * 1000,
    };

    /// Whether a login may be tried, given the failures within the window
    /// (for the account and for the client) and the oldest of each.
    pub fn verdict(&self, account: Failures, client: Failures, now: i64) -> Throttle {
        let wait = |f: Failures, limit: u32| {
            (f.count >= limit).then(|| (f.oldest.saturating_add(self.window_ms) - now).max(1000))
        };
        match (
            wait(account, self.per_account),
            wait(client, self.per_client),
        ) {
            (None, None) => Throttle::Allowed,
            (a, c) => Throttle::Locked {
                retry_after_ms: a.unwrap_or(0).max(c.unwrap_or(0)),
            },
        }
    }
}

/// Failed logins within the window: how many, and when the oldest was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Failures {
    /// How many failed.
    pub count: u32,
    /// When the oldest of them was (Unix ms).
    pub oldest: i64,
}

/// Whether a login attempt is let through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Throttle {
    /// The attempt may go ahead.
    Allowed,
    /// Refused until the window has room again.
    Locked {
        /// Milliseconds until a new attempt is let through.
        retry_after_ms: i64,
    },
}

/// Minutes to wait, rounded up, for a message to the user.
pub fn minutes_to_wait(retry_after_ms: i64) -> i64 {
    (retry_after_ms.max(0) + 59_999) / 60_000
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;

    #[test]
    fn the_throttle_locks_an_account_after_five_failures_for_the_rest_of_the_window() {
        let t = LoginThrottle::DEFAULT;
        let now = 1_790_000_000_000;
        let four = Failures {
            count: 4,
            oldest: now - 5 * MIN,
        };
        assert_eq!(t.verdict(four, four, now), Throttle::Allowed);
        let five = Failures { count: 5, ..four };
        assert_eq!(
            t.verdict(five, five, now),
            Throttle::Locked {
                retry_after_ms: 10 * MIN
            }
        );
        assert_eq!(minutes_to_wait(10 * MIN), 10);
        assert_eq!(minutes_to_wait(10 * MIN + 1), 11);
        // The client limit is separate and higher.
        let client = Failures {
            count: 20,
            oldest: now - 14 * MIN,
        };
        assert_eq!(
            t.verdict(Failures::default(), client, now),
            Throttle::Locked {
                retry_after_ms: MIN
            }
        );
    }
}
