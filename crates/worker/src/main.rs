//! The Segscope Web Worker: receives requests (bytes, see
//! `segscope_session::protocol`, with `File` handles beside them), streams files in chunks through `segscope-ingest`, and posts replies.
//! All parsing and analysis happen here, never on the page's thread.

mod helpers;
mod ranges;
mod read_task;
mod sheets;
mod source;

use helpers::Helpers;
use read_task::ReadTask;
use segscope_engine::settings::Settings;
use segscope_ingest::FileSchema;
use segscope_model::progress::Stage;
use segscope_session::protocol::{decode, encode, split_payload, Failure, RangeReply, Reply, Request};
use segscope_session::Session;
use segscope_worker::{post_bytes, post_with_payload};
use source::Source;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::File;

/// What the worker keeps between requests: the dropped files (the session
/// holds everything else).
struct State {
    /// The dropped files that could be sniffed, in the order of their schemas.
    sources: Vec<Source>,
    session: Session,
    /// Copies of this worker that read ranges of large files (lent to a
    /// read while it runs).
    helpers: Helpers,
    /// The read started before the mapping was confirmed, if any.
    read_ahead: Option<ReadTask>,
}

fn post(reply: &Reply) {
    post_bytes(&encode(reply));
}

/// Posts a request's answer; a download's content goes beside the message
/// ([`split_payload`]).
fn post_answer(reply: Reply) {
    match split_payload(reply) {
        (head, Some(payload)) => post_with_payload(&encode(&head), &payload),
        (reply, None) => post(&reply),
    }
}

fn main() {
    console_error_panic_hook::set_once();
    // The session worker starts its helpers at once, so they are ready by the
    // time a large file is read; a helper starts none.
    let mut helpers = Helpers::default();
    if !Helpers::is_helper() {
        helpers.spawn(Helpers::wanted());
    }
    let state = Rc::new(RefCell::new(State {
        sources: Vec::new(),
        session: Session::new(js_sys::Date::now),
        helpers,
        read_ahead: None,
    }));
    segscope_worker::on_message(move |bytes, files| {
        let request = bytes.and_then(|bytes| decode::<Request>(&bytes));
        let state = state.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match request {
                Some(request) => handle(request, files, &state).await,
                None => post(&Reply::Failed(Failure::BadRequest)),
            }
        });
    });
    post(&Reply::Started);
    // Once the page knows the worker listens (docs/ingest/speed.md#warm-code):
    // every worker reads made-up files, and the session worker analyses too.
    wasm_bindgen_futures::spawn_local(async {
        let round_trip = |part| decode::<RangeReply>(&encode(&Some(part))).flatten();
        std::hint::black_box(segscope_session::warm_up::warm_up_reading(round_trip).ok());
        if !Helpers::is_helper() {
            std::hint::black_box(encode(&segscope_session::warm_up::warm_up()));
            post(&Reply::WarmedUp);
        }
    });
}

async fn handle(request: Request, files: Vec<File>, state: &Rc<RefCell<State>>) {
    let reply = match request {
        Request::Inspect => inspect(files, state).await,
        Request::ReadAhead { schemas } => {
            stop_reading_ahead(state).await;
            let task = start_read(schemas, state);
            state.borrow_mut().read_ahead = Some(task);
            return;
        }
        Request::Reinspect { file, encoding } => {
            stop_reading_ahead(state).await;
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
            stop_reading_ahead(state).await;
            let source = state.borrow().sources.get(file).cloned();
            let Some(source) = source.filter(|s| s.text_file().is_none()) else {
                return post(&Reply::Failed(Failure::BadRequest));
            };
            match source.choose_sheet(sheet).await {
                Some((chosen, schema)) => {
                    if let Some(slot) = state.borrow_mut().sources.get_mut(file) {
                        *slot = chosen;
                    }
                    Reply::Reinspected { file, schema }
                }
                None => Reply::Failed(Failure::ReadFailed { file: source.name() }),
            }
        }
        Request::Analyze { schemas, settings } => {
            post_answer(analyze(schemas, &settings, state).await);
            // Helpers ended after a read in ranges (or broken) are started
            // again only now, so that their start-up does not slow the analysis.
            state.borrow_mut().helpers.spawn(Helpers::wanted());
            return;
        }
        Request::Session(request) => {
            // A customers CSV is posted in pieces as it is written.
            let mut post_piece = |piece: &str| post_with_payload(&encode(&Reply::DownloadPiece), piece.as_bytes());
            state.borrow_mut().session.handle_streamed(request, &mut post_piece)
        }
        Request::ReadRanges { schema, ranges } => {
            let file = files.first();
            for (start, end) in ranges {
                let reply = match file {
                    Some(file) => ranges::read_range(file, schema.clone(), start, end).await,
                    None => None,
                };
                post_bytes(&encode(&reply));
            }
            return;
        }
    };
    post_answer(reply);
}

async fn inspect(files: Vec<File>, state: &Rc<RefCell<State>>) -> Reply {
    stop_reading_ahead(state).await;
    let mut results = Vec::with_capacity(files.len());
    let mut sources = Vec::with_capacity(files.len());
    for file in files {
        let Some((source, schema)) = Source::open(file.clone()).await else {
            return Reply::Failed(Failure::ReadFailed { file: file.name() });
        };
        // The page goes on with the files that could be sniffed, and names
        // them by their place among those.
        if schema.is_ok() {
            sources.push(source);
        }
        results.push(schema);
    }
    state.borrow_mut().sources = sources;
    Reply::Inspected { files: results }
}

/// Starts reading the dropped files with `schemas` on this worker and the
/// helpers, which the read holds until it ends.
fn start_read(schemas: Vec<FileSchema>, state: &Rc<RefCell<State>>) -> ReadTask {
    let mut state = state.borrow_mut();
    let helpers = std::mem::take(&mut state.helpers);
    ReadTask::start(schemas, state.sources.clone(), helpers)
}

/// Stops the read started ahead of the mapping's confirmation, if any, and
/// takes back its helpers.
async fn stop_reading_ahead(state: &Rc<RefCell<State>>) {
    let ahead = state.borrow_mut().read_ahead.take();
    if let Some(task) = ahead {
        let helpers = task.stop().await;
        let mut state = state.borrow_mut();
        if state.helpers.is_empty() {
            state.helpers = helpers;
        }
    }
}

/// Reads and segments the files: takes the read started ahead when it
/// reads with these schemas, or else stops it and reads again.
async fn analyze(schemas: Vec<FileSchema>, settings: &Settings, state: &Rc<RefCell<State>>) -> Reply {
    let ahead = state.borrow_mut().read_ahead.take_if(|task| task.reads(&schemas));
    let task = match ahead {
        Some(task) => task,
        None => {
            stop_reading_ahead(state).await;
            start_read(schemas, state)
        }
    };
    let outcome = task.finish().await;
    state.borrow_mut().helpers = outcome.helpers;
    let read = match outcome.read {
        Ok(read) => read,
        Err(failure) => return Reply::Failed(failure),
    };
    post(&Reply::Progress {
        stage: Stage::Analyzing,
        fraction: 0.92,
    });
    let mut state = state.borrow_mut();
    state.session.load(read.dataset, read.quality);
    state.session.ready(settings, read.parse_ms, read.workers)
}
