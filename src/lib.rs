//! referat turns Danish public-sector meeting documents (minutes, agendas,
//! applications, reports, memos) into structured JSON records.
//!
//! # The pipeline
//!
//! One document goes through small stages, each a module with one entry
//! function and its own tests:
//!
//! | stage | module | takes → gives |
//! |---|---|---|
//! | read | [`batch`] | paths and folders → bytes (the only stage that does I/O) |
//! | decode | [`decode`] | bytes → UTF-8 text + offset map (UTF-8, UTF-16, Windows-1252) |
//! | normalize | [`normalize`] | text → normalized text + offset map (CRLF, NFC, soft hyphens) |
//! | repair | [`ocr`] | normalized text → line-break hyphens joined and, in scans, Danish letters restored + offset map |
//! | lay out | [`blocks`] | normalized text → one [`blocks::Block`] per line (Markdown or plain text) |
//! | segment | [`segment`] | blocks → preamble + agenda items + sections |
//! | extract | [`meeting`], [`decision`], [`votes`], [`datetime`], [`amounts`], [`dates`], [`people`], [`orgs`], [`tables`], [`forms`] | blocks and sections → typed values |
//! | assemble | [`extract`] (this module) | all of the above → a [`record::Record`] with source spans |
//! | write | [`record::item_records`], [`dataset`], [`output`], `cli.rs` | records → NDJSON records or items, a JSON array, SQLite, CSV; files renamed into place |
//! | score | [`eval`] | records + hand-made gold → precision, recall, accuracy |
//!
//! Shared by the stages: [`span`] (byte ranges, offset maps, line numbers,
//! scans eight bytes at a time),
//! [`lexicon`] (the word lists in `data/`) and [`caseless`] (case-insensitive
//! patterns searched in a lower-cased copy of the text, several times faster
//! than `(?i)`).
//!
//! ```
//! let text = "# Referat\n\n## Punkt 1: Eventuelt\n\n### Beslutning\n\nIntet at bemærke.\n";
//! let record = referat::extract("referat.md", text.as_bytes());
//! assert_eq!(record.items.len(), 1);
//! assert_eq!(record.items[0].kind, Some(referat::record::ItemKind::Eventuelt));
//! assert_eq!(record.items[0].decision.as_ref().unwrap().outcome, referat::record::Outcome::None);
//! ```

/// `fn()`s that build the named lazily built statics (a stage's
/// `PREPARE`, run by [`prepare`]).
macro_rules! builders {
    ($($name:ident),* $(,)?) => {
        &[$(|| {
            std::sync::LazyLock::force(&$name);
        }),*]
    };
}

pub mod amounts;
pub mod batch;
pub mod blocks;
pub mod caseless;
pub mod dataset;
pub mod dates;
pub mod datetime;
pub mod decision;
pub mod decode;
pub mod eval;
pub mod forms;
pub mod lexicon;
pub mod meeting;
pub mod normalize;
pub mod ocr;
pub mod orgs;
pub mod output;
pub mod people;
pub mod record;
pub mod segment;
pub mod span;
pub mod tables;
pub mod votes;

use crate::blocks::{Block, BlockKind, Format};
use crate::record::{
    AgendaItem, Amount, AmountRange, DateRef, Decision, DocKind, ErrorKind, ItemKind, Meeting,
    Normalization, Outcome, Participant, Record, RecordError, SCHEMA_VERSION, Section, SectionName,
    Source, Table, TimeSlot,
};
use crate::segment::{ItemSeg, SectionSeg};
use crate::span::{LineIndex, OffsetMap, RangeSet, Span};
use regex::Regex;
use std::sync::LazyLock;

/// Maps offsets of the normalized text to spans in the source bytes.
struct SourceMap<'a> {
    decoded: &'a OffsetMap,
    normalized: &'a OffsetMap,
    corrected: &'a OffsetMap,
    lines: LineIndex,
}

impl SourceMap<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        let back = |at| {
            let at = self.normalized.to_origin(self.corrected.to_origin(at));
            self.decoded.to_origin(at)
        };
        let (s, e) = (back(start), back(end));
        Span {
            start: s,
            end: e.max(s),
            line: self.lines.line(start),
        }
    }
}

/// The texts of the seed fixtures and, where the checkout has it, the
/// devset: real documents for the tests that check a faster form of a
/// pattern against the pattern itself.
#[cfg(test)]
pub(crate) fn test_documents() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["fixtures", "../shared/devset"] {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                out.push(t);
            }
        }
    }
    out
}

