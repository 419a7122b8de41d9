//! The generic chart kinds: snapshots of each in English and Chinese
//! (`tests/snapshots/kind_*.svg`, rewrite with `UPDATE_SNAPSHOTS=1`), escaping
//! of caller text, edge cases, and a property test that any input gives a
//! well-formed document without panicking.

#[path = "../../report/tests/common/mod.rs"]
mod common;

use proptest::prelude::*;
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};
use segscope_chart::{
    bar_chart, funnel, heatmap, histogram, horizontal_bars, stacked_share_bars, ChartText, FunnelColumns, Series,
    ValueFormat,
};
use segscope_i18n::Lang;

fn check(name: &str, actual: &str) {
    assert_well_formed(actual);
    common::check_snapshot(name, actual);
}

/// Parses `svg` as XML: one `<svg>` root, balanced tags, valid attributes and
/// only the entities the builder writes.
fn assert_well_formed(svg: &str) {
    let mut reader = Reader::from_str(svg);
    let (mut depth, mut roots) = (0usize, 0usize);
    let check_attributes = |e: &quick_xml::events::BytesStart| {
        for attribute in e.attributes() {
            let attribute = attribute.unwrap_or_else(|err| panic!("bad attribute: {err}\n{svg}"));
            attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .unwrap_or_else(|err| panic!("bad attribute value: {err}\n{svg}"));
        }
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if depth == 0 {
                    roots += 1;
                    assert_eq!(e.name().as_ref(), "svg", "{svg}");
                }
                check_attributes(&e);
                depth += 1;
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Empty(e)) => {
                assert!(depth > 0, "element outside the root\n{svg}");
                check_attributes(&e);
            }
            Ok(Event::Text(t)) => {
                assert!(depth > 0 || t.trim_ascii().is_empty(), "text outside the root\n{svg}");
            }
            Ok(Event::GeneralRef(r)) => {
                let name: &str = &r;
                assert!(
                    matches!(name, "amp" | "lt" | "gt" | "quot" | "#39"),
                    "entity {name}\n{svg}"
                );
            }
            Ok(Event::Eof) => break,
            Ok(other) => panic!("unexpected {other:?}\n{svg}"),
            Err(err) => panic!("not well-formed: {err}\n{svg}"),
        }
    }
    assert_eq!(depth, 0, "unclosed elements\n{svg}");
    assert_eq!(roots, 1, "{svg}");
    assert!(svg.contains(" role=\"img\" aria-labelledby=\""), "{svg}");
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn text<'a>(id: &'a str, title: &'a str, desc: &'a str, x_label: &'a str, y_label: &'a str) -> ChartText<'a> {
    ChartText {
        id,
        title,
        desc,
        x_label,
        y_label,
    }
}

// ---- Example charts, as the dashboard would draw them ----

fn monthly_revenue(lang: Lang) -> String {
    let (t, months, new, returning) = match lang {
        Lang::En => (
            text(
                "kind-bars",
                "Revenue by month",
                "Revenue of new and returning customers per month.",
                "Month",
                "Revenue",
            ),
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun"],
            "New customers",
            "Returning customers",
        ),
        Lang::Zh => (
            text("kind-bars", "各月收入", "每月新客户与回头客的收入。", "月份", "收入"),
            ["1月", "2月", "3月", "4月", "5月", "6月"],
            "新客户",
            "回头客",
        ),
    };
    let series = [
        Series::new(new, vec![12_400.0, 9_850.5, 14_300.0, 8_020.0, 11_000.0, 15_250.0]),
        Series::new(
            returning,
            vec![6_050.0, 8_800.0, 10_120.0, 12_040.0, f64::NAN, 16_900.0],
        ),
    ];
    bar_chart(&t, &strings(&months), &series, ValueFormat::Money, lang)
}

