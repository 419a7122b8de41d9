//! The worker's state machine without the I/O: inspected files, the loaded
//! dataset and the current analysis. Natively testable; the worker only feeds
//! it bytes.

use crate::protocol::Failure;
use segscope_engine::clv::{holdout_check, ClvProblem, HoldoutCheck};
use segscope_engine::custom::CustomSummary;
use segscope_engine::explore::{CustomerDetail, CustomerPage, CustomerQuery, Explorer};
use segscope_engine::migration::{migrate, Migration, MigrationProblem, MigrationRequest};
use segscope_engine::models::{ModelInputs, Models, ModelsSummary};
use segscope_engine::rules::CustomSegments;
use segscope_engine::settings::{MemberLevel, Settings};
use segscope_engine::WhatIf;
use segscope_engine::{self as analyze, Analysis};
use segscope_export as export;
use segscope_i18n::Lang;
use segscope_ingest::{DatasetBuilder, FileKind, FileParser, FileSchema, IngestError, QualityReport};
use segscope_model::Dataset;

/// Loaded data and its latest analysis.
#[derive(Default)]
pub struct Session {
    loaded: Option<(Dataset, QualityReport)>,
    analysis: Option<Analysis>,
    settings: Settings,
    explorer: Explorer,
}

/// Reads several files in sequence into one dataset.
pub struct Loader {
    builder: DatasetBuilder,
}

/// The order in which to read a set of files, as indexes into `schemas`,
/// whatever order they were dropped in
/// (`docs/ingest/joins.md#reading-order`): customers files first (they map
/// order-level customer ids to persons), then customer summaries, orders,
/// order details (joined to the orders read before them) and events; files
/// of one kind by name.
pub fn reading_order(schemas: &[FileSchema]) -> Vec<usize> {
    let rank = |kind: FileKind| match kind {
        FileKind::Customers => 0,
        FileKind::Summary => 1,
        FileKind::Orders => 2,
        FileKind::OrderDetails => 3,
        FileKind::Events => 4,
        FileKind::Ignored => 5,
    };
    let mut order: Vec<usize> = (0..schemas.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&schemas[a], &schemas[b]);
        (rank(x.kind), &x.file_name, &x.headers, x.sheet).cmp(&(rank(y.kind), &y.file_name, &y.headers, y.sheet))
    });
    order
}

impl Loader {
    /// A loader with nothing read yet, for files not joined to each other.
    pub fn new() -> Self {
        Loader {
            builder: DatasetBuilder::new(),
        }
    }

    /// A loader for `schemas`, to be read in [`reading_order`], with the
    /// joins between them planned (order details to their orders).
    pub fn for_files(schemas: &[FileSchema]) -> Self {
        Loader {
            builder: DatasetBuilder::for_files(schemas),
        }
    }

    /// Starts reading a file of `file_bytes` with its confirmed schema.
    pub fn open(&mut self, schema: FileSchema, file_bytes: u64) -> Result<FileParser, IngestError> {
        let mut parser = FileParser::for_builder(schema, &mut self.builder)?;
        parser.expect_bytes(file_bytes);
        Ok(parser)
    }

    /// Parses a chunk of the open file.
    pub fn feed(&mut self, parser: &mut FileParser, chunk: &[u8]) -> Result<(), IngestError> {
        parser.feed(chunk, &mut self.builder)
    }

    /// Finishes the open file.
    pub fn close(&mut self, parser: FileParser) -> Result<(), IngestError> {
        parser.finish(&mut self.builder).map(|_| ())
    }

    /// All files read: the dataset and its quality report.
    pub fn finish(self) -> (Dataset, QualityReport) {
        self.builder.finish()
    }
}

impl Default for Loader {
    fn default() -> Self {
        Self::new()
    }
}

impl Session {
    /// An empty session.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps newly loaded data (dropping any earlier analysis).
    pub fn load(&mut self, dataset: Dataset, quality: QualityReport) {
        self.loaded = Some((dataset, quality));
        self.analysis = None;
        self.explorer.forget();
    }

