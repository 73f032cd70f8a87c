//! The corpus driver: an ordered stream of work items, processed by a pluggable job on rayon
//! workers fed by a bounded channel, written by one ordered writer.
//!
//! ```text
//! reader thread ──(bounded)──► N rayon workers: job(item) ──► writer (reorder buffer by sequence)
//!        ▲                                                          │
//!        └──────────────── in-flight tickets returned ◄─────────────┘
//! ```
//!
//! At most `in_flight` items exist at once (read, being processed, or waiting to be written in
//! order), so memory is bounded by the largest documents, never by the corpus; results are
//! handed over strictly in input order, so output bytes are the same at any thread count.

pub mod claims;
mod job;
pub mod quotes;
mod segment_job;
mod summary;

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use crossbeam_channel::bounded;

use crate::read::{Reject, WorkItem};
use crate::write::PairRow;

pub use job::{
    align_pair_job, check_sides, content_segments, feature_align, is_null_sentence_link,
    sentence_rows, AlignFn, QuoteJob,
};
pub use segment_job::SegmentJob;
pub use summary::{Summary, REJECTS_IN_MEMORY};

/// What a job produced for one work item: its rows (pairs by default, or segments, …).
#[derive(Debug, Clone, PartialEq)]
pub struct JobOutput<R = PairRow> {
    /// The rows, in output order.
    pub rows: Vec<R>,
    /// How many content segments the item's documents had.
    pub segments: usize,
    /// Pool posts the item's quotes claim as their own translations, for the run's last step
    /// ([`claims::release_claimed_rows`]); empty for other jobs.
    pub claims: Vec<claims::ClaimQuote>,
}

impl<R> Default for JobOutput<R> {
    fn default() -> Self {
        JobOutput {
            rows: Vec::new(),
            segments: 0,
            claims: Vec::new(),
        }
    }
}

/// Why a job could not process a work item (every document of the item is then rejected).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct JobError {
    /// What went wrong.
    pub reason: String,
}

/// How one work item ended, handed to the writer in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum Finished<R = PairRow> {
    /// The job ran: the item's document count and the job's output.
    Processed {
        /// Documents in the item (1, or 2 for a pair).
        documents: usize,
        /// What the job produced.
        output: JobOutput<R>,
    },
    /// The item (or an input) could not be processed: one reject per document.
    Rejected(Vec<Reject>),
}

/// Items alive at once per worker thread, by default. A window this wide lets the other workers
/// go on while one works through a long document (with 4 per thread, two workers were idle ~5%
/// of the time on the benchmark corpus; with 16, under 1%); memory stays bounded by
/// `16 × threads` documents, never by the corpus.
pub const IN_FLIGHT_PER_THREAD: usize = 16;

/// Driver settings.
#[derive(Debug, Clone, Copy)]
pub struct DriveOptions {
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Most items alive at once; 0 picks [`IN_FLIGHT_PER_THREAD`] × threads.
    pub in_flight: usize,
}

impl Default for DriveOptions {
    fn default() -> Self {
        DriveOptions {
            threads: 1,
            in_flight: 0,
        }
    }
}

/// Why the driver stopped early.
#[derive(Debug, thiserror::Error)]
pub enum DriveError<E: std::error::Error + 'static> {
    /// The worker pool could not be built.
    #[error("cannot start worker threads: {0}")]
    Pool(#[from] rayon::ThreadPoolBuildError),
    /// The writer callback failed; the run stopped.
    #[error(transparent)]
    Write(E),
}

fn ids_of(item: &WorkItem) -> Vec<String> {
    match item {
        WorkItem::Single(d) => vec![d.doc.id.clone()],
        WorkItem::Pair { src, tgt } => vec![src.doc.id.clone(), tgt.doc.id.clone()],
    }
}

fn run_job<R, J>(job: &J, item: Result<WorkItem, Reject>) -> Finished<R>
where
    J: Fn(WorkItem) -> Result<JobOutput<R>, JobError> + Sync,
{
    let item = match item {
        Ok(i) => i,
        Err(r) => return Finished::Rejected(vec![r]),
    };
    let documents = item.documents();
    let ids = ids_of(&item);
    // A bug in a job must cost its item, not the corpus.
    let result = catch_unwind(AssertUnwindSafe(|| job(item))).unwrap_or_else(|_| {
        Err(JobError {
            reason: "internal error: the job panicked on this document".to_string(),
        })
    });
    match result {
        Ok(output) => Finished::Processed { documents, output },
        Err(e) => Finished::Rejected(
            ids.into_iter()
                .map(|id| Reject::new(id, None, e.reason.clone()))
                .collect(),
        ),
    }
}