/// `extra` and then every line of the [`test_documents`], for the tests of
/// a cheap check before a line pattern.
#[cfg(test)]
pub(crate) fn test_lines(extra: &[&str]) -> Vec<String> {
    let mut lines: Vec<String> = extra.iter().map(|l| l.to_string()).collect();
    for t in test_documents() {
        lines.extend(t.lines().map(str::to_string));
    }
    lines
}

/// `extra`, then every line and every paragraph (text between blank
/// lines) of the [`test_documents`]: the texts a line pattern's fast path
/// is held to the pattern on.
#[cfg(test)]
pub(crate) fn test_lines_and_paragraphs(extra: &[&str]) -> Vec<String> {
    let mut texts: Vec<String> = extra.iter().map(|l| l.to_string()).collect();
    for t in test_documents() {
        texts.extend(t.lines().chain(t.split("\n\n")).map(str::to_string));
    }
    texts
}

/// `check` run on each of `texts` and then on each of the
/// [`test_documents`]: the sum of what it counts (the matches it compared).
#[cfg(test)]
pub(crate) fn checked_on_documents(texts: &[&str], check: impl Fn(&str) -> usize) -> usize {
    let tricky: usize = texts.iter().map(|t| check(t)).sum();
    tricky + test_documents().iter().map(|d| check(d)).sum::<usize>()
}

/// Texts made of `pieces` in any order and number (up to 40), for property
/// tests of patterns: the pieces are the pattern's own words and signs.
#[cfg(test)]
pub(crate) fn texts_of(
    pieces: Vec<&'static str>,
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::strategy::Strategy;
    proptest::collection::vec(proptest::sample::select(pieces), 0..40).prop_map(|p| p.concat())
}

/// The SHA-256 of `bytes` in lower-case hex. ring's implementation (the
/// OpenSSL assembly: vector code, or SHA instructions where the CPU has
/// them) hashes about 1.7× as fast as the portable Rust code of `sha2` on
/// CPUs without SHA instructions, and the hash reads every source byte.
fn sha256_hex(bytes: &[u8]) -> String {
    hex(ring::digest::digest(&ring::digest::SHA256, bytes).as_ref())
}

/// Lower-case hex, two digits a byte (from a table: `write!` with
/// `{:02x}` cost some 340 instructions a byte: 11 K a document).
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}

/// A record with nothing extracted, for documents that failed.
pub fn error_record(path: &str, bytes: Option<&[u8]>, kind: ErrorKind, message: String) -> Record {
    let (id, sha, len) = match bytes {
        Some(b) => {
            let sha = sha256_hex(b);
            (sha[..16].to_string(), Some(sha), b.len() as u64)
        }
        None => {
            let sha = sha256_hex(format!("path:{path}").as_bytes());
            (sha[..16].to_string(), None, 0)
        }
    };
    Record {
        schema: std::borrow::Cow::Borrowed(SCHEMA_VERSION),
        id,
        source: Source {
            path: path.to_string(),
            bytes: len,
            sha256: sha,
            encoding: None,
            format: None,
        },
        kind: DocKind::Unknown,
        title: None,
        body: None,
        meeting: None,
        items: Vec::new(),
        amounts: Vec::new(),
        dates: Vec::new(),
        participants: Vec::new(),
        organisations: Vec::new(),
        tables: Vec::new(),
        form: None,
        grant: None,
        normalization: Normalization::default(),
        warnings: Vec::new(),
        error: Some(RecordError { kind, message }),
        texts: None,
    }
}

/// Settings of the per-document pipeline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Resolves days written without a year when the document has no
    /// meeting date and no full date of its own (`--reference-date`).
    pub reference_date: Option<(i32, u32, u32)>,
    /// Whether scanned text gets its Danish letters restored (`--ocr`).
    pub ocr: ocr::OcrMode,
    /// Keep the normalized text of the document and its items in
    /// `Record::texts` (for the item stream).
    pub keep_text: bool,
    /// The most agenda items split out of one document (`--max-items`);
    /// `None` means [`DEFAULT_MAX_ITEMS`]. Items past it are dropped with a
    /// warning, so one hostile file cannot make a record of millions.
    pub max_items: Option<usize>,
}

/// The default per-document item limit.
pub const DEFAULT_MAX_ITEMS: usize = 100_000;

