//! Extract stage, forms: the `LABEL: value` pairs of an application form,
//! its typed slots, and the grant a report accounts for.
//!
//! [`fields`] takes the (normalized, OCR-corrected) text and gives every
//! label and its value in document order: upper-case labels anywhere in a
//! line (`REGION: DATO: LØBENR.:` are three), and short capitalised labels at
//! a line start (`Projektets titel:`). A value runs on over the following
//! lines until a blank line, the next label, or an upper-case heading.
//! [`application`] reads the typed slots from the fields by fuzzy label
//! (`ANSØGT BELYB` still means `ansøgt beløb`); [`grant`] reads `fik i 2014
//! bevilliget 264.400 kr. fra <funder>` sentences of a report.
//!
//! ```
//! let f = referat::forms::fields("FORMÅL: Bedre forløb\nfor borgerne\n\nTOTALBUDGET: 89.500 kr.\n");
//! assert_eq!(f[0].label, "FORMÅL");
//! assert_eq!(f[0].value, "Bedre forløb for borgerne");
//! assert_eq!(f[1].label, "TOTALBUDGET");
//! ```

use crate::caseless::CapturesIfAny;
use crate::record::{
    Amount, ApplicationForm, DateRef, FormFields, Grant, Participant, Period, YearAmount,
};
use crate::span::{self, Span};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One `LABEL: value` pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The label as written, whitespace collapsed, without its colon.
    pub label: String,
    /// The value, lines joined by spaces (empty when the form left it blank).
    pub value: String,
    /// Where the label starts and the value ends in the text.
    pub range: Range<usize>,
    /// Where the value stands in the text.
    pub value_range: Range<usize>,
}

/// An upper-case label: capitals, digits and punctuation, with optional
/// parentheticals of up to 120 characters in any case (`ØVRIGE DELTAGERE
/// (samarbejdspartnere ...)`, `ANSØGT BELØB (2)`), ending in a colon.
/// Searched for as [`UPPER_LABEL_ANY`] ([`upper_label_of`]).
#[cfg(test)]
static UPPER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*({})\s*:",
        upper_label_words(r"[^()\n]{0,120}")
    ))
    .unwrap()
});

/// [`UPPER_LABEL`] with parentheticals of any length: its bounded repeats
/// made the automaton large and its search slow (a state for each count).
static UPPER_LABEL_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*({})\s*:", upper_label_words(r"[^()\n]*"))).unwrap()
});

/// The words of an upper-case label, with `inside` a parenthetical's.
fn upper_label_words(inside: &str) -> String {
    format!(
        r"(?:[\p{{Lu}}][\p{{Lu}}\d./&-]*|\({inside}\)|mm\.|m\.m\.|el\.|og|\d+)(?:[ \t,]+(?:[\p{{Lu}}\d][\p{{Lu}}\d./&-]*|\({inside}\)|mm\.|m\.m\.|el\.|og))*"
    )
}

/// [`UPPER_LABEL`]'s label and end in `rest`, from [`UPPER_LABEL_ANY`]'s
/// match. The two differ only where a parenthetical is longer: a label's
/// words are read one way only (each kind opens with its own characters,
/// and none can end a word early and go on), and a parenthetical runs
/// from its `(` to the next `)`, so one of over 120 characters before the
/// colon leaves [`UPPER_LABEL`] no match at all.
fn upper_label_of(rest: &str) -> Option<(Range<usize>, usize)> {
    let (label, end) = label_of(&UPPER_LABEL_ANY, rest)?;
    let mut inner = rest[label.clone()].split('(').skip(1);
    inner
        .all(|p| p.split(')').next().unwrap_or("").chars().count() <= 120)
        .then_some((label, end))
}

/// A capitalised label at a line start: one to five words (`Projektets
/// titel:`, `Ansøger:`).
static TITLE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\p{Lu}[\p{Ll}\p{Lu}.-]*(?:[ \t]+[\p{L}.()/-]+){0,4})\s*:").unwrap()
});

/// Whether an upper-case label has at least two capitals outside its
/// parentheses (`DATO`, not `I`).
fn real_label(label: &str) -> bool {
    let mut depth = 0usize;
    let mut capitals = 0;
    for ch in label.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 && c.is_uppercase() => capitals += 1,
            _ => {}
        }
    }
    capitals >= 2
}

/// The label (group 1) of a match of [`UPPER_LABEL`] or [`TITLE_LABEL`]
/// at the start of `rest`, and the match's end. Both patterns are
/// `^\s*(label)\s*:` with a label that neither starts nor ends with white
/// space, so the label is the match less its white space and its colon:
/// read from the match's bounds (the automaton's search), without the
/// captures' engine, which their bounded repeats made cost thousands of
/// instructions a label.
fn label_of(re: &Regex, rest: &str) -> Option<(Range<usize>, usize)> {
    let m = re.find(rest)?;
    let colon = m.end() - 1;
    debug_assert_eq!(&rest[colon..m.end()], ":");
    let start = rest.len() - rest.trim_start().len();
    let end = rest[..colon].trim_end().len();
    Some((start..end, m.end()))
}

/// The labels at the start of `line` (several when a row of the form holds
/// several: `REGION: DATO: LØBENR.: (udfyldes af regionen)`), each as
/// (label start, label end, value start) within the line.
fn labels_at(line: &str, title_case: bool) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    if !may_hold_label(line) {
        return out;
    }
    let mut at = 0;
    // Labels with a colon: none in a line without one.
    while memchr::memchr(b':', &line.as_bytes()[at..]).is_some() {
        let rest = &line[at..];
        let found = upper_label_of(rest)
            .filter(|(label, _)| real_label(&rest[label.clone()]))
            .or_else(|| {
                (title_case && out.is_empty())
                    .then(|| label_of(&TITLE_LABEL, rest))
                    .flatten()
            });
        let Some((label, end)) = found else { break };
        out.push((at + label.start, at + label.end, at + end));
        at += end;
    }
    if out.is_empty()
        && let Some(m) = BARE_LABEL.captures_if_any(line).and_then(|c| c.get(1))
        && real_label(m.as_str())
        && m.as_str().split_whitespace().count() >= 2
    {
        // `ANSØGERS NAVN, MAIL, TLF mm. Arbejdsmarkedschef ...`: the form
        // printed no colon, but a shouted label runs into a value.
        out.push((m.start(), m.end(), m.end()));
    }
    out
}

