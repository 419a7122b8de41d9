//! Command-line options of the generator and their parsing.

use serde::Serialize;
use std::path::PathBuf;

/// Usage text printed by `--help` and after an argument error.
pub const USAGE: &str = "\
usage: segscope-datagen [options] OUTDIR

Writes orders.csv, customers.csv, events.csv and truth.json into OUTDIR.
The same arguments always give byte-identical files.

options:
  --customers N              rows in customers.csv (default 2000)
  --seed S                   random seed (default 42)
  --orders-per-customer X    mean order rows per customer in customers.csv (default 7.3)
  --lang en|zh               language of headers and values (default en)
  --encoding utf-8|gbk|gb18030
                             encoding of the CSV files (default utf-8, no BOM)
  --bom                      start UTF-8 files with a byte-order mark
  --delimiter C              field delimiter, one character or `tab` (default ,)
  --decimal-comma            amounts as 1.234,50
  --date-style iso|dmy|mdy|mixed
                             how dates and timestamps are written (default iso)
  --dirty                    inject dirty rows into orders.csv
  --no-events                do not write events.csv
  --no-customers             do not write customers.csv
  --xlsx                     also write orders.xlsx: a notes sheet, then the orders
                             with numbers and dates as real Excel cells (UTF-8 and , only)
  --survey                   also write survey.csv (a Google Forms lifestyle survey) and
                             reviews.csv (Judge.me reviews), linked by e-mail
  -h, --help                 show this text
";

/// Language of headers and categorical values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English headers and values.
    En,
    /// Chinese headers and values.
    Zh,
}

impl Lang {
    /// Column of the bilingual vocabulary tables: 0 for English, 1 for Chinese.
    pub fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Zh => 1,
        }
    }
}

/// How dates and timestamps are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateStyle {
    /// `2024-01-05` and `2024-01-05 13:05:00`.
    Iso,
    /// `05/01/2024` and `05/01/2024 13:05`.
    Dmy,
    /// `01/05/2024` and `01/05/2024 13:05`.
    Mdy,
    /// Each row picks one of several unambiguous shapes.
    Mixed,
}

/// Character encoding of the CSV files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Encoding {
    /// UTF-8, optionally with a byte-order mark.
    #[serde(rename = "utf-8")]
    Utf8,
    /// GBK (the code page of Excel on Chinese Windows).
    #[serde(rename = "gbk")]
    Gbk,
    /// GB18030, the superset of GBK.
    #[serde(rename = "gb18030")]
    Gb18030,
}

/// Everything the generator needs to know; serialised as the `args` object of truth.json.
#[derive(Clone, Debug, Serialize)]
pub struct Config {
    /// Rows in customers.csv.
    pub customers: u32,
    /// Seed of every random stream.
    pub seed: u64,
    /// Mean number of generated orders per customer in customers.csv.
    pub orders_per_customer: f64,
    /// Language of headers and values.
    pub lang: Lang,
    /// Encoding of the CSV files.
    pub encoding: Encoding,
    /// Whether UTF-8 files start with a byte-order mark.
    pub bom: bool,
    /// Field delimiter.
    pub delimiter: char,
    /// Whether amounts use `,` as the decimal separator and `.` for thousands.
    pub decimal_comma: bool,
    /// How dates and timestamps are written.
    pub date_style: DateStyle,
    /// Whether dirty rows are injected into orders.csv.
    pub dirty: bool,
    /// Whether events.csv is skipped.
    pub no_events: bool,
    /// Also write survey.csv and reviews.csv.
    pub survey: bool,
    /// Whether customers.csv is skipped.
    pub no_customers: bool,
    /// Whether orders.xlsx is written too.
    pub xlsx: bool,
    /// Directory the files are written into.
    #[serde(skip)]
    pub out_dir: PathBuf,
}

impl Config {
    /// Default options writing into `out_dir`.
    pub fn new(out_dir: PathBuf) -> Self {
        Config {
            customers: 2000,
            seed: 42,
            orders_per_customer: 7.3,
            lang: Lang::En,
            encoding: Encoding::Utf8,
            bom: false,
            delimiter: ',',
            decimal_comma: false,
            date_style: DateStyle::Iso,
            dirty: false,
            no_events: false,
            survey: false,
            no_customers: false,
            xlsx: false,
            out_dir,
        }
    }
}

