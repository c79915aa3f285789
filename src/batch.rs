//! Stage 0 and the driver: from paths to records, in parallel, in order.
//!
//! Takes the command line's paths and gives every input's [`Record`] to a
//! sink, in sorted-path order whatever the number of threads. This is the
//! only module that touches the file system. Folders are walked recursively
//! (hidden entries skipped, only the chosen extensions taken); files named
//! directly are always taken; `-` is standard input. A file that cannot be
//! read, is too large, or makes the pipeline panic gives an error record and
//! the batch goes on. Workers take the inputs in order (big ones first, so
//! one does not finish long after the rest) and may run a bounded way
//! ahead of the writer (a window of inputs and of source bytes), so a slow
//! document holds up no other worker and memory does not grow with the
//! number of files. Records are serialized on the workers
//! ([`run_encoded`]); the writer only writes, woken for runs of them.
//!
//! ```no_run
//! use referat::batch::{collect_inputs, run, Options};
//! let opts = Options::default();
//! let inputs = collect_inputs(&["fixtures".into()], &opts);
//! let summary = run(&inputs, &opts, |record| { println!("{}", record.id); Ok(()) }, |_| {}).unwrap();
//! assert_eq!(summary.errors, 0);
//! ```

use crate::record::{ErrorKind, Record};
use std::collections::{BTreeMap, VecDeque};
use std::io::{self, Read};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How a batch is run.
#[derive(Debug, Clone)]
pub struct Options {
    /// File extensions taken from folders, without the dot, lower case.
    pub extensions: Vec<String>,
    /// Files larger than this are not read and get a `too_large` error.
    pub max_bytes: u64,
    /// Worker threads; `None` for one per core.
    pub jobs: Option<usize>,
    /// Options for each document's pipeline.
    pub extract: crate::ExtractOptions,
    /// Set from outside (a Ctrl-C handler) to stop the batch: documents
    /// already in flight finish and are handed over, no new ones start.
    pub stop: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            extensions: vec!["txt".into(), "md".into(), "markdown".into()],
            max_bytes: 64 * 1024 * 1024,
            jobs: None,
            extract: crate::ExtractOptions::default(),
            stop: None,
        }
    }
}

/// One thing to process.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// A file on disk; `label` is the path as it will be written in the record.
    File {
        /// The path as written in the record.
        label: String,
        /// The path to open.
        path: PathBuf,
    },
    /// Standard input.
    Stdin,
    /// A document handed over in memory (a `--stdin-ndjson` line).
    Memory {
        /// The path as written in the record.
        label: String,
        /// The document's bytes.
        bytes: Vec<u8>,
    },
    /// A path that could not be listed (a broken folder entry, a missing file).
    Unreadable {
        /// The path as written in the record.
        label: String,
        /// Why it could not be listed.
        message: String,
    },
}

impl Input {
    fn label(&self) -> &str {
        match self {
            Input::File { label, .. }
            | Input::Unreadable { label, .. }
            | Input::Memory { label, .. } => label,
            Input::Stdin => "-",
        }
    }
}

/// The `k`-th (1-based) of `n` contiguous shards of `inputs`: shard 1's
/// inputs, then shard 2's, ... are all of them, in order, so the shards'
/// outputs concatenate to the whole run's.
pub fn shard(inputs: &[Input], k: usize, n: usize) -> &[Input] {
    let n = n.max(1);
    let k = k.clamp(1, n);
    let len = inputs.len();
    &inputs[(k - 1) * len / n..k * len / n]
}

/// One `--stdin-ndjson` line, `{"path": ..., "text": ...}` or
/// `{"path": ..., "base64": ...}`, as an input; a line that is neither is
/// an unreadable input labelled `<stdin line N>` (1-based `n`).
pub fn ndjson_input(line: &str, n: usize) -> Input {
    use base64::Engine as _;
    let bad = |message: String| Input::Unreadable {
        label: format!("<stdin line {n}>"),
        message,
    };
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return bad(format!("stdin line {n} is not JSON: {e}")),
    };
    let Some(path) = value.get("path").and_then(|p| p.as_str()) else {
        return bad(format!("stdin line {n} has no \"path\" string"));
    };
    let bytes = match (value.get("text"), value.get("base64")) {
        (Some(serde_json::Value::String(t)), _) => t.as_bytes().to_vec(),
        (_, Some(serde_json::Value::String(b))) => {
            match base64::engine::general_purpose::STANDARD.decode(b.trim()) {
                Ok(bytes) => bytes,
                Err(e) => {
                    return Input::Unreadable {
                        label: path.to_string(),
                        message: format!("{path}: \"base64\" does not decode: {e}"),
                    };
                }
            }
        }
        _ => {
            return Input::Unreadable {
                label: path.to_string(),
                message: format!("{path}: the line has neither a \"text\" nor a \"base64\" string"),
            };
        }
    };
    Input::Memory {
        label: path.to_string(),
        bytes,
    }
}

