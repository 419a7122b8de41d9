//! The per-customer workbook read back with calamine (sheets per segment,
//! typed cells, formula-looking text kept as text, any key surviving), its
//! package parts (frozen bold header, autofilter), and the localized CSV.

use calamine::{open_workbook_from_rs, Data, DataType, Range, Reader, Xlsx};
use proptest::prelude::*;
use segscope_engine::settings::Settings;
use segscope_engine::{run, Analysis, RfmSegment};
use segscope_export::texts::t;
use segscope_export::{customers_csv_localized, customers_xlsx, CUSTOMER_COLUMNS};
use segscope_i18n::Lang;
use segscope_model::Dataset;
use std::io::{Cursor, Read};

mod common;

/// The shared dataset.
fn dataset(keys: Vec<String>) -> Dataset {
    common::dataset(keys, false)
}

fn keys(n: usize) -> Vec<String> {
    let mut keys: Vec<String> = (0..n).map(|i| format!("cust-{i}")).collect();
    keys[0] = "=HYPERLINK(\"http://x\",\"y\")".into();
    keys[1] = "-42".into();
    keys[2] = "@cmd".into();
    keys[3] = " _x0041_ a\r\nb\u{1} ".into();
    keys
}

fn analysis(d: &Dataset) -> Analysis {
    run(d, &Settings::default())
}

/// The workbook's sheets, in order, with their cells.
fn read_back(bytes: Vec<u8>) -> Vec<(String, Range<Data>)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook calamine opens");
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("a readable sheet");
            (name, range)
        })
        .collect()
}

fn xlsx(d: &Dataset, a: &Analysis, lang: Lang) -> Vec<u8> {
    customers_xlsx(d, a, 0..d.customers.len(), lang).expect("the workbook is written")
}

#[test]
fn one_sheet_per_segment_after_all_customers() {
    let d = dataset(keys(40));
    let a = analysis(&d);
    for lang in [Lang::En, Lang::Zh] {
        let sheets = read_back(xlsx(&d, &a, lang));
        let mut expected = vec![(t(lang, "export.sheet.all").to_string(), d.customers.len())];
        for segment in RfmSegment::ALL {
            let count = a.labels.segment().iter().filter(|s| **s == Some(segment)).count();
            if count > 0 {
                expected.push((t(lang, segment.i18n_key()).to_string(), count));
            }
        }
        let non_buyers = a.labels.segment().iter().filter(|s| s.is_none()).count();
        assert!(
            non_buyers > 0 && expected.len() > 3,
            "the fixture covers several segments"
        );
        expected.push((t(lang, "tier.none").to_string(), non_buyers));
        let actual: Vec<(String, usize)> = sheets.iter().map(|(n, r)| (n.clone(), r.height() - 1)).collect();
        assert_eq!(actual, expected);
        for (name, range) in &sheets {
            assert!(name.chars().count() <= 31 && !name.contains(['[', ']', ':', '*', '?', '/', '\\']));
            assert_eq!(range.width(), CUSTOMER_COLUMNS.len(), "{name}");
        }
        // Each segment sheet holds exactly that segment's customers.
        let column = 10;
        for (name, range) in &sheets[1..] {
            assert!(range.rows().skip(1).all(|row| match &row[column] {
                Data::String(s) => s == name,
                Data::Empty => *name == t(lang, "tier.none"),
                _ => false,
            }));
        }
    }
}

#[test]
fn cells_are_typed_and_formulas_stay_text() {
    let d = dataset(keys(12));
    let a = analysis(&d);
    let sheets = read_back(xlsx(&d, &a, Lang::En));
    let all = &sheets[0].1;
    let header: Vec<String> = all.rows().next().into_iter().flatten().map(|c| c.to_string()).collect();
    assert_eq!(header[0], "Customer ID");
    assert_eq!(header[1], "First order date");
    for (i, row) in all.rows().skip(1).enumerate() {
        assert_eq!(
            row[0],
            Data::String(d.customers.key()[i].clone()),
            "keys are text, never formulas"
        );
        assert_eq!(row[3].as_f64(), Some(f64::from(a.metrics.orders()[i])));
        assert!(matches!(row[4], Data::Float(_)));
        assert!((row[4].as_f64().unwrap_or(-1.0) - a.metrics.revenue()[i]).abs() < 1e-9);
        match a.metrics.first_day()[i] {
            Some(day) => {
                let Data::DateTime(date) = &row[1] else {
                    panic!("row {i}: the first order date is a date, got {:?}", row[1]);
                };
                assert_eq!(date.as_f64(), f64::from(day) + 25_569.0);
            }
            None => assert_eq!(row[1], Data::Empty),
        }
        if a.metrics.orders()[i] > 0 {
            assert_eq!(row[6].as_f64(), a.metrics.recency_days()[i].map(f64::from));
            assert_eq!(row[7].as_f64(), Some(f64::from(a.labels.r()[i])));
            assert!(matches!(row[11], Data::Float(_)), "value scores are numbers");
        } else {
            assert_eq!((&row[5], &row[7]), (&Data::Empty, &Data::Empty));
            assert_eq!(row[12], Data::String("No purchase".into()));
        }
        let source = match d.customers.source()[i] {
            Some(0) => Data::String("=Ads, \"paid\"".into()),
            Some(_) => Data::String("微信群".into()),
            None => Data::Empty,
        };
        assert_eq!(row[18], source);
    }
}

