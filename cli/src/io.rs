//! Buffered line input and output: a million lines on stdin in seconds.

use std::io::{self, BufRead, BufWriter, Write};

/// Values from the command line, or one per line from stdin when the only
/// value is `-`. Calls `each` with every value, reusing one line buffer.
pub fn for_each_value(
    values: &[String],
    mut each: impl FnMut(&str, &mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    if values.len() == 1 && values[0] == "-" {
        let stdin = io::stdin();
        let mut input = stdin.lock();
        let mut line = String::new();
        loop {
            line.clear();
            if input.read_line(&mut line)? == 0 {
                break;
            }
            let value = line.trim_end_matches(['\n', '\r']);
            each(value, &mut out)?;
        }
    } else {
        for v in values {
            each(v, &mut out)?;
        }
    }
    out.flush()
}
