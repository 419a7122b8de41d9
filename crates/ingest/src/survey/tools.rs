//! The survey tools whose exports are read, recognised by their own columns,
//! and the columns each writes about a response rather than as a question.

use crate::schema::normalise_header;
use serde::{Deserialize, Serialize};

/// The tool that wrote a survey export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SurveyTool {
    /// Qualtrics: ids in row 1, question texts in row 2, `{"ImportId":…}` in
    /// row 3 (the legacy format: `V1…` ids, then texts).
    Qualtrics,
    /// SurveyMonkey: a question over its first column, sub-labels
    /// (`Response`, options, grid rows) in row 2.
    SurveyMonkey,
    /// Google Forms: `Timestamp` first, checkbox answers joined by `, `.
    GoogleForms,
    /// 问卷星 (wjx.cn): `序号, 提交答卷时间, 所用时间 …`, `1、题目`, `┋`
    /// between chosen options.
    Wjx,
    /// 腾讯问卷 (wj.qq.com): `编号, 开始答题时间 …`, `1.题目`, a column per
    /// option of a multiple-choice question.
    TencentWj,
    /// A product-review or feedback export (Judge.me, Yotpo, Shopify Product
    /// Reviews, WooCommerce, Trustpilot, 淘宝/天猫/京东 评价): a star rating
    /// and a review text per row.
    Reviews,
    /// Another tool: one header row, one column per question.
    Other,
}

impl SurveyTool {
    /// The tool's name as the user knows it.
    pub fn name(self) -> &'static str {
        match self {
            SurveyTool::Qualtrics => "Qualtrics",
            SurveyTool::SurveyMonkey => "SurveyMonkey",
            SurveyTool::GoogleForms => "Google Forms",
            SurveyTool::Wjx => "问卷星",
            SurveyTool::TencentWj => "腾讯问卷",
            SurveyTool::Reviews => "Reviews",
            SurveyTool::Other => "",
        }
    }

    /// The tool whose columns `headers` (normalised) carry, with the first
    /// sample rows to tell Qualtrics' import-id row.
    pub fn recognise(headers: &[String], samples: &[Vec<String>]) -> SurveyTool {
        let has = |name: &str| headers.iter().any(|h| h == name);
        let import_ids = samples
            .iter()
            .take(3)
            .any(|row| row.iter().any(|c| c.trim_start().starts_with("{\"ImportId\"")));
        if import_ids || has("responseid") || (has("v1") && has("v10")) {
            SurveyTool::Qualtrics
        } else if has("respondentid") && has("collectorid") {
            SurveyTool::SurveyMonkey
        } else if has("提交答卷时间") || (has("序号") && has("所用时间")) {
            SurveyTool::Wjx
        } else if has("开始答题时间") || has("答题时长") {
            SurveyTool::TencentWj
        } else if headers.first().is_some_and(|h| FORM_TIMESTAMPS.contains(&h.as_str())) {
            SurveyTool::GoogleForms
        } else if is_review_export(headers) {
            SurveyTool::Reviews
        } else {
            SurveyTool::Other
        }
    }

    /// What joins the chosen options in one cell.
    pub fn separator(self) -> &'static str {
        match self {
            SurveyTool::Qualtrics => ",",
            SurveyTool::Wjx => "┋",
            _ => ", ",
        }
    }

    /// True when the column (normalised header) is one the tool writes
    /// about the response — when, how long, from where — not a question
    /// (review exports: [`is_review_meta`], which reads every header).
    pub fn is_meta(self, header: &str) -> bool {
        let lists: &[&[&str]] = match self {
            SurveyTool::Qualtrics => &[QUALTRICS, COMMON],
            SurveyTool::SurveyMonkey => &[SURVEYMONKEY, COMMON],
            SurveyTool::Wjx => &[WJX, COMMON],
            SurveyTool::TencentWj => &[TENCENT, COMMON],
            SurveyTool::GoogleForms | SurveyTool::Other => &[FORM_TIMESTAMPS, COMMON],
            SurveyTool::Reviews => &[],
        };
        lists.iter().any(|list| list.contains(&header))
            || (self == SurveyTool::Qualtrics && is_qualtrics_legacy_id(header))
            || (self == SurveyTool::TencentWj && header.starts_with("地理位置"))
    }
}

/// Headers of a review's text (normalised), in the review exports' words.
pub const REVIEW_TEXTS: &[&str] = &[
    "body",
    "reviewbody",
    "reviewcontent",
    "reviewtext",
    "reviewtitle",
    "reviewheadline",
    "title",
    "content",
    "commentcontent",
    "comment",
    "review",
    "评价内容",
    "评论内容",
    "评价",
    "评论",
    "追评内容",
    "追加评论",
];

/// Headers of a review's star rating (normalised).
const REVIEW_RATINGS: &[&str] = &[
    "rating",
    "reviewscore",
    "reviewstars",
    "reviewrating",
    "stars",
    "starrating",
    "评分",
    "星级",
    "评价等级",
    "商品评分",
    "评价星级",
    "评价结果",
    "买家评价结果",
];

