//! Files of rows with named columns, the way offices send them: CSV (comma
//! or semicolon, quotes, CRLF, a BOM, blank lines) or an XLSX workbook. One
//! reader for every such file in frist — a health trust's claim file
//! (`frikort`) and a municipality's bills (`kontroll`) — told by a
//! [`Schema`] which columns to expect.
//!
//! [`CsvStream`] reads a piece at a time — a million lines never need a
//! million strings — and hands each row to a callback as borrowed
//! [`Fields`], in the schema's column order whatever the file's order.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::validation::{Issue, IssueCode};

/// The most columns a schema can have.
pub const MAX_COLUMNS: usize = 8;

/// The columns of one kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schema {
    /// Column names in lower case, ASCII (`ø` in a header counts as `o`).
    /// The first [`Schema::required`] must be present; the rest may be.
    pub columns: &'static [&'static str],
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

/// A problem with the file as a whole: nothing in it can be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum FileError {
    #[error("the file is empty")]
    Empty,
    #[error("the header lacks the column {column} (columns: {allowed})")]
    MissingColumn { column: String, allowed: String },
    #[error("the header has an unknown column {column} (columns: {allowed})")]
    UnknownColumn { column: String, allowed: String },
    /// The first row holds digits where column names belong: a data line,
    /// so the file has no header row. Its content is never repeated (it may
    /// be a fødselsnummer).
    #[error("the first row is data, not column names (columns: {allowed})")]
    NoHeaderRow { allowed: String },
    #[error("the header names {column} twice")]
    DuplicateColumn { column: String },
    #[error("the header is not UTF-8 text")]
    NotText,
    #[error("the workbook cannot be read: {reason}")]
    Workbook { reason: String },
}

impl FileError {
    /// The sentence shown to people, in bokmål.
    pub fn text_nb(&self) -> String {
        match self {
            FileError::Empty => "Filen er tom.".into(),
            FileError::MissingColumn { column, allowed } => format!(
                "Overskriftsraden mangler kolonnen «{column}». Første rad må navngi kolonnene {allowed}."
            ),
            FileError::UnknownColumn { column, allowed } => format!(
                "Overskriftsraden har en ukjent kolonne «{column}». Tillatte kolonner er {allowed}."
            ),
            FileError::NoHeaderRow { allowed } => format!(
                "Første rad er en datalinje, ikke kolonnenavn. Legg til en overskriftsrad med kolonnene {allowed}."
            ),
            FileError::DuplicateColumn { column } => {
                format!("Overskriftsraden har kolonnen «{column}» to ganger.")
            }
            FileError::NotText => {
                "Filen er ikke tekst i UTF-8. Lagre den som CSV UTF-8 og prøv igjen.".into()
            }
            FileError::Workbook { reason } => {
                format!("Regnearket kan ikke leses ({reason}). Lagre det som .xlsx og prøv igjen.")
            }
        }
    }
}

/// Which field of a record holds which column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    at: [Option<usize>; MAX_COLUMNS],
    count: usize,
}

fn columns<'a>(
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
    Line {
        line: u64,
        fields: Fields<'a>,
    },
    /// A row with another number of fields than the header.
    Ragged {
        line: u64,
        expected: usize,
        found: usize,
    },
    /// A row that is not UTF-8 text.
    NotUtf8 {
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

    pub fn line(&self) -> u64 {
        match self {
            Record::Line { line, .. } | Record::Ragged { line, .. } | Record::NotUtf8 { line } => {
                *line
            }
        }
    }
}

/// A streaming CSV reader (comma or semicolon, quotes, CRLF, BOM): feed it
/// the file a piece at a time; it calls back once per data line. Memory
/// stays at one record, whatever the file's size.
pub struct CsvStream {
    schema: &'static Schema,
    reader: Option<csv_core::Reader>,
    /// Bytes held back until the header's delimiter is known.
    pending: Vec<u8>,
    columns: Option<Columns>,
    field_buf: Vec<u8>,
    ends: Vec<usize>,
    /// Bytes of the record read so far, and its field ends.
    rec_len: usize,
    rec_ends: usize,
    /// Newlines consumed so far, and the file line the current record
    /// started on (csv-core skips blank lines, so it cannot count them).
    newlines: u64,
    record_start: u64,
    in_record: bool,
    started: bool,
    /// The header's delimiter, once known.
    delimiter: u8,
    /// Whether records were split without `reader` since it last ran, so its
    /// state must be reset before it reads the next one.
    reader_idle: bool,
}

impl CsvStream {
    pub fn new(schema: &'static Schema) -> Self {
        CsvStream {
            schema,
            reader: None,
            pending: Vec::new(),
            columns: None,
            field_buf: vec![0; 4096],
            ends: vec![0; 64],
            rec_len: 0,
            rec_ends: 0,
            newlines: 0,
            record_start: 0,
            in_record: false,
            started: false,
            delimiter: b',',
            reader_idle: false,
        }
    }

