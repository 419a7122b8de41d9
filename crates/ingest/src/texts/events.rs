//! Event kinds as the import names them.

use segscope_i18n::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("role.gender", "Gender", "性别"),
    ("role.birth_date", "Birth date", "出生日期"),
    ("role.age", "Age", "年龄"),
    ("role.income", "Income", "收入"),
    ("role.occupation", "Occupation", "职业"),
    ("role.region", "Province / state", "省份/地区"),
    ("role.city", "City", "城市"),
    ("role.country", "Country", "国家"),
];
