//! The platform that wrote an export, recognised by headers only it writes
//! together; named in the file's sentence (docs/ingest/roles.md#platform).

use crate::schema::normalise_header;
use serde::{Deserialize, Serialize};

/// A platform or tool whose exports are recognised by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Platform {
    /// Shopify (orders or customers export).
    Shopify,
    /// WooCommerce (core export or an order-export plugin).
    WooCommerce,
    /// Magento 2 / Adobe Commerce.
    Magento,
    /// BigCommerce.
    BigCommerce,
    /// Square.
    Square,
    /// Stripe.
    Stripe,
    /// Tiendanube / Nuvemshop.
    Tiendanube,
    /// Mercado Libre.
    MercadoLibre,
    /// Olist (the public multi-table layout).
    Olist,
    /// 淘宝/天猫.
    Taobao,
    /// 京东.
    Jd,
    /// 有赞.
    Youzan,
    /// 拼多多.
    Pinduoduo,
    /// 抖音小店.
    Douyin,
    /// UCI Online Retail I or II.
    UciOnlineRetail,
    /// Qualtrics.
    Qualtrics,
    /// SurveyMonkey.
    SurveyMonkey,
    /// Google Forms.
    GoogleForms,
    /// 问卷星.
    Wenjuanxing,
    /// 腾讯问卷.
    TencentSurvey,
}

/// Each platform with sets of normalised headers; all of one set present
/// names the platform.
const SIGNATURES: &[(Platform, &[&[&str]])] = &[
    (
        Platform::Shopify,
        &[
            &["financialstatus", "lineitemname"],
            &["acceptsemailmarketing", "totalspent"],
            &["acceptsmarketing", "totalspent"],
        ],
    ),
    (
        Platform::WooCommerce,
        &[
            &["firstnamebilling", "ordernumber"],
            &["billingemail", "ordertotal"],
            &["billingfirstname", "ordertotal"],
        ],
    ),
    (
        Platform::Magento,
        &[
            &["purchasepoint", "grandtotalpurchased"],
            &["billtoname", "grandtotalbase"],
        ],
    ),
    (
        Platform::BigCommerce,
        &[
            &["ordertotalinctax", "customeremail"],
            &["ordertotalincltax", "customeremail"],
        ],
    ),
    (
        Platform::Square,
        &[&["transactionid", "grosssales"], &["paymentid", "grosssales"]],
    ),
    (
        Platform::Stripe,
        &[
            &["amountrefunded", "customeremail", "statementdescriptor"],
            &["createdutc", "amountrefunded"],
        ],
    ),
    (
        Platform::Olist,
        &[
            &["orderpurchasetimestamp"],
            &["customeruniqueid"],
            &["paymentsequential"],
            &["orderitemid", "freightvalue"],
        ],
    ),
    (
        Platform::Taobao,
        &[&["买家会员名", "订单编号"], &["买家实际支付金额", "宝贝标题"]],
    ),
    (Platform::Youzan, &[&["粉丝昵称", "订单实付金额"]]),
    (Platform::Pinduoduo, &[&["用户实付金额元"], &["商家实收金额元"]]),
    (Platform::Douyin, &[&["主订单编号", "子订单编号"]]),
    (Platform::Jd, &[&["订购数量", "应付金额"], &["下单帐号"]]),
    (
        Platform::UciOnlineRetail,
        &[&["invoiceno", "stockcode"], &["invoice", "stockcode", "price"]],
    ),
    (Platform::Qualtrics, &[&["responseid", "recordeddate"]]),
    (Platform::SurveyMonkey, &[&["respondentid", "collectorid"]]),
    (Platform::Wenjuanxing, &[&["提交答卷时间"]]),
    (Platform::TencentSurvey, &[&["开始答题时间"]]),
    (
        Platform::Tiendanube,
        &[
            &["númerodeorden", "estadodelpago"],
            &["númerodopedido", "statusdopagamento"],
        ],
    ),
    (Platform::MercadoLibre, &[&["#deventa"], &["fechadeventa", "unidades"]]),
];

impl Platform {
    /// The platform whose signature headers `headers` hold, if any.
    pub fn recognise(headers: &[String]) -> Option<Platform> {
        let normalised: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
        if normalised.first().is_some_and(|h| h == "timestamp") && headers.len() >= 3 {
            let questions = headers.iter().filter(|h| h.trim_end().ends_with('?')).count();
            if questions > 0 {
                return Some(Platform::GoogleForms);
            }
        }
        SIGNATURES
            .iter()
            .find(|(_, sets)| {
                sets.iter()
                    .any(|set| set.iter().all(|s| normalised.iter().any(|h| h == s)))
            })
            .map(|(platform, _)| *platform)
    }

    /// The i18n key of the platform's name.
    pub fn i18n_key(self) -> &'static str {
        match self {
            Platform::Shopify => "platform.shopify",
            Platform::WooCommerce => "platform.woocommerce",
            Platform::Magento => "platform.magento",
            Platform::BigCommerce => "platform.bigcommerce",
            Platform::Square => "platform.square",
            Platform::Stripe => "platform.stripe",
            Platform::Tiendanube => "platform.tiendanube",
            Platform::MercadoLibre => "platform.mercadolibre",
            Platform::Olist => "platform.olist",
            Platform::Taobao => "platform.taobao",
            Platform::Jd => "platform.jd",
            Platform::Youzan => "platform.youzan",
            Platform::Pinduoduo => "platform.pinduoduo",
            Platform::Douyin => "platform.douyin",
            Platform::UciOnlineRetail => "platform.uci",
            Platform::Qualtrics => "platform.qualtrics",
            Platform::SurveyMonkey => "platform.surveymonkey",
            Platform::GoogleForms => "platform.google_forms",
            Platform::Wenjuanxing => "platform.wenjuanxing",
            Platform::TencentSurvey => "platform.tencent_survey",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(hs: &[&str]) -> Vec<String> {
        hs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn platforms_by_their_headers() {
        let shopify = headers(&["Name", "Email", "Financial Status", "Lineitem name", "Total"]);
        assert_eq!(Platform::recognise(&shopify), Some(Platform::Shopify));
        let uci = headers(&[
            "InvoiceNo",
            "StockCode",
            "Description",
            "Quantity",
            "InvoiceDate",
            "UnitPrice",
            "CustomerID",
            "Country",
        ]);
        assert_eq!(Platform::recognise(&uci), Some(Platform::UciOnlineRetail));
        assert_eq!(Platform::recognise(&headers(&["order_id", "amount"])), None);
    }
}
