//! One row of a file, as read.

use super::MAX_COLUMNS;
use super::schema::Columns;
use crate::validation::{Issue, IssueCode};

/// One row's fields in the schema's column order; an absent optional
/// column reads as empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fields<'a>(pub [&'a str; MAX_COLUMNS]);

impl<'a> Fields<'a> {
    /// The field of the schema's column `i`.
    pub fn get(&self, i: usize) -> &'a str {
        self.0[i]
    }
}

/// One data line of a file: its line number (the header is line 1), and
/// its fields (borrowed) or why they cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record<'a> {
    /// A row read as fields.
    Line {
        /// The file's line number.
        line: u64,
        /// The fields, in schema order.
        fields: Fields<'a>,
    },
    /// A row with another number of fields than the header.
    Ragged {
        /// The file's line number.
        line: u64,
        /// Fields in the header.
        expected: usize,
        /// Fields in this row.
        found: usize,
    },
    /// A row that is not UTF-8 text.
    NotUtf8 {
        /// The file's line number.
        line: u64,
    },
}

impl Record<'_> {
    /// The issue of a row that cannot be read as fields, if it is one.
    pub fn issue(&self) -> Option<Issue> {
        match self {
            Record::Line { .. } => None,
            Record::Ragged {
                expected, found, ..
            } => Some(
                Issue::error("", IssueCode::RaggedRow)
                    .with("expected", *expected)
                    .with("found", *found),
            ),
            Record::NotUtf8 { .. } => Some(Issue::error("", IssueCode::NotUtf8)),
        }
    }

    /// The file's line number of the row (the header is line 1).
    pub fn line(&self) -> u64 {
        match self {
            Record::Line { line, .. } | Record::Ragged { line, .. } | Record::NotUtf8 { line } => {
                *line
            }
        }
    }
}

/// A data record of `count` fields, handed on as a [`Record`]: skipped when
/// blank (one empty field), ragged when the count is not the header's, not
/// UTF-8 when a field is not (`field` gives `None`), else its fields in
/// schema order.
pub(super) fn data_record<'a>(
    columns: &Columns,
    line: u64,
    count: usize,
    field: impl Fn(usize) -> Option<&'a str>,
    on: &mut dyn FnMut(Record<'_>),
) {
    if count == 1 && field(0).is_some_and(|f| f.bytes().all(|b| b.is_ascii_whitespace())) {
        return;
    }
    if count != columns.count {
        on(Record::Ragged {
            line,
            expected: columns.count,
            found: count,
        });
        return;
    }
    let mut fields = Fields::default();
    for (c, at) in columns.at.iter().enumerate() {
        if let Some(i) = at {
            match field(*i) {
                Some(t) => fields.0[c] = t,
                None => {
                    on(Record::NotUtf8 { line });
                    return;
                }
            }
        }
    }
    on(Record::Line { line, fields });
}
