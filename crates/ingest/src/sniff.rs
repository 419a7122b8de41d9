//! First look at a file: encoding, delimiter, header, sample rows, kind and
//! column roles — everything the mapping step shows before the full read.

use super::date_order::{decide_date_order, DateOrderReason};
use super::decode::ChunkDecoder;
use super::encoding_choice::{choose_encoding, EncodingChoice, EncodingEvidence};
use super::error::{IngestError, Problem};
use super::infer::{
    assign_roles, assign_roles_without_header, cell_class, classify, profile_columns, CellClass, ColumnEvidence,
    ColumnProfile, Finding, Platform,
};
use super::line_items::{detect_line_structure, LineStructure};
use super::records::{RecordReader, BLANKS};
use super::schema::{FileKind, Role, RoleColumn, RoleSource};
use super::structure::{column_names, distinct_names, layout, MAX_TITLE_ROWS};
use super::survey::{prepare_survey, SurveySchema};
use super::value::DateOrder;
use super::workbook::is_workbook;
use serde::{Deserialize, Serialize};

/// How many leading bytes of a file are read to sniff it.
pub const SNIFF_BYTES: usize = 256 * 1024;

/// How many sample rows are kept for the mapping step.
const SAMPLE_ROWS: usize = 200;

/// What the first look found out about a file; the user may change `kind`,
/// `roles`, `encoding`, `delimiter` and `date_order` before the full read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileSchema {
    /// The file's name, for messages.
    pub file_name: String,
    /// The encoding's WHATWG name (e.g. `UTF-8`, `GBK`).
    pub encoding: String,
    /// Why `encoding` was chosen, and how surely (docs/ingest/encoding.md).
    #[serde(default)]
    pub encoding_evidence: EncodingEvidence,
    /// The field delimiter byte; [`BLANKS`] (a space) for columns separated
    /// by runs of spaces (docs/ingest/structure.md#whitespace-columns).
    pub delimiter: u8,
    /// Rows above the header — a report's title, period and column-group
    /// rows — that the read skips (docs/ingest/structure.md#header-row).
    #[serde(default)]
    pub title_rows: usize,
    /// The file has no header row: its first row is data, and `headers` are
    /// names by position, `Column 1` … (docs/ingest/structure.md#headerless-files).
    #[serde(default)]
    pub headerless: bool,
    /// The line the header row ends on (1 in most files; the line of the
    /// last title row, 0 without any, when there is no header): rejected rows
    /// are numbered from it.
    #[serde(default = "first_line")]
    pub header_line: u64,
    /// Header cells, made distinct (`Estado`, `Estado (2)`); by position when
    /// `headerless`.
    pub headers: Vec<String>,
    /// The first rows after the header (for the mapping step's samples).
    pub samples: Vec<Vec<String>>,
    /// What the file holds.
    pub kind: FileKind,
    /// Column chosen for each role of `kind`.
    pub roles: Vec<RoleColumn>,
    /// How slash dates with the year last are read: the guess from the
    /// samples, which the file's other dates may overturn unless fixed.
    pub date_order: DateOrder,
    /// The user chose `date_order`: dates that only read the other way are
    /// rejected instead of deciding the order.
    #[serde(default)]
    pub date_order_fixed: bool,
    /// Why the samples gave `date_order` (see `docs/ingest/date-order.md`);
    /// the mapping step states it while `date_order_fixed` is false.
    #[serde(default)]
    pub date_order_reason: DateOrderReason,
    /// The sheets of a workbook, in order; empty for text files.
    #[serde(default)]
    pub sheets: Vec<String>,
    /// The sheet read, as an index into `sheets`.
    #[serde(default)]
    pub sheet: usize,
    /// What each column's sample values look like, one per header.
    #[serde(default)]
    pub evidence: Vec<ColumnEvidence>,
    /// Why the file cannot be analysed as it is, when it looks like none of
    /// the app's tables (or an orders file without a buyer column).
    #[serde(default)]
    pub finding: Option<Finding>,
    /// The platform that wrote the export, when its headers tell.
    #[serde(default)]
    pub platform: Option<Platform>,
    /// How orders with several items are laid out, as the sample rows show
    /// for the roles chosen at sniffing; the read decides it again from the
    /// confirmed roles (docs/ingest/orders.md#line-items).
    #[serde(default)]
    pub line_structure: LineStructure,
    /// A survey export's layout and questions (kind [`FileKind::Survey`]).
    #[serde(default)]
    pub survey: Option<SurveySchema>,
}

