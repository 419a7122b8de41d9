//! Countries as contact data names them, with what a phone number needs:
//! the calling code, the trunk prefix dialled before national numbers, and
//! how many digits a national number has (docs/export/activation.md#phones).
//!
//! Calling codes are ITU-T E.164 assignments; trunk prefixes and national
//! number lengths follow the country metadata of Google's libphonenumber
//! (`PhoneNumberMetadata.xml`: `nationalPrefix`, and the fewest and most
//! `possibleLengths` of fixed-line and mobile numbers; Germany's upper
//! bound is cut to 13 so the whole number stays within E.164's 15 digits).

/// One country.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Country {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub iso2: &'static str,
    /// ISO 3166-1 alpha-3 code, upper case.
    iso3: &'static str,
    /// Country calling code, digits.
    pub calling: &'static str,
    /// Trunk prefix of national numbers ("" where there is none, or where,
    /// as in Italy, the leading 0 is part of the number).
    pub trunk: &'static str,
    /// Fewest digits of a national number (trunk prefix excluded).
    pub min_digits: u8,
    /// Most digits of a national number.
    pub max_digits: u8,
    /// Names in English, the local language(s) and Chinese, lower case.
    names: &'static [&'static str],
}

macro_rules! countries {
    ($(($iso2:literal, $iso3:literal, $calling:literal, $trunk:literal, $min:literal, $max:literal, [$($name:literal),*])),* $(,)?) => {
        /// Every country known here.
        const COUNTRIES: &[Country] = &[$(Country {
            iso2: $iso2, iso3: $iso3, calling: $calling, trunk: $trunk, min_digits: $min, max_digits: $max,
            names: &[$($name),*],
        }),*];
    };
}

