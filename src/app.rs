//! The app root: state, worker, layout, and which screen shows.

use crate::components::header::Header;
use crate::components::status_bar::StatusBar;
use crate::pages::dashboard::Dashboard;
use crate::pages::mapping::MappingPage;
use crate::pages::upload::UploadPage;
use crate::prefs;
use crate::state::{AppState, Phase};
use crate::texts::t;
use crate::worker;
use leptos::prelude::*;

/// Segscope's root component.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(prefs::initial_lang(), prefs::load_settings());
    provide_context(state);
    worker::start(state);
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.tag());
            }
            doc.set_title(t(lang, "app.title"));
        }
    });
    // A memo, so that the screen is built again only when it changes: a
    // re-analysis (phase Analyzing → Ready, a new summary) keeps the dashboard
    // and the focus of the field being edited.
    let screen_in_view = Memo::new(
        move |_| match (state.phase.get(), state.summary.with(Option::is_some)) {
            (Phase::Mapping, _) => Screen::Mapping,
            (_, true) => Screen::Dashboard,
            _ => Screen::Upload,
        },
    );
    let screen = move || match screen_in_view.get() {
        Screen::Mapping => view! { <MappingPage/> }.into_any(),
        Screen::Dashboard => view! { <Dashboard/> }.into_any(),
        Screen::Upload => view! { <UploadPage/> }.into_any(),
    };
    view! {
        <div class="app">
            <Header/>
            <StatusBar/>
            <main class="main">{screen}</main>
            <footer class="footer">{move || state.tr("footer.privacy")}</footer>
        </div>
    }
}

/// The screens of the app's flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    /// Choosing files (and the demo).
    Upload,
    /// Checking the column mapping.
    Mapping,
    /// The analysis.
    Dashboard,
}
