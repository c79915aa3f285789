//! Stage 4, segment: blocks to agenda items and their sections.
//!
//! Takes the document's [`Block`]s and gives a [`Segmented`] document: the
//! preamble (title, meeting facts, participants) and the agenda items, each
//! with its header (number, title, case number) and its sections.
//!
//! Items are found by several detectors, one per layout in the genre:
//! `Punkt N:` lines (Markdown from PDF; `Sag N.`, `Pkt.`, `Dagsordenspunkt`
//! too), `AD N:` headings (OS2 minutes), `N. title` lines anchored by a
//! case number (meeting portals: `Sagnr.:` before, or a bare case number
//! after), `N. title` lines right before a section heading (plain
//! minutes), `N. title` lines that repeat a line of the table of contents
//! or of the agenda listed first (`Sager på mødet`), numbered headings, and
//! `N) title` lines (parliament records: each item announced by `Det næste
//! punkt på dagsordenen er:`; without announcements, a run of three or more
//! such lines when no other layout is found). Each gives
//! candidate item starts; the longest strictly increasing run of numbers
//! wins, so tables of contents, agenda lists repeated before the minutes and
//! numbered points inside an item are not taken for items. The three kinds
//! of anchored `N. title` lines are also tried together (a portal's items
//! anchored by case numbers, a closed one by its section heading). The
//! portal line `Tilbage til toppen` ends an item and belongs to no section;
//! an `Åbent punkt` / `Lukket punkt` line opens the item below it.
//!
//! ```
//! use referat::blocks::{blocks, Format};
//! use referat::segment::segment;
//! let text = "Referat\n\nPunkt 1: Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n";
//! let seg = segment(&blocks(text, Format::Text));
//! assert_eq!(seg.items.len(), 1);
//! assert_eq!(seg.items[0].title, "Godkendelse af dagsorden");
//! ```

use crate::blocks::{Block, BlockKind};
use crate::caseless::CapturesIfAny;
use crate::lexicon;
use crate::record::SectionName;
use crate::span;
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// A document cut into preamble and items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segmented {
    /// Blocks before the first item (all blocks when there are no items).
    pub preamble: Range<usize>,
    /// The agenda items in order.
    pub items: Vec<ItemSeg>,
}

/// One agenda item, as block ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSeg {
    /// The number as written (`2`, `12a`).
    pub number: String,
    /// The title as written after the number, markup removed.
    pub title: String,
    /// The case number, from a `Sagnr.:` line or a bare case-number line.
    pub case_number: Option<String>,
    /// All the item's blocks, header included.
    pub blocks: Range<usize>,
    /// The sections of the item's body.
    pub sections: Vec<SectionSeg>,
}

/// One section of an item, as block ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionSeg {
    /// What the section is.
    pub name: SectionName,
    /// The heading as written; `None` for text before any heading.
    pub heading: Option<String>,
    /// The section's blocks, heading block included.
    pub blocks: Range<usize>,
    /// Whether the first block is the heading (not part of the text).
    pub has_heading_block: bool,
    /// Text after an inline label (`Beslutning: Godkendt.`).
    pub inline_text: Option<String>,
}

/// A candidate item start found by a detector.
#[derive(Debug, Clone)]
struct Candidate {
    /// First block of the item (the `Sagnr.:` line when it precedes the title).
    start: usize,
    /// Block after the header (title and case-number lines).
    body: usize,
    number: u32,
    number_text: String,
    title: String,
    case_number: Option<String>,
}

// Line patterns whose last group is the rest of the line (`(.*)$`,
// `(\S.*)$`, `(\p{L}.*)$`) are matched as their head, and the rest taken as
// it is ([`head_and_rest`]): the same matches, without the capture engine's
// walk over the whole line. The tests check them against the whole patterns.
const PUNKT_HEAD: &str = r"(?i)^(?:punkt|pkt\.?|dagsordens?punkt|sag)(?:\s+nr\.?)?\s*(\d{1,4}[a-z]?)\b\s*([:.\-–—),])?\s*";
const AD_HEAD: &str = r"(?i)^ad\.?\s+(?:pkt\.?\s*)?(\d{1,3})\s*[:.\-–—)]\s*";
/// `Ad. 1 Godkendelse af dagsorden`: no mark after the number.
const AD_BARE_HEAD: &str = r"(?i)^ad\.?\s+(?:pkt\.?\s*)?(\d{1,3})\s+";
const NUMBERED_LINE_HEAD: &str = r"^(\d{1,4})\.\s+";
const NUMBERED_HEADING_HEAD: &str = r"^(\d{1,3})(?:[.:)]|\s+[-–—]|\s)\s*";

static PUNKT: LazyLock<Regex> = LazyLock::new(|| Regex::new(PUNKT_HEAD).unwrap());
static AD: LazyLock<Regex> = LazyLock::new(|| Regex::new(AD_HEAD).unwrap());
static AD_BARE: LazyLock<Regex> = LazyLock::new(|| Regex::new(AD_BARE_HEAD).unwrap());
static NUMBERED_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(NUMBERED_LINE_HEAD).unwrap());
static NUMBERED_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(NUMBERED_HEADING_HEAD).unwrap());
const NUMBERED_PAREN_HEAD: &str = r"^(\d{1,3})\)\s+";
static NUMBERED_PAREN: LazyLock<Regex> = LazyLock::new(|| Regex::new(NUMBERED_PAREN_HEAD).unwrap());
/// The words that announce the next item in a parliament record, at the
/// end of a line (`Det næste punkt på dagsordenen er:`, also glued to the
/// sentence before it by the PDF's text: `... valgt.Det eneste punkt på
/// dagsordenen er:`).
static ANNOUNCEMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bpunkt(?:et)?\s+på\s+dagsordenen\s+er:?$").unwrap());
/// A line that is the announcement and nothing else: it opens the item.
static ANNOUNCEMENT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^det\s+\p{L}+\s+punkt(?:et)?\s+på\s+dagsordenen\s+er:?$").unwrap()
});
static LETTER_FIRST: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{L}").unwrap());

/// What the rest of a line after a head must be.
#[derive(Clone, Copy)]
enum Rest {
    /// Anything (`(.*)$`).
    Any,
    /// At least one character (`(\S.*)$` after a head ending in greedy
    /// white space: the rest then starts with a non-space).
    Some,
    /// Starting with a letter (`(\p{L}.*)$`).
    Letter,
}

/// The head's captures and the rest of the line, when `head` matches at
/// the start of `text` and the rest is as `rest` asks. The heads' parts are
/// greedy and their alternatives end no later than the greedy match, so a
/// rest that fails after the greedy head fails after every other: this is
/// the whole pattern's match.
fn head_and_rest<'h>(head: &Regex, text: &'h str, rest: Rest) -> Option<(Captures<'h>, &'h str)> {
    let c = head.captures_if_any(text)?;
    let tail = &text[c.get(0).unwrap().end()..];
    let ok = !tail.contains('\n')
        && match rest {
            Rest::Any => true,
            Rest::Some => !tail.is_empty(),
            Rest::Letter => LETTER_FIRST.is_match(tail),
        };
    ok.then_some((c, tail))
}