/// Whether one of the label patterns can match `line`: each opens, after
/// white space, with a capital (`\p{Lu}`, which `char::is_uppercase`
/// holds), or the upper-case ones with `(`, a digit, `mm.`, `m.m.`,
/// `el.` or `og`. Most lines of prose open with none of them, or hold no
/// colon ([`BARE_LABEL`] opens with a capital or `m`); the patterns were tried
/// on every line of a form (165,000 times in the 5 MB corpus).
fn may_hold_label(line: &str) -> bool {
    match line.trim_start().chars().next() {
        Some(c) if c.is_uppercase() => true,
        // `mm.`, `m.m.` open a label without a colon too.
        Some('m') => true,
        Some('(' | '0'..='9' | 'e' | 'o') => line.contains(':'),
        _ => false,
    }
}

/// An upper-case label with no colon, followed by a capitalised word on
/// the same line.
static BARE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*((?:[\p{Lu}][\p{Lu}\d./&-]+|mm\.|m\.m\.)(?:[ \t,]+(?:[\p{Lu}][\p{Lu}\d./&-]*|mm\.|m\.m\.|og))+)[ \t]+\p{Lu}\p{Ll}",
    )
    .unwrap()
});

/// A line that is an upper-case heading without a colon (`BUDGET`,
/// `EVALUERING (metode og tidsramme ...) (1)`): it ends a value.
fn heading(line: &str) -> bool {
    // The letters before the first bracket or dash, read once: most lines
    // are settled by their first small letter.
    let mut letters = 0;
    for c in line.chars() {
        if matches!(c, '(' | '—' | '–') {
            break;
        }
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 4
}

/// The lines of `text` with their offsets, without their line ends (as
/// `str::split_inclusive` gives them, less the `\n` and `\r`).
fn lines_at(text: &str) -> Vec<(usize, &str)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in span::split_byte(text, b'\n') {
        if start == text.len() {
            // The empty piece after a last newline is no line.
            break;
        }
        lines.push((start, line.trim_end_matches('\r')));
        start += line.len() + 1;
    }
    lines
}

/// Every `LABEL: value` pair of `text`, in order. `title_case` also takes
/// short capitalised labels at line starts (forms that do not shout).
pub fn fields_with(text: &str, title_case: bool) -> Vec<Field> {
    let lines = lines_at(text);
    let labels: Vec<Vec<(usize, usize, usize)>> = lines
        .iter()
        .map(|(_, l)| labels_at(l, title_case))
        .collect();
    let mut out = Vec::new();
    for (i, (line_start, line)) in lines.iter().enumerate() {
        let found = &labels[i];
        for (k, &(ls, le, vs)) in found.iter().enumerate() {
            // A value ends at the next label on the line, or runs on.
            let (value_end, last) = match found.get(k + 1) {
                Some(&(next, _, _)) => (line_start + next, false),
                None => (line_start + line.len(), true),
            };
            let raw = &line[vs..value_end - line_start];
            let vs = vs + raw.len() - raw.trim_start().len();
            let mut end = value_end;
            let mut value = line[vs..value_end - line_start].trim().to_string();
            if last {
                for (j, (s, l)) in lines.iter().enumerate().skip(i + 1) {
                    if l.trim().is_empty() || !labels[j].is_empty() || heading(l) {
                        break;
                    }
                    value.push(' ');
                    value.push_str(l.trim());
                    end = s + l.len();
                }
            }
            out.push(Field {
                label: span::collapse_whitespace(&line[ls..le]),
                value: span::collapse_whitespace(&value),
                range: line_start + ls..end,
                value_range: line_start + vs..end,
            });
        }
    }
    out
}

/// [`fields_with`] upper-case labels only.
pub fn fields(text: &str) -> Vec<Field> {
    fields_with(text, false)
}

/// The label and value pairs of a form laid out as a table of two columns
/// (`| Ansøgt beløb | 450.000 kr. |`, a Word form turned into Markdown):
/// each row whose first cell is a label (opens with a letter, at most 80
/// bytes) and whose second holds a value. A table's header row (the row
/// above its `|---|` line) is none.
pub fn table_fields(text: &str) -> Vec<Field> {
    let lines = lines_at(text);
    let mut out = Vec::new();
    for (i, &(start, line)) in lines.iter().enumerate() {
        let row = line.trim();
        if !row.starts_with('|') || row.trim_matches(['|', '-', ':', ' ']).is_empty() {
            continue;
        }
        let header = lines.get(i + 1).is_some_and(|(_, next)| {
            let next = next.trim();
            next.starts_with('|')
                && next.contains('-')
                && next.bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' '))
        });
        if header {
            continue;
        }
        let cells: Vec<&str> = row
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let [label, value] = cells[..] else {
            continue;
        };
        let label = label.trim_end_matches(':').trim_end();
        if label.len() > 80 || !label.starts_with(char::is_alphabetic) {
            continue;
        }
        let at = |cell: &str| start + (cell.as_ptr() as usize - line.as_ptr() as usize);
        let value_start = at(value);
        out.push(Field {
            label: span::collapse_whitespace(label),
            value: span::collapse_whitespace(value),
            range: at(label)..value_start + value.len(),
            value_range: value_start..value_start + value.len(),
        });
    }
    out
}

