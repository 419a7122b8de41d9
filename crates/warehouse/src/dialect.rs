//! The SQL dialects and every construct that differs between them
//! (docs/warehouse.md#dialects). The script templates call only these hooks,
//! so the four scripts differ exactly where the engines do.

use serde::{Deserialize, Serialize};

/// A warehouse engine the script is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Dialect {
    /// DuckDB 1.x and later.
    #[serde(rename = "duckdb")]
    DuckDb,
    /// PostgreSQL 12 and later.
    #[serde(rename = "postgres")]
    Postgres,
    /// Spark SQL 3.4 and later.
    #[serde(rename = "spark")]
    Spark,
    /// Google BigQuery (GoogleSQL).
    #[serde(rename = "bigquery")]
    BigQuery,
}

impl Dialect {
    /// Every dialect, in the order the dialog lists them.
    pub const ALL: [Dialect; 4] = [Dialect::DuckDb, Dialect::Postgres, Dialect::Spark, Dialect::BigQuery];

    /// A stable identifier (`duckdb`, `postgres`, `spark`, `bigquery`), for
    /// file names, selects and test ids.
    pub fn id(self) -> &'static str {
        match self {
            Dialect::DuckDb => "duckdb",
            Dialect::Postgres => "postgres",
            Dialect::Spark => "spark",
            Dialect::BigQuery => "bigquery",
        }
    }

    /// The dialect of an identifier from [`Dialect::id`].
    pub fn from_id(id: &str) -> Option<Dialect> {
        Dialect::ALL.into_iter().find(|d| d.id() == id)
    }

    /// The i18n key of the dialect's name in the export dialog.
    pub fn i18n_key(self) -> &'static str {
        match self {
            Dialect::DuckDb => "warehouse.dialect.duckdb",
            Dialect::Postgres => "warehouse.dialect.postgres",
            Dialect::Spark => "warehouse.dialect.spark",
            Dialect::BigQuery => "warehouse.dialect.bigquery",
        }
    }

    /// The engine's name as its makers write it.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::DuckDb => "DuckDB",
            Dialect::Postgres => "PostgreSQL",
            Dialect::Spark => "Spark SQL",
            Dialect::BigQuery => "BigQuery",
        }
    }

    /// A quoted identifier (table or column name as the user wrote it). A
    /// dotted BigQuery/Spark table path keeps its dots.
    pub fn ident(self, name: &str) -> String {
        match self {
            Dialect::DuckDb | Dialect::Postgres => format!("\"{}\"", name.replace('"', "\"\"")),
            Dialect::Spark | Dialect::BigQuery => format!("`{}`", name.replace('`', "\\`")),
        }
    }

    /// A table name, each part of a dotted path (`shop.orders`,
    /// `project.dataset.orders`) quoted on its own.
    pub fn table(self, path: &str) -> String {
        path.split('.')
            .map(|part| self.ident(part.trim()))
            .collect::<Vec<_>>()
            .join(".")
    }

    /// A string literal. DuckDB and PostgreSQL double a quote; Spark and
    /// BigQuery escape with a backslash (there `'a''b'` would be two strings).
    pub fn string(self, text: &str) -> String {
        match self {
            Dialect::DuckDb | Dialect::Postgres => format!("'{}'", text.replace('\'', "''")),
            Dialect::Spark | Dialect::BigQuery => {
                format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
            }
        }
    }

    /// The text type.
    pub fn text_type(self) -> &'static str {
        match self {
            Dialect::DuckDb => "VARCHAR",
            Dialect::Postgres => "TEXT",
            Dialect::Spark | Dialect::BigQuery => "STRING",
        }
    }

    /// The 64-bit float type.
    pub fn double_type(self) -> &'static str {
        match self {
            Dialect::DuckDb | Dialect::Spark => "DOUBLE",
            Dialect::Postgres => "DOUBLE PRECISION",
            Dialect::BigQuery => "FLOAT64",
        }
    }

    /// The 64-bit integer type.
    pub fn bigint_type(self) -> &'static str {
        match self {
            Dialect::BigQuery => "INT64",
            _ => "BIGINT",
        }
    }

    /// `expr` as a 64-bit float.
    pub fn double(self, expr: &str) -> String {
        format!("CAST({expr} AS {})", self.double_type())
    }

    /// A float constant, written so it reads back as the same `f64`.
    pub fn double_literal(self, value: f64) -> String {
        self.double(&format!("{value:?}"))
    }

    /// `expr` as text.
    pub fn text(self, expr: &str) -> String {
        format!("CAST({expr} AS {})", self.text_type())
    }

    /// Integer division of non-negative integers, rounded down.
    pub fn int_div(self, a: &str, b: &str) -> String {
        match self {
            Dialect::DuckDb => format!("(({a}) // ({b}))"),
            Dialect::Postgres => format!("(({a}) / ({b}))"),
            Dialect::Spark => format!("(({a}) DIV ({b}))"),
            Dialect::BigQuery => format!("DIV({a}, {b})"),
        }
    }

    /// A decimal text cell in whole cents: read to six decimals, rounded to
    /// cents half away from zero (docs/product.md#per-customer-metrics);
    /// NULL for a cell that is not a plain decimal.
    pub fn cents(self, text: &str) -> String {
        let decimal = self.safe_cast(text, self.decimal_type());
        format!("CAST(ROUND({decimal}, 2) * 100 AS {})", self.bigint_type())
    }

    /// A text cell as a float, NULL when it is not a plain number.
    pub fn safe_double(self, text: &str) -> String {
        self.safe_cast(text, self.double_type())
    }

    fn decimal_type(self) -> &'static str {
        match self {
            Dialect::BigQuery => "NUMERIC",
            _ => "DECIMAL(38, 6)",
        }
    }

    /// `text` cast to `ty`, NULL where it does not parse. PostgreSQL has no
    /// TRY_CAST: a pattern for plain decimals stands in for it.
    fn safe_cast(self, text: &str, ty: &str) -> String {
        match self {
            Dialect::DuckDb | Dialect::Spark => format!("TRY_CAST({text} AS {ty})"),
            Dialect::BigQuery => format!("SAFE_CAST({text} AS {ty})"),
            Dialect::Postgres => {
                format!("CASE WHEN {text} ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$' THEN CAST({text} AS {ty}) END")
            }
        }
    }

    /// The calendar day a date or date-time cell names: its first ten
    /// characters read as `YYYY-MM-DD`, as written (no time-zone shift).
    pub fn day_of(self, text: &str) -> String {
        let ten = format!("SUBSTR({text}, 1, 10)");
        match self {
            Dialect::DuckDb | Dialect::Spark => format!("TRY_CAST({ten} AS DATE)"),
            Dialect::BigQuery => format!("SAFE_CAST({ten} AS DATE)"),
            Dialect::Postgres => {
                format!("CASE WHEN {ten} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$' THEN CAST({ten} AS DATE) END")
            }
        }
    }

    /// A date constant.
    pub fn date_literal(self, iso: &str) -> String {
        format!("DATE '{iso}'")
    }

    /// Whole days from `earlier` to `later` (dates).
    pub fn days_between(self, later: &str, earlier: &str) -> String {
        match self {
            Dialect::DuckDb => format!("date_diff('day', {earlier}, {later})"),
            Dialect::Postgres => format!("({later} - {earlier})"),
            Dialect::Spark => format!("datediff({later}, {earlier})"),
            Dialect::BigQuery => format!("DATE_DIFF({later}, {earlier}, DAY)"),
        }
    }

    /// `key` as it sorts in byte order (Rust's `str` order): PostgreSQL's
    /// collations would sort by language rules, BigQuery compares bytes only
    /// as BYTES; DuckDB and Spark compare strings by bytes already.
    pub fn byte_order(self, key: &str) -> String {
        match self {
            Dialect::DuckDb | Dialect::Spark => key.to_string(),
            Dialect::Postgres => format!("{key} COLLATE \"C\""),
            Dialect::BigQuery => format!("CAST({key} AS BYTES)"),
        }
    }

    /// True when `needle` (a literal) occurs in `text`.
    pub fn contains(self, text: &str, needle: &str) -> String {
        match self {
            Dialect::DuckDb => format!("contains({text}, {needle})"),
            Dialect::Postgres => format!("strpos({text}, {needle}) > 0"),
            Dialect::Spark => format!("instr({text}, {needle}) > 0"),
            Dialect::BigQuery => format!("STRPOS({text}, {needle}) > 0"),
        }
    }

    /// True when the regular expression `pattern` (a literal without
    /// backslashes) matches part of `text`.
    pub fn matches(self, text: &str, pattern: &str) -> String {
        match self {
            Dialect::DuckDb => format!("regexp_matches({text}, {pattern})"),
            Dialect::Postgres => format!("{text} ~ {pattern}"),
            Dialect::Spark => format!("{text} RLIKE {pattern}"),
            Dialect::BigQuery => format!("REGEXP_CONTAINS({text}, {pattern})"),
        }
    }

    /// A `FROM` item giving one row per integer `column` in `first..=last`.
    pub fn integers(self, column: &str, first: u64, last: u64) -> String {
        match self {
            Dialect::DuckDb => format!("range({first}, {}) AS integers({column})", last + 1),
            Dialect::Postgres => format!("generate_series({first}, {last}) AS integers({column})"),
            Dialect::Spark => format!("(SELECT explode(sequence({first}, {last})) AS {column}) AS integers"),
            Dialect::BigQuery => format!("UNNEST(GENERATE_ARRAY({first}, {last})) AS {column}"),
        }
    }

    /// The texts among `items` that are not NULL, joined by `separator` (a
    /// literal); empty when all are NULL.
    pub fn join_present(self, separator: &str, items: &[String]) -> String {
        let separator = self.string(separator);
        if items.is_empty() {
            return "''".into();
        }
        match self {
            Dialect::BigQuery => format!("ARRAY_TO_STRING([{}], {separator})", items.join(", ")),
            _ => format!("CONCAT_WS({separator}, {})", items.join(", ")),
        }
    }

    /// A value unique to each row of a query (Spark's `row_number` needs an
    /// order; an id serves as well here).
    pub fn row_id(self) -> &'static str {
        match self {
            Dialect::Spark => "monotonically_increasing_id()",
            _ => "ROW_NUMBER() OVER ()",
        }
    }

    /// `SELECT alias.*, column FROM table alias` with one row for each
    /// `column` in 1..=`count`, `count` an expression of the row.
    pub fn rows_up_to(self, table: &str, alias: &str, count: &str, column: &str) -> String {
        match self {
            Dialect::DuckDb => format!(
                "SELECT {alias}.*, {column} FROM {table} {alias}\nCROSS JOIN UNNEST(range(1, {count} + 1)) AS steps({column})"
            ),
            Dialect::Postgres => format!(
                "SELECT {alias}.*, {column} FROM {table} {alias}\nCROSS JOIN LATERAL generate_series(1, {count}) AS steps({column})"
            ),
            Dialect::Spark => {
                format!("SELECT {alias}.*, explode(sequence(1, {count})) AS {column}\nFROM {table} {alias}")
            }
            Dialect::BigQuery => format!(
                "SELECT {alias}.*, {column} FROM {table} {alias}\nCROSS JOIN UNNEST(GENERATE_ARRAY(1, {count})) AS {column}"
            ),
        }
    }

    /// What follows a step's name: ` AS MATERIALIZED (` where the dialect
    /// lets a query keep a step (DuckDB, PostgreSQL), else ` AS (`.
    pub fn cte_as(self, materialized: bool) -> &'static str {
        match self {
            Dialect::DuckDb | Dialect::Postgres if materialized => " AS MATERIALIZED (\n",
            _ => " AS (\n",
        }
    }

    /// `n` mod 2 for a non-negative integer.
    pub fn is_odd(self, n: &str) -> String {
        match self {
            Dialect::Postgres | Dialect::DuckDb => format!("(({n}) % 2 = 1)"),
            Dialect::Spark | Dialect::BigQuery => format!("(MOD({n}, 2) = 1)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_as_each_engine_reads_them() {
        assert_eq!(Dialect::Postgres.string("it's"), "'it''s'");
        assert_eq!(Dialect::Spark.string("it's \\"), "'it\\'s \\\\'");
        assert_eq!(Dialect::DuckDb.ident("Order \"Id\""), "\"Order \"\"Id\"\"\"");
        assert_eq!(Dialect::BigQuery.ident("Total"), "`Total`");
        for d in Dialect::ALL {
            assert_eq!(Dialect::from_id(d.id()), Some(d));
        }
    }

    #[test]
    fn integer_division_is_written_per_dialect() {
        assert_eq!(Dialect::DuckDb.int_div("a", "b"), "((a) // (b))");
        assert_eq!(Dialect::Postgres.int_div("a", "b"), "((a) / (b))");
        assert_eq!(Dialect::Spark.int_div("a", "b"), "((a) DIV (b))");
        assert_eq!(Dialect::BigQuery.int_div("a", "b"), "DIV(a, b)");
    }
}
