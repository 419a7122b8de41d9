//! The app's screens.

pub mod after_sales;
pub mod clusters;
pub mod clv;
pub mod dashboard;
pub mod demographics;
pub mod engagement;
pub mod explorer;
pub mod feedback;
pub mod interest;
pub mod leads;
pub mod lifecycle;
pub mod mapping;
pub mod membership;
pub mod migration;
pub mod quality;
pub mod repeat;
pub mod report;
pub mod rfm;
pub mod segments;
pub mod settings;
pub mod sources;
pub mod survey;
pub mod tiers;
pub mod upload;
