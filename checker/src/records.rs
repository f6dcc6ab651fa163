//! A claim file read a slice at a time: CSV streamed, XLSX whole.

use frist_domain::frikort::{self, Fingerprint, read_xlsx};
use frist_domain::table::{CsvStream, Record};

use crate::Failure;

/// Bytes read per slice: about 21,000 claim lines.
pub const SLICE: u64 = 1024 * 1024;

/// Where a file's bytes come from: the browser's `File` in the worker, a
/// byte slice in tests.
pub trait Source {
    /// The file's size in bytes.
    fn size(&self) -> u64;
    /// The bytes `start..end` (`end` at most the size).
    fn read(&mut self, start: u64, end: u64) -> Result<Vec<u8>, Failure>;
}

impl Source for &[u8] {
    fn size(&self) -> u64 {
        self.len() as u64
    }

    fn read(&mut self, start: u64, end: u64) -> Result<Vec<u8>, Failure> {
        let (start, end) = (usize::try_from(start), usize::try_from(end));
        match (start, end) {
            (Ok(s), Ok(e)) if s <= e && e <= self.len() => Ok(self[s..e].to_vec()),
            _ => Err(Failure::Unreadable),
        }
    }
}

/// A claim file's records, a slice at a time, with its fingerprint.
pub struct FileRecords<S> {
    source: S,
    at: u64,
    stream: CsvStream,
    /// The file's fingerprint, fed every byte read (issue 24).
    pub fingerprint: Fingerprint,
}

impl<S: Source> FileRecords<S> {
    /// Records of the file `source` holds, from its start.
    pub fn new(source: S) -> Self {
        FileRecords {
            source,
            at: 0,
            stream: frikort::csv(),
            fingerprint: Fingerprint::default(),
        }
    }

    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.source.size()
    }

    /// The share read so far (0–1).
    pub fn progress(&self) -> f64 {
        match self.source.size() {
            0 => 1.0,
            size => self.at as f64 / size as f64,
        }
    }

    /// Reads the next slice, calling `on` for each record in it; `true`
    /// when the file is done. A workbook (a zip: `PK\x03\x04`) is read
    /// whole the first time.
    pub fn step(&mut self, on: &mut dyn FnMut(Record<'_>)) -> Result<bool, Failure> {
        let size = self.source.size();
        if self.at == 0 && self.source.read(0, 4.min(size))?.starts_with(b"PK\x03\x04") {
            let bytes = self.source.read(0, size)?;
            self.fingerprint.update(&bytes);
            read_xlsx(&bytes, on)?;
            self.at = size;
            return Ok(true);
        }
        let end = (self.at + SLICE).min(size);
        let bytes = self.source.read(self.at, end)?;
        let last = end >= size;
        self.fingerprint.update(&bytes);
        self.stream.feed(&bytes, last, on)?;
        self.at = end;
        Ok(last)
    }
}
