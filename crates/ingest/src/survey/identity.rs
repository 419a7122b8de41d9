//! Who answered and when: the survey columns that link a response to a
//! customer (id, e-mail, phone) and date it, chosen before the questions so
//! that they are not taken for questions (docs/product.md#surveys-and-feedback).

use super::layout::describe_survey;
use super::tools::{normalised, SurveyTool};
use super::SurveySchema;
use crate::schema::{Role, RoleColumn, RoleSource};
use crate::sniff::FileSchema;

/// Each tool's own columns for a role, best first (normalised headers):
/// where the header synonyms find nothing, these are taken.
fn tool_columns(tool: SurveyTool, role: Role) -> &'static [&'static str] {
    match (tool, role) {
        (SurveyTool::Qualtrics, Role::Timestamp) => &["recordeddate", "enddate", "startdate"],
        (SurveyTool::Qualtrics, Role::Email) => &["recipientemail", "emailaddress"],
        (SurveyTool::Qualtrics, Role::CustomerKey) => &["externalreference", "externaldatareference"],
        (SurveyTool::SurveyMonkey, Role::Timestamp) => &["enddate", "startdate"],
        (SurveyTool::SurveyMonkey, Role::Email) => &["emailaddress"],
        (SurveyTool::Wjx, Role::Timestamp) => &["提交答卷时间"],
        (SurveyTool::TencentWj, Role::Timestamp) => &["结束答题时间", "开始答题时间"],
        (SurveyTool::TencentWj, Role::CustomerKey) => &["userid", "openid", "用户id"],
        (SurveyTool::GoogleForms, Role::Timestamp) => super::tools::FORM_TIMESTAMPS,
        (SurveyTool::GoogleForms, Role::Email) => {
            &["emailaddress", "电子邮件地址", "adressee-mail", "correoelectrónico"]
        }
        (SurveyTool::Reviews, Role::Timestamp) => &[
            "reviewdate",
            "createdat",
            "reviewcreatedutc",
            "reviewcreationdate",
            "commentdate",
            "date",
            "评价时间",
            "评论时间",
            "时间",
        ],
        (SurveyTool::Reviews, Role::Email) => &[
            "revieweremail",
            "reviewuseremail",
            "commentauthoremail",
            "authoremail",
            "email",
        ],
        (SurveyTool::Reviews, Role::CustomerKey) => &[
            "customerid",
            "userid",
            "reviewerid",
            "referenceid",
            "买家会员名",
            "会员名",
            "买家昵称",
            "买家id",
        ],
        _ => &[],
    }
}

/// Sets the survey's identity roles — each tool's own columns where the
/// headers named none, never a column the tool writes about the response
/// (a respondent or response id names nobody) — and describes its questions.
pub fn prepare(schema: &mut FileSchema) -> SurveySchema {
    let norm = normalised(&schema.headers);
    let tool = SurveyTool::recognise(&norm, &schema.samples);
    for role in [Role::CustomerKey, Role::Email, Role::Phone, Role::Timestamp] {
        let own = tool_columns(tool, role)
            .iter()
            .find_map(|name| norm.iter().position(|h| h == name));
        let Some(slot) = schema.roles.iter_mut().find(|r| r.role == role) else {
            continue;
        };
        if slot.source == RoleSource::User {
            continue;
        }
        let chosen_meta = slot.column.is_some_and(|c| tool.is_meta(&norm[c]) && Some(c) != own);
        if chosen_meta {
            *slot = RoleColumn::unassigned(role);
        }
        // A review export's own columns beat the synonyms (Yotpo's `Order
        // Date` is no review date).
        if slot.column.is_none() || tool == SurveyTool::Reviews {
            if let Some(c) = own {
                *slot = RoleColumn {
                    role,
                    column: Some(c),
                    confidence: 1.0,
                    source: RoleSource::Header,
                };
            }
        }
    }
    let identity: Vec<usize> = schema.roles.iter().filter_map(|r| r.column).collect();
    describe_survey(&schema.headers, &schema.samples, &identity)
}
