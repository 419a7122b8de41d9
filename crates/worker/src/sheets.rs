//! Workbook sheets, read by the workbook worker: started for each request
//! and ended after it, so neither this worker nor the start page carries a
//! workbook reader, and the memory a workbook took is given back
//! (docs/ingest/structure.md#workbooks).

use js_sys::{Array, Uint8Array};
use segscope_ingest::IngestError;
use segscope_session::protocol::{decode, encode, Sheet, SheetReply, SheetRequest};
use segscope_worker::child::ChildWorker;
use web_sys::File;

/// The script that starts the workbook worker (next to this worker's own).
const WORKBOOK_URL: &str = "./segscope-workbook_loader.js";

/// The name the workbook worker is started with.
const WORKBOOK_NAME: &str = "segscope-workbook";

/// Sheet `sheet` of the workbook `file` (the first that reads as a table
/// when `None`); `None` when the browser could not read the file or the
/// workbook worker failed.
pub async fn read_sheet(file: &File, sheet: Option<usize>) -> Option<Result<Sheet, IngestError>> {
    let mut child = ChildWorker::spawn(WORKBOOK_URL, WORKBOOK_NAME)?;
    let request = Uint8Array::from(encode(&SheetRequest { sheet }).as_slice());
    if !child.post(Array::of2(&request, file)) {
        return None;
    }
    decode::<SheetReply>(&child.next().await?).flatten()
}
