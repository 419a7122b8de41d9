//! Segscope engine: turns order and customer exports into per-customer metrics,
//! segmentations, chart SVG and exports. Pure Rust with no web dependencies, so
//! the same code runs in native tests, benchmarks and the browser's Web Worker.

pub mod analyze;
pub mod chart;
pub mod date;
pub mod explore;
pub mod export;
pub mod format;
pub mod i18n;
pub mod ingest;
pub mod model;
pub mod progress;
pub mod protocol;
pub mod session;
pub mod settings;