fn revenue_by_source(lang: Lang) -> String {
    let (t, sources) = match lang {
        Lang::En => (
            text(
                "kind-hbars",
                "Average order value by acquisition source",
                "Average order value of the buyers from each source.",
                "Average order value",
                "Source",
            ),
            [
                "Organic search",
                "Paid social — spring campaign 2024, retargeting audience of past visitors",
                "Email newsletter",
                "Referral",
                "Direct",
            ],
        ),
        Lang::Zh => (
            text(
                "kind-hbars",
                "各来源渠道的客单价",
                "各来源渠道购买客户的平均客单价。",
                "客单价",
                "来源渠道",
            ),
            [
                "自然搜索",
                "付费社交媒体——2024 年春季活动面向历史访客的再营销人群",
                "邮件订阅",
                "推荐",
                "直接访问",
            ],
        ),
    };
    let series = [Series::new("AOV", vec![86.4, 142.9, 63.0, 118.25, 74.1])];
    horizontal_bars(&t, &strings(&sources), &series, ValueFormat::Money, lang)
}

fn tier_mix(lang: Lang) -> String {
    let (t, sources, tiers) = match lang {
        Lang::En => (
            text(
                "kind-stacked",
                "Value-tier mix by source",
                "For each source, the share of its customers in each value tier.",
                "Share of customers",
                "Source",
            ),
            [
                "Organic search",
                "Paid social",
                "Email newsletter",
                "Referral",
                "Unknown",
            ],
            ["High", "Medium", "Low", "No purchase"],
        ),
        Lang::Zh => (
            text(
                "kind-stacked",
                "各来源渠道的价值等级构成",
                "每个来源渠道的客户在各价值等级中的占比。",
                "客户占比",
                "来源渠道",
            ),
            ["自然搜索", "付费社交媒体", "邮件订阅", "推荐", "未知"],
            ["高价值", "中价值", "低价值", "未购买"],
        ),
    };
    let counts = [
        [420.0, 610.0, 880.0, 300.0],
        [95.0, 240.0, 510.0, 720.0],
        [310.0, 280.0, 190.0, 60.0],
        [12.0, 30.0, 41.0, 9.0],
        [0.0, 0.0, 0.0, 0.0],
    ];
    let series: Vec<Series> = tiers
        .iter()
        .enumerate()
        .map(|(j, name)| Series::new(*name, counts.iter().map(|row| row[j]).collect()))
        .collect();
    stacked_share_bars(&t, &strings(&sources), &series, ValueFormat::Count, lang)
}

fn repeat_funnel(lang: Lang) -> String {
    let (t, columns, stages) = match lang {
        Lang::En => (
            text(
                "kind-funnel",
                "From sign-up to loyal customer",
                "How many customers reach each number of orders.",
                "Customers",
                "Step",
            ),
            FunnelColumns {
                of_first: "% of first step",
                of_previous: "% of previous step",
            },
            ["Signed up", "First order", "Second order", "Third order", "Fifth order"],
        ),
        Lang::Zh => (
            text(
                "kind-funnel",
                "从注册到忠诚客户",
                "达到各订单数的客户人数。",
                "客户数",
                "步骤",
            ),
            FunnelColumns {
                of_first: "占首步",
                of_previous: "占上一步",
            },
            ["注册", "首单", "第二单", "第三单", "第五单"],
        ),
    };
    funnel(&t, &columns, &strings(&stages), &[12_000, 4_300, 1_800, 650, 120], lang)
}

fn recency_histogram(lang: Lang) -> String {
    let t = match lang {
        Lang::En => text(
            "kind-hist",
            "Days since last order",
            "How many buyers last ordered in each range of days.",
            "Days since last order",
            "Buyers",
        ),
        Lang::Zh => text(
            "kind-hist",
            "距上次购买天数",
            "上次购买距今处于各天数区间的购买客户数。",
            "距上次购买天数",
            "购买客户数",
        ),
    };
    let bins = [
        (0.0, 30.0),
        (30.0, 60.0),
        (60.0, 90.0),
        (90.0, 180.0),
        (180.0, 365.0),
        (365.0, f64::INFINITY),
    ];
    histogram(&t, &bins, &[1_240, 860, 610, 1_020, 930, 415], ValueFormat::Days, lang)
}

