//! The one writer: a thread that owns both kinds' index writers. Requests send it
//! changes and wait for the reply, which comes only after a durable commit. Changes that
//! queue up while a commit runs are applied and committed together (group commit), and
//! readers are reloaded right after each commit.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;

use meihe_core::schema::Kind;
use tantivy::TantivyDocument;
use tokio::sync::oneshot;

use crate::engine::Engine;

/// A change to one kind's index.
pub enum Change {
    /// Add or replace documents by id.
    Upsert(Kind, Vec<(String, TantivyDocument)>),
    /// Delete documents by id.
    Delete(Kind, Vec<String>),
}

struct Request {
    change: Change,
    reply: oneshot::Sender<Result<(), String>>,
}

/// A handle to the writer thread; cheap to clone.
#[derive(Clone)]
pub struct Writer {
    sender: mpsc::Sender<Request>,
    alive: Arc<AtomicBool>,
    commits: Arc<AtomicU64>,
}

impl Writer {
    /// Starts the writer thread. It takes both kinds' writer locks and keeps them for the
    /// life of the process, so another process cannot write to the index meanwhile.
    pub fn start(engine: Arc<Engine>) -> Result<Writer, crate::engine::Error> {
        let mut writers =
            [engine.store().writer(Kind::Jobs)?, engine.store().writer(Kind::Resumes)?];
        let (sender, receiver) = mpsc::channel::<Request>();
        let alive = Arc::new(AtomicBool::new(true));
        let commits = Arc::new(AtomicU64::new(0));
        let (thread_alive, thread_commits) = (alive.clone(), commits.clone());
        std::thread::Builder::new()
            .name("meihe-writer".into())
            .spawn(move || {
                while let Ok(first) = receiver.recv() {
                    let mut batch = vec![first];
                    batch.extend(receiver.try_iter());
                    let mut touched = [false; 2];
                    let mut failure = None;
                    let mut replies = Vec::with_capacity(batch.len());
                    for request in batch {
                        replies.push(request.reply);
                        let (kind, result) = match request.change {
                            Change::Upsert(kind, documents) => {
                                let writer = &mut writers[slot(kind)];
                                let result =
                                    documents.into_iter().try_for_each(|(id, document)| {
                                        writer.upsert(&id, document).map_err(|e| e.to_string())
                                    });
                                (kind, result)
                            }
                            Change::Delete(kind, ids) => {
                                let writer = &mut writers[slot(kind)];
                                ids.iter().for_each(|id| writer.delete(id));
                                (kind, Ok(()))
                            }
                        };
                        touched[slot(kind)] = true;
                        if let Err(error) = result {
                            failure = Some(error);
                        }
                    }
                    for (index, writer) in writers.iter_mut().enumerate() {
                        if !touched[index] {
                            continue;
                        }
                        if failure.is_none() {
                            match writer.commit() {
                                Ok(()) => {
                                    thread_commits.fetch_add(1, Ordering::Relaxed);
                                }
                                Err(error) => failure = Some(error.to_string()),
                            }
                        }
                        if failure.is_some() {
                            // Nothing of a failed batch may reach a later commit.
                            if let Err(error) = writer.rollback() {
                                tracing::error!(error = %error, "rollback failed");
                            }
                        }
                    }
                    if let Err(error) = engine.reload() {
                        tracing::error!(error = %error, "reloading readers after a commit failed");
                    }
                    if let Some(error) = &failure {
                        tracing::error!(error = %error, "a write failed; nothing of this batch was acknowledged");
                    }
                    for reply in replies {
                        let _ = reply.send(match &failure {
                            None => Ok(()),
                            Some(error) => Err(error.clone()),
                        });
                    }
                }
                thread_alive.store(false, Ordering::SeqCst);
            })
            .map_err(|error| crate::engine::Error::Invalid {
                field: String::new(),
                message: format!("cannot start the writer thread: {error}"),
            })?;
        Ok(Writer { sender, alive, commits })
    }

    /// Applies a change and waits until it is durably committed.
    pub async fn apply(&self, change: Change) -> Result<(), String> {
        let (reply, receive) = oneshot::channel();
        self.sender
            .send(Request { change, reply })
            .map_err(|_| "the writer has stopped".to_owned())?;
        receive.await.map_err(|_| "the writer has stopped".to_owned())?
    }

    /// Whether the writer thread is running.
    pub fn is_alive(&self) -> bool {
        self.alive.load(Ordering::SeqCst)
    }

    /// Commits so far.
    pub fn commits(&self) -> u64 {
        self.commits.load(Ordering::Relaxed)
    }
}

fn slot(kind: Kind) -> usize {
    match kind {
        Kind::Jobs => 0,
        Kind::Resumes => 1,
    }
}