/// A form's section heading that is a label (`2. Ansøger`, `## Ansøgt
/// beløb`, `**5) Projektperiode**`): a number or a Markdown heading's
/// marks, then a capitalised label of at most six words and no sentence's
/// full stop, alone on its line.
static HEADING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?:\d{1,2}[.)][ \t]*)?(?:\*\*)?(\p{Lu}[\p{L}-]*(?:[ \t]+[\p{L}()/-]+){0,5})[ \t]*:?[ \t]*(?:\*\*)?[ \t]*$").unwrap()
});

/// The fields of a form laid out as numbered or Markdown section headings
/// with the value under each (`2. Ansøger` / `Hillerød Kommune`): each
/// heading line whose label means one of the typed slots ([`slots`]; a
/// numbered list's `1. Godkendelse af dagsorden` means none), its value
/// the lines under it up to the first blank line after them, the next
/// heading or a `Label:` line.
pub fn heading_fields(text: &str) -> Vec<Field> {
    let lines = lines_at(text);
    // Each line's label when it is such a heading, read once: a heading
    // both opens a field and ends the one before it.
    let headings: Vec<Option<Range<usize>>> = lines
        .iter()
        .map(|&(_, line)| {
            let t = line.trim_start();
            let opens = t.starts_with(|c: char| c.is_ascii_digit() || c == '#' || c == '*');
            if !opens || line.len() > 120 {
                return None;
            }
            let g = HEADING_LABEL.captures(line)?.get(1)?;
            (slot_bits(g.as_str()) != 0).then(|| g.range())
        })
        .collect();
    let mut out = Vec::new();
    for (i, &(start, line)) in lines.iter().enumerate() {
        let Some(label) = headings[i].clone() else {
            continue;
        };
        let (mut value, mut first, mut end) = (String::new(), None, start + line.len());
        for (j, &(s, l)) in lines.iter().enumerate().skip(i + 1) {
            let t = l.trim();
            if t.is_empty() {
                if value.is_empty() {
                    continue;
                }
                break;
            }
            if headings[j].is_some() || !labels_at(l, true).is_empty() {
                break;
            }
            if !value.is_empty() {
                value.push(' ');
            }
            value.push_str(t.trim_matches('*'));
            first.get_or_insert(s + (l.len() - l.trim_start().len()));
            end = s + l.trim_end().len();
        }
        let Some(value_start) = first else { continue };
        out.push(Field {
            label: span::collapse_whitespace(&line[label.clone()]),
            value: span::collapse_whitespace(&value),
            range: start + label.start..end,
            value_range: value_start..end,
        });
    }
    out
}

/// A label reduced for matching: lower case, parentheticals, digits and
/// punctuation gone (`ANSØGT BELØB (2):` → `ansøgt beløb`).
pub fn label_key(label: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for ch in label.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphabetic() => out.extend(c.to_lowercase()),
            '-' | ' ' | ',' | '.' | '/' => out.push(' '),
            _ => {}
        }
    }
    span::collapse_whitespace(&out)
}

/// A lower bound of the edit distance of `a` and `b`: the characters one
/// has more of than the other, counted as bags (each edit adds or removes
/// at most one character on each side). The characters are counted by
/// their low byte: two that share it are counted as one, which can only
/// lower the count, so it stays a lower bound.
fn bag_distance(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 256];
    for c in a.chars() {
        counts[(c as u32 & 0xFF) as usize] += 1;
    }
    for c in b.chars() {
        counts[(c as u32 & 0xFF) as usize] -= 1;
    }
    // Each slot a character touched, summed once (then cleared): the
    // characters' slots, not all 256.
    let (mut more, mut fewer) = (0, 0);
    for c in a.chars().chain(b.chars()) {
        let k = std::mem::take(&mut counts[(c as u32 & 0xFF) as usize]);
        if k > 0 {
            more += k;
        } else {
            fewer -= k;
        }
    }
    more.max(fewer) as usize
}

/// Whether a label key means `target`: the same words give or take an OCR
/// slip (normalized Levenshtein ≥ 0.8), or `target` followed by more
/// words (`ansøgers navn mail tlf mm` means `ansøgers navn`).
pub fn label_means(key: &str, target: &str) -> bool {
    LabelKey::new(key).means(target)
}

/// A label key with its length and its spaces counted once, as
/// [`slots`] compares each key with some forty targets and most pairs
/// are told apart by their lengths alone.
struct LabelKey<'a> {
    text: &'a str,
    /// The key's characters.
    chars: usize,
    /// Each space's byte offset and the characters before it.
    spaces: Vec<(usize, usize)>,
}

impl<'a> LabelKey<'a> {
    fn new(text: &'a str) -> LabelKey<'a> {
        let mut chars = 0;
        let mut spaces = Vec::new();
        for (at, c) in text.char_indices() {
            if c == ' ' {
                spaces.push((at, chars));
            }
            chars += 1;
        }
        LabelKey {
            text,
            chars,
            spaces,
        }
    }

    /// [`label_means`].
    fn means(&self, target: &str) -> bool {
        let target_chars = target.chars().count();
        if near(self.text, self.chars, target, target_chars) {
            return true;
        }
        let words = target.split(' ').count();
        // The key's first `words` words: the key up to its `words`-th space.
        match self.spaces.get(words - 1) {
            Some(&(at, chars)) => near(&self.text[..at], chars, target, target_chars),
            None => false,
        }
    }
}

/// Whether `a` (of `la` characters) and `b` (of `lb`) are the same words
/// give or take an OCR slip: normalized Levenshtein ≥ 0.8.
fn near(a: &str, la: usize, b: &str, lb: usize) -> bool {
    // The edit distance is at least the difference in length: most pairs
    // are told apart by their lengths alone, without the quadratic
    // distance.
    let longest = la.max(lb);
    if longest > 0 && 1.0 - (la.abs_diff(lb) as f64) / (longest as f64) < 0.8 {
        return false;
    }
    // So is the difference of the two words' letters, counted as bags: it
    // tells most of the rest apart in one pass over each.
    if longest > 0 && 1.0 - (bag_distance(a, b) as f64) / (longest as f64) < 0.8 {
        return false;
    }
    strsim::normalized_levenshtein(a, b) >= 0.8
}

/// The slots of an application form, as found: indexes into the fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slots {
    /// Project title.
    pub title: Option<usize>,
    /// Applicant (name, contact).
    pub applicant: Option<usize>,
    /// Person responsible, when no applicant line.
    pub responsible: Option<usize>,
    /// Purpose.
    pub purpose: Option<usize>,
    /// Short description.
    pub summary: Option<usize>,
    /// Amount applied for.
    pub amount_requested: Option<usize>,
    /// Budget by year.
    pub budget_by_year: Option<usize>,
    /// Total budget.
    pub total_budget: Option<usize>,
    /// Project period.
    pub period: Option<usize>,
}

