//! Command-line flags and output writing.

// The binary is where printing belongs.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use referat::batch::{self, BatchError, Options};
use referat::dataset;
use referat::output::AtomicFile;
use referat::record::Record;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Turn Danish meeting documents (minutes, agendas, applications, reports,
/// memos) into structured JSON records.
#[derive(Parser, Debug)]
#[command(name = "referat", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract records from files and folders (`-` reads standard input).
    Extract(ExtractArgs),
    /// Print the JSON Schema of the records (`--items`: of the item stream).
    Schema {
        /// The schema of `extract --items` lines instead.
        #[arg(long)]
        items: bool,
    },
    /// Score extraction against hand-made gold files (`DIR/<file stem>.json`):
    /// precision, recall and F1 of items, amounts, dates and participants,
    /// accuracy of titles, kinds and outcomes.
    Eval(EvalArgs),
    /// Print a document's text as the extractors read it (decoded,
    /// normalized, OCR-corrected), or with `--diff` the OCR changes.
    Normalize(NormalizeArgs),
}

#[derive(clap::Args, Debug)]
struct EvalArgs {
    /// The folder of gold files.
    #[arg(long, value_name = "DIR")]
    gold: PathBuf,
    /// Files and folders to score (files without a gold file are skipped).
    #[arg(required = true)]
    paths: Vec<String>,
    /// Scores of each file too.
    #[arg(short, long)]
    verbose: bool,
}

#[derive(clap::Args, Debug)]
struct NormalizeArgs {
    /// The document (`-` reads standard input).
    file: String,
    /// List the changes as `line: damaged → corrected` instead.
    #[arg(long)]
    diff: bool,
    /// OCR correction: on, off, or auto (scans only).
    #[arg(long, value_enum, default_value_t = Ocr::Auto)]
    ocr: Ocr,
}

/// `--ocr` values.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum Ocr {
    Auto,
    On,
    Off,
}

impl From<Ocr> for referat::ocr::OcrMode {
    fn from(o: Ocr) -> Self {
        match o {
            Ocr::Auto => Self::Auto,
            Ocr::On => Self::On,
            Ocr::Off => Self::Off,
        }
    }
}

#[derive(clap::Args, Debug)]
struct ExtractArgs {
    /// Files and folders to read; folders are walked recursively.
    #[arg(required_unless_present = "stdin_ndjson")]
    paths: Vec<String>,
    /// Read documents as NDJSON lines `{"path": ..., "text": ...}` or
    /// `{"path": ..., "base64": ...}` from standard input and write their
    /// records in the same order (a filter for Spark's `RDD.pipe`, Hadoop
    /// Streaming or GNU parallel).
    #[arg(long, conflicts_with = "paths")]
    stdin_ndjson: bool,
    /// Process only the K-th of N contiguous shards of the sorted file list
    /// (`--shard 2/4`); the shards' outputs, concatenated in order, are the
    /// whole run's.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<(usize, usize)>,
    /// Also write a normalized SQLite database (created, or updated: a
    /// document processed again has its rows replaced).
    #[arg(long, value_name = "FILE")]
    sqlite: Option<PathBuf>,
    /// Also write the same tables as CSV files into DIR.
    #[arg(long, value_name = "DIR")]
    csv: Option<PathBuf>,
    /// Write CSV cells exactly, without defusing spreadsheet formulas.
    #[arg(long, requires = "csv")]
    csv_raw: bool,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write one indented JSON array instead of NDJSON.
    #[arg(long)]
    pretty: bool,
    /// One NDJSON line per agenda item (with its document's id, title, kind,
    /// body, meeting date and the item's text) instead of one per document.
    #[arg(long)]
    items: bool,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// File extensions taken from folders, comma-separated.
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        default_value = "txt,md,markdown"
    )]
    ext: Vec<String>,
    /// Files larger than this many bytes get a `too_large` error.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    max_bytes: u64,
    /// Resolve days written without a year (`mandag den 22. april`) against
    /// this date when a document has no meeting date and no full date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_reference_date)]
    reference_date: Option<(i32, u32, u32)>,
    /// Keep at most N agenda items of one document (the rest are dropped
    /// with a warning), so a hostile file cannot blow up memory.
    #[arg(long, value_name = "N", default_value_t = referat::DEFAULT_MAX_ITEMS)]
    max_items: usize,
    /// Restore Danish letters lost by OCR (`laeger` → `læger`): on, off, or
    /// auto (documents that look scanned).
    #[arg(long, value_enum, default_value_t = Ocr::Auto)]
    ocr: Ocr,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
}

