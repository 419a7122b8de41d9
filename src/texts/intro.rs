//! Texts of the sentence each dashboard page opens with: what it shows and what to do next (docs/product.md#pages).

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("intro.overview", "Your customers at a glance: value tiers and RFM segments as of the date below. Open a segment's list from the RFM page to act on it.", "客户概览:截至下方日期的价值分级和 RFM 分群。要对某个分群采取行动,请在 RFM 页打开其名单。"),
    ("intro.tiers", "Buyers ranked by a weighted value score and cut into tiers; check how much revenue the top tier carries and which sources bring it.", "按加权价值得分给购买客户排序并分级;看看最高等级贡献了多少收入、来自哪些渠道。"),
    ("intro.rfm", "Buyers scored on recency, frequency and spend, grouped into segments with a suggested action each; export a segment's list to run its campaign.", "按最近购买、购买频次和消费金额给客户打分并分群,每个分群附建议动作;导出分群名单即可开展营销。"),
    ("intro.membership", "Customers placed in membership levels by points or spend; try other thresholds to see who would move before you change the programme.", "按积分或消费把客户划入会员等级;调整门槛前可先试算,看哪些客户会升降级。"),
    ("intro.lifecycle", "Where each customer is in their life with you, from prospect to churned; win back the lapsing before they are lost.", "每位客户所处的生命周期阶段,从潜在客户到已流失;在客户流失前挽回处于流失预警的客户。"),
    ("intro.sources", "Revenue and customer value by acquisition source; spend more on the sources whose customers are worth most.", "各获客渠道带来的收入和客户价值;把预算投向客户价值最高的渠道。"),
    ("intro.leads", "How far people who have not bought yet got on the way to a purchase; nudge those in the decision stage first.", "尚未购买的人在购买路径上走到了哪一步;优先推动处于决策阶段的人。"),
    ("intro.engagement", "How recently each customer interacted with you, by events or orders; re-engage the silent before they go dormant.", "按行为事件或订单看客户最近一次互动的时间;在客户进入互动停滞前重新激活互动沉默的客户。"),
    ("intro.interest", "The categories customers favour and the ones they browse without buying; target each group with its category.", "客户偏好的品类,以及浏览但未购买的品类;按品类定向触达各组客户。"),
    ("intro.demographics", "Age, gender, income, occupation and region against value tiers and lifecycle stages; see which groups your best customers come from.", "年龄、性别、收入、职业和地区与价值分级、生命周期阶段的交叉;看看最佳客户来自哪些人群。"),
    ("intro.clusters", "Groups of buyers found from their buying alone, without preset rules; compare them with the RFM segments and open a group's list.", "不设规则、仅依据购买行为找出的客户群组;可与 RFM 分群对比,并打开群组名单。"),
    ("intro.clv", "What each buyer is expected to spend over the horizon below; invest in keeping those with high predicted value.", "预测每位购买客户在下方期限内的消费;把维系投入放在预测价值高的客户身上。"),
    ("intro.segments", "Build your own segments from any metric or label with AND/OR rules; save them to filter, export and report on them.", "用 AND/OR 规则基于任意指标或标签创建自定义分群;保存后即可筛选、导出并在报告中查看。"),
    ("intro.migration", "The same scheme at two dates: who moved up, who slipped; follow up the largest moves with their lists.", "同一分群方案在两个日期的对比:谁升级了、谁下滑了;按名单跟进变化最大的客户。"),
    ("intro.repeat", "How soon and how often customers buy again, and how each monthly cohort holds up; time your repeat-purchase reminders by it.", "客户多久复购、复购几次,以及每个月度同期群的留存;据此安排复购提醒的时机。"),
    ("intro.after_sales", "Refunds and returns by segment and the customers who return most; look into the products and service behind them.", "各分群的退款退货情况和退货最多的客户;排查背后的商品和服务问题。"),
    ("intro.feedback", "What customers write, by theme: the comments of your review and survey files, their tone from the stars given with them, the themes they raise and who raises them; fix the most negative theme of your best customers first.", "客户写了什么,按主题来看:评价和问卷文件中的文字反馈、由随附星级得出的倾向、提到的主题以及是谁在提;先解决高价值客户中差评最多的主题。"),
    ("intro.survey", "What customers say, by who they are: NPS and satisfaction of each value tier, RFM segment and lifecycle stage, with the interval each figure allows; follow up the detractors among your best customers first.", "客户怎么说,按客户是谁来看:各价值分级、RFM 分群和生命周期阶段的 NPS 与满意度,以及每个数字的置信区间;优先跟进高价值客户中的贬损者。"),
    ("intro.customers", "Every customer with their labels; filter, sort, open a customer's detail, and export the list you need.", "所有客户及其标签;可筛选、排序、查看客户详情并导出所需名单。"),
    ("intro.quality", "Every row of your files accounted for: kept, rejected with the reason, or merged; fix the source when many rows are rejected.", "文件中每一行的去向:保留、因何被拒或已合并;被拒行较多时请检查源文件。"),
    ("intro.report", "A summary and every page in one printable report; print it or save it as PDF to hand over.", "一份包含摘要和各页面内容的可打印报告;打印或另存为 PDF 即可交付。"),
    ("intro.settings", "Every analysis setting with its default; changes apply at once without reading the files again, and can be exported to share.", "所有分析设置及其默认值;修改立即生效,无需重新读取文件,并可导出分享。"),
];
