//! Workbooks: an XLSX file's first sheet, read as rows.

use chrono::NaiveDate;

use super::schema::columns;
use super::{Fields, FileError, MAX_COLUMNS, Record, Schema};

/// An XLSX workbook's first sheet, row by row, in the same shape as a CSV
/// file (the first row names the columns). Dates may be Excel dates or text.
pub fn read_xlsx(
    schema: &'static Schema,
    bytes: &[u8],
    on: &mut dyn FnMut(Record<'_>),
) -> Result<(), FileError> {
    use calamine::{Data, Reader, Xlsx};
    let workbook_error = |e: &dyn std::fmt::Display| FileError::Workbook {
        reason: e.to_string(),
    };
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| workbook_error(&e))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or(FileError::Empty)?
        .map_err(|e| workbook_error(&e))?;
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .ok_or(FileError::Empty)?
        .iter()
        .map(|c| c.to_string())
        .collect();
    let header: Vec<&str> = header
        .iter()
        .map(String::as_str)
        .rev()
        .skip_while(|h| h.trim().is_empty())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let cols = columns(schema, header.iter().copied())?;
    for (i, row) in rows.enumerate() {
        let line = i as u64 + 2;
        if row.iter().all(|c| matches!(c, Data::Empty)) {
            continue;
        }
        let mut texts: [String; MAX_COLUMNS] = Default::default();
        for (c, at) in cols.at.iter().enumerate() {
            if let Some(at) = at {
                let cell = row.get(*at).unwrap_or(&Data::Empty);
                texts[c] = cell_text(cell, schema.dates.contains(&c));
                // An identifier may come as a number that lost its leading zero.
                if schema.ids.contains(&c)
                    && texts[c].len() == 10
                    && texts[c].bytes().all(|b| b.is_ascii_digit())
                {
                    texts[c].insert(0, '0');
                }
            }
        }
        let mut fields = Fields::default();
        for (c, t) in texts.iter().enumerate() {
            fields.0[c] = t;
        }
        on(Record::Line { line, fields });
    }
    Ok(())
}

/// A cell as text: a date (`date`, or a cell the workbook stores as one)
/// as ISO, a whole number without decimals.
fn cell_text(cell: &calamine::Data, date: bool) -> String {
    use calamine::Data;
    match cell {
        Data::DateTime(d) => excel_date(d.as_f64())
            .map(|t| t.to_string())
            .unwrap_or_default(),
        Data::Float(f) if date => excel_date(*f).map(|d| d.to_string()).unwrap_or_default(),
        // Whole numbers (an HPR number, an amount in whole kroner) lose no digits.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f:.2}"),
        Data::Int(i) if date => excel_date(*i as f64)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        Data::Int(i) => i.to_string(),
        Data::String(s) | Data::DateTimeIso(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// An Excel serial date (days since 30 December 1899).
fn excel_date(serial: f64) -> Option<NaiveDate> {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_signed(chrono::Duration::days(serial.floor() as i64))
}
