//! The streaming CSV reader.

use std::ops::ControlFlow;

use super::bytes::{splat, utf8_prefix, zero_bytes};
use super::record::data_record;
use super::schema::{Columns, columns};
use super::{FileError, MAX_COLUMNS, Record, Schema};

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
    /// A reader of files of `schema`.
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

    /// Finds the delimiter in the header held back, then reads on.
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

    /// Reads records from `input` until it runs out (or, when `last`, the
    /// file ends): each line by the fast path where it can, else through
    /// `csv_core`.
    fn run(
        &mut self,
        input: &mut &[u8],
        last: bool,
        on: &mut dyn FnMut(Record<'_>),
    ) -> Result<(), FileError> {
        // The input's UTF-8 is checked once, not line by line: from the
        // first line the fast path sees (the piece may begin inside a
        // character that the last one split) as far as it is UTF-8, and
        // again after a line that is not. The fast path's lines are slices
        // of that text.
        let whole = *input;
        let mut text: Option<(usize, &str)> = None;
        loop {
            if !self.in_record {
                self.skip_blank_lines(input);
                if !input.is_empty() {
                    self.record_start = self.newlines + 1;
                    if self.fast_line(whole, input, &mut text, last, on) {
                        continue;
                    }
                    self.begin_slow_record();
                }
            }
            if self.slow_step(input, last, on)?.is_break() {
                return Ok(());
            }
        }
    }

    /// Blank lines are skipped here, counted, so line numbers stay the
    /// file's.
    fn skip_blank_lines(&mut self, input: &mut &[u8]) {
        while let Some((&b, rest)) = input.split_first() {
            match b {
                b'\n' => self.newlines += 1,
                b'\r' => {}
                _ => break,
            }
            *input = rest;
        }
    }

    /// Reads the line at the start of `input` by the fast path if it can
    /// ([`CsvStream::simple_record`]); whether it did. `text` is the UTF-8
    /// checked so far of `whole`, the piece `input` is the rest of.
    fn fast_line<'i>(
        &mut self,
        whole: &'i [u8],
        input: &mut &'i [u8],
        text: &mut Option<(usize, &'i str)>,
        last: bool,
        on: &mut dyn FnMut(Record<'_>),
    ) -> bool {
        let at = whole.len() - input.len();
        let (from, utf8) = match *text {
            Some((from, utf8)) if at - from < utf8.len() => (from, utf8),
            // First, or past a line that is not UTF-8: from here.
            _ => *text.insert((at, utf8_prefix(&whole[at..]))),
        };
        let Some(used) = self.simple_record(input, utf8.get(at - from..), last, on) else {
            return false;
        };
        self.newlines += u64::from(input[used - 1] == b'\n');
        *input = &input[used..];
        self.reader_idle = true;
        true
    }

    /// Hands the next record to `csv_core`, whose state is stale when the
    /// fast path read the lines before it.
    fn begin_slow_record(&mut self) {
        if std::mem::take(&mut self.reader_idle)
            && let Some(reader) = self.reader.as_mut()
        {
            reader.reset();
        }
        self.in_record = true;
    }

    /// One step of `csv_core` over `input`: `Break` when it needs the next
    /// piece or the file has ended.
    fn slow_step(
        &mut self,
        input: &mut &[u8],
        last: bool,
        on: &mut dyn FnMut(Record<'_>),
    ) -> Result<ControlFlow<()>, FileError> {
        use csv_core::ReadRecordResult as R;
        let Some(reader) = self.reader.as_mut() else {
            return Ok(ControlFlow::Break(()));
        };
        let feed: &[u8] = if input.is_empty() && last { &[] } else { input };
        if feed.is_empty() && !last {
            return Ok(ControlFlow::Break(()));
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
                    return Ok(ControlFlow::Break(()));
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
                return Ok(ControlFlow::Break(()));
            }
        }
        Ok(ControlFlow::Continue(()))
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
        let LineCuts {
            len,
            used,
            cuts,
            delimiters,
        } = self.line_cuts(input, last)?;
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

    /// Where the line at the start of `input` ends and where its delimiters
    /// are, eight bytes at a time; `None` when the line is not whole in
    /// `input` (and more is to come) or holds a quote or a lone CR.
    fn line_cuts(&self, input: &[u8], last: bool) -> Option<LineCuts> {
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
        Some(LineCuts {
            len,
            used,
            cuts,
            delimiters,
        })
    }

    /// A record `csv_core` has read: the header, or a data line.
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

/// The line at the start of the input: its length without the line end,
/// the bytes it uses with it, and where its delimiters are.
struct LineCuts {
    len: usize,
    used: usize,
    cuts: [usize; MAX_COLUMNS],
    delimiters: usize,
}