/// A flag that Ctrl-C (SIGINT) sets; a second Ctrl-C exits at once.
fn interrupt_flag() -> std::sync::Arc<std::sync::atomic::AtomicBool> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let flag = std::sync::Arc::new(AtomicBool::new(false));
    let seen = flag.clone();
    let _ = ctrlc::set_handler(move || {
        if seen.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(INTERRUPTED));
        }
    });
    flag
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let bad = || format!("{s:?} is not K/N with 1 <= K <= N");
    let (k, n) = s.split_once('/').ok_or_else(bad)?;
    let (k, n): (usize, usize) = (
        k.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if k == 0 || n == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
}

fn parse_reference_date(s: &str) -> Result<(i32, u32, u32), String> {
    referat::datetime::parse_iso_date(s)
        .ok_or_else(|| format!("{s:?} is not a calendar date written YYYY-MM-DD"))
}

/// Exit codes.
const OK: u8 = 0;
const SOME_FAILED: u8 = 1;
const FATAL: u8 = 2;
/// Stopped by Ctrl-C (128 + SIGINT), as shells expect.
const INTERRUPTED: u8 = 130;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { FATAL } else { OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Schema { items } => {
            let schema = if items {
                referat::record::item_json_schema()
            } else {
                referat::record::json_schema()
            };
            let text = serde_json::to_string_pretty(&schema).expect("schema serializes");
            match writeln!(io::stdout().lock(), "{text}") {
                Ok(()) => ExitCode::from(OK),
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(OK),
                Err(e) => fatal(&format!("cannot write schema: {e}")),
            }
        }
        Command::Extract(args) => extract(args),
        Command::Normalize(args) => normalize(&args),
        Command::Eval(args) => eval(&args),
    }
}

fn eval(args: &EvalArgs) -> ExitCode {
    use referat::eval::{Gold, Scores, report, score};
    let opts = Options::default();
    let inputs = batch::collect_inputs(&args.paths, &opts);
    let mut total = Scores::default();
    let (mut scored, mut skipped) = (0, 0);
    let mut out = String::new();
    for input in &inputs {
        let batch::Input::File { label, path } = input else {
            continue;
        };
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let gold_path = args.gold.join(format!("{stem}.json"));
        let Ok(text) = std::fs::read_to_string(&gold_path) else {
            skipped += 1;
            continue;
        };
        let gold: Gold = match serde_json::from_str(&text) {
            Ok(g) => g,
            Err(e) => return fatal(&format!("{}: {e}", gold_path.display())),
        };
        let record = batch::process_input(input, &opts);
        let s = score(&record, &gold);
        if args.verbose {
            out.push_str(&format!("== {label}\n{}\n", report(&s)));
        }
        total.add(&s);
        scored += 1;
    }
    if scored == 0 {
        return fatal(&format!(
            "no file has a gold file in {}",
            args.gold.display()
        ));
    }
    out.push_str(&format!(
        "== all: {scored} files scored, {skipped} without gold\n{}",
        report(&total)
    ));
    match io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::from(OK),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(OK),
        Err(e) => fatal(&format!("cannot write output: {e}")),
    }
}

