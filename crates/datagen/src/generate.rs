//! One generation run: builds the population, orders, rows and events, writes the files and
//! truth.json into the output directory.

use crate::config::{Config, Lang};
use crate::render::{FileStat, Renderer};
use crate::timeline::Timeline;
use crate::{dirty, events, feedback, orders, people, truth, xlsx};
use std::io;

/// Typical (median-ish) order value before customer, category and order spread: yuan or dollars.
fn typical_value(lang: Lang) -> f64 {
    match lang {
        Lang::En => 22.0,
        Lang::Zh => 110.0,
    }
}

/// Generates everything `cfg` asks for and returns the written files (truth.json last).
pub fn run(cfg: &Config) -> io::Result<Vec<FileStat>> {
    std::fs::create_dir_all(&cfg.out_dir)?;
    let timeline = Timeline::default();
    let people = people::generate(cfg.seed, cfg.customers, &timeline);
    let value = typical_value(cfg.lang);
    let book = orders::generate(&people, &timeline, cfg.seed, value, cfg.orders_per_customer);
    let currency = match cfg.lang {
        Lang::En => 1,
        Lang::Zh => 0,
    };
    let rows = dirty::export_rows(&book, cfg.seed, cfg.dirty, currency);
    let renderer = Renderer::new(cfg, &timeline, &people);
    let mut stats = vec![renderer.orders(&rows)?];
    if cfg.xlsx {
        stats.push(xlsx::orders_workbook(&cfg.out_dir)?);
    }
    if !cfg.no_customers {
        stats.push(renderer.customers(&book)?);
    }
    let mut events_rows = 0;
    if !cfg.no_events {
        let events = events::generate(&people, &book, &timeline, cfg.seed);
        let stat = renderer.events(&events)?;
        events_rows = stat.rows;
        stats.push(stat);
    }
    let mut truth = truth::compute(cfg, &people, &rows, &timeline, events_rows);
    if cfg.survey {
        let (files, feedback) = feedback::write(cfg, &people, &renderer, &timeline)?;
        stats.extend(files);
        truth.feedback = Some(feedback);
    }
    let mut json = serde_json::to_string_pretty(&truth).map_err(io::Error::other)?;
    json.push('\n');
    let path = cfg.out_dir.join("truth.json");
    std::fs::write(&path, &json)?;
    stats.push(FileStat {
        name: "truth.json",
        rows: 0,
        bytes: json.len() as u64,
    });
    Ok(stats)
}

#[cfg(test)]
mod tests {
    //! End-to-end checks: byte-identical reruns, and truth.json matching an independent re-read
    //! of orders.csv with a small CSV reader.

    use super::*;
    use crate::config::{DateStyle, Encoding};
    use chrono::NaiveDate;
    use serde_json::Value;
    use std::collections::{BTreeSet, HashMap, HashSet};
    use std::path::PathBuf;

    fn out_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("segscope-datagen-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn config(name: &str, customers: u32) -> Config {
        let mut cfg = Config::new(out_dir(name));
        cfg.customers = customers;
        cfg.seed = 7;
        cfg
    }

    fn read_text(cfg: &Config, file: &str) -> String {
        let bytes = std::fs::read(cfg.out_dir.join(file)).unwrap();
        match cfg.encoding {
            Encoding::Utf8 => String::from_utf8(bytes).unwrap(),
            _ => {
                let (text, _, errors) = encoding_rs::GB18030.decode(&bytes);
                assert!(!errors);
                text.into_owned()
            }
        }
    }

