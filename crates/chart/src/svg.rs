//! A tiny SVG writer: just the elements our charts use, every text escaped, so
//! names from files can never become markup (docs/product.md#trust). Output is
//! deterministic: one element per line, coordinates rounded to 0.1.

use std::fmt::Write;

/// System sans-serif fonts, with Chinese fallbacks.
const FONT_FAMILY: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, \
                           'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/// Horizontal alignment of a text around its x coordinate.
#[derive(Clone, Copy)]
pub enum Anchor {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

/// How a text looks.
#[derive(Clone, Copy)]
pub struct TextStyle {
    /// Font size in px.
    pub size: f64,
    /// Fill colour.
    pub fill: &'static str,
    /// Alignment.
    pub anchor: Anchor,
    /// Bold weight.
    pub bold: bool,
}

impl TextStyle {
    /// A regular, start-aligned style.
    pub const fn new(size: f64, fill: &'static str) -> TextStyle {
        TextStyle {
            size,
            fill,
            anchor: Anchor::Start,
            bold: false,
        }
    }

    /// The same style with another alignment.
    pub const fn anchored(self, anchor: Anchor) -> TextStyle {
        TextStyle { anchor, ..self }
    }

    /// The same style in bold.
    pub const fn bold(self) -> TextStyle {
        TextStyle { bold: true, ..self }
    }
}

/// An SVG document being written.
pub struct Svg {
    out: String,
}

impl Svg {
    /// Starts a `width × height` chart whose accessible name is `title` and
    /// description `desc`; `id` prefixes the element ids it needs.
    pub fn new(size: (f64, f64), id: &str, lang_tag: &str, title: &str, desc: &str) -> Svg {
        let (width, height) = size;
        let mut svg = Svg {
            out: String::with_capacity(8 * 1024),
        };
        svg.out
            .push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ");
        svg.num(width);
        svg.out.push(' ');
        svg.num(height);
        svg.out.push('"');
        svg.num_attr("width", width);
        svg.num_attr("height", height);
        svg.text_attr("role", "img");
        let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
        svg.text_attr("aria-labelledby", &format!("{title_id} {desc_id}"));
        svg.text_attr("lang", lang_tag);
        // The font list is ours and its quotes stay as they are.
        svg.out.push_str(" font-family=\"");
        svg.out.push_str(FONT_FAMILY);
        svg.out.push_str("\">\n<title");
        svg.text_attr("id", &title_id);
        svg.out.push('>');
        svg.escaped(title);
        svg.out.push_str("</title>\n<desc");
        svg.text_attr("id", &desc_id);
        svg.out.push('>');
        svg.escaped(desc);
        svg.out.push_str("</desc>\n");
        svg
    }

    /// A filled rectangle.
    pub fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, fill: &str) {
        self.out.push_str("<rect");
        self.num_attr("x", x);
        self.num_attr("y", y);
        self.num_attr("width", width.max(0.0));
        self.num_attr("height", height.max(0.0));
        self.text_attr("fill", fill);
        self.out.push_str("/>\n");
    }

    /// A circle filled as its group says, with a `<title>` shown on hover.
    pub fn circle(&mut self, centre: (f64, f64), radius: f64, hover: &str) {
        self.out.push_str("<circle");
        self.num_attr("cx", centre.0);
        self.num_attr("cy", centre.1);
        self.num_attr("r", radius.max(0.0));
        self.out.push_str("><title>");
        self.escaped(hover);
        self.out.push_str("</title></circle>\n");
    }

    /// Opens a group whose shapes are filled with `fill` at `opacity`.
    pub fn open_fill_group(&mut self, fill: &str, opacity: f64) {
        self.out.push_str("<g");
        self.text_attr("fill", fill);
        self.num_attr("fill-opacity", opacity);
        self.out.push_str(">\n");
    }

