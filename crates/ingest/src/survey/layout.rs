//! A survey export's questions from its header rows and sample answers
//! (docs/product.md#surveys-and-feedback): which rows under the header are
//! more header, which columns are questions (not ids, times or contacts),
//! which columns form one question, and what kind each question is.

use super::tools::{is_review_meta, normalised, SurveyTool, REVIEW_TEXTS};
use super::typing::{is_write_in, type_question};
use super::{clean, SurveyQuestion, SurveySchema};
use segscope_model::QuestionKind;

/// Describes a survey export from its `headers` and the rows after the
/// header (`samples`, its extra header rows included); `identity` are the
/// columns that say who answered or when (ids, contacts, submission time),
/// which are not questions.
pub fn describe_survey(headers: &[String], samples: &[Vec<String>], identity: &[usize]) -> SurveySchema {
    let norm = normalised(headers);
    let tool = SurveyTool::recognise(&norm, samples);
    let header_rows = header_rows(tool, samples);
    let labels = samples.first().filter(|_| header_rows > 0);
    let answers = &samples[header_rows.min(samples.len())..];
    let column_answers = |c: usize| answers.iter().map(|r| cell(r, c)).collect::<Vec<&str>>();
    let label = |c: usize| labels.map_or("", |row| cell(row, c));
    let skipped = |c: usize| {
        identity.contains(&c)
            || tool.is_meta(&norm[c])
            || (tool == SurveyTool::Reviews && is_review_meta(&norm, c))
            || norm[c].ends_with("npsgroup")
    };
    let mut questions = Vec::new();
    let mut c = 0;
    while c < headers.len() {
        let end = group_end(tool, headers, c);
        if skipped(c) {
            c = end;
            continue;
        }
        let stem = question_stem(tool, &headers[c], label(c));
        let option_of = |k: usize| option_label(tool, &headers[k], label(k));
        let chosen_only = |k: usize| {
            let option = option_of(k);
            let answers = column_answers(k);
            !option.is_empty() && !is_write_in(option) && answers.iter().all(|a| a.is_empty() || same_option(a, option))
        };
        let option_columns: Vec<usize> = (c..end).filter(|&k| end - c > 1 && chosen_only(k)).collect();
        if option_columns.len() >= 2 {
            questions.push(SurveyQuestion {
                options: option_columns.iter().map(|&k| option_of(k).to_string()).collect(),
                columns: option_columns.clone(),
                text: stem.clone(),
                kind: QuestionKind::MultiChoice,
                scale: (0, 0),
                separator: String::new(),
            });
        }
        for k in (c..end).filter(|k| !option_columns.contains(k) && !skipped(*k)) {
            let text = column_text(tool, &headers[k], label(k), &stem, end - c > 1);
            let answers = column_answers(k);
            let separator = separator_of(tool, &answers);
            let mut typed = type_question(&text, &answers, &separator);
            // A review's title and text are written, even when short titles recur.
            if tool == SurveyTool::Reviews
                && REVIEW_TEXTS.contains(&norm[k].as_str())
                && typed.kind != QuestionKind::Rating
            {
                typed.kind = QuestionKind::FreeText;
                typed.options.clear();
            }
            if typed.kind == QuestionKind::FreeText && answers.iter().all(|a| a.is_empty()) && text.is_empty() {
                continue;
            }
            questions.push(SurveyQuestion {
                columns: vec![k],
                text,
                kind: typed.kind,
                options: typed.options,
                scale: typed.scale,
                separator,
            });
        }
        c = end;
    }
    let status = norm
        .iter()
        .position(|h| h == "status")
        .filter(|_| tool == SurveyTool::Qualtrics);
    SurveySchema {
        tool,
        header_rows,
        questions,
        status,
    }
}

/// Cell `c` of a sample row, cleaned; empty when the row is short.
fn cell(row: &[String], c: usize) -> &str {
    row.get(c).map_or("", |v| clean(v))
}

/// Rows under the header that are more header: Qualtrics' question texts
/// (and import ids), SurveyMonkey's sub-labels.
fn header_rows(tool: SurveyTool, samples: &[Vec<String>]) -> usize {
    let import_ids =
        |row: Option<&Vec<String>>| row.is_some_and(|r| r.iter().any(|c| clean(c).starts_with("{\"ImportId\"")));
    match tool {
        SurveyTool::Qualtrics if import_ids(samples.get(1)) => 2,
        SurveyTool::Qualtrics => 1,
        SurveyTool::SurveyMonkey => 1,
        _ => 0,
    }
}