/// A document's text as every extractor reads it, and the OCR changes.
#[derive(Debug, Clone)]
pub struct NormalizedDocument {
    /// The normalized (and, for scans, corrected) text.
    pub text: String,
    /// Whether OCR correction ran.
    pub scanned: bool,
    /// Each change as (1-based line in `text`, damaged, corrected).
    pub changes: Vec<(usize, String, String)>,
}

/// Runs the first stages only (decode, normalize, OCR correction): what
/// `referat normalize` prints.
pub fn normalize_document(
    bytes: &[u8],
    mode: ocr::OcrMode,
) -> Result<NormalizedDocument, decode::DecodeError> {
    let decoded = decode::decode(bytes)?;
    let normalized = normalize::normalize(&decoded.text);
    let corrected = ocr::correct(&normalized.text, mode);
    let lines = LineIndex::new(&normalized.text);
    let changes = corrected
        .corrections
        .iter()
        .map(|c| {
            (
                lines.line(c.range.start),
                c.from.to_string(),
                c.to.to_string(),
            )
        })
        .collect();
    Ok(NormalizedDocument {
        text: corrected.text.into_owned(),
        scanned: corrected.scanned,
        changes,
    })
}

/// Builds every stage's patterns and tables now, spread over the threads
/// of the current rayon pool (the batch runs it in its own pool, when it
/// has several threads and several documents). Each is otherwise built on
/// first use, once per process: some 200 M instructions (45 ms on one core
/// in 2026), the most of a small batch's time, and with several threads
/// the first documents' threads wait on one another's builds in turn.
/// The output is the same either way.
pub fn prepare() {
    use rayon::prelude::*;
    let stages: [&[fn()]; 14] = [
        blocks::PREPARE,
        segment::PREPARE,
        meeting::PREPARE,
        lexicon::PREPARE,
        decision::PREPARE,
        datetime::PREPARE,
        amounts::PREPARE,
        dates::PREPARE,
        people::PREPARE,
        orgs::PREPARE,
        forms::PREPARE,
        ocr::PREPARE,
        votes::PREPARE,
        PREPARE,
    ];
    stages.concat().par_iter().for_each(|build| build());
}

const PREPARE: &[fn()] = builders![TIME_SLOT];

/// Runs the whole pipeline over one document's bytes with default options.
/// Never fails: a document that cannot be read as text gives a record with
/// `error` set. `path` is written to `source.path` as given.
pub fn extract(path: &str, bytes: &[u8]) -> Record {
    extract_with(path, bytes, &ExtractOptions::default())
}