/// Runs `job` over `items` on `opts.threads` workers and hands every result to `on_done`
/// strictly in input order, from the calling thread. Stops early when `on_done` fails.
pub fn drive<R, I, J, F, E>(
    items: I,
    opts: DriveOptions,
    job: J,
    mut on_done: F,
) -> Result<(), DriveError<E>>
where
    R: Send,
    I: Iterator<Item = Result<WorkItem, Reject>> + Send,
    J: Fn(WorkItem) -> Result<JobOutput<R>, JobError> + Sync,
    F: FnMut(Finished<R>) -> Result<(), E>,
    E: std::error::Error + 'static,
{
    let threads = opts.threads.max(1);
    let in_flight = if opts.in_flight == 0 {
        IN_FLIGHT_PER_THREAD * threads
    } else {
        opts.in_flight
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let (ticket_tx, ticket_rx) = bounded::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = ticket_tx.send(());
    }
    let (work_tx, work_rx) = bounded::<(u64, Result<WorkItem, Reject>)>(in_flight);
    let (done_tx, done_rx) = bounded::<(u64, Finished<R>)>(in_flight);
    let job = &job;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for (seq, item) in (0u64..).zip(items) {
                if ticket_rx.recv().is_err() || work_tx.send((seq, item)).is_err() {
                    break;
                }
            }
        });
        scope.spawn(move || {
            // One loop per pool thread, each bound to its thread: a broadcast job is never
            // stolen, so a thread that waits inside a job (the aligner joins the work of a
            // pair's two sides) cannot take up a second loop and stall the ordered output.
            pool.broadcast(|_| {
                while let Ok((seq, item)) = work_rx.recv() {
                    if done_tx.send((seq, run_job(job, item))).is_err() {
                        break;
                    }
                }
            });
            drop((work_rx, done_tx));
        });
        let mut waiting: BTreeMap<u64, Finished<R>> = BTreeMap::new();
        let mut next = 0u64;
        let mut outcome = Ok(());
        'recv: while let Ok((seq, finished)) = done_rx.recv() {
            waiting.insert(seq, finished);
            while let Some(finished) = waiting.remove(&next) {
                next += 1;
                if let Err(e) = on_done(finished) {
                    outcome = Err(DriveError::Write(e));
                    break 'recv;
                }
                let _ = ticket_tx.send(());
            }
        }
        // Closing our ends stops the reader and the workers if we stopped early.
        drop(done_rx);
        drop(ticket_tx);
        outcome
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::SourceDoc;
    use crate::Document;

    fn items(n: usize) -> Vec<Result<WorkItem, Reject>> {
        (0..n)
            .map(|i| {
                if i % 7 == 3 {
                    Err(Reject::new(format!("bad{i}"), Some(i), "broken"))
                } else {
                    Ok(WorkItem::Single(SourceDoc {
                        doc: Document::new(format!("d{i}"), "x".repeat(i % 5 + 1)),
                        ..SourceDoc::default()
                    }))
                }
            })
            .collect()
    }

    fn slow_job(item: WorkItem) -> Result<JobOutput, JobError> {
        let WorkItem::Single(d) = item else {
            return Err(JobError {
                reason: "pair".into(),
            });
        };
        // Uneven work so that items finish out of order.
        std::thread::sleep(std::time::Duration::from_micros(
            50 * (d.doc.text.len() as u64),
        ));
        if d.doc.id == "d5" {
            return Err(JobError {
                reason: "job failed".into(),
            });
        }
        Ok(JobOutput {
            rows: vec![PairRow {
                doc_id: d.doc.id,
                ..PairRow::default()
            }],
            segments: 1,
            ..JobOutput::default()
        })
    }

    fn collect(threads: usize) -> Vec<String> {
        let mut seen = Vec::new();
        let opts = DriveOptions {
            threads,
            in_flight: 3,
        };
        let r = drive(items(40).into_iter(), opts, slow_job, |f| {
            match f {
                Finished::Processed { output, .. } => {
                    seen.extend(output.rows.into_iter().map(|r| r.doc_id))
                }
                Finished::Rejected(r) => {
                    seen.extend(r.into_iter().map(|r| format!("!{}", r.input)))
                }
            }
            Ok::<(), std::io::Error>(())
        });
        assert!(r.is_ok());
        seen
    }

    #[test]
    fn order_is_input_order_at_any_thread_count() {
        let one = collect(1);
        assert_eq!(one.len(), 40);
        assert_eq!(one[3], "!bad3");
        assert_eq!(one[5], "!d5");
        assert_eq!(collect(2), one);
        assert_eq!(collect(4), one);
    }

    #[test]
    fn a_failing_writer_stops_the_run() {
        let mut calls = 0;
        let r = drive(
            items(1000).into_iter(),
            DriveOptions::default(),
            slow_job,
            |_| {
                calls += 1;
                if calls == 3 {
                    Err(std::io::Error::other("disk full"))
                } else {
                    Ok(())
                }
            },
        );
        assert!(matches!(r, Err(DriveError::Write(_))));
        assert_eq!(calls, 3);
    }
}
