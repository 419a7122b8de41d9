//! Helper workers: copies of this worker that each read ranges of a large
//! file, so every core parses (docs/ingest/speed.md#parallel-read).
//! They are spawned by the session worker and live as long as it does: the
//! page's cancel, which ends the session worker, ends them too.

use js_sys::{Array, Uint8Array};
use segscope_session::protocol::{decode, encode, RangeReply, Request};
use segscope_worker::child::ChildWorker;
use segscope_worker::scope;
use web_sys::File;

/// The script that starts a worker (next to this worker's own).
const WORKER_URL: &str = "./segscope-worker_loader.js";

/// The name a helper worker is started with.
const HELPER_NAME: &str = "segscope-helper";

/// The most helpers spawned, whatever the core count: beyond four ranges
/// the merge and the memory cost more than the parse saves.
const MAX_HELPERS: usize = 3;

/// The helper workers of the session worker.
#[derive(Default)]
pub struct Helpers {
    helpers: Vec<ChildWorker>,
}

impl Helpers {
    /// True in a helper worker (started by a session worker).
    pub fn is_helper() -> bool {
        scope().name() == HELPER_NAME
    }

    /// How many helpers this machine's cores call for: one per core beyond
    /// the session worker's own, at most [`MAX_HELPERS`].
    pub fn wanted() -> usize {
        let cores = scope().navigator().hardware_concurrency() as usize;
        cores.saturating_sub(1).min(MAX_HELPERS)
    }

    /// Spawns helpers up to `count` (they start in the background), in
    /// place of any that failed.
    pub fn spawn(&mut self, count: usize) {
        self.helpers.retain(|h| !h.is_broken());
        while self.helpers.len() < count {
            match ChildWorker::spawn(WORKER_URL, HELPER_NAME) {
                Some(helper) => self.helpers.push(helper),
                None => break,
            }
        }
    }

    /// How many helpers there are.
    pub fn len(&self) -> usize {
        self.helpers.len()
    }

    /// True when there is no helper.
    pub fn is_empty(&self) -> bool {
        self.helpers.is_empty()
    }

    /// Asks helper `i` to read ranges of `file` (see [`Request::ReadRanges`]),
    /// at once or as soon as it has started; false when it cannot.
    pub fn send(&mut self, i: usize, request: &Request, file: &File) -> bool {
        let Some(helper) = self.helpers.get(i).filter(|h| !h.is_broken()) else {
            return false;
        };
        let bytes = Uint8Array::from(encode(request).as_slice());
        helper.post(Array::of2(&bytes, file))
    }

    /// Helper `i`'s answer to the next range it was sent; `None` when it
    /// failed (then, at once, for every range after it).
    pub async fn receive(&mut self, i: usize) -> Option<RangeReply> {
        let helper = self.helpers.get_mut(i).filter(|h| !h.is_broken())?;
        decode::<RangeReply>(&helper.next().await?)
    }
}