/// Outcome of parsing the command line.
#[derive(Debug)]
pub enum Parsed {
    /// `--help` was given.
    Help,
    /// Generate with these options.
    Run(Config),
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Parsed, String> {
    let mut cfg = Config::new(PathBuf::new());
    let mut out_dir = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(Parsed::Help),
            "--customers" => cfg.customers = number(&name, &value("a count")?)?,
            "--seed" => cfg.seed = number(&name, &value("a number")?)?,
            "--orders-per-customer" => {
                let x: f64 = number(&name, &value("a number")?)?;
                if !(x.is_finite() && x >= 0.0) {
                    return Err(format!("{name} must be a non-negative number"));
                }
                cfg.orders_per_customer = x;
            }
            "--lang" => {
                cfg.lang = match value("en or zh")?.as_str() {
                    "en" => Lang::En,
                    "zh" => Lang::Zh,
                    other => return Err(format!("unknown language `{other}` (en or zh)")),
                }
            }
            "--encoding" => {
                cfg.encoding = match value("an encoding")?.to_ascii_lowercase().as_str() {
                    "utf-8" | "utf8" => Encoding::Utf8,
                    "gbk" => Encoding::Gbk,
                    "gb18030" => Encoding::Gb18030,
                    other => return Err(format!("unknown encoding `{other}` (utf-8, gbk, gb18030)")),
                }
            }
            "--date-style" => {
                cfg.date_style = match value("a style")?.as_str() {
                    "iso" => DateStyle::Iso,
                    "dmy" => DateStyle::Dmy,
                    "mdy" => DateStyle::Mdy,
                    "mixed" => DateStyle::Mixed,
                    other => return Err(format!("unknown date style `{other}` (iso, dmy, mdy, mixed)")),
                }
            }
            "--delimiter" => cfg.delimiter = delimiter(&value("a character")?)?,
            "--bom" => cfg.bom = true,
            "--decimal-comma" => cfg.decimal_comma = true,
            "--dirty" => cfg.dirty = true,
            "--no-events" => cfg.no_events = true,
            "--no-customers" => cfg.no_customers = true,
            "--xlsx" => cfg.xlsx = true,
            "--survey" => cfg.survey = true,
            _ if name.starts_with('-') && name.len() > 1 => return Err(format!("unknown option `{name}`")),
            _ if out_dir.is_none() => out_dir = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    if cfg.bom && cfg.encoding != Encoding::Utf8 {
        return Err("--bom only applies to UTF-8".to_string());
    }
    if cfg.xlsx && (cfg.encoding != Encoding::Utf8 || cfg.delimiter != ',' || cfg.decimal_comma) {
        return Err("--xlsx needs UTF-8, the , delimiter and decimal points".to_string());
    }
    cfg.out_dir = out_dir.ok_or("missing OUTDIR")?;
    Ok(Parsed::Run(cfg))
}

fn number<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{name}: `{text}` is not a valid number"))
}

fn delimiter(text: &str) -> Result<char, String> {
    let c = match text {
        "tab" | "\\t" => '\t',
        _ => {
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => return Err(format!("delimiter must be one character, got `{text}`")),
            }
        }
    };
    if matches!(c, '"' | '\n' | '\r') {
        return Err("delimiter cannot be a quote or a line break".to_string());
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Config, String> {
        match parse(args.iter().map(|s| s.to_string()))? {
            Parsed::Run(cfg) => Ok(cfg),
            Parsed::Help => Err("help".to_string()),
        }
    }

    #[test]
    fn parses_all_options() {
        let cfg = run(&[
            "--customers=10",
            "--seed",
            "7",
            "--lang",
            "zh",
            "--encoding",
            "GBK",
            "--delimiter",
            ";",
            "--decimal-comma",
            "--date-style",
            "mixed",
            "--dirty",
            "--no-events",
            "out",
        ])
        .unwrap();
        assert_eq!(cfg.customers, 10);
        assert_eq!(cfg.seed, 7);
        assert_eq!(cfg.lang, Lang::Zh);
        assert_eq!(cfg.encoding, Encoding::Gbk);
        assert_eq!(cfg.delimiter, ';');
        assert!(cfg.decimal_comma && cfg.dirty && cfg.no_events && !cfg.no_customers);
        assert_eq!(cfg.date_style, DateStyle::Mixed);
        assert_eq!(cfg.out_dir, PathBuf::from("out"));
    }

    #[test]
    fn rejects_bad_input() {
        assert!(run(&[]).is_err());
        assert!(run(&["--delimiter", ";;", "out"]).is_err());
        assert!(run(&["--bom", "--encoding", "gbk", "out"]).is_err());
        assert!(run(&["--frobnicate", "out"]).is_err());
        assert_eq!(run(&["--delimiter", "tab", "out"]).unwrap().delimiter, '\t');
        assert!(matches!(parse(["--help".to_string()]), Ok(Parsed::Help)));
    }
}
