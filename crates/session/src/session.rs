//! The worker's state machine without the I/O: the loaded dataset, the
//! settings in force and the current analysis with its models. Natively
//! testable; the worker only reads files and feeds it what they hold.

use crate::protocol::Failure;
use segscope_engine::analyses::migration::{migrate, Migration, MigrationProblem, MigrationRequest};
use segscope_engine::briefing::{briefing, Briefing};
use segscope_engine::clv::{holdout_check, ClvProblem, HoldoutCheck};
use segscope_engine::custom::rules::CustomSegments;
use segscope_engine::custom::CustomSummary;
use segscope_engine::explore::{CustomerDetail, CustomerPage, CustomerQuery, Explorer};
use segscope_engine::models::{Models, ModelsSummary};
use segscope_engine::plan::Recompute;
use segscope_engine::settings::{MemberLevel, Settings};
use segscope_engine::WhatIf;
use segscope_engine::{self as analyze, Analysis};
use segscope_export::{self as export, CsvWording};
use segscope_i18n::Lang;
use segscope_ingest::QualityReport;
use segscope_model::date::date_of;
use segscope_model::Dataset;
use segscope_warehouse::{Dialect, SourceTables};

/// Loaded data, the settings in force and the latest analysis.
pub struct Session {
    pub(crate) loaded: Option<(Dataset, QualityReport)>,
    analysis: Option<Analysis>,
    settings: Settings,
    explorer: Explorer,
    /// Milliseconds since some fixed point, for the timings replies carry.
    pub(crate) clock: fn() -> f64,
}

impl Session {
    /// An empty session that times its work with `clock` (milliseconds).
    pub fn new(clock: fn() -> f64) -> Self {
        Session {
            loaded: None,
            analysis: None,
            settings: Settings::default(),
            explorer: Explorer::default(),
            clock,
        }
    }

    /// Keeps newly loaded data (dropping any earlier analysis).
    pub fn load(&mut self, dataset: Dataset, quality: QualityReport) {
        self.loaded = Some((dataset, quality));
        self.analysis = None;
        self.explorer.forget();
    }

    /// Validates settings and analyses the loaded data from scratch (after a
    /// load), models to be fitted again.
    pub fn analyze(&mut self, settings: &Settings) -> Result<(&Analysis, &QualityReport), Failure> {
        settings.validate().map_err(Failure::Settings)?;
        self.relabel(settings)?;
        self.analysis().ok_or(Failure::NoData)
    }

    /// Analyses the loaded data under valid `settings`, with their custom
    /// segments, and puts them in force; no models.
    fn relabel(&mut self, settings: &Settings) -> Result<(), Failure> {
        let (dataset, _) = self.loaded.as_ref().ok_or(Failure::NoData)?;
        if !dataset.has_orders() {
            return Err(Failure::NoOrders);
        }
        let mut analysis = analyze::run(dataset, settings);
        apply_custom_segments(dataset, &mut analysis, settings);
        self.analysis = Some(analysis);
        self.settings = settings.clone();
        self.explorer.forget();
        Ok(())
    }

    /// Puts `settings` in force, recomputing only the stages they make stale
    /// ([`Recompute::between`] the settings in force and these), and says
    /// which those were. Without an analysis yet, the settings are kept for
    /// the next one; with data but no analysis, the data is analysed.
    pub fn change_settings(&mut self, settings: &Settings) -> Result<Recompute, Failure> {
        settings.validate().map_err(Failure::Settings)?;
        let plan = match (&self.loaded, &self.analysis) {
            (None, _) => Recompute::default(),
            (Some(_), None) => Recompute {
                labels: true,
                custom_segments: true,
                models: true,
            },
            (Some(_), Some(_)) => Recompute::between(&self.settings, settings),
        };
        if plan.labels {
            let models = self.analysis.take().and_then(|a| a.models).filter(|_| !plan.models);
            self.relabel(settings)?;
            if let Some(analysis) = &mut self.analysis {
                analysis.models = models;
            }
            return Ok(plan);
        }
        if let (Some((dataset, _)), Some(analysis)) = (&self.loaded, &mut self.analysis) {
            if plan.custom_segments {
                apply_custom_segments(dataset, analysis, settings);
                self.explorer.forget();
            }
            if plan.models {
                analysis.models = None;
            }
        }
        self.settings = settings.clone();
        Ok(plan)
    }

