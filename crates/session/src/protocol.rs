//! Messages between the page and the Web Worker, in a compact binary form
//! (postcard: serde's data model without field names, see [`encode`] and
//! [`decode`]). File handles travel beside the bytes (the page posts
//! `[bytes, file, file, …]`), and a download's content travels beside its
//! reply the other way (`[bytes, content]`, see [`split_payload`]).
//!
//! Not JSON on purpose: serde_json's (de)serialisers monomorphised for every
//! summary type cost both wasm files hundreds of kilobytes; postcard's are a
//! fraction of that, and its messages are smaller and faster to read. Both
//! ends are built from this crate together, so the format needs no stability.

use crate::texts::t;
use segscope_engine::analyses::migration::{Migration, MigrationProblem, MigrationRequest};
use segscope_engine::briefing::Briefing;
use segscope_engine::clv::{ClvProblem, HoldoutCheck};
use segscope_engine::custom::rules::CustomSegments;
use segscope_engine::custom::CustomSummary;
use segscope_engine::explore::{CustomerDetail, CustomerPage, CustomerQuery};
use segscope_engine::models::ModelsSummary;
use segscope_engine::settings::{MemberLevel, Settings, SettingsError};
use segscope_engine::{Summary, WhatIf};
use segscope_export::{ActivationFile, ActivationOptions, ContactCoverage, ExportError};
use segscope_i18n::Lang;
use segscope_ingest::split::RangePart;
use segscope_ingest::{FileSchema, IngestError, QualityReport};
use segscope_model::progress::Stage;
use segscope_warehouse::{Dialect, SourceTables, WarehouseError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A message ([`Request`] or [`Reply`]) as bytes for `postMessage`, written
/// into a buffer of its exact size: a range's part is tens of megabytes, and
/// a growing buffer would copy it again at every doubling.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    // Serialising fails only for types serde cannot express (none here).
    let size = postcard::experimental::serialized_size(message).unwrap_or_default();
    postcard::to_extend(message, Vec::with_capacity(size)).unwrap_or_default()
}

/// A message from the bytes [`encode`] made; `None` for anything else.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

/// Takes a download's content out of `reply`: the reply with its content
/// left empty, and the content's bytes (`None` for other replies). The
/// worker posts the content beside the message as transferred bytes, and the
/// page makes the file from them, so a 150 MB export is never copied into a
/// message, out of it, or into a string on the page.
pub fn split_payload(reply: Reply) -> (Reply, Option<Vec<u8>>) {
    match reply {
        Reply::Download {
            file_name,
            mime,
            content,
        } => {
            let head = Reply::Download {
                file_name,
                mime,
                content: String::new(),
            };
            (head, Some(content.into_bytes()))
        }
        Reply::DownloadBytes { file_name, mime, bytes } => {
            let head = Reply::DownloadBytes {
                file_name,
                mime,
                bytes: Vec::new(),
            };
            (head, Some(bytes))
        }
        other => (other, None),
    }
}

/// A request from the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Take a first look at the attached files (sniff each one).
    Inspect,
    /// Sniff one inspected file again, read in the encoding the user chose.
    Reinspect {
        /// Index of the file among the inspected ones.
        file: usize,
        /// WHATWG encoding label.
        encoding: String,
    },
    /// Read another sheet of an inspected workbook.
    ChooseSheet {
        /// Index of the file among the inspected ones.
        file: usize,
        /// Index of the sheet in the workbook.
        sheet: usize,
    },
    /// Start reading the inspected files in full with these schemas (one
    /// per file, in the same order) while the user looks at the mapping; an
    /// [`Request::Analyze`] with the same schemas takes what it read, any
    /// other request about the files stops it (docs/ingest/speed.md#reading-ahead).
    /// Nothing is answered.
    ReadAhead {
        /// The schemas as the mapping step shows them.
        schemas: Vec<FileSchema>,
    },
    /// Read the inspected files in full with these schemas (one per file, in
    /// the same order), then analyse.
    Analyze {
        /// The confirmed schemas.
        schemas: Vec<FileSchema>,
        /// Analysis settings.
        settings: Settings,
    },
    /// Everything else: answered from the loaded data by
    /// [`Session::handle`](crate::Session::handle).
    Session(SessionRequest),
    /// To a helper worker: read each of `ranges` (byte offsets `start..end`
    /// of the attached file, each starting at a record's first byte), one
    /// after another, answering each with a [`RangeReply`] as soon as it is
    /// read (docs/ingest/speed.md#parallel-read).
    ReadRanges {
        /// The file's confirmed schema.
        schema: FileSchema,
        /// The ranges, in file order: first byte and end (exclusive).
        ranges: Vec<(f64, f64)>,
    },
}

