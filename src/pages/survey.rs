//! The survey page (docs/product.md#surveys-and-feedback): for each survey
//! export, who answered, and NPS and CSAT by value tier, RFM segment or
//! lifecycle stage with their 95 % intervals; small groups flagged, the
//! smallest greyed; the psychographic classes of the answers.

use crate::components::chart_card::ChartCard;
use crate::components::enum_select::{stable_id, EnumSelect};
use crate::components::psycho_classes::PsychoClasses;
use crate::components::show_list::ShowListButton;
use crate::components::survey_questions::kind_key;
use crate::components::survey_waves::SurveyWaves;
use crate::state::use_app;
use leptos::prelude::*;
use segscope_engine::explore::CustomerQuery;
use segscope_engine::names::survey_group_name;
use segscope_engine::survey::{GroupScore, GroupSize, NpsGroup, Score, SurveyDimension, SurveyGroup, SurveyStats};
use segscope_i18n::Lang;
use segscope_model::format as number;
use segscope_report::{survey_scores, SurveyScore};

/// The survey page.
#[component]
pub fn SurveyPage() -> impl IntoView {
    let state = use_app();
    let dimension = RwSignal::new(SurveyDimension::Tier);
    // The survey in view: the one picked, else the first that is not a review file.
    let picked = RwSignal::new(None::<usize>);
    let chosen = Signal::derive(move || {
        picked
            .get()
            .or_else(|| state.summary.with(|s| s.as_ref().and_then(|s| s.main_survey())))
            .unwrap_or(0)
    });
    let has_surveys = move || {
        state
            .summary
            .with(|s| s.as_ref().is_some_and(|s| !s.surveys.is_empty()))
    };
    let survey_count = move || state.summary.with(|s| s.as_ref().map_or(0, |s| s.surveys.len()));
    let picker = move || {
        let files: Vec<String> = state.summary.with(|s| {
            s.as_ref()
                .map(|s| s.surveys.iter().map(|v| v.file.clone()).collect())
                .unwrap_or_default()
        });
        (files.len() > 1).then(|| {
            let options = files
                .into_iter()
                .enumerate()
                .map(|(i, file)| view! { <option value=i.to_string() selected=move || chosen.get() == i>{file}</option> })
                .collect_view();
            view! {
                <select data-testid="survey-file"
                    on:change=move |ev| picked.set(event_target_value(&ev).parse().ok())>{options}</select>
            }
        })
    };
    let with_survey = move |f: &dyn Fn(&SurveyStats, Lang) -> String| {
        let lang = state.lang.get();
        state.summary.with(|s| {
            s.as_ref()
                .and_then(|s| s.surveys.get(chosen.get().min(s.surveys.len().saturating_sub(1))))
                .map(|v| f(v, lang))
        })
    };
    let headline = move || with_survey(&|v, lang| headline(v, lang));
    let nps_overall = move || {
        with_survey(&|v, lang| {
            v.nps
                .as_ref()
                .map(|t| overall(&t.overall.score, "survey.nps_overall", lang))
                .unwrap_or_default()
        })
    };
    let csat_overall = move || {
        with_survey(&|v, lang| {
            v.csat
                .as_ref()
                .map(|t| overall(&t.overall.score, "survey.csat_overall", lang))
                .unwrap_or_default()
        })
    };
    // A chart only for a score the survey asks.
    let has_score = move |score: SurveyScore| {
        state.summary.with(|s| {
            let surveys = s.as_ref().map_or(&[][..], |s| &s.surveys[..]);
            surveys
                .get(chosen.get().min(surveys.len().saturating_sub(1)))
                .is_some_and(|v| match score {
                    SurveyScore::Nps => v.nps.is_some(),
                    SurveyScore::Csat => v.csat.is_some(),
                    SurveyScore::Ces => v.ces.is_some(),
                })
        })
    };
    let ces_overall = move || {
        with_survey(&|v, lang| {
            v.ces
                .as_ref()
                .map(|t| overall(&t.overall.score, "survey.ces_overall", lang))
                .unwrap_or_default()
        })
    };
    let chart = move |score: SurveyScore| {
        Memo::new(move |_| {
            let (d, i, lang) = (dimension.get(), chosen.get(), state.lang.get());
            state
                .summary
                .with(|s| s.as_ref().map(|s| survey_scores(s, i, score, d, lang)))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="page" data-testid="page-survey">
            <Show when=has_surveys fallback=move || view! {
                <p class="card muted" data-testid="survey-empty">{move || state.tr("survey.empty")}</p>
            }>
                <div class="card settings-bar">
                    {picker}
                    <label class="inline-field">
                        {move || state.tr("survey.dimension")}
                        <EnumSelect options=SurveyDimension::ALL.to_vec() current=dimension label=SurveyDimension::i18n_key
                            on_pick=Callback::new(move |d| dimension.set(d)) testid="survey-dimension"/>
                    </label>
                    <span class="muted">{move || (survey_count() > 1).then(|| state.tr("survey.several"))}</span>
                </div>
                <p class="headline" data-testid="survey-headline">{headline}</p>
                <p data-testid="nps-overall">{nps_overall}</p>
                <p data-testid="csat-overall">{csat_overall}</p>
                <p data-testid="ces-overall">{ces_overall}</p>
                <div class="grid-2">
                    <Show when=move || has_score(SurveyScore::Nps)>
                        <ChartCard testid="chart-nps" file_stem="nps-by-segment" svg=chart(SurveyScore::Nps)/>
                    </Show>
                    <Show when=move || has_score(SurveyScore::Csat)>
                        <ChartCard testid="chart-csat" file_stem="csat-by-segment" svg=chart(SurveyScore::Csat)/>
                    </Show>
                    <Show when=move || has_score(SurveyScore::Ces)>
                        <ChartCard testid="chart-ces" file_stem="ces-by-segment" svg=chart(SurveyScore::Ces)/>
                    </Show>
                </div>
                <ScoreTable dimension=dimension chosen=chosen/>
                <SurveyWaves/>
                <PsychoClasses/>
                <Questions chosen=chosen/>
            </Show>
        </div>
    }
}

/// "Customer_Satisfaction.csv (Qualtrics): 22 responses, 20 linked to 20
/// customers; 2 not linked, counted only among everyone."
fn headline(v: &SurveyStats, lang: Lang) -> String {
    let tool = if v.tool.is_empty() {
        String::new()
    } else {
        format!(" ({})", v.tool)
    };
    crate::texts::t(lang, "survey.headline")
        .replace("{file}", &format!("{}{tool}", v.file))
        .replace("{responses}", &number::count(v.responses))
        .replace("{linked}", &number::count(v.linked))
        .replace("{respondents}", &number::count(v.respondents))
        .replace("{unlinked}", &number::count(v.responses - v.linked))
}

/// "NPS 45 (95 % interval 29 to 58) from 100 answers."
fn overall(score: &Score, key: &str, lang: Lang) -> String {
    crate::texts::t(lang, key)
        .replace("{value}", &format!("{:.0}", score.value))
        .replace("{low}", &format!("{:.0}", score.low))
        .replace("{high}", &format!("{:.0}", score.high))
        .replace("{n}", &number::count(score.n))
}

/// One score's cells for a group: answers, the score, its interval.
fn score_cells(score: Option<&Score>) -> impl IntoView {
    let answers = number::count(score.map_or(0, |s| s.n));
    let value = score
        .filter(|s| s.n > 0)
        .map(|s| format!("{:.0}", s.value))
        .unwrap_or_else(|| "—".into());
    let interval = score
        .filter(|s| s.n > 0)
        .map(|s| format!("{:.0} – {:.0}", s.low, s.high))
        .unwrap_or_default();
    view! { <td class="num">{answers}</td><td class="num">{value}</td><td class="num muted">{interval}</td> }
}

/// The groups of the dimension in view: customers, who answered, NPS and
/// CSAT with intervals, a flag on small groups.
#[component]
fn ScoreTable(dimension: RwSignal<SurveyDimension>, chosen: Signal<usize>) -> impl IntoView {
    let state = use_app();
    let rows = move || {
        let lang = state.lang.get();
        let d = dimension.get();
        state.summary.with(|s| {
            let s = s.as_ref()?;
            let v = s.surveys.get(chosen.get())?;
            let nps: Vec<GroupScore> = v.nps.as_ref().map(|t| t.by(d).to_vec()).unwrap_or_default();
            let csat: Vec<GroupScore> = v.csat.as_ref().map(|t| t.by(d).to_vec()).unwrap_or_default();
            let groups = if nps.is_empty() { &csat } else { &nps };
            Some(
                groups
                    .iter()
                    .enumerate()
                    .map(|(i, g)| {
                        // The size class follows the group's first score (NPS when the survey has one).
                        let size = g.score.size;
                        let class = match size {
                            GroupSize::Enough => "",
                            GroupSize::Small => "small-group",
                            GroupSize::Tiny => "tiny-group",
                        };
                        let flag = match size {
                            GroupSize::Enough => "",
                            GroupSize::Small => state.tr("survey.small"),
                            GroupSize::Tiny => state.tr("survey.tiny"),
                        };
                        view! {
                            <tr data-testid="survey-row" data-group=group_id(g) class=class>
                                <td>{survey_group_name(g.group, &s.tiers, lang)}</td>
                                <td class="num">{number::count(g.customers)}</td>
                                <td class="num">{number::count(g.respondents)}</td>
                                <td class="num">{number::percent(g.response_rate)}</td>
                                {score_cells(nps.get(i).map(|x| &x.score))}
                                {score_cells(csat.get(i).map(|x| &x.score))}
                                <td class="muted">{flag}</td>
                                <td>{detractors_button(g, s.tiers.len(), nps.get(i))}</td>
                            </tr>
                        }
                    })
                    .collect_view(),
            )
        })
    };
    view! {
        <section class="card">
            <h3>{move || state.tr(dimension.get().i18n_key())}</h3>
            <p class="muted">{move || state.tr("survey.table_help")}</p>
            <table class="table" data-testid="survey-table">
                <thead><tr>
                    <th>{move || state.tr("survey.group")}</th>
                    <th class="num">{move || state.tr("kpi.customers")}</th>
                    <th class="num">{move || state.tr("survey.respondents")}</th>
                    <th class="num">{move || state.tr("survey.response_rate")}</th>
                    <th class="num">{move || state.tr("survey.nps_answers")}</th>
                    <th class="num">"NPS"</th>
                    <th class="num">{move || state.tr("survey.interval")}</th>
                    <th class="num">{move || state.tr("survey.csat_answers")}</th>
                    <th class="num">"CSAT %"</th>
                    <th class="num">{move || state.tr("survey.interval")}</th>
                    <th></th>
                    <th></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

/// Opens the explorer on the group's detractors (by their latest NPS answer);
/// disabled when the group has none.
fn detractors_button(group: &GroupScore, tiers: usize, nps: Option<&GroupScore>) -> impl IntoView {
    let none = nps.is_none_or(|g| g.score.bottom == 0);
    let group = group.group;
    let narrow = Callback::new(move |()| {
        let mut q = CustomerQuery {
            nps_groups: vec![NpsGroup::Detractor],
            ..CustomerQuery::default()
        };
        match group {
            SurveyGroup::All => {}
            SurveyGroup::Tier(t) => q.tiers = vec![(t + 1 < tiers).then_some(t as u32)],
            SurveyGroup::Segment(segment) => q.segments = vec![segment],
            SurveyGroup::Stage(stage) => q.lifecycle = vec![stage],
        }
        q
    });
    view! {
        <ShowListButton testid="show-detractors" narrow=narrow label_key="survey.show_detractors"
            disabled=Signal::stored(none)/>
    }
}

/// The stable id of a group in test ids: `tier-0`, `segment-champions`, `stage-active`.
fn group_id(group: &GroupScore) -> String {
    match group.group {
        SurveyGroup::All => "all".into(),
        SurveyGroup::Tier(i) => format!("tier-{i}"),
        SurveyGroup::Segment(s) => format!("segment-{}", stable_id(&s)),
        SurveyGroup::Stage(s) => format!("stage-{}", stable_id(&s)),
    }
}

/// The survey's questions as read: text, kind, answers.
#[component]
fn Questions(chosen: Signal<usize>) -> impl IntoView {
    let state = use_app();
    let rows = move || {
        state.summary.with(|s| {
            let v = s.as_ref()?.surveys.get(chosen.get())?;
            Some(
                v.questions
                    .iter()
                    .map(|q| {
                        let kind = kind_key(q.kind);
                        view! {
                            <tr data-testid="survey-question">
                                <td>{q.text.clone()}</td>
                                <td data-kind=stable_id(&q.kind)>{move || state.tr(kind)}</td>
                                <td class="num">{number::count(q.answered)}</td>
                            </tr>
                        }
                    })
                    .collect_view(),
            )
        })
    };
    view! {
        <section class="card">
            <h3>{move || state.tr("survey.questions")}</h3>
            <table class="table">
                <thead><tr>
                    <th>{move || state.tr("survey.question")}</th>
                    <th>{move || state.tr("survey.kind")}</th>
                    <th class="num">{move || state.tr("survey.answers_head")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