/// [`extract`] with options.
pub fn extract_with(path: &str, bytes: &[u8], opts: &ExtractOptions) -> Record {
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(e) => return error_record(path, Some(bytes), ErrorKind::NotText, e.to_string()),
    };
    let normalized = normalize::normalize(&decoded.text);
    let corrected = ocr::correct(&normalized.text, opts.ocr);
    let text: &str = &corrected.text;
    let lines = LineIndex::new(text);
    let format = match path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()) {
        Some(e) if e == "md" || e == "markdown" => Format::Markdown,
        _ => blocks::detect_format_with(text, &lines),
    };
    let map = SourceMap {
        decoded: &decoded.map,
        normalized: &normalized.map,
        corrected: &corrected.map,
        lines,
    };
    let blocks = blocks::blocks_with(text, format, &map.lines);
    let mut seg = segment::segment(&blocks);
    let max_items = opts.max_items.unwrap_or(DEFAULT_MAX_ITEMS);
    let mut warnings = Vec::new();
    if seg.items.len() > max_items {
        warnings.push(format!(
            "{} agenda items found; only the first {max_items} are kept (--max-items)",
            seg.items.len()
        ));
        seg.items.truncate(max_items);
    }
    let head = meeting::head(&blocks, seg.preamble.clone());

    let meeting_date = head.date.map(|d| (d.year, d.month, d.day));
    let hay = caseless::Haystack::new(text);
    let values = extract_values(&hay, &blocks, meeting_date, opts, &map, &mut warnings);
    let found_people = people::people(&blocks, &seg.items, seg.preamble.clone());
    let org_mentions = orgs::mentions_in(&hay);
    let found_tables: Vec<(std::ops::Range<usize>, Table)> = tables::tables(text, &blocks)
        .into_iter()
        .map(|t| {
            let table = Table {
                header: t.header,
                rows: t.rows,
                span: map.span(t.range.start, t.range.end),
            };
            (t.range, table)
        })
        .collect();
    let mut items: Vec<AgendaItem> = seg
        .items
        .iter()
        .zip(&found_people.items)
        .map(|(it, people)| {
            let parts = ItemParts {
                people,
                tables: &found_tables,
                org_mentions: &org_mentions,
            };
            assemble_item(&blocks, it, &map, &values, parts)
        })
        .collect();
    // An agenda, or nothing, announced in the head, then a heading that
    // opens the minutes before the first item: the agenda is the minutes'.
    let first = seg.items.first().map_or(blocks.len(), |it| it.blocks.start);
    let announced = match head.announced {
        None | Some(DocKind::Agenda) if meeting::minutes_heading(&blocks[..first]) => {
            Some(DocKind::Minutes)
        }
        k => k,
    };
    let kind = doc_kind(announced, &items);
    if kind == DocKind::Minutes {
        // An item whose only text, under no heading, says what was decided.
        for item in &mut items {
            if let (None, [only]) = (&item.decision, item.sections.as_slice())
                && only.name == SectionName::Other
                && only.heading.is_none()
            {
                item.decision = decision::in_prose(&only.text);
            }
        }
    }
    if text.trim().is_empty() {
        warnings.push("empty document: no text".to_string());
    }
    if corrected.scanned {
        warnings.push(format!(
            "scanned text: {} words with lost Danish letters corrected",
            corrected.corrections.len()
        ));
    }
    if kind == DocKind::Minutes {
        for item in &items {
            let procedural = matches!(
                item.kind,
                Some(
                    ItemKind::Pause
                        | ItemKind::Velkomst
                        | ItemKind::SkriftligOrientering
                        | ItemKind::Meddelelse
                )
            );
            if item.decision.is_none() && !procedural {
                warnings.push(format!("item {}: no beslutning section", item.number));
            }
        }
    }
    let is_meeting = matches!(kind, DocKind::Minutes | DocKind::Agenda);
    let meeting = (is_meeting
        && (head.date.is_some() || head.start_time.is_some() || head.location.is_some()))
    .then(|| Meeting {
        date: head.date.map(|d| d.iso()),
        start_time: head.start_time.clone(),
        end_time: head.end_time.clone(),
        location: head.location.clone(),
    });

    let found = forms::Found {
        amounts: &values.amounts,
        dates: &values.dates,
    };
    let form = (kind == DocKind::Application)
        .then(|| forms::application(text, &found, &|r| map.span(r.start, r.end)))
        .flatten();
    let grant = (kind == DocKind::Report)
        .then(|| forms::grant(text, &found))
        .flatten();
    let sha = sha256_hex(bytes);
    Record {
        schema: std::borrow::Cow::Borrowed(SCHEMA_VERSION),
        id: sha[..16].to_string(),
        source: Source {
            path: path.to_string(),
            bytes: bytes.len() as u64,
            sha256: Some(sha),
            encoding: Some(decoded.encoding.to_string()),
            format: Some(format.as_str().to_string()),
        },
        kind,
        title: head.title,
        body: if is_meeting { head.body } else { None },
        meeting,
        items,
        amounts: values.amounts.into_iter().map(|(_, a)| a).collect(),
        dates: values.dates.into_iter().map(|(_, d)| d).collect(),
        participants: if is_meeting {
            participants(&found_people.meeting, &map)
        } else {
            Vec::new()
        },
        organisations: orgs::names(&org_mentions)
            .into_iter()
            .map(str::to_string)
            .collect(),
        tables: found_tables.into_iter().map(|(_, t)| t).collect(),
        form,
        grant,
        normalization: Normalization {
            ocr: corrected.scanned,
            corrections: corrected.corrections.len(),
            danish_letter_share: (corrected.danish_letter_share * 1e4).round() / 1e4,
        },
        warnings,
        error: None,
        texts: opts.keep_text.then(|| record::Texts {
            document: text.to_string(),
            items: seg
                .items
                .iter()
                .map(|it| {
                    let b = &blocks[it.blocks.clone()];
                    match (b.first(), b.last()) {
                        (Some(f), Some(l)) => text[f.start..l.end].to_string(),
                        _ => String::new(),
                    }
                })
                .collect(),
        }),
    }
}

/// Amounts and dates of the whole document, each with its range in the
/// normalized text (to assign them to items).
struct Values {
    amounts: Vec<(std::ops::Range<usize>, Amount)>,
    dates: Vec<(std::ops::Range<usize>, DateRef)>,
}

