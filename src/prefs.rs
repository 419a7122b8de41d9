//! What the browser remembers: the language choice and the analysis settings
//! (never the data), in localStorage.

use segscope_core::i18n::Lang;
use segscope_core::settings::Settings;
use web_sys::Storage;

const LANG_KEY: &str = "segscope.lang";
const SETTINGS_KEY: &str = "segscope.settings";

fn storage() -> Option<Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The UI language: `?lang=` first, then the saved choice, then the browser's.
pub fn initial_lang() -> Lang {
    let window = web_sys::window();
    let from_query = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
        .and_then(|p| p.get("lang"))
        .and_then(|tag| Lang::from_tag(&tag));
    let saved = || {
        storage()
            .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
            .and_then(|tag| Lang::from_tag(&tag))
    };
    let browser = || {
        window
            .as_ref()
            .and_then(|w| w.navigator().language())
            .and_then(|tag| Lang::from_tag(&tag))
    };
    from_query.or_else(saved).or_else(browser).unwrap_or_default()
}

/// Remembers the language choice.
pub fn save_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.tag());
    }
}

/// The saved settings, or the defaults when none are saved or they are invalid.
pub fn load_settings() -> Settings {
    storage()
        .and_then(|s| s.get_item(SETTINGS_KEY).ok().flatten())
        .and_then(|json| serde_json::from_str::<Settings>(&json).ok())
        .filter(|s| s.validate().is_ok())
        .unwrap_or_default()
}

/// Saves the settings.
pub fn save_settings(settings: &Settings) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(settings)) {
        let _ = s.set_item(SETTINGS_KEY, &json);
    }
}
