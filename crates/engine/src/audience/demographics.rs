//! Demographic bands (docs/product.md#analyses-and-charts): age from birth date or stated age, gender,
//! income bands (set, or the data's quartiles), occupation and region (the
//! most common values, the rest as Other).

use crate::settings::DemographicSettings;
use segscope_model::format::count;
use segscope_model::{Dataset, Day, Gender};
use serde::{Deserialize, Serialize};

/// A demographic dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Age bands.
    Age,
    /// Gender.
    Gender,
    /// Income bands.
    Income,
    /// Occupation.
    Occupation,
    /// Region.
    Region,
}

impl Dimension {
    /// Every dimension, in display order.
    pub const ALL: [Dimension; 5] = [
        Dimension::Age,
        Dimension::Gender,
        Dimension::Income,
        Dimension::Occupation,
        Dimension::Region,
    ];

    /// The i18n key of the dimension's name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            Dimension::Age => "demo.age",
            Dimension::Gender => "demo.gender",
            Dimension::Income => "demo.income",
            Dimension::Occupation => "demo.occupation",
            Dimension::Region => "demo.region",
        }
    }
}

/// The name of a band: a text key, or a value from the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BandName {
    /// An i18n key (Unknown, Other, gender names).
    Key(String),
    /// Text shown as is (age and income ranges, occupations, regions).
    Text(String),
}

/// The bands of one dimension and each customer's band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Banding {
    /// Band names, display order; the last is Unknown.
    pub names: Vec<BandName>,
    /// Per customer, an index into `names`.
    pub band: Vec<u16>,
}

impl Banding {
    /// The export text of each band name in `lang`, in `names` order: data
    /// values as given, built-in names translated, Unknown empty.
    pub fn export_names(&self, lang: segscope_i18n::Lang) -> Vec<&str> {
        self.names
            .iter()
            .map(|name| match name {
                BandName::Text(t) => t.as_str(),
                BandName::Key(k) if k == UNKNOWN_KEY => "",
                BandName::Key(k) => crate::texts::t(lang, k),
            })
            .collect()
    }
}

const UNKNOWN_KEY: &str = "demo.unknown";
const OTHER_KEY: &str = "demo.other";
/// Occupations and regions shown by name; the rest are Other.
const TOP_VALUES: usize = 12;
const AGE_BOUNDS: [u32; 6] = [18, 25, 35, 45, 55, 65];

/// Bands every customer on every dimension, in [`Dimension::ALL`] order.
pub fn bandings(dataset: &Dataset, as_of: Day, settings: &DemographicSettings) -> Vec<Banding> {
    Dimension::ALL
        .iter()
        .map(|&d| banding(dataset, d, as_of, settings))
        .collect()
}

/// Bands every customer on `dimension`.
pub fn banding(dataset: &Dataset, dimension: Dimension, as_of: Day, settings: &DemographicSettings) -> Banding {
    let p = dataset.customers.profile();
    match dimension {
        Dimension::Age => {
            let ages = (0..dataset.customers.len()).map(|c| age_at(p.birth()[c], p.age()[c], as_of).map(f64::from));
            ranges(ages, &AGE_BOUNDS.map(f64::from), |v| format!("{v:.0}"), true)
        }
        Dimension::Gender => Banding {
            names: Gender::ALL
                .iter()
                .map(|g| BandName::Key(gender_key(*g).into()))
                .collect(),
            band: p
                .gender()
                .iter()
                .map(|g| Gender::ALL.iter().position(|x| x == g).unwrap_or(3) as u16)
                .collect(),
        },
        Dimension::Income => {
            let bounds = settings
                .income_bounds
                .clone()
                .unwrap_or_else(|| quartile_bounds(p.income()));
            ranges(
                p.income().iter().copied(),
                &bounds,
                |v| count(v.round().max(0.0) as u64),
                false,
            )
        }
        Dimension::Occupation => top_values(p.occupation(), &dataset.occupations),
        Dimension::Region => top_values(p.region(), &dataset.regions),
    }
}

fn gender_key(g: Gender) -> &'static str {
    if g == Gender::Unknown {
        UNKNOWN_KEY
    } else {
        g.i18n_key()
    }
}

/// Whole years at `as_of` from a birth date, else the stated age.
fn age_at(birth: Option<Day>, stated: Option<u8>, as_of: Day) -> Option<u32> {
    match birth {
        Some(b) if b <= as_of => Some(((f64::from(as_of - b)) / 365.2425).floor() as u32).filter(|&a| a <= 120),
        _ => stated.map(u32::from),
    }
}

/// Bands of rising `bounds`: below the first, between each pair, from the
/// last on; then Unknown.
fn ranges(
    values: impl Iterator<Item = Option<f64>>,
    bounds: &[f64],
    show: impl Fn(f64) -> String,
    whole: bool,
) -> Banding {
    let mut names = Vec::with_capacity(bounds.len() + 2);
    if let Some(first) = bounds.first() {
        names.push(BandName::Text(format!("< {}", show(*first))));
    }
    for w in bounds.windows(2) {
        let hi = if whole { show(w[1] - 1.0) } else { show(w[1]) };
        names.push(BandName::Text(format!("{}–{}", show(w[0]), hi)));
    }
    if let Some(last) = bounds.last() {
        names.push(BandName::Text(format!("{}+", show(*last))));
    }
    names.push(BandName::Key(UNKNOWN_KEY.into()));
    let unknown = (names.len() - 1) as u16;
    let band = values
        .map(|v| match v.filter(|v| v.is_finite()) {
            Some(v) => bounds.iter().take_while(|b| v >= **b).count() as u16,
            None => unknown,
        })
        .collect();
    Banding { names, band }
}

