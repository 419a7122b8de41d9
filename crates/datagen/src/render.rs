//! Writes the generated customers, order rows and events as orders.csv, customers.csv and
//! events.csv in the chosen language, date style, amount style, delimiter and encoding.

use crate::config::{Config, DateStyle, Encoding, Lang};
use crate::dirty::{Flaw, Row};
use crate::dist::{self, Stream};
use crate::events::Event;
use crate::format::{self, AmountStyle, MIXED_DATE_SHAPES, MIXED_TIMESTAMP_SHAPES};
use crate::orders::OrderBook;
use crate::people::{self, Person};
use crate::timeline::{Timeline, DAY_SECS};
use crate::vocab::*;
use crate::writer::CsvWriter;
use rand_chacha::ChaCha8Rng;
use std::io;

/// Number of the first order id.
const FIRST_ORDER_ID: u64 = 1_000_001;

/// Name, data rows and size of a written file.
#[derive(Clone, Debug)]
pub struct FileStat {
    /// File name inside the output directory.
    pub name: &'static str,
    /// Data rows (header excluded).
    pub rows: u64,
    /// Size in bytes.
    pub bytes: u64,
}

/// Shared context for writing the three files.
pub struct Renderer<'a> {
    cfg: &'a Config,
    timeline: &'a Timeline,
    people: &'a [Person],
    lang: usize,
    id_width: usize,
}

impl<'a> Renderer<'a> {
    /// A renderer for `people` under the options `cfg`.
    pub fn new(cfg: &'a Config, timeline: &'a Timeline, people: &'a [Person]) -> Self {
        Renderer {
            cfg,
            timeline,
            people,
            lang: cfg.lang.index(),
            id_width: people.len().to_string().len().max(6),
        }
    }

    /// Writes orders.csv.
    pub fn orders(&self, rows: &[Row]) -> io::Result<FileStat> {
        let (mut w, mut rng) = self.open("orders.csv", &ORDERS_HEADER[self.lang], Stream::OrderStyle)?;
        let plain = AmountStyle {
            decimal_comma: self.cfg.decimal_comma,
            grouped: self.cfg.decimal_comma,
            drop_zero_cents: false,
        };
        for (k, row) in rows.iter().enumerate() {
            let o = &row.order;
            let flaw = row.flaw;
            let padded = flaw == Flaw::Padded;
            let currency = CURRENCY[row.currency as usize];
            w.field_with(|s| format::push_uint(s, FIRST_ORDER_ID + k as u64, 1));
            match flaw {
                Flaw::MissingKey { spaces } => w.field(if spaces { "  " } else { "" }),
                _ => w.field_with(|s| pad(s, padded, |s| self.push_id(s, o.person))),
            }
            let shape = self.timestamp_shape(&mut rng);
            match flaw {
                Flaw::BadDate(v) => w.field(BAD_DATES[v as usize][self.lang]),
                _ => w.field_with(|s| self.push_timestamp(s, o.ts, shape)),
            }
            w.field_with(|s| match flaw {
                Flaw::BadAmount(v) if self.cfg.decimal_comma => s.push_str(BAD_AMOUNTS_DECIMAL_COMMA[v as usize]),
                Flaw::BadAmount(v) => s.push_str(BAD_AMOUNTS[v as usize]),
                Flaw::Decorated(shape) => self.decorate(s, o.cents, currency, shape),
                Flaw::Negative { parens: true } => {
                    s.push('(');
                    format::push_amount(s, -o.cents, plain);
                    s.push(')');
                }
                _ => pad(s, padded, |s| format::push_amount(s, o.cents, plain)),
            });
            let status = STATUS[o.status as usize][self.lang];
            w.field_with(|s| pad(s, padded, |s| s.push_str(status)));
            let category = CATEGORY[o.category as usize][self.lang];
            w.field_with(|s| {
                if flaw == Flaw::Multiline {
                    s.push_str(category);
                    s.push(self.cfg.delimiter);
                    s.push_str(GIFT_TEXT[0][self.lang]);
                    s.push('\n');
                    s.push_str(GIFT_TEXT[1][self.lang]);
                } else {
                    pad(s, padded, |s| s.push_str(category));
                }
            });
            w.field_with(|s| format::push_uint(s, o.quantity.into(), 1));
            w.field(CHANNEL[o.channel as usize][self.lang]);
            w.field(currency);
            if flaw == Flaw::Duplicate {
                w.end_row_twice()?;
            } else {
                w.end_row()?;
            }
        }
        self.close("orders.csv", w)
    }

