//! Byte tricks for the CSV reader's fast path: eight bytes at a time.

/// The longest start of `bytes` that is UTF-8.
pub(super) fn utf8_prefix(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
    }
}

/// `b` in every byte of a word.
pub(super) const fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The high bit of each byte of `x` that is zero, and no other bit (no
/// borrow runs from one byte into the next).
pub(super) const fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = splat(0x7F);
    !(((x & LOW7) + LOW7) | x | LOW7)
}
