//! The stored password hash (PBKDF2-HMAC-SHA256).

/// A stored password hash: PBKDF2-HMAC-SHA256 with a random salt, written
/// `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>`. The edge computes it
/// with WebCrypto (whose Workers implementation allows at most
/// [`PBKDF2_ITERATIONS`] iterations); the CLI computes the very same value
/// natively for seed data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordHash {
    /// PBKDF2 iterations, at most [`PBKDF2_ITERATIONS`].
    pub iterations: u32,
    /// The random salt.
    pub salt: Vec<u8>,
    /// The derived key, [`HASH_LEN`] bytes.
    pub hash: Vec<u8>,
}

/// PBKDF2 iterations: the most Cloudflare Workers' WebCrypto accepts.
pub const PBKDF2_ITERATIONS: u32 = 100_000;
/// Salt length in bytes.
pub const SALT_LEN: usize = 16;
/// Derived key length in bytes.
pub const HASH_LEN: usize = 32;

impl PasswordHash {
    /// Reads the stored form; `None` if it is not one frist wrote.
    pub fn parse(stored: &str) -> Option<PasswordHash> {
        let mut parts = stored.split('$');
        let (Some("pbkdf2-sha256"), Some(iter), Some(salt), Some(hash), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return None;
        };
        let iterations = iter
            .parse()
            .ok()
            .filter(|n| (1..=PBKDF2_ITERATIONS).contains(n))?;
        Some(PasswordHash {
            iterations,
            salt: from_hex(salt)?,
            hash: from_hex(hash).filter(|h| h.len() == HASH_LEN)?,
        })
    }
}

impl std::fmt::Display for PasswordHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "pbkdf2-sha256${}$", self.iterations)?;
        for b in &self.salt {
            write!(f, "{b:02x}")?;
        }
        f.write_str("$")?;
        for b in &self.hash {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

/// Bytes from lower- or upper-case hex; `None` when empty, odd or not hex.
fn from_hex(text: &str) -> Option<Vec<u8>> {
    if text.is_empty() || !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_hashes_round_trip_and_refuse_other_formats() {
        let h = PasswordHash {
            iterations: PBKDF2_ITERATIONS,
            salt: vec![0xab; SALT_LEN],
            hash: vec![0x01; HASH_LEN],
        };
        let text = h.to_string();
        assert!(text.starts_with("pbkdf2-sha256$100000$abab"));
        assert_eq!(PasswordHash::parse(&text), Some(h));
        assert_eq!(PasswordHash::parse("bcrypt$10$x$y"), None);
        assert_eq!(PasswordHash::parse("pbkdf2-sha256$100001$ab$01"), None);
        assert_eq!(PasswordHash::parse("pbkdf2-sha256$1000$zz$01"), None);
    }
}