/// A helper worker's answer to one range of [`Request::ReadRanges`]: `None`
/// when the range could not be read on its own (the session worker then
/// reads it, and reports any error in it with its true row number).
pub type RangeReply = Option<RangePart>;

/// To the workbook worker: read the attached workbook's sheet `sheet`, or
/// the first sheet that reads as a table when `None`
/// (docs/ingest/structure.md#workbooks).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SheetRequest {
    /// Index of the sheet in the workbook.
    pub sheet: Option<usize>,
}

/// A workbook sheet as the workbook worker read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// The sheet's schema (it lists the workbook's sheets).
    pub schema: FileSchema,
    /// The sheet as UTF-8 CSV, read from then on like a dropped CSV.
    #[serde(with = "serde_bytes")]
    pub csv: Vec<u8>,
}

/// The workbook worker's answer to a [`SheetRequest`]: `None` when the
/// browser could not read the file.
pub type SheetReply = Option<Result<Sheet, IngestError>>;

/// A request the session answers from the data it holds (no file to read).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SessionRequest {
    /// Put new settings in force; the session recomputes what they make
    /// stale (see [`Recompute`](segscope_engine::plan::Recompute)), no re-parse.
    ChangeSettings(Settings),
    /// One page of the customer explorer's table.
    Customers(CustomerQuery),
    /// One customer's detail view (index into the dataset's customers, as
    /// the explorer's rows carry it; checked by the session).
    CustomerDetail(u32),
    /// How customers would move under other membership thresholds.
    WhatIf(Vec<MemberLevel>),
    /// Build the per-customer CSV of the customers the explorer query selects.
    ExportSelection(CustomerQuery),
    /// Build the per-customer CSV of the selection with headers and labels
    /// in this language.
    ExportSelectionLocalized(CustomerQuery, Lang),
    /// Build the per-customer workbook of the selection (a sheet per
    /// segment), headers and labels in this language.
    ExportSelectionXlsx(CustomerQuery, Lang),
    /// Build the per-customer CSV of the current analysis.
    ExportCustomers,
    /// Say which contacts the data holds (what lists for marketing tools can offer).
    Contacts,
    /// Build the list for a marketing tool of the customers the query selects.
    ExportActivation(CustomerQuery, ActivationOptions),
    /// Build the campaign pack (a list per playbook group), texts in this language.
    CampaignPack(Lang),
    /// Build the analysis JSON (settings, data quality, KPIs, segment counts).
    ExportAnalysis,
    /// Write the warehouse SQL that computes the current labels from these
    /// tables in this dialect (fitting the models first).
    WarehouseSql(Dialect, SourceTables),
    /// Fit (or reuse) the models of the current analysis.
    Models,
    /// Compare a scheme at two as-of dates.
    Migration(MigrationRequest),
    /// The report's first page: the segments that matter most and their trend.
    Briefing,
    /// Count a draft of custom segments on the current analysis.
    RuleCounts(CustomSegments),
    /// Check the CLV model on a holdout of this many last days.
    Holdout {
        /// Length of the holdout period in days.
        days: u32,
    },
}