/// The column after the last one of the question starting at `c`: a
/// SurveyMonkey question spans the blank headers after it; a 腾讯问卷
/// question, the headers `N.题目:…` with its number and text.
fn group_end(tool: SurveyTool, headers: &[String], c: usize) -> usize {
    let mut end = c + 1;
    match tool {
        SurveyTool::SurveyMonkey => {
            while end < headers.len() && clean(&headers[end]).is_empty() {
                end += 1;
            }
        }
        SurveyTool::TencentWj => {
            let stem = |h: &str| h.split_once([':', '：']).map(|(s, _)| s.trim().to_string());
            if let Some(first) = stem(&headers[c]) {
                while end < headers.len() && stem(&headers[end]).as_deref() == Some(first.as_str()) {
                    end += 1;
                }
            }
        }
        _ => {}
    }
    end
}

/// The question's own words: Qualtrics' row-2 text without its ` - Selected
/// Choice` tail, a 腾讯问卷 header before its `:`, else the header.
fn question_stem(tool: SurveyTool, header: &str, label: &str) -> String {
    let text = match tool {
        SurveyTool::Qualtrics if !label.is_empty() => label.trim_end_matches(" - Selected Choice"),
        SurveyTool::TencentWj => header.split_once([':', '：']).map_or(header, |(stem, _)| stem),
        _ => header,
    };
    clean(text).to_string()
}

/// The option a column of a column-per-option question stands for:
/// SurveyMonkey's row-2 label, 腾讯问卷's header after its `:`.
fn option_label<'a>(tool: SurveyTool, header: &'a str, label: &'a str) -> &'a str {
    match tool {
        SurveyTool::SurveyMonkey => label,
        SurveyTool::TencentWj => header.split_once([':', '：']).map_or("", |(_, option)| clean(option)),
        _ => "",
    }
}

/// A column's question text: the stem, with a grid row's or sub-field's
/// label when the question spans several columns.
fn column_text(tool: SurveyTool, header: &str, label: &str, stem: &str, grouped: bool) -> String {
    let placeholder = ["response", "open-ended response", ""].contains(&label.to_lowercase().as_str());
    match tool {
        SurveyTool::SurveyMonkey if grouped && !placeholder => format!("{stem} - {label}"),
        SurveyTool::TencentWj if grouped => {
            let option = option_label(tool, header, label);
            if option.is_empty() {
                stem.to_string()
            } else {
                format!("{stem} - {option}")
            }
        }
        SurveyTool::Qualtrics => question_stem(tool, header, label),
        _ => stem.to_string(),
    }
}

/// True when a cell of a column-per-option question is its option: the
/// option's text, with 腾讯问卷's `A.` letter in front or not.
fn same_option(cell: &str, option: &str) -> bool {
    let without_letter = cell
        .split_once('.')
        .filter(|(letter, _)| (1..=2).contains(&letter.len()) && letter.bytes().all(|b| b.is_ascii_uppercase()))
        .map_or(cell, |(_, rest)| rest.trim());
    cell.eq_ignore_ascii_case(option) || without_letter.eq_ignore_ascii_case(option) || cell == "1"
}