fn extract_values(
    hay: &caseless::Haystack,
    blocks: &[Block],
    meeting: Option<(i32, u32, u32)>,
    opts: &ExtractOptions,
    map: &SourceMap,
    warnings: &mut Vec<String>,
) -> Values {
    let in_table = |offset: usize| {
        let i = blocks.partition_point(|b| b.start <= offset);
        i > 0 && blocks[i - 1].kind == BlockKind::TableRow && offset < blocks[i - 1].end
    };
    let text = hay.text();
    let mut found: Vec<(amounts::FoundAmount, bool)> = amounts::amounts_in(hay)
        .into_iter()
        .map(|a| {
            let t = in_table(a.range.start);
            (a, t)
        })
        .collect();
    let mut taken = RangeSet::default();
    for (a, _) in &found {
        taken.insert(a.range.clone());
    }
    // Bare numbers in money tables.
    for run in tables::runs(blocks) {
        let rows: Vec<amounts::TableRow> = blocks[run.clone()]
            .iter()
            .map(|b| amounts::TableRow {
                cells: tables::cells(text, b),
            })
            .collect();
        let caption = run.start.checked_sub(1).map_or("", |c| &*blocks[c].text);
        for a in amounts::table_amounts(&rows, caption) {
            if !taken.overlaps(&a.range) {
                taken.insert(a.range.clone());
                found.push((a, true));
            }
        }
    }
    found.sort_by_key(|(a, _)| a.range.start);
    let amount_list: Vec<(std::ops::Range<usize>, Amount)> = found
        .into_iter()
        .map(|(a, in_table)| {
            let amount = Amount {
                value: a.value,
                currency: std::borrow::Cow::Borrowed("DKK"),
                raw: text[a.range.clone()].to_string(),
                span: map.span(a.range.start, a.range.end),
                approximate: a.approximate,
                per: a.per.clone(),
                range: a.range_bounds.map(|(low, high)| AmountRange { low, high }),
                context: amounts::context(text, &a.range, 80),
                in_table,
            };
            (a.range, amount)
        })
        .collect();

    // The anchor for days without a year: the meeting, else the document's
    // first full date, else the reference date; sought only when a date
    // needs it.
    let anchor = || {
        meeting
            .or_else(|| datetime::find_date_in(hay).map(|d| (d.year, d.month, d.day)))
            .or(opts.reference_date)
    };
    let found_dates = dates::dates_anchored(hay, &anchor);
    let date_list: Vec<(std::ops::Range<usize>, DateRef)> = found_dates
        .into_iter()
        .filter(|d| !taken.overlaps(&d.range))
        .map(|d| {
            if let Some(w) = &d.warning {
                warnings.push(format!(
                    "line {}: {w}",
                    map.span(d.range.start, d.range.end).line
                ));
            }
            let date = DateRef {
                raw: text[d.range.clone()].to_string(),
                value: d.value,
                start: d.start,
                end: d.end,
                precision: std::borrow::Cow::Borrowed(d.precision),
                year_inferred: d.year_inferred,
                span: map.span(d.range.start, d.range.end),
            };
            (d.range, date)
        })
        .collect();
    Values {
        amounts: amount_list,
        dates: date_list,
    }
}

/// The document kind: what the head announces, corrected by what the items
/// show (an agenda whose items carry decisions is minutes).
fn doc_kind(announced: Option<DocKind>, items: &[AgendaItem]) -> DocKind {
    let decided = items
        .iter()
        .any(|i| i.decision.as_ref().is_some_and(|d| !d.text.is_empty()));
    match announced {
        Some(DocKind::Agenda) if decided => DocKind::Minutes,
        Some(k) => k,
        None if decided => DocKind::Minutes,
        None if !items.is_empty() => DocKind::Agenda,
        None => DocKind::Unknown,
    }
}

static TIME_SLOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*[(\[]?\s*kl\.?\s*\d{1,2}(?:[:.]\d{2})?(?:\s*(?:[-–—]|til)\s*(?:kl\.?\s*)?\d{1,2}(?:[:.]\d{2})?)?\s*[)\]]?\s*$").unwrap()
});

