//! Every request that reads no file, answered by the session: the one place
//! that turns a [`SessionRequest`] into a [`Reply`] (downloads named and
//! typed here, failures as replies).

use crate::protocol::{Failure, Reply, SessionRequest, Timings};
use crate::Session;
use segscope_engine::settings::Settings;
use segscope_export::CsvWording;

/// The MIME type of the CSV downloads.
const CSV: &str = "text/csv;charset=utf-8";
/// The MIME type of the workbook download.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

impl Session {
    /// Answers `request` from the data and settings held.
    pub fn handle(&mut self, request: SessionRequest) -> Reply {
        let mut streamed = String::new();
        let mut reply = self.handle_streamed(request, &mut |piece| streamed.push_str(piece));
        if let Reply::Download { content, .. } = &mut reply {
            if content.is_empty() {
                *content = streamed;
            }
        }
        reply
    }

    /// Answers `request` as [`Session::handle`] does, except that a CSV of
    /// customers is handed to `emit` in pieces as it is written (see
    /// [`segscope_export::write_customers_csv`]) and its reply's content is left
    /// empty: a worker posts each piece at once and never holds the file.
    pub fn handle_streamed(&mut self, request: SessionRequest, emit: &mut dyn FnMut(&str)) -> Reply {
        self.answer(request, emit).unwrap_or_else(Reply::Failed)
    }

    /// Analyses the data [`Session::load`] kept under `settings`: the reply
    /// to a full read that took `parse_ms` on `read_workers` workers at once.
    pub fn ready(&mut self, settings: &Settings, parse_ms: f64, read_workers: u32) -> Reply {
        let started = (self.clock)();
        match self.analyze(settings) {
            Ok(_) => self.ready_reply(
                Timings {
                    parse_ms,
                    analyze_ms: (self.clock)() - started,
                    read_workers,
                },
                true,
            ),
            Err(failure) => Reply::Failed(failure),
        }
    }

    /// The dashboard of the current analysis (`Failed(NoData)` without one).
    fn ready_reply(&self, timings: Timings, models_stale: bool) -> Reply {
        match self.analysis() {
            Some((analysis, quality)) => Reply::Ready {
                summary: Box::new(analysis.summary.clone()),
                quality: Box::new(quality.clone()),
                timings,
                models_stale,
            },
            None => Reply::Failed(Failure::NoData),
        }
    }

    fn answer(&mut self, request: SessionRequest, emit: &mut dyn FnMut(&str)) -> Result<Reply, Failure> {
        Ok(match request {
            SessionRequest::ChangeSettings(settings) => self.settings_reply(&settings)?,
            SessionRequest::Customers(query) => Reply::Customers(self.customers(&query)?),
            SessionRequest::CustomerDetail(index) => Reply::CustomerDetail(Box::new(self.customer_detail(index)?)),
            SessionRequest::WhatIf(levels) => Reply::WhatIf(self.what_if(&levels)?),
            SessionRequest::ExportSelection(query) => {
                self.write_selection_csv(&query, CsvWording::Standard, emit)?;
                text("segscope-customers-selection.csv", CSV, String::new())
            }
            SessionRequest::ExportSelectionLocalized(query, lang) => {
                self.write_selection_csv(&query, CsvWording::Localized(lang), emit)?;
                text("segscope-customers-selection-localized.csv", CSV, String::new())
            }
            SessionRequest::ExportSelectionXlsx(query, lang) => Reply::DownloadBytes {
                file_name: "segscope-customers-selection.xlsx".into(),
                mime: XLSX.into(),
                bytes: self.selection_xlsx(&query, lang)?,
            },
            SessionRequest::ExportCustomers => {
                self.write_customers_csv(emit)?;
                text("segscope-customers.csv", CSV, String::new())
            }
            SessionRequest::Contacts => Reply::Contacts(self.contact_coverage()?),
            SessionRequest::ExportActivation(query, options) => {
                Reply::Activation(Box::new(self.activation(&query, &options)?))
            }
            SessionRequest::CampaignPack(lang) => Reply::DownloadBytes {
                file_name: "segscope-campaign-pack.zip".into(),
                mime: "application/zip".into(),
                bytes: self.campaign_pack(lang)?,
            },
            SessionRequest::ExportAnalysis => text("segscope-analysis.json", "application/json", self.analysis_json()?),
            SessionRequest::WarehouseSql(dialect, source) => text(
                &format!("segscope-labels-{}.sql", dialect.id()),
                "application/sql",
                self.warehouse_sql(dialect, &source)?,
            ),
            SessionRequest::Models => Reply::Models(Box::new(self.models()?)),
            SessionRequest::Migration(request) => Reply::Migration(Box::new(self.migration(&request)?)),
            SessionRequest::Briefing => Reply::Briefing(Box::new(self.briefing()?)),
            SessionRequest::RuleCounts(rules) => Reply::RuleCounts(self.rule_counts(&rules)?),
            SessionRequest::Holdout { days } => Reply::Holdout(Box::new(self.holdout(days)?)),
        })
    }

    /// Puts `settings` in force; the new summary when anything was
    /// recomputed, else that nothing was.
    fn settings_reply(&mut self, settings: &Settings) -> Result<Reply, Failure> {
        let started = (self.clock)();
        let plan = self.change_settings(settings)?;
        if plan.is_nothing() || self.analysis().is_none() {
            return Ok(Reply::SettingsKept);
        }
        let timings = Timings {
            analyze_ms: (self.clock)() - started,
            ..Timings::default()
        };
        Ok(self.ready_reply(timings, plan.models))
    }
}

/// A text download.
fn text(file_name: &str, mime: &str, content: String) -> Reply {
    Reply::Download {
        file_name: file_name.into(),
        mime: mime.into(),
        content,
    }
}
