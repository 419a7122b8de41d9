//! The app's screens.

pub mod dashboard;
pub mod explorer;
pub mod mapping;
pub mod quality;
pub mod report;
pub mod settings;
pub mod upload;
