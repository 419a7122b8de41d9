//! Helpers of the key tests.

pub mod key_scan;
