//! The app's signals, provided to every component through context.

use crate::texts::t;
use leptos::prelude::*;
use segscope_engine::analyses::migration::{Migration, MigrationProblem};
use segscope_engine::briefing::Briefing;
use segscope_engine::clv::{ClvProblem, HoldoutCheck};
use segscope_engine::custom::CustomSummary;
use segscope_engine::explore::{CustomerDetail, CustomerPage, CustomerQuery};
use segscope_engine::models::ModelsSummary;
use segscope_engine::settings::Settings;
use segscope_engine::{Summary, WhatIf};
use segscope_export::{ActivationFile, ContactCoverage};
use segscope_i18n::Lang;
use segscope_ingest::{FileSchema, QualityReport};
use segscope_session::protocol::{Failure, Timings};

/// Where the app is in its flow; the names are those of `data-state` (docs/product.md#automation-hooks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Waiting for files.
    Idle,
    /// Taking a first look at files.
    Reading,
    /// The user checks the column mapping.
    Mapping,
    /// Parsing and analysing.
    Analyzing,
    /// The dashboard is up to date.
    Ready,
    /// Something failed; the message says what.
    Error,
}

impl Phase {
    /// The `data-state` attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Idle => "idle",
            Phase::Reading => "reading",
            Phase::Mapping => "mapping",
            Phase::Analyzing => "analyzing",
            Phase::Ready => "ready",
            Phase::Error => "error",
        }
    }
}

/// The dashboard's tabs, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// KPIs and the headline charts.
    Overview,
    /// Value tiers and their mix per source.
    Tiers,
    /// The R×F grid, segments and the playbook.
    Rfm,
    /// Membership levels and the what-if.
    Membership,
    /// Lifecycle stages and funnels.
    Lifecycle,
    /// Acquisition sources.
    Sources,
    /// Lead stages, lead funnels and the journey.
    Leads,
    /// Engagement levels and trend.
    Engagement,
    /// Favourite categories and browsed-but-not-bought.
    Interest,
    /// Demographic splits.
    Demographics,
    /// K-means clusters.
    Clusters,
    /// Predicted customer lifetime value.
    Clv,
    /// The user's own segments and tags.
    Segments,
    /// Segments compared at two dates.
    Migration,
    /// Repeat buying and cohorts.
    Repeat,
    /// Refunds and returns.
    AfterSales,
    /// Survey scores (NPS, CSAT) by segment.
    Survey,
    /// Written feedback and reviews by theme.
    Feedback,
    /// Every customer in a sortable, filterable table.
    Customers,
    /// Row accounting, rejections, currencies.
    Quality,
    /// Everything on one printable page.
    Report,
    /// Every analysis setting, export and import.
    Settings,
}

/// Every tab in display order (the order of [`Tab`]'s variants) with the
/// i18n key of its name, the `data-testid` of its button and the i18n key of
/// the sentence its page opens with.
const TABS: [(Tab, &str, &str, &str); 22] = [
    (Tab::Overview, "tab.overview", "tab-overview", "intro.overview"),
    (Tab::Tiers, "tab.tiers", "tab-tiers", "intro.tiers"),
    (Tab::Rfm, "tab.rfm", "tab-rfm", "intro.rfm"),
    (Tab::Membership, "tab.membership", "tab-membership", "intro.membership"),
    (Tab::Lifecycle, "tab.lifecycle", "tab-lifecycle", "intro.lifecycle"),
    (Tab::Sources, "tab.sources", "tab-sources", "intro.sources"),
    (Tab::Leads, "tab.leads", "tab-leads", "intro.leads"),
    (Tab::Engagement, "tab.engagement", "tab-engagement", "intro.engagement"),
    (Tab::Interest, "tab.interest", "tab-interest", "intro.interest"),
    (
        Tab::Demographics,
        "tab.demographics",
        "tab-demographics",
        "intro.demographics",
    ),
    (Tab::Clusters, "tab.clusters", "tab-clusters", "intro.clusters"),
    (Tab::Clv, "tab.clv", "tab-clv", "intro.clv"),
    (Tab::Segments, "tab.segments", "tab-segments", "intro.segments"),
    (Tab::Migration, "tab.migration", "tab-migration", "intro.migration"),
    (Tab::Repeat, "tab.repeat", "tab-repeat", "intro.repeat"),
    (
        Tab::AfterSales,
        "tab.after_sales",
        "tab-after-sales",
        "intro.after_sales",
    ),
    (Tab::Survey, "tab.survey", "tab-survey", "intro.survey"),
    (Tab::Feedback, "tab.feedback", "tab-feedback", "intro.feedback"),
    (Tab::Customers, "tab.customers", "tab-customers", "intro.customers"),
    (Tab::Quality, "tab.quality", "tab-quality", "intro.quality"),
    (Tab::Report, "tab.report", "tab-report", "intro.report"),
    (Tab::Settings, "tab.settings", "tab-settings", "intro.settings"),
];

// Each row sits at its variant's position, so `TABS[tab as usize]` is its row.
const _: () = {
    let mut i = 0;
    while i < TABS.len() {
        assert!(TABS[i].0 as usize == i, "TABS must list the tabs in variant order");
        i += 1;
    }
};

impl Tab {
    /// All tabs in display order.
    pub const ALL: [Tab; TABS.len()] = {
        let mut all = [Tab::Overview; TABS.len()];
        let mut i = 0;
        while i < all.len() {
            all[i] = TABS[i].0;
            i += 1;
        }
        all
    };