/// Appends the blocks' text to `out`: lines within a paragraph joined by
/// `\n`, paragraphs by a blank line, bullet points marked `- ` (numbered
/// ones keep `N.`); a blank line first when `out` holds text already and
/// the blocks add some. Sized at once: grown block by block, a long
/// section's text was copied a dozen times over.
fn join_blocks_into(out: &mut String, blocks: &[Block]) {
    let size: usize = blocks.iter().map(|b| b.text.len() + 4).sum();
    out.reserve(size + 2);
    let base = out.len();
    if base > 0 {
        out.push_str("\n\n");
    }
    let start = out.len();
    for b in blocks {
        if out.len() > start {
            out.push_str(if b.blank_before { "\n\n" } else { "\n" });
        }
        if b.kind == (BlockKind::ListItem { number: None }) {
            out.push_str("- ");
        }
        out.push_str(&b.text);
    }
    if out.len() == start {
        // Nothing added: no blank line either.
        out.truncate(base);
    }
}

fn assemble_section(blocks: &[Block], s: &SectionSeg, map: &SourceMap) -> Section {
    let body = if s.has_heading_block {
        s.blocks.start + 1
    } else {
        s.blocks.start
    }..s.blocks.end;
    let mut text = s.inline_text.clone().unwrap_or_default();
    join_blocks_into(&mut text, &blocks[body]);
    let first = &blocks[s.blocks.start];
    let last = &blocks[s.blocks.end - 1];
    Section {
        name: s.name,
        heading: s.heading.clone(),
        text,
        span: map.span(first.start, last.end),
    }
}

/// A section's lines (inline text first), each flagged when it is a bullet point.
fn section_lines<'a>(blocks: &'a [Block], s: &'a SectionSeg) -> Vec<decision::Line<'a>> {
    let body = if s.has_heading_block {
        s.blocks.start + 1
    } else {
        s.blocks.start
    }..s.blocks.end;
    let mut v: Vec<decision::Line> = s
        .inline_text
        .iter()
        .map(|t| decision::Line::plain(t))
        .collect();
    v.extend(blocks[body].iter().map(|b| decision::Line {
        text: &b.text,
        bullet: b.kind == BlockKind::ListItem { number: None },
        wrapped: b.kind == BlockKind::Paragraph && !b.blank_before,
    }));
    v
}

/// Record participants from found people.
fn participants(
    found: &[(people::FoundPerson, std::ops::Range<usize>)],
    map: &SourceMap,
) -> Vec<Participant> {
    found
        .iter()
        .map(|(p, r)| Participant {
            name: p.name.clone(),
            title: p.title.clone(),
            organisation: p.organisation.clone(),
            party: p.party.clone(),
            role: p.role.clone(),
            absent: p.absent,
            span: map.span(r.start, r.end),
        })
        .collect()
}

/// What the document-level stages found that an item takes its share of.
struct ItemParts<'a> {
    people: &'a [(people::FoundPerson, std::ops::Range<usize>)],
    tables: &'a [(std::ops::Range<usize>, Table)],
    org_mentions: &'a [(usize, &'static str)],
}