    /// Writes customers.csv: every registered customer, with loyalty derived from `book`.
    pub fn customers(&self, book: &OrderBook) -> io::Result<FileStat> {
        let header = &CUSTOMERS_HEADER[self.lang];
        let (mut w, mut rng) = self.open("customers.csv", header, Stream::CustomerStyle)?;
        for (i, p) in self.people.iter().enumerate().filter(|(_, p)| !p.guest) {
            let number = i as u32 + 1;
            let shape = self.date_shape(&mut rng);
            w.field_with(|s| self.push_id(s, i as u32));
            w.field_with(|s| self.push_name(s, p, false));
            w.field(&self.email(i).unwrap_or_default());
            if (p.contact >> 16) % 100 >= 8 {
                w.field_with(|s| self.push_phone(s, p.contact, number));
            } else {
                w.field("");
            }
            let signup = self.timeline.ymd(p.signup / DAY_SECS);
            w.field_with(|s| format::push_date(s, signup, self.cfg.date_style, shape));
            w.field(SOURCE[p.source as usize][self.lang]);
            w.field(p.gender.map_or("", |g| GENDER[g as usize][self.lang]));
            match p.birth {
                Some(d) => w.field_with(|s| format::push_date(s, d, self.cfg.date_style, shape)),
                None => w.field(""),
            }
            match p.income {
                Some(f) => w.field_with(|s| {
                    let median = if self.cfg.lang == Lang::Zh { 120.0 } else { 55.0 };
                    format::push_uint(s, (f * median).round().max(1.0) as u64 * 1000, 1);
                }),
                None => w.field(""),
            }
            w.field(p.occupation.map_or("", |o| OCCUPATION[o as usize][self.lang]));
            let city = &CITIES[p.city as usize];
            w.field(city.province[self.lang]);
            w.field(city.city[self.lang]);
            let (points, level) = people::loyalty(number, book.paid_cents[i], self.cfg.lang);
            w.field(MEMBER_LEVEL[level][self.lang]);
            w.field_with(|s| format::push_uint(s, points, 1));
            w.end_row()?;
        }
        self.close("customers.csv", w)
    }

    /// Writes events.csv.
    pub fn events(&self, events: &[Event]) -> io::Result<FileStat> {
        let header = &EVENTS_HEADER[self.lang];
        let (mut w, mut rng) = self.open("events.csv", header, Stream::EventStyle)?;
        for e in events {
            let shape = self.timestamp_shape(&mut rng);
            w.field_with(|s| self.push_id(s, e.person));
            w.field_with(|s| self.push_timestamp(s, e.ts, shape));
            w.field(EVENT_TYPE[e.kind as usize][self.lang]);
            w.field(e.category.map_or("", |c| CATEGORY[c as usize][self.lang]));
            w.end_row()?;
        }
        self.close("events.csv", w)
    }

    fn open(&self, name: &str, header: &[&str], stream: Stream) -> io::Result<(CsvWriter, ChaCha8Rng)> {
        let mut w = CsvWriter::create(&self.cfg.out_dir.join(name), self.cfg)?;
        w.header(header)?;
        Ok((w, dist::rng(self.cfg.seed, stream)))
    }

    fn close(&self, name: &'static str, w: CsvWriter) -> io::Result<FileStat> {
        let rows = w.finish()?;
        let bytes = std::fs::metadata(self.cfg.out_dir.join(name))?.len();
        Ok(FileStat { name, rows, bytes })
    }

    fn timestamp_shape(&self, rng: &mut ChaCha8Rng) -> u8 {
        if self.cfg.date_style == DateStyle::Mixed {
            dist::between(rng, 0, u32::from(MIXED_TIMESTAMP_SHAPES) - 1) as u8
        } else {
            0
        }
    }

    fn date_shape(&self, rng: &mut ChaCha8Rng) -> u8 {
        if self.cfg.date_style == DateStyle::Mixed {
            MIXED_DATE_SHAPES[dist::between(rng, 0, MIXED_DATE_SHAPES.len() as u32 - 1) as usize]
        } else {
            0
        }
    }

    fn push_id(&self, s: &mut String, person: u32) {
        s.push('C');
        format::push_uint(s, u64::from(person) + 1, self.id_width);
    }

