//! What Segscope's Web Workers share: the session worker and its helpers
//! (`main.rs`) and the workbook reader (`bin/segscope-workbook.rs`), each
//! built as a wasm file of its own so that the session worker carries no
//! workbook reader (docs/ingest/structure.md#workbooks).

pub mod child;
pub mod reader;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};

/// This worker's global scope.
pub fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts an encoded message to whoever started this worker; the copy's
/// buffer is handed over, not cloned again.
pub fn post_bytes(message: &[u8]) {
    let bytes = Uint8Array::from(message);
    let transfer = Array::of1(&bytes.buffer());
    // Posting only fails when the starter is gone; nothing is left to tell then.
    let _ = scope().post_message_with_transfer(&bytes, &transfer);
}

/// Posts an encoded message with `payload` beside it (`[message, payload]`),
/// both handed over, not cloned again.
pub fn post_with_payload(message: &[u8], payload: &[u8]) {
    let (head, body) = (Uint8Array::from(message), Uint8Array::from(payload));
    let transfer = Array::of2(&head.buffer(), &body.buffer());
    let _ = scope().post_message_with_transfer(&Array::of2(&head, &body), &transfer);
}

/// Calls `handle` with each message this worker receives: its request bytes
/// (`None` when the first part is not bytes) and the `File`s posted beside
/// them (`[bytes, file, file, …]`).
pub fn on_message(mut handle: impl FnMut(Option<Vec<u8>>, Vec<File>) + 'static) {
    let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let parts: Array = event.data().unchecked_into();
        let bytes = parts.get(0).dyn_into::<Uint8Array>().ok().map(|b| b.to_vec());
        let files = parts.iter().skip(1).filter_map(|v| v.dyn_into::<File>().ok()).collect();
        handle(bytes, files);
    });
    scope().set_onmessage(Some(listener.as_ref().unchecked_ref()));
    // The listener lives as long as the worker.
    listener.forget();
}
