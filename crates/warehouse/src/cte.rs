//! A script as a list of named steps (common table expressions), each with
//! a comment saying what it computes, rendered as one `WITH … SELECT`.

/// One step of the script.
struct Step {
    name: &'static str,
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
        self.steps.push(Step {
            name,
            comment: comment.into(),
            body: body.into(),
        });
    }

    /// `WITH` and every step, then `select` (the final query).
    pub fn render(&self, select: &str) -> String {
        let mut out = String::from("WITH\n");
        for (i, step) in self.steps.iter().enumerate() {
            for line in step.comment.lines() {
                out.push_str("-- ");
                out.push_str(line);
                out.push('\n');
            }
            out.push_str(step.name);
            out.push_str(" AS (\n");
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
