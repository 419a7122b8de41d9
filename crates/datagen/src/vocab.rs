//! Bilingual vocabulary: headers and every categorical value, English in column 0 and Chinese in
//! column 1 (see [`crate::config::Lang::index`]). All lists are written for this generator.

/// Header of orders.csv.
pub const ORDERS_HEADER: [[&str; 9]; 2] = [
    [
        "order_id",
        "customer_id",
        "order_date",
        "amount",
        "status",
        "category",
        "quantity",
        "channel",
        "currency",
    ],
    [
        "订单编号",
        "客户ID",
        "下单时间",
        "实付金额",
        "订单状态",
        "商品类目",
        "数量",
        "渠道",
        "币种",
    ],
];

/// Header of customers.csv.
pub const CUSTOMERS_HEADER: [[&str; 14]; 2] = [
    [
        "customer_id",
        "name",
        "email",
        "phone",
        "signup_date",
        "source",
        "gender",
        "birth_date",
        "income",
        "occupation",
        "province",
        "city",
        "member_level",
        "points",
    ],
    [
        "客户ID",
        "姓名",
        "邮箱",
        "手机号",
        "注册日期",
        "来源渠道",
        "性别",
        "出生日期",
        "年收入",
        "职业",
        "省份",
        "城市",
        "会员等级",
        "积分",
    ],
];

/// Header of events.csv.
pub const EVENTS_HEADER: [[&str; 4]; 2] = [
    ["customer_id", "timestamp", "event_type", "category"],
    ["客户ID", "时间", "事件类型", "类目"],
];

/// Order statuses; the first two are paid-equivalent.
pub const STATUS: [[&str; 2]; 5] = [
    ["paid", "已付款"],
    ["completed", "交易成功"],
    ["refunded", "已退款"],
    ["returned", "退货退款"],
    ["cancelled", "已取消"],
];

/// Product categories.
pub const CATEGORY: [[&str; 2]; 8] = [
    ["apparel", "服装"],
    ["beauty", "美妆"],
    ["electronics", "数码"],
    ["home", "家居"],
    ["food", "食品"],
    ["sports", "运动"],
    ["books", "图书"],
    ["toys", "玩具"],
];

/// Acquisition sources.
pub const SOURCE: [[&str; 2]; 7] = [
    ["organic search", "自然搜索"],
    ["paid search", "付费搜索"],
    ["social media", "社交媒体"],
    ["referral", "老客推荐"],
    ["email", "邮件营销"],
    ["offline event", "线下活动"],
    ["marketplace", "电商平台"],
];

/// Sales channels.
pub const CHANNEL: [[&str; 2]; 4] = [["web", "官网"], ["app", "APP"], ["wechat", "小程序"], ["store", "门店"]];

/// Genders (a third, unknown gender is written as a blank).
pub const GENDER: [[&str; 2]; 2] = [["female", "女"], ["male", "男"]];

/// Occupations; index 0 is student and the last is retired.
pub const OCCUPATION: [[&str; 2]; 12] = [
    ["student", "学生"],
    ["engineer", "工程师"],
    ["teacher", "教师"],
    ["doctor", "医生"],
    ["nurse", "护士"],
    ["sales", "销售"],
    ["designer", "设计师"],
    ["civil servant", "公务员"],
    ["self-employed", "个体经营"],
    ["office clerk", "职员"],
    ["freelancer", "自由职业"],
    ["retired", "退休"],
];

/// Event types, in the order of [`crate::events::Kind`].
pub const EVENT_TYPE: [[&str; 2]; 13] = [
    ["page_view", "浏览"],
    ["product_view", "商品浏览"],
    ["like", "点赞"],
    ["comment", "评论"],
    ["share", "分享"],
    ["add_to_cart", "加购"],
    ["compare", "对比"],
    ["trial", "试用"],
    ["inquiry", "咨询"],
    ["checkout_started", "发起结算"],
    ["coupon_claimed", "领券"],
    ["service_request", "客服请求"],
    ["return_request", "退货申请"],
];

