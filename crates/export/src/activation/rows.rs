//! A customer's rows in each format: which contact goes in which column,
//! normalised and, where asked, hashed (docs/export/activation.md#formats).

use super::contact::Contact;
use super::format::{ActivationFormat, Key};
use super::hash::sha256_hex;
use super::normalise::{words, zip};
use crate::customer_row::CustomerTags;

/// Longest tag Mailchimp keeps (characters); longer labels are cut.
const MAILCHIMP_TAG_CHARS: usize = 100;
/// Longest tag Shopify keeps (characters).
const SHOPIFY_TAG_CHARS: usize = 255;
/// Longest tag name 企业微信 accepts (characters).
const WECOM_TAG_CHARS: usize = 30;

/// The rows of one customer in `format` (the 企业微信 list has one per
/// tag), or `None` when the customer lacks the contact the format needs.
pub(crate) fn rows(format: ActivationFormat, hash: bool, c: &Contact, tags: &CustomerTags) -> Option<Vec<Vec<String>>> {
    let has_key = match format.key() {
        Key::EmailOrPhone => c.email.is_some() || c.phone.is_some(),
        Key::Email => c.email.is_some(),
        Key::WechatId => c.wecom_id.is_some() || c.open_id.is_some(),
    };
    if !has_key {
        return None;
    }
    let hash = hash && format.can_hash();
    let identifier = |value: Option<String>| value.map_or_else(String::new, |v| if hash { sha256_hex(&v) } else { v });
    let plain = |value: Option<&str>| value.unwrap_or_default().trim().to_string();
    Some(match format {
        ActivationFormat::Meta => vec![vec![
            identifier(c.email.clone()),
            identifier(c.phone.clone()),
            identifier(c.first.and_then(|n| words(n, true))),
            identifier(c.last.and_then(|n| words(n, true))),
            identifier(c.city.and_then(|n| words(n, false))),
            identifier(c.state.and_then(|n| words(n, false))),
            identifier(c.zip.and_then(|z| zip(z, c.country))),
            identifier(c.country.map(|k| k.iso2.to_ascii_lowercase())),
        ]],
        ActivationFormat::Google => {
            // Name and address match only with all four of first name, last
            // name, country and zip.
            let address = (c.first.is_some() && c.last.is_some() && c.country.is_some() && c.zip.is_some())
                .then_some((c.first, c.last));
            let name = |n: Option<&str>| {
                if hash {
                    identifier(n.and_then(|n| words(n, true)))
                } else {
                    plain(n)
                }
            };
            vec![vec![
                identifier(c.email.clone()),
                identifier(c.phone.as_ref().map(|p| format!("+{p}"))),
                name(address.and_then(|a| a.0)),
                name(address.and_then(|a| a.1)),
                address.and(c.country).map_or_else(String::new, |k| k.iso2.to_string()),
                address.and(c.zip).map_or_else(String::new, |z| z.trim().to_string()),
            ]]
        }
        ActivationFormat::Mailchimp => vec![vec![
            identifier(c.email.clone()),
            plain(c.first),
            plain(c.last),
            plain(c.phone_as_written),
            joined_tags(tags, MAILCHIMP_TAG_CHARS),
        ]],
        ActivationFormat::Klaviyo => vec![vec![
            identifier(c.email.clone()),
            c.phone.as_ref().map_or_else(String::new, |p| format!("+{p}")),
            plain(c.first),
            plain(c.last),
            plain(tags.segment),
            plain(tags.tier),
            plain(tags.stage),
            tags.custom.join(", "),
        ]],
        ActivationFormat::Shopify => vec![vec![
            plain(c.first),
            plain(c.last),
            identifier(c.email.clone()),
            c.phone
                .as_ref()
                .map_or_else(|| plain(c.phone_as_written), |p| format!("+{p}")),
            joined_tags(tags, SHOPIFY_TAG_CHARS),
        ]],
        ActivationFormat::Wecom => tags
            .all()
            .map(|tag| vec![plain(c.wecom_id), plain(c.open_id), tag_text(tag, WECOM_TAG_CHARS)])
            .collect(),
    })
}

/// The tags in one cell, comma-separated (commas inside a label become
/// spaces, each label cut to `max` characters).
fn joined_tags(tags: &CustomerTags, max: usize) -> String {
    tags.all().map(|t| tag_text(t, max)).collect::<Vec<_>>().join(", ")
}

