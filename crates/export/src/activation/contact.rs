//! One customer's contact details read once for every format: the e-mail and
//! phone normalised, the name split, the country recognised
//! (docs/export/activation.md#normalising).

use super::countries::{country_of, Country};
use super::normalise;
use segscope_model::{ContactField, Contacts};

/// A customer's contact details, ready for any format.
pub(crate) struct Contact<'d> {
    /// Trimmed, lowercased e-mail, when it is one.
    pub email: Option<String>,
    /// Phone in E.164 digits (calling code first, no `+`), when it can be.
    pub phone: Option<String>,
    /// The phone cell as written (for tools that take any form).
    pub phone_as_written: Option<&'d str>,
    /// Given name as written.
    pub first: Option<&'d str>,
    /// Family name as written.
    pub last: Option<&'d str>,
    /// City, state and postal code as written.
    pub city: Option<&'d str>,
    pub state: Option<&'d str>,
    pub zip: Option<&'d str>,
    /// The customer's country, when its cell names one.
    pub country: Option<&'static Country>,
    /// 企业微信 external contact id and WeChat openid.
    pub wecom_id: Option<&'d str>,
    pub open_id: Option<&'d str>,
}

impl<'d> Contact<'d> {
    /// Customer `i`'s details; phones without a calling code take the
    /// customer's own country, else `fallback`.
    pub(crate) fn of(contacts: &'d Contacts, i: usize, fallback: Option<&'static Country>) -> Self {
        let get = |field| contacts.get(i, field);
        let country = get(ContactField::Country).and_then(country_of);
        let phone_as_written = get(ContactField::Phone);
        let (first, last) = match (get(ContactField::FirstName), get(ContactField::LastName)) {
            (None, None) => get(ContactField::Name).map_or((None, None), split_name),
            pair => pair,
        };
        Contact {
            email: get(ContactField::Email).and_then(normalise::email),
            phone: phone_as_written.and_then(|p| normalise::phone(p, country.or(fallback))),
            phone_as_written,
            first,
            last,
            city: get(ContactField::City),
            state: get(ContactField::State),
            zip: get(ContactField::Zip),
            country,
            wecom_id: get(ContactField::WecomId),
            open_id: get(ContactField::OpenId),
        }
    }
}

/// A whole name split into given and family name: the first word and the
/// rest, for names written in an alphabet with spaces ("Ana Souza", "Mary
/// Ann de la Cruz" → "Mary", "Ann de la Cruz"). A name in Chinese,
/// Japanese or Korean characters, or of one word, is not split: which part
/// is the family name is not written in it.
fn split_name(name: &str) -> (Option<&str>, Option<&str>) {
    let name = name.trim();
    let cjk = name.chars().any(|c| ('\u{2e80}'..='\u{d7ff}').contains(&c));
    match name.split_once(char::is_whitespace) {
        Some((first, rest)) if !cjk && !rest.trim().is_empty() => (Some(first), Some(rest.trim())),
        _ => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_only_where_the_family_name_is_written_apart() {
        assert_eq!(split_name("Ana Souza"), (Some("Ana"), Some("Souza")));
        assert_eq!(
            split_name(" Mary  Ann de la Cruz "),
            (Some("Mary"), Some("Ann de la Cruz"))
        );
        assert_eq!(split_name("张伟"), (None, None));
        assert_eq!(split_name("张 伟"), (None, None));
        assert_eq!(split_name("Madonna"), (None, None));
    }

    #[test]
    fn a_customer_reads_once_for_every_format() {
        let mut contacts = Contacts::empty(1);
        contacts.fill(0, ContactField::Name, "Ana Souza");
        contacts.fill(0, ContactField::Email, " Ana.Souza@Example.com ");
        contacts.fill(0, ContactField::Phone, "(11) 91234-5678");
        contacts.fill(0, ContactField::Country, "Brasil");
        let c = Contact::of(&contacts, 0, None);
        assert_eq!(c.email.as_deref(), Some("ana.souza@example.com"));
        assert_eq!(c.phone.as_deref(), Some("5511912345678"));
        assert_eq!((c.first, c.last), (Some("Ana"), Some("Souza")));
        assert_eq!(c.country.map(|c| c.iso2), Some("BR"));
    }
}
