//! The claim-file check the browser runs (FK-1 … FK-8, `frist-domain`),
//! exported for Node: `bench/claims-wasm.mjs` feeds a file in slices the size
//! the app reads and times it. Built by `bench/run.sh` with wasm-bindgen.

use chrono::NaiveDate;
use frist_domain::frikort::{self, Checker, LineContext};
use frist_domain::ids::FnrContext;
use frist_domain::table::CsvStream;
use wasm_bindgen::prelude::*;

/// One claim file's check, fed slice by slice.
#[wasm_bindgen]
pub struct ClaimCheck {
    csv: CsvStream,
    checker: Checker,
    failed: Option<String>,
}

#[wasm_bindgen]
impl ClaimCheck {
    /// A check on `today` (`YYYY-MM-DD`) of a file of `bytes` bytes.
    #[wasm_bindgen(constructor)]
    pub fn new(today: &str, bytes: f64) -> Result<ClaimCheck, JsError> {
        let today: NaiveDate = today
            .parse()
            .map_err(|_| JsError::new("today must be YYYY-MM-DD"))?;
        let mut checker = Checker::new(LineContext {
            fnr: FnrContext::production(today),
            received: today,
            aware: None,
        });
        checker.expect_bytes(bytes as u64);
        Ok(ClaimCheck {
            csv: frikort::csv(),
            checker,
            failed: None,
        })
    }

    /// The next slice of the file; `last` for the final one.
    pub fn feed(&mut self, bytes: &[u8], last: bool) {
        if self.failed.is_some() {
            return;
        }
        let checker = &mut self.checker;
        let mut on = |_, _, _| {};
        if let Err(e) = self
            .csv
            .feed(bytes, last, &mut |r| checker.push(&r, &mut on))
        {
            self.failed = Some(e.text_nb());
        }
        if last {
            checker.finish(&mut on);
        }
    }

    /// The report's counts as JSON: lines, valid, with errors, the valid
    /// amount in øre, and the file error if the file could not be read.
    pub fn summary(&self) -> String {
        let r = &self.checker.report;
        format!(
            r#"{{"lines":{},"valid":{},"with_errors":{},"valid_ore":{},"file_error":{}}}"#,
            r.lines,
            r.valid,
            r.with_errors,
            r.valid_amount_ore,
            match &self.failed {
                Some(e) => format!("{e:?}"),
                None => "null".into(),
            }
        )
    }
}