fn cohort_retention(lang: Lang) -> String {
    let (t, rows, cols): (_, Vec<String>, Vec<String>) = match lang {
        Lang::En => (
            text(
                "kind-heatmap",
                "Monthly cohort retention",
                "For each month's new buyers, the share who bought again n months later.",
                "Months since first purchase",
                "First purchase",
            ),
            (1..=6).map(|m| format!("2024-{m:02}")).collect(),
            (0..6).map(|m| format!("M{m}")).collect(),
        ),
        Lang::Zh => (
            text(
                "kind-heatmap",
                "月度同期群留存",
                "每个月的新购买客户在 n 个月后再次购买的比例。",
                "距首次购买月数",
                "首次购买月份",
            ),
            (1..=6).map(|m| format!("2024年{m}月")).collect(),
            (0..6).map(|m| format!("第{m}月")).collect(),
        ),
    };
    let mut cells = Vec::new();
    for r in 0..6 {
        for c in 0..6 {
            cells.push(if c == 0 {
                Some(1.0)
            } else if r + c < 6 {
                Some(0.42 / c as f64 + 0.01 * r as f64)
            } else {
                None
            });
        }
    }
    heatmap(&t, &rows, &cols, &cells, ValueFormat::Percent, lang)
}

// ---- Snapshots ----

#[test]
fn bar_chart_snapshots() {
    check("kind_bars_en.svg", &monthly_revenue(Lang::En));
    check("kind_bars_zh.svg", &monthly_revenue(Lang::Zh));
}

#[test]
fn horizontal_bars_snapshots() {
    check("kind_hbars_en.svg", &revenue_by_source(Lang::En));
    check("kind_hbars_zh.svg", &revenue_by_source(Lang::Zh));
}

#[test]
fn stacked_share_bars_snapshots() {
    check("kind_stacked_en.svg", &tier_mix(Lang::En));
    check("kind_stacked_zh.svg", &tier_mix(Lang::Zh));
}

#[test]
fn funnel_snapshots() {
    check("kind_funnel_en.svg", &repeat_funnel(Lang::En));
    check("kind_funnel_zh.svg", &repeat_funnel(Lang::Zh));
}

#[test]
fn histogram_snapshots() {
    check("kind_histogram_en.svg", &recency_histogram(Lang::En));
    check("kind_histogram_zh.svg", &recency_histogram(Lang::Zh));
}

#[test]
fn heatmap_snapshots() {
    check("kind_heatmap_en.svg", &cohort_retention(Lang::En));
    check("kind_heatmap_zh.svg", &cohort_retention(Lang::Zh));
}

// ---- Behaviour ----

/// Every kind drawn from the same categories and values.
fn all_kinds(t: &ChartText, categories: &[String], series: &[Series], lang: Lang) -> Vec<String> {
    let first = series.first().map(|s| s.values.clone()).unwrap_or_default();
    let counts: Vec<u64> = first
        .iter()
        .map(|v| if v.is_finite() && *v > 0.0 { *v as u64 } else { 0 })
        .collect();
    let bins: Vec<(f64, f64)> = first.iter().map(|v| (*v, v + 1.0)).collect();
    let cells: Vec<Option<f64>> = series.iter().flat_map(|s| s.values.iter().map(|v| Some(*v))).collect();
    let names: Vec<String> = series.iter().map(|s| s.name.clone()).collect();
    let columns = FunnelColumns {
        of_first: "of first",
        of_previous: "of previous",
    };
    vec![
        bar_chart(t, categories, series, ValueFormat::Count, lang),
        horizontal_bars(t, categories, series, ValueFormat::Money, lang),
        stacked_share_bars(t, categories, series, ValueFormat::Decimal, lang),
        funnel(t, &columns, categories, &counts, lang),
        histogram(t, &bins, &counts, ValueFormat::Days, lang),
        heatmap(t, &names, categories, &cells, ValueFormat::Percent, lang),
    ]
}