/// Membership levels, lowest first.
pub const MEMBER_LEVEL: [[&str; 2]; 4] = [
    ["Bronze", "青铜会员"],
    ["Silver", "白银会员"],
    ["Gold", "黄金会员"],
    ["Diamond", "钻石会员"],
];

/// Currency codes; 0 is the Chinese default, 1 the English one, the rest appear only in dirty data.
pub const CURRENCY: [&str; 6] = ["CNY", "USD", "EUR", "HKD", "GBP", "CAD"];

/// A city with its province and its share of customers.
pub struct City {
    /// Province name (English, Chinese).
    pub province: [&'static str; 2],
    /// City name (English, Chinese).
    pub city: [&'static str; 2],
    /// Relative share of customers.
    pub weight: f64,
}

const fn city(pe: &'static str, pz: &'static str, ce: &'static str, cz: &'static str, weight: f64) -> City {
    City {
        province: [pe, pz],
        city: [ce, cz],
        weight,
    }
}

/// Cities customers live in.
pub const CITIES: [City; 24] = [
    city("Guangdong", "广东", "Guangzhou", "广州", 6.0),
    city("Guangdong", "广东", "Shenzhen", "深圳", 6.5),
    city("Guangdong", "广东", "Dongguan", "东莞", 2.5),
    city("Zhejiang", "浙江", "Hangzhou", "杭州", 5.0),
    city("Zhejiang", "浙江", "Ningbo", "宁波", 2.5),
    city("Jiangsu", "江苏", "Nanjing", "南京", 3.5),
    city("Jiangsu", "江苏", "Suzhou", "苏州", 3.5),
    city("Shanghai", "上海", "Shanghai", "上海", 7.0),
    city("Beijing", "北京", "Beijing", "北京", 6.5),
    city("Tianjin", "天津", "Tianjin", "天津", 2.0),
    city("Chongqing", "重庆", "Chongqing", "重庆", 3.0),
    city("Sichuan", "四川", "Chengdu", "成都", 4.5),
    city("Hubei", "湖北", "Wuhan", "武汉", 3.5),
    city("Hunan", "湖南", "Changsha", "长沙", 2.5),
    city("Shandong", "山东", "Jinan", "济南", 2.0),
    city("Shandong", "山东", "Qingdao", "青岛", 2.5),
    city("Fujian", "福建", "Xiamen", "厦门", 2.0),
    city("Fujian", "福建", "Fuzhou", "福州", 1.5),
    city("Henan", "河南", "Zhengzhou", "郑州", 2.5),
    city("Shaanxi", "陕西", "Xi'an", "西安", 2.5),
    city("Liaoning", "辽宁", "Shenyang", "沈阳", 1.5),
    city("Liaoning", "辽宁", "Dalian", "大连", 1.5),
    city("Anhui", "安徽", "Hefei", "合肥", 2.0),
    city("Yunnan", "云南", "Kunming", "昆明", 1.5),
];

/// English given names for women.
pub const FIRST_NAMES_FEMALE: [&str; 20] = [
    "Emma", "Olivia", "Ava", "Sophia", "Mia", "Amelia", "Lily", "Grace", "Chloe", "Zoe", "Hannah", "Nora", "Ella",
    "Lucy", "Anna", "Ruby", "Iris", "Clara", "Maya", "Julia",
];

/// English given names for men.
pub const FIRST_NAMES_MALE: [&str; 20] = [
    "Liam", "Noah", "Oliver", "Ethan", "Lucas", "Mason", "Leo", "Jack", "Henry", "Owen", "Daniel", "Samuel", "David",
    "Ryan", "Adam", "Kevin", "Tom", "Max", "Ben", "Alex",
];

/// English family names.
pub const LAST_NAMES: [&str; 30] = [
    "Smith", "Brown", "Taylor", "Miller", "Wilson", "Moore", "Clark", "Lewis", "Walker", "Hall", "Young", "King",
    "Wright", "Green", "Baker", "Adams", "Carter", "Turner", "Parker", "Evans", "Collins", "Morris", "Cook", "Chen",
    "Wang", "Li", "Zhang", "Liu", "Lin", "Zhou",
];

/// Chinese family names with their pinyin.
pub const SURNAMES_ZH: [(&str, &str); 30] = [
    ("王", "wang"),
    ("李", "li"),
    ("张", "zhang"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("黄", "huang"),
    ("赵", "zhao"),
    ("吴", "wu"),
    ("周", "zhou"),
    ("徐", "xu"),
    ("孙", "sun"),
    ("马", "ma"),
    ("朱", "zhu"),
    ("胡", "hu"),
    ("郭", "guo"),
    ("何", "he"),
    ("高", "gao"),
    ("林", "lin"),
    ("罗", "luo"),
    ("郑", "zheng"),
    ("梁", "liang"),
    ("谢", "xie"),
    ("宋", "song"),
    ("唐", "tang"),
    ("韩", "han"),
    ("冯", "feng"),
    ("邓", "deng"),
    ("曹", "cao"),
    ("彭", "peng"),
];

/// Chinese given-name characters more common for women, with pinyin.
pub const GIVEN_ZH_FEMALE: [(&str, &str); 20] = [
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("艳", "yan"),
    ("娟", "juan"),
    ("秀", "xiu"),
    ("霞", "xia"),
    ("玲", "ling"),
    ("丹", "dan"),
    ("萍", "ping"),
    ("欣", "xin"),
    ("怡", "yi"),
    ("婷", "ting"),
    ("雪", "xue"),
    ("琳", "lin"),
    ("晨", "chen"),
    ("佳", "jia"),
    ("慧", "hui"),
];

/// Chinese given-name characters more common for men, with pinyin.
pub const GIVEN_ZH_MALE: [(&str, &str); 20] = [
    ("伟", "wei"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("杰", "jie"),
    ("涛", "tao"),
    ("明", "ming"),
    ("超", "chao"),
    ("刚", "gang"),
    ("鹏", "peng"),
    ("辉", "hui"),
    ("宇", "yu"),
    ("浩", "hao"),
    ("博", "bo"),
    ("文", "wen"),
    ("嘉", "jia"),
    ("斌", "bin"),
    ("建", "jian"),
];

/// Mobile number prefixes.
pub const PHONE_PREFIXES: [&str; 12] = [
    "138", "139", "135", "136", "137", "150", "151", "158", "186", "187", "177", "199",
];

/// Mail domains (reserved example domains only).
pub const MAIL_DOMAINS: [&str; 3] = ["example.com", "example.net", "example.org"];

/// Unparseable order dates injected by `--dirty`.
pub const BAD_DATES: [[&str; 2]; 5] = [
    ["2024-13-45", "2024-13-45"],
    ["n/a", "n/a"],
    ["2023-02-30 10:15:00", "2023-02-30 10:15:00"],
    ["0000-00-00", "0000-00-00"],
    ["unknown", "未知"],
];

/// Unparseable amounts injected by `--dirty`, with a dot decimal separator.
pub const BAD_AMOUNTS: [&str; 4] = ["abc", "12..5", "#VALUE!", "1O5.00"];

/// Unparseable amounts injected by `--dirty`, with a comma decimal separator.
pub const BAD_AMOUNTS_DECIMAL_COMMA: [&str; 4] = ["abc", "12,,5", "#VALUE!", "1O5,00"];

/// Product text of the multi-line category fields injected by `--dirty`: after the category and
/// the delimiter, then after the line break.
pub const GIFT_TEXT: [[&str; 2]; 2] = [[" gift box", "礼盒装"], ["limited edition", "限量版"]];
