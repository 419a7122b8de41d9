//! Lists that marketing tools import as they are: a selection's customers in
//! the columns, normalisation and limits of Meta, Google Ads, Mailchimp,
//! Klaviyo, Shopify or 企业微信, optionally hashed (docs/export/activation.md).

mod contact;
mod countries;
mod format;
mod hash;
mod normalise;
mod pack;
mod rows;

use super::csv_cell::push_plain;
use super::customer_row::{LabelTexts, Wording};
use super::error::ExportError;
use super::zip_out::ZipOut;
use contact::Contact;
use segscope_engine::Analysis;
use segscope_i18n::Lang;
use segscope_model::{ContactField, Dataset};
use serde::{Deserialize, Serialize};

pub use countries::country_codes;
pub use format::ActivationFormat;
pub use pack::campaign_pack;

/// What the user chose for one activation export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivationOptions {
    /// The tool the list is for.
    pub format: ActivationFormat,
    /// Hash identifiers with SHA-256 (only where the tool accepts it).
    pub hash: bool,
    /// ISO 3166-1 alpha-2 country whose calling code phones written without
    /// one get, when the customer's own country is not known.
    pub phone_country: Option<String>,
    /// The language of the tags (segment labels).
    pub lang: Lang,
}

/// An activation download and what went into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivationFile {
    /// The tool the list is for.
    pub format: ActivationFormat,
    /// Suggested file name.
    pub file_name: String,
    /// MIME type.
    pub mime: String,
    /// The file: a CSV, or a zip of CSV parts when the tool limits file size.
    pub bytes: Vec<u8>,
    /// Customers written.
    pub customers: u64,
    /// Customers of the selection left out: no contact the tool matches on.
    pub left_out: u64,
}

/// What the data holds for activation: which contacts, and the country most
/// customers are in (the default for phones without a calling code).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactCoverage {
    /// Customers with a usable e-mail.
    pub emails: u64,
    /// Customers with a phone.
    pub phones: u64,
    /// Customers whose phone has no country code and whose country cell
    /// names no country: their phones need the export's country setting.
    pub phones_without_country: u64,
    /// Customers with a 企业微信 external contact id or WeChat openid.
    pub wechat_ids: u64,
    /// The most common recognised country (alpha-2), if any cell names one.
    pub main_country: Option<String>,
}

/// Counts the contacts of every customer.
pub fn contact_coverage(dataset: &Dataset) -> ContactCoverage {
    let contacts = dataset.customers.profile().contacts();
    let mut coverage = ContactCoverage::default();
    let mut countries: Vec<(&str, u64)> = Vec::new();
    for i in (0..contacts.len()).filter(|&i| contacts.has_any(i)) {
        let has = |field| contacts.get(i, field).is_some();
        coverage.emails += u64::from(
            contacts
                .get(i, ContactField::Email)
                .and_then(normalise::email)
                .is_some(),
        );
        coverage.phones += u64::from(has(ContactField::Phone));
        let own_country = contacts.get(i, ContactField::Country).and_then(countries::country_of);
        coverage.phones_without_country += u64::from(
            own_country.is_none()
                && contacts
                    .get(i, ContactField::Phone)
                    .is_some_and(|p| normalise::phone(p, None).is_none()),
        );
        coverage.wechat_ids += u64::from(has(ContactField::WecomId) || has(ContactField::OpenId));
        if let Some(country) = own_country {
            match countries.iter_mut().find(|(code, _)| *code == country.iso2) {
                Some((_, n)) => *n += 1,
                None => countries.push((country.iso2, 1)),
            }
        }
    }
    coverage.main_country = countries
        .iter()
        .max_by_key(|(code, n)| (*n, std::cmp::Reverse(*code)))
        .map(|(code, _)| code.to_string());
    coverage
}

/// The list of the customers at `indices` for `options.format`; customers
/// without the contact the tool matches on are left out and counted.
pub fn activation_file(
    dataset: &Dataset,
    analysis: &Analysis,
    indices: impl Iterator<Item = usize>,
    options: &ActivationOptions,
) -> Result<ActivationFile, ExportError> {
    let format = options.format;
    let texts = LabelTexts::new(analysis, Wording::Localized(options.lang));
    let fallback = options.phone_country.as_deref().and_then(countries::country_by_code);
    let contacts = dataset.customers.profile().contacts();
    let (mut customers, mut left_out) = (0u64, 0u64);
    let mut lines: Vec<String> = Vec::new();
    for i in indices.filter(|&i| i < contacts.len()) {
        let contact = Contact::of(contacts, i, fallback);
        match rows::rows(format, options.hash, &contact, &texts.tags(analysis, i)) {
            Some(rows) => {
                customers += 1;
                lines.extend(rows.iter().map(|cells| line(cells)));
            }
            None => left_out += 1,
        }
    }
    let header = line(format.columns());
    let hashed = if options.hash && format.can_hash() {
        "-sha256"
    } else {
        ""
    };
    let stem = format!("segscope-{}{hashed}", format.file_stem());
    let parts = split(&header, &lines, format.max_file_bytes());
    let (file_name, mime, bytes) = if parts.len() <= 1 {
        let csv = parts.into_iter().next().unwrap_or(header);
        (format!("{stem}.csv"), CSV.to_string(), csv.into_bytes())
    } else {
        let mut zip = ZipOut::default();
        for (n, part) in parts.iter().enumerate() {
            zip.add(&format!("{stem}-part{}.csv", n + 1), |w| w.write_all(part.as_bytes()))?;
        }
        (format!("{stem}.zip"), ZIP.to_string(), zip.finish()?)
    };
    Ok(ActivationFile {
        format,
        file_name,
        mime,
        bytes,
        customers,
        left_out,
    })
}

/// The MIME type of a list.
const CSV: &str = "text/csv;charset=utf-8";
/// The MIME type of a list in parts, and of the campaign pack.
const ZIP: &str = "application/zip";

/// One CSV line (RFC 4180 quoting, LF end, no BOM: the tools read UTF-8).
fn line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::new();
    for (n, cell) in cells.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        push_plain(&mut out, cell.as_ref());
    }
    out.push('\n');
    out
}

/// The lines in files of at most `max` bytes, each starting with `header`
/// (one file without a limit).
fn split(header: &str, lines: &[String], max: Option<usize>) -> Vec<String> {
    let mut parts = vec![header.to_string()];
    for l in lines {
        let last = parts
            .last_mut()
            .filter(|p| max.is_none_or(|max| p.len() + l.len() <= max || p.len() == header.len()));
        match last {
            Some(part) => part.push_str(l),
            None => parts.push(format!("{header}{l}")),
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_stay_under_the_limit_and_each_has_the_header() {
        let lines: Vec<String> = (0..100).map(|n| format!("customer{n:03}@example.com\n")).collect();
        let parts = split("Email\n", &lines, Some(300));
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|p| p.len() <= 300 && p.starts_with("Email\n")));
        let rows: usize = parts.iter().map(|p| p.lines().count() - 1).sum();
        assert_eq!(rows, 100);
        assert_eq!(split("Email\n", &lines, None).len(), 1);
    }
}