#[test]
fn caller_text_is_always_escaped() {
    const HOSTILE: &str = "<script>&\"'";
    const ESCAPED: &str = "&lt;script&gt;&amp;&quot;&#39;";
    let t = text(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE);
    let categories = strings(&[HOSTILE, "b"]);
    let series = [Series::new(HOSTILE, vec![3.0, 4.0]), Series::new("s", vec![1.0, 2.0])];
    let columns = FunnelColumns {
        of_first: HOSTILE,
        of_previous: HOSTILE,
    };
    let mut charts = all_kinds(&t, &categories, &series, Lang::En);
    charts.push(funnel(&t, &columns, &categories, &[5, 2], Lang::Zh));
    charts.push(heatmap(
        &t,
        &categories,
        &categories,
        &[Some(1.0); 4],
        ValueFormat::Count,
        Lang::En,
    ));
    for svg in charts {
        assert_well_formed(&svg);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("&\""), "{svg}");
        assert!(svg.contains(ESCAPED), "{svg}");
    }
}

#[test]
fn empty_inputs_say_no_data() {
    let t = text("e", "Empty", "Nothing", "x", "y");
    let none: [Series; 0] = [];
    let nan = [Series::new("s", vec![f64::NAN, f64::INFINITY])];
    let charts = [
        bar_chart(&t, &[], &none, ValueFormat::Count, Lang::En),
        bar_chart(&t, &strings(&["a", "b"]), &nan, ValueFormat::Count, Lang::En),
        horizontal_bars(&t, &strings(&["a"]), &none, ValueFormat::Count, Lang::En),
        stacked_share_bars(&t, &[], &nan, ValueFormat::Count, Lang::En),
        funnel(&t, &FunnelColumns::default(), &strings(&["a"]), &[], Lang::En),
        histogram(&t, &[], &[1, 2], ValueFormat::Count, Lang::En),
        heatmap(
            &t,
            &strings(&["r"]),
            &strings(&["c"]),
            &[None],
            ValueFormat::Count,
            Lang::En,
        ),
    ];
    for svg in charts {
        assert_well_formed(&svg);
        assert!(svg.contains(">No data</text>"), "{svg}");
    }
    let zh = histogram(&t, &[], &[], ValueFormat::Count, Lang::Zh);
    assert!(zh.contains(">暂无数据</text>") && zh.contains("lang=\"zh-CN\""));
}

#[test]
fn long_labels_are_cut_with_the_full_text_on_hover() {
    let long = "An acquisition source with a very long name that cannot fit anywhere on the chart, \
                not even in the title line across the whole width";
    let t = text("long", long, "d", long, long);
    let categories = strings(&[long, "short"]);
    let series = [Series::new(long, vec![1.0, 2.0]), Series::new("other", vec![2.0, 1.0])];
    for svg in all_kinds(&t, &categories, &series, Lang::En) {
        assert_well_formed(&svg);
        assert!(svg.contains('…'), "{svg}");
        assert!(svg.contains(&format!("<g><title>{long}")), "{svg}");
        assert!(!svg.contains(&format!(">{long}</text>")), "uncut label in {svg}");
    }
}

#[test]
fn every_mark_has_a_hover_text() {
    let svg = monthly_revenue(Lang::En);
    // Twelve bars (one of them a gap), each in a group with its value.
    assert_eq!(svg.matches("<g><title>").count(), 12);
    assert!(svg.contains("<g><title>Feb · New customers: 9,850.50</title>"));
    assert!(svg.contains("<g><title>May · Returning customers: —</title>"));
    let funnel_svg = repeat_funnel(Lang::En);
    assert!(funnel_svg
        .contains("<g><title>Second order: 1,800 · % of first step: 15.0% · % of previous step: 41.9%</title>"));
    let zh = tier_mix(Lang::Zh);
    assert!(zh.contains("<g><title>自然搜索 · 高价值:420 (19.0%)</title>"), "{zh}");
    let heat = cohort_retention(Lang::En);
    assert!(heat.contains("<g><title>2024-02 · M1: 43.0%</title>"), "{heat}");
    let hist = recency_histogram(Lang::En);
    assert!(hist.contains("<g><title>≥ 365: 415 (8.2%)</title>"), "{hist}");
}

#[test]
fn output_is_deterministic() {
    assert_eq!(monthly_revenue(Lang::En), monthly_revenue(Lang::En));
    assert_eq!(cohort_retention(Lang::Zh), cohort_retention(Lang::Zh));
}