fn first_line() -> u64 {
    1
}

impl FileSchema {
    /// Records the read skips before the first data row: the title rows and
    /// the header.
    pub fn records_before_data(&self) -> usize {
        self.title_rows + usize::from(!self.headerless) + self.survey.as_ref().map_or(0, |s| s.header_rows)
    }

    /// The column chosen for `role`, if any.
    pub fn column(&self, role: Role) -> Option<usize> {
        self.roles.iter().find(|r| r.role == role).and_then(|r| r.column)
    }

    /// True when `role` has a column or a column that stands in for it: an
    /// e-mail, phone or person key for the customer id, quantity × unit price
    /// for the amount.
    pub fn covers(&self, role: Role) -> bool {
        let has = |r| self.column(r).is_some();
        match role {
            Role::CustomerKey => has(Role::CustomerKey) || has(Role::Email) || has(Role::Phone) || has(Role::PersonKey),
            Role::Amount => has(Role::Amount) || (has(Role::Quantity) && has(Role::UnitPrice)),
            other => has(other),
        }
    }

    /// Gives the date order back to the file (the mapping step's "Auto"):
    /// decides it again from the samples and clears the user's choice.
    pub fn redecide_date_order(&mut self) {
        self.date_order_fixed = false;
        (self.date_order, self.date_order_reason) = decide_date_order(self);
    }

    /// Re-detects roles after the user changed the kind; a kind the user
    /// chose clears the finding that the guess was based on.
    pub fn set_kind(&mut self, kind: FileKind) {
        self.kind = kind;
        self.finding = self.finding.filter(|_| kind == FileKind::Ignored);
        let profiles = profile_columns(&self.headers, &self.samples);
        self.roles = roles_for(self.headerless, &self.headers, &profiles, kind);
        self.describe_survey();
    }

    /// Puts `role` on `column` (none: no column), as the user chose it; a
    /// survey's questions are found again, so that a column now saying who
    /// answered is no longer a question.
    pub fn choose_column(&mut self, role: Role, column: Option<usize>) {
        if let Some(rc) = self.roles.iter_mut().find(|r| r.role == role) {
            rc.column = column;
            rc.confidence = 1.0;
            rc.source = RoleSource::User;
        }
        self.describe_survey();
    }

    /// Finds the survey layout of a survey file (and none for another kind),
    /// with the columns that say who answered and when.
    fn describe_survey(&mut self) {
        self.survey = None;
        if self.kind != FileKind::Survey {
            return;
        }
        self.survey = Some(prepare_survey(self));
    }
}

/// Sniffs a file from its first bytes (`prefix`, at most [`SNIFF_BYTES`];
/// `is_whole_file` when the file is no longer than that).
pub fn sniff(file_name: &str, prefix: &[u8], is_whole_file: bool) -> Result<FileSchema, IngestError> {
    sniff_as(file_name, prefix, is_whole_file, None)
}

