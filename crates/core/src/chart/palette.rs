//! A calm, professional palette: greys for chrome, blue and teal for series,
//! a light-to-dark blue ramp for heatmaps.

/// Main text.
pub(crate) const TEXT: &str = "#1f2933";
/// Secondary text: axis labels, ticks, notes.
pub(crate) const MUTED: &str = "#52606d";
/// Grid lines.
pub(crate) const GRID: &str = "#e4e7eb";
/// Axis lines.
pub(crate) const AXIS: &str = "#9aa5b1";
/// Chart background.
pub(crate) const BACKGROUND: &str = "#ffffff";
/// First series (customers).
pub(crate) const SERIES_BLUE: &str = "#4c78a8";
/// Second series (revenue).
pub(crate) const SERIES_TEAL: &str = "#2a9d8f";
/// Heatmap cells without anyone in them.
pub(crate) const EMPTY_CELL: &str = "#f5f7fa";
/// Text on dark fills.
pub(crate) const ON_DARK: &str = "#ffffff";

/// The sequential ramp, light to dark.
pub(crate) const BLUES: [&str; 5] = ["#eff6fc", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];

/// The ramp's colour at `t` in 0..1 (clamped), interpolated between stops.
pub(crate) fn blue_at(t: f64) -> String {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    let scaled = t * (BLUES.len() - 1) as f64;
    let low = (scaled.floor() as usize).min(BLUES.len() - 2);
    let mix = scaled - low as f64;
    let (a, b) = (rgb(BLUES[low]), rgb(BLUES[low + 1]));
    let channel = |i: usize| (f64::from(a[i]) + (f64::from(b[i]) - f64::from(a[i])) * mix).round() as u8;
    format!("#{:02x}{:02x}{:02x}", channel(0), channel(1), channel(2))
}

/// Text colour that stays readable on the ramp's colour at `t`.
pub(crate) fn text_on_blue(t: f64) -> &'static str {
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
}
