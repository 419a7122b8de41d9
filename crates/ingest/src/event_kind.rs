//! Event type words, in English and Chinese, sorted into [`EventKind`]s
//! (docs/product.md#inputs: view, product view, like, comment, share, add to cart, compare,
//! trial, inquiry, checkout, coupon, service request, return request …).

use segscope_model::EventKind;

/// Whole names (normalised: lowercase, without spaces, `_`, `-`, `.`), as the
/// common trackers and Chinese platforms write them.
const EXACT: &[(&str, EventKind)] = &[
    ("pageview", EventKind::PageView),
    ("view", EventKind::PageView),
    ("visit", EventKind::PageView),
    ("sessionstart", EventKind::PageView),
    ("login", EventKind::PageView),
    ("signin", EventKind::PageView),
    ("open", EventKind::PageView),
    ("appopen", EventKind::PageView),
    ("impression", EventKind::PageView),
    ("read", EventKind::PageView),
    ("浏览", EventKind::PageView),
    ("访问", EventKind::PageView),
    ("登录", EventKind::PageView),
    ("曝光", EventKind::PageView),
    ("阅读", EventKind::PageView),
    ("productview", EventKind::ProductView),
    ("viewitem", EventKind::ProductView),
    ("viewproduct", EventKind::ProductView),
    ("itemview", EventKind::ProductView),
    ("productdetail", EventKind::ProductView),
    ("商品浏览", EventKind::ProductView),
    ("浏览商品", EventKind::ProductView),
    ("查看商品", EventKind::ProductView),
    ("商品详情", EventKind::ProductView),
    ("like", EventKind::Like),
    ("favorite", EventKind::Like),
    ("favourite", EventKind::Like),
    ("collect", EventKind::Like),
    ("wishlist", EventKind::Like),
    ("addtowishlist", EventKind::Like),
    ("点赞", EventKind::Like),
    ("收藏", EventKind::Like),
    ("喜欢", EventKind::Like),
    ("comment", EventKind::Comment),
    ("review", EventKind::Comment),
    ("reply", EventKind::Comment),
    ("post", EventKind::Comment),
    ("评论", EventKind::Comment),
    ("评价", EventKind::Comment),
    ("留言", EventKind::Comment),
    ("回复", EventKind::Comment),
    ("share", EventKind::Share),
    ("forward", EventKind::Share),
    ("refer", EventKind::Share),
    ("分享", EventKind::Share),
    ("转发", EventKind::Share),
    ("addtocart", EventKind::AddToCart),
    ("addcart", EventKind::AddToCart),
    ("cartadd", EventKind::AddToCart),
    ("加购", EventKind::AddToCart),
    ("加入购物车", EventKind::AddToCart),
    ("加购物车", EventKind::AddToCart),
    ("compare", EventKind::Compare),
    ("对比", EventKind::Compare),
    ("比较", EventKind::Compare),
    ("比价", EventKind::Compare),
    ("trial", EventKind::Trial),
    ("freetrial", EventKind::Trial),
    ("sample", EventKind::Trial),
    ("try", EventKind::Trial),
    ("demo", EventKind::Trial),
    ("试用", EventKind::Trial),
    ("申领试用", EventKind::Trial),
    ("试穿", EventKind::Trial),
    ("试吃", EventKind::Trial),
    ("样品", EventKind::Trial),
    ("inquiry", EventKind::Inquiry),
    ("enquiry", EventKind::Inquiry),
    ("question", EventKind::Inquiry),
    ("consult", EventKind::Inquiry),
    ("consultation", EventKind::Inquiry),
    ("chat", EventKind::Inquiry),
    ("contactsales", EventKind::Inquiry),
    ("咨询", EventKind::Inquiry),
    ("询价", EventKind::Inquiry),
    ("提问", EventKind::Inquiry),
    ("checkout", EventKind::CheckoutStarted),
    ("checkoutstarted", EventKind::CheckoutStarted),
    ("begincheckout", EventKind::CheckoutStarted),
    ("initiatecheckout", EventKind::CheckoutStarted),
    ("发起结算", EventKind::CheckoutStarted),
    ("结算", EventKind::CheckoutStarted),
    ("提交订单", EventKind::CheckoutStarted),
    ("下单", EventKind::CheckoutStarted),
    ("coupon", EventKind::CouponClaimed),
    ("couponclaimed", EventKind::CouponClaimed),
    ("claimcoupon", EventKind::CouponClaimed),
    ("领券", EventKind::CouponClaimed),
    ("领取优惠券", EventKind::CouponClaimed),
    ("优惠券", EventKind::CouponClaimed),
    ("servicerequest", EventKind::ServiceRequest),
    ("support", EventKind::ServiceRequest),
    ("ticket", EventKind::ServiceRequest),
    ("complaint", EventKind::ServiceRequest),
    ("客服", EventKind::ServiceRequest),
    ("客服请求", EventKind::ServiceRequest),
    ("投诉", EventKind::ServiceRequest),
    ("returnrequest", EventKind::ReturnRequest),
    ("return", EventKind::ReturnRequest),
    ("refundrequest", EventKind::ReturnRequest),
    ("退货", EventKind::ReturnRequest),
    ("退货申请", EventKind::ReturnRequest),
    ("退款申请", EventKind::ReturnRequest),
    ("售后", EventKind::ReturnRequest),
    ("purchase", EventKind::Purchase),
    ("order", EventKind::Purchase),
    ("pay", EventKind::Purchase),
    ("payment", EventKind::Purchase),
    ("购买", EventKind::Purchase),
    ("支付", EventKind::Purchase),
    ("付款", EventKind::Purchase),
];