/// What joins options in this column's answers: 问卷星's `┋` (or `→` for a
/// ranking) when seen, else the tool's own.
fn separator_of(tool: SurveyTool, answers: &[&str]) -> String {
    ["┋", "→", "|"]
        .into_iter()
        .find(|s| answers.iter().any(|a| a.contains(s)))
        .unwrap_or(tool.separator())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter().map(|r| strings(r)).collect()
    }

    fn kinds(schema: &SurveySchema) -> Vec<(String, QuestionKind)> {
        schema.questions.iter().map(|q| (q.text.clone(), q.kind)).collect()
    }

    #[test]
    fn qualtrics_reads_texts_from_row_two_and_skips_groups() {
        let headers = strings(&[
            "StartDate",
            "ResponseId",
            "RecipientEmail",
            "Q1_NPS_GROUP",
            "Q1",
            "Q2",
            "Q3_4_TEXT",
        ]);
        let samples = rows(&[
            &[
                "Start Date",
                "Response ID",
                "Recipient Email",
                "How likely…? - Group",
                "How likely are you to recommend us?",
                "Which ones? - Selected Choice",
                "Which ones? - Other - Text",
            ],
            &[
                "{\"ImportId\":\"startDate\",\"timeZone\":\"America/Denver\"}",
                "{\"ImportId\":\"_recordId\"}",
                "{\"ImportId\":\"recipientEmail\"}",
                "{\"ImportId\":\"QID1_NPS_GROUP\"}",
                "{\"ImportId\":\"QID1\"}",
                "{\"ImportId\":\"QID2\"}",
                "{\"ImportId\":\"QID3_4_TEXT\"}",
            ],
            &["2024-05-01 10:00:00", "R_1", "a@x.com", "3", "9", "1,3", ""],
            &["2024-05-02 10:00:00", "R_2", "b@x.com", "1", "4", "2", "cake"],
            &["2024-05-02 11:00:00", "R_3", "c@x.com", "2", "7", "1,2", ""],
        ]);
        let s = describe_survey(&headers, &samples, &[2]);
        assert_eq!((s.tool, s.header_rows), (SurveyTool::Qualtrics, 2));
        assert_eq!(
            kinds(&s),
            [
                ("How likely are you to recommend us?".to_string(), QuestionKind::Nps),
                ("Which ones?".to_string(), QuestionKind::MultiChoice),
                ("Which ones? - Other - Text".to_string(), QuestionKind::FreeText),
            ]
        );
        assert_eq!(s.questions[1].separator, ",");
    }

    #[test]
    fn surveymonkey_spans_blank_headers_with_options_in_row_two() {
        let headers = strings(&[
            "Respondent ID",
            "Collector ID",
            "Email Address",
            "Which do you buy?",
            "",
            "",
            "How satisfied?",
            "Rate us",
            "",
        ]);
        let samples = rows(&[
            &[
                "",
                "",
                "",
                "Tea",
                "Coffee",
                "Other (please specify)",
                "Response",
                "Delivery",
                "Price",
            ],
            &["1", "9", "a@x.com", "Tea", "", "", "Very satisfied", "Good", "Poor"],
            &[
                "2\0\0",
                "9",
                "b@x.com",
                "Tea",
                "Coffee",
                "cake",
                "Satisfied",
                "Fair",
                "Good",
            ],
            &["3", "9", "c@x.com", "", "Coffee", "", "Dissatisfied", "Poor", "Poor"],
        ]);
        let s = describe_survey(&headers, &samples, &[2]);
        assert_eq!((s.tool, s.header_rows), (SurveyTool::SurveyMonkey, 1));
        assert_eq!(s.questions[0].columns, [3, 4]);
        assert_eq!(s.questions[0].options, ["Tea", "Coffee"]);
        assert_eq!(
            kinds(&s),
            [
                ("Which do you buy?".to_string(), QuestionKind::MultiChoice),
                (
                    "Which do you buy? - Other (please specify)".to_string(),
                    QuestionKind::FreeText
                ),
                ("How satisfied?".to_string(), QuestionKind::Rating),
                ("Rate us - Delivery".to_string(), QuestionKind::Rating),
                ("Rate us - Price".to_string(), QuestionKind::Rating),
            ]
        );
    }

    #[test]
    fn tencent_writes_a_column_per_option() {
        let headers = strings(&[
            "编号",
            "开始答题时间",
            "1.您的性别",
            "2.您喜欢的品类:服装",
            "2.您喜欢的品类:美妆",
            "3.推荐意愿",
        ]);
        let samples = rows(&[
            &["1", "2024-05-01 10:00:00", "男", "A.服装", "", "9"],
            &["2", "2024-05-01 11:00:00", "女", "", "B.美妆", "3"],
            &["3", "2024-05-01 12:00:00", "女", "A.服装", "B.美妆", "10"],
        ]);
        let s = describe_survey(&headers, &samples, &[1]);
        assert_eq!(s.tool, SurveyTool::TencentWj);
        assert_eq!(
            kinds(&s),
            [
                ("1.您的性别".to_string(), QuestionKind::SingleChoice),
                ("2.您喜欢的品类".to_string(), QuestionKind::MultiChoice),
                ("3.推荐意愿".to_string(), QuestionKind::Nps),
            ]
        );
        assert_eq!(s.questions[1].options, ["服装", "美妆"]);
    }
}