static CASE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:sags?\s?nr|sags?\s?nummer|sag\s?nr|j\.\s?nr|journal\s?nr)\.?\s*:?\s*(\S.*)$",
    )
    .unwrap()
});
static BARE_CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{2}-\d{4,7}|\d{2}/\d{3,6}|\d{1,4}(?:-\d{1,6}){2,6}|\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2})$").unwrap()
});
static TOC_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.{4,}|…{2,}|(?:\. ){3,})\s*\d{1,4}\s*$|\t\s*\d{1,4}\s*$").unwrap()
});
static DET_INDSTILLES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:det indstilles|(?:administrationen|direktionen|forvaltningen|sekretariatet|formandskabet) indstiller)\b").unwrap()
});

/// Whether `text` is a line of a table of contents ([`TOC_LINE`]): its
/// page number ends it, so a line that does not end with a number (after
/// white space; `char::is_numeric` holds for every `\d`) is none, without
/// the pattern's search.
fn is_toc_line(text: &str) -> bool {
    text.trim_end().ends_with(char::is_numeric) && TOC_LINE.is_match(text)
}

/// Text of the line that ends an item on meeting portals.
fn is_back_to_top(text: &str) -> bool {
    text.eq_ignore_ascii_case("tilbage til toppen") || text.eq_ignore_ascii_case("til toppen")
}

/// Whether `text` is the line a meeting portal prints above an item to
/// say whether it is public: `Åbent punkt`, `Lukket punkt`, `Åben sag`,
/// `Lukket sag` (a colon after them too).
fn is_access_line(text: &str) -> bool {
    let text = text.trim_end_matches(':').trim_end();
    let Some((access, what)) = text.split_once(' ') else {
        return false;
    };
    let access = access.to_lowercase();
    matches!(access.as_str(), "åbent" | "åben" | "lukket")
        && (what.eq_ignore_ascii_case("punkt") || what.eq_ignore_ascii_case("sag"))
}

/// Whether `text` starts with one of `bytes` or with a non-ASCII
/// character: every match of a detector's `^`-anchored pattern does (its
/// first letter in either case, or a digit, which for `\d` may be another
/// script's), so most lines are passed over without running the pattern.
fn starts_with_any(text: &str, bytes: &[u8]) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(|b| bytes.contains(b) || !b.is_ascii())
}

fn is_headingish(b: &Block) -> bool {
    matches!(b.kind, BlockKind::Heading(_)) || b.strong
}

/// The number of the ASCII digits that open `s`: 0 when there are none or
/// it is past `u32`.
fn leading_number(s: &str) -> u32 {
    s.bytes()
        .take_while(u8::is_ascii_digit)
        .try_fold(0u32, |n, d| {
            n.checked_mul(10)?.checked_add(u32::from(d - b'0'))
        })
        .unwrap_or(0)
}

fn next_nonempty(blocks: &[Block], i: usize) -> Option<usize> {
    (i + 1 < blocks.len()).then_some(i + 1)
}

/// Whether [`PUNKT`] may match `text`: it opens with `p`, `d` or
/// `sag` and no letter after it (many lines open with an `s`), in either
/// case, or with a byte outside ASCII.
fn may_open_punkt(text: &str) -> bool {
    let t = text.as_bytes();
    match t.first() {
        Some(b's' | b'S') => {
            t.len() > 3 && t[..3].eq_ignore_ascii_case(b"sag") && !t[3].is_ascii_alphabetic()
        }
        _ => starts_with_any(text, b"pPdD"),
    }
}

/// Whether `b` may be the title of the item whose number stands alone on
/// the line before it: a short line that opens with a capital, is no
/// sentence (no closing full stop), no list point, no section heading and
/// no item line of its own.
fn is_title_line(b: &Block) -> bool {
    let text = b.text.trim();
    text.starts_with(char::is_uppercase)
        && text.len() <= 150
        && !text.ends_with('.')
        && !matches!(b.kind, BlockKind::ListItem { .. })
        && !(may_open_punkt(text) && PUNKT.is_match(text))
        && lexicon::section_for_heading(text).is_none()
        && lexicon::inline_section(text).is_none()
}

fn detect_punkt(blocks: &[Block]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if !may_open_punkt(&b.text) {
            continue;
        }
        let Some((c, rest)) = head_and_rest(&PUNKT, &b.text, Rest::Any) else {
            continue;
        };
        if is_toc_line(&b.text) {
            continue;
        }
        // `Sag nr. 1-36-70-7-22`: a case number, not item 1.
        if c.get(2).is_some_and(|m| m.as_str() != ".")
            && rest.starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        // `Punkt 1 Godkendelse af dagsorden` on a line of its own: a
        // title, not a sentence (`Punkt 3 i aftalen ...`, `... drøftet.`).
        let titled = rest.starts_with(char::is_uppercase)
            && rest.len() <= 120
            && !rest.trim_end().ends_with('.');
        let has_sep = c.get(2).is_some();
        if !has_sep && !is_headingish(b) && !titled {
            continue;
        }
        let mut title = rest.trim().to_string();
        let mut body = i + 1;
        // `**Punkt 3**` with the title on the line after it.
        if title.is_empty()
            && let Some(next) = blocks.get(i + 1)
            && is_title_line(next)
        {
            title = next.text.trim().to_string();
            body = i + 2;
        }
        out.push(Candidate {
            start: i,
            body,
            number: leading_number(&c[1]),
            number_text: c[1].to_string(),
            title,
            case_number: None,
        });
    }
    out
}

fn detect_ad(blocks: &[Block]) -> Vec<Candidate> {
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| starts_with_any(&b.text, b"aA"))
        .filter_map(|(i, b)| {
            let (c, rest) = head_and_rest(&AD, &b.text, Rest::Some).or_else(|| {
                // No mark after the number: a heading's title, not `Ad 3
                // omgange ...`.
                head_and_rest(&AD_BARE, &b.text, Rest::Letter)
                    .filter(|(_, rest)| is_headingish(b) && rest.starts_with(char::is_uppercase))
            })?;
            if is_toc_line(&b.text) {
                return None;
            }
            // `Ad 1: Taget til efterretning.`: a decision's part, not an
            // item (a title ends with no full stop).
            if !is_headingish(b) && rest.trim_end().ends_with('.') {
                return None;
            }
            Some(Candidate {
                start: i,
                body: i + 1,
                number: leading_number(&c[1]),
                number_text: c[1].to_string(),
                title: rest.trim().to_string(),
                case_number: None,
            })
        })
        .collect()
}

