//! One plain sentence per file of what was understood: on the mapping step
//! from the first look, on the quality page from the full read
//! (docs/ingest/roles.md#file-sentence).

use super::infer::Platform;
use super::quality::FileReport;
use super::schema::{FileKind, Role};
use super::sniff::FileSchema;
use super::survey::SurveySchema;
use crate::texts::t;
use segscope_i18n::Lang;
use segscope_model::QuestionKind;
use serde::{Deserialize, Serialize};

/// Which column a file's rows are matched to customers by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyedBy {
    /// A customer id column.
    Id,
    /// E-mail addresses (normalised).
    Email,
    /// Phone numbers (digits only).
    Phone,
    /// A person key: a national id (DNI, CPF …) or a platform's person id.
    Person,
}

impl KeyedBy {
    /// The key a schema's rows use: the id column, else e-mail, else phone.
    pub fn of(schema: &FileSchema) -> Option<KeyedBy> {
        if schema.column(Role::CustomerKey).is_some() {
            Some(KeyedBy::Id)
        } else if schema.column(Role::Email).is_some() {
            Some(KeyedBy::Email)
        } else if schema.column(Role::Phone).is_some() {
            Some(KeyedBy::Phone)
        } else if schema.column(Role::PersonKey).is_some() {
            Some(KeyedBy::Person)
        } else {
            None
        }
    }

    fn i18n_key(self) -> &'static str {
        match self {
            KeyedBy::Id => "describe.keyed_by_id",
            KeyedBy::Email => "describe.keyed_by_email",
            KeyedBy::Phone => "describe.keyed_by_phone",
            KeyedBy::Person => "describe.keyed_by_person",
        }
    }
}

/// "Shopify orders export" / "Orders file": the platform (when recognised)
/// and the kind.
fn what(platform: Option<Platform>, kind: FileKind, lang: Lang) -> String {
    let kind_text = t(lang, kind_key(kind));
    match platform {
        Some(p) => t(lang, "describe.platform_kind")
            .replace("{platform}", t(lang, p.i18n_key()))
            .replace("{kind}", kind_text),
        None => t(lang, "describe.kind").replace("{kind}", kind_text),
    }
}

/// "Qualtrics survey export with 12 questions (2 NPS, 4 ratings, 5 choice,
/// 1 free text)".
fn survey_what(survey: &SurveySchema, lang: Lang) -> String {
    let count = |kinds: &[QuestionKind]| {
        survey
            .questions
            .iter()
            .filter(|q| kinds.contains(&q.kind))
            .count()
            .to_string()
    };
    let tool = survey.tool.name();
    let start = if tool.is_empty() {
        what(None, FileKind::Survey, lang)
    } else {
        t(lang, "describe.tool_survey").replace("{tool}", tool)
    };
    start
        + &t(lang, "describe.survey_questions")
            .replace("{n}", &survey.questions.len().to_string())
            .replace("{nps}", &count(&[QuestionKind::Nps]))
            .replace("{ratings}", &count(&[QuestionKind::Rating]))
            .replace(
                "{choices}",
                &count(&[QuestionKind::SingleChoice, QuestionKind::MultiChoice]),
            )
            .replace("{texts}", &count(&[QuestionKind::FreeText]))
}

fn kind_key(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Orders => "describe.orders",
        FileKind::Customers => "describe.customers",
        FileKind::Events => "describe.events",
        FileKind::Summary => "describe.summary",
        FileKind::OrderDetails => "describe.order_details",
        FileKind::Survey => "describe.survey",
        FileKind::Ignored => "describe.ignored",
    }
}

