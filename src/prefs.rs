//! What the browser remembers: the language choice and the analysis settings
//! (never the data), in localStorage.

use segscope_engine::settings::Settings;
use segscope_i18n::Lang;
use segscope_ingest::schema::RoleColumn;
use segscope_ingest::value::DateOrder;
use segscope_ingest::{FileKind, FileSchema};
use serde::{Deserialize, Serialize};
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

/// Forgets everything this app stored in the browser: language, settings
/// and remembered column mappings (the data itself is never stored).
pub fn clear_all() {
    let Some(s) = storage() else {
        return;
    };
    let keys: Vec<String> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with("segscope."))
        .collect();
    for key in keys {
        let _ = s.remove_item(&key);
    }
}

/// Saves the settings.
pub fn save_settings(settings: &Settings) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(settings)) {
        let _ = s.set_item(SETTINGS_KEY, &json);
    }
}

/// The user's mapping choices for files with one header row.
#[derive(Serialize, Deserialize)]
struct SavedMapping {
    kind: FileKind,
    roles: Vec<RoleColumn>,
    date_order: DateOrder,
    #[serde(default)]
    date_order_fixed: bool,
}

/// The storage key of a header row: same headers, same key (FNV-1a).
fn mapping_key(headers: &[String]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in headers.join("\u{1f}").bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("segscope.mapping.{hash:016x}")
}

/// Applies the choices saved for this header row, if any.
pub fn restore_mapping(schema: &mut FileSchema) {
    let saved = storage()
        .and_then(|s| s.get_item(&mapping_key(&schema.headers)).ok().flatten())
        .and_then(|json| serde_json::from_str::<SavedMapping>(&json).ok());
    if let Some(saved) = saved.filter(|m| {
        m.roles
            .iter()
            .all(|r| r.column.is_none_or(|c| c < schema.headers.len()))
    }) {
        schema.kind = saved.kind;
        schema.roles = saved.roles;
        schema.date_order = saved.date_order;
        schema.date_order_fixed = saved.date_order_fixed;
    }
}

/// Remembers the user's choices for this header row.
pub fn save_mapping(schema: &FileSchema) {
    let saved = SavedMapping {
        kind: schema.kind,
        roles: schema.roles.clone(),
        date_order: schema.date_order,
        date_order_fixed: schema.date_order_fixed,
    };
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(&saved)) {
        let _ = s.set_item(&mapping_key(&schema.headers), &json);
    }
}
