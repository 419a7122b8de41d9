//! Linear value scales with round tick steps (1, 2 or 5 × 10ⁿ), safe for any
//! input: non-finite values are ignored and huge ones capped.

/// Values beyond this magnitude are drawn as if they were this large, so that
/// spans stay finite.
const LIMIT: f64 = 1e300;
/// About how many tick intervals an axis gets.
const INTERVALS: f64 = 5.0;

/// A value axis from `lo` to `hi` in steps of `step`; always includes zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Index of the first tick: the axis starts at `first * step`.
    first: f64,
    /// Number of tick intervals.
    intervals: usize,
    /// Distance between ticks.
    step: f64,
}

impl Scale {
    /// A scale from zero or below to zero or above covering every finite
    /// value, with ticks no closer than `min_step`.
    pub fn covering(values: impl IntoIterator<Item = f64>, min_step: f64) -> Scale {
        let (mut lo, mut hi) = (0.0f64, 0.0f64);
        for value in values.into_iter().filter(|v| v.is_finite()) {
            let value = value.clamp(-LIMIT, LIMIT);
            lo = lo.min(value);
            hi = hi.max(value);
        }
        if hi - lo <= 0.0 {
            hi = 1.0;
        }
        let min_step = if min_step.is_finite() && min_step > 0.0 {
            min_step
        } else {
            1.0
        };
        let step = nice_step((hi - lo) / INTERVALS).max(min_step);
        let first = (lo / step).floor();
        let last = (hi / step).ceil();
        let intervals = (last - first).clamp(1.0, 100.0) as usize;
        Scale { first, intervals, step }
    }

    /// The tick values, lowest first; zero is exactly `0.0`.
    pub fn ticks(&self) -> impl Iterator<Item = f64> + '_ {
        (0..=self.intervals).map(|i| (self.first + i as f64) * self.step)
    }

    /// Where `value` lies between the axis ends, 0..1 (clamped; 0 when not
    /// finite).
    pub fn ratio(&self, value: f64) -> f64 {
        if !value.is_finite() {
            return self.ratio(0.0);
        }
        let lo = self.first * self.step;
        let span = self.intervals as f64 * self.step;
        let ratio = (value.clamp(-LIMIT, LIMIT) - lo) / span;
        if ratio.is_finite() {
            ratio.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// The round step (1, 2 or 5 × 10ⁿ) at or above `raw`; 1 for nonsense.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 + 1e-9 {
        1.0
    } else if fraction <= 2.0 + 1e-9 {
        2.0
    } else if fraction <= 5.0 + 1e-9 {
        5.0
    } else {
        10.0
    };
    let step = nice * power;
    if step.is_finite() && step > 0.0 {
        step
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticks(values: &[f64], min_step: f64) -> Vec<f64> {
        Scale::covering(values.iter().copied(), min_step).ticks().collect()
    }

    #[test]
    fn round_ticks_from_zero() {
        assert_eq!(ticks(&[0.0, 87.0], 1.0), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(ticks(&[3.0], 1.0), [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(ticks(&[], 1.0), [0.0, 1.0]);
        assert_eq!(
            ticks(&[f64::NAN, f64::INFINITY], 0.001),
            [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]
        );
        assert_eq!(ticks(&[-30.0, 45.0], 1.0), [-40.0, -20.0, 0.0, 20.0, 40.0, 60.0]);
    }

    #[test]
    fn huge_values_stay_finite() {
        let scale = Scale::covering([-f64::MAX, f64::MAX], 1.0);
        assert!(scale.ticks().all(f64::is_finite));
        assert_eq!(scale.ratio(0.0), 0.5);
        assert_eq!(scale.ratio(f64::MAX), 1.0);
        assert_eq!(scale.ratio(f64::NAN), 0.5);
    }

    #[test]
    fn ratio_is_clamped() {
        let scale = Scale::covering([10.0], 1.0);
        assert_eq!(scale.ratio(5.0), 0.5);
        assert_eq!(scale.ratio(-5.0), 0.0);
        assert_eq!(scale.ratio(50.0), 1.0);
    }
}