/// `N. title` lines with a case number just before (label) or just after (bare).
fn detect_case_anchored(blocks: &[Block]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if !span::number_then(&b.text, 4, b".") {
            continue;
        }
        let Some((c, rest)) = head_and_rest(&NUMBERED_LINE, &b.text, Rest::Some) else {
            continue;
        };
        if is_toc_line(&b.text) {
            continue;
        }
        let before = i.checked_sub(1).and_then(|p| {
            CASE_LABEL
                .captures_if_any(&blocks[p].text)
                .map(|cc| (p, cc[1].trim().to_string()))
        });
        let after = next_nonempty(blocks, i).and_then(|n| {
            let t = blocks[n].text.trim();
            BARE_CASE
                .is_match(t)
                .then(|| (n, t.to_string()))
                .or_else(|| {
                    CASE_LABEL
                        .captures_if_any(t)
                        .map(|cc| (n, cc[1].trim().to_string()))
                })
        });
        let (start, body, case_number) = match (before, after) {
            (Some((p, case)), _) => (p, i + 1, Some(case)),
            (None, Some((n, case))) => (i, n + 1, Some(case)),
            (None, None) => continue,
        };
        out.push(Candidate {
            start,
            body,
            number: leading_number(&c[1]),
            number_text: c[1].to_string(),
            title: rest.trim().to_string(),
            case_number,
        });
    }
    out
}

/// A title as compared with another: lower case, single spaces, no
/// closing colon or full stop.
fn title_key(title: &str) -> String {
    let lower = title.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    span::collapse_whitespace_into(&lower, &mut out);
    out.trim_end_matches([':', '.', ' ']).to_string()
}

/// The headings of an agenda's list of items, in lower case
/// ([`is_list_heading`]): `Dagsorden`, `Indholdsfortegnelse`, `Sager på
/// mødet`.
const LIST_HEADINGS: [&str; 12] = [
    "dagsorden",
    "indholdsfortegnelse",
    "indhold",
    "sager på mødet",
    "sagsliste",
    "punkter",
    "punkter på dagsordenen",
    "dagsordenspunkter",
    "åbne punkter",
    "åbent møde",
    "åben dagsorden",
    "fortegnelse over punkter",
];

/// Whether `text` is one of [`LIST_HEADINGS`] in any case, with a colon or
/// full stop after it: compared only with those of its length (most lines
/// are none).
fn is_list_heading(text: &str) -> bool {
    // Each opens with `d`, `i`, `s`, `p`, `f` or `å` (`0xC3` its first
    // byte), in either case.
    let opens = |b: u8| {
        matches!(
            b.to_ascii_lowercase(),
            b'd' | b'i' | b's' | b'p' | b'f' | 0xc3
        )
    };
    if text.len() > 32
        || !text
            .bytes()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(opens)
    {
        return false;
    }
    let text = text.trim().trim_end_matches([':', '.', ' ']);
    // Lowering changes no length here: `Å` and `å` are two bytes each.
    LIST_HEADINGS
        .iter()
        .any(|h| h.len() == text.len() && text.chars().flat_map(char::to_lowercase).eq(h.chars()))
}

/// Whether the text after the number that opens `text`, its mark and
/// white space, opens with a capital, as a candidate's title does
/// ([`detect_listed`]): told without the pattern.
fn capital_after_number(text: &str) -> bool {
    // `is_numeric` holds for every `\d` (and more: a longer number only
    // lets a line through).
    let rest = text.trim_start_matches(char::is_numeric);
    let rest = rest.strip_prefix(['.', ':', ')']).unwrap_or(rest);
    rest.trim_start().starts_with(char::is_uppercase)
}

/// `N. title` lines that repeat, number and title, a line of an agenda's
/// list of items before them: a table of contents (`1. Godkendelse af
/// dagsorden ..... 3`), or the numbered lines right after a
/// [`LIST_HEADINGS`] line (`Sager på mødet`). Each repetition whose title
/// opens with a capital is a candidate: the items of a portal's minutes
/// with no case number (`3. Eventuelt`), or with none at all. Other
/// numbered lists (the members of committees, a recommendation quoted in
/// the decision) are not an agenda's.
fn detect_listed(blocks: &[Block]) -> Vec<Candidate> {
    let mut listed: lexicon::WordSet<(u32, String)> = lexicon::WordSet::default();
    // The numbers listed: a line of another number is passed over at once.
    let mut numbers: lexicon::WordSet<u32> = lexicon::WordSet::default();
    let mut last_listed: Option<u32> = None;
    let mut out = Vec::new();
    // Whether the lines read are an agenda's list.
    let mut in_list = false;
    for (i, b) in blocks.iter().enumerate() {
        // `\d` may be another script's digit: a line opening outside ASCII
        // is tried too.
        let first = b.text.as_bytes().first();
        if !first.is_some_and(|b| b.is_ascii_digit() || !b.is_ascii()) {
            in_list = is_list_heading(&b.text);
            if in_list {
                last_listed = None;
            }
            continue;
        }
        // A numbered line is read in a list or a table of contents, or
        // when its number was listed (most documents have no list).
        let toc_line = is_toc_line(&b.text);
        let repeated = numbers.contains(&leading_number(&b.text)) && capital_after_number(&b.text);
        if !(in_list || toc_line || repeated) {
            continue;
        }
        let Some((c, rest)) = head_and_rest(&NUMBERED_HEADING, &b.text, Rest::Letter) else {
            in_list = false;
            continue;
        };
        let toc = toc_line.then(|| TOC_LINE.find(rest)).flatten();
        let title = toc.map_or(rest, |m| &rest[..m.start()]).trim();
        let key = (leading_number(&c[1]), title_key(title));
        // The list's numbers rise: a number again is the first item's.
        in_list &= last_listed.is_none_or(|last| key.0 > last);
        if toc.is_some() || in_list {
            last_listed = Some(key.0);
            numbers.insert(key.0);
            listed.insert(key);
            continue;
        }
        if listed.contains(&key) && title.starts_with(char::is_uppercase) {
            out.push(Candidate {
                start: i,
                body: i + 1,
                number: key.0,
                number_text: c[1].to_string(),
                title: title.to_string(),
                case_number: None,
            });
        }
    }
    out
}

/// `N. title` lines right before a section heading (`Beslutning`,
/// `Indstilling:`, `Sagsfremstilling`, `Beslutning: Godkendt.`): the items
/// of plain minutes with neither case numbers nor a list of items. The
/// title and the heading open with a capital; a numbered point inside a
/// text rarely stands right before a section's heading, and one right
/// after the point numbered one less is a list's.
fn detect_section_anchored(blocks: &[Block]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if !span::number_then(&b.text, 4, b".") {
            continue;
        }
        // The next line first: most numbered lines are followed by text.
        let opens_section = blocks.get(i + 1).is_some_and(|next| {
            next.text.starts_with(char::is_uppercase)
                && !matches!(next.kind, BlockKind::ListItem { number: Some(_) })
                && (lexicon::section_for_heading(&next.text).is_some()
                    || lexicon::inline_section(&next.text).is_some())
        });
        if !opens_section {
            continue;
        }
        let Some((c, rest)) = head_and_rest(&NUMBERED_LINE, &b.text, Rest::Some) else {
            continue;
        };
        let number = leading_number(&c[1]);
        // The next point of a numbered list (`3. ...` right after `2. ...`,
        // a recommendation's last point before the decision) is no item.
        let next_point = i.checked_sub(1).is_some_and(|p| {
            let before = &blocks[p].text;
            number > 1
                && leading_number(before) == number - 1
                && span::number_then(before, 4, b".)")
        });
        if rest.starts_with(char::is_uppercase) && !is_toc_line(&b.text) && !next_point {
            out.push(Candidate {
                start: i,
                body: i + 1,
                number,
                number_text: c[1].to_string(),
                title: rest.trim().to_string(),
                case_number: None,
            });
        }
    }
    out
}