countries![
    (
        "US",
        "USA",
        "1",
        "1",
        10,
        10,
        [
            "united states",
            "united states of america",
            "usa",
            "u.s.",
            "u.s.a.",
            "estados unidos",
            "美国"
        ]
    ),
    ("CA", "CAN", "1", "1", 10, 10, ["canada", "加拿大"]),
    ("MX", "MEX", "52", "", 10, 10, ["mexico", "méxico", "墨西哥"]),
    (
        "GB",
        "GBR",
        "44",
        "0",
        9,
        10,
        [
            "united kingdom",
            "uk",
            "great britain",
            "england",
            "scotland",
            "wales",
            "英国"
        ]
    ),
    ("IE", "IRL", "353", "0", 7, 10, ["ireland", "éire", "爱尔兰"]),
    ("DE", "DEU", "49", "0", 5, 13, ["germany", "deutschland", "德国"]),
    ("FR", "FRA", "33", "0", 9, 9, ["france", "法国"]),
    ("ES", "ESP", "34", "", 9, 9, ["spain", "españa", "西班牙"]),
    ("PT", "PRT", "351", "", 9, 9, ["portugal", "葡萄牙"]),
    ("IT", "ITA", "39", "", 6, 12, ["italy", "italia", "意大利"]),
    (
        "NL",
        "NLD",
        "31",
        "0",
        9,
        11,
        ["netherlands", "the netherlands", "nederland", "holland", "荷兰"]
    ),
    (
        "BE",
        "BEL",
        "32",
        "0",
        8,
        9,
        ["belgium", "belgique", "belgië", "比利时"]
    ),
    ("LU", "LUX", "352", "", 4, 11, ["luxembourg", "卢森堡"]),
    (
        "CH",
        "CHE",
        "41",
        "0",
        9,
        9,
        ["switzerland", "schweiz", "suisse", "svizzera", "瑞士"]
    ),
    ("AT", "AUT", "43", "0", 4, 13, ["austria", "österreich", "奥地利"]),
    ("DK", "DNK", "45", "", 8, 8, ["denmark", "danmark", "丹麦"]),
    ("SE", "SWE", "46", "0", 7, 9, ["sweden", "sverige", "瑞典"]),
    ("NO", "NOR", "47", "", 8, 8, ["norway", "norge", "挪威"]),
    ("FI", "FIN", "358", "0", 5, 10, ["finland", "suomi", "芬兰"]),
    ("PL", "POL", "48", "", 7, 9, ["poland", "polska", "波兰"]),
    (
        "CZ",
        "CZE",
        "420",
        "",
        9,
        9,
        ["czech republic", "czechia", "česko", "捷克"]
    ),
    ("SK", "SVK", "421", "0", 6, 9, ["slovakia", "slovensko", "斯洛伐克"]),
    ("HU", "HUN", "36", "06", 8, 9, ["hungary", "magyarország", "匈牙利"]),
    ("RO", "ROU", "40", "0", 6, 9, ["romania", "românia", "罗马尼亚"]),
    ("BG", "BGR", "359", "0", 6, 9, ["bulgaria", "保加利亚"]),
    ("GR", "GRC", "30", "", 10, 10, ["greece", "ελλάδα", "希腊"]),
    ("TR", "TUR", "90", "0", 10, 10, ["turkey", "türkiye", "土耳其"]),
    (
        "RU",
        "RUS",
        "7",
        "8",
        10,
        10,
        ["russia", "russian federation", "россия", "俄罗斯"]
    ),
    ("UA", "UKR", "380", "0", 9, 9, ["ukraine", "україна", "乌克兰"]),
    ("KZ", "KAZ", "7", "8", 10, 10, ["kazakhstan", "哈萨克斯坦"]),
    ("IL", "ISR", "972", "0", 8, 12, ["israel", "以色列"]),
    ("AE", "ARE", "971", "0", 8, 9, ["united arab emirates", "uae", "阿联酋"]),
    ("SA", "SAU", "966", "0", 9, 9, ["saudi arabia", "沙特阿拉伯"]),
    ("EG", "EGY", "20", "0", 8, 10, ["egypt", "埃及"]),
    ("ZA", "ZAF", "27", "0", 5, 9, ["south africa", "南非"]),
    ("NG", "NGA", "234", "0", 10, 10, ["nigeria", "尼日利亚"]),
    ("KE", "KEN", "254", "0", 7, 9, ["kenya", "肯尼亚"]),
    ("IN", "IND", "91", "0", 10, 10, ["india", "印度"]),
    ("PK", "PAK", "92", "0", 9, 10, ["pakistan", "巴基斯坦"]),
    ("BD", "BGD", "880", "0", 6, 10, ["bangladesh", "孟加拉国"]),
    (
        "CN",
        "CHN",
        "86",
        "0",
        7,
        11,
        [
            "china",
            "people's republic of china",
            "prc",
            "中国",
            "中华人民共和国",
            "中国大陆"
        ]
    ),
    (
        "HK",
        "HKG",
        "852",
        "",
        8,
        8,
        ["hong kong", "hong kong sar", "香港", "中国香港"]
    ),
    ("MO", "MAC", "853", "", 8, 8, ["macau", "macao", "澳门", "中国澳门"]),
    ("TW", "TWN", "886", "0", 8, 9, ["taiwan", "台湾", "中国台湾"]),
    ("JP", "JPN", "81", "0", 9, 10, ["japan", "日本"]),
    (
        "KR",
        "KOR",
        "82",
        "0",
        5,
        10,
        ["south korea", "korea", "republic of korea", "대한민국", "韩国"]
    ),
    ("SG", "SGP", "65", "", 8, 8, ["singapore", "新加坡"]),
    ("MY", "MYS", "60", "0", 8, 10, ["malaysia", "马来西亚"]),
    ("TH", "THA", "66", "0", 8, 9, ["thailand", "泰国"]),
    ("VN", "VNM", "84", "0", 9, 10, ["vietnam", "viet nam", "越南"]),
    ("ID", "IDN", "62", "0", 7, 12, ["indonesia", "印度尼西亚", "印尼"]),
    ("PH", "PHL", "63", "0", 6, 10, ["philippines", "菲律宾"]),
    ("AU", "AUS", "61", "0", 9, 9, ["australia", "澳大利亚"]),
    ("NZ", "NZL", "64", "0", 8, 10, ["new zealand", "新西兰"]),
    ("BR", "BRA", "55", "0", 10, 11, ["brazil", "brasil", "巴西"]),
    ("AR", "ARG", "54", "0", 10, 11, ["argentina", "阿根廷"]),
    ("CL", "CHL", "56", "", 9, 9, ["chile", "智利"]),
    ("CO", "COL", "57", "0", 8, 10, ["colombia", "哥伦比亚"]),
    ("PE", "PER", "51", "0", 8, 9, ["peru", "perú", "秘鲁"]),
    ("UY", "URY", "598", "0", 8, 8, ["uruguay", "乌拉圭"]),
    ("VE", "VEN", "58", "0", 10, 10, ["venezuela", "委内瑞拉"]),
    ("EC", "ECU", "593", "0", 8, 9, ["ecuador", "厄瓜多尔"]),
    ("BO", "BOL", "591", "0", 8, 8, ["bolivia", "玻利维亚"]),
    ("PY", "PRY", "595", "0", 7, 9, ["paraguay", "巴拉圭"]),
    ("CR", "CRI", "506", "", 8, 8, ["costa rica", "哥斯达黎加"]),
    ("PA", "PAN", "507", "", 7, 8, ["panama", "panamá", "巴拿马"]),
    (
        "DO",
        "DOM",
        "1",
        "1",
        10,
        10,
        ["dominican republic", "república dominicana", "多米尼加"]
    ),
    ("GT", "GTM", "502", "", 8, 8, ["guatemala", "危地马拉"]),
];