    /// Reads `bytes`, the next piece of the file; `last` after the final
    /// piece. Calls `on` for each data line.
    pub fn feed(
        &mut self,
        bytes: &[u8],
        last: bool,
        on: &mut dyn FnMut(Record<'_>),
    ) -> Result<(), FileError> {
        let mut input = bytes;
        if self.reader.is_none() {
            // The delimiter is the header's: held back until its first line ends.
            self.pending.extend_from_slice(input);
            let header_done = self.pending.contains(&b'\n');
            if !header_done && !last {
                return Ok(());
            }
            if !header_done && self.pending.iter().all(|b| b.is_ascii_whitespace()) {
                return Err(FileError::Empty);
            }
            return self.start_and_run(last, on);
        }
        self.run(&mut input, last, on)
    }

    /// Reads a whole file held in memory.
    pub fn read_all(
        schema: &'static Schema,
        bytes: &[u8],
        on: &mut dyn FnMut(Record<'_>),
    ) -> Result<(), FileError> {
        CsvStream::new(schema).feed(bytes, true, on)
    }

    fn start_and_run(
        &mut self,
        last: bool,
        on: &mut dyn FnMut(Record<'_>),
    ) -> Result<(), FileError> {
        let mut pending = std::mem::take(&mut self.pending);
        if pending.starts_with(&[0xEF, 0xBB, 0xBF]) {
            pending.drain(..3);
        }
        let first_line = pending.split(|b| *b == b'\n').next().unwrap_or_default();
        let semis = first_line.iter().filter(|b| **b == b';').count();
        let commas = first_line.iter().filter(|b| **b == b',').count();
        let delimiter = if semis >= commas && semis > 0 {
            b';'
        } else {
            b','
        };
        self.delimiter = delimiter;
        self.reader = Some(csv_core::ReaderBuilder::new().delimiter(delimiter).build());
        let mut input = &pending[..];
        self.run(&mut input, last, on)
    }

    fn run(
        &mut self,
        input: &mut &[u8],
        last: bool,
        on: &mut dyn FnMut(Record<'_>),
    ) -> Result<(), FileError> {
        use csv_core::ReadRecordResult as R;
        // The input's UTF-8 is checked once, not line by line: from the
        // first line the fast path sees (the piece may begin inside a
        // character that the last one split) as far as it is UTF-8, and
        // again after a line that is not. The fast path's lines are slices
        // of that text.
        let whole = *input;
        let mut text: Option<(usize, &str)> = None;
        loop {
            if !self.in_record {
                // Blank lines are skipped here, counted, so line numbers
                // stay the file's.
                while let Some((&b, rest)) = input.split_first() {
                    match b {
                        b'\n' => self.newlines += 1,
                        b'\r' => {}
                        _ => break,
                    }
                    *input = rest;
                }
                if !input.is_empty() {
                    self.record_start = self.newlines + 1;
                    let at = whole.len() - input.len();
                    let (from, utf8) = match text {
                        Some((from, utf8)) if at - from < utf8.len() => (from, utf8),
                        // First, or past a line that is not UTF-8: from here.
                        _ => *text.insert((at, utf8_prefix(&whole[at..]))),
                    };
                    if let Some(used) = self.simple_record(input, utf8.get(at - from..), last, on) {
                        self.newlines += u64::from(input[used - 1] == b'\n');
                        *input = &input[used..];
                        self.reader_idle = true;
                        continue;
                    }
                    if std::mem::take(&mut self.reader_idle)
                        && let Some(reader) = self.reader.as_mut()
                    {
                        reader.reset();
                    }
                    self.in_record = true;
                }
            }
            let Some(reader) = self.reader.as_mut() else {
                return Ok(());
            };
            let feed: &[u8] = if input.is_empty() && last { &[] } else { input };
            if feed.is_empty() && !last {
                return Ok(());
            }
            let (result, nin, nout, nend) = reader.read_record(
                feed,
                &mut self.field_buf[self.rec_len..],
                &mut self.ends[self.rec_ends..],
            );
            self.newlines += input[..nin].iter().filter(|b| **b == b'\n').count() as u64;
            *input = &input[nin..];
            // csv-core writes field ends as if the record were one buffer.
            self.rec_len += nout;
            self.rec_ends += nend;
            match result {
                R::InputEmpty => {
                    if !last {
                        return Ok(());
                    }
                }
                R::OutputFull => {
                    let n = self.field_buf.len();
                    self.field_buf.resize(n * 2, 0);
                }
                R::OutputEndsFull => {
                    let n = self.ends.len();
                    self.ends.resize(n * 2, 0);
                }
                R::Record => {
                    self.in_record = false;
                    self.record(on)?;
                    self.rec_len = 0;
                    self.rec_ends = 0;
                }
                R::End => {
                    if !self.started {
                        return Err(FileError::Empty);
                    }
                    return Ok(());
                }
            }
        }
    }

    /// The fast path for the common line: a whole data line of UTF-8 with
    /// no quote and no lone CR is split at the delimiter here and handed on
    /// as slices of the input, rather than going a byte at a time through
    /// `csv_core` (which reads such a line the same way). `text` is the
    /// input as far as it is known to be UTF-8. Gives the bytes used, or
    /// `None` to leave the line to `csv_core`.
    fn simple_record(
        &self,
        input: &[u8],
        text: Option<&str>,
        last: bool,
        on: &mut dyn FnMut(Record<'_>),
    ) -> Option<usize> {
        let columns = self.columns?;
        // Eight bytes at a time: which are the delimiter, a line feed, a
        // quote or a CR. Bits past the line's end belong to the next line.
        let mut cuts = [0; MAX_COLUMNS];
        let mut delimiters = 0usize;
        let mut base = 0;
        let (len, used) = loop {
            if base >= input.len() {
                if !last {
                    return None;
                }
                break (input.len(), input.len());
            }
            let word = match input.get(base..base + 8).map(<[u8; 8]>::try_from) {
                Some(Ok(word)) => word,
                _ => {
                    // The input's last few bytes, padded with zeros (which
                    // match nothing above).
                    let mut word = [0u8; 8];
                    let rest = &input[base..];
                    word[..rest.len()].copy_from_slice(rest);
                    word
                }
            };
            let word = u64::from_le_bytes(word);
            let newline = zero_bytes(word ^ splat(b'\n'));
            // A CR just before the line feed ends the line (CRLF); any other
            // CR, or a quote, is for `csv_core`.
            let odd =
                zero_bytes(word ^ splat(b'"')) | zero_bytes(word ^ splat(b'\r')) & !(newline >> 8);
            let before_end = (newline & newline.wrapping_neg()).wrapping_sub(1);
            if odd & before_end != 0 {
                return None;
            }
            let mut found = zero_bytes(word ^ splat(self.delimiter)) & before_end;
            while found != 0 {
                cuts[delimiters.min(MAX_COLUMNS - 1)] = base + found.trailing_zeros() as usize / 8;
                delimiters += 1;
                found &= found - 1;
            }
            if newline != 0 {
                let end = base + newline.trailing_zeros() as usize / 8;
                if end > 0 && input[end - 1] == b'\r' {
                    break (end - 1, end + 1);
                }
                break (end, end + 1);
            }
            base += 8;
        };
        let bytes = &input[..len];
        let line = match text.and_then(|t| t.get(..len)) {
            Some(line) => line,
            None => std::str::from_utf8(bytes).ok()?,
        };
        let count = delimiters + 1;
        let mut parts = [""; MAX_COLUMNS];
        let mut start = 0;
        for (n, part) in parts.iter_mut().enumerate().take(count) {
            let stop = if n + 1 == count { len } else { cuts[n] };
            // The delimiter is ASCII, so both ends are char boundaries.
            *part = line.get(start..stop).unwrap_or_default();
            start = stop + 1;
        }
        let record_line = self.record_start;
        data_record(&columns, record_line, count, |i| Some(parts[i]), on);
        Some(used)
    }

    fn record(&mut self, on: &mut dyn FnMut(Record<'_>)) -> Result<(), FileError> {
        let line = self.record_start;
        let buf = &self.field_buf[..self.rec_len];
        let ends = &self.ends[..self.rec_ends];
        let field = |i: usize| {
            let start = if i == 0 { 0 } else { ends[i - 1] };
            &buf[start..ends[i]]
        };
        let Some(columns) = self.columns else {
            self.started = true;
            if ends.len() == 1 && field(0).iter().all(|b| b.is_ascii_whitespace()) {
                return Err(FileError::Empty);
            }
            let names: Vec<&str> = (0..ends.len())
                .map(|i| std::str::from_utf8(field(i)).map_err(|_| FileError::NotText))
                .collect::<Result<_, _>>()?;
            self.columns = Some(columns(self.schema, names.into_iter())?);
            return Ok(());
        };
        let field = |i| std::str::from_utf8(field(i)).ok();
        data_record(&columns, line, ends.len(), field, on);
        Ok(())
    }
}

/// The longest start of `bytes` that is UTF-8.
fn utf8_prefix(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
    }
}

/// `b` in every byte of a word.
const fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The high bit of each byte of `x` that is zero, and no other bit (no
/// borrow runs from one byte into the next).
const fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = splat(0x7F);
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// A data record of `count` fields, handed on as a [`Record`]: skipped when
/// blank (one empty field), ragged when the count is not the header's, not
/// UTF-8 when a field is not (`field` gives `None`), else its fields in
/// schema order.
fn data_record<'a>(
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
    let text = |cell: &Data, date: bool| -> String {
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
    };
    for (i, row) in rows.enumerate() {
        let line = i as u64 + 2;
        if row.iter().all(|c| matches!(c, Data::Empty)) {
            continue;
        }
        let mut texts: [String; MAX_COLUMNS] = Default::default();
        for (c, at) in cols.at.iter().enumerate() {
            if let Some(at) = at {
                let cell = row.get(*at).unwrap_or(&Data::Empty);
                texts[c] = text(cell, schema.dates.contains(&c));
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

/// An Excel serial date (days since 30 December 1899).
fn excel_date(serial: f64) -> Option<NaiveDate> {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_signed(chrono::Duration::days(serial.floor() as i64))
}