/// The `N. title` lines of the three anchored detectors together: a
/// portal's minutes anchor most items by their case numbers but an item
/// without one (`3. Salg af ejendom`, a closed item) by the section
/// heading after it, or by the agenda's list. The best run of the
/// case-anchored lines is taken first (of the listed ones when there are
/// none), then the listed and the section-anchored lines that fit in it:
/// after the line before in the text, with a number between its and the
/// next one's (a numbered point before a heading inside an item,
/// `1. Budgettet godkendes.`, does not fit). Taken only when its run is
/// longer than each detector's own ([`segment`]).
fn anchored_together(
    case_anchored: &[Candidate],
    listed: &[Candidate],
    section_anchored: &[Candidate],
    blocks: &[Block],
) -> Vec<Candidate> {
    let given = [case_anchored, listed, section_anchored];
    if given.iter().filter(|d| !d.is_empty()).count() < 2 {
        return Vec::new();
    }
    // The strongest detector's best run, then the others' lines in it, by
    // their first blocks (a map: thousands of lines fitted in one by one).
    let strongest = given.iter().position(|d| !d.is_empty()).unwrap_or(0);
    let mut out: std::collections::BTreeMap<usize, Candidate> =
        best_run(given[strongest].to_vec(), blocks.len())
            .into_iter()
            .map(|c| (c.start, c))
            .collect();
    for detector in &given[strongest + 1..] {
        for c in *detector {
            // Not the line before (or its case label) again.
            let fits_before = out
                .range(..=c.start)
                .next_back()
                .is_none_or(|(_, prev)| c.start >= prev.body && c.number > prev.number);
            let fits_after = out
                .range(c.start + 1..)
                .next()
                .is_none_or(|(_, next)| next.start >= c.body && c.number < next.number);
            if fits_before && fits_after {
                out.insert(c.start, c.clone());
            }
        }
    }
    out.into_values().collect()
}

/// Headings (or bold lines) that start with a number: `#### 1. Formalia`.
fn detect_numbered_headings(blocks: &[Block]) -> Vec<Candidate> {
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| is_headingish(b) && starts_with_any(&b.text, b"0123456789"))
        .filter_map(|(i, b)| {
            let (c, rest) = head_and_rest(&NUMBERED_HEADING, &b.text, Rest::Letter)?;
            if is_toc_line(&b.text) {
                return None;
            }
            Some(Candidate {
                start: i,
                body: i + 1,
                number: leading_number(&c[1]),
                number_text: c[1].to_string(),
                title: rest.trim().to_string(),
                case_number: None,
            })
        })
        .collect()
}

/// `N) title` lines: the candidates of those announced by the line before
/// ([`ANNOUNCEMENT`]), and of all of them. An announcement on a line of
/// its own opens the item it announces.
fn paren_candidates(blocks: &[Block]) -> (Vec<Candidate>, Vec<Candidate>) {
    let (mut announced, mut all) = (Vec::new(), Vec::new());
    for (i, b) in blocks.iter().enumerate() {
        if !span::number_then(&b.text, 3, b")") {
            continue;
        }
        let Some((c, rest)) = head_and_rest(&NUMBERED_PAREN, &b.text, Rest::Some) else {
            continue;
        };
        if is_toc_line(&b.text) {
            continue;
        }
        let before = i.checked_sub(1).map(|p| blocks[p].text.trim());
        let start = match before {
            Some(t) if ANNOUNCEMENT_LINE.is_match(t) => Some(i - 1),
            Some(t) if ANNOUNCEMENT.is_match(t) => Some(i),
            _ => None,
        };
        let candidate = Candidate {
            start: start.unwrap_or(i),
            body: i + 1,
            number: leading_number(&c[1]),
            number_text: c[1].to_string(),
            title: rest.trim().trim_end_matches(':').trim_end().to_string(),
            case_number: None,
        };
        if start.is_some() {
            announced.push(candidate.clone());
        }
        all.push(candidate);
    }
    (announced, all)
}

/// The fewest `N) title` lines in a run taken for items without
/// announcements: numbered points inside a text rarely reach it as the
/// only numbered lines of a document.
const MIN_PAREN_ITEMS: usize = 3;

/// The best run of strictly increasing numbers among `cands`: most items,
/// then most blocks covered (the minutes rather than the agenda list above them).
fn best_run(cands: Vec<Candidate>, total_blocks: usize) -> Vec<Candidate> {
    let mut runs: Vec<Vec<Candidate>> = Vec::new();
    for c in cands {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|l| c.number > l.number) => run.push(c),
            _ => runs.push(vec![c]),
        }
    }
    let starts: Vec<usize> = runs.iter().map(|r| r[0].start).collect();
    let score = |k: usize| {
        let covered = starts.get(k + 1).copied().unwrap_or(total_blocks) - starts[k];
        (runs[k].len(), covered)
    };
    match (0..runs.len()).max_by_key(|&k| score(k)) {
        Some(k) => runs.swap_remove(k),
        None => Vec::new(),
    }
}

/// Cuts the blocks into preamble and items.
pub fn segment(blocks: &[Block]) -> Segmented {
    let (announced, paren_lines) = paren_candidates(blocks);
    let (case_anchored, listed, section_anchored) = (
        detect_case_anchored(blocks),
        detect_listed(blocks),
        detect_section_anchored(blocks),
    );
    let anchored = anchored_together(&case_anchored, &listed, &section_anchored, blocks);
    // Each layout's candidates and the fewest items it takes.
    let found: [(Vec<Candidate>, usize); 8] = [
        (detect_punkt(blocks), 1),
        (detect_ad(blocks), 1),
        (case_anchored, 1),
        (detect_numbered_headings(blocks), 2),
        (announced, 1),
        (listed, 2),
        (section_anchored, 2),
        (anchored, 2),
    ];
    let mut chosen: Vec<Candidate> = Vec::new();
    for (cands, min_items) in found {
        let run = best_run(cands, blocks.len());
        if run.len() >= min_items && run.len() > chosen.len() {
            chosen = run;
        }
    }
    if chosen.is_empty() {
        // The last resort: `N) title` lines, without announcements.
        let run = best_run(paren_lines, blocks.len());
        if run.len() >= MIN_PAREN_ITEMS {
            chosen = run;
        }
    }
    for c in &mut chosen {
        // A portal's `Åbent punkt` line before an item is the item's.
        if c.start > 0 && is_access_line(&blocks[c.start - 1].text) {
            c.start -= 1;
        }
    }
    let Some(first) = chosen.first() else {
        return Segmented {
            preamble: 0..blocks.len(),
            items: Vec::new(),
        };
    };
    let preamble = 0..first.start;
    let mut items = Vec::with_capacity(chosen.len());
    for (k, c) in chosen.iter().enumerate() {
        let next = chosen.get(k + 1).map_or(blocks.len(), |n| n.start);
        let mut end = next;
        let mut body_end = next;
        if let Some(stop) = (c.body..next).find(|&i| is_back_to_top(&blocks[i].text)) {
            body_end = stop;
            end = stop + 1;
        }
        let body = c.body.min(body_end)..body_end;
        items.push(ItemSeg {
            number: c.number_text.clone(),
            title: c.title.clone(),
            case_number: c
                .case_number
                .clone()
                .or_else(|| case_in_body(blocks, body.clone())),
            blocks: c.start..end,
            sections: sections(blocks, body),
        });
    }
    Segmented { preamble, items }
}

