//! Review exports as their platforms write them (docs/product.md#feedback-and-reviews),
//! from `fixtures/real/reviews-*` (written by `fixtures/real/make/reviews.py` with
//! their own reviews): each is sniffed as a review file whose texts are free
//! text and whose star rating (or 好评/中评/差评 grade) is one 1–5 rating,
//! and read into as many responses as it holds with the stars the maker wrote.

use segscope_ingest::{read_file, sniff, DatasetBuilder, FileKind, SNIFF_BYTES};
use segscope_model::{AnswerColumn, QuestionKind};
use serde_json::Value;
use std::path::PathBuf;

fn families() -> Vec<(PathBuf, Value)> {
    let real = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut found: Vec<(PathBuf, Value)> = std::fs::read_dir(real)
        .expect("fixtures/real")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|dir| {
            let manifest: Value =
                serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).ok()?).ok()?;
            manifest.get("reviews").is_some().then_some((dir, manifest))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

#[test]
fn every_review_export_reads_as_texts_with_stars() {
    let families = families();
    assert!(families.len() >= 3, "review families: {}", families.len());
    for (dir, manifest) in families {
        let family = manifest["family"].as_str().unwrap_or("?");
        let want = &manifest["reviews"];
        let name = manifest["files"][0].as_str().expect("file");
        let bytes = std::fs::read(dir.join(name)).expect("review file");
        let schema = sniff(name, &bytes[..bytes.len().min(SNIFF_BYTES)], bytes.len() <= SNIFF_BYTES)
            .unwrap_or_else(|e| panic!("{family}: {e:?}"));
        assert_eq!(schema.kind, FileKind::Survey, "{family}: kind");
        let layout = schema.survey.clone().expect("survey layout");
        assert_eq!(layout.tool.name(), want["tool"].as_str().unwrap(), "{family}: tool");
        let texts: Vec<&str> = layout
            .questions
            .iter()
            .filter(|q| q.kind == QuestionKind::FreeText)
            .map(|q| q.text.as_str())
            .collect();
        let want_texts: Vec<&str> = want["texts"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(texts, want_texts, "{family}: the texts");
        let ratings: Vec<_> = layout
            .questions
            .iter()
            .filter(|q| q.kind == QuestionKind::Rating)
            .collect();
        assert_eq!(
            ratings.len(),
            1,
            "{family}: one star rating among {:?}",
            layout.questions
        );
        assert_eq!(ratings[0].scale, (1, 5), "{family}: stars 1–5");
        // Besides texts and stars, at most the channel, as a choice: no product, reply, order or score column.
        let others: Vec<_> = layout
            .questions
            .iter()
            .filter(|q| !matches!(q.kind, QuestionKind::FreeText | QuestionKind::Rating))
            .collect();
        assert!(
            others.len() <= 1 && others.iter().all(|q| q.kind == QuestionKind::SingleChoice),
            "{family}: {others:?}"
        );

        let mut builder = DatasetBuilder::new();
        read_file(schema, &bytes, &mut builder).unwrap_or_else(|e| panic!("{family}: {e:?}"));
        let (dataset, report) = builder.finish();
        assert_eq!(dataset.customers.len(), 0, "{family}: reviews create no customer");
        let read = &dataset.surveys[0];
        assert_eq!(
            read.len() as u64,
            want["responses"].as_u64().unwrap(),
            "{family}: reviews"
        );
        assert!(read.day().iter().all(Option::is_some), "{family}: every review dated");
        let file = &report.files[0];
        assert_eq!(
            file.rows_read,
            file.rows_kept + file.rows_rejected + file.duplicates_removed
        );
        let q = read
            .questions()
            .iter()
            .position(|q| q.kind == QuestionKind::Rating)
            .expect("rating");
        let Some(AnswerColumn::Scores(stars)) = read.answers(q) else {
            panic!("{family}: scores")
        };
        let stars: Vec<u8> = stars.iter().flatten().copied().collect();
        let want_stars = &want["stars"];
        assert_eq!(stars.len() as u64, want_stars["n"].as_u64().unwrap(), "{family}: stars");
        assert_eq!(
            stars.iter().filter(|&&s| s >= 4).count() as u64,
            want_stars["positive"].as_u64().unwrap()
        );
        assert_eq!(
            stars.iter().filter(|&&s| s <= 2).count() as u64,
            want_stars["negative"].as_u64().unwrap()
        );
    }
}