    /// Validates settings and analyses the loaded data.
    pub fn analyze(&mut self, settings: &Settings) -> Result<(&Analysis, &QualityReport), Failure> {
        settings.validate().map_err(Failure::Settings)?;
        let (dataset, quality) = self.loaded.as_ref().ok_or(Failure::NoData)?;
        if !dataset.has_orders() {
            return Err(Failure::NoOrders);
        }
        self.settings = settings.clone();
        self.explorer.forget();
        let previous = self.analysis.take().and_then(|a| a.models);
        let mut analysis = analyze::run(dataset, settings);
        let inputs = ModelInputs::of(&analysis, settings);
        analysis.models = previous.filter(|m| m.inputs == inputs);
        let (custom, custom_summary) = analyze::custom::evaluate(dataset, &analysis, &settings.custom_segments);
        analysis.custom = custom;
        analysis.summary.custom = custom_summary;
        let analysis = self.analysis.insert(analysis);
        Ok((analysis, quality))
    }

    /// Fits the models of the current analysis unless their inputs are
    /// unchanged since the last fit, and summarises them.
    pub fn models(&mut self) -> Result<ModelsSummary, Failure> {
        let (Some((dataset, _)), Some(analysis)) = (&self.loaded, &mut self.analysis) else {
            return Err(Failure::NoData);
        };
        if analysis.models.is_none() {
            let inputs = ModelInputs::of(analysis, &self.settings);
            analysis.models = Some(Models::fit(dataset, analysis, inputs));
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

    /// One page of the customer explorer's table.
    pub fn customers(&mut self, query: &CustomerQuery) -> Result<CustomerPage, Failure> {
        match (&self.loaded, &self.analysis) {
            (Some((dataset, _)), Some(analysis)) => Ok(self.explorer.page(dataset, analysis, query)),
            _ => Err(Failure::NoData),
        }
    }

    /// One customer's detail view.
    pub fn customer_detail(&self, index: u32) -> Result<CustomerDetail, Failure> {
        match (&self.loaded, &self.analysis) {
            (Some((dataset, _)), Some(analysis)) => {
                CustomerDetail::of(dataset, analysis, index).ok_or(Failure::BadRequest)
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

    /// The per-customer CSV of the customers `query` selects, in its order
    /// (fitting the models first, for their columns).
    pub fn selection_csv(&mut self, query: &CustomerQuery) -> Result<String, Failure> {
        self.models()?;
        let (dataset, analysis, picked) = self.selection(query)?;
        Ok(export::customers_csv_of(
            dataset,
            analysis,
            picked.iter().map(|&i| i as usize),
        ))
    }

    /// The same CSV with headers and labels in `lang`.
    pub fn selection_csv_localized(&mut self, query: &CustomerQuery, lang: Lang) -> Result<String, Failure> {
        self.models()?;
        let (dataset, analysis, picked) = self.selection(query)?;
        Ok(export::customers_csv_localized(
            dataset,
            analysis,
            picked.iter().map(|&i| i as usize),
            lang,
        ))
    }

    /// The `.xlsx` workbook of the customers `query` selects (a sheet per
    /// segment), headers and labels in `lang`.
    pub fn selection_xlsx(&mut self, query: &CustomerQuery, lang: Lang) -> Result<Vec<u8>, Failure> {
        self.models()?;
        let (dataset, analysis, picked) = self.selection(query)?;
        export::customers_xlsx(dataset, analysis, picked.iter().map(|&i| i as usize), lang).map_err(Failure::Export)
    }

    /// The loaded data, its analysis and the customers `query` selects.
    fn selection(&self, query: &CustomerQuery) -> Result<(&Dataset, &Analysis, Vec<u32>), Failure> {
        match (&self.loaded, &self.analysis) {
            (Some((dataset, _)), Some(analysis)) => Ok((dataset, analysis, query.matching(dataset, analysis))),
            _ => Err(Failure::NoData),
        }
    }

    /// The per-customer CSV of the current analysis (fitting the models first).
    pub fn customers_csv(&mut self) -> Result<String, Failure> {
        self.models()?;
        match (&self.loaded, &self.analysis) {
            (Some((dataset, _)), Some(analysis)) => Ok(export::customers_csv(dataset, analysis)),
            _ => Err(Failure::NoData),
        }
    }
}