/// A `Sagsnr.:` line among the first lines of an item's body.
fn case_in_body(blocks: &[Block], body: Range<usize>) -> Option<String> {
    let first = body.start;
    body.take(3)
        .filter(|&i| i == first || !blocks[i].blank_before || i < first + 2)
        .find_map(|i| {
            CASE_LABEL
                .captures_if_any(&blocks[i].text)
                .map(|c| c[1].trim().to_string())
        })
}

/// Cuts an item's body into sections.
fn sections(blocks: &[Block], body: Range<usize>) -> Vec<SectionSeg> {
    let mut out: Vec<SectionSeg> = Vec::new();
    for i in body.clone() {
        let b = &blocks[i];
        let current = out.last().map(|s| s.name);
        let opens = if matches!(b.kind, BlockKind::ListItem { number: Some(_) }) {
            None
        } else {
            lexicon::section_for_heading(&b.text).map(|n| {
                (
                    n,
                    Some(b.text.trim_end_matches([':', ',']).trim().to_string()),
                    true,
                    None,
                )
            })
        };
        let opens = opens.or_else(|| {
            let (name, label, rest) = lexicon::inline_section(&b.text)?;
            Some((name, Some(label.to_string()), true, Some(rest.to_string())))
        });
        let opens = opens.or_else(|| {
            // Each of the pattern's openings starts with one of these
            // letters (or, for `(?i)`, a non-ASCII one such as `ſ`).
            (starts_with_any(&b.text, b"dDaAfFsS")
                && DET_INDSTILLES.is_match(&b.text)
                && current != Some(SectionName::Indstilling))
            .then_some((SectionName::Indstilling, None, false, None))
        });
        let opens = opens.or_else(|| {
            let other_open = matches!(current, None | Some(SectionName::Other));
            (other_open && matches!(b.kind, BlockKind::Heading(_)))
                .then(|| (SectionName::Other, Some(b.text.to_string()), true, None))
        });
        match opens {
            Some((name, heading, has_heading_block, inline_text)) => {
                if let Some(last) = out.last_mut() {
                    last.blocks.end = i;
                }
                out.push(SectionSeg {
                    name,
                    heading,
                    blocks: i..i + 1,
                    has_heading_block,
                    inline_text,
                });
            }
            None => match out.last_mut() {
                Some(last) => last.blocks.end = i + 1,
                None => out.push(SectionSeg {
                    name: SectionName::Other,
                    heading: None,
                    blocks: i..i + 1,
                    has_heading_block: false,
                    inline_text: None,
                }),
            },
        }
    }
    out
}