/// Like [`sniff`], but reads the text in `encoding` (a WHATWG label such as
/// `GBK` or `Shift_JIS`) instead of detecting it — the user's override.
pub fn sniff_as(
    file_name: &str,
    prefix: &[u8],
    is_whole_file: bool,
    encoding: Option<&str>,
) -> Result<FileSchema, IngestError> {
    let fail = |problem| IngestError::file(file_name, problem);
    let forced = match encoding {
        Some(label) => Some(
            encoding_rs::Encoding::for_label(label.as_bytes())
                .ok_or_else(|| fail(Problem::UnknownEncoding(label.to_string())))?,
        ),
        None => None,
    };
    if prefix.is_empty() {
        return Err(fail(Problem::EmptyFile));
    }
    if forced.is_none() && looks_binary(prefix) {
        return Err(fail(if is_workbook(prefix) {
            Problem::UnreadableWorkbook
        } else {
            Problem::Binary
        }));
    }
    let choice = forced.map_or_else(|| choose_encoding(prefix, is_whole_file), EncodingChoice::by_user);
    let encoding = choice.encoding;
    let mut decoder = ChunkDecoder::new(encoding);
    let text = decoder.decode(prefix, is_whole_file).to_vec();
    if looks_like_markup(&text) {
        return Err(fail(Problem::Markup));
    }
    let delimiter = sniff_delimiter(&text);
    let (mut rows, lines) = read_rows(&text, delimiter, MAX_TITLE_ROWS + SAMPLE_ROWS + 1, is_whole_file);
    if rows.is_empty() {
        return Err(fail(Problem::EmptyFile));
    }
    let table = layout(&rows);
    let before_data = table.title_rows + usize::from(table.has_header);
    let header_line = match before_data {
        0 => 0,
        1 if table.has_header => 1,
        n => lines.get(n - 1).copied().unwrap_or(1),
    };
    let mut samples = rows.split_off(before_data.min(rows.len()));
    samples.truncate(SAMPLE_ROWS);
    let headers = if table.has_header {
        let header = rows.pop().unwrap_or_default();
        let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
        if headers.iter().all(String::is_empty) {
            return Err(fail(Problem::NoHeader));
        }
        distinct_names(headers)
    } else {
        column_names(samples.iter().map(Vec::len).max().unwrap_or(0))
    };
    let profiles = profile_columns(&headers, &samples);
    let classification = classify(&headers, &profiles, &samples);
    let kind = classification.kind;
    let roles = roles_for(!table.has_header, &headers, &profiles, kind);
    let mut schema = FileSchema {
        evidence: profiles.iter().map(ColumnEvidence::of).collect(),
        finding: classification.finding,
        platform: Platform::recognise(&headers),
        file_name: file_name.to_string(),
        encoding: encoding.name().to_string(),
        encoding_evidence: choice.evidence,
        delimiter,
        title_rows: table.title_rows,
        headerless: !table.has_header,
        header_line,
        headers,
        samples,
        kind,
        roles,
        date_order: DateOrder::DayFirst,
        date_order_fixed: false,
        date_order_reason: DateOrderReason::Default,
        sheets: Vec::new(),
        sheet: 0,
        line_structure: LineStructure::OneRowPerOrder,
        survey: None,
    };
    schema.describe_survey();
    // Values found the buyer column the headers did not name (a file without
    // a header): it is no order report without buyers.
    if schema.finding == Some(Finding::NoBuyerColumn) && schema.covers(Role::CustomerKey) {
        schema.finding = None;
    }
    (schema.date_order, schema.date_order_reason) = decide_date_order(&schema);
    schema.line_structure = detect_line_structure(&schema);
    Ok(schema)
}

/// The roles of a file's columns, from values alone when it has no header.
fn roles_for(headerless: bool, headers: &[String], profiles: &[ColumnProfile], kind: FileKind) -> Vec<RoleColumn> {
    match headerless {
        true => assign_roles_without_header(headers, profiles, kind),
        false => assign_roles(headers, profiles, kind),
    }
}