    /// A filled polygon through `points`.
    pub fn polygon(&mut self, points: &[(f64, f64)], fill: &str) {
        self.out.push_str("<polygon points=\"");
        for (i, (x, y)) in points.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.num(*x);
            self.out.push(',');
            self.num(*y);
        }
        self.out.push('"');
        self.text_attr("fill", fill);
        self.out.push_str("/>\n");
    }

    /// A straight line.
    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), stroke: &str) {
        self.out.push_str("<line");
        self.num_attr("x1", from.0);
        self.num_attr("y1", from.1);
        self.num_attr("x2", to.0);
        self.num_attr("y2", to.1);
        self.text_attr("stroke", stroke);
        self.out.push_str(" stroke-width=\"1\"/>\n");
    }

    /// A text at `(x, y)` (baseline).
    pub fn text(&mut self, x: f64, y: f64, style: TextStyle, content: &str) {
        self.text_element(x, y, style, content, 0.0);
    }

    /// A text turned 90° anticlockwise around `(x, y)`, for vertical axes.
    pub fn vertical_text(&mut self, x: f64, y: f64, style: TextStyle, content: &str) {
        self.text_element(x, y, style, content, -90.0);
    }

    /// A text turned `degrees` (negative: anticlockwise) around `(x, y)`, for
    /// column names too long to stand side by side.
    pub fn rotated_text(&mut self, x: f64, y: f64, style: TextStyle, content: &str, degrees: f64) {
        self.text_element(x, y, style, content, degrees);
    }

    /// Opens a group whose `<title>` shows as a tooltip on hover.
    pub fn open_group(&mut self, hover: &str) {
        self.out.push_str("<g><title>");
        self.escaped(hover);
        self.out.push_str("</title>\n");
    }

    /// Closes the group opened last.
    pub fn close_group(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// Defines a bottom-to-top linear gradient `id` through evenly spaced colours.
    pub fn vertical_gradient(&mut self, id: &str, stops: &[&str]) {
        self.out.push_str("<defs><linearGradient");
        self.text_attr("id", id);
        self.out.push_str(" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">\n");
        let last = stops.len().saturating_sub(1).max(1) as f64;
        for (i, colour) in stops.iter().enumerate() {
            self.out.push_str("<stop");
            self.num_attr("offset", i as f64 / last);
            self.text_attr("stop-color", colour);
            self.out.push_str("/>\n");
        }
        self.out.push_str("</linearGradient></defs>\n");
    }

    /// A rectangle filled with gradient `id`.
    pub fn gradient_rect(&mut self, x: f64, y: f64, width: f64, height: f64, id: &str) {
        let mut fill = String::with_capacity(id.len() + 6);
        fill.push_str("url(#");
        fill.push_str(id);
        fill.push(')');
        self.rect(x, y, width, height, &fill);
    }

    /// Closes the document and returns its text.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    fn text_element(&mut self, x: f64, y: f64, style: TextStyle, content: &str, degrees: f64) {
        self.out.push_str("<text");
        self.num_attr("x", x);
        self.num_attr("y", y);
        self.num_attr("font-size", style.size);
        self.text_attr("fill", style.fill);
        match style.anchor {
            Anchor::Start => {}
            Anchor::Middle => self.out.push_str(" text-anchor=\"middle\""),
            Anchor::End => self.out.push_str(" text-anchor=\"end\""),
        }
        if style.bold {
            self.out.push_str(" font-weight=\"600\"");
        }
        if degrees != 0.0 {
            self.out.push_str(" transform=\"rotate(");
            self.num(degrees);
            self.out.push(' ');
            self.num(x);
            self.out.push(' ');
            self.num(y);
            self.out.push_str(")\"");
        }
        self.out.push('>');
        self.escaped(content);
        self.out.push_str("</text>\n");
    }

    /// Writes ` name="value"` with the value a coordinate.
    fn num_attr(&mut self, name: &str, value: f64) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.num(value);
        self.out.push('"');
    }

    /// Writes ` name="value"` with the value escaped.
    fn text_attr(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.escaped(value);
        self.out.push('"');
    }

    /// Writes a coordinate rounded to 0.1, without a trailing `.0`.
    fn num(&mut self, value: f64) {
        let tenths = if value.is_finite() { (value * 10.0).round() } else { 0.0 };
        let tenths = tenths.clamp(-1e12, 1e12) as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let (whole, fraction) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
        // Writing to a String cannot fail.
        let _ = if fraction == 0 {
            write!(self.out, "{sign}{whole}")
        } else {
            write!(self.out, "{sign}{whole}.{fraction}")
        };
    }

    fn escaped(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }
}

/// Appends `text` escaped for XML text and attribute values; characters XML
/// does not allow become U+FFFD.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escape(text: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, text);
        out
    }

    #[test]
    fn escapes_markup_and_drops_invalid_characters() {
        assert_eq!(escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
        assert_eq!(escape("a\u{0}b\u{1b}"), "a\u{fffd}b\u{fffd}");
        assert_eq!(escape("客户\n"), "客户\n");
    }

    #[test]
    fn writes_a_small_document() {
        let mut svg = Svg::new((100.0, 50.0), "x", "en", "T<", "D");
        svg.open_group("hover & more");
        svg.rect(1.04, 2.25, -3.0, 4.0, "#fff");
        svg.close_group();
        svg.text(
            5.0,
            6.0,
            TextStyle::new(12.0, "#000").anchored(Anchor::Middle).bold(),
            "a<b",
        );
        svg.vertical_text(1.0, 2.0, TextStyle::new(10.0, "#111").anchored(Anchor::End), "v");
        svg.line((0.0, -1.25), (f64::NAN, 3.0), "#ccc");
        svg.polygon(&[(0.0, 0.0), (1.5, 2.0), (3.0, f64::INFINITY)], "#abc");
        svg.vertical_gradient("g", &["#000", "#fff"]);
        svg.gradient_rect(0.0, 0.0, 1.0, 1.0, "g");
        svg.open_fill_group("#f58518", 0.6);
        svg.circle((3.0, 4.06), 2.5, "a & b");
        svg.close_group();
        let text = svg.finish();
        assert!(text.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\""));
        assert!(text.contains("<title id=\"x-title\">T&lt;</title>"));
        assert!(text.contains("<g><title>hover &amp; more</title>\n<rect x=\"1\" y=\"2.3\" width=\"0\" height=\"4\""));
        assert!(text.contains("text-anchor=\"middle\" font-weight=\"600\">a&lt;b</text>"));
        assert!(text.contains("transform=\"rotate(-90 1 2)\">v</text>"));
        assert!(text.contains("<line x1=\"0\" y1=\"-1.3\" x2=\"0\" y2=\"3\""));
        assert!(text.contains("<polygon points=\"0,0 1.5,2 3,0\" fill=\"#abc\"/>"));
        assert!(text.contains("<stop offset=\"1\" stop-color=\"#fff\"/>"));
        assert!(text.contains("fill=\"url(#g)\""));
        assert!(text.contains("<g fill=\"#f58518\" fill-opacity=\"0.6\">\n<circle cx=\"3\" cy=\"4.1\" r=\"2.5\"><title>a &amp; b</title></circle>\n</g>"));
        assert!(text.ends_with("</svg>\n"));
    }
}