/// This stage's patterns and tables, each built on first use; built ahead
/// by [`crate::prepare`].
pub(crate) const PREPARE: &[fn()] = builders![
    PUNKT,
    AD,
    AD_BARE,
    NUMBERED_LINE,
    NUMBERED_HEADING,
    NUMBERED_PAREN,
    ANNOUNCEMENT,
    ANNOUNCEMENT_LINE,
    LETTER_FIRST,
    CASE_LABEL,
    BARE_CASE,
    TOC_LINE,
    DET_INDSTILLES,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The check of a line's opening number passes every line whose head
    /// the pattern matches (numbers of every length, other scripts' digits,
    /// the wrong mark, nothing after it), and turns away most others.
    #[test]
    fn opening_numbers_as_by_the_patterns() {
        let lines = crate::test_lines(&[
            "1. Godkendelse",
            "1234. Punkt",
            "12345. Punkt",
            "12.500 kr. blev bevilget",
            "2024 blev et godt år",
            "3) Eventuelt",
            "123) x",
            "1234) x",
            "١٢. عنوان",
            "1٢. blandet",
            "１. fullwidth",
            "7",
            "7.",
            "x. 1",
            "",
        ]);
        let mut turned_away = 0;
        for (re, max, after) in [(&*NUMBERED_LINE, 4, b"."), (&*NUMBERED_PAREN, 3, b")")] {
            for line in &lines {
                let quick = span::number_then(line, max, after);
                assert!(quick || !re.is_match(line), "{line:?}");
                turned_away += usize::from(!quick && starts_with_any(line, b"0123456789"));
            }
        }
        assert!(turned_away >= 100, "{turned_away}");
    }

    /// The cheap check before the table-of-contents pattern keeps every
    /// line the pattern matches: page numbers after dots, ellipses, spaced
    /// dots and tabs, with white space after them (a no-break space, a line
    /// break), other scripts' digits, and every line of the seeds and the
    /// devset.
    #[test]
    fn toc_lines_as_by_the_pattern() {
        let lines = crate::test_lines(&[
            "Indhold ........ 12",
            "Punkt 1 …… 3\u{a0}",
            "Budget . . . 7 \n",
            "Bilag\t12\n",
            "Side ....٣",
            "1. Godkendelse af dagsorden",
            "Mødet sluttede kl. 12",
            "",
        ]);
        let mut matched = 0;
        for line in &lines {
            let want = TOC_LINE.is_match(line);
            assert_eq!(is_toc_line(line), want, "{line:?}");
            matched += usize::from(want);
        }
        assert!(matched >= 5, "{matched}");
    }
    use crate::blocks::{Format, blocks};

    /// The first-byte check passes every line a detector's pattern
    /// matches, `\d` in another script included.
    #[test]
    fn the_first_byte_check_keeps_every_line_a_pattern_matches() {
        for line in ["12. Godkendelse", "\u{FF13}. Godkendelse", "\u{663}. Punkt"] {
            assert!(NUMBERED_LINE.is_match(line), "{line}");
            assert!(starts_with_any(line, b"0123456789"), "{line}");
        }
        assert!(!starts_with_any("Godkendelse", b"0123456789"));
        let docs = crate::test_documents();
        let mut n = 0;
        for line in [
            "Punkt 1: Budget",
            "Sag 1. Budget",
            "SAG\u{a0}2: Budget",
            "ſag 3. Budget",
            "sag nr. 4: Budget",
            "Sag12 Budget",
        ]
        .into_iter()
        .chain(docs.iter().flat_map(|d| d.lines()))
        {
            if PUNKT.is_match(line) {
                assert!(may_open_punkt(line), "{line}");
                n += 1;
            }
        }
        assert!(n >= 6, "{n}");
        assert!(!may_open_punkt("Sagsnr. 5"));
        assert!(!may_open_punkt("Sagen 6"));
        let lines = [
            "Det indstilles,",
            "Formandskabet indstiller",
            "ſekretariatet indstiller",
        ];
        let mut n = 0;
        for line in lines.into_iter().chain(docs.iter().flat_map(|d| d.lines())) {
            if DET_INDSTILLES.is_match(line) {
                assert!(starts_with_any(line, b"dDaAfFsS"), "{line}");
                n += 1;
            }
        }
        assert!(n >= 5, "{n}");
    }

    /// Head and rest give the whole patterns' matches and groups: on
    /// tricky lines (empty rests, separators only, other scripts' digits,
    /// newlines) and every line of the seeds and the devset.
    #[test]
    fn heads_and_rests_match_as_the_whole_patterns() {
        let cases = [
            (PUNKT_HEAD, "(.*)$", Rest::Any),
            (AD_HEAD, r"(\S.*)$", Rest::Some),
            (AD_BARE_HEAD, r"(\p{L}.*)$", Rest::Letter),
            (NUMBERED_LINE_HEAD, r"(\S.*)$", Rest::Some),
            (NUMBERED_HEADING_HEAD, r"(\p{L}.*)$", Rest::Letter),
            (NUMBERED_PAREN_HEAD, r"(\S.*)$", Rest::Some),
        ];
        let mut lines: Vec<String> = [
            "Punkt 1:",
            "Punkt 1: ",
            "Punkt 12a) Budget",
            "pkt.3 - Eventuelt",
            "Dagsordenspunkt 4\nBudget",
            "Punkt 1:\nBudget",
            "AD 1:",
            "AD 1: ",
            "ad. pkt 2. Budget",
            "Ad 3: : kolon",
            "AD 4: Eventuelt",
            "1.",
            "1. ",
            "1.  Godkendelse",
            "12345. for mange cifre",
            "1. a\nb",
            "\u{FF13}. Godkendelse",
            "1)",
            "1..",
            "1. 2024",
            "2 Æbler",
            "3:Økonomi",
            "4) 5",
            "1) Fortsættelse af forespørgsel nr. F 7 [afstemning]:",
            "12)  Eventuelt: 3. behandling",
            "5)\tValg",
            "Ad. 1 Godkendelse af dagsorden",
            "AD 2 budget",
            "ad pkt. 3  Eventuelt",
            "Ad 4 5",
        ]
        .map(str::to_string)
        .to_vec();
        for t in crate::test_documents() {
            lines.extend(t.lines().map(|l| l.trim().to_string()));
            lines.extend(
                blocks(&t, Format::Markdown)
                    .into_iter()
                    .map(|b| b.text.into_owned()),
            );
        }
        for (head, tail, rest) in cases {
            let whole = Regex::new(&format!("{head}{tail}")).unwrap();
            let head_re = Regex::new(head).unwrap();
            let mut matched = 0;
            for line in &lines {
                let groups = |c: &Captures| -> Vec<Option<String>> {
                    (1..c.len())
                        .map(|i| c.get(i).map(|m| m.as_str().to_string()))
                        .collect()
                };
                let split = head_and_rest(&head_re, line, rest).map(|(c, r)| {
                    let mut g = groups(&c);
                    g.push(Some(r.to_string()));
                    g
                });
                let one = whole.captures(line).map(|c| groups(&c));
                assert_eq!(split, one, "{head} on {line:?}");
                matched += usize::from(one.is_some());
            }
            assert!(matched >= 3, "{head}: {matched}");
        }
    }

    /// A parliament record: the agenda as `N) title` lines, then each
    /// item announced (on its own line, or glued to the sentence before).
    #[test]
    fn announced_items_of_a_parliament_record() {
        let text = "71. møde\nFredag den 2. juni 2023 kl. 9.00\n\nDagsorden\n\n\
            1) Fortsættelse af forespørgsel nr. F 7 [afstemning]:\nForespørgsel til ministeren.\n\n\
            2) 3. behandling af lovforslag nr. L 124:\nForslag til lov.\n\n\
            3) Valg af stående udvalg m.v.\n\n\
            Mødet er åbnet.\n\nDet første punkt på dagsordenen er:\n\
            1) Fortsættelse af forespørgsel nr. F 7 [afstemning]:\nAfstemning\n\
            Forslaget til vedtagelse nr. V 35 er vedtaget.Det næste punkt på dagsordenen er:\n\
            2) 3. behandling af lovforslag nr. L 124:\nLovforslaget er vedtaget.\n";
        let (b, s) = seg(text, Format::Text);
        let titles: Vec<_> = s.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Fortsættelse af forespørgsel nr. F 7 [afstemning]",
                "3. behandling af lovforslag nr. L 124"
            ]
        );
        assert_eq!(s.items[1].number, "2");
        // The announcement on its own line opens the item; a glued one
        // stays with the text it is glued to.
        assert_eq!(
            b[s.items[0].blocks.start].text,
            "Det første punkt på dagsordenen er:"
        );
        assert!(b[s.items[1].blocks.start].text.starts_with("2)"));
        assert!(
            b[s.preamble.clone()]
                .iter()
                .any(|x| x.text.starts_with("3) Valg"))
        );
    }

    /// Without announcements, `N) title` lines are items only where no
    /// other layout is found, and only three or more in a run.
    #[test]
    fn paren_numbered_lines_are_the_last_resort() {
        let list = "Dagsorden\n\n1) Godkendelse af dagsorden\n\n2) Budget 2025\n\n3) Eventuelt\n";
        let (_, s) = seg(list, Format::Text);
        assert_eq!(s.items.len(), 3);
        assert_eq!(s.items[1].title, "Budget 2025");
        let two = "Dagsorden\n\n1) Godkendelse af dagsorden\n\n2) Eventuelt\n";
        assert!(seg(two, Format::Text).1.items.is_empty());
        // Points inside `Punkt` items are no items of their own.
        let inner = "Punkt 1: Budget\n\nDet indstilles,\n1) at a\n2) at b\n3) at c\n4) at d\n\nPunkt 2: Eventuelt\n";
        let (_, s) = seg(inner, Format::Text);
        let titles: Vec<_> = s.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Budget", "Eventuelt"]);
    }

    /// The items of plain `text`, each as `number title`.
    fn numbered_titles(text: &str) -> Vec<String> {
        numbered_titles_in(text, Format::Text)
    }

    /// The items of `text` read as `format`, each as `number title`.
    fn numbered_titles_in(text: &str, format: Format) -> Vec<String> {
        let (_, s) = seg(text, format);
        s.items
            .iter()
            .map(|i| format!("{} {}", i.number, i.title))
            .collect()
    }

    fn seg(text: &str, format: Format) -> (Vec<Block<'_>>, Segmented) {
        let b = blocks(text, format);
        let s = segment(&b);
        (b, s)
    }

    #[test]
    fn punkt_headings_with_sections() {
        let text = "# Referat\n\n## Indholdsfortegnelse\n\nPunkt 1: Velkomst.....\t3\n\n## **Punkt 1: Velkomst (kl. 13:30)**\n\nTekst\n\n## **Punkt 2: Drøftelsessag: X**\n\n### **RESUMÉ**\n\nKort.\n\n### **Beslutning**\n\nGodkendt.\n\n#### **Bilag**\n\nA.pdf\n";
        let (b, s) = seg(text, Format::Markdown);
        assert_eq!(s.items.len(), 2);
        assert_eq!(s.items[0].title, "Velkomst (kl. 13:30)");
        assert_eq!(s.items[1].title, "Drøftelsessag: X");
        let names: Vec<_> = s.items[1].sections.iter().map(|x| x.name).collect();
        assert_eq!(
            names,
            [
                SectionName::Resume,
                SectionName::Beslutning,
                SectionName::Bilag
            ]
        );
        let bil = &s.items[1].sections[2];
        assert_eq!(b[bil.blocks.end - 1].text, "A.pdf");
        // The table of contents is preamble.
        assert_eq!(b[s.preamble.end - 1].text, "Punkt 1: Velkomst.....\t3");
    }

    #[test]
    fn portal_items_with_case_numbers() {
        let text = "Referat\n\nSagnr.: 1-00-3-23\n\n1. Mødedeltagere\n\nSagsfremstilling\n\nRanders Kommune\n\nTilbage til toppen\nSagnr.: 1-36-70-7-22\n\n2. Afrapportering\n\nDet indstilles,\n\nat klyngestyregruppen tager det til efterretning\n\nSagsfremstilling\n\n1. Nyt fokus\n\n2. Andet\n\nBeslutning\n\nTaget til efterretning.\n\nTilbage til toppen\n";
        let (b, s) = seg(text, Format::Text);
        assert_eq!(s.items.len(), 2, "{:?}", s.items);
        assert_eq!(s.items[1].case_number.as_deref(), Some("1-36-70-7-22"));
        assert_eq!(b[s.items[1].blocks.start].text, "Sagnr.: 1-36-70-7-22");
        let names: Vec<_> = s.items[1].sections.iter().map(|x| x.name).collect();
        assert_eq!(
            names,
            [
                SectionName::Indstilling,
                SectionName::Sagsfremstilling,
                SectionName::Beslutning
            ]
        );
        // "Tilbage til toppen" is in the item but in no section.
        let last = s.items[1].sections.last().unwrap();
        assert_eq!(b[last.blocks.end - 1].text, "Taget til efterretning.");
    }

    #[test]
    fn greve_items_with_case_number_after_title() {
        let text = "Dagsorden\n\n1. Godkendelse af dagsorden\n22-003654\nBeslutning\n\nGodkendt.\n\nResume\n\nX\n\n2. Mødekalender 2024\n23-005195\nBeslutning\n\n1. Godkendt.\n";
        let (_, s) = seg(text, Format::Text);
        assert_eq!(s.items.len(), 2);
        assert_eq!(s.items[0].case_number.as_deref(), Some("22-003654"));
        assert_eq!(s.items[1].sections[0].name, SectionName::Beslutning);
    }

    /// `N. title` lines that repeat a line of the agenda's list: after a
    /// table of contents, after `Sager på mødet`; not after the numbered
    /// lists of anything else, nor a repeat that opens with a small letter.
    #[test]
    fn items_listed_before_they_stand() {
        let titles = numbered_titles;
        let toc = "Indholdsfortegnelse\n1. Godkendelse af dagsorden ...... 3\n2. Budget 2025 ...... 4\n3. Eventuelt ...... 6\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n2. Budget 2025\nTekst.\n1. Bilag A.pdf\n2. Bilag B.pdf\n\n3. Eventuelt\nIntet.\n";
        assert_eq!(
            titles(toc),
            ["1 Godkendelse af dagsorden", "2 Budget 2025", "3 Eventuelt"]
        );
        let listed = "Sager på mødet:\n1. Meddelelser\n2. Budget 2025\n\n1. Meddelelser\nIngen.\n\n2. Budget  2025:\nGodkendt.\n";
        assert_eq!(titles(listed), ["1 Meddelelser", "2 Budget 2025:"]);
        // A table of contents, then the agenda again: the items stand last.
        let twice = "Indholdsfortegnelse\n1. Budget ...... 3\n2. Eventuelt ...... 4\n\nDagsorden\n1. Budget\n2. Eventuelt\n\nMødet\nblev\nholdt\npå\nRådhuset.\n\n1. Budget\nGodkendt.\n\n2. Eventuelt\nIntet.\n";
        let (b, s) = seg(twice, Format::Text);
        assert_eq!(s.items.len(), 2);
        assert_eq!(b[s.items[0].blocks.start + 1].text, "Godkendt.");
        // The same lines with no list heading above them, a member named in
        // two committees' lists, a quoted recommendation: no items.
        let unlisted = listed.replace("Sager på mødet:", "Velkommen");
        assert!(titles(&unlisted).is_empty());
        let members = "Finansudvalget\n1. Anne Hansen (S)\n2. Bo Jensen (V)\n\nSkatteudvalget\n1. Anne Hansen (S)\n2. Bo Jensen (V)\n";
        assert!(titles(members).is_empty());
        let quoted = "Dagsorden\n1. at budgettet godkendes\n2. at sagen sendes videre\n\nBeslutning\n1. at budgettet godkendes\n2. at sagen sendes videre\n";
        assert!(titles(quoted).is_empty());
    }

    /// `Sag N.` opens an item as `Punkt N:` does; `Sag nr. 3-36-70-7-22`
    /// after item 2 is a case number, not item 3; `Ad 1: Godkendt.` in a
    /// decision is no item.
    #[test]
    fn sag_n_items_and_decision_parts() {
        let text = "Sag 1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\nSag nr. 2: Budget\nBeslutning\nAd 1: Godkendt.\nAd 2: Udsat.\nAd 3: Taget til efterretning.\n\nSag nr. 3-36-70-7-22\n";
        let (_, s) = seg(text, Format::Text);
        let titles: Vec<_> = s.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Godkendelse af dagsorden", "Budget"]);
        let ad = "AD 1: Formalia\nTekst.\n\nAD 2: Budget\nTekst.\n";
        assert_eq!(seg(ad, Format::Text).1.items.len(), 2);
        // With no colon, a title on a line of its own; not a sentence.
        let bare = "Punkt 1 Godkendelse af dagsorden\nGodkendt.\n\nPunkt 2 i aftalen handler om x\n\nPunkt 2 Budgettet blev drøftet.\n\nPunkt 2 Budget\nGodkendt.\n";
        let (b, s) = seg(bare, Format::Text);
        let titles: Vec<_> = s.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Godkendelse af dagsorden", "Budget"]);
        assert_eq!(b[s.items[1].blocks.start].text, "Punkt 2 Budget");
    }

    /// Plain `N. title` lines are items when a section heading follows
    /// each; `Punkt N, title` too.
    #[test]
    fn numbered_lines_before_sections() {
        let titles = numbered_titles;
        let plain = "Referat\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Budget 2025\nBeslutning: Godkendt.\n\n3. Eventuelt\nIndstilling\nIntet.\n";
        assert_eq!(
            titles(plain),
            ["1 Godkendelse af dagsorden", "2 Budget 2025", "3 Eventuelt"]
        );
        // Points that open with a small letter, or are followed by text.
        let points = "Referat\n\n1. at budgettet godkendes\nBeslutning\nGodkendt.\n\n2. at sagen sendes videre\nBeslutning\nGodkendt.\n";
        assert!(titles(points).is_empty());
        let text = "Notat\n\n1. Fælles investering\nTekst.\n\n2. Sammen om ældre\nTekst.\n";
        assert!(titles(text).is_empty());
        let comma = "Punkt 1, Godkendelse af dagsorden\nGodkendt.\n\nPunkt 2, Budget\nGodkendt.\n";
        assert_eq!(titles(comma), ["1 Godkendelse af dagsorden", "2 Budget"]);
    }

    /// A portal's items anchored by case numbers, but a closed one by the
    /// heading after it; the `Åbent punkt` line above an item is the item's.
    #[test]
    fn items_anchored_in_different_ways_together() {
        let text = "Referat\n\nÅbent punkt\n\n1. Godkendelse af dagsorden\n\nSagsnr.: 24/1234\n\nBeslutning\nGodkendt.\n\nÅbent punkt\n\n2. Budget 2025\n\nSagsnr.: 24/2231\n\nIndstilling\nDirektionen indstiller, at\n1. Budgettet godkendes.\nBeslutning\nGodkendt.\n\nBilag\n1. Budget.pdf\n\nLukket punkt:\n\n3. Salg af ejendom\n\nBeslutning\nGodkendt.\n";
        let (b, s) = seg(text, Format::Text);
        let titles: Vec<_> = s.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Godkendelse af dagsorden", "Budget 2025", "Salg af ejendom"]
        );
        assert_eq!(s.items[1].case_number.as_deref(), Some("24/2231"));
        for (item, marker) in s
            .items
            .iter()
            .zip(["Åbent punkt", "Åbent punkt", "Lukket punkt:"])
        {
            assert_eq!(b[item.blocks.start].text, marker);
        }
        let last = &s.items[1].sections.last().unwrap();
        assert_eq!(last.name, SectionName::Bilag);
        assert_eq!(last.blocks.end, s.items[2].blocks.start);
        // One anchor alone: a numbered point before a heading inside an
        // item (`1. Budgettet godkendes.`) is no item, and neither is a
        // closed item then (two case-anchored items are the longer run).
        let point = text.replace(
            "Lukket punkt:\n\n3. Salg af ejendom\n\nBeslutning\nGodkendt.\n",
            "",
        );
        let (_, s) = seg(&point, Format::Text);
        assert_eq!(s.items.len(), 2);
        // Nor is the next point of a numbered list, its number though
        // between the items' (a recommendation's third point before the
        // decision of item 2, with item 5 next).
        let list = "Referat\n\nSagsnr.: 24/1\n\n2. Budget 2025\n\nIndstilling\n1. Budgettet godkendes\n2. Rammerne fastholdes\n3. Sagen sendes til Byrådet\nBeslutning\nGodkendt.\n\nSagsnr.: 24/2\n\n5. Eventuelt\n\nBeslutning\nIntet.\n\nSagsnr.: 24/3\n\n6. Næste møde\n\nBeslutning\nIntet.\n";
        assert_eq!(
            numbered_titles(list),
            ["2 Budget 2025", "5 Eventuelt", "6 Næste møde"]
        );
        // A heading's numbered line of a higher number inside item 1 does
        // not fit before item 2 (and would break the run).
        let higher = "Referat\n\nSagsnr.: 24/1\n\n1. Budget\n\n7. Økonomi\nBeslutning\nGodkendt.\n\nSagsnr.: 24/2\n\n2. Plan\n\nBeslutning\nGodkendt.\n\n3. Salg\n\nBeslutning\nGodkendt.\n\nSagsnr.: 24/4\n\n4. Eventuelt\n\nBeslutning\nIntet.\n";
        assert_eq!(
            numbered_titles(higher),
            ["1 Budget", "2 Plan", "3 Salg", "4 Eventuelt"]
        );
        assert!(!is_access_line("Åbent punkt 3"));
        assert!(!is_access_line("Punkt"));
        assert!(is_access_line("LUKKET SAG"));
    }

    /// Item lines in more forms: `Punkt nr. N -`, `N - title`, `Ad. N
    /// Title` with no mark, and `**Punkt N**` with the title on the line
    /// after it.
    #[test]
    fn item_lines_in_more_forms() {
        let md = |first: &str, second: &str| {
            format!(
                "# Referat\n\n{first}\n\n### Beslutning\n\nGodkendt.\n\n{second}\n\n### Beslutning\n\nGodkendt.\n"
            )
        };
        let titles_of = |text: &str| numbered_titles_in(text, Format::Markdown);
        for (first, second) in [
            ("## Punkt nr. 1 - Dagsorden", "## Punkt nr. 2 - Budget"),
            ("## 1 - Dagsorden", "## 2 – Budget"),
            ("## Ad. 1 Dagsorden", "## Ad. 2 Budget"),
            ("**Punkt 1**\n\n**Dagsorden**", "**Punkt 2**\n\nBudget"),
        ] {
            assert_eq!(
                titles_of(&md(first, second)),
                ["1 Dagsorden", "2 Budget"],
                "{first}"
            );
        }
        // Not items: `Ad 3` in a sentence; a number's next line that is a
        // sentence or a section heading is no title.
        let text = md(
            "Ad 3 omgange blev det drøftet",
            "Ad 4 Gange blev budgettet drøftet",
        );
        assert!(titles_of(&text).is_empty());
        let text = "# Referat\n\n**Punkt 1**\n\nBeslutning\n\nGodkendt.\n\n**Punkt 2**\n\nSagen blev drøftet.\n";
        assert_eq!(titles_of(text), ["1 ", "2 "]);
        let text = "# Dagsorden\n\n**Punkt 1**\n\nPunkt 2: Budget\n\nTekst.\n";
        assert_eq!(titles_of(text), ["1 ", "2 Budget"]);
    }

    #[test]
    fn agenda_list_before_minutes_is_not_items() {
        let text = "# Referat\n\n## Dagsorden\n\n### AD 1: Formalia\n### AD 2: Budget\n\n## Mødereferat\n\n### AD 1: Formalia\n\nGodkendt.\n\n### AD 2: Budget\n\nDrøftet.\n\nMere tekst.\n";
        let (b, s) = seg(text, Format::Markdown);
        assert_eq!(s.items.len(), 2);
        assert!(b[s.items[0].blocks.start].start > text.find("Mødereferat").unwrap());
    }

    #[test]
    fn no_items_in_a_memo() {
        let text = "## Notat vedr status\n\n1. Fælles investering\n2. Sammen om ældre\n\nTekst.\n";
        let (_, s) = seg(text, Format::Markdown);
        assert!(s.items.is_empty());
        assert_eq!(s.preamble.len(), 4);
    }

    #[test]
    fn inline_decision_label() {
        let text = "Punkt 1: Status\n\nBeslutning: Godkendt.\n";
        let (_, s) = seg(text, Format::Text);
        let sec = &s.items[0].sections[0];
        assert_eq!(sec.name, SectionName::Beslutning);
        assert_eq!(sec.inline_text.as_deref(), Some("Godkendt."));
    }
}