/// Parts of longer names, tried in this order when no whole name matched
/// (`add_item_to_cart`, `view_product_page`, `coupon_received`, 商品详情页浏览 …).
const CONTAINS: &[(&str, EventKind)] = &[
    ("return", EventKind::ReturnRequest),
    ("refund", EventKind::ReturnRequest),
    ("退", EventKind::ReturnRequest),
    ("cart", EventKind::AddToCart),
    ("购物车", EventKind::AddToCart),
    ("checkout", EventKind::CheckoutStarted),
    ("结算", EventKind::CheckoutStarted),
    ("coupon", EventKind::CouponClaimed),
    ("voucher", EventKind::CouponClaimed),
    ("券", EventKind::CouponClaimed),
    ("compar", EventKind::Compare),
    ("对比", EventKind::Compare),
    ("trial", EventKind::Trial),
    ("试用", EventKind::Trial),
    ("inquir", EventKind::Inquiry),
    ("enquir", EventKind::Inquiry),
    ("咨询", EventKind::Inquiry),
    ("service", EventKind::ServiceRequest),
    ("support", EventKind::ServiceRequest),
    ("客服", EventKind::ServiceRequest),
    ("share", EventKind::Share),
    ("分享", EventKind::Share),
    ("comment", EventKind::Comment),
    ("review", EventKind::Comment),
    ("评论", EventKind::Comment),
    ("评价", EventKind::Comment),
    ("like", EventKind::Like),
    ("favo", EventKind::Like),
    ("wish", EventKind::Like),
    ("收藏", EventKind::Like),
    ("purchase", EventKind::Purchase),
    ("paid", EventKind::Purchase),
    ("支付", EventKind::Purchase),
    ("product", EventKind::ProductView),
    ("item", EventKind::ProductView),
    ("商品", EventKind::ProductView),
    ("view", EventKind::PageView),
    ("visit", EventKind::PageView),
    ("浏览", EventKind::PageView),
    ("访问", EventKind::PageView),
];

/// Classifies an event type cell; unknown words are [`EventKind::Other`].
pub fn classify_event(raw: &[u8]) -> EventKind {
    let text: String = String::from_utf8_lossy(raw)
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.' | ':' | '/'))
        .flat_map(char::to_lowercase)
        .collect();
    if let Some((_, kind)) = EXACT.iter().find(|(word, _)| *word == text) {
        return *kind;
    }
    CONTAINS
        .iter()
        .find(|(part, _)| text.contains(part))
        .map_or(EventKind::Other, |(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_and_tracker_names_are_classified() {
        let cases: &[(&str, EventKind)] = &[
            ("page_view", EventKind::PageView),
            ("product_view", EventKind::ProductView),
            ("view_item", EventKind::ProductView),
            ("Add To Cart", EventKind::AddToCart),
            ("add_item_to_cart", EventKind::AddToCart),
            ("begin_checkout", EventKind::CheckoutStarted),
            ("coupon_claimed", EventKind::CouponClaimed),
            ("return_request", EventKind::ReturnRequest),
            ("商品浏览", EventKind::ProductView),
            ("加购", EventKind::AddToCart),
            ("发起结算", EventKind::CheckoutStarted),
            ("领券", EventKind::CouponClaimed),
            ("客服请求", EventKind::ServiceRequest),
            ("退货申请", EventKind::ReturnRequest),
            ("商品详情页浏览", EventKind::ProductView),
            ("newsletter_signup", EventKind::Other),
            ("", EventKind::Other),
        ];
        for (raw, kind) in cases {
            assert_eq!(classify_event(raw.as_bytes()), *kind, "{raw}");
        }
    }

    #[test]
    fn invalid_utf8_is_other_not_a_panic() {
        assert_eq!(classify_event(&[0xff, 0xfe, 0x00]), EventKind::Other);
    }
}