/// Binary files are zip containers, or have many NUL and control bytes
/// outside UTF-16 text: more than 2 % of the first 8 KB. A few NULs are the
/// padding some exports leave in a text file (SurveyMonkey's second header
/// row), not a sign of binary data (docs/ingest/encoding.md#binary-files).
fn looks_binary(prefix: &[u8]) -> bool {
    if prefix.starts_with(b"PK\x03\x04") {
        return true;
    }
    let utf16 = prefix.starts_with(b"\xFF\xFE") || prefix.starts_with(b"\xFE\xFF");
    let head = &prefix[..prefix.len().min(8192)];
    let control = |b: &&u8| matches!(**b, 0..=8 | 0x0B | 0x0E..=0x1A | 0x1C..=0x1F);
    let odd = head.iter().filter(control).count();
    !utf16 && odd > 0 && odd * 50 > head.len()
}

/// Markup documents (HTML, SVG, XML) open with a tag: `<` then a letter, `!`
/// or `?`, closed by `>` on the first lines. No export's header starts so.
fn looks_like_markup(text: &[u8]) -> bool {
    let start = text.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(text.len());
    let head = &text[start..text.len().min(start + 1024)];
    match head {
        [b'<', next, ..] if next.is_ascii_alphabetic() || matches!(next, b'!' | b'?') => head.contains(&b'>'),
        _ => false,
    }
}

/// Picks the delimiter among `,` `;` tab `|` that splits the first lines into
/// the most fields, consistently (the most common count, so that title rows
/// above the header do not decide); columns separated by runs of blanks
/// ([`BLANKS`]) only when nearly every line splits into the same two or more
/// fields and no one-byte delimiter comes close (half as good).
fn sniff_delimiter(text: &[u8]) -> u8 {
    let score = |rows: &[Vec<String>]| {
        let (fields, share) = usual_fields(rows);
        (
            fields,
            share,
            if fields < 2 { 0.0 } else { fields as f64 * share * share },
        )
    };
    let mut best = (b',', 0.0f64);
    for d in [b',', b';', b'\t', b'|'] {
        let (_, _, s) = score(&read_rows(text, d, 30, false).0);
        if s > best.1 {
            best = (d, s);
        }
    }
    let blank_rows = read_rows(text, BLANKS, 30, false).0;
    let (fields, share, blanks) = score(&blank_rows);
    if fields >= 2 && share >= 0.9 && blanks > 1.5 * best.1 && reads_as_columns(&blank_rows) {
        return BLANKS;
    }
    best.0
}

/// Fewest lines a file needs before runs of spaces can be its columns.
const MIN_BLANK_LINES: usize = 3;

/// True when `rows` (the first lines split at runs of spaces) read as a table
/// rather than prose: at least [`MIN_BLANK_LINES`] lines, and most cells are
/// values (numbers, dates, ids, codes), not words. A sentence in a single
/// cell (a workbook's notes sheet) splits evenly at its spaces but is all
/// words.
fn reads_as_columns(rows: &[Vec<String>]) -> bool {
    let cells = || rows.iter().flatten().map(|c| cell_class(c.trim()));
    let filled = cells().filter(|c| *c != CellClass::Empty).count();
    let words = cells().filter(|c| *c == CellClass::Text).count();
    rows.len() >= MIN_BLANK_LINES && words * 2 < filled
}

/// The most common number of fields of `rows` (ties to the larger) and the
/// share of rows that have it.
fn usual_fields(rows: &[Vec<String>]) -> (usize, f64) {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for row in rows {
        match counts.iter_mut().find(|(fields, _)| *fields == row.len()) {
            Some((_, n)) => *n += 1,
            None => counts.push((row.len(), 1)),
        }
    }
    counts
        .iter()
        .max_by_key(|&&(fields, n)| (n, fields))
        .map_or((0, 0.0), |&(fields, n)| (fields, n as f64 / rows.len() as f64))
}