const TITLE: &[&str] = &[
    "projektets titel",
    "projekttitel",
    "titel",
    "projektets navn",
    "projektnavn",
];
const APPLICANT: &[&str] = &["ansøgers navn", "ansøger", "ansøgende", "kontaktperson"];
const RESPONSIBLE: &[&str] = &["projektansvarlig", "projektleder", "ansvarlig"];
const PURPOSE: &[&str] = &["formål", "projektets formål", "formålet"];
const SUMMARY: &[&str] = &[
    "projektbeskrivelse kort resumé",
    "kort resumé",
    "resumé",
    "sammenfatning",
    "kort beskrivelse",
];
const AMOUNT: &[&str] = &[
    "ansøgt beløb",
    "ansøgte beløb",
    "beløb der ansøges om",
    "der ansøges om",
];
const BY_YEAR: &[&str] = &[
    "budget fordelt på år",
    "fordeling på år",
    "budget pr år",
    "budget fordelt på årene",
];
const TOTAL: &[&str] = &[
    "totalbudget",
    "samlet budget",
    "budget i alt",
    "total budget",
    "samlede budget",
];
const PERIOD: &[&str] = &[
    "start og sluttidspunkt",
    "projektperiode",
    "periode",
    "projektets periode",
    "tidsperiode",
];

/// The target lists of [`Slots`], in the order of [`slot_bits`]' bits.
const SLOT_TARGETS: [&[&str]; 9] = [
    TITLE,
    APPLICANT,
    RESPONSIBLE,
    PURPOSE,
    SUMMARY,
    AMOUNT,
    BY_YEAR,
    TOTAL,
    PERIOD,
];

/// The most labels the per-thread cache of [`slot_bits`] holds before it
/// starts over.
const SLOT_CACHE_MAX: usize = 10_000;

thread_local! {
    /// Each label's [`slot_bits`], kept across the forms a thread reads:
    /// forms printed from one template repeat their labels, and a label's
    /// bits depend on the label alone, so the cache changes no output.
    static SLOT_CACHE: std::cell::RefCell<std::collections::HashMap<String, u16>> =
        std::cell::RefCell::default();
}

/// The target lists of [`SLOT_TARGETS`] that `label` means, a bit each.
fn slot_bits(label: &str) -> u16 {
    let compute = || {
        let key = label_key(label);
        let key = LabelKey::new(&key);
        SLOT_TARGETS
            .iter()
            .enumerate()
            .filter(|(_, targets)| targets.iter().any(|t| key.means(t)))
            .fold(0u16, |bits, (k, _)| bits | 1 << k)
    };
    SLOT_CACHE.with_borrow_mut(|cache| {
        if let Some(&bits) = cache.get(label) {
            return bits;
        }
        if cache.len() >= SLOT_CACHE_MAX {
            cache.clear();
        }
        let bits = compute();
        cache.insert(label.to_string(), bits);
        bits
    })
}

/// Finds the typed slots among `fields` (the first field that means each).
pub fn slots(fields: &[Field]) -> Slots {
    let bits: Vec<u16> = fields.iter().map(|f| slot_bits(&f.label)).collect();
    let find = |k: usize| bits.iter().position(|b| b & 1 << k != 0);
    Slots {
        title: find(0),
        applicant: find(1),
        responsible: find(2),
        purpose: find(3),
        summary: find(4),
        amount_requested: find(5),
        budget_by_year: find(6),
        total_budget: find(7),
        period: find(8),
    }
}

/// Summary heading lines without a colon (`PROJEKTBESKRIVELSE (kort
/// resumé) — selve projektbeskrivelsen vedlægges ...`): the paragraphs
/// under them, up to the next label or heading, at most `limit` bytes
/// (cut at a paragraph end).
pub fn summary_block(text: &str, limit: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.iter().enumerate().find_map(|(i, l)| {
        // The cheap tests first: the key is built for headings only.
        let head = l.split(['—', '–', ':']).next().unwrap_or("");
        let is_summary = l.contains(['(', '—', '–']) && heading(head) && {
            let key = label_key(head);
            let counted = LabelKey::new(&key);
            SUMMARY.iter().any(|t| counted.means(t)) || key == "projektbeskrivelse"
        };
        if is_summary {
            // The heading's own paragraph (its instructions) is not the summary.
            let rest = &lines[i + 1..];
            let skip = rest
                .iter()
                .position(|l| l.trim().is_empty())
                .unwrap_or(rest.len());
            paragraphs_after(&rest[skip..], limit)
        } else {
            None
        }
    })
}