#[test]
fn selection_keeps_its_order_and_skips_unknown_indices() {
    let d = dataset(keys(8));
    let a = analysis(&d);
    let bytes = customers_xlsx(&d, &a, [5, 99, 1].into_iter(), Lang::Zh).expect("written");
    let sheets = read_back(bytes);
    assert_eq!(sheets[0].0, "全部客户");
    let ids: Vec<String> = sheets[0].1.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(ids, ["cust-5", "-42"]);
    assert_eq!(
        sheets[0].1.rows().next().map(|r| r[0].to_string()).as_deref(),
        Some("客户ID")
    );
}

#[test]
fn empty_selection_gives_a_header_only_sheet() {
    let d = Dataset::default();
    let a = analysis(&d);
    let sheets = read_back(xlsx(&d, &a, Lang::En));
    assert_eq!(sheets.len(), 1);
    assert_eq!(sheets[0].1.height(), 1);
}

/// A part of the package, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    archive
        .by_name(name)
        .expect("the part exists")
        .read_to_string(&mut text)
        .expect("UTF-8 XML");
    text
}

#[test]
fn header_is_bold_frozen_and_filtered() {
    let d = dataset(keys(6));
    let bytes = xlsx(&d, &analysis(&d), Lang::En);
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
    assert!(sheet.contains("<autoFilter ref=\"A1:AK7\"/>"));
    assert!(sheet.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\">"));
    assert!(!sheet.contains("<f>"), "no formulas anywhere");
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("<font><b/>"));
    assert!(styles.contains("fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\""));
    let workbook = part(&bytes, "xl/workbook.xml");
    assert!(workbook.contains("localSheetId=\"0\" hidden=\"1\">'All customers'!$A$1:$AK$7</definedName>"));
}

#[test]
fn localized_csv_has_chinese_headers_and_labels() {
    let d = dataset(keys(8));
    let a = analysis(&d);
    let csv = customers_csv_localized(&d, &a, 0..8, Lang::Zh);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "\u{feff}客户ID,首次下单日期,最近下单日期,订单数,消费金额,客单价,距最近下单天数,R 分,F 分,M 分,\
             RFM 分群,价值得分,价值等级,会员等级,生命周期阶段,线索阶段,互动度,偏好品类,来源渠道,聚类,存活概率,预期购买次数,预测 CLV,自定义分群,NPS 评分,NPS 分组,满意度,心理特征类别,反馈主题,年龄段,性别,\
             收入区间,职业,地区,姓名,邮箱,手机号"
        )
    );
    let body = csv.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new().from_reader(body.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("a well-formed row").iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 8);
    // Formula guard as in the English CSV; labels in Chinese.
    assert_eq!(rows[0][0], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(rows[1][0], "'-42");
    assert_eq!((rows[3][12].as_str(), rows[3][14].as_str()), ("未购买", "潜在客户"));
    assert!(rows
        .iter()
        .filter(|r| r[3] != "0")
        .all(|r| RfmSegment::ALL.iter().any(|s| t(Lang::Zh, s.i18n_key()) == r[10])));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_customer_key_survives_the_workbook(
        keys in prop::collection::vec(
            prop_oneof![
                "\\PC*",
                "[=+@\t\r\n_x0-9A-F-]{0,10}",
                any::<String>(),
            ],
            0..10,
        )
    ) {
        let d = dataset(keys.clone());
        let sheets = read_back(xlsx(&d, &analysis(&d), Lang::En));
        let ids: Vec<Data> = sheets[0].1.rows().skip(1).map(|r| r[0].clone()).collect();
        let expected: Vec<Data> = keys
            .iter()
            .map(|k| if k.is_empty() { Data::Empty } else { Data::String(k.clone()) })
            .collect();
        prop_assert_eq!(ids, expected);
    }
}
