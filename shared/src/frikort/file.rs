//! Reading claim files: the columns of a claim file ([`SCHEMA`]) and its
//! CSV and workbook readers.

use super::line::RawRef;
use crate::table::CsvStream;
use crate::table::Fields;
use crate::table::FileError;
use crate::table::Record;
use crate::table::Schema;

/// The columns of a claim file (any order, any case; `referanse` optional).
pub static SCHEMA: Schema = Schema {
    columns: &[
        "fodselsnummer",
        "transportdato",
        "utbetalingsdato",
        "egenandel",
        "referanse",
    ],
    required: 4,
    dates: &[1, 2],
    ids: &[0],
};

/// A claim file's CSV reader.
pub fn csv() -> CsvStream {
    CsvStream::new(&SCHEMA)
}

/// A claim workbook's rows.
pub fn read_xlsx(bytes: &[u8], on: &mut dyn FnMut(Record<'_>)) -> Result<(), FileError> {
    crate::table::read_xlsx(&SCHEMA, bytes, on)
}

impl<'a> RawRef<'a> {
    /// A claim line from a row read with [`SCHEMA`].
    pub fn from_fields(f: &Fields<'a>) -> Self {
        RawRef {
            fodselsnummer: f.get(0),
            transportdato: f.get(1),
            utbetalingsdato: f.get(2),
            egenandel: f.get(3),
            referanse: f.get(4),
        }
    }
}
