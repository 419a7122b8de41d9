//! The Segscope Web Worker: receives requests (bytes, see
//! `segscope_session::protocol`, with `File` handles beside them), streams files in chunks through `segscope-ingest`, and posts replies.
//! All parsing and analysis happen here, never on the page's thread.

mod helpers;
mod ranges;
mod sheets;
mod source;

use helpers::Helpers;
use segscope_engine::settings::Settings;
use segscope_ingest::split::MIN_SPLIT_BYTES;
use segscope_ingest::FileSchema;
use segscope_model::progress::Stage;
use segscope_session::protocol::{decode, encode, split_payload, Failure, Reply, Request};
use segscope_session::{reading_order, Loader, Session};
use segscope_worker::{post_bytes, post_with_payload};
use source::{Chunks, Source};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::File;

/// What the worker keeps between requests: the dropped files (the session
/// holds everything else).
struct State {
    sources: Vec<Source>,
    session: Session,
    /// Copies of this worker that read ranges of large files.
    helpers: Helpers,
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
    let mut results = Vec::with_capacity(files.len());
    let mut sources = Vec::with_capacity(files.len());
    for file in files {
        let Some((source, schema)) = Source::open(file.clone()).await else {
            return Reply::Failed(Failure::ReadFailed { file: file.name() });
        };
        results.push(schema);
        sources.push(source);
    }
    // A file large enough to read in ranges: start the helpers now, while
    // the user looks at the mapping step.
    let large = sources
        .iter()
        .any(|s| s.text_file().is_some_and(|f| f.size() >= MIN_SPLIT_BYTES as f64));
    let mut state = state.borrow_mut();
    if large {
        state.helpers.spawn(Helpers::wanted());
    }
    state.sources = sources;
    Reply::Inspected { files: results }
}

/// Reads and segments the files.
async fn analyze(schemas: Vec<FileSchema>, settings: &Settings, state: &Rc<RefCell<State>>) -> Reply {
    let started = js_sys::Date::now();
    // The helpers are lent to the read (the state is borrowed only between awaits).
    let mut helpers = std::mem::take(&mut state.borrow_mut().helpers);
    let read = read_files(&schemas, state, &mut helpers).await;
    if read.as_ref().is_ok_and(|&(_, workers)| workers > 1) {
        // A worker never gives memory back, and theirs grew with the ranges
        // they read: end them (fresh ones start once the answer is posted).
        drop(helpers);
    } else {
        state.borrow_mut().helpers = helpers;
    }
    let (loader, read_workers) = match read {
        Ok(read) => read,
        Err(failure) => return Reply::Failed(failure),
    };
    let (dataset, quality) = loader.finish();
    let parse_ms = js_sys::Date::now() - started;
    post(&Reply::Progress {
        stage: Stage::Analyzing,
        fraction: 0.92,
    });
    let mut state = state.borrow_mut();
    state.session.load(dataset, quality);
    state.session.ready(settings, parse_ms, read_workers)
}

/// Reads every file with its confirmed schema, large ones in ranges on the
/// helpers; also returns the most workers that read one file at once.
async fn read_files(
    schemas: &[FileSchema],
    state: &Rc<RefCell<State>>,
    helpers: &mut Helpers,
) -> Result<(Loader, u32), Failure> {
    let sources: Vec<Source> = state.borrow().sources.clone();
    let total: f64 = sources.iter().map(Source::size).sum::<f64>().max(1.0);
    let mut done = 0.0;
    let mut on_bytes = |n: f64| {
        done += n;
        post(&Reply::Progress {
            stage: Stage::Parsing,
            fraction: 0.9 * done / total,
        });
    };
    // Customers first, then orders, then the details joined to them, whatever
    // the drop order (the engine decides).
    let mut loader = Loader::for_files(schemas);
    let mut workers = 1;
    for i in reading_order(schemas) {
        let (Some(source), Some(schema)) = (sources.get(i), schemas.get(i)) else {
            continue;
        };
        let size = source.size() as u64;
        let mut parser = loader.open(schema.clone(), size).map_err(Failure::Ingest)?;
        let split = source
            .text_file()
            .filter(|_| !helpers.is_empty() && loader.splits(schema, size));
        match split {
            Some(file) => {
                let merged =
                    ranges::read_in_ranges(&mut loader, &mut parser, file, schema, helpers, &mut on_bytes).await?;
                workers = workers.max(merged);
            }
            None => read_whole(&mut loader, &mut parser, &mut source.chunks(), &mut on_bytes).await?,
        }
        loader.close(parser).map_err(Failure::Ingest)?;
    }
    Ok((loader, workers))
}

/// Feeds a whole file to the open parser, chunk by chunk.
async fn read_whole(
    loader: &mut Loader,
    parser: &mut segscope_ingest::FileParser,
    chunks: &mut Chunks,
    on_bytes: &mut impl FnMut(f64),
) -> Result<(), Failure> {
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(|()| Failure::ReadFailed { file: chunks.name() })?;
        loader.feed(parser, &chunk).map_err(Failure::Ingest)?;
        on_bytes(chunk.len() as f64);
    }
    Ok(())
}
