//! The app root: state, worker, layout, and which screen shows.

use crate::components::header::Header;
use crate::components::status_bar::StatusBar;
use crate::pages::dashboard::Dashboard;
use crate::pages::mapping::MappingPage;
use crate::pages::upload::UploadPage;
use crate::prefs;
use crate::state::{AppState, Phase};
use crate::worker;
use leptos::prelude::*;
use segscope_i18n::t;

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
    let screen = move || match (state.phase.get(), state.summary.with(Option::is_some)) {
        (Phase::Mapping, _) => view! { <MappingPage/> }.into_any(),
        (_, true) => view! { <Dashboard/> }.into_any(),
        _ => view! { <UploadPage/> }.into_any(),
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