/// The mapping step's sentence, e.g. "Shopify orders export, keyed by
/// e-mail; 3 of 41 columns chosen by their values."
pub fn describe_schema(schema: &FileSchema, lang: Lang) -> String {
    let mut sentence = match &schema.survey {
        Some(survey) => survey_what(survey, lang),
        None => what(schema.platform, schema.kind, lang),
    };
    // Where the table starts (docs/ingest/structure.md).
    if schema.headerless {
        sentence += t(lang, "describe.headerless");
    } else if schema.title_rows > 0 {
        sentence += &t(lang, "describe.title_rows").replace("{row}", &schema.header_line.to_string());
    }
    if schema.kind != FileKind::Ignored {
        if let Some(key) = KeyedBy::of(schema) {
            sentence += t(lang, key.i18n_key());
        }
        let by_values = schema
            .roles
            .iter()
            .filter(|r| r.column.is_some() && r.source == super::schema::RoleSource::Values)
            .count();
        if by_values > 0 {
            sentence += &t(lang, "describe.by_values")
                .replace("{n}", &by_values.to_string())
                .replace("{columns}", &schema.headers.len().to_string());
        }
    }
    sentence + t(lang, "describe.end")
}

/// The quality page's sentence after the read, e.g. "Shopify orders export:
/// 409 orders from 2019-05-14 to 2022-01-11, keyed by e-mail; 20 cancelled,
/// 43 refunded."
pub fn describe_report(report: &FileReport, lang: Lang) -> String {
    let mut sentence = what(report.platform, report.kind, lang);
    if report.kind == FileKind::Ignored {
        return sentence + t(lang, "describe.end");
    }
    let rows_key = match report.kind {
        FileKind::Orders => "describe.n_orders",
        FileKind::Survey => "describe.n_responses",
        _ => "describe.n_rows",
    };
    let count = if report.kind == FileKind::Orders {
        report.orders
    } else {
        report.rows_kept
    };
    if report.kind == FileKind::Summary && report.orders > 0 {
        sentence += &t(lang, "describe.n_summary")
            .replace("{n}", &count.to_string())
            .replace("{orders}", &report.orders.to_string());
    } else {
        sentence += &t(lang, rows_key).replace("{n}", &count.to_string());
    }
    if let (Some(first), Some(last)) = (&report.first_date, &report.last_date) {
        sentence += &t(lang, "describe.range")
            .replace("{first}", first)
            .replace("{last}", last);
    }
    if let Some(key) = report.keyed_by {
        sentence += t(lang, key.i18n_key());
    }
    if report.kind == FileKind::Orders && report.cancellations + report.refunds > 0 {
        sentence += &t(lang, "describe.after_sales")
            .replace("{cancelled}", &report.cancellations.to_string())
            .replace("{refunded}", &report.refunds.to_string());
    }
    sentence + t(lang, "describe.end")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sniff;

    #[test]
    fn sentences_name_platform_kind_and_key() {
        let text = "Name,Email,Financial Status,Created at,Lineitem name,Total\n#1001,a@example.com,paid,2024-01-05 10:00:00 -0500,Mug,12.00\n";
        let schema = sniff("orders_export.csv", text.as_bytes(), true).unwrap();
        assert_eq!(
            describe_schema(&schema, Lang::En),
            "Shopify orders export, keyed by e-mail."
        );
        assert_eq!(describe_schema(&schema, Lang::Zh), "Shopify 订单导出,按邮箱识别客户。");
    }

    #[test]
    fn sentences_say_where_the_table_starts() {
        let text = "00001 19970101  1  11.77\n00002 19970112  1  12.00\n00002 19970113  5  77.00\n";
        let schema = sniff("CDNOW_master.txt", text.as_bytes(), true).unwrap();
        assert!(schema.headerless);
        let sentence = describe_schema(&schema, Lang::En);
        assert!(
            sentence.contains("no header row: columns named by position"),
            "{sentence}"
        );
        let text =
            "Sales report\n\norder_id,customer_id,order_date,amount\n1,A,2024-01-05,10.00\n2,B,2024-01-06,12.00\n";
        let schema = sniff("report.csv", text.as_bytes(), true).unwrap();
        let sentence = describe_schema(&schema, Lang::En);
        assert!(sentence.contains("header on row 3"), "{sentence}");
        assert!(describe_schema(&schema, Lang::Zh).contains("表头在第 3 行"));
    }
}
