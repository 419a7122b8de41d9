//! A calm, professional palette: greys for chrome, blue and teal for series,
//! a light-to-dark blue ramp for heatmaps, and a categorical set for charts
//! with more series.

/// Main text.
pub const TEXT: &str = "#1f2933";
/// Secondary text: axis labels, ticks, notes.
pub const MUTED: &str = "#52606d";
/// Grid lines.
pub const GRID: &str = "#e4e7eb";
/// Axis lines.
pub const AXIS: &str = "#9aa5b1";
/// Chart background.
pub const BACKGROUND: &str = "#ffffff";
/// First series (customers).
pub const SERIES_BLUE: &str = "#4c78a8";
/// Second series (revenue).
pub const SERIES_TEAL: &str = "#2a9d8f";
/// Heatmap cells without anyone in them.
pub const EMPTY_CELL: &str = "#f5f7fa";
/// Text on dark fills.
pub const ON_DARK: &str = "#ffffff";

/// Links between the bars of a funnel.
pub const FUNNEL_LINK: &str = "#dde5ee";

/// Categorical series colours, in order: distinct in hue and lightness (blue,
/// orange, teal, red, purple, gold, brown, grey), starting with the two the
/// value-tier chart uses.
pub const SERIES: [&str; 8] = [
    SERIES_BLUE,
    "#f58518",
    SERIES_TEAL,
    "#e45756",
    "#8e6bb8",
    "#eeca3b",
    "#9d755d",
    "#79706e",
];

/// The colour of series `i`; colours repeat after the eighth series.
pub fn series_colour(i: usize) -> &'static str {
    SERIES[i % SERIES.len()]
}

/// White or the main text colour, whichever contrasts more with `fill`
/// (WCAG contrast ratio).
pub fn text_on(fill: &str) -> &'static str {
    let background = luminance(fill);
    let on_white = 1.05 / (background + 0.05);
    let on_text = (background + 0.05) / (luminance(TEXT) + 0.05);
    if on_white >= on_text {
        ON_DARK
    } else {
        TEXT
    }
}

/// The WCAG relative luminance of a `#rrggbb` colour.
fn luminance(hex: &str) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = rgb(hex);
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// The sequential ramp, light to dark.
pub const BLUES: [&str; 5] = ["#eff6fc", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];

/// The ramp's colour at `t` in 0..1 (clamped), interpolated between stops.
pub fn blue_at(t: f64) -> String {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    let scaled = t * (BLUES.len() - 1) as f64;
    let low = (scaled.floor() as usize).min(BLUES.len() - 2);
    let mix = scaled - low as f64;
    let (a, b) = (rgb(BLUES[low]), rgb(BLUES[low + 1]));
    let channel = |i: usize| (f64::from(a[i]) + (f64::from(b[i]) - f64::from(a[i])) * mix).round() as u8;
    format!("#{:02x}{:02x}{:02x}", channel(0), channel(1), channel(2))
}

/// Text colour that stays readable on the ramp's colour at `t`.
pub fn text_on_blue(t: f64) -> &'static str {
    if t > 0.65 {
        ON_DARK
    } else {
        TEXT
    }
}

/// The channels of a `#rrggbb` colour (black if malformed).
fn rgb(hex: &str) -> [u8; 3] {
    let channel = |i: usize| {
        hex.get(1 + 2 * i..3 + 2 * i)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    [channel(0), channel(1), channel(2)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramp_hits_its_stops_and_clamps() {
        assert_eq!(blue_at(0.0), BLUES[0]);
        assert_eq!(blue_at(0.5), BLUES[2]);
        assert_eq!(blue_at(1.0), BLUES[4]);
        assert_eq!(blue_at(7.0), BLUES[4]);
        assert_eq!(blue_at(f64::NAN), BLUES[0]);
        assert_eq!(blue_at(0.125), "#dbe9f6");
        assert_eq!(text_on_blue(0.9), ON_DARK);
        assert_eq!(text_on_blue(0.1), TEXT);
    }

    #[test]
    fn text_on_picks_the_readable_colour() {
        assert_eq!(text_on("#ffffff"), TEXT);
        assert_eq!(text_on("#000000"), ON_DARK);
        assert_eq!(text_on(SERIES_BLUE), ON_DARK);
        assert_eq!(text_on("#eeca3b"), TEXT);
        assert_eq!(text_on(BLUES[4]), ON_DARK);
        assert_eq!(text_on(BLUES[0]), TEXT);
        assert_eq!(series_colour(9), SERIES[1]);
    }
}
