//! The engine's zh/en texts: label names of every scheme, playbook actions, rule, model, settings and survey texts, looked up by key; a key this crate does not hold
//! falls through to the shared texts of `segscope_i18n`.

mod audience;
mod labels;
mod migration;
mod models;
mod reasons;
mod rules;
mod settings;
mod survey;

segscope_i18n::texts!(tables: [audience::ENTRIES, labels::ENTRIES, migration::ENTRIES, models::ENTRIES, reasons::ENTRIES, rules::ENTRIES, settings::ENTRIES, survey::ENTRIES], below: [segscope_i18n::text]);

#[cfg(test)]
mod tests {

    /// The labels a customer carries, one scheme per prefix: a name must not
    /// mean two things (lifecycle "Active" and engagement "Active", RFM
    /// 新客户 and lifecycle 新客户 did), in either language.
    #[test]
    fn label_names_mean_one_thing_per_language() {
        const SCHEMES: [&str; 6] = ["seg.", "life.", "engagement.", "lead.", "tier.", "level."];
        let labels: Vec<_> = super::own_entries()
            .filter(|(k, ..)| SCHEMES.iter().any(|p| k.starts_with(p)) && !k.ends_with("numbered"))
            .collect();
        assert!(labels.len() > 30);
        for english in [true, false] {
            let mut seen = std::collections::HashMap::new();
            for (key, en, zh) in &labels {
                let name = if english { en } else { zh };
                if let Some(other) = seen.insert(name.to_lowercase(), *key) {
                    panic!("{name:?} names both {other} and {key}");
                }
            }
        }
    }
}
