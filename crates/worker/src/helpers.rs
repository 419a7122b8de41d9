//! Helper workers: copies of this worker that each read one range of a
//! large file, so every core parses (docs/ingest/speed.md#parallel-read).
//! They are spawned by the session worker and live as long as it does: the
//! page's cancel, which ends the session worker, ends them too.

use js_sys::{Array, Function, Promise, Uint8Array};
use segscope_session::protocol::{decode, encode, RangeReply, Reply, Request};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The script that starts a worker (next to this worker's own).
const WORKER_URL: &str = "./segscope-worker_loader.js";

/// The name a helper worker is started with.
const HELPER_NAME: &str = "segscope-helper";

/// The most helpers spawned, whatever the core count: beyond four ranges
/// the merge and the memory cost more than the parse saves.
const MAX_HELPERS: usize = 3;

/// Messages a helper sent that nobody has taken yet (`None` for a
/// failure), and the work waiting for it to start.
#[derive(Default)]
struct Inbox {
    messages: VecDeque<Option<Vec<u8>>>,
    waiter: Option<Function>,
    started: bool,
    queued: Vec<Array>,
}

impl Inbox {
    fn deliver(inbox: &Rc<RefCell<Inbox>>, message: Option<Vec<u8>>) {
        let waiter = inbox.borrow_mut().waiter.take();
        match waiter {
            Some(resolve) => {
                let value = message.map_or(JsValue::UNDEFINED, |bytes| Uint8Array::from(bytes.as_slice()).into());
                let _ = resolve.call1(&JsValue::NULL, &value);
            }
            None => inbox.borrow_mut().messages.push_back(message),
        }
    }
}

/// One helper worker.
struct Helper {
    worker: Worker,
    inbox: Rc<RefCell<Inbox>>,
    /// It failed once: never sent work again.
    broken: bool,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Helper {
    fn spawn() -> Option<Helper> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        options.set_name(HELPER_NAME);
        let worker = Worker::new_with_options(WORKER_URL, &options).ok()?;
        let inbox = Rc::new(RefCell::new(Inbox::default()));
        let on_message = {
            let (inbox, worker) = (inbox.clone(), worker.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let bytes = event.data().dyn_into::<Uint8Array>().ok().map(|b| b.to_vec());
                if !inbox.borrow().started {
                    // The first message says the helper listens: hand it the work queued meanwhile.
                    let started = bytes.as_deref().and_then(decode::<Reply>) == Some(Reply::Started);
                    if started {
                        let queued = {
                            let mut inbox = inbox.borrow_mut();
                            inbox.started = true;
                            std::mem::take(&mut inbox.queued)
                        };
                        for message in queued {
                            if worker.post_message(&message).is_err() {
                                Inbox::deliver(&inbox, None);
                            }
                        }
                        return;
                    }
                }
                Inbox::deliver(&inbox, bytes);
            })
        };
        let on_error = {
            let inbox = inbox.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| Inbox::deliver(&inbox, None))
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Helper {
            worker,
            inbox,
            broken: false,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// The next message; `None` when the helper failed (it is then broken).
    async fn next(&mut self) -> Option<Vec<u8>> {
        let queued = self.inbox.borrow_mut().messages.pop_front();
        let message = match queued {
            Some(message) => message,
            None => {
                let inbox = self.inbox.clone();
                let promise = Promise::new(&mut |resolve, _| inbox.borrow_mut().waiter = Some(resolve));
                let value = JsFuture::from(promise).await.ok();
                value.and_then(|v| v.dyn_into::<Uint8Array>().ok()).map(|b| b.to_vec())
            }
        };
        self.broken |= message.is_none();
        message
    }

    /// Posts `message` now, or as soon as the helper listens.
    fn post(&self, message: Array) -> bool {
        let mut inbox = self.inbox.borrow_mut();
        if inbox.started {
            return self.worker.post_message(&message).is_ok();
        }
        inbox.queued.push(message);
        true
    }
}

/// The helper workers of the session worker.
#[derive(Default)]
pub struct Helpers {
    helpers: Vec<Helper>,
}

impl Helpers {
    /// True in a helper worker (started by a session worker).
    pub fn is_helper() -> bool {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        scope.name() == HELPER_NAME
    }

    /// How many helpers this machine's cores call for: one per core beyond
    /// the session worker's own, at most [`MAX_HELPERS`].
    pub fn wanted() -> usize {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let cores = scope.navigator().hardware_concurrency() as usize;
        cores.saturating_sub(1).min(MAX_HELPERS)
    }

    /// Spawns helpers up to `count` (they start in the background), in
    /// place of any that failed.
    pub fn spawn(&mut self, count: usize) {
        for helper in self.helpers.iter().filter(|h| h.broken) {
            helper.worker.terminate();
        }
        self.helpers.retain(|h| !h.broken);
        while self.helpers.len() < count {
            match Helper::spawn() {
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

    /// Asks helper `i` to read a range of `file` (see [`Request::ReadRange`]),
    /// at once or as soon as it has started; false when it cannot.
    pub fn send(&mut self, i: usize, request: &Request, file: &File) -> bool {
        let Some(helper) = self.helpers.get(i).filter(|h| !h.broken) else {
            return false;
        };
        let bytes = Uint8Array::from(encode(request).as_slice());
        helper.post(Array::of2(&bytes, file))
    }

    /// Helper `i`'s answer to the range it was sent; `None` when it failed.
    pub async fn receive(&mut self, i: usize) -> Option<RangeReply> {
        let helper = self.helpers.get_mut(i)?;
        decode::<RangeReply>(&helper.next().await?)
    }
}