/// The quartiles of the known values, rounded to two significant digits,
/// without repeats; none without values.
fn quartile_bounds(values: &[Option<f64>]) -> Vec<f64> {
    let mut known: Vec<f64> = values.iter().flatten().copied().filter(|v| v.is_finite()).collect();
    if known.is_empty() {
        return Vec::new();
    }
    known.sort_by(f64::total_cmp);
    let mut bounds: Vec<f64> = [0.25, 0.5, 0.75]
        .iter()
        .map(|q| round_two_digits(known[((known.len() - 1) as f64 * q).round() as usize]))
        .filter(|b| *b > 0.0)
        .collect();
    bounds.dedup();
    bounds
}

fn round_two_digits(v: f64) -> f64 {
    if v <= 0.0 {
        return 0.0;
    }
    let scale = 10f64.powi(v.log10().floor() as i32 - 1);
    (v / scale).round() * scale
}

/// The [`TOP_VALUES`] most common values by name, then Other, then Unknown.
fn top_values(value: &[Option<u16>], names: &[String]) -> Banding {
    let mut count = vec![0u64; names.len()];
    for v in value.iter().flatten() {
        if let Some(n) = count.get_mut(usize::from(*v)) {
            *n += 1;
        }
    }
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| count[b].cmp(&count[a]).then(a.cmp(&b)));
    order.truncate(TOP_VALUES);
    let mut slot = vec![None; names.len()];
    for (i, &k) in order.iter().enumerate() {
        slot[k] = Some(i as u16);
    }
    let other = order.len() as u16;
    let mut band_names: Vec<BandName> = order.iter().map(|&k| BandName::Text(names[k].clone())).collect();
    band_names.push(BandName::Key(OTHER_KEY.into()));
    band_names.push(BandName::Key(UNKNOWN_KEY.into()));
    let band = value
        .iter()
        .map(|v| match v {
            Some(v) => slot.get(usize::from(*v)).copied().flatten().unwrap_or(other),
            None => other + 1,
        })
        .collect();
    Banding {
        names: band_names,
        band,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use segscope_model::Customers;

    /// Customer `c`'s band as the English export writes it.
    fn english(b: &Banding, c: usize) -> String {
        b.export_names(segscope_i18n::Lang::En)[usize::from(b.band[c])].to_string()
    }

    fn dataset() -> Dataset {
        let mut d = Dataset {
            customers: Customers::with_keys((0..5).map(|i| i.to_string()).collect()),
            occupations: vec!["teacher".into(), "nurse".into()],
            ..Dataset::default()
        };
        let p = d.customers.profile_mut();
        p.fill_birth(0, Some(0)); // 1970-01-01
        p.fill_age(1, Some(17));
        p.fill_age(2, Some(65));
        for (c, income) in [10_000.0, 20_000.0, 30_000.0, 40_000.0].into_iter().enumerate() {
            p.fill_income(c, Some(income));
        }
        for (c, occupation) in [1, 1, 0].into_iter().enumerate() {
            p.fill_occupation(c, Some(occupation));
        }
        p.fill_gender(3, Gender::Female);
        d
    }

    #[test]
    fn ages_from_birth_or_stated() {
        // 2024-01-05 = day 19727: the 1970 birth is 54.
        let b = banding(&dataset(), Dimension::Age, 19_727, &DemographicSettings::default());
        assert_eq!(english(&b, 0), "45–54");
        assert_eq!(english(&b, 1), "< 18");
        assert_eq!(english(&b, 2), "65+");
        assert_eq!(english(&b, 3), "");
        assert_eq!(b.names.len(), 8);
    }

    #[test]
    fn income_quartiles_and_set_bounds() {
        let d = dataset();
        let auto = banding(&d, Dimension::Income, 0, &DemographicSettings::default());
        assert_eq!(auto.names[0], BandName::Text("< 20,000".into()));
        assert_eq!(english(&auto, 0), "< 20,000");
        assert_eq!(english(&auto, 3), "30,000+");
        let set = DemographicSettings {
            income_bounds: Some(vec![25_000.0]),
        };
        let b = banding(&d, Dimension::Income, 0, &set);
        assert_eq!(
            (english(&b, 0), english(&b, 3), english(&b, 4)),
            ("< 25,000".into(), "25,000+".into(), String::new())
        );
    }

    #[test]
    fn occupations_by_frequency_and_gender() {
        let d = dataset();
        let b = banding(&d, Dimension::Occupation, 0, &DemographicSettings::default());
        assert_eq!(b.names[0], BandName::Text("nurse".into()));
        assert_eq!(b.band, vec![0, 0, 1, 3, 3]);
        let g = banding(&d, Dimension::Gender, 0, &DemographicSettings::default());
        assert_eq!(english(&g, 3), "Female");
        assert_eq!(english(&g, 0), "");
    }
}
