//! Survey exports as their tools write them (docs/product.md#surveys-and-feedback),
//! from `fixtures/real/survey-*` (written by `fixtures/real/make/surveys.py` and
//! `survey-google-forms_make.py` with their own answers): each is sniffed as
//! a survey of the right tool with the right questions and kinds, and read
//! into as many responses as it holds, with the NPS and satisfaction answers
//! the maker wrote — counted here from the answers, not by the engine.

use segscope_ingest::{read_file, sniff, DatasetBuilder, FileKind, SNIFF_BYTES};
use segscope_model::{AnswerColumn, QuestionKind};
use serde_json::Value;
use std::path::PathBuf;

fn real() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

/// Every family whose manifest describes a survey: (folder, manifest).
fn survey_families() -> Vec<(PathBuf, Value)> {
    let mut families: Vec<(PathBuf, Value)> = std::fs::read_dir(real())
        .expect("fixtures/real")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|dir| {
            let text = std::fs::read_to_string(dir.join("expected.json")).ok()?;
            let manifest: Value = serde_json::from_str(&text).ok()?;
            manifest.get("survey").is_some().then_some((dir, manifest))
        })
        .collect();
    families.sort_by(|a, b| a.0.cmp(&b.0));
    families
}

#[test]
fn every_tool_reads_as_a_survey_with_its_questions() {
    let families = survey_families();
    assert!(families.len() >= 5, "survey families: {}", families.len());
    for (dir, manifest) in families {
        let family = manifest["family"].as_str().unwrap_or("?");
        let want = &manifest["survey"];
        let name = manifest["files"][0].as_str().expect("file");
        let bytes = std::fs::read(dir.join(name)).expect("survey file");
        let whole = bytes.len() <= SNIFF_BYTES;
        let schema =
            sniff(name, &bytes[..bytes.len().min(SNIFF_BYTES)], whole).unwrap_or_else(|e| panic!("{family}: {e:?}"));
        assert_eq!(schema.kind, FileKind::Survey, "{family}: kind");
        let survey = schema.survey.clone().expect("survey layout");
        assert_eq!(survey.tool.name(), want["tool"].as_str().unwrap(), "{family}: tool");
        let questions: Vec<Value> = survey
            .questions
            .iter()
            .map(|q| serde_json::json!([q.text, q.kind]))
            .collect();
        assert_eq!(Value::Array(questions), want["questions"], "{family}: questions");

        let mut builder = DatasetBuilder::new();
        read_file(schema, &bytes, &mut builder).unwrap_or_else(|e| panic!("{family}: {e:?}"));
        let (dataset, report) = builder.finish();
        assert_eq!(dataset.customers.len(), 0, "{family}: a survey creates no customer");
        let read = &dataset.surveys[0];
        assert_eq!(
            read.len() as u64,
            want["responses"].as_u64().unwrap(),
            "{family}: responses"
        );
        let file = &report.files[0];
        assert_eq!(
            file.rows_read,
            file.rows_kept + file.rows_rejected + file.duplicates_removed,
            "{family}: rows"
        );

        let scores = |kind: QuestionKind| {
            let q = read
                .questions()
                .iter()
                .position(|q| q.kind == kind)
                .expect("question of kind");
            let scale = read.questions()[q].scale;
            match read.answers(q) {
                Some(AnswerColumn::Scores(v)) => (v.iter().flatten().copied().collect::<Vec<u8>>(), scale),
                other => panic!("{family}: {other:?}"),
            }
        };
        let (nps, _) = scores(QuestionKind::Nps);
        let nps_want = &want["nps"];
        assert_eq!(
            nps.len() as u64,
            nps_want["n"].as_u64().unwrap(),
            "{family}: NPS answers"
        );
        assert_eq!(
            nps.iter().filter(|&&s| s >= 9).count() as u64,
            nps_want["promoters"].as_u64().unwrap()
        );
        assert_eq!(
            nps.iter().filter(|&&s| s <= 6).count() as u64,
            nps_want["detractors"].as_u64().unwrap()
        );
        let (sat, scale) = scores(QuestionKind::Rating);
        assert_eq!(scale, (1, 5), "{family}: satisfaction scale");
        let sat_want = &want["csat"];
        assert_eq!(
            sat.len() as u64,
            sat_want["n"].as_u64().unwrap(),
            "{family}: satisfaction answers"
        );
        assert_eq!(
            sat.iter().filter(|&&s| s >= 4).count() as u64,
            sat_want["satisfied"].as_u64().unwrap()
        );
        // The checkbox question's answers are options, not text.
        let multi = read
            .questions()
            .iter()
            .position(|q| q.kind == QuestionKind::MultiChoice)
            .expect("multi");
        let Some(AnswerColumn::Options(bits)) = read.answers(multi) else {
            panic!("{family}: options")
        };
        assert!(
            bits.iter().filter(|&&b| b.count_ones() >= 2).count() >= 5,
            "{family}: joined options"
        );
    }
}
