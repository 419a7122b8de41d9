//! The marketing tools a selection can be exported for, and what each one's
//! import expects (docs/export/activation.md#formats).

use serde::{Deserialize, Serialize};

/// A marketing tool's customer-list import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivationFormat {
    /// Meta (Facebook, Instagram) custom audience from a customer list.
    Meta,
    /// Google Ads Customer Match.
    Google,
    /// Mailchimp audience import, segment labels as tags.
    Mailchimp,
    /// Klaviyo list import, segment labels as profile properties.
    Klaviyo,
    /// Shopify customer import that adds tags to existing customers.
    Shopify,
    /// 企业微信 / WeChat: one row per customer id and tag.
    Wecom,
}

/// Which contact a format matches customers on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    /// An e-mail or a phone number.
    EmailOrPhone,
    /// An e-mail.
    Email,
    /// A 企业微信 external contact id or a WeChat openid.
    WechatId,
}

impl ActivationFormat {
    /// Every format, in the order the export offers them.
    pub const ALL: [ActivationFormat; 6] = [
        ActivationFormat::Meta,
        ActivationFormat::Google,
        ActivationFormat::Mailchimp,
        ActivationFormat::Klaviyo,
        ActivationFormat::Shopify,
        ActivationFormat::Wecom,
    ];

    /// The i18n key of the format's name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            ActivationFormat::Meta => "activation.format.meta",
            ActivationFormat::Google => "activation.format.google",
            ActivationFormat::Mailchimp => "activation.format.mailchimp",
            ActivationFormat::Klaviyo => "activation.format.klaviyo",
            ActivationFormat::Shopify => "activation.format.shopify",
            ActivationFormat::Wecom => "activation.format.wecom",
        }
    }

    /// True when the platform accepts identifiers hashed with SHA-256
    /// (the others must send mail or messages, so need them as they are).
    pub fn can_hash(self) -> bool {
        matches!(self, ActivationFormat::Meta | ActivationFormat::Google)
    }

    /// The contact a row needs; customers without it are left out.
    pub(crate) fn key(self) -> Key {
        match self {
            ActivationFormat::Meta | ActivationFormat::Google => Key::EmailOrPhone,
            ActivationFormat::Mailchimp | ActivationFormat::Klaviyo | ActivationFormat::Shopify => Key::Email,
            ActivationFormat::Wecom => Key::WechatId,
        }
    }

    /// The i18n key naming the contact a row needs ("an e-mail or phone" …).
    pub fn key_i18n_key(self) -> &'static str {
        match self.key() {
            Key::EmailOrPhone => "activation.key.email_or_phone",
            Key::Email => "activation.key.email",
            Key::WechatId => "activation.key.wechat",
        }
    }

    /// The header row.
    pub(crate) fn columns(self) -> &'static [&'static str] {
        match self {
            ActivationFormat::Meta => &["email", "phone", "fn", "ln", "ct", "st", "zip", "country"],
            ActivationFormat::Google => &["Email", "Phone", "First Name", "Last Name", "Country", "Zip"],
            ActivationFormat::Mailchimp => &["Email Address", "First Name", "Last Name", "Phone Number", "Tags"],
            ActivationFormat::Klaviyo => &[
                "Email",
                "Phone Number",
                "First Name",
                "Last Name",
                "RFM Segment",
                "Value Tier",
                "Lifecycle Stage",
                "Segscope Tags",
            ],
            ActivationFormat::Shopify => &["First Name", "Last Name", "Email", "Phone", "Tags"],
            ActivationFormat::Wecom => &["external_userid", "openid", "tag"],
        }
    }

    /// The most bytes one file may have; a larger list is split into parts
    /// inside a zip. Shopify's customer import takes files up to 15 MB
    /// (its help centre; older pages said 1 MB).
    pub(crate) fn max_file_bytes(self) -> Option<usize> {
        match self {
            ActivationFormat::Shopify => Some(15_000_000),
            _ => None,
        }
    }

    /// The download's file name stem.
    pub(crate) fn file_stem(self) -> &'static str {
        match self {
            ActivationFormat::Meta => "meta-custom-audience",
            ActivationFormat::Google => "google-ads-customer-match",
            ActivationFormat::Mailchimp => "mailchimp-audience",
            ActivationFormat::Klaviyo => "klaviyo-list",
            ActivationFormat::Shopify => "shopify-customer-tags",
            ActivationFormat::Wecom => "wecom-tags",
        }
    }
}