/// The paragraphs of `lines` up to the next label or heading, joined, at
/// most `limit` bytes unless the first paragraph alone is longer.
fn paragraphs_after(lines: &[&str], limit: usize) -> Option<String> {
    let mut out = String::new();
    let mut paragraph = String::new();
    let flush = |paragraph: &mut String, out: &mut String| -> bool {
        if paragraph.is_empty() {
            return true;
        }
        if !out.is_empty() && out.len() + paragraph.len() > limit {
            return false;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(paragraph);
        paragraph.clear();
        true
    };
    for &l in lines {
        if !labels_at(l, false).is_empty() || heading(l) {
            break;
        }
        if l.trim().is_empty() {
            if !flush(&mut paragraph, &mut out) {
                break;
            }
            continue;
        }
        if !paragraph.is_empty() {
            paragraph.push(' ');
        }
        paragraph.push_str(l.trim());
    }
    flush(&mut paragraph, &mut out);
    (!out.is_empty()).then_some(out)
}

/// A grant sentence of a report, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantSentence {
    /// The sentence's range in the text.
    pub range: Range<usize>,
    /// The year named with the grant (`i 2014`).
    pub year: Option<i32>,
    /// The body that granted it (`fra <funder> til ...`).
    pub funder: Option<String>,
}

static GRANT_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:bevillig(?:et|ede)|bevilg(?:et|ede)|bevilling(?:en)? på|tildelt|tildelte|tilsagn om|modtog|modtaget|tilskud på)\b").unwrap()
});
/// `i 2022`, `i år 2022`, `i januar 2023`, `i foråret 2023` (group 2; the
/// word, group 1, is no `alt`: `i alt 2000 kr.`).
static GRANT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bi (?:(\p{L}+)\.? )?((?:19|20)\d\d)\b").unwrap());
static FUNDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bfra ((?:\p{Lu}|KEU|PLO)[^.;:\n]{2,120}?)(?:\s+(?:til|i perioden|i \d{4}|med henblik)\b|[.;:\n]|$)").unwrap()
});

/// The first sentence of `text` that reports a grant (`bevilliget`,
/// `tildelt`, `modtog`), with the year and funder it names. The caller
/// finds the amount inside `range`.
pub fn grant_sentence(text: &str) -> Option<GrantSentence> {
    grant_sentences(text).next()
}

/// Every sentence of `text` that reports a grant, in order, as
/// [`grant_sentence`] gives the first.
pub fn grant_sentences(text: &str) -> impl Iterator<Item = GrantSentence> + '_ {
    GRANT_CUE
        .find_iter(text)
        .map(move |cue| sentence_of_cue(text, cue.range()))
}

/// The grant sentence around the cue at `cue` in `text`.
fn sentence_of_cue(text: &str, cue: Range<usize>) -> GrantSentence {
    // The sentence: back to the previous full stop before a capital or line
    // break, on to the next `. ` or line end.
    let start = text[..cue.start]
        .rfind(['\n'])
        .map_or(0, |i| i + 1)
        .max(text[..cue.start].rfind(". ").map_or(0, |i| i + 2));
    let tail = &text[cue.start..];
    let end = cue.start
        + tail
            .find(['\n'])
            .unwrap_or(tail.len())
            .min(sentence_end(tail).unwrap_or(tail.len()));
    let sentence = &text[start..end];
    let year = GRANT_YEAR
        .captures_iter(sentence)
        .find(|c| {
            c.get(1)
                .is_none_or(|w| !w.as_str().eq_ignore_ascii_case("alt"))
        })
        .and_then(|c| c[2].parse().ok());
    let funder = FUNDER
        .captures_if_any(&text[cue.end..end])
        .map(|c| span::collapse_whitespace(&c[1]));
    GrantSentence {
        range: start..end,
        year,
        funder,
    }
}

/// The end of the first sentence: a full stop before a space and a capital
/// (not the dot of `264.400` or `kr. fra`).
fn sentence_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len()).find(|&i| {
        b[i] == b'.'
            && b.get(i + 1) == Some(&b' ')
            && s[i + 2..].chars().next().is_some_and(char::is_uppercase)
            && !s[..i].ends_with("kr")
    })
}

/// Amounts and dates of the document with their ranges in the text.
pub struct Found<'a> {
    /// Every amount, in text order.
    pub amounts: &'a [(Range<usize>, Amount)],
    /// Every date, in text order.
    pub dates: &'a [(Range<usize>, DateRef)],
}

impl Found<'_> {
    fn amounts_in(&self, r: &Range<usize>) -> impl Iterator<Item = &(Range<usize>, Amount)> {
        self.amounts
            .iter()
            .filter(move |(a, _)| a.start >= r.start && a.end <= r.end)
    }

    fn period_in(&self, r: &Range<usize>) -> Option<Period> {
        let inside: Vec<&DateRef> = self
            .dates
            .iter()
            .filter(|(d, _)| d.start >= r.start && d.end <= r.end)
            .map(|(_, d)| d)
            .collect();
        let first = inside.first()?;
        let last = inside.last()?;
        let period = Period {
            start: first.start,
            end: last.end,
        };
        (period.start.is_some() && period.end.is_some() && period.start != period.end)
            .then_some(period)
    }
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:19|20)\d\d\b").unwrap());