fn assemble_item<'a>(
    blocks: &'a [Block],
    it: &'a ItemSeg,
    map: &SourceMap,
    values: &Values,
    parts: ItemParts,
) -> AgendaItem {
    let mut title = it.title.as_str();
    let mut time = None;
    if let Some(m) = TIME_SLOT.find(title)
        && let Some(t) = datetime::find_times(m.as_str())
    {
        time = Some(TimeSlot {
            start: t.start,
            end: t.end,
        });
        title = title[..m.start()].trim_end_matches([' ', ',', '-', '–']);
    }
    let (kind, title) = lexicon::item_kind(title);
    let sections: Vec<Section> = it
        .sections
        .iter()
        .map(|s| assemble_section(blocks, s, map))
        .collect();

    let lines_of = |s: &'a SectionSeg| section_lines(blocks, s);
    let recommendations: Vec<String> = it
        .sections
        .iter()
        .filter(|s| s.name == SectionName::Indstilling)
        .flat_map(|s| decision::recommendations(&lines_of(s)))
        .collect();
    let bilag: Vec<Vec<&str>> = it
        .sections
        .iter()
        .filter(|s| s.name == SectionName::Bilag)
        .map(|s| lines_of(s).into_iter().map(|l| l.text).collect())
        .collect();
    let attachments = decision::attachments(&bilag);

    let texts = |name: SectionName| -> Vec<&str> {
        sections
            .iter()
            .filter(|s| s.name == name)
            .map(|s| s.text.as_str())
            .collect()
    };
    let beslutning = texts(SectionName::Beslutning);
    let konklusion = texts(SectionName::Konklusion);
    let decision = (!beslutning.is_empty() || !konklusion.is_empty()).then(|| {
        let all: Vec<&str> = sections
            .iter()
            .filter(|s| matches!(s.name, SectionName::Beslutning | SectionName::Konklusion))
            .map(|s| s.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        let verdict = konklusion
            .iter()
            .filter(|t| !t.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n\n");
        let outcome = if verdict.is_empty() {
            decision::outcome(&beslutning.join("\n\n"))
        } else {
            match decision::outcome(&verdict) {
                Outcome::None => decision::outcome(&all.join("\n\n")),
                o => o,
            }
        };
        let text = all.join("\n\n");
        Decision {
            votes: votes::votes(&text),
            text,
            outcome,
        }
    });

    let first = &blocks[it.blocks.start];
    let last = &blocks[it.blocks.end - 1];
    // Values are sorted by start: the item's are one run of them.
    fn inside<T: Clone>(
        values: &[(std::ops::Range<usize>, T)],
        start: usize,
        end: usize,
    ) -> Vec<T> {
        let from = values.partition_point(|(r, _)| r.start < start);
        values[from..]
            .iter()
            .take_while(|(r, _)| r.start < end)
            .filter(|(r, _)| r.end <= end)
            .map(|(_, v)| v.clone())
            .collect()
    }
    AgendaItem {
        number: it.number.clone(),
        title: title.to_string(),
        kind,
        case_number: it.case_number.clone(),
        time,
        sections,
        recommendations,
        decision,
        attachments,
        amounts: inside(&values.amounts, first.start, last.end),
        dates: inside(&values.dates, first.start, last.end),
        people: participants(parts.people, map),
        tables: inside(parts.tables, first.start, last.end),
        organisations: {
            let mentions = parts.org_mentions;
            let from = mentions.partition_point(|(at, _)| *at < first.start);
            let to = mentions.partition_point(|(at, _)| *at < last.end);
            orgs::names(&mentions[from..to])
                .into_iter()
                .map(str::to_string)
                .collect()
        },
        span: map.span(first.start, last.end),
    }
}

#[cfg(test)]
mod tests {
    /// An agenda with its minutes after it (`## Mødereferat`, decisions in
    /// prose) is minutes; the same agenda alone, or with the heading only
    /// after its first item, stays an agenda.
    #[test]
    fn agenda_then_minutes_heading_is_minutes() {
        let agenda = "# Styregruppemøde 17.09.2026\n\n## Dagsorden\n\n#### 1. Formalia\n\n\
                      #### 2. Status\n\n";
        let minutes = "## Mødereferat\n\n#### 1. Formalia\n\nReferat godkendt.\n\n\
                       #### 2. Status\n\nDet blev besluttet at udsende nyhedsbrevet.\n";
        let kind = |text: &str| super::extract("møde.md", text.as_bytes()).kind;
        assert_eq!(kind(&format!("{agenda}{minutes}")), super::DocKind::Minutes);
        assert_eq!(kind(agenda), super::DocKind::Agenda);
        let late = "# Styregruppemøde\n\n#### 1. Formalia\n\n## Mødereferat\n\nGodkendt.\n\n\
                    #### 2. Status\n\nIntet.\n";
        assert_eq!(kind(late), super::DocKind::Agenda);
    }

    /// An item of minutes whose only text says what was decided has that
    /// decision; a longer account, a text under a heading of its own, one
    /// that states no outcome, and an agenda's item have none.
    #[test]
    fn decisions_written_as_an_items_only_text() {
        let long = "Der var en lang drøftelse af sagen. ".repeat(10);
        let text = format!(
            "# Referat\n\n## 1. Godkendelse af dagsorden\n\nDagsordenen blev godkendt.\n\n\
             ## 2. Status\n\n{long}Styregruppen godkendte planen.\n\n\
             ## 3. Budget\n\n### Økonomi\n\nBudgettet blev godkendt.\n\n\
             ## 4. Eventuelt\n\nIntet.\n\n## 5. Opfølgning\n\nPunktet udsættes til næste møde.\n"
        );
        let r = super::extract("referat.md", text.as_bytes());
        assert_eq!(r.kind, super::DocKind::Minutes);
        let outcomes: Vec<_> = r
            .items
            .iter()
            .map(|i| i.decision.as_ref().map(|d| d.outcome))
            .collect();
        use super::Outcome::{Approved, Postponed};
        assert_eq!(
            outcomes,
            [Some(Approved), None, None, None, Some(Postponed)]
        );
        assert_eq!(
            r.items[0].decision.as_ref().unwrap().text,
            "Dagsordenen blev godkendt."
        );
        let agenda = text.replace("# Referat", "# Dagsorden");
        let r = super::extract("dagsorden.md", agenda.as_bytes());
        assert_eq!(r.kind, super::DocKind::Agenda);
        assert!(r.items.iter().all(|i| i.decision.is_none()));
    }

    #[test]
    fn sha256_is_written_in_lower_case_hex() {
        // FIPS 180-2's first example, and every digit.
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            super::hex(&[0x00, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xff]),
            "000123456789abcdefff"
        );
        assert_eq!(super::hex(&[]), "");
    }

    /// Blocks joined into a section's text are what the join in a string
    /// of its own, then appended after a blank line, gave: over every
    /// sequence of up to three blocks (empty or not, bullet or not, after
    /// a blank line or not) after an empty or a non-empty start.
    #[test]
    fn blocks_join_into_a_section_as_joined_apart() {
        use crate::blocks::{Block, BlockKind};
        fn apart(start: &str, blocks: &[Block]) -> String {
            let mut rest = String::new();
            for b in blocks {
                if !rest.is_empty() {
                    rest.push_str(if b.blank_before { "\n\n" } else { "\n" });
                }
                if b.kind == (BlockKind::ListItem { number: None }) {
                    rest.push_str("- ");
                }
                rest.push_str(&b.text);
            }
            let mut text = start.to_string();
            if !rest.is_empty() {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(&rest);
            }
            text
        }
        let kinds = [
            BlockKind::Paragraph,
            BlockKind::ListItem { number: None },
            BlockKind::ListItem { number: Some(2) },
        ];
        let mut shapes = Vec::new();
        for text in ["", "tekst"] {
            for kind in kinds {
                for blank_before in [false, true] {
                    shapes.push(Block {
                        kind,
                        text: text.into(),
                        start: 0,
                        end: 0,
                        strong: false,
                        blank_before,
                    });
                }
            }
        }
        let mut runs: Vec<Vec<Block>> = vec![Vec::new()];
        for _ in 0..3 {
            let longer: Vec<Vec<Block>> = runs
                .iter()
                .filter(|r| r.len() == runs.last().map_or(0, Vec::len))
                .flat_map(|r| {
                    shapes.iter().map(move |b| {
                        let mut r = r.clone();
                        r.push(b.clone());
                        r
                    })
                })
                .collect();
            runs.extend(longer);
        }
        assert_eq!(runs.len(), 1 + 12 + 144 + 1728);
        for start in ["", "Indstilling"] {
            for run in &runs {
                let mut text = start.to_string();
                super::join_blocks_into(&mut text, run);
                assert_eq!(text, apart(start, run), "{start:?} {run:?}");
            }
        }
    }

    /// Every lazily built static of a stage (but those of its tests) is in
    /// its `PREPARE`, and nothing else is, so that [`super::prepare`]
    /// builds them all: read from the sources.
    #[test]
    fn every_static_is_prepared() {
        let mut stages = 0;
        for e in std::fs::read_dir("src").unwrap() {
            let path = e.unwrap().path();
            if path.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            let lines: Vec<&str> = source.lines().collect();
            let mut statics = Vec::new();
            for (i, l) in lines.iter().enumerate() {
                let Some(rest) = ["static ", "pub static ", "pub(crate) static "]
                    .iter()
                    .find_map(|p| l.strip_prefix(p))
                else {
                    continue;
                };
                let Some((name, ty)) = rest.split_once(": ") else {
                    continue;
                };
                let for_tests = lines[..i]
                    .iter()
                    .rev()
                    .take_while(|a| a.starts_with("#[") || a.starts_with("///"))
                    .any(|a| a.contains("cfg(test)"));
                if ty.starts_with("LazyLock<") && !for_tests {
                    statics.push(name.to_string());
                }
            }
            let prepared: Vec<String> = source
                .split_once("PREPARE: &[fn()] =")
                .and_then(|(_, rest)| rest.trim_start().strip_prefix("builders!["))
                .map(|rest| rest.split(']').next().unwrap())
                .into_iter()
                .flat_map(|list| list.split(',').map(str::trim).filter(|n| !n.is_empty()))
                .map(str::to_string)
                .collect();
            assert_eq!(prepared, statics, "{}", path.display());
            stages += usize::from(!statics.is_empty());
        }
        assert!(stages >= 13, "{stages}");
    }
}