    /// Splits CSV text into records of fields, honouring quotes (the raw record text is kept).
    fn records(text: &str, delimiter: char) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        let (mut raw, mut field, mut fields) = (String::new(), String::new(), Vec::new());
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if quoted {
                raw.push(c);
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        raw.push(chars.next().unwrap());
                        field.push('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push(c);
                }
            } else if c == '"' {
                raw.push(c);
                quoted = true;
            } else if c == delimiter {
                raw.push(c);
                fields.push(std::mem::take(&mut field));
            } else if c == '\n' {
                fields.push(std::mem::take(&mut field));
                out.push((std::mem::take(&mut raw), std::mem::take(&mut fields)));
            } else {
                raw.push(c);
                field.push(c);
            }
        }
        assert!(raw.is_empty() && !quoted, "file must end with a line break");
        out
    }

    fn parse_date(text: &str) -> Option<NaiveDate> {
        let date_part = text.split([' ', 'T']).next()?;
        let formats = ["%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d", "%Y年%m月%d日", "%Y%m%d"];
        formats
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(date_part, f).ok())
    }

    fn parse_amount(text: &str, decimal_comma: bool) -> Option<f64> {
        let (negative, text) = match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            Some(inner) => (true, inner),
            None => (false, text),
        };
        let mut t = text.trim_start_matches(['¥', '￥', '$', '€']).to_string();
        for code in ["CNY", "USD", "EUR", "HKD", "GBP", "CAD"] {
            t = t.trim_end_matches(code).trim().to_string();
        }
        let t = if decimal_comma {
            t.replace('.', "").replace(',', ".")
        } else {
            t.replace(',', "")
        };
        let valid = !t.is_empty()
            && t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-')
            && t.matches('.').count() <= 1;
        if !valid {
            return None;
        }
        let value: f64 = t.parse().ok()?;
        Some(if negative { -value } else { value })
    }

    /// Recomputes the truth from the written orders.csv and customers.csv alone.
    fn reread(cfg: &Config) -> Value {
        let orders = read_text(cfg, "orders.csv");
        let customers = read_text(cfg, "customers.csv");
        let in_file: HashSet<String> = records(&customers, cfg.delimiter)
            .into_iter()
            .skip(1)
            .map(|(_, f)| f[0].clone())
            .collect();
        let mut all_ids = in_file.clone();
        let mut ordered_ids = HashSet::new();
        let mut seen: HashMap<String, String> = HashMap::new();
        let (mut read, mut kept, mut dup, mut missing, mut bad_date, mut bad_amount) = (0, 0, 0, 0, 0, 0);
        let (mut paid_orders, mut revenue, mut refunded, mut cancelled) = (0, 0.0, 0, 0);
        let mut paid_per: HashMap<String, u32> = HashMap::new();
        let mut dates = BTreeSet::new();
        let mut currencies = BTreeSet::new();
        for (raw, f) in records(&orders, cfg.delimiter).into_iter().skip(1) {
            assert_eq!(f.len(), 9, "{raw}");
            read += 1;
            let id = f[1].trim().to_string();
            if id.is_empty() {
                missing += 1;
                continue;
            }
            all_ids.insert(id.clone());
            ordered_ids.insert(id.clone());
            let Some(date) = parse_date(f[2].trim()) else {
                bad_date += 1;
                continue;
            };
            let Some(amount) = parse_amount(f[3].trim(), cfg.decimal_comma) else {
                bad_amount += 1;
                continue;
            };
            if seen.get(&f[0]) == Some(&raw) {
                dup += 1;
                continue;
            }
            assert!(seen.insert(f[0].clone(), raw).is_none(), "order id reused");
            kept += 1;
            dates.insert(date);
            currencies.insert(f[8].clone());
            match f[4].trim() {
                "paid" | "completed" | "已付款" | "交易成功" if amount >= 0.0 => {
                    paid_orders += 1;
                    revenue += amount;
                    *paid_per.entry(id).or_default() += 1;
                }
                "paid" | "completed" | "已付款" | "交易成功" | "refunded" | "returned" | "已退款" | "退货退款" => {
                    refunded += 1
                }
                "cancelled" | "已取消" => cancelled += 1,
                other => panic!("unknown status {other}"),
            }
        }
        let events = records(&read_text(cfg, "events.csv"), cfg.delimiter).len() - 1;
        let iso = |d: &NaiveDate| d.format("%Y-%m-%d").to_string();
        serde_json::json!({
            "customers": all_ids.len(),
            "customers_file_rows": in_file.len(),
            "buyers": paid_per.len(),
            "paid_orders": paid_orders,
            "paid_revenue": (revenue * 100.0_f64).round() / 100.0,
            "repeat_buyers": paid_per.values().filter(|&&n| n >= 2).count(),
            "refunded_orders": refunded,
            "cancelled_orders": cancelled,
            "orphan_customers": ordered_ids.difference(&in_file).count(),
            "orders_rows_read": read,
            "orders_rows_kept": kept,
            "orders_rows_rejected": missing + bad_date + bad_amount,
            "orders_duplicates_removed": dup,
            "rejected_by_reason": {"missing_key": missing, "bad_date": bad_date, "bad_amount": bad_amount},
            "first_order_date": dates.first().map(iso),
            "last_order_date": dates.last().map(iso),
            "events_rows": events,
            "currencies": currencies,
        })
    }

    fn check_truth(cfg: &Config) {
        run(cfg).unwrap();
        let truth: Value = serde_json::from_str(&read_text(cfg, "truth.json")).unwrap();
        let expected = reread(cfg);
        for (key, value) in expected.as_object().unwrap() {
            if key == "paid_revenue" {
                let (a, b) = (truth[key].as_f64().unwrap(), value.as_f64().unwrap());
                assert!((a - b).abs() < 0.005, "paid_revenue {a} vs {b}");
            } else {
                assert_eq!(&truth[key], value, "{key}");
            }
        }
        let t = &truth;
        let n = |k: &str| t[k].as_u64().unwrap();
        assert_eq!(
            n("orders_rows_read"),
            n("orders_rows_kept") + n("orders_rows_rejected") + n("orders_duplicates_removed")
        );
        std::fs::remove_dir_all(&cfg.out_dir).unwrap();
    }

    #[test]
    fn truth_matches_a_reread_of_clean_files() {
        check_truth(&config("clean", 800));
    }

    #[test]
    fn truth_matches_a_reread_of_dirty_english_files() {
        let mut cfg = config("dirty-en", 1500);
        cfg.dirty = true;
        cfg.date_style = DateStyle::Mixed;
        check_truth(&cfg);
    }

    #[test]
    fn truth_matches_a_reread_of_dirty_chinese_gbk_files() {
        let mut cfg = config("dirty-zh", 1500);
        cfg.dirty = true;
        cfg.lang = Lang::Zh;
        cfg.encoding = Encoding::Gbk;
        cfg.delimiter = ';';
        cfg.decimal_comma = true;
        cfg.date_style = DateStyle::Dmy;
        check_truth(&cfg);
    }

    #[test]
    fn dirty_rows_are_a_few_percent() {
        let mut cfg = config("share", 3000);
        cfg.dirty = true;
        cfg.no_events = true;
        run(&cfg).unwrap();
        let truth: Value = serde_json::from_str(&read_text(&cfg, "truth.json")).unwrap();
        let n = |k: &str| truth[k].as_u64().unwrap() as f64;
        let bad = (n("orders_rows_rejected") + n("orders_duplicates_removed")) / n("orders_rows_read");
        assert!((0.005..0.02).contains(&bad), "{bad}");
        assert!(n("orphan_customers") > 0.0 && n("refunded_orders") > 0.0);
        assert!(truth["currencies"].as_array().unwrap().len() > 1);
        assert!(!cfg.out_dir.join("events.csv").exists());
        std::fs::remove_dir_all(&cfg.out_dir).unwrap();
    }

    #[test]
    fn same_arguments_give_identical_bytes() {
        let files = ["orders.csv", "customers.csv", "events.csv", "truth.json"];
        let mut outputs = Vec::new();
        for name in ["det-a", "det-b"] {
            let mut cfg = config(name, 600);
            cfg.dirty = true;
            cfg.date_style = DateStyle::Mixed;
            cfg.lang = Lang::Zh;
            run(&cfg).unwrap();
            outputs.push(files.map(|f| std::fs::read(cfg.out_dir.join(f)).unwrap()));
            std::fs::remove_dir_all(&cfg.out_dir).unwrap();
        }
        assert_eq!(outputs[0], outputs[1]);
        let mut other = config("det-c", 600);
        other.seed = 8;
        run(&other).unwrap();
        assert_ne!(std::fs::read(other.out_dir.join("orders.csv")).unwrap(), outputs[0][0]);
        std::fs::remove_dir_all(&other.out_dir).unwrap();
    }

    #[test]
    fn language_and_dirt_do_not_change_the_underlying_customers() {
        let mut en = config("lang-en", 400);
        en.no_events = true;
        let mut zh = config("lang-zh", 400);
        zh.no_events = true;
        zh.lang = Lang::Zh;
        zh.dirty = true;
        run(&en).unwrap();
        run(&zh).unwrap();
        let t = |cfg: &Config| -> Value { serde_json::from_str(&read_text(cfg, "truth.json")).unwrap() };
        let (a, b) = (t(&en), t(&zh));
        assert_eq!(a["customers_file_rows"], b["customers_file_rows"]);
        let lines = |cfg: &Config| read_text(cfg, "customers.csv").lines().count();
        assert_eq!(lines(&en), lines(&zh));
        std::fs::remove_dir_all(&en.out_dir).unwrap();
        std::fs::remove_dir_all(&zh.out_dir).unwrap();
    }
}