fn normalize(args: &NormalizeArgs) -> ExitCode {
    let bytes = if args.file == "-" {
        let mut b = Vec::new();
        if let Err(e) = io::Read::read_to_end(&mut io::stdin().lock(), &mut b) {
            return fatal(&format!("cannot read standard input: {e}"));
        }
        b
    } else {
        match std::fs::read(&args.file) {
            Ok(b) => b,
            Err(e) => return fatal(&format!("cannot read {}: {e}", args.file)),
        }
    };
    let doc = match referat::normalize_document(&bytes, args.ocr.into()) {
        Ok(d) => d,
        Err(e) => return fatal(&format!("{}: {e}", args.file)),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = if args.diff {
        doc.changes
            .iter()
            .try_for_each(|(line, from, to)| writeln!(out, "{line}: {from} → {to}"))
    } else {
        out.write_all(doc.text.as_bytes())
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::from(OK),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(OK),
        Err(e) => fatal(&format!("cannot write output: {e}")),
    }
}

fn fatal(message: &str) -> ExitCode {
    eprintln!("referat: error: {message}");
    ExitCode::from(FATAL)
}

/// How records are written: NDJSON or one JSON array, whole documents or
/// one value per agenda item (`--items`).
#[derive(Clone, Copy)]
struct Format {
    /// False when only a dataset is written: nothing to serialize.
    json: bool,
    pretty: bool,
    items: bool,
}

impl Format {
    /// The record's JSON values (one, or one per item), serialized on the
    /// worker that made the record; an NDJSON value ends with its newline,
    /// so that it goes to standard output in one write. (Standard output's
    /// line buffer searches each write backwards for a newline: a record
    /// written without its newline was searched whole.)
    fn encode(self, r: &Record) -> io::Result<Vec<Vec<u8>>> {
        fn one(value: &impl serde::Serialize, pretty: bool, size: usize) -> io::Result<Vec<u8>> {
            let mut buf = Vec::with_capacity(size);
            if pretty {
                serde_json::to_writer_pretty(&mut buf, value)?;
            } else {
                serde_json::to_writer(&mut buf, value)?;
                buf.push(b'\n');
            }
            Ok(buf)
        }
        if !self.json {
            Ok(Vec::new())
        } else if self.items {
            referat::record::item_records(r)
                .iter()
                .map(|item| one(item, self.pretty, 4096))
                .collect()
        } else {
            // A record is mostly its document's text again (a median of
            // 0.86 of its bytes on the 50 MB corpus): sized for that at
            // once, it is seldom grown and copied while written. At most
            // 16 MB ahead (a record of a file over `--max-bytes` is small).
            let size = usize::try_from(r.source.bytes)
                .unwrap_or(usize::MAX)
                .min(16 << 20)
                + 4096;
            Ok(vec![one(r, self.pretty, size)?])
        }
    }
}

/// A record as a worker hands it to the writer.
struct Encoded {
    json: io::Result<Vec<Vec<u8>>>,
    /// The record itself, when a dataset (SQLite, CSV) is written too.
    record: Option<Record>,
}

/// Writes serialized records as NDJSON (each value a line with its
/// newline, as [`Format::encode`] makes it) or as one JSON array.
struct RecordWriter<W: Write> {
    out: W,
    pretty: bool,
    written: u64,
}

impl<W: Write> RecordWriter<W> {
    fn write(&mut self, values: &[Vec<u8>]) -> io::Result<()> {
        for value in values {
            if self.pretty {
                self.out
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
            }
            self.out.write_all(value)?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<W> {
        if self.pretty {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Where records go: standard output, a file renamed into place when the
/// run succeeds (`-o`), or nowhere (only `--sqlite`/`--csv` asked for).
enum Out {
    Stdout(io::BufWriter<io::StdoutLock<'static>>),
    File(AtomicFile),
    Nowhere,
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Out::Stdout(w) => w.write(buf),
            Out::File(f) => f.write(buf),
            Out::Nowhere => Ok(buf.len()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Out::Stdout(w) => w.flush(),
            Out::File(f) => f.flush(),
            Out::Nowhere => Ok(()),
        }
    }
}

impl Out {
    fn commit(self) -> io::Result<()> {
        match self {
            Out::File(f) => f.commit(),
            _ => Ok(()),
        }
    }
}

fn extract(args: ExtractArgs) -> ExitCode {
    let opts = Options {
        extensions: args
            .ext
            .iter()
            .map(|e| e.trim_start_matches('.').to_lowercase())
            .collect(),
        max_bytes: args.max_bytes,
        jobs: args.jobs.map(usize::from),
        stop: Some(interrupt_flag()),
        extract: referat::ExtractOptions {
            reference_date: args.reference_date,
            ocr: args.ocr.into(),
            keep_text: args.items,
            max_items: Some(args.max_items),
        },
    };
    // With only a dataset asked for, standard output stays quiet.
    let json_out = args.output.is_some() || (args.sqlite.is_none() && args.csv.is_none());
    let out = match &args.output {
        Some(path) => match AtomicFile::create(path) {
            Ok(f) => Out::File(f),
            Err(e) => return fatal(&format!("cannot create {}: {e}", path.display())),
        },
        None if json_out => Out::Stdout(io::BufWriter::new(io::stdout().lock())),
        None => Out::Nowhere,
    };
    // Named in a write error.
    let target = match &args.output {
        Some(path) => path.display().to_string(),
        None => "standard output".to_string(),
    };
    let format = Format {
        json: json_out,
        pretty: args.pretty,
        items: args.items,
    };
    let mut writer = RecordWriter {
        out,
        pretty: format.pretty,
        written: 0,
    };
    let mut sqlite = match args
        .sqlite
        .as_deref()
        .map(dataset::Sqlite::open)
        .transpose()
    {
        Ok(db) => db,
        Err(e) => return fatal(&e.to_string()),
    };
    let mut csv = match args
        .csv
        .as_deref()
        .map(|d| dataset::CsvDir::create(d, args.csv_raw))
        .transpose()
    {
        Ok(c) => c,
        Err(e) => return fatal(&e.to_string()),
    };
    let keep = sqlite.is_some() || csv.is_some();
    let encode = |r: Record| Encoded {
        json: format.encode(&r),
        record: keep.then_some(r),
    };
    let mut sink = |e: Encoded| -> io::Result<()> {
        writer.write(&e.json?)?;
        if let Some(r) = &e.record {
            if let Some(db) = sqlite.as_mut() {
                db.add(r).map_err(io::Error::other)?;
            }
            if let Some(c) = csv.as_mut() {
                c.add(r).map_err(io::Error::other)?;
            }
        }
        Ok(())
    };
    if args.stdin_ndjson {
        let result = stdin_ndjson(&opts, &encode, &mut sink);
        return finish(result, writer, sqlite, csv, &target, args.quiet);
    }
    let inputs = batch::collect_inputs(&args.paths, &opts);
    let inputs = match args.shard {
        Some((k, n)) => batch::shard(&inputs, k, n).to_vec(),
        None => inputs,
    };

    let show = !args.quiet && io::stderr().is_terminal();
    let bar = if show {
        ProgressBar::new(inputs.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} files {msg}",
        )
        .expect("valid template"),
    );
    let result = batch::run_encoded(&inputs, &opts, encode, &mut sink, |_| bar.inc(1));
    bar.finish_and_clear();
    finish(result, writer, sqlite, csv, &target, args.quiet)
}

/// Reads `--stdin-ndjson` lines a window at a time and runs each window
/// through the batch, so output starts before input ends.
fn stdin_ndjson(
    opts: &Options,
    encode: &(dyn Fn(Record) -> Encoded + Sync),
    sink: &mut dyn FnMut(Encoded) -> io::Result<()>,
) -> Result<batch::Summary, BatchError> {
    let started = std::time::Instant::now();
    let mut total = batch::Summary::default();
    let mut lines = io::stdin().lock().lines();
    let mut n = 0;
    loop {
        let mut window = Vec::new();
        for line in lines.by_ref() {
            n += 1;
            match line {
                Ok(l) if l.trim().is_empty() => continue,
                Ok(l) => window.push(batch::ndjson_input(&l, n)),
                Err(e) => window.push(batch::Input::Unreadable {
                    label: format!("<stdin line {n}>"),
                    message: format!("stdin line {n} cannot be read: {e}"),
                }),
            }
            if window.len() >= 256 {
                break;
            }
        }
        if window.is_empty() {
            break;
        }
        let s = batch::run_encoded(&window, opts, encode, &mut *sink, |_| {})?;
        total.interrupted |= s.interrupted;
        total.files += s.files;
        total.items += s.items;
        total.errors += s.errors;
        total.bytes += s.bytes;
        if s.interrupted {
            break;
        }
    }
    total.elapsed = started.elapsed();
    Ok(total)
}

fn finish(
    result: Result<batch::Summary, BatchError>,
    writer: RecordWriter<Out>,
    sqlite: Option<dataset::Sqlite>,
    csv: Option<dataset::CsvDir>,
    target: &str,
    quiet: bool,
) -> ExitCode {
    let summary = match result {
        Ok(s) if s.interrupted => {
            // Whole records only: stdout got whole lines; an `-o` file is
            // not renamed into place (the previous one stays); SQLite keeps
            // the documents of committed batches and the pending whole ones.
            drop(writer);
            if let Some(Err(e)) = sqlite.map(dataset::Sqlite::finish) {
                return fatal(&e.to_string());
            }
            drop(csv);
            eprintln!(
                "referat: interrupted after {} files ({} with errors); -o output not written",
                s.files, s.errors
            );
            return ExitCode::from(INTERRUPTED);
        }
        Ok(s) => s,
        Err(BatchError::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            return ExitCode::from(OK);
        }
        Err(BatchError::Output(e)) => return fatal(&format!("cannot write {target}: {e}")),
        Err(e) => return fatal(&e.to_string()),
    };
    match writer.finish().and_then(Out::commit) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::from(OK),
        Err(e) => return fatal(&format!("cannot write {target}: {e}")),
    }
    if let Some(Err(e)) = sqlite.map(dataset::Sqlite::finish) {
        return fatal(&e.to_string());
    }
    if let Some(Err(e)) = csv.map(dataset::CsvDir::finish) {
        return fatal(&e.to_string());
    }
    if !quiet {
        eprintln!(
            "referat: {} files, {} items, {} with errors, {:.2} MB in {:.2} s ({:.1} MB/s)",
            summary.files,
            summary.items,
            summary.errors,
            summary.bytes as f64 / 1e6,
            summary.elapsed.as_secs_f64(),
            summary.mb_per_s()
        );
    }
    ExitCode::from(if summary.errors > 0 { SOME_FAILED } else { OK })
}