    fn push_timestamp(&self, s: &mut String, ts: u32, shape: u8) {
        let d = self.timeline.ymd(ts / DAY_SECS);
        format::push_timestamp(s, d, ts % DAY_SECS, self.cfg.date_style, shape);
    }

    /// Amount with a currency symbol (shape 0, grouped; shape 1, no `.00`), a currency code
    /// (shape 2) or thousands separators only (shape 3, from 1,000 up; a symbol below).
    fn decorate(&self, s: &mut String, cents: i64, currency: &str, shape: u8) {
        let symbol = match currency {
            "CNY" if self.cfg.encoding == Encoding::Utf8 => Some("¥"),
            "CNY" => Some("￥"),
            "USD" => Some("$"),
            "EUR" => Some("€"),
            _ => None,
        };
        let style = AmountStyle {
            decimal_comma: self.cfg.decimal_comma,
            grouped: shape != 1,
            drop_zero_cents: shape == 1,
        };
        let shape = if shape == 3 && cents.abs() < 100_000 { 0 } else { shape };
        match (shape, symbol) {
            (0 | 1, Some(symbol)) => {
                s.push_str(symbol);
                format::push_amount(s, cents, style);
            }
            (3, _) => format::push_amount(s, cents, style),
            _ => {
                format::push_amount(s, cents, style);
                s.push(' ');
                s.push_str(currency);
            }
        }
    }

    /// The e-mail address of person `i` in customers.csv (88 % of registered
    /// customers have one; guests none).
    pub fn email(&self, i: usize) -> Option<String> {
        let p = self.people.get(i).filter(|p| !p.guest && p.contact % 100 >= 12)?;
        let mut s = String::new();
        self.push_name(&mut s, p, true);
        format::push_uint(&mut s, (i as u64) + 1, 1);
        s.push('@');
        s.push_str(MAIL_DOMAINS[(p.contact >> 8) as usize % MAIL_DOMAINS.len()]);
        Some(s)
    }

    /// Display name, or with `email` its lower-case romanised form for an email address.
    fn push_name(&self, s: &mut String, p: &Person, email: bool) {
        let female = p.gender.map_or(p.name[2].is_multiple_of(2), |g| g == 0);
        match self.cfg.lang {
            Lang::En => {
                let first = if female {
                    pick(&FIRST_NAMES_FEMALE, p.name[1])
                } else {
                    pick(&FIRST_NAMES_MALE, p.name[1])
                };
                let last = pick(&LAST_NAMES, p.name[0]);
                if email {
                    s.extend(first.chars().map(|c| c.to_ascii_lowercase()));
                    s.push('.');
                    s.extend(last.chars().map(|c| c.to_ascii_lowercase()));
                } else {
                    s.push_str(first);
                    s.push(' ');
                    s.push_str(last);
                }
            }
            Lang::Zh => {
                let given: &[(&str, &str)] = if female { &GIVEN_ZH_FEMALE } else { &GIVEN_ZH_MALE };
                let second = (!p.name[2].is_multiple_of(3)).then(|| pick(given, p.name[2] / 3));
                let parts = [
                    Some(pick(&SURNAMES_ZH, p.name[0])),
                    Some(pick(given, p.name[1])),
                    second,
                ];
                for (hanzi, pinyin) in parts.into_iter().flatten() {
                    s.push_str(if email { pinyin } else { hanzi });
                }
            }
        }
    }

    /// A mobile number unique per customer number.
    fn push_phone(&self, s: &mut String, contact: u32, number: u32) {
        let prefix = pick(&PHONE_PREFIXES, contact >> 4);
        let rest = (u64::from(number) * 7_654_321 + 31_415_926) % 100_000_000;
        if self.cfg.lang == Lang::En {
            s.push_str("+86 ");
            s.push_str(prefix);
            s.push('-');
            format::push_uint(s, rest / 10_000, 4);
            s.push('-');
            format::push_uint(s, rest % 10_000, 4);
        } else {
            s.push_str(prefix);
            format::push_uint(s, rest, 8);
        }
    }
}

fn pick<T>(list: &[T], draw: u32) -> &T {
    &list[draw as usize % list.len()]
}

/// Writes `inner`, with spaces around it when `padded`.
fn pad(s: &mut String, padded: bool, inner: impl FnOnce(&mut String)) {
    if padded {
        s.push(' ');
    }
    inner(s);
    if padded {
        s.push_str("  ");
    }
}
