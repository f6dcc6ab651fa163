//! The columns a kind of file has, and the header matched against them.

use super::FileError;

/// The most columns a schema can have.
pub const MAX_COLUMNS: usize = 8;

/// The columns of one kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schema {
    /// Column names in lower case, ASCII (`ø` in a header counts as `o`).
    /// The first [`Schema::required`] must be present; the rest may be.
    pub columns: &'static [&'static str],
    /// How many of the first columns every file must have.
    pub required: usize,
    /// Columns holding dates, which a workbook may store as serial numbers.
    pub dates: &'static [usize],
    /// Columns holding 11-digit identifiers, which a workbook may store as
    /// numbers that lost their leading zero.
    pub ids: &'static [usize],
}

impl Schema {
    /// The columns as a person reads them, for messages.
    fn allowed(&self) -> String {
        let (required, optional) = self.columns.split_at(self.required);
        let mut text = required.join(", ");
        if !optional.is_empty() {
            text.push_str(" og eventuelt ");
            text.push_str(&optional.join(", "));
        }
        text
    }
}

/// Which field of a record holds which column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Columns {
    /// The record field of each schema column, if the file has it.
    pub(super) at: [Option<usize>; MAX_COLUMNS],
    /// How many fields the header has.
    pub(super) count: usize,
}

/// Matches the header's names to the schema's columns.
pub(super) fn columns<'a>(
    schema: &Schema,
    names: impl Iterator<Item = &'a str>,
) -> Result<Columns, FileError> {
    let mut at = [None; MAX_COLUMNS];
    let mut count = 0;
    for (i, name) in names.enumerate() {
        count += 1;
        let n = name.trim().trim_matches('"').to_lowercase();
        let n = n.replace('ø', "o");
        let Some(c) = schema.columns.iter().position(|c| *c == n) else {
            if n.bytes().any(|b| b.is_ascii_digit()) {
                return Err(FileError::NoHeaderRow {
                    allowed: schema.allowed(),
                });
            }
            return Err(FileError::UnknownColumn {
                column: name.trim().to_owned(),
                allowed: schema.allowed(),
            });
        };
        if at[c].is_some() {
            return Err(FileError::DuplicateColumn {
                column: schema.columns[c].to_owned(),
            });
        }
        at[c] = Some(i);
    }
    if let Some(missing) = (0..schema.required).find(|c| at[*c].is_none()) {
        return Err(FileError::MissingColumn {
            column: schema.columns[missing].to_owned(),
            allowed: schema.allowed(),
        });
    }
    Ok(Columns { at, count })
}
