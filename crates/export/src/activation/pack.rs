//! The campaign pack (docs/export/activation.md#campaign-pack): a zip with
//! one customer list per playbook group that has customers — each RFM
//! segment, lifecycle stage and value tier — and per custom segment, named
//! after it, and a README giving each list's size, reachable customers and
//! recommended action, all in the UI language.

use super::super::customers::customers_csv_localized;
use super::super::error::ExportError;
use super::super::zip_out::ZipOut;
use crate::texts::t;
use segscope_engine::playbook::{action, tier_key};
use segscope_engine::{tier_display_name, Analysis, LifecycleStage, RfmSegment};
use segscope_i18n::Lang;
use segscope_model::{ContactField, Dataset};

/// One list of the pack.
struct Group {
    /// The list's name (segment, stage, tier or custom segment).
    name: String,
    /// The recommended action; empty for custom segments.
    action: String,
    /// Its customers.
    members: Vec<usize>,
}

/// The campaign pack of `analysis` as zip bytes: one localized per-customer
/// CSV per group with customers, and `README.txt`.
pub fn campaign_pack(dataset: &Dataset, analysis: &Analysis, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let groups = groups(analysis, lang);
    let contacts = dataset.customers.profile().contacts();
    let reachable = |members: &[usize]| {
        members
            .iter()
            .filter(|&&i| {
                [ContactField::Email, ContactField::Phone]
                    .iter()
                    .any(|f| contacts.get(i, *f).is_some())
            })
            .count()
    };
    let mut zip = ZipOut::default();
    let mut readme = format!("{}\n\n", t(lang, "pack.readme.title"));
    for (n, group) in groups.iter().filter(|g| !g.members.is_empty()).enumerate() {
        let file = format!("{:02} {}.csv", n + 1, file_safe(&group.name));
        let csv = customers_csv_localized(dataset, analysis, group.members.iter().copied(), lang);
        zip.add(&file, |w| w.write_all(csv.as_bytes()))?;
        let counts = t(lang, "pack.readme.counts")
            .replace("{customers}", &group.members.len().to_string())
            .replace("{reachable}", &reachable(&group.members).to_string());
        readme.push_str(&format!("{file}\n  {counts}\n"));
        if !group.action.is_empty() {
            readme.push_str(&format!("  {}: {}\n", t(lang, "pack.readme.action"), group.action));
        }
        readme.push('\n');
    }
    zip.add("README.txt", |w| w.write_all(readme.as_bytes()))?;
    zip.finish()
}

/// The groups, in playbook order: RFM segments, lifecycle stages, value
/// tiers (best first, then no purchase), then custom segments.
fn groups(analysis: &Analysis, lang: Lang) -> Vec<Group> {
    let labels = &analysis.labels;
    let playbook = &analysis.settings.playbook;
    let tiers = &analysis.summary.tiers;
    let n = labels.lifecycle().len();
    let members = |test: &dyn Fn(usize) -> bool| (0..n).filter(|&i| test(i)).collect::<Vec<_>>();
    let mut groups: Vec<Group> = RfmSegment::ALL
        .iter()
        .map(|s| Group {
            name: t(lang, s.i18n_key()).to_string(),
            action: action(s.i18n_key(), lang, playbook).to_string(),
            members: members(&|i| labels.segment().get(i).copied().flatten() == Some(*s)),
        })
        .collect();
    groups.extend(LifecycleStage::ALL.iter().map(|s| Group {
        name: t(lang, s.i18n_key()).to_string(),
        action: action(s.i18n_key(), lang, playbook).to_string(),
        members: members(&|i| labels.lifecycle().get(i) == Some(s)),
    }));
    // The last tier row is "No purchase" (customers without a tier).
    groups.extend(tiers.iter().enumerate().map(|(k, tier)| {
        let value = (k + 1 < tiers.len()).then_some(k as u32);
        Group {
            name: tier_display_name(tier, lang),
            action: action(tier_key(value, tiers.len().saturating_sub(1)), lang, playbook).to_string(),
            members: members(&|i| labels.tier().get(i).copied().flatten() == value),
        }
    }));
    if let Some(custom) = &analysis.custom {
        groups.extend(custom.names.iter().map(|name| Group {
            name: name.clone(),
            action: String::new(),
            members: members(&|i| custom.names_of(i).contains(&name.as_str())),
        }));
    }
    groups
}

/// `name` as a file name on every system: no path separators or characters
/// Windows refuses, at most 60 characters.
fn file_safe(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(60)
        .collect();
    safe.trim().trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(file_safe("At Risk / High: A*"), "At Risk _ High_ A_");
        assert_eq!(file_safe("高价值客户"), "高价值客户");
        assert_eq!(file_safe("x."), "x");
    }
}
