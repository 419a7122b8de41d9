//! Texts of the survey page.

use super::Entry;

/// Entries of this area: (key, English, Chinese).
pub(super) const ENTRIES: &[Entry] = &[
    ("survey.empty", "No survey read. Drop a survey export (Qualtrics, SurveyMonkey, Google Forms, 问卷星 or 腾讯问卷) together with your orders to see NPS and satisfaction by segment.", "尚未读取问卷。请把问卷导出(Qualtrics、SurveyMonkey、Google 表单、问卷星或腾讯问卷)和订单一起拖入,即可按分群查看 NPS 与满意度。"),
    ("survey.dimension", "Split by", "拆分方式"),
    ("survey.several", "Several surveys read: choose one.", "已读取多份问卷:请选择一份。"),
    ("survey.headline", "{file}: {responses} responses, {linked} linked to {respondents} customers; {unlinked} not linked to any customer, counted only among everyone who answered.", "{file}:共 {responses} 份答卷,其中 {linked} 份关联到 {respondents} 位客户;{unlinked} 份未关联到客户,只计入全部答卷。"),
    ("survey.nps_overall", "NPS {value} (95 % interval {low} to {high}) from {n} answers.", "NPS 为 {value}(95% 区间 {low} 至 {high}),基于 {n} 份答卷。"),
    ("survey.csat_overall", "Satisfied (top two boxes): {value} % (95 % interval {low} to {high} %) from {n} answers.", "满意(最高两档):{value}%(95% 区间 {low}% 至 {high}%),基于 {n} 份答卷。"),
    ("survey.table_help", "Customers: all in the group; who answered: those among them who answered the NPS question (else the satisfaction one), as a share of the group. Groups under 30 answers are flagged, under 10 greyed: read them with care.", "客户数:该组全部客户;答卷客户:其中回答了 NPS 题(没有时为满意度题)的客户及其占比。答卷少于 30 份的组会标注,少于 10 份的组以灰色显示:请谨慎解读。"),
    ("survey.group", "Group", "分组"),
    ("survey.show_detractors", "Detractors", "贬损者名单"),
    ("survey.respondents", "Who answered", "答卷客户"),
    ("survey.response_rate", "Response rate", "回复率"),
    ("survey.answers_head", "Answers", "答卷数"),
    ("survey.interval", "95 % interval", "95% 区间"),
    ("survey.nps_answers", "NPS answers", "NPS 答卷"),
    ("survey.csat_answers", "CSAT answers", "CSAT 答卷"),
    ("survey.questions", "Questions as read", "识别出的题目"),
    ("survey.question", "Question", "题目"),
    ("survey.kind", "Kind", "题型"),
    ("qkind.nps", "NPS (0–10)", "NPS(0–10)"),
    ("qkind.rating", "Rating", "评分"),
    ("qkind.single_choice", "Single choice", "单选"),
    ("qkind.multi_choice", "Multiple choice", "多选"),
    ("qkind.free_text", "Free text", "开放题"),
];
