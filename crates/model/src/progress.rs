//! Progress reporting through a sink, so the same code reports to a test, a
//! benchmark or the Web Worker's message port.

/// Named stages of the pipeline, shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Stage {
    /// Reading file bytes.
    Reading,
    /// Parsing and cleaning rows.
    Parsing,
    /// Computing metrics and segments.
    Analyzing,
}

/// Receives progress reports; `fraction` is in 0..=1 within the stage.
pub trait ProgressSink {
    /// Called now and then while work goes on.
    fn report(&mut self, stage: Stage, fraction: f64);
}

/// A sink that ignores every report.
pub struct NoProgress;

impl ProgressSink for NoProgress {
    fn report(&mut self, _stage: Stage, _fraction: f64) {}
}
