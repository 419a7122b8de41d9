//! The worker's side of Segscope: the typed binary protocol between page and
//! worker, the [`Loader`] that reads a set of files into one dataset, and the
//! [`Session`] that holds all state (dataset, settings, analysis, models),
//! decides what a settings change recomputes and answers each request.

mod activation;
mod handle;
mod loader;
pub mod protocol;
mod session;
pub mod texts;
pub mod warm_up;

pub use loader::{reading_order, Loader};
pub use session::Session;
