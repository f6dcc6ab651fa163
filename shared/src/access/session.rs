//! The session clock: idle and absolute lifetimes (ASVS 7.3).

use serde::{Deserialize, Serialize};

/// How long a session lives: it ends after `idle_ms` without a request, and
/// after `absolute_ms` whatever happens (ASVS 7.3.1, 7.3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionPolicy {
    /// How long a session lives without a request, in milliseconds.
    pub idle_ms: i64,
    /// How long a session lives at most, in milliseconds.
    pub absolute_ms: i64,
}

impl SessionPolicy {
    /// 30 minutes idle, 10 hours in all: one working day.
    pub const DEFAULT: SessionPolicy = SessionPolicy {
        idle_ms: 30 * 60 * 1000,
        absolute_ms: 10 * 60 * 60 * 1000,
    };

    /// The state of a session created at `created` and last used at
    /// `last_seen`, at `now`.
    pub fn status(&self, created: i64, last_seen: i64, now: i64) -> SessionStatus {
        let absolute_end = created.saturating_add(self.absolute_ms);
        let idle_end = last_seen.saturating_add(self.idle_ms);
        if now >= absolute_end {
            SessionStatus::Expired(ExpiryReason::Absolute)
        } else if now >= idle_end {
            SessionStatus::Expired(ExpiryReason::Idle)
        } else {
            SessionStatus::Active {
                expires_at: idle_end.min(absolute_end),
            }
        }
    }

    /// When a session used at `now` expires if nothing more happens.
    pub fn expires_at(&self, created: i64, now: i64) -> i64 {
        now.saturating_add(self.idle_ms)
            .min(created.saturating_add(self.absolute_ms))
    }
}

/// Whether a session may still be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStatus {
    /// Usable until `expires_at` (Unix ms) unless used again.
    Active {
        /// When it ends unless used again (Unix ms).
        expires_at: i64,
    },
    /// Ended, and why.
    Expired(ExpiryReason),
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum ExpiryReason {
    /// Unused for longer than the idle time.
    Idle,
    /// Older than the absolute time.
    Absolute,
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;

    #[test]
    fn sessions_end_after_idle_time_and_after_absolute_time() {
        let p = SessionPolicy::DEFAULT;
        let t0 = 1_790_000_000_000;
        assert_eq!(
            p.status(t0, t0 + 10 * MIN, t0 + 39 * MIN),
            SessionStatus::Active {
                expires_at: t0 + 40 * MIN
            }
        );
        assert_eq!(
            p.status(t0, t0 + 10 * MIN, t0 + 40 * MIN),
            SessionStatus::Expired(ExpiryReason::Idle)
        );
        // Kept busy all day, it still ends after ten hours.
        let busy = t0 + 10 * 60 * MIN - 1;
        assert_eq!(
            p.status(t0, busy, busy),
            SessionStatus::Active {
                expires_at: t0 + 10 * 60 * MIN
            }
        );
        assert_eq!(
            p.status(t0, busy, busy + 1),
            SessionStatus::Expired(ExpiryReason::Absolute)
        );
    }
}