/// Fatal failures of a batch (per-document failures are records, not errors).
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The sink (the output) failed.
    #[error("cannot write output: {0}")]
    Output(#[source] io::Error),
    /// The thread pool could not be built.
    #[error("cannot start {jobs} worker threads: {message}")]
    Threads {
        /// Threads asked for.
        jobs: usize,
        /// The pool's error.
        message: String,
    },
}

/// What a batch did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Records written.
    pub files: u64,
    /// Agenda items found in all records.
    pub items: u64,
    /// Records with `error` set.
    pub errors: u64,
    /// Source bytes read.
    pub bytes: u64,
    /// Wall time of the batch.
    pub elapsed: Duration,
    /// The batch was stopped before all inputs were processed.
    pub interrupted: bool,
}

impl Summary {
    /// Megabytes (10^6 bytes) per second.
    pub fn mb_per_s(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        self.bytes as f64 / 1e6 / secs
    }
}

fn label_of(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Expands the command line's paths into inputs, sorted by path.
/// Folders are walked; `-` is standard input.
pub fn collect_inputs(args: &[String], opts: &Options) -> Vec<Input> {
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let path = PathBuf::from(arg);
        if !path.is_dir() {
            out.push(Input::File {
                label: arg.clone(),
                path,
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(&path)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let ext = e
                        .path()
                        .extension()
                        .map(|x| x.to_string_lossy().to_lowercase());
                    if ext.is_some_and(|x| opts.extensions.contains(&x)) {
                        out.push(Input::File {
                            label: label_of(e.path()),
                            path: e.into_path(),
                        });
                    }
                }
                Ok(_) => {}
                Err(err) => {
                    let label = err.path().map_or_else(|| arg.clone(), label_of);
                    out.push(Input::Unreadable {
                        label,
                        message: err.to_string(),
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| a.label().cmp(b.label()));
    out.dedup();
    out
}

/// Reads one input's bytes, or the record that says why it could not be read.
fn read(input: &Input, max_bytes: u64) -> Result<Vec<u8>, Box<Record>> {
    let label = input.label();
    let fail = |kind, message: String| Box::new(crate::error_record(label, None, kind, message));
    match input {
        Input::Unreadable { message, .. } => Err(fail(ErrorKind::Io, message.clone())),
        Input::Memory { bytes, .. } => {
            if bytes.len() as u64 > max_bytes {
                let mut r = fail(
                    ErrorKind::TooLarge,
                    format!(
                        "{label} is {} bytes, over --max-bytes {max_bytes}",
                        bytes.len()
                    ),
                );
                r.source.bytes = bytes.len() as u64;
                return Err(r);
            }
            Ok(bytes.clone())
        }
        Input::Stdin => {
            let mut buf = Vec::new();
            io::stdin()
                .lock()
                .take(max_bytes + 1)
                .read_to_end(&mut buf)
                .map_err(|e| fail(ErrorKind::Io, format!("cannot read standard input: {e}")))?;
            if buf.len() as u64 > max_bytes {
                return Err(fail(
                    ErrorKind::TooLarge,
                    format!("standard input exceeds --max-bytes {max_bytes}"),
                ));
            }
            Ok(buf)
        }
        Input::File { path, .. } => {
            let meta = std::fs::metadata(path)
                .map_err(|e| fail(ErrorKind::Io, format!("cannot read {label}: {e}")))?;
            if meta.is_dir() {
                return Err(fail(ErrorKind::Io, format!("{label} is a folder")));
            }
            if meta.len() > max_bytes {
                let mut r = fail(
                    ErrorKind::TooLarge,
                    format!(
                        "{label} is {} bytes, over --max-bytes {max_bytes}",
                        meta.len()
                    ),
                );
                r.source.bytes = meta.len();
                return Err(r);
            }
            let mut buf = Vec::with_capacity(meta.len() as usize);
            std::fs::File::open(path)
                .and_then(|f| f.take(max_bytes + 1).read_to_end(&mut buf))
                .map_err(|e| fail(ErrorKind::Io, format!("cannot read {label}: {e}")))?;
            if buf.len() as u64 > max_bytes {
                return Err(fail(
                    ErrorKind::TooLarge,
                    format!("{label} grew over --max-bytes {max_bytes} while read"),
                ));
            }
            Ok(buf)
        }
    }
}

/// Runs `process` on one document, turning a panic into an `internal` error record.
pub fn guarded(label: &str, bytes: &[u8], process: impl Fn(&str, &[u8]) -> Record) -> Record {
    match panic::catch_unwind(AssertUnwindSafe(|| process(label, bytes))) {
        Ok(r) => r,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            crate::error_record(
                label,
                Some(bytes),
                ErrorKind::Internal,
                format!("internal error (a bug in referat): {what}"),
            )
        }
    }
}

/// Reads and processes one input.
pub fn process_input(input: &Input, opts: &Options) -> Record {
    process_input_with(input, opts, crate::extract)
}

fn process_input_with(
    input: &Input,
    opts: &Options,
    process: impl Fn(&str, &[u8]) -> Record,
) -> Record {
    match read(input, opts.max_bytes) {
        Ok(bytes) => guarded(input.label(), &bytes, process),
        Err(record) => *record,
    }
}

/// Source bytes, per worker, of the records done but not yet written past
/// which workers wait for the writer (the next record to write is always
/// let through): enough for the others to go on while one works through a
/// document of several megabytes.
const AHEAD_BYTES_PER_JOB: u64 = 8 << 20;

/// Which input a worker takes next, how far the workers may run ahead of
/// the writer, and the records done and not yet written. Workers run at
/// most `window` inputs past the next one to write, and while the records
/// waiting to be written come from fewer than `budget` source bytes. The
/// writer never waits for the workers' room, and the input it needs next
/// is always let through, so the batch cannot stall; memory stays bounded
/// whatever its length.
///
/// Inputs are taken in order, except that big ones (see [`BIG_INPUT`]) are
/// taken first, while those taken early and not yet written come from at
/// most half the budget: started in its turn near the end of a batch, a
/// document many times the size of the others would keep one core busy
/// after the rest are done.
///
/// The writer is woken for a run of [`WRITE_RUN`] records ready in order,
/// when a worker waits for room, when the workers are done, or when the
/// next record has waited [`WRITE_DELAY`]: not for
/// every record (woken for each, through a channel, it cost one worker
/// 4 % of its time: 874 context switches on 800 real documents, now 122).
struct Flow<T> {
    window: usize,
    budget: u64,
    state: Mutex<FlowState<T>>,
    /// Workers wait here for room.
    room: Condvar,
    /// The writer waits here for records.
    ready: Condvar,
}

struct FlowState<T> {
    /// The number of inputs.
    len: usize,
    /// The first input not yet taken in order.
    next: usize,
    /// Big inputs not yet taken, ascending, with their sizes.
    big: VecDeque<(usize, u64)>,
    /// Big inputs taken ahead of `next` and not yet written, with sizes.
    early: BTreeMap<usize, u64>,
    /// Their bytes.
    early_bytes: u64,
    /// Records written so far (the index of the next one to write).
    written: usize,
    /// Records done and not yet written, by input (boxed: a record, which
    /// may be large, is not moved about in the map's nodes).
    done: BTreeMap<usize, Box<(Tally, T)>>,
    /// Source bytes of records done and not yet written.
    held: u64,
    /// Workers still taking inputs.
    workers: usize,
    /// Workers waiting for room.
    waiting: usize,
    /// The writer waits for records: for the next (`Some(false)`), or for
    /// a run behind it, at most [`WRITE_DELAY`] (`Some(true)`).
    writer_waits: Option<bool>,
    /// The writer failed: workers stop.
    aborted: bool,
}

/// Records ready in order for which the writer is woken.
const WRITE_RUN: usize = 32;
/// The longest the next record to write waits for a run: records of big
/// documents still come out as they finish.
const WRITE_DELAY: Duration = Duration::from_millis(50);

impl<T> FlowState<T> {
    /// Whether the writer has work: the next record is done and a run of
    /// them is ready or a worker waits for room; or the workers are done
    /// (the writer then writes what is left in order, and ends).
    fn writer_has_work(&self) -> bool {
        self.aborted
            || self.workers == 0
            || self.done.contains_key(&self.written)
                && (self.waiting > 0
                    || self
                        .done
                        .range(self.written..self.written + WRITE_RUN)
                        .count()
                        == WRITE_RUN)
    }
}

/// Inputs at least this large are started first.
const BIG_INPUT: u64 = 512 * 1024;

impl<T> Flow<T> {
    fn new(
        window: usize,
        budget: u64,
        len: usize,
        big: VecDeque<(usize, u64)>,
        workers: usize,
    ) -> Flow<T> {
        Flow {
            window,
            budget,
            state: Mutex::new(FlowState {
                len,
                next: 0,
                big,
                early: BTreeMap::new(),
                early_bytes: 0,
                written: 0,
                done: BTreeMap::new(),
                held: 0,
                workers,
                waiting: 0,
                writer_waits: None,
                aborted: false,
            }),
            room: Condvar::new(),
            ready: Condvar::new(),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, FlowState<T>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Wakes the writer if it waits and has work, or waits for the next
    /// record and it is there (to wait for a run behind it).
    fn wake_writer(&self, s: &FlowState<T>) {
        let wake = match s.writer_waits {
            None => false,
            Some(for_run) => s.writer_has_work() || !for_run && s.done.contains_key(&s.written),
        };
        if wake {
            self.ready.notify_one();
        }
    }

    /// The next input to process, waiting for room; `None` when all are
    /// taken or the batch was aborted.
    fn take(&self) -> Option<usize> {
        let mut s = self.state();
        loop {
            if s.aborted {
                return None;
            }
            while s.early.contains_key(&s.next) {
                s.next += 1;
            }
            if s.next >= s.len {
                return None;
            }
            if s.big.front().is_some_and(|b| b.0 == s.next) {
                s.big.pop_front();
            }
            let room = s.held < self.budget;
            if let Some(&(b, size)) = s.big.front()
                && s.early_bytes + size <= self.budget / 2
                && room
            {
                s.big.pop_front();
                s.early.insert(b, size);
                s.early_bytes += size;
                return Some(b);
            }
            if s.next == s.written || (s.next < s.written + self.window && room) {
                s.next += 1;
                return Some(s.next - 1);
            }
            s.waiting += 1;
            self.wake_writer(&s);
            s = self.room.wait(s).unwrap_or_else(PoisonError::into_inner);
            s.waiting -= 1;
        }
    }

    /// Input `i`'s record is done and waits to be written.
    fn put(&self, i: usize, tally: Tally, record: T) {
        let mut s = self.state();
        s.held += tally.bytes;
        s.done.insert(i, Box::new((tally, record)));
        self.wake_writer(&s);
    }

    /// A worker takes no more inputs.
    fn worker_done(&self) {
        let mut s = self.state();
        s.workers -= 1;
        self.wake_writer(&s);
    }

    /// The records ready in order from the next one to write, taken out to
    /// be written, once there is work ([`FlowState::writer_has_work`]);
    /// `None` when the batch is over (the workers are done and the next
    /// record is not there, or the writer failed).
    fn ready_run(&self) -> Option<Vec<Box<(Tally, T)>>> {
        let mut s = self.state();
        while !s.writer_has_work() {
            if s.done.contains_key(&s.written) {
                // The next record waits for a run at most [`WRITE_DELAY`].
                s.writer_waits = Some(true);
                let (t, waited) = self
                    .ready
                    .wait_timeout(s, WRITE_DELAY)
                    .unwrap_or_else(PoisonError::into_inner);
                s = t;
                s.writer_waits = None;
                if waited.timed_out() {
                    break;
                }
            } else {
                s.writer_waits = Some(false);
                s = self.ready.wait(s).unwrap_or_else(PoisonError::into_inner);
                s.writer_waits = None;
            }
        }
        if s.aborted {
            return None;
        }
        let mut run = Vec::new();
        let first = s.written;
        while let Some(r) = s.done.remove(&(first + run.len())) {
            run.push(r);
        }
        (!run.is_empty()).then_some(run)
    }

    /// The records up to `written` are written, from `bytes` of source.
    fn written(&self, written: usize, bytes: u64) {
        let mut s = self.state();
        let from = s.written;
        s.written = written;
        s.held = s.held.saturating_sub(bytes);
        // Every input before `written` was taken: the in-order scan need
        // not look for the early ones just forgotten.
        s.next = s.next.max(written);
        for i in from..written {
            if let Some(size) = s.early.remove(&i) {
                s.early_bytes -= size;
            }
        }
        if s.waiting > 0 {
            self.room.notify_all();
        }
    }

    /// The writer failed: waiting workers give up.
    fn abort(&self) {
        self.state().aborted = true;
        self.room.notify_all();
    }
}

/// Tells the [`Flow`] its worker is done when dropped.
struct WorkerDone<'f, T>(&'f Flow<T>);

impl<T> Drop for WorkerDone<'_, T> {
    fn drop(&mut self) {
        self.0.worker_done();
    }
}

/// Where big inputs stand, for [`Flow`]; none when one worker does all.
fn big_inputs(inputs: &[Input], jobs: usize) -> VecDeque<(usize, u64)> {
    if jobs < 2 {
        return VecDeque::new();
    }
    let size = |input: &Input| match input {
        Input::File { path, .. } => std::fs::metadata(path).map_or(0, |m| m.len()),
        Input::Memory { bytes, .. } => bytes.len() as u64,
        Input::Stdin | Input::Unreadable { .. } => 0,
    };
    (0..inputs.len())
        .map(|i| (i, size(&inputs[i])))
        .filter(|&(_, n)| n >= BIG_INPUT)
        .collect()
}

/// Processes `inputs` in parallel and hands each record to `sink` in input
/// order; `progress` is called with each record's source size.
pub fn run(
    inputs: &[Input],
    opts: &Options,
    mut sink: impl FnMut(&Record) -> io::Result<()>,
    progress: impl Fn(u64) + Sync,
) -> Result<Summary, BatchError> {
    run_encoded(inputs, opts, |r| r, |r| sink(&r), progress)
}

/// [`run`] with each record turned into `T` by `encode` on the worker that
/// made it (serialized, say), so the one writer thread only writes: the
/// writer would otherwise bound the speed-up of many cores.
pub fn run_encoded<T: Send>(
    inputs: &[Input],
    opts: &Options,
    encode: impl Fn(Record) -> T + Sync,
    sink: impl FnMut(T) -> io::Result<()>,
    progress: impl Fn(u64) + Sync,
) -> Result<Summary, BatchError> {
    let process = |label: &str, bytes: &[u8]| crate::extract_with(label, bytes, &opts.extract);
    drive(inputs, opts, process, encode, sink, progress)
}

/// [`run`] with a custom per-document pipeline (for tests and tools).
pub fn run_with(
    inputs: &[Input],
    opts: &Options,
    process: impl Fn(&str, &[u8]) -> Record + Sync,
    mut sink: impl FnMut(&Record) -> io::Result<()>,
    progress: impl Fn(u64) + Sync,
) -> Result<Summary, BatchError> {
    drive(inputs, opts, process, |r| r, |r| sink(&r), progress)
}

/// What the summary needs of a record, taken before it is encoded.
struct Tally {
    items: u64,
    failed: bool,
    bytes: u64,
}

fn drive<T: Send>(
    inputs: &[Input],
    opts: &Options,
    process: impl Fn(&str, &[u8]) -> Record + Sync,
    encode: impl Fn(Record) -> T + Sync,
    mut sink: impl FnMut(T) -> io::Result<()>,
    progress: impl Fn(u64) + Sync,
) -> Result<Summary, BatchError> {
    let started = Instant::now();
    let jobs = opts
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| BatchError::Threads {
            jobs,
            message: e.to_string(),
        })?;
    let stopped = || {
        opts.stop
            .as_ref()
            .is_some_and(|s| s.load(Ordering::Relaxed))
    };
    // How far the workers may run ahead of the writer: a window of inputs
    // (smaller when a stop may come, so what is written after it is short),
    // and a budget of source bytes in records done but not yet written.
    let window = if opts.stop.is_some() {
        (jobs * 16).max(64)
    } else {
        (jobs * 64).max(256)
    };
    let flow = Flow::new(
        window,
        AHEAD_BYTES_PER_JOB * jobs as u64,
        inputs.len(),
        big_inputs(inputs, jobs),
        jobs,
    );
    if jobs > 1 && inputs.len() > 1 {
        // The patterns built at once on all threads, not one after another
        // as the first documents reach them.
        pool.install(crate::prepare);
    }
    let mut summary = Summary::default();
    let mut failed = None;
    pool.in_place_scope(|scope| {
        for _ in 0..jobs {
            let (flow, process, encode, progress) = (&flow, &process, &encode, &progress);
            scope.spawn(move |_| {
                // Counted out however the worker ends (a panic too), so
                // the writer does not wait for it.
                let _done = WorkerDone(flow);
                while !stopped() {
                    let Some(i) = flow.take() else {
                        break;
                    };
                    let r = process_input_with(&inputs[i], opts, process);
                    let tally = Tally {
                        items: r.items.len() as u64,
                        failed: r.error.is_some(),
                        bytes: r.source.bytes,
                    };
                    progress(tally.bytes);
                    flow.put(i, tally, encode(r));
                }
            });
        }
        // The writer, on this thread: runs of records in input order. After
        // a stop, a record beyond the first input not done (a big one taken
        // early) is dropped: the output stays a prefix.
        let mut written = 0;
        while let Some(run) = flow.ready_run() {
            let mut bytes = 0;
            for done in run {
                let (tally, r) = *done;
                summary.files += 1;
                summary.items += tally.items;
                summary.errors += u64::from(tally.failed);
                summary.bytes += if tally.failed { 0 } else { tally.bytes };
                if let Err(e) = sink(r) {
                    failed = Some(e);
                    flow.abort();
                    return;
                }
                written += 1;
                bytes += tally.bytes;
            }
            flow.written(written, bytes);
        }
    });
    if let Some(e) = failed {
        return Err(BatchError::Output(e));
    }
    summary.interrupted = (summary.files as usize) < inputs.len();
    summary.elapsed = started.elapsed();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(label: &str) -> Input {
        Input::File {
            label: label.into(),
            path: PathBuf::from(label),
        }
    }

    #[test]
    fn a_panic_becomes_that_documents_error() {
        let dir = tempfile::tempdir().unwrap();
        let mut inputs = Vec::new();
        for name in ["a.txt", "b.txt", "c.txt"] {
            let p = dir.path().join(name);
            std::fs::write(&p, name).unwrap();
            inputs.push(Input::File {
                label: name.into(),
                path: p,
            });
        }
        let opts = Options {
            jobs: Some(2),
            ..Options::default()
        };
        let process = |label: &str, bytes: &[u8]| {
            if label == "b.txt" {
                panic!("boom in {label}");
            }
            crate::extract(label, bytes)
        };
        let prev = panic::take_hook();
        panic::set_hook(Box::new(|_| {}));
        let mut seen = Vec::new();
        let summary = run_with(
            &inputs,
            &opts,
            process,
            |r| {
                seen.push(r.clone());
                Ok(())
            },
            |_| {},
        )
        .unwrap();
        panic::set_hook(prev);
        assert_eq!(summary.files, 3);
        assert_eq!(summary.errors, 1);
        assert_eq!(seen[1].source.path, "b.txt");
        let err = seen[1].error.as_ref().unwrap();
        assert_eq!(err.kind, ErrorKind::Internal);
        assert!(err.message.contains("boom in b.txt"));
        assert!(seen[0].error.is_none() && seen[2].error.is_none());
    }

    fn memory(n: usize) -> Vec<Input> {
        (0..n)
            .map(|i| Input::Memory {
                label: format!("{i:04}.txt"),
                bytes: format!("Punkt {i}: Godkendelse").into_bytes(),
            })
            .collect()
    }

    /// Runs `inputs` through `process` on two workers: the summary, and
    /// the labels in the order the records were written.
    fn on_two_workers(
        inputs: &[Input],
        process: impl Fn(&str, &[u8]) -> Record + Sync,
    ) -> (Summary, Vec<String>) {
        let opts = Options {
            jobs: Some(2),
            ..Options::default()
        };
        let mut labels = Vec::new();
        let summary = run_with(
            inputs,
            &opts,
            process,
            |r| {
                labels.push(r.source.path.clone());
                Ok(())
            },
            |_| {},
        )
        .unwrap();
        (summary, labels)
    }

    #[test]
    fn a_slow_document_holds_up_no_other_worker_and_order_is_kept() {
        use std::sync::atomic::{AtomicBool, AtomicUsize};
        let inputs = memory(300);
        let first_done = AtomicBool::new(false);
        let done_meanwhile = AtomicUsize::new(0);
        let process = |label: &str, bytes: &[u8]| {
            if label == "0000.txt" {
                std::thread::sleep(Duration::from_millis(400));
                first_done.store(true, Ordering::SeqCst);
            } else if !first_done.load(Ordering::SeqCst) {
                done_meanwhile.fetch_add(1, Ordering::SeqCst);
            }
            crate::extract(label, bytes)
        };
        let (summary, labels) = on_two_workers(&inputs, process);
        assert_eq!(summary.files, 300);
        let want: Vec<String> = (0..300).map(|i| format!("{i:04}.txt")).collect();
        assert_eq!(labels, want);
        // The other worker went on through the window (256 inputs) while
        // the first document was processed, instead of waiting at a batch
        // boundary.
        let meanwhile = done_meanwhile.load(Ordering::SeqCst);
        assert!(meanwhile >= 200, "{meanwhile}");
    }

    #[test]
    fn a_big_input_is_started_first_and_order_is_kept() {
        let mut inputs = memory(600);
        let big = 590;
        inputs[big] = Input::Memory {
            label: format!("{big:04}.txt"),
            bytes: "Punkt 1: Godkendelse\n".repeat(30_000).into_bytes(),
        };
        use std::sync::atomic::AtomicBool;
        let started = Mutex::new(Vec::new());
        let (big_started, gave_up) = (AtomicBool::new(false), AtomicBool::new(false));
        let process = |label: &str, bytes: &[u8]| {
            if label == format!("{big:04}.txt") {
                started.lock().unwrap().push(label.to_string());
                big_started.store(true, Ordering::SeqCst);
            } else {
                // A small input waits for the big one to start (it is taken
                // first, by the other worker): otherwise, with its worker
                // held up a moment by the machine, small ones would start
                // ahead of it, and the order they start in would not be
                // the order they were taken in. Waited for once, at most
                // two seconds: when the big one is not taken first, it
                // never comes.
                let t = Instant::now();
                while !gave_up.load(Ordering::SeqCst) && !big_started.load(Ordering::SeqCst) {
                    if t.elapsed() > Duration::from_secs(2) {
                        gave_up.store(true, Ordering::SeqCst);
                    }
                    std::thread::yield_now();
                }
                started.lock().unwrap().push(label.to_string());
            }
            crate::extract(label, bytes)
        };
        let (_, labels) = on_two_workers(&inputs, process);
        let want: Vec<String> = (0..600).map(|i| format!("{i:04}.txt")).collect();
        assert_eq!(labels, want);
        // Taken first, long before its turn in order.
        assert!(
            !gave_up.load(Ordering::SeqCst),
            "the big input was not taken first"
        );
        let started = started.into_inner().unwrap();
        let at = started.iter().position(|l| *l == format!("{big:04}.txt"));
        assert_eq!(at, Some(0));
    }

    /// Runs `workers` threads over a [`Flow`] of `len` inputs (each
    /// record its input's index, from 10 bytes) and writes on this one;
    /// in `lockstep` a worker waits for its record to be written before it
    /// takes the next. The records written, or `None` if the batch stalls
    /// for 10 seconds.
    fn flowed(
        window: usize,
        budget: u64,
        len: usize,
        workers: usize,
        lockstep: bool,
    ) -> Option<Vec<usize>> {
        use std::sync::atomic::AtomicUsize;
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let flow = Flow::<usize>::new(window, budget, len, VecDeque::new(), workers);
            let seen = AtomicUsize::new(0);
            let mut out = Vec::new();
            std::thread::scope(|scope| {
                for _ in 0..workers {
                    scope.spawn(|| {
                        let _done = WorkerDone(&flow);
                        while let Some(i) = flow.take() {
                            let tally = Tally {
                                items: 0,
                                failed: false,
                                bytes: 10,
                            };
                            flow.put(i, tally, i);
                            while lockstep && seen.load(Ordering::SeqCst) <= i {
                                std::thread::sleep(Duration::from_millis(1));
                            }
                        }
                    });
                }
                while let Some(run) = flow.ready_run() {
                    let bytes = 10 * run.len() as u64;
                    out.extend(run.into_iter().map(|done| done.1));
                    seen.store(out.len(), Ordering::SeqCst);
                    flow.written(out.len(), bytes);
                }
            });
            let _ = tx.send(out);
        });
        rx.recv_timeout(Duration::from_secs(10)).ok()
    }

    #[test]
    fn the_writer_is_woken_by_a_run_by_waiting_workers_and_at_the_end() {
        let all = |n: usize| Some((0..n).collect::<Vec<_>>());
        // A window or a budget smaller than a run: only workers waiting for
        // room wake the writer.
        assert_eq!(flowed(4, 1 << 20, 500, 1, false), all(500));
        assert_eq!(flowed(4, 1 << 20, 500, 3, false), all(500));
        assert_eq!(flowed(1_000, 50, 500, 2, false), all(500));
        // Runs, then the end with fewer than a run left.
        let n = WRITE_RUN * 3 + 5;
        assert_eq!(flowed(1_000, 1 << 20, n, 2, false), all(n));
        assert_eq!(flowed(1_000, 1 << 20, 1, 1, false), all(1));
        assert_eq!(flowed(1_000, 1 << 20, 0, 2, false), all(0));
    }

    #[test]
    fn a_record_waits_for_a_run_at_most_the_delay() {
        // Each record is written before its worker goes on: only the delay
        // lets the writer write a record with no run behind it.
        assert_eq!(flowed(1_000, 1 << 20, 3, 1, true), Some(vec![0, 1, 2]));
    }

    #[test]
    fn big_inputs_go_first_within_half_the_budget_then_in_order() {
        let flow = Flow::<()>::new(
            4,
            2_000,
            10,
            VecDeque::from([(5, 600), (7, 600), (9, 600)]),
            1,
        );
        let take = |n: usize| (0..n).map(|_| flow.take().unwrap()).collect::<Vec<_>>();
        // 5 fits half the budget (1,000 bytes), 7 would not: in order, up
        // to the window of four past the next to write.
        assert_eq!(take(5), [5, 0, 1, 2, 3]);
        flow.written(1, 10);
        assert_eq!(take(1), [4]);
        // 4 is the last the window lets through; 5 is skipped as taken.
        for w in 2..=6 {
            flow.written(w, 10);
        }
        // 5 written: its bytes are free again, and 7 goes first.
        assert_eq!(take(3), [7, 6, 8]);
        assert_eq!(take(1), [9]);
        assert_eq!(flow.take(), None);
    }

    #[test]
    fn a_failing_sink_ends_the_batch_with_its_error() {
        let inputs = memory(2_000);
        let opts = Options {
            jobs: Some(3),
            ..Options::default()
        };
        let mut written = 0;
        let result = run(
            &inputs,
            &opts,
            |_| {
                written += 1;
                if written == 5 {
                    Err(io::Error::other("disk full"))
                } else {
                    Ok(())
                }
            },
            |_| {},
        );
        assert!(matches!(result, Err(BatchError::Output(e)) if e.to_string() == "disk full"));
        assert_eq!(written, 5);
    }

    #[test]
    fn a_stop_ends_the_batch_after_a_prefix_of_the_inputs() {
        let inputs = memory(5_000);
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let opts = Options {
            jobs: Some(2),
            stop: Some(stop.clone()),
            ..Options::default()
        };
        let mut labels = Vec::new();
        let summary = run(
            &inputs,
            &opts,
            |r| {
                labels.push(r.source.path.clone());
                if labels.len() == 10 {
                    stop.store(true, Ordering::Relaxed);
                }
                Ok(())
            },
            |_| {},
        )
        .unwrap();
        assert!(summary.interrupted);
        assert!(labels.len() >= 10 && labels.len() < 100, "{}", labels.len());
        let want: Vec<String> = (0..labels.len()).map(|i| format!("{i:04}.txt")).collect();
        assert_eq!(labels, want);
    }

    #[test]
    fn missing_file_is_an_io_record() {
        let r = process_input(&file("/nonexistent/x.txt"), &Options::default());
        assert_eq!(r.error.unwrap().kind, ErrorKind::Io);
        assert_eq!(r.source.path, "/nonexistent/x.txt");
    }

    #[test]
    fn too_large_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        std::fs::write(&p, vec![b'a'; 100]).unwrap();
        let opts = Options {
            max_bytes: 10,
            ..Options::default()
        };
        let r = process_input(
            &Input::File {
                label: "big.txt".into(),
                path: p,
            },
            &opts,
        );
        assert_eq!(r.error.unwrap().kind, ErrorKind::TooLarge);
        assert_eq!(r.source.bytes, 100);
    }

    #[test]
    fn walk_is_sorted_filtered_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::create_dir_all(d.join(".git")).unwrap();
        for f in [
            "b.txt",
            "a.md",
            "sub/c.markdown",
            "x.pdf",
            ".hidden.txt",
            ".git/d.txt",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let inputs = collect_inputs(&[d.to_string_lossy().into_owned()], &Options::default());
        let names: Vec<String> = inputs
            .iter()
            .map(|i| {
                Path::new(i.label())
                    .strip_prefix(d)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["a.md", "b.txt", "sub/c.markdown"]);
    }
}