/// The application form of `text`: `None` when it has no form fields.
pub fn application(
    text: &str,
    found: &Found,
    span: &dyn Fn(Range<usize>) -> Span,
) -> Option<ApplicationForm> {
    let mut fields = fields(text);
    if fields.len() < 3 {
        // A form that does not shout: its capitalised labels, or its
        // table's rows.
        fields = fields_with(text, true);
        fields.extend(table_fields(text));
        fields.extend(heading_fields(text));
        fields.sort_by_key(|f| f.range.start);
    }
    if fields.len() < 3 {
        return None;
    }
    let s = slots(&fields);
    let value = |i: Option<usize>| i.map(|i| fields[i].value.clone()).filter(|v| !v.is_empty());
    let first_amount = |i: Option<usize>| {
        i.and_then(|i| found.amounts_in(&fields[i].value_range).next())
            .map(|(_, a)| a.clone())
    };
    let budget_by_year = s
        .budget_by_year
        .map(|i| {
            let r = &fields[i].value_range;
            let mut from = r.start;
            let mut out = Vec::new();
            for (ar, a) in found.amounts_in(r) {
                let before = &text[from..ar.start];
                if let Some(y) = YEAR.find_iter(before).last() {
                    out.push(YearAmount {
                        year: y.as_str().parse().unwrap_or_default(),
                        amount: a.clone(),
                    });
                }
                from = ar.end;
            }
            out
        })
        .unwrap_or_default();
    // The first applicant or responsible line that names a person (`Ansøger:
    // Randers Kommune` names none; `Kontaktperson: Lene Jensen, ...` does).
    let applicant = s
        .applicant
        .into_iter()
        .chain(s.responsible)
        .chain((0..fields.len()).filter(|&i| slot_bits(&fields[i].label) & 0b110 != 0))
        .find_map(|i| applicant(&fields[i], span))
        .map(|mut p| {
            // `Ansøger: Hillerød Kommune` above the contact person's line:
            // the organisation the person applies for.
            if p.organisation.is_none() {
                p.organisation = s
                    .applicant
                    .and_then(|i| first_organisation(&fields[i].value));
            }
            p
        });
    let summary = s
        .summary
        .and_then(|i| value(Some(i)).filter(|v| v.len() > 80))
        .or_else(|| summary_block(text, 2000));
    let mut labelled: Vec<(String, String)> = Vec::with_capacity(fields.len());
    for f in &fields {
        let mut label = f.label.clone();
        let mut n = 1;
        while labelled.iter().any(|(l, _)| *l == label) {
            n += 1;
            label = format!("{} ({n})", f.label);
        }
        labelled.push((label, f.value.clone()));
    }
    Some(ApplicationForm {
        title: value(s.title),
        applicant,
        purpose: value(s.purpose),
        summary,
        amount_requested: first_amount(s.amount_requested),
        budget_by_year,
        total_budget: first_amount(s.total_budget),
        period: s
            .period
            .and_then(|i| found.period_in(&fields[i].value_range)),
        fields: FormFields(labelled),
    })
}

/// The first organisation the gazetteer finds in `text`, by its name.
fn first_organisation(text: &str) -> Option<String> {
    crate::orgs::names(&crate::orgs::mentions(text))
        .first()
        .map(|o| o.to_string())
}

/// The applicant of a form line: `Arbejdsmarkedschef Søren Landkildehus,
/// tlf. 22751071, mail soren.landkildehus@holstebro.dk` → name, title, and
/// the organisation of the mail domain when the gazetteer knows it.
fn applicant(f: &Field, span: &dyn Fn(Range<usize>) -> Span) -> Option<Participant> {
    let plain = |seg: &&str| {
        !seg.is_empty() && !seg.contains('@') && !seg.chars().any(|c| c.is_ascii_digit())
    };
    let mut segments = f.value.split(',').map(str::trim).filter(plain);
    let person = segments.next()?;
    let words: Vec<&str> = person.split_whitespace().collect();
    let at = (0..words.len()).find(|&i| crate::people::is_name(&words[i..].join(" "), true))?;
    let name = words[at..].join(" ");
    // The title before the name (`Arbejdsmarkedschef Søren ...`), else
    // the part after it when that is a few words and no organisation
    // (`Lene Jensen, omsorgschef, ...`).
    let title = (at > 0).then(|| words[..at].join(" ")).or_else(|| {
        segments
            .next()
            .filter(|seg| seg.split_whitespace().count() <= 4)
            .filter(|seg| crate::orgs::mentions(seg).is_empty())
            .map(str::to_string)
    });
    let organisation = f
        .value
        .split_whitespace()
        .find_map(|w| w.split_once('@'))
        .and_then(|(_, domain)| domain.split('.').next())
        .and_then(crate::orgs::municipality)
        .map(str::to_string)
        .or_else(|| first_organisation(&f.value));
    Some(Participant {
        name,
        title,
        organisation,
        party: None,
        role: Some("ansøger".to_string()),
        absent: false,
        span: span(f.range.clone()),
    })
}

/// The grant a report accounts for: `None` without a grant sentence that
/// names an amount.
pub fn grant(text: &str, found: &Found) -> Option<Grant> {
    // The first grant sentence that names an amount (`Projektet blev
    // tildelt midler i 2022.` names none).
    let (g, amount) = grant_sentences(text).find_map(|g| {
        let amount = found.amounts_in(&g.range).next().map(|(_, a)| a.clone())?;
        Some((g, amount))
    })?;
    let period = found
        .dates
        .iter()
        .find(|(r, d)| {
            let before = crate::span::before(text, r.start, 16);
            before.contains("periode") && d.start.is_some() && d.end.is_some() && d.start != d.end
        })
        .map(|(_, d)| Period {
            start: d.start,
            end: d.end,
        });
    Some(Grant {
        amount,
        year: g.year,
        funder: g.funder,
        period,
    })
}

