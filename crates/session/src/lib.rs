//! The worker's side of Segscope: the typed binary protocol between page and
//! worker, and the [`Session`] that holds all state (files, dataset,
//! analysis, models) and answers each request.

pub mod protocol;
mod session;

pub use session::{reading_order, Loader, Session};
