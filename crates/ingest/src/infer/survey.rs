//! Survey exports recognised by their shape: the response-id and timing
//! columns of the common tools, and headers that are questions
//! (docs/ingest/roles.md#file-kind).

use crate::schema::normalise_header;
use crate::survey::tools::{SurveyTool, FORM_TIMESTAMPS};

/// Headers that only survey tools write (normalised): Qualtrics,
/// SurveyMonkey, 问卷星, 腾讯问卷.
const SURVEY_HEADERS: &[&str] = &[
    "responseid",
    "respondentid",
    "collectorid",
    "recordeddate",
    "durationinseconds",
    "提交答卷时间",
    "所用时间",
    "开始答题时间",
    "结束答题时间",
    "答题时长",
];

/// True when the file looks like a survey export: a tool's own columns, a
/// Qualtrics import-id row, a review export (a text and a star rating), or a
/// Google Forms timestamp followed mostly by questions, or mostly question
/// headers.
pub fn looks_like_survey(headers: &[String], samples: &[Vec<String>]) -> bool {
    let normalised: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    if normalised.iter().any(|h| SURVEY_HEADERS.contains(&h.as_str())) {
        return true;
    }
    let import_ids = samples
        .iter()
        .take(3)
        .any(|row| row.iter().any(|c| c.trim_start().starts_with("{\"ImportId\"")));
    if import_ids || SurveyTool::recognise(&normalised, samples) == SurveyTool::Reviews {
        return true;
    }
    let questions = headers.iter().filter(|h| is_question(h)).count();
    let form_timestamp = normalised
        .first()
        .is_some_and(|h| FORM_TIMESTAMPS.contains(&h.as_str()));
    (form_timestamp && headers.len() >= 3 && questions * 2 >= headers.len() - 1)
        || (headers.len() >= 4 && questions * 5 >= headers.len() * 2)
}

/// A header that reads as a question: ends in a question mark, is numbered
/// like `1、题目` / `2.题目`, or is a long sentence.
fn is_question(header: &str) -> bool {
    let h = header.trim();
    let numbered = {
        let rest = h.trim_start_matches(|c: char| c.is_ascii_digit());
        rest.len() < h.len() && rest.starts_with(['、', '.', '．']) && rest.chars().count() > 2
    };
    h.ends_with(['?', '？']) || numbered || h.chars().count() >= 40
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(hs: &[&str]) -> Vec<String> {
        hs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn survey_tools_are_recognised() {
        let qualtrics = headers(&["StartDate", "EndDate", "Status", "ResponseId", "Q1", "Q2_NPS_GROUP"]);
        assert!(looks_like_survey(&qualtrics, &[]));
        let forms = headers(&[
            "Timestamp",
            "How likely are you to recommend us to a friend?",
            "What did you buy last?",
            "Email address",
        ]);
        assert!(looks_like_survey(&forms, &[]));
        let wjx = headers(&[
            "序号",
            "提交答卷时间",
            "所用时间",
            "来源",
            "1、您的性别",
            "2、您的年龄段",
        ]);
        assert!(looks_like_survey(&wjx, &[]));
        let orders = headers(&["order_id", "customer_id", "order_date", "amount", "status"]);
        assert!(!looks_like_survey(&orders, &[]));
    }
}