/// True when the headers (normalised) hold a review text and a star rating.
fn is_review_export(headers: &[String]) -> bool {
    let has_any = |names: &[&str]| headers.iter().any(|h| names.contains(&h.as_str()));
    has_any(REVIEW_TEXTS) && has_any(REVIEW_RATINGS)
}

/// True for the headers of Qualtrics' legacy system columns (`V1` … `V10`).
fn is_qualtrics_legacy_id(header: &str) -> bool {
    header
        .strip_prefix('v')
        .is_some_and(|n| !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// First headers of a Google Forms sheet, in the languages it is used in
/// (normalised).
pub const FORM_TIMESTAMPS: &[&str] = &[
    "timestamp",
    "时间戳记",
    "時間戳記",
    "marcatemporal",
    "horodateur",
    "zeitstempel",
    "carimbodedata/hora",
];

/// Columns any tool may write about a response.
const COMMON: &[&str] = &[
    "ipaddress",
    "ip",
    "useragent",
    "ua",
    "referrer",
    "language",
    "语言",
    "score",
    "总分",
];

/// Qualtrics' system columns (normalised).
const QUALTRICS: &[&str] = &[
    "startdate",
    "enddate",
    "status",
    "progress",
    "durationinseconds",
    "finished",
    "recordeddate",
    "responseid",
    "responseset",
    "recipientlastname",
    "recipientfirstname",
    "name",
    "externalreference",
    "externaldatareference",
    "locationlatitude",
    "locationlongitude",
    "locationaccuracy",
    "distributionchannel",
    "userlanguage",
];

/// SurveyMonkey's columns about a response (normalised).
const SURVEYMONKEY: &[&str] = &[
    "respondentid",
    "collectorid",
    "startdate",
    "enddate",
    "firstname",
    "lastname",
    "customdata1",
    "customdata",
];

/// 问卷星's columns about a response (normalised).
const WJX: &[&str] = &["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自ip"];

/// 腾讯问卷's columns about a response (normalised; every `地理位置…` too).
const TENCENT: &[&str] = &[
    "编号",
    "开始答题时间",
    "结束答题时间",
    "答题时长",
    "清洗数据",
    "清洗数据结果",
    "智能清洗数据无效概率",
    "用户类型",
    "用户标识",
    "自定义字段",
];

/// Headers of the channel a review came through (normalised): the one
/// column of a review export read as a choice besides its texts and stars.
const REVIEW_CHANNELS: &[&str] = &["source", "reviewsource", "sourceofreview", "channel", "来源", "渠道"];

/// True when a review export's column is about the review rather than what
/// it says (products, replies, moderation, media, reviewer names, ids …):
/// every column but its texts, its stars and its channel. A `comment…` text
/// beside a `review…` text is the shop's reply (Yotpo's `Comment Content`).
pub fn is_review_meta(headers: &[String], c: usize) -> bool {
    let h = headers[c].as_str();
    let reply = h.starts_with("comment")
        && headers
            .iter()
            .any(|o| o.starts_with("review") && REVIEW_TEXTS.contains(&o.as_str()));
    reply || !(REVIEW_TEXTS.contains(&h) || REVIEW_RATINGS.contains(&h) || REVIEW_CHANNELS.contains(&h))
}

/// Normalises every header for [`SurveyTool::recognise`] and [`SurveyTool::is_meta`].
pub fn normalised(headers: &[String]) -> Vec<String> {
    headers.iter().map(|h| normalise_header(h)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tool(headers: &[&str], samples: &[&[&str]]) -> SurveyTool {
        let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        let samples: Vec<Vec<String>> = samples
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        SurveyTool::recognise(&normalised(&headers), &samples)
    }

    #[test]
    fn tools_are_told_by_their_columns() {
        assert_eq!(tool(&["StartDate", "ResponseId", "Q1"], &[]), SurveyTool::Qualtrics);
        assert_eq!(tool(&["V1", "V2", "V10", "Q1"], &[]), SurveyTool::Qualtrics);
        assert_eq!(
            tool(&["Respondent ID", "Collector ID", "Q"], &[]),
            SurveyTool::SurveyMonkey
        );
        assert_eq!(
            tool(&["序号", "提交答卷时间", "所用时间", "1、性别"], &[]),
            SurveyTool::Wjx
        );
        assert_eq!(tool(&["编号", "开始答题时间", "1.性别"], &[]), SurveyTool::TencentWj);
        assert_eq!(
            tool(&["Timestamp", "Email Address", "Q?"], &[]),
            SurveyTool::GoogleForms
        );
        assert_eq!(tool(&["Carimbo de data/hora", "Q?"], &[]), SurveyTool::GoogleForms);
        assert!(SurveyTool::Qualtrics.is_meta("v7"));
        assert!(!SurveyTool::Qualtrics.is_meta("q1"));
        assert!(SurveyTool::Wjx.is_meta("来自ip"));
    }
}