    /// The loaded dataset, if any.
    pub fn dataset(&self) -> Option<&Dataset> {
        self.loaded.as_ref().map(|(dataset, _)| dataset)
    }

    /// The current analysis and the loaded data's quality report.
    pub fn analysis(&self) -> Option<(&Analysis, &QualityReport)> {
        match (&self.loaded, &self.analysis) {
            (Some((_, quality)), Some(analysis)) => Some((analysis, quality)),
            _ => None,
        }
    }

    /// Fits the models of the current analysis unless a fit is kept (no
    /// settings change made it stale since), and summarises them.
    pub fn models(&mut self) -> Result<ModelsSummary, Failure> {
        let (Some((dataset, _)), Some(analysis)) = (&self.loaded, &mut self.analysis) else {
            return Err(Failure::NoData);
        };
        if analysis.models.is_none() {
            analysis.models = Some(Models::fit(dataset, analysis, &self.settings));
        }
        let models = analysis.models.as_ref().ok_or(Failure::NoData)?;
        Ok(models.summary(dataset, analysis))
    }

    /// Counts, warnings and problems of a draft of custom segments, on the
    /// current analysis (live counts while editing).
    pub fn rule_counts(&self, rules: &CustomSegments) -> Result<CustomSummary, Failure> {
        match (&self.loaded, &self.analysis) {
            (Some((dataset, _)), Some(analysis)) => Ok(analyze::custom::evaluate(dataset, analysis, rules).1),
            _ => Err(Failure::NoData),
        }
    }

    /// The report's first page: the segments that matter most and their trend.
    pub fn briefing(&self) -> Result<Briefing, Failure> {
        match (&self.loaded, &self.analysis) {
            (Some((dataset, _)), Some(analysis)) => Ok(briefing(
                dataset,
                &self.settings,
                date_of(analysis.as_of),
                &analysis.summary.segments,
            )),
            _ => Err(Failure::NoData),
        }
    }

    /// The same scheme compared at two as-of dates.
    pub fn migration(&self, request: &MigrationRequest) -> Result<Result<Migration, MigrationProblem>, Failure> {
        let (dataset, _) = self.loaded.as_ref().ok_or(Failure::NoData)?;
        Ok(migrate(dataset, &self.settings, request))
    }

    /// Predicted against actual repeat purchases in the last `holdout_days`,
    /// refitting on the days before them.
    pub fn holdout(&self, holdout_days: u32) -> Result<Result<HoldoutCheck, ClvProblem>, Failure> {
        match (&self.loaded, &self.analysis) {
            (Some((dataset, _)), Some(analysis)) => {
                Ok(holdout_check(dataset, analysis.as_of, holdout_days, &self.settings.clv))
            }
            _ => Err(Failure::NoData),
        }
    }

    /// The analysis JSON of the current analysis (fitting the models first).
    pub fn analysis_json(&mut self) -> Result<String, Failure> {
        self.models()?;
        match (&self.loaded, &self.analysis) {
            (Some((_, quality)), Some(analysis)) => Ok(export::analysis_json(analysis, quality, &self.settings)),
            _ => Err(Failure::NoData),
        }
    }

    /// The warehouse script computing the current labels from `source` in
    /// `dialect`, with the CLV model fitted first (docs/warehouse.md).
    pub fn warehouse_sql(&mut self, dialect: Dialect, source: &SourceTables) -> Result<String, Failure> {
        self.models()?;
        match (&self.loaded, &self.analysis) {
            (Some((dataset, _)), Some(analysis)) => {
                segscope_warehouse::script(dialect, source, dataset, analysis, &self.settings)
                    .map_err(Failure::Warehouse)
            }
            _ => Err(Failure::NoData),
        }
    }

