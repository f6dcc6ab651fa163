//! The text of every [`IssueCode`] in bokmål, nynorsk and English, with its
//! parameters filled in. The UI shows these next to the field; the edge puts
//! the bokmål and English text into problem+json `detail`.
//!
//! A template names its parameters as `{name}`. Dates are written
//! `dd.mm.åååå`, numbers with a space between thousands.

use serde::{Deserialize, Serialize};

use crate::calendar::format_nb;
use crate::validation::{Issue, IssueCode, Param};

/// A language of the user interface.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Norsk bokmål, the default.
    #[default]
    Nb,
    /// Norsk nynorsk.
    Nn,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag (`nb`, `nn`, `en`).
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// Parses a tag; `no` and `nb-NO` count as bokmål.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "nb" | "no" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

// `ISSUE_TEXTS`: every entry of `texts/issues.json`, sorted by key (build.rs).
include!(concat!(env!("OUT_DIR"), "/issue_texts.rs"));

/// The template of `code` in `lang`. The texts are data, in the project's
/// text catalogue `texts/issues.json`: one entry per code, keyed by its
/// wire name ([`IssueCode::as_str`], as serde names it), holding
/// `[bokmål, nynorsk, English]`. A code without an entry shows its name
/// (the tests fail first).
///
/// ```
/// use frist_domain::messages::{Lang, template};
/// use frist_domain::IssueCode;
///
/// assert_eq!(template(IssueCode::Required, Lang::En), "This field is required.");
/// ```
pub fn template(code: IssueCode, lang: Lang) -> &'static str {
    let key = code.as_str();
    let column = match lang {
        Lang::Nb => 0,
        Lang::Nn => 1,
        Lang::En => 2,
    };
    ISSUE_TEXTS
        .binary_search_by(|(k, _)| k.cmp(&key))
        .map_or(key, |i| ISSUE_TEXTS[i].1[column])
}

/// The message for `issue` in `lang`, parameters filled in.
///
/// ```
/// use frist_domain::ids::IdError;
/// use frist_domain::messages::{render, Lang};
/// use frist_domain::validation::Issue;
/// let issue = Issue::from_id_error("fnr", IdError::WrongLength { expected: 11, found: 10 });
/// assert_eq!(render(&issue, Lang::Nb), "Nummeret må ha 11 sifre, men har 10.");
/// assert_eq!(render(&issue, Lang::En), "The number must have 11 digits, but has 10.");
/// ```
pub fn render(issue: &Issue, lang: Lang) -> String {
    fill(template(issue.code, lang), issue)
}

/// `tpl` with the parameters of `issue` filled in: [`render`] for a
/// template that comes from elsewhere (the browser fetches its language's
/// texts as data rather than carrying all three in its code).
///
/// ```
/// use frist_domain::messages::fill;
/// use frist_domain::validation::{Issue, IssueCode};
/// let issue = Issue::error("x", IssueCode::TooLong).with("max", 20_i64);
/// assert_eq!(fill("At most {max}.", &issue), "At most 20.");
/// ```
pub fn fill(tpl: &str, issue: &Issue) -> String {
    let mut out = String::with_capacity(tpl.len() + 16);
    let mut rest = tpl;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match issue.params.get(name) {
            Some(p) => out.push_str(&format_param(p)),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The parameter names a template uses, in order.
pub fn placeholders(tpl: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = tpl;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

fn format_param(p: &Param) -> String {
    match p {
        Param::Int(n) => format_int(*n),
        Param::Date(d) => format_nb(*d),
        Param::Text(t) => t.clone(),
    }
}

/// An integer with a no-break space between thousands: `1 234 567`.
pub fn format_int(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('−');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

/// An amount in øre as Norwegian kroner: `1 234,50 kr`.
pub fn format_kroner(ore: i64) -> String {
    let sign = if ore < 0 { "−" } else { "" };
    let abs = ore.unsigned_abs();
    let kr = format_int(i64::try_from(abs / 100).unwrap_or(i64::MAX));
    format!("{sign}{kr},{:02}\u{a0}kr", abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kroner_are_written_the_norwegian_way() {
        assert_eq!(format_kroner(123_450), "1\u{a0}234,50\u{a0}kr");
        assert_eq!(format_kroner(5), "0,05\u{a0}kr");
        assert_eq!(format_kroner(-17_100), "−171,00\u{a0}kr");
        assert_eq!(format_int(1_000_000), "1\u{a0}000\u{a0}000");
        assert_eq!(format_int(999), "999");
    }

    #[test]
    fn missing_params_stay_visible_rather_than_vanish() {
        let issue = Issue::error("x", IssueCode::TooLong);
        assert_eq!(
            render(&issue, Lang::En),
            "The text can be at most {max} characters."
        );
    }

    #[test]
    fn lang_tags() {
        assert_eq!(Lang::from_tag("nb-NO"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("no"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("nn"), Some(Lang::Nn));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("sv"), None);
    }
}
