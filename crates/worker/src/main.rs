//! The Segscope Web Worker: receives requests (bytes, see
//! `segscope_session::protocol`, with `File` handles beside them), streams files in chunks through `segscope-ingest`, and posts replies.
//! All parsing and analysis happen here, never on the page's thread.

mod reader;
mod source;

use segscope_engine::settings::Settings;
use segscope_ingest::FileSchema;
use segscope_model::progress::Stage;
use segscope_session::protocol::{decode, encode, Failure, Reply, Request};
use segscope_session::{reading_order, Loader, Session};
use source::{Chunks, Source};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};

/// What the worker keeps between requests: the dropped files (the session
/// holds everything else).
struct State {
    sources: Vec<Source>,
    session: Session,
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(reply: &Reply) {
    let bytes = js_sys::Uint8Array::from(encode(reply).as_slice());
    // The copy's buffer is handed over, not cloned again.
    let transfer = js_sys::Array::of1(&bytes.buffer());
    // Posting only fails when the page is gone; nothing is left to tell then.
    let _ = scope().post_message_with_transfer(&bytes, &transfer);
}

fn main() {
    console_error_panic_hook::set_once();
    let state = Rc::new(RefCell::new(State {
        sources: Vec::new(),
        session: Session::new(js_sys::Date::now),
    }));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let parts: js_sys::Array = event.data().unchecked_into();
        let request = parts
            .get(0)
            .dyn_into::<js_sys::Uint8Array>()
            .ok()
            .and_then(|bytes| decode::<Request>(&bytes.to_vec()));
        let files: Vec<File> = parts.iter().skip(1).filter_map(|v| v.dyn_into::<File>().ok()).collect();
        let state = state.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match request {
                Some(request) => handle(request, files, &state).await,
                None => post(&Reply::Failed(Failure::BadRequest)),
            }
        });
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&Reply::Started);
}

async fn handle(request: Request, files: Vec<File>, state: &Rc<RefCell<State>>) {
    let reply = match request {
        Request::Inspect => inspect(files, state).await,
        Request::Reinspect { file, encoding } => {
            let source = state.borrow().sources.get(file).cloned();
            match source {
                Some(source) => match source.reinspect(&encoding).await {
                    Some(schema) => Reply::Reinspected { file, schema },
                    None => Reply::Failed(Failure::ReadFailed { file: source.name() }),
                },
                None => Reply::Failed(Failure::BadRequest),
            }
        }
        Request::ChooseSheet { file, sheet } => {
            let schema = state
                .borrow_mut()
                .sources
                .get_mut(file)
                .and_then(|s| s.choose_sheet(sheet));
            match schema {
                Some(schema) => Reply::Reinspected { file, schema },
                None => Reply::Failed(Failure::BadRequest),
            }
        }
        Request::Analyze { schemas, settings } => analyze(schemas, &settings, state).await,
        Request::Session(request) => state.borrow_mut().session.handle(request),
    };
    post(&reply);
}

async fn inspect(files: Vec<File>, state: &Rc<RefCell<State>>) -> Reply {
    let mut results = Vec::with_capacity(files.len());
    let mut sources = Vec::with_capacity(files.len());
    for file in files {
        let Some((source, schema)) = Source::open(file.clone()).await else {
            return Reply::Failed(Failure::ReadFailed { file: file.name() });
        };
        results.push(schema);
        sources.push(source);
    }
    state.borrow_mut().sources = sources;
    Reply::Inspected { files: results }
}

async fn analyze(schemas: Vec<FileSchema>, settings: &Settings, state: &Rc<RefCell<State>>) -> Reply {
    let started = js_sys::Date::now();
    let mut chunk_sources: Vec<Option<Chunks>> = state.borrow().sources.iter().map(|s| Some(s.chunks())).collect();
    let total: f64 = chunk_sources.iter().flatten().map(Chunks::size).sum::<f64>().max(1.0);
    let mut done = 0.0;
    // Customers first, then orders, then the details joined to them, whatever
    // the drop order (the engine decides).
    let mut loader = Loader::for_files(&schemas);
    for i in reading_order(&schemas) {
        let (Some(mut chunks), Some(schema)) = (chunk_sources.get_mut(i).and_then(Option::take), schemas.get(i)) else {
            continue;
        };
        let mut parser = match loader.open(schema.clone(), chunks.size() as u64) {
            Ok(p) => p,
            Err(e) => return Reply::Failed(Failure::Ingest(e)),
        };
        while let Some(chunk) = chunks.next().await {
            let Ok(chunk) = chunk else {
                return Reply::Failed(Failure::ReadFailed { file: chunks.name() });
            };
            if let Err(e) = loader.feed(&mut parser, &chunk) {
                return Reply::Failed(Failure::Ingest(e));
            }
            done += chunk.len() as f64;
            post(&Reply::Progress {
                stage: Stage::Parsing,
                fraction: 0.9 * done / total,
            });
        }
        if let Err(e) = loader.close(parser) {
            return Reply::Failed(Failure::Ingest(e));
        }
    }
    let (dataset, quality) = loader.finish();
    let parse_ms = js_sys::Date::now() - started;
    post(&Reply::Progress {
        stage: Stage::Analyzing,
        fraction: 0.92,
    });
    let mut state = state.borrow_mut();
    state.session.load(dataset, quality);
    state.session.ready(settings, parse_ms)
}