    /// One page of the customer explorer's table.
    pub fn customers(&mut self, query: &CustomerQuery) -> Result<CustomerPage, Failure> {
        match (&self.loaded, &self.analysis) {
            (Some((dataset, _)), Some(analysis)) => Ok(self.explorer.page(dataset, analysis, query)),
            _ => Err(Failure::NoData),
        }
    }

    /// One customer's detail view; `index` comes from the page and is
    /// checked here against the customers loaded.
    pub fn customer_detail(&self, index: u32) -> Result<CustomerDetail, Failure> {
        match (&self.loaded, &self.analysis) {
            (Some((dataset, _)), Some(analysis)) => {
                let customer = dataset.customers.ix(index).ok_or(Failure::BadRequest)?;
                Ok(CustomerDetail::of(dataset, analysis, customer))
            }
            _ => Err(Failure::NoData),
        }
    }

    /// How customers would move from the levels in force to `proposed`.
    pub fn what_if(&self, proposed: &[MemberLevel]) -> Result<WhatIf, Failure> {
        let analysis = self.analysis.as_ref().ok_or(Failure::NoData)?;
        Ok(analyze::what_if(
            &analysis.points,
            &self.settings.membership.levels,
            proposed,
        ))
    }

    /// Writes the per-customer CSV of the customers `query` selects, in its
    /// order and `wording`, to `emit` in pieces (fitting the models first,
    /// for their columns).
    pub fn write_selection_csv(
        &mut self,
        query: &CustomerQuery,
        wording: CsvWording,
        emit: &mut dyn FnMut(&str),
    ) -> Result<(), Failure> {
        self.models()?;
        let (dataset, analysis, picked) = self.selection(query)?;
        export::write_customers_csv(dataset, analysis, picked.iter().map(|&i| i as usize), wording, emit);
        Ok(())
    }

    /// The `.xlsx` workbook of the customers `query` selects (a sheet per
    /// segment), headers and labels in `lang`.
    pub fn selection_xlsx(&mut self, query: &CustomerQuery, lang: Lang) -> Result<Vec<u8>, Failure> {
        self.models()?;
        let (dataset, analysis, picked) = self.selection(query)?;
        export::customers_xlsx(dataset, analysis, picked.iter().map(|&i| i as usize), lang).map_err(Failure::Export)
    }

    /// The loaded data, its analysis and the customers `query` selects.
    pub(crate) fn selection(&self, query: &CustomerQuery) -> Result<(&Dataset, &Analysis, Vec<u32>), Failure> {
        match (&self.loaded, &self.analysis) {
            (Some((dataset, _)), Some(analysis)) => Ok((dataset, analysis, query.matching(dataset, analysis))),
            _ => Err(Failure::NoData),
        }
    }

    /// Writes the per-customer CSV of the current analysis to `emit` in
    /// pieces (fitting the models first).
    pub fn write_customers_csv(&mut self, emit: &mut dyn FnMut(&str)) -> Result<(), Failure> {
        self.models()?;
        match (&self.loaded, &self.analysis) {
            (Some((dataset, _)), Some(analysis)) => {
                let all = 0..dataset.customers.len();
                export::write_customers_csv(dataset, analysis, all, CsvWording::Standard, emit);
                Ok(())
            }
            _ => Err(Failure::NoData),
        }
    }
}

/// Evaluates the custom segments of `settings` on `analysis` and keeps their
/// assignment and summary in it.
fn apply_custom_segments(dataset: &Dataset, analysis: &mut Analysis, settings: &Settings) {
    let (custom, summary) = analyze::custom::evaluate(dataset, analysis, &settings.custom_segments);
    analysis.custom = custom;
    analysis.summary.custom = summary;
}