/// Reads up to `limit` rows of already decoded text, with the line each ends
/// on; drops a last row that may be cut off unless the text is the whole file.
fn read_rows(text: &[u8], delimiter: u8, limit: usize, is_whole_file: bool) -> (Vec<Vec<String>>, Vec<u64>) {
    let mut reader = RecordReader::new(delimiter);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut lines: Vec<u64> = Vec::new();
    let mut collect = |r: &super::records::Record| {
        rows.push(
            (0..r.len())
                .map(|i| String::from_utf8_lossy(r.get(i)).into_owned())
                .collect(),
        );
        lines.push(r.line());
        rows.len() < limit
    };
    let finished = reader.feed(text, &mut collect).unwrap_or(false);
    if is_whole_file && finished {
        let _ = reader.feed(b"", &mut collect);
    }
    (rows, lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_spaces_are_columns_only_in_a_table_of_values() {
        let notes = b"Orders export generated by segscope-datagen; the data is on the next sheet.\n";
        assert_ne!(sniff_delimiter(notes), BLANKS, "a sentence is no table");
        let prose = b"The data is on the next sheet\nand the notes are on this one\nread them first please\n";
        assert_ne!(sniff_delimiter(prose), BLANKS, "lines of words are no table");
        let cdnow = b"00001 19970101  1  11.77\n00002 19970112  1  12.00\n00002 19970112  5  77.00\n";
        assert_eq!(sniff_delimiter(cdnow), BLANKS);
        let two_lines = b"00001 19970101  1  11.77\n00002 19970112  1  12.00\n";
        assert_ne!(sniff_delimiter(two_lines), BLANKS, "too few lines to tell");
    }

    #[test]
    fn sniffs_semicolon_file_with_month_first_dates() {
        let text = "customer_id;order_date;amount\nA;01/25/2024;1.234,50\nB;02/03/2024;5\n";
        let s = sniff("o.csv", text.as_bytes(), true).unwrap();
        assert_eq!(s.delimiter, b';');
        assert_eq!(s.kind, FileKind::Orders);
        assert_eq!(s.samples.len(), 2);
        assert_eq!(s.date_order, DateOrder::MonthFirst);
        assert_eq!(s.column(Role::Amount), Some(2));
    }

    #[test]
    fn encoding_can_be_forced() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("顧客ID,注文日,金額\nA,2024-01-05,1\n");
        let s = sniff_as("sjis.csv", &bytes, true, Some("Shift_JIS")).unwrap();
        assert_eq!(s.encoding, "Shift_JIS");
        assert_eq!(s.headers[0], "顧客ID");
        assert!(sniff_as("x.csv", b"a,b\n", true, Some("no-such-encoding")).is_err());
    }

    #[test]
    fn rejects_empty_and_binary_files() {
        assert!(sniff("e.csv", b"", true).is_err());
        assert!(sniff("b.bin", b"\x00\x01\x02abc", true).is_err());
    }

    #[test]
    fn refuses_markup_documents() {
        let markup = |text: &str| sniff("page", text.as_bytes(), true).map_err(|e| e.problem);
        let svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"3000\"><rect/></svg>\n";
        assert_eq!(markup(svg), Err(Problem::Markup));
        assert_eq!(
            markup("\n  <!DOCTYPE html><html><body><table></table></body></html>"),
            Err(Problem::Markup)
        );
        assert_eq!(markup("<svg viewBox='0 0 1 1'></svg>"), Err(Problem::Markup));
        // A header that merely contains angle brackets is still a table.
        assert!(markup("id,<note>\nA,1\n").is_ok());
        assert!(markup("<5 items,total\n1,2\n").is_ok());
    }

    #[test]
    fn sniffs_gbk_tab_file() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("客户ID\t下单时间\t实付金额\n张三\t2024/1/5 13:05\t¥1,234\n李四\t2024/2/5\t88\n");
        let s = sniff("gbk.txt", &bytes, true).unwrap();
        assert_eq!(s.delimiter, b'\t');
        assert_eq!(s.headers[0], "客户ID");
        assert_eq!(s.kind, FileKind::Orders);
    }
}
