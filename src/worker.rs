//! The page's side of the Web Worker: spawn it, send requests with file
//! handles, turn replies into state changes, cancel by restarting it.

use crate::download::{download_bytes, download_js_bytes, drop_download_pieces, keep_download_piece};
use crate::prefs;
use crate::state::{AppState, Phase};
use js_sys::Array;
use leptos::prelude::*;
use segscope_engine::settings::{Settings, SettingsError};
use segscope_export::ActivationFile;
use segscope_model::progress::Stage;
use segscope_session::protocol::{decode, encode, Failure, Reply, Request, SessionRequest};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker script Trunk emits for `crates/worker` (loader shim).
const WORKER_URL: &str = "./segscope-worker_loader.js";

struct Bridge {
    worker: Worker,
    started: bool,
    queue: Vec<Array>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
}

/// Starts (or restarts) the worker, wiring its replies to `state`.
pub fn start(state: AppState) {
    state.worker_warm.set(false);
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = match Worker::new_with_options(WORKER_URL, &options) {
        Ok(w) => w,
        Err(_) => {
            state.fail(Failure::BadRequest);
            return;
        }
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        // A download's content comes beside its reply (`[reply, content]`,
        // see `split_payload`) and becomes the file as it is.
        let (bytes, payload) = match event.data().dyn_into::<js_sys::Array>() {
            Ok(parts) => (parts.get(0), parts.get(1).dyn_into::<js_sys::Uint8Array>().ok()),
            Err(data) => (data, None),
        };
        let reply = bytes
            .dyn_into::<js_sys::Uint8Array>()
            .ok()
            .and_then(|bytes| decode::<Reply>(&bytes.to_vec()));
        match reply {
            Some(reply) => on_reply(state, reply, payload),
            None => state.fail(Failure::BadRequest),
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // A trap inside the worker (a bug) must not leave the page waiting: say so
    // and start a fresh worker so the user can try again.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        state.auto_confirm.set(false);
        state.fail(Failure::WorkerStopped);
        start(state);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    BRIDGE.with(|b| {
        if let Some(old) = b.borrow_mut().take() {
            old.worker.terminate();
        }
        *b.borrow_mut() = Some(Bridge {
            worker,
            started: false,
            queue: Vec::new(),
            _on_message: on_message,
            _on_error: on_error,
        });
    });
}

/// Sends a request with file handles; queued until the worker has started.
pub fn send(request: &Request, files: &[File]) {
    let message = Array::new();
    message.push(&js_sys::Uint8Array::from(encode(request).as_slice()));
    for f in files {
        message.push(f);
    }
    BRIDGE.with(|b| {
        if let Some(bridge) = b.borrow_mut().as_mut() {
            if bridge.started {
                let _ = bridge.worker.post_message(&message);
            } else {
                bridge.queue.push(message);
            }
        }
    });
}

/// Asks the session in the worker a question about the loaded data.
pub fn ask(request: SessionRequest) {
    send(&Request::Session(request), &[]);
}

/// Applies `settings` as [`change_settings`] does and shows why not in
/// `problem` (in the UI language), or clears it.
pub fn offer_settings(state: AppState, problem: RwSignal<Option<String>>, settings: Settings) {
    let lang = state.lang.get_untracked();
    problem.set(change_settings(state, settings).err().map(|e| e.message(lang)));
}

/// Applies `edit` to the settings in force, then as [`offer_settings`].
pub fn edit_settings(state: AppState, problem: RwSignal<Option<String>>, edit: impl FnOnce(&mut Settings)) {
    let mut settings = state.settings.get_untracked();
    edit(&mut settings);
    offer_settings(state, problem, settings);
}

/// Asks the worker for the models of the current analysis unless they are
/// already asked for (pages that show them call this; the worker refits only
/// when their inputs changed).
pub fn ensure_models(state: AppState) {
    if state.summary.with_untracked(Option::is_some) && !state.models_asked.get_untracked() {
        state.models_asked.set(true);
        ask(SessionRequest::Models);
    }
}

/// Stops all work at once by restarting the worker; the status says it was
/// cancelled.
pub fn cancel(state: AppState) {
    reset(state, "status.cancelled");
}

/// Drops the analysis the user chose to discard and waits for new files
/// (settings are kept).
pub fn start_over(state: AppState) {
    reset(state, "status.idle");
}

/// Restarts the worker and forgets the loaded data; `stage_key` names the
/// status shown after.
fn reset(state: AppState, stage_key: &'static str) {
    start(state);
    state.schemas.set(Vec::new());
    state.summary.set(None);
    state.models.set(None);
    state.progress.set(0.0);
    state.failure.set(None);
    state.stage_key.set(stage_key);
    state.phase.set(Phase::Idle);
}

fn on_started() {
    BRIDGE.with(|b| {
        if let Some(bridge) = b.borrow_mut().as_mut() {
            bridge.started = true;
            for message in bridge.queue.drain(..) {
                let _ = bridge.worker.post_message(&message);
            }
        }
    });
}

fn on_reply(state: AppState, reply: Reply, payload: Option<js_sys::Uint8Array>) {
    match reply {
        Reply::Started => on_started(),
        Reply::WarmedUp => state.worker_warm.set(true),
        Reply::Progress { stage, fraction } => {
            state.stage_key.set(match stage {
                Stage::Reading => "status.reading",
                Stage::Parsing => "status.parsing",
                Stage::Analyzing => "status.analyzing",
            });
            state.progress.set(fraction);
        }
        Reply::Inspected { files } => {
            let (ok, failed): (Vec<_>, Vec<_>) = files.into_iter().partition(Result::is_ok);
            let mut schemas: Vec<_> = ok.into_iter().filter_map(Result::ok).collect();
            schemas.iter_mut().for_each(crate::prefs::restore_mapping);
            let failures: Vec<Failure> = failed
                .into_iter()
                .filter_map(Result::err)
                .map(Failure::Ingest)
                .collect();
            state.rejected_files.set(failures.clone());
            match (schemas.is_empty(), failures.into_iter().next()) {
                (true, Some(first)) => state.fail(first),
                (true, None) => state.phase.set(Phase::Idle),
                (false, _) => {
                    state.schemas.set(schemas);
                    if state.auto_confirm.get_untracked() {
                        confirm_mapping(state);
                    } else {
                        state.stage_key.set("status.mapping");
                        state.phase.set(Phase::Mapping);
                        read_ahead_once_painted(state);
                    }
                }
            }
        }
        Reply::Reinspected { file, schema } => {
            state.reinspecting.update(|n| *n = n.saturating_sub(1));
            match schema {
                Ok(schema) => {
                    state.schemas.update(|s| {
                        if let Some(slot) = s.get_mut(file) {
                            *slot = schema;
                        }
                    });
                    read_ahead_once_painted(state);
                }
                Err(e) => state.fail(Failure::Ingest(e)),
            }
        }
        Reply::Ready {
            summary,
            quality,
            timings,
            models_stale,
        } => {
            if models_stale {
                state.models_asked.set(false);
                state.models.set(None);
            }
            state.briefing.set(None);
            state.summary.set(Some(*summary));
            state.quality.set(Some(*quality));
            // A re-segmentation reads nothing: keep the last read time.
            state.timings.update(|t| {
                if timings.parse_ms > 0.0 {
                    t.parse_ms = timings.parse_ms;
                    t.read_workers = timings.read_workers;
                }
                t.analyze_ms = timings.analyze_ms;
            });
            state.failure.set(None);
            state.progress.set(1.0);
            state.stage_key.set("status.ready");
            state.auto_confirm.set(false);
            state.phase.set(Phase::Ready);
        }
        Reply::SettingsKept => {
            state.stage_key.set("status.ready");
            state.phase.set(Phase::Ready);
        }
        Reply::DownloadPiece => match payload {
            Some(piece) => keep_download_piece(&piece),
            None => state.fail(Failure::BadRequest),
        },
        // The content came beside the reply (`split_payload`).
        Reply::Download { file_name, mime, .. } | Reply::DownloadBytes { file_name, mime, .. } => match payload {
            Some(content) => download_js_bytes(&file_name, &mime, &content),
            None => state.fail(Failure::BadRequest),
        },
        Reply::Customers(page) => state.customer_page.set(Some(page)),
        Reply::CustomerDetail(detail) => state.customer_detail.set(Some(*detail)),
        Reply::WhatIf(what_if) => state.what_if.set(Some(what_if)),
        Reply::Models(models) => state.models.set(Some(*models)),
        Reply::Holdout(check) => state.holdout.set(Some(*check)),
        Reply::Migration(migration) => state.migration.set(Some(*migration)),
        Reply::Briefing(briefing) => state.briefing.set(Some(*briefing)),
        Reply::RuleCounts(counts) => state.rule_counts.set(Some(counts)),
        Reply::Contacts(coverage) => state.contacts.set(Some(coverage)),
        Reply::Activation(file) => {
            download_bytes(&file.file_name, &file.mime, &file.bytes);
            state.activation_done.set(Some(ActivationFile {
                bytes: Vec::new(),
                ..*file
            }));
        }
        Reply::Failed(failure) => {
            drop_download_pieces();
            state.auto_confirm.set(false);
            state.reinspecting.set(0);
            state.fail(failure);
        }
    }
}

/// Once the mapping step is painted, and while it still shows, asks the
/// worker to read the files with the mapping as it stands, so that the
/// dashboard is near when the user confirms it
/// (docs/ingest/speed.md#reading-ahead). The paint goes first: the read
/// takes every core and would slow it.
fn read_ahead_once_painted(state: AppState) {
    request_animation_frame(move || {
        set_timeout(
            move || {
                if state.phase.get_untracked() == Phase::Mapping && state.reinspecting.get_untracked() == 0 {
                    send(
                        &Request::ReadAhead {
                            schemas: state.schemas.get_untracked(),
                        },
                        &[],
                    );
                }
            },
            std::time::Duration::ZERO,
        )
    });
}

/// Starts the full read with the schemas as they stand (mapping confirmed).
pub fn confirm_mapping(state: AppState) {
    state
        .schemas
        .with_untracked(|schemas| schemas.iter().for_each(crate::prefs::save_mapping));
    state.failure.set(None);
    state.progress.set(0.0);
    state.stage_key.set("status.parsing");
    state.phase.set(Phase::Analyzing);
    send(
        &Request::Analyze {
            schemas: state.schemas.get_untracked(),
            settings: state.settings.get_untracked(),
        },
        &[],
    );
}

/// Asks for a file's new first look (`Reinspect` or `ChooseSheet`); the
/// mapping waits for it.
pub fn reinspect(state: AppState, request: &Request) {
    state.reinspecting.update(|n| *n += 1);
    send(request, &[]);
}

/// Sends files for a first look.
pub fn inspect(state: AppState, files: Vec<File>) {
    if files.is_empty() {
        return;
    }
    state.failure.set(None);
    state.summary.set(None);
    state.models.set(None);
    state.holdout.set(None);
    state.contacts.set(None);
    state.activation_done.set(None);
    state.quality.set(None);
    state.schemas.set(Vec::new());
    state.progress.set(0.0);
    state.stage_key.set("status.reading");
    state.phase.set(Phase::Reading);
    send(&Request::Inspect, &files);
}

/// Applies new settings when they are valid: remembered in the browser and,
/// when data is loaded, sent to the session, which recomputes what they make
/// stale and answers with the new summary (or that nothing changed).
/// Invalid settings change nothing.
pub fn change_settings(state: AppState, settings: Settings) -> Result<(), SettingsError> {
    settings.validate()?;
    prefs::save_settings(&settings);
    state.settings.set(settings.clone());
    if state.summary.with_untracked(Option::is_some) {
        state.stage_key.set("status.analyzing");
        state.phase.set(Phase::Analyzing);
        ask(SessionRequest::ChangeSettings(settings));
    }
    Ok(())
}
