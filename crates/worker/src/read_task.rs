//! The full read of the dropped files as a task of its own, so that it can
//! start while the user looks at the mapping step, with the mapping as
//! shown; confirming that mapping unchanged takes the task's result,
//! anything else stops it and reads again (docs/ingest/speed.md#reading-ahead).

use crate::helpers::Helpers;
use crate::ranges;
use crate::source::{Chunks, Source};
use futures_channel::oneshot;
use segscope_ingest::{FileParser, FileSchema, QualityReport};
use segscope_model::progress::Stage;
use segscope_model::Dataset;
use segscope_session::protocol::{encode, Failure, Reply};
use segscope_session::{reading_order, Loader};
use segscope_worker::post_bytes;
use std::cell::Cell;
use std::rc::Rc;

/// A read running in the background.
pub struct ReadTask {
    schemas: Vec<FileSchema>,
    progress: Rc<Progress>,
    done: oneshot::Receiver<ReadOutcome>,
}

/// The dropped files as read.
pub struct FilesRead {
    /// Their data.
    pub dataset: Dataset,
    /// What was kept and rejected.
    pub quality: QualityReport,
    /// The most workers that read one file at once.
    pub workers: u32,
    /// How long the read took, to the finished dataset.
    pub parse_ms: f64,
}

/// What a read leaves behind.
pub struct ReadOutcome {
    /// The files as read, or why they could not be.
    pub read: Result<FilesRead, Failure>,
    /// The helpers, to be used again: empty when they read ranges (a worker
    /// never gives memory back) or the read failed or was stopped (they may
    /// still be reading); the ones it had are ended.
    pub helpers: Helpers,
}

/// How far a read is, told to the page only once its mapping is confirmed;
/// and whether it was asked to stop.
struct Progress {
    total: f64,
    done: Cell<f64>,
    shown: Cell<bool>,
    stopped: Cell<bool>,
}

impl Progress {
    /// `bytes` more were read; an error when the read was asked to stop
    /// (never posted: whoever stopped it drops the outcome).
    fn add(&self, bytes: f64) -> Result<(), Failure> {
        if self.stopped.get() {
            return Err(Failure::WorkerStopped);
        }
        self.done.set(self.done.get() + bytes);
        if self.shown.get() {
            self.post();
        }
        Ok(())
    }

    fn post(&self) {
        post_bytes(&encode(&Reply::Progress {
            stage: Stage::Parsing,
            fraction: 0.9 * self.done.get() / self.total,
        }));
    }
}

impl ReadTask {
    /// Starts reading `sources` with `schemas` (one per source, in the same
    /// order) on this worker and `helpers` (topped up to as many as the
    /// machine wants); its progress is posted only once it is
    /// [`finish`](Self::finish)ed.
    pub fn start(schemas: Vec<FileSchema>, sources: Vec<Source>, mut helpers: Helpers) -> ReadTask {
        helpers.spawn(Helpers::wanted());
        let progress = Rc::new(Progress {
            total: sources.iter().map(Source::size).sum::<f64>().max(1.0),
            done: Cell::new(0.0),
            shown: Cell::new(false),
            stopped: Cell::new(false),
        });
        let (sender, done) = oneshot::channel();
        let (read_schemas, read_progress) = (schemas.clone(), progress.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let started = js_sys::Date::now();
            let read = read_files(&read_schemas, &sources, &mut helpers, &read_progress).await;
            let helpers = match read {
                Ok((_, 1)) => helpers,
                _ => Helpers::default(),
            };
            let read = read.map(|(loader, workers)| {
                let (dataset, quality) = loader.finish();
                let parse_ms = js_sys::Date::now() - started;
                FilesRead {
                    dataset,
                    quality,
                    workers,
                    parse_ms,
                }
            });
            // Nobody waits when the task was dropped unfinished.
            let _ = sender.send(ReadOutcome { read, helpers });
        });
        ReadTask {
            schemas,
            progress,
            done,
        }
    }

    /// True when this task reads with exactly `schemas`.
    pub fn reads(&self, schemas: &[FileSchema]) -> bool {
        self.schemas == schemas
    }

    /// Shows the read's progress from now on and waits for its end.
    pub async fn finish(self) -> ReadOutcome {
        self.progress.shown.set(true);
        self.progress.post();
        self.done.await.unwrap_or_else(|_| ReadOutcome {
            read: Err(Failure::WorkerStopped),
            helpers: Helpers::default(),
        })
    }

    /// Stops the read at its next chunk and waits for it to end; hands back
    /// the helpers to use again.
    pub async fn stop(self) -> Helpers {
        self.progress.stopped.set(true);
        self.done.await.map(|outcome| outcome.helpers).unwrap_or_default()
    }
}

/// Reads every file with its schema, large ones in ranges on the helpers;
/// also returns the most workers that read one file at once.
async fn read_files(
    schemas: &[FileSchema],
    sources: &[Source],
    helpers: &mut Helpers,
    progress: &Progress,
) -> Result<(Loader, u32), Failure> {
    let mut on_bytes = |n: f64| progress.add(n);
    // Customers first, then orders, then the details joined to them, whatever
    // the drop order (the engine decides).
    let mut loader = Loader::for_files(schemas);
    let mut workers = 1;
    for i in reading_order(schemas) {
        let (Some(source), Some(schema)) = (sources.get(i), schemas.get(i)) else {
            continue;
        };
        let size = source.size() as u64;
        let mut parser = loader.open(schema.clone(), size).map_err(Failure::Ingest)?;
        let split = source
            .text_file()
            .filter(|_| !helpers.is_empty() && loader.splits(schema, size));
        match split {
            Some(file) => {
                let merged =
                    ranges::read_in_ranges(&mut loader, &mut parser, file, schema, helpers, &mut on_bytes).await?;
                workers = workers.max(merged);
            }
            None => read_whole(&mut loader, &mut parser, &mut source.chunks(), &mut on_bytes).await?,
        }
        loader.close(parser).map_err(Failure::Ingest)?;
    }
    Ok((loader, workers))
}

/// Feeds a whole file to the open parser, chunk by chunk.
async fn read_whole(
    loader: &mut Loader,
    parser: &mut FileParser,
    chunks: &mut Chunks,
    on_bytes: &mut impl FnMut(f64) -> Result<(), Failure>,
) -> Result<(), Failure> {
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(|()| Failure::ReadFailed { file: chunks.name() })?;
        loader.feed(parser, &chunk).map_err(Failure::Ingest)?;
        on_bytes(chunk.len() as f64)?;
    }
    Ok(())
}