/// The country of an ISO 3166-1 alpha-2 code (any case; `UK` for `GB`).
pub(crate) fn country_by_code(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    let code = if code.eq_ignore_ascii_case("uk") { "GB" } else { code };
    COUNTRIES.iter().find(|c| c.iso2.eq_ignore_ascii_case(code))
}

/// The country a cell names: an alpha-2 or alpha-3 code, or a name in
/// English, a local language or Chinese (any case).
pub(crate) fn country_of(cell: &str) -> Option<&'static Country> {
    let cell = cell.trim();
    if let Some(country) = country_by_code(cell) {
        return Some(country);
    }
    let lower = cell.to_lowercase();
    COUNTRIES
        .iter()
        .find(|c| c.iso3.eq_ignore_ascii_case(cell) || c.names.contains(&lower.as_str()))
}

/// Every country's alpha-2 code and calling code, in table order (the
/// export's country choice).
pub fn country_codes() -> impl Iterator<Item = (&'static str, &'static str)> {
    COUNTRIES.iter().map(|c| (c.iso2, c.calling))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_find_the_country() {
        for cell in ["CN", "cn", "CHN", "China", "中国", " 中国 "] {
            assert_eq!(country_of(cell).map(|c| c.iso2), Some("CN"), "{cell}");
        }
        assert_eq!(country_of("UK").map(|c| c.iso2), Some("GB"));
        assert_eq!(country_of("Brasil").map(|c| c.calling), Some("55"));
        assert_eq!(country_of("Atlantis"), None);
    }

    #[test]
    fn the_table_is_consistent() {
        for (n, c) in COUNTRIES.iter().enumerate() {
            assert!(c.iso2.len() == 2 && c.iso3.len() == 3, "{c:?}");
            assert!(c.calling.bytes().all(|b| b.is_ascii_digit()) && (1..=3).contains(&c.calling.len()));
            assert!(c.min_digits <= c.max_digits && c.calling.len() + usize::from(c.max_digits) <= 15);
            assert!(COUNTRIES[n + 1..].iter().all(|o| o.iso2 != c.iso2 && o.iso3 != c.iso3));
        }
    }
}