/// A reply from the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker has started and listens.
    Started,
    /// The worker has run its warm-up analysis
    /// (docs/ingest/speed.md#warm-code).
    WarmedUp,
    /// Work goes on.
    Progress {
        /// Current stage.
        stage: Stage,
        /// Overall fraction done, 0–1.
        fraction: f64,
    },
    /// The first look at each attached file.
    Inspected {
        /// One result per file, in order.
        files: Vec<Result<FileSchema, IngestError>>,
    },
    /// One file sniffed again with the user's encoding.
    Reinspected {
        /// Index of the file among the inspected ones.
        file: usize,
        /// The new first look.
        schema: Result<FileSchema, IngestError>,
    },
    /// The analysis is complete.
    Ready {
        /// Everything the dashboard shows.
        summary: Box<Summary>,
        /// The data-quality report.
        quality: Box<QualityReport>,
        /// Milliseconds spent reading + parsing, and analysing.
        timings: Timings,
        /// The fitted models no longer match the settings: what showed them
        /// must ask for them again.
        models_stale: bool,
    },
    /// The new settings are in force and made nothing stale (playbook texts):
    /// nothing was recomputed.
    SettingsKept,
    /// A page of the customer explorer's table.
    Customers(CustomerPage),
    /// One customer's detail view.
    CustomerDetail(Box<CustomerDetail>),
    /// The membership what-if.
    WhatIf(WhatIf),
    /// A segment migration, or why it could not be made.
    Migration(Box<Result<Migration, MigrationProblem>>),
    /// The report's first page.
    Briefing(Box<Briefing>),
    /// Counts of a draft of custom segments.
    RuleCounts(CustomSummary),
    /// The fitted models of the current analysis.
    Models(Box<ModelsSummary>),
    /// The CLV calibration/holdout check, or why it could not be made.
    Holdout(Box<Result<HoldoutCheck, ClvProblem>>),
    /// Which contacts the data holds.
    Contacts(ContactCoverage),
    /// A list for a marketing tool is ready: the download and its counts.
    Activation(Box<ActivationFile>),
    /// A piece of the text download whose [`Reply::Download`] follows, its
    /// bytes beside the message (a customers CSV is posted as it is written,
    /// see [`Session::handle_streamed`](crate::Session::handle_streamed)).
    DownloadPiece,
    /// A download is ready (after any [`Reply::DownloadPiece`]s, whose bytes
    /// come first in the file).
    Download {
        /// Suggested file name.
        file_name: String,
        /// MIME type.
        mime: String,
        /// The file's text.
        content: String,
    },
    /// A binary download is ready (a workbook).
    DownloadBytes {
        /// Suggested file name.
        file_name: String,
        /// MIME type.
        mime: String,
        /// The file's bytes.
        bytes: Vec<u8>,
    },
    /// The request failed.
    Failed(Failure),
}

/// Where the time went, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct Timings {
    /// Reading and parsing all files.
    pub parse_ms: f64,
    /// Computing the analysis.
    pub analyze_ms: f64,
    /// Workers that read at once: more than one when a large file was read
    /// in ranges on several cores (0 for a re-segmentation, which reads nothing).
    pub read_workers: u32,
}

/// Why a request failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Failure {
    /// A file could not be used.
    Ingest(IngestError),
    /// The settings are not valid.
    Settings(SettingsError),
    /// A request that needs loaded data came first.
    NoData,
    /// The browser could not read a file.
    ReadFailed {
        /// The file's name.
        file: String,
    },
    /// A message the worker does not understand (a bug, reported plainly).
    BadRequest,
    /// The worker stopped unexpectedly (a bug); it has been restarted.
    WorkerStopped,
    /// An export could not be produced.
    Export(ExportError),
    /// The files read hold no order: value metrics cannot be computed.
    NoOrders,
    /// The warehouse script could not be written.
    Warehouse(WarehouseError),
}

impl Failure {
    /// The message for the user in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Failure::Ingest(e) => e.message(lang),
            Failure::Settings(e) => e.message(lang),
            Failure::NoData => t(lang, "error.no_data").to_string(),
            Failure::ReadFailed { file } => t(lang, "error.read_failed").replace("{file}", file),
            Failure::BadRequest => t(lang, "error.bad_request").to_string(),
            Failure::WorkerStopped => t(lang, "error.worker_stopped").to_string(),
            Failure::Export(e) => e.message(lang),
            Failure::NoOrders => t(lang, "finding.no_orders").to_string(),
            Failure::Warehouse(e) => e.message(lang),
        }
    }
}
