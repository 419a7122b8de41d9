//! The workbook worker: reads the attached `.xlsx` workbook whole, turns the
//! requested sheet into UTF-8 CSV and sniffs it, and posts the
//! [`SheetReply`]. The session worker starts one per request
//! (docs/ingest/structure.md#workbooks).

use segscope_ingest::workbook::{sniff_first_sheet, sniff_sheet};
use segscope_session::protocol::{decode, encode, Sheet, SheetReply, SheetRequest};
use segscope_worker::post_bytes;
use segscope_worker::reader::ChunkReader;
use web_sys::File;

fn main() {
    console_error_panic_hook::set_once();
    segscope_worker::on_message(|bytes, files| {
        let request = bytes.and_then(|bytes| decode::<SheetRequest>(&bytes));
        let file = files.into_iter().next();
        wasm_bindgen_futures::spawn_local(async move {
            let reply: SheetReply = match (request, file) {
                (Some(request), Some(file)) => read(&file, request).await,
                _ => None,
            };
            post_bytes(&encode(&reply));
        });
    });
    // The first message says this worker listens.
    post_bytes(&[]);
}

/// Reads the requested sheet of `file`.
async fn read(file: &File, request: SheetRequest) -> SheetReply {
    let bytes = ChunkReader::read_range(file, 0.0, file.size()).await?;
    let name = file.name();
    let read = match request.sheet {
        Some(sheet) => sniff_sheet(&name, &bytes, sheet),
        None => sniff_first_sheet(&name, &bytes),
    };
    Some(read.map(|(schema, csv)| Sheet { schema, csv }))
}