/// This stage's patterns and tables, each built on first use; built ahead
/// by [`crate::prepare`].
pub(crate) const PREPARE: &[fn()] = builders![
    UPPER_LABEL_ANY,
    TITLE_LABEL,
    BARE_LABEL,
    HEADING_LABEL,
    GRANT_CUE,
    GRANT_YEAR,
    FUNDER,
    YEAR,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_as_split_inclusive() {
        for text in [
            "",
            "a",
            "a\n",
            "a\nb",
            "a\n\n",
            "\n",
            "\n\nx\r\n",
            "æ\r\nø\r\n\r\n",
        ] {
            let mut want = Vec::new();
            let mut start = 0;
            for line in text.split_inclusive('\n') {
                want.push((start, line.trim_end_matches(['\n', '\r'])));
                start += line.len();
            }
            assert_eq!(lines_at(text), want, "{text:?}");
        }
    }

    #[test]
    fn several_labels_on_one_row_and_values_over_lines() {
        let text = "REGION: DATO: LØBENR.: (udfyldes af\nregionen)\n\nSTAMOPLYSNINGER\n\nANSØGERS NAVN, MAIL, TLF mm. Arbejdsmarkedschef Søren Hansen, tlf.\n22751071\n\nØVRIGE DELTAGERE (samarbejdspartnere el.lign): Alment praktiserende læger\n";
        let f = fields(text);
        let labels: Vec<&str> = f.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "REGION",
                "DATO",
                "LØBENR.",
                "ANSØGERS NAVN, MAIL, TLF mm.",
                "ØVRIGE DELTAGERE (samarbejdspartnere el.lign)"
            ]
        );
        assert_eq!(f[0].value, "");
        assert_eq!(f[2].value, "(udfyldes af regionen)");
        // No colon, but a shouted label runs into its value.
        assert_eq!(f[3].value, "Arbejdsmarkedschef Søren Hansen, tlf. 22751071");
        assert_eq!(f[4].value, "Alment praktiserende læger");
        assert_eq!(
            &text[f[4].value_range.clone()],
            "Alment praktiserende læger"
        );
    }

    /// Every line one of the label patterns matches passes the cheap check:
    /// labels opening with each kind of first token, after odd white space,
    /// and every line of the seeds and the devset.
    #[test]
    fn every_label_line_passes_the_label_check() {
        let tricky = [
            "(udfyldes af regionen): x",
            "2. ANSØGT BELØB: 100",
            "12: x",
            "mm.: x",
            "m.m. ANSØGER Hans",
            "mm. ANSØGER Hans",
            "el. ANDET: x",
            "og ANDET: x",
            "  ÆNDRING: x",
            "\u{a0}\tPROJEKTTITEL: X",
            "ØVRIGE DELTAGERE (samarbejdspartnere): Bo",
            "Ansøger: Bo",
            "Øvrige deltagere: Bo",
            "ANSØGERS NAVN, MAIL, TLF mm. Arbejdsmarkedschef Søren",
        ];
        let docs = crate::test_documents();
        let mut labels = 0;
        for line in tricky
            .into_iter()
            .chain(docs.iter().flat_map(|d| d.lines()))
        {
            let matched = [&*UPPER_LABEL, &*TITLE_LABEL, &*BARE_LABEL]
                .iter()
                .any(|re| re.is_match(line));
            if matched {
                labels += 1;
                assert!(may_hold_label(line), "{line:?}");
            }
        }
        assert!(labels >= tricky.len(), "{labels}");
        assert!(!may_hold_label("bevillingen: 2 mio. kr."));
        assert!(!may_hold_label("2 mio. kr. i alt"));
    }

    /// The label read from a match's bounds is the patterns' group 1, and
    /// the end their match's, the upper-case one's read with parentheticals
    /// of any length and then bounded: on lines with white space of every
    /// kind around labels and colons, parentheticals of 120 and 121
    /// characters (with colons in them, before and after the label's), and
    /// on every line of the seeds and the devset, from its start and from
    /// after each of its colons.
    #[test]
    fn labels_from_bounds_are_the_patterns_groups() {
        let tricky = [
            "  ANSØGER  :  Bo",
            "\u{a0}PROJEKTTITEL\u{2003}:\tX",
            "REGION: DATO: LØBENR.: (udfyldes af regionen)",
            "ØVRIGE DELTAGERE (samarbejdspartnere ):Bo",
            "ANSØGT BELØB (2) \u{a0}: 5",
            "Projektets titel \t: Bedre",
            "Ansøger:",
            "\u{2028}Ansøger (navn)  :x",
            "A B, C:",
            "mm. og 12 ANDET:",
        ];
        let paren = |n: usize| format!("({}:{})", "æ".repeat(n - 2), "x");
        let long = [
            format!("ANSØGER {}: Bo", paren(120)),
            format!("ANSØGER {}: Bo", paren(121)),
            format!("ANSØGER {} DATO {}: Bo", paren(120), paren(121)),
            format!("ANSØGER: {} DATO: Bo", paren(121)),
            format!("{}, DATO (x): Bo", paren(119)),
            format!("ANSØGER ({}\n: Bo", "x".repeat(130)),
        ];
        let docs = crate::test_documents();
        let mut labels = 0;
        for line in tricky
            .into_iter()
            .chain(long.iter().map(String::as_str))
            .chain(docs.iter().flat_map(|d| d.lines()))
        {
            let starts = std::iter::once(0).chain(line.match_indices(':').map(|(i, _)| i + 1));
            for at in starts {
                let rest = &line[at..];
                let got = [upper_label_of(rest), label_of(&TITLE_LABEL, rest)];
                for (re, got) in [&*UPPER_LABEL, &*TITLE_LABEL].into_iter().zip(got) {
                    let want = re.captures(rest).map(|c| {
                        let (g, m) = (c.get(1).unwrap(), c.get(0).unwrap());
                        (g.range(), m.end())
                    });
                    assert_eq!(got, want, "{rest:?}");
                    labels += usize::from(want.is_some());
                }
            }
        }
        assert!(labels >= 30, "{labels}");
    }

    #[test]
    fn prose_with_colons_is_no_form() {
        for line in [
            "Der blev drøftet følgende: økonomi og plan.",
            "Bemærk: dette er en sætning.",
            "I 2021: ingen ændringer.",
            "kl. 13:30 mødes vi",
        ] {
            assert!(fields(line).is_empty(), "{line}");
        }
        // Capitalised labels only when asked for, and at a line start.
        assert_eq!(
            fields_with("Projektets titel: Bedre forløb", true)[0].label,
            "Projektets titel"
        );
    }

    /// [`label_means`] with the lengths counted once is the comparison
    /// counting them afresh (as first written), for every label of the
    /// seeds and the devset and keys made to sit at the length bounds,
    /// against every target.
    #[test]
    fn label_means_is_the_afresh_comparison() {
        let near = |a: &str, b: &str| {
            let (la, lb) = (a.chars().count(), b.chars().count());
            let longest = la.max(lb);
            longest == 0
                || 1.0 - (la.abs_diff(lb) as f64) / (longest as f64) >= 0.8
                    && strsim::normalized_levenshtein(a, b) >= 0.8
        };
        let afresh = |key: &str, target: &str| {
            near(key, target)
                || key
                    .match_indices(' ')
                    .nth(target.split(' ').count() - 1)
                    .is_some_and(|(at, _)| near(&key[..at], target))
        };
        let mut keys: Vec<String> = crate::test_documents()
            .iter()
            .flat_map(|d| fields_with(d, true))
            .map(|f| label_key(&f.label))
            .collect();
        for t in SLOT_TARGETS.concat() {
            // The target with a letter more or less, a word after, and
            // damaged letters: at and around the bounds of both tests.
            for k in [
                format!("{t}x"),
                format!("{t}xx mail"),
                format!("{t} tlf mm"),
                t.replacen('ø', "y", 1).replacen('å', "a", 1) + " og mere",
                t.chars().skip(1).collect::<String>() + " x",
                t.chars().skip(2).collect(),
                format!("æ{t} ø"),
            ] {
                keys.push(k);
            }
        }
        let mut means = 0;
        for key in &keys {
            for t in SLOT_TARGETS.concat() {
                assert_eq!(label_means(key, t), afresh(key, t), "{key:?} {t:?}");
                means += usize::from(afresh(key, t));
            }
        }
        assert!(means >= 50, "{means}");
    }

    /// The slots read through the per-thread label cache are the first
    /// field meaning each target list, compared afresh: on a cold cache and
    /// a warm one, for the fields of every seed and devset document.
    #[test]
    fn slots_are_the_first_fields_meaning_each_list() {
        let first = |fields: &[Field], targets: &[&str]| {
            fields.iter().position(|f| {
                let key = label_key(&f.label);
                targets.iter().any(|t| label_means(&key, t))
            })
        };
        let afresh = |fields: &[Field]| Slots {
            title: first(fields, TITLE),
            applicant: first(fields, APPLICANT),
            responsible: first(fields, RESPONSIBLE),
            purpose: first(fields, PURPOSE),
            summary: first(fields, SUMMARY),
            amount_requested: first(fields, AMOUNT),
            budget_by_year: first(fields, BY_YEAR),
            total_budget: first(fields, TOTAL),
            period: first(fields, PERIOD),
        };
        SLOT_CACHE.with_borrow_mut(|c| c.clear());
        let mut found = 0;
        for doc in crate::test_documents() {
            for title_case in [false, true] {
                let fields = fields_with(&doc, title_case);
                let want = afresh(&fields);
                assert_eq!(slots(&fields), want);
                assert_eq!(slots(&fields), want, "warm");
                found += [
                    want.title,
                    want.applicant,
                    want.purpose,
                    want.amount_requested,
                ]
                .iter()
                .flatten()
                .count();
            }
        }
        assert!(found >= 4, "{found}");
    }

    #[test]
    fn labels_match_in_spite_of_ocr_slips() {
        assert!(label_means(&label_key("ANSØGT BELYB (2)"), "ansøgt beløb"));
        // The bag bound never exceeds the edit distance.
        let words = [
            "ansøgt beløb",
            "ansøgt belyb",
            "formål",
            "formal",
            "projektets titel",
            "titel",
            "periode",
            "projektperiode",
            "beløb",
            "ĀĂ",
            "Āā",
            "",
            "øø",
            "ø",
        ];
        // The bags' difference over all 256 slots, as first written.
        let every_slot = |a: &str, b: &str| {
            let mut counts = [0i32; 256];
            a.chars()
                .for_each(|c| counts[(c as u32 & 0xFF) as usize] += 1);
            b.chars()
                .for_each(|c| counts[(c as u32 & 0xFF) as usize] -= 1);
            let more: i32 = counts.iter().filter(|&&k| k > 0).sum();
            let fewer: i32 = counts.iter().filter(|&&k| k < 0).map(|k| -k).sum();
            more.max(fewer) as usize
        };
        for a in words {
            for b in words {
                assert!(bag_distance(a, b) <= strsim::levenshtein(a, b), "{a} {b}");
                assert_eq!(bag_distance(a, b), every_slot(a, b), "{a} {b}");
            }
        }
        assert!(label_means(
            &label_key("ANSØGERS NAVN, MAIL, TLF mm."),
            "ansøgers navn"
        ));
        assert!(label_means(&label_key("FORMAL"), "formål"));
        assert!(!label_means(
            &label_key("ANSØGT MIDLER SPONSERET FRA ANDRE SIDER"),
            "ansøgt beløb"
        ));
        assert!(!label_means(&label_key("BEVILLING"), "ansøgt beløb"));
    }

    #[test]
    fn grant_sentences_give_year_and_funder() {
        let g = grant_sentence(
            "Intro.\nParterne i Randers-klyngen fik i 2014 bevilliget 264.400 kr. fra Kvalitets- og Efteruddannelsesudvalget for almen praksis til udvikling af samarbejdet. Midlerne er brugt.",
        )
        .unwrap();
        assert_eq!(g.year, Some(2014));
        assert_eq!(
            g.funder.as_deref(),
            Some("Kvalitets- og Efteruddannelsesudvalget for almen praksis")
        );
        assert!(grant_sentence("Udvalget godkendte planen.").is_none());
    }
}