    /// The i18n key of the tab's name.
    pub fn i18n_key(self) -> &'static str {
        TABS[self as usize].1
    }

    /// The `data-testid` of the tab's button.
    pub fn testid(self) -> &'static str {
        TABS[self as usize].2
    }

    /// The i18n key of the sentence the tab's page opens with.
    pub fn intro_key(self) -> &'static str {
        TABS[self as usize].3
    }
}

/// All app state. Copyable handles to signals.
#[derive(Clone, Copy)]
pub struct AppState {
    /// UI language.
    pub lang: RwSignal<Lang>,
    /// Flow phase.
    pub phase: RwSignal<Phase>,
    /// Progress 0–1 of the current work.
    pub progress: RwSignal<f64>,
    /// The i18n key of the current stage's name.
    pub stage_key: RwSignal<&'static str>,
    /// The failure shown in the status bar, if any.
    pub failure: RwSignal<Option<Failure>>,
    /// Schemas of the inspected files (the mapping step edits them).
    pub schemas: RwSignal<Vec<FileSchema>>,
    /// Files that could not be inspected, with their messages.
    pub rejected_files: RwSignal<Vec<Failure>>,
    /// Latest analysis summary.
    pub summary: RwSignal<Option<Summary>>,
    /// Data-quality report of the loaded files.
    pub quality: RwSignal<Option<QualityReport>>,
    /// Timings of the last load.
    pub timings: RwSignal<Timings>,
    /// Analysis settings.
    pub settings: RwSignal<Settings>,
    /// True while the demo dataset is loading (it skips the mapping step).
    pub auto_confirm: RwSignal<bool>,
    /// The dashboard tab in view.
    pub tab: RwSignal<Tab>,
    /// Files being sniffed again (new encoding or sheet); the mapping cannot
    /// be confirmed until their new look arrives.
    pub reinspecting: RwSignal<u32>,
    /// The latest page of the customer explorer's table.
    pub customer_page: RwSignal<Option<CustomerPage>>,
    /// The membership what-if of the thresholds being edited.
    pub what_if: RwSignal<Option<WhatIf>>,
    /// The customer whose detail is open.
    pub customer_detail: RwSignal<Option<CustomerDetail>>,
    /// A selection another page asked the explorer to open with.
    pub explorer_preset: RwSignal<Option<CustomerQuery>>,
    /// The fitted models of the latest analysis (they arrive after it).
    pub models: RwSignal<Option<ModelsSummary>>,
    /// True once the models of the current analysis were asked for.
    pub models_asked: RwSignal<bool>,
    /// The latest CLV holdout check.
    pub holdout: RwSignal<Option<Result<HoldoutCheck, ClvProblem>>>,
    /// The report's first page of the current analysis, once asked for.
    pub briefing: RwSignal<Option<Briefing>>,
    /// The latest segment migration.
    pub migration: RwSignal<Option<Result<Migration, MigrationProblem>>>,
    /// Live counts of the custom segments being edited.
    pub rule_counts: RwSignal<Option<CustomSummary>>,
    /// Which contacts the loaded data holds (asked by the activation box).
    pub contacts: RwSignal<Option<ContactCoverage>>,
    /// The last list for a marketing tool: its name and counts (no bytes).
    pub activation_done: RwSignal<Option<ActivationFile>>,
    /// True once the worker has run its warm-up (`data-warm` on the status
    /// line, docs/product.md#automation-hooks).
    pub worker_warm: RwSignal<bool>,
}

impl AppState {
    /// Fresh state in `lang` with `settings`.
    pub fn new(lang: Lang, settings: Settings) -> Self {
        AppState {
            lang: RwSignal::new(lang),
            phase: RwSignal::new(Phase::Idle),
            progress: RwSignal::new(0.0),
            stage_key: RwSignal::new("status.idle"),
            failure: RwSignal::new(None),
            schemas: RwSignal::new(Vec::new()),
            rejected_files: RwSignal::new(Vec::new()),
            summary: RwSignal::new(None),
            quality: RwSignal::new(None),
            timings: RwSignal::new(Timings::default()),
            settings: RwSignal::new(settings),
            auto_confirm: RwSignal::new(false),
            tab: RwSignal::new(Tab::Overview),
            customer_page: RwSignal::new(None),
            customer_detail: RwSignal::new(None),
            what_if: RwSignal::new(None),
            reinspecting: RwSignal::new(0),
            explorer_preset: RwSignal::new(None),
            models: RwSignal::new(None),
            models_asked: RwSignal::new(false),
            holdout: RwSignal::new(None),
            migration: RwSignal::new(None),
            briefing: RwSignal::new(None),
            rule_counts: RwSignal::new(None),
            contacts: RwSignal::new(None),
            activation_done: RwSignal::new(None),
            worker_warm: RwSignal::new(false),
        }
    }

    /// The text for `key` in the current language (reactive).
    pub fn tr(&self, key: &'static str) -> &'static str {
        t(self.lang.get(), key)
    }

    /// Opens the customer explorer on the customers `query` selects.
    pub fn show_query(&self, query: CustomerQuery) {
        self.explorer_preset.set(Some(query));
        self.tab.set(Tab::Customers);
    }

    /// Shows a failure and enters the error phase.
    pub fn fail(&self, failure: Failure) {
        self.failure.set(Some(failure));
        self.phase.set(Phase::Error);
    }
}

/// The state from context (provided by the app root).
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
