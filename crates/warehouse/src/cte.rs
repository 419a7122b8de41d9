//! A script as a list of named steps (common table expressions), each with
//! a comment saying what it computes, rendered as one `WITH … SELECT`.

use crate::dialect::Dialect;

/// One step of the script.
struct Step {
    name: &'static str,
    /// Computed once and kept (where the dialect can say so), for steps read
    /// more than once or whose size the planner cannot guess.
    materialized: bool,
    comment: String,
    body: String,
}

/// The steps of a script, in order.
#[derive(Default)]
pub(crate) struct Steps {
    steps: Vec<Step>,
}

impl Steps {
    /// Adds a step `name AS (body)` explained by `comment`.
    pub fn add(&mut self, name: &'static str, comment: impl Into<String>, body: impl Into<String>) {
        self.push(name, false, comment.into(), body.into());
    }

    /// Adds a step the engine should compute once and keep.
    pub fn add_materialized(&mut self, name: &'static str, comment: impl Into<String>, body: impl Into<String>) {
        self.push(name, true, comment.into(), body.into());
    }

    fn push(&mut self, name: &'static str, materialized: bool, comment: String, body: String) {
        self.steps.push(Step {
            name,
            materialized,
            comment,
            body,
        });
    }

    /// `WITH` and every step, then `select` (the final query).
    pub fn render(&self, d: Dialect, select: &str) -> String {
        let mut out = String::from("WITH\n");
        for (i, step) in self.steps.iter().enumerate() {
            for line in step.comment.lines() {
                out.push_str("-- ");
                out.push_str(line);
                out.push('\n');
            }
            out.push_str(step.name);
            out.push_str(d.cte_as(step.materialized));
            for line in step.body.trim_end().lines() {
                out.push_str("  ");
                out.push_str(line);
                out.push('\n');
            }
            out.push(')');
            out.push_str(if i + 1 < self.steps.len() { ",\n" } else { "\n" });
        }
        out.push_str(select.trim_end());
        out.push_str(";\n");
        out
    }
}