#[test]
fn many_categories_and_series_still_render() {
    let categories: Vec<String> = (0..200).map(|i| format!("Category {i}")).collect();
    let series: Vec<Series> = (0..12)
        .map(|j| Series::new(format!("Series {j}"), (0..200).map(|i| (i * (j + 1)) as f64).collect()))
        .collect();
    let t = text("many", "Many", "d", "x", "y");
    for (i, svg) in all_kinds(&t, &categories, &series, Lang::En).iter().enumerate() {
        assert_well_formed(svg);
        // The histogram (fifth) names its bins by range instead.
        assert!(i == 4 || svg.contains("Category 199"), "last category missing in {svg}");
    }
    // Tall row charts grow, but not without bound.
    let tall = horizontal_bars(&t, &categories, &series[..1], ValueFormat::Count, Lang::En);
    assert!(tall.contains("viewBox=\"0 0 640 17"), "{}", &tall[..200]);
    // The legend sums up what does not fit.
    let crowd: Vec<Series> = (0..40)
        .map(|j| Series::new(format!("Series {j}"), vec![j as f64]))
        .collect();
    let bars = bar_chart(&t, &categories[..1], &crowd, ValueFormat::Count, Lang::En);
    assert_well_formed(&bars);
    assert!(
        bars.contains("fill=\"#52606d\">+23</text>"),
        "legend overflow marker missing in {bars}"
    );
}

#[test]
fn extreme_values_render() {
    let categories = strings(&["a", "b", "c", "d"]);
    let series = [
        Series::new("s", vec![f64::MAX, -f64::MAX, 0.0, -0.0]),
        Series::new("t", vec![1e-300, f64::MIN_POSITIVE, f64::NAN, f64::NEG_INFINITY]),
    ];
    let t = text("x", "Extreme", "d", "x", "y");
    for lang in [Lang::En, Lang::Zh] {
        for svg in all_kinds(&t, &categories, &series, lang) {
            assert_well_formed(&svg);
            for bad in ["NaN", "inf"] {
                assert!(!svg.contains(bad), "{bad} in {svg}");
            }
        }
    }
    let huge = histogram(
        &t,
        &[(0.0, 1.0), (1.0, 2.0)],
        &[u64::MAX, u64::MAX],
        ValueFormat::Count,
        Lang::En,
    );
    assert_well_formed(&huge);
    assert!(huge.contains("18,446,744,073,709,551,615 (50.0%)"));
    let zero = funnel(&t, &FunnelColumns::default(), &categories, &[0, 0, 5, 0], Lang::En);
    assert_well_formed(&zero);
    assert!(zero.contains(">—</text>"));
}

// ---- Any input ----

fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -1e6..1e6f64,
        1 => any::<f64>(),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(0.0),
        1 => Just(f64::MAX),
        1 => Just(-f64::MAX),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => ".{0,30}",
        1 => Just("<script>&\"'".to_string()),
        1 => Just(String::new()),
        1 => "[\u{0}-\u{1f}\u{fffe}\u{ffff}]{1,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_input_gives_a_well_formed_chart(
        categories in prop::collection::vec(name(), 0..24),
        series in prop::collection::vec((name(), prop::collection::vec(value(), 0..30)), 0..6),
        counts in prop::collection::vec(any::<u64>(), 0..30),
        bins in prop::collection::vec((value(), value()), 0..30),
        title in name(),
        zh in any::<bool>(),
    ) {
        let lang = if zh { Lang::Zh } else { Lang::En };
        let series: Vec<Series> = series.into_iter().map(|(n, v)| Series::new(n, v)).collect();
        let t = text("p", &title, &title, &title, &title);
        let mut charts = all_kinds(&t, &categories, &series, lang);
        charts.push(funnel(&t, &FunnelColumns::default(), &categories, &counts, lang));
        charts.push(histogram(&t, &bins, &counts, ValueFormat::Money, lang));
        let cells: Vec<Option<f64>> = bins.iter().map(|(v, _)| (*v > 0.0).then_some(*v)).collect();
        charts.push(heatmap(&t, &categories, &categories, &cells, ValueFormat::Decimal, lang));
        for svg in charts {
            assert_well_formed(&svg);
            prop_assert!(svg.ends_with("</svg>\n"));
            prop_assert!(!svg.contains("NaN"));
        }
    }
}
