//! The first screen: drop files, pick them, or load the demo dataset.

use crate::state::use_app;
use crate::worker;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, FileList, HtmlInputElement};

/// The demo dataset's files, served beside the app.
const DEMO_FILES: [&str; 5] = [
    "demo/orders.csv",
    "demo/customers.csv",
    "demo/events.csv",
    "demo/survey.csv",
    "demo/reviews.csv",
];

fn files_of(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Fetches the bundled demo files (same origin) as `File`s.
async fn demo_files() -> Option<Vec<File>> {
    let window = web_sys::window()?;
    let mut files = Vec::new();
    for path in DEMO_FILES {
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path))
            .await
            .ok()?
            .dyn_into()
            .ok()?;
        if !response.ok() {
            return None;
        }
        let blob = JsFuture::from(response.blob().ok()?).await.ok()?;
        let name = path.rsplit('/').next().unwrap_or(path);
        files.push(File::new_with_blob_sequence(&js_sys::Array::of1(&blob), name).ok()?);
    }
    Some(files)
}

/// Upload screen.
#[component]
pub fn UploadPage() -> impl IntoView {
    let state = use_app();
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        worker::inspect(state, files_of(ev.data_transfer().and_then(|d| d.files())));
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
            return;
        };
        worker::inspect(state, files_of(input.files()));
        input.set_value("");
    };
    let on_demo = move |_| {
        state.auto_confirm.set(true);
        leptos::task::spawn_local(async move {
            match demo_files().await {
                Some(files) => worker::inspect(state, files),
                None => {
                    state.auto_confirm.set(false);
                    state.fail(segscope_session::protocol::Failure::ReadFailed { file: "demo".into() });
                }
            }
        });
    };
    view! {
        <section class="upload">
            <div class="hero">
                <h1>{move || state.tr("upload.title")}</h1>
                <p class="lead">{move || state.tr("upload.lead")}</p>
            </div>
            <label class="dropzone" class:dropzone-active=move || dragging.get()
                on:dragover=move |ev: DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <input type="file" multiple accept=".csv,.tsv,.txt,.xlsx,.xlsm,.xls,text/csv,text/plain"
                    class="visually-hidden" data-testid="file-input" on:change=on_pick/>
                <span class="dropzone-icon" aria-hidden="true">"⇪"</span>
                <span class="dropzone-title">{move || state.tr("upload.drop")}</span>
                <span class="dropzone-hint">{move || state.tr("upload.kinds")}</span>
                <span class="btn btn-primary">{move || state.tr("upload.choose")}</span>
            </label>
            <div class="demo">
                <span>{move || state.tr("upload.no_data")}</span>
                <button class="btn btn-secondary" data-testid="demo-button" on:click=on_demo>
                    {move || state.tr("upload.demo")}
                </button>
            </div>
            <ul class="promises">
                <li>{move || state.tr("upload.promise.private")}</li>
                <li>{move || state.tr("upload.promise.fast")}</li>
                <li>{move || state.tr("upload.promise.formats")}</li>
            </ul>
        </section>
    }
}
