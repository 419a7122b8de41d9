//! CSV cells for spreadsheets: RFC 4180 quoting, and a guard so text from
//! files can never be read as a formula by Excel, Numbers or Sheets (docs/product.md#trust).

/// Characters that make a spreadsheet treat a cell as a formula when they
/// come first.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// True when `text` would be read as a formula.
pub fn needs_formula_guard(text: &str) -> bool {
    text.starts_with(FORMULA_STARTS)
}

/// True when `text` must be quoted in a comma-separated file.
pub fn needs_quotes(text: &str) -> bool {
    text.contains([',', '"', '\r', '\n'])
}

/// Appends a cell of a file another program imports (a marketing tool's
/// list, docs/export/activation.md#files): quoted by RFC 4180 when needed,
/// never prefixed, so `+86…` phones reach the platform as written.
pub fn push_plain(out: &mut String, text: &str) {
    if !needs_quotes(text) {
        out.push_str(text);
        return;
    }
    out.push('"');
    out.push_str(&text.replace('"', "\"\""));
    out.push('"');
}

/// Appends a text cell taken from user data: prefixed with `'` when it would
/// start a formula, quoted when it holds a comma, quote, CR or LF (inner
/// quotes doubled).
pub fn push_text(out: &mut String, text: &str) {
    let guard = needs_formula_guard(text);
    if !needs_quotes(text) {
        if guard {
            out.push('\'');
        }
        out.push_str(text);
        return;
    }
    out.push('"');
    if guard {
        out.push('\'');
    }
    for (i, part) in text.split('"').enumerate() {
        if i > 0 {
            out.push_str("\"\"");
        }
        out.push_str(part);
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> String {
        let mut out = String::new();
        push_text(&mut out, text);
        out
    }

    #[test]
    fn plain_text_is_written_as_is() {
        assert_eq!(cell("alice@example.com"), "alice@example.com");
        assert_eq!(cell("张三"), "张三");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn special_characters_are_quoted() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("cr\rhere"), "\"cr\rhere\"");
        assert_eq!(cell("\""), "\"\"\"\"");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(cell("=SUM(A1:A2)"), "'=SUM(A1:A2)");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@cmd"), "'@cmd");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(cell("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        assert_eq!(cell("a=b"), "a=b");
    }
}
