//! Amounts in NOK as people type them, held in øre, and øre as people read
//! them.

/// An amount in NOK as typed (`171`, `171,00`, `1 234.50`) in øre; `None`
/// unless it is a positive amount with at most two decimals.
#[inline]
pub fn parse_amount(text: &str) -> Option<i64> {
    // One pass over bytes, no allocation: a claim check reads an amount per
    // line. Beyond ASCII only whitespace (a no-break space between
    // thousands) can belong in an amount; such text is read as ASCII with
    // spaces in its place.
    if !text.is_ascii() {
        return amount_beyond_ascii(text);
    }
    // ASCII's whitespace, as `char::is_whitespace` has it.
    let space = |c: &u8| matches!(c, b'\t'..=b'\r' | b' ');
    let mut t = text.as_bytes();
    while let [first, rest @ ..] = t
        && space(first)
    {
        t = rest;
    }
    while let [rest @ .., last] = t
        && space(last)
    {
        t = rest;
    }
    while let Some(rest) = t.strip_prefix(b"kr") {
        t = rest;
    }
    let (mut kr, mut whole_digits) = (0i64, 0);
    let (mut ore, mut ore_digits) = (0i64, 0);
    let mut after_separator = false;
    for c in t {
        match c {
            b'0'..=b'9' => {
                let digit = i64::from(c - b'0');
                if !after_separator && whole_digits < 9 {
                    kr = kr * 10 + digit;
                    whole_digits += 1;
                } else if after_separator && ore_digits < 2 {
                    ore = ore * 10 + digit;
                    ore_digits += 1;
                } else {
                    return None;
                }
            }
            b',' | b'.' if !after_separator => after_separator = true,
            c if space(c) => {}
            _ => return None,
        }
    }
    let ore = if ore_digits == 1 { ore * 10 } else { ore };
    let total = kr * 100 + ore;
    (whole_digits > 0 && total > 0).then_some(total)
}

/// [`parse_amount`] of text with characters beyond ASCII.
#[cold]
fn amount_beyond_ascii(text: &str) -> Option<i64> {
    let plain: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if plain.is_ascii() {
        parse_amount(&plain)
    } else {
        None
    }
}

/// Øre as people read it: `1 234,50 kr`.
pub fn format_ore(ore: i64) -> String {
    let kr = ore / 100;
    let digits = kr.abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    let sign = if ore < 0 { "-" } else { "" };
    format!("{sign}{grouped},{:02}\u{a0}kr", (ore % 100).abs())
}
