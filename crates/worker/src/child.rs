//! A worker started by this one (a helper, or the workbook reader): its
//! messages are queued until taken, and work posted before it listens waits
//! for it. A child's first message always says that it listens.

use js_sys::{Array, Function, Promise, Uint8Array};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// Messages the child sent that nobody has taken yet (`None` for a
/// failure), kept as the browser's bytes until taken (a range's part can be
/// hundreds of megabytes: it is copied into this worker's memory once), and
/// the work waiting for it to start.
#[derive(Default)]
struct Inbox {
    messages: VecDeque<Option<Uint8Array>>,
    waiter: Option<Function>,
    started: bool,
    queued: Vec<Array>,
}

impl Inbox {
    fn deliver(inbox: &Rc<RefCell<Inbox>>, message: Option<Uint8Array>) {
        let waiter = inbox.borrow_mut().waiter.take();
        match waiter {
            Some(resolve) => {
                let value = message.map_or(JsValue::UNDEFINED, JsValue::from);
                let _ = resolve.call1(&JsValue::NULL, &value);
            }
            None => inbox.borrow_mut().messages.push_back(message),
        }
    }

    /// The child listens: hands it the work queued meanwhile.
    fn start(inbox: &Rc<RefCell<Inbox>>, worker: &Worker) {
        let queued = {
            let mut inbox = inbox.borrow_mut();
            inbox.started = true;
            std::mem::take(&mut inbox.queued)
        };
        for message in queued {
            if worker.post_message(&message).is_err() {
                Inbox::deliver(inbox, None);
            }
        }
    }
}

/// A worker this one started; ended when dropped.
pub struct ChildWorker {
    worker: Worker,
    inbox: Rc<RefCell<Inbox>>,
    broken: bool,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl ChildWorker {
    /// Starts the module worker whose loader is at `url`, named `name`;
    /// `None` when the browser refuses.
    pub fn spawn(url: &str, name: &str) -> Option<ChildWorker> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        options.set_name(name);
        let worker = Worker::new_with_options(url, &options).ok()?;
        let inbox = Rc::new(RefCell::new(Inbox::default()));
        let on_message = {
            let (inbox, worker) = (inbox.clone(), worker.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                if !inbox.borrow().started {
                    Inbox::start(&inbox, &worker);
                    return;
                }
                Inbox::deliver(&inbox, event.data().dyn_into::<Uint8Array>().ok());
            })
        };
        let on_error = {
            let inbox = inbox.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| Inbox::deliver(&inbox, None))
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(ChildWorker {
            worker,
            inbox,
            broken: false,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// The next message; `None` when the child failed (it is then broken).
    pub async fn next(&mut self) -> Option<Vec<u8>> {
        let queued = self.inbox.borrow_mut().messages.pop_front();
        let message = match queued {
            Some(message) => message.map(|bytes| bytes.to_vec()),
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

    /// Posts `message` (bytes, then any `File`s) now, or as soon as the
    /// child listens; false when it cannot.
    pub fn post(&self, message: Array) -> bool {
        let mut inbox = self.inbox.borrow_mut();
        if inbox.started {
            return self.worker.post_message(&message).is_ok();
        }
        inbox.queued.push(message);
        true
    }

    /// True once the child has failed: it is sent no more work.
    pub fn is_broken(&self) -> bool {
        self.broken
    }
}

impl Drop for ChildWorker {
    fn drop(&mut self) {
        // Its handlers go with it, so the worker must not outlive them.
        self.worker.terminate();
    }
}