/// One tag: commas replaced, trimmed, at most `max` characters.
fn tag_text(tag: &str, max: usize) -> String {
    tag.replace([',', '，'], " ").trim().chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_model::{ContactField, Contacts};

    fn tags() -> CustomerTags<'static> {
        CustomerTags {
            segment: Some("At Risk"),
            tier: Some("High, VIP"),
            stage: Some("Lapsing"),
            custom: vec!["Win-back"],
        }
    }

    fn contact(fields: &[(ContactField, &str)]) -> Contacts {
        let mut contacts = Contacts::empty(1);
        for (field, value) in fields {
            contacts.fill(0, *field, value);
        }
        contacts
    }

    #[test]
    fn meta_hashes_match_the_published_examples() {
        // Meta's customer-information parameters page: normalised values and
        // their SHA-256 digests.
        for (normalised, digest) in [
            (
                "john_smith@gmail.com",
                "62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f",
            ),
            (
                "16505551212",
                "e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176",
            ),
            (
                "mary",
                "6915771be1c5aa0c886870b6951b03d7eafc121fea0e80a5ea83beb7c449f4ec",
            ),
            (
                "valéry",
                "08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c",
            ),
            ("us", "79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621"),
        ] {
            assert_eq!(sha256_hex(normalised), digest);
        }
        let c = contact(&[
            (ContactField::Email, " John_Smith@Gmail.com "),
            (ContactField::Phone, "+1 (650) 555-1212"),
            (ContactField::FirstName, "Mary"),
            (ContactField::LastName, "Valéry"),
            (ContactField::Country, "United States"),
        ]);
        let row = &rows(ActivationFormat::Meta, true, &Contact::of(&c, 0, None), &tags()).unwrap_or_default()[0];
        assert_eq!(
            row[0],
            "62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f"
        );
        assert_eq!(
            row[1],
            "e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176"
        );
        assert_eq!(
            row[2],
            "6915771be1c5aa0c886870b6951b03d7eafc121fea0e80a5ea83beb7c449f4ec"
        );
        assert_eq!(
            row[3],
            "08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c"
        );
        assert_eq!(
            row[7],
            "79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621"
        );
    }

    #[test]
    fn google_hashes_the_e164_phone_and_keeps_country_and_zip() {
        assert_eq!(
            sha256_hex("example@gmail.com"),
            "264e53d93759bde067fd01ef2698f98d1253c730d12f021116f02eebcfa9ace6"
        );
        let c = contact(&[
            (ContactField::Email, "john.doe@example.com"),
            (ContactField::Phone, "+86 138 0013 8000"),
            (ContactField::Name, "John Doe"),
            (ContactField::Country, "CN"),
            (ContactField::Zip, "100000"),
        ]);
        let contact = Contact::of(&c, 0, None);
        let google = &rows(ActivationFormat::Google, true, &contact, &tags()).unwrap_or_default()[0];
        let meta = &rows(ActivationFormat::Meta, true, &contact, &tags()).unwrap_or_default()[0];
        assert_eq!(google[1], sha256_hex("+8613800138000"));
        assert_eq!(meta[1], sha256_hex("8613800138000"));
        assert_ne!(google[1], meta[1], "Google hashes the + of E.164, Meta does not");
        assert_eq!(google[0], meta[0], "both hash the trimmed, lowercased e-mail");
        assert_eq!(google[2], sha256_hex("john"));
        assert_eq!((google[4].as_str(), google[5].as_str()), ("CN", "100000"));
    }

    #[test]
    fn google_leaves_out_an_incomplete_address() {
        let c = contact(&[
            (ContactField::Email, "a@example.com"),
            (ContactField::Name, "Ana Souza"),
        ]);
        let row = &rows(ActivationFormat::Google, false, &Contact::of(&c, 0, None), &tags()).unwrap_or_default()[0];
        assert_eq!(row[2..], ["", "", "", ""]);
    }

    #[test]
    fn tools_that_send_mail_get_plain_contacts_and_tags() {
        let c = contact(&[
            (ContactField::Email, "Ana@Example.com"),
            (ContactField::Phone, "138 0013 8000"),
        ]);
        let contact = Contact::of(&c, 0, crate::activation::countries::country_by_code("CN"));
        let mailchimp = &rows(ActivationFormat::Mailchimp, true, &contact, &tags()).unwrap_or_default()[0];
        assert_eq!(mailchimp[0], "ana@example.com");
        assert_eq!(mailchimp[4], "At Risk, High  VIP, Lapsing, Win-back");
        let klaviyo = &rows(ActivationFormat::Klaviyo, false, &contact, &tags()).unwrap_or_default()[0];
        assert_eq!(klaviyo[1], "+8613800138000");
        assert_eq!(klaviyo[4..7], ["At Risk", "High, VIP", "Lapsing"]);
        assert!(rows(ActivationFormat::Wecom, false, &contact, &tags()).is_none());
    }

    #[test]
    fn the_wechat_list_has_a_row_per_tag() {
        let c = contact(&[
            (ContactField::WecomId, "wmABC123"),
            (ContactField::Phone, "+86 138 0013 8000"),
        ]);
        let contact = Contact::of(&c, 0, None);
        let wecom = rows(ActivationFormat::Wecom, false, &contact, &tags()).unwrap_or_default();
        assert_eq!(wecom.len(), 4);
        assert_eq!(wecom[1], ["wmABC123", "", "High  VIP"]);
        assert!(
            rows(ActivationFormat::Mailchimp, false, &contact, &tags()).is_none(),
            "no e-mail"
        );
        assert!(
            rows(ActivationFormat::Meta, false, &contact, &tags()).is_some(),
            "a phone is enough"
        );
    }
}
