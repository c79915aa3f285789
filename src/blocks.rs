//! Stage 3, lay out: normalized text to a list of line blocks.
//!
//! Takes the normalized text and gives one [`Block`] per non-blank line,
//! whatever the input format, so that segmentation is written once.
//! Markdown (detected by [`detect_format`]) is read with pulldown-cmark:
//! headings keep their level, list items their number, table rows their
//! cells joined by tabs, and markup (`**`, `#`, links, inline HTML) is
//! stripped from the block's `text`. Plain text is read line by line with
//! the same kinds guessed from the line's shape.
//!
//! ```
//! use referat::blocks::{blocks, BlockKind, Format};
//! let b = blocks("## **Punkt 2: Eventuelt**\n\nIntet.\n", Format::Markdown);
//! assert_eq!(b[0].text, "Punkt 2: Eventuelt");
//! assert_eq!(b[0].kind, BlockKind::Heading(2));
//! assert!(b[1].blank_before);
//! ```

use crate::caseless::CapturesIfAny;
use crate::span::{self, LineIndex};
use memchr::{memchr, memchr2, memmem};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// How the input is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown, typically converted from PDF.
    Markdown,
    /// Plain text, typically scraped from a meeting portal or OCR.
    Text,
}

impl Format {
    /// The name used in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Text => "text",
        }
    }
}

/// The shape of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of the given level (1–6); Markdown only.
    Heading(u8),
    /// A line of running text.
    Paragraph,
    /// The first line of a list item; `number` for ordered lists.
    ListItem {
        /// The item's number in an ordered list.
        number: Option<u64>,
    },
    /// A table row, cells separated by tabs.
    TableRow,
}

/// One non-blank line of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'a> {
    /// The block's shape.
    pub kind: BlockKind,
    /// The line's text without markup, trimmed: the line itself, borrowed
    /// from the text, when it had nothing to clean.
    pub text: Cow<'a, str>,
    /// Offset of the line's first byte in the normalized text.
    pub start: usize,
    /// Offset one past the line's last byte (before the newline).
    pub end: usize,
    /// True when all of the line's text is bold or italic (a pseudo-heading).
    pub strong: bool,
    /// True when a blank line (or the start of the document) precedes it.
    pub blank_before: bool,
}

static MD_SIGNS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^(?:#{1,6}\s+\S|\s*\*\*[^*\n]+\*\*\s*$|\|.*\|\s*$)|\]\([^)\s]*\)").unwrap()
});

/// Guesses whether `text` is Markdown: ATX headings, bold lines, pipe tables
/// or links, at least two of them or one per 200 lines.
pub fn detect_format(text: &str) -> Format {
    detect_format_with(text, &LineIndex::new(text))
}

/// [`detect_format`] with the text's line starts found already (the
/// pipeline finds them once, for this and the source map).
pub fn detect_format_with(text: &str, lines: &LineIndex) -> Format {
    let bytes = text.as_bytes();
    // `text.lines().count()`: every `\n` ends a line, and so does the end
    // of a text that does not end with one. Lines that open with `#` or
    // `|` are counted on the way.
    let starts = lines.starts();
    let newlines = starts.len() - 1;
    let opened = starts
        .iter()
        .filter(|&&s| matches!(bytes.get(s), Some(b'#' | b'|')))
        .count();
    let lines = (newlines + usize::from(!text.is_empty() && !text.ends_with('\n'))).max(1);
    // At least two signs, and one per 200 lines (of the first 2,000):
    // counting stops as soon as there are enough.
    let needed = 2.max(lines.min(2000).div_ceil(200));
    // Every sign holds its own mark, and no two signs hold one (they do
    // not overlap): a heading a `#` that opens a line, a table row a `|`
    // that opens one, a bold line two `**` (apart: text with no `*` is
    // between them), a link a `](`. A text with fewer marks than the signs
    // needed (most plain text: a `|` or `#` here and there) is settled by
    // SIMD searches, not the pattern's automaton over every byte.
    let marks = opened
        + memmem::find_iter(bytes, b"**").count() / 2
        + memmem::find_iter(bytes, b"](").count();
    if marks < needed {
        return Format::Text;
    }
    let signs = MD_SIGNS.find_iter(text).take(needed).count();
    if signs >= needed {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Lays out `text` as blocks.
pub fn blocks(text: &str, format: Format) -> Vec<Block<'_>> {
    match format {
        Format::Markdown => markdown_blocks(text, &LineIndex::new(text)),
        Format::Text => text_blocks(text, &LineIndex::new(text)),
    }
}

/// [`blocks`] with the line index of `text` made already (the pipeline
/// keeps one for its spans).
pub fn blocks_with<'a>(text: &'a str, format: Format, lines: &LineIndex) -> Vec<Block<'a>> {
    match format {
        Format::Markdown => markdown_blocks(text, lines),
        Format::Text => text_blocks(text, lines),
    }
}

static HTML_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>").unwrap());
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,3})[.)]\s+\S").unwrap());
static BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[-*•●▪◦➤►–]\s*\S").unwrap());

/// Two spaces in a row: the searcher is built once (`str::contains` builds
/// one per call, which on a short line costs more than the search).
static TWO_SPACES: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b"  "));

/// Removes HTML tags and collapses runs of spaces: the line itself when
/// there is nothing to clean (no copy).
fn clean_line(s: &str) -> Cow<'_, str> {
    if memchr(b'<', s.as_bytes()).is_some() {
        return Cow::Owned(clean_trimmed(HTML_TAG.replace_all(s, "").trim()).into_owned());
    }
    clean_trimmed(span::trim(s))
}

/// [`clean_line`] of a line borrowed or owned: a line with nothing to
/// clean is returned as it is, without a copy.
fn clean_cow(s: Cow<'_, str>) -> Cow<'_, str> {
    match s {
        Cow::Borrowed(b) => clean_line(b),
        Cow::Owned(o) => Cow::Owned(clean_owned(o)),
    }
}

/// [`clean_line`] of an owned line: a line with nothing to clean is
/// returned as it is, without a copy.
fn clean_owned(s: String) -> String {
    if memchr(b'<', s.as_bytes()).is_some() || s.trim().len() != s.len() {
        clean_line(&s).into_owned()
    } else if TWO_SPACES.find(s.as_bytes()).is_some() {
        collapse_spaces(&s)
    } else {
        s
    }
}

/// Collapses runs of spaces in a trimmed line (borrowed when it has none).
fn clean_trimmed(s: &str) -> Cow<'_, str> {
    if TWO_SPACES.find(s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(collapse_spaces(s))
}

/// `s[range]`: borrowed from what `s` borrows, else copied.
fn narrowed(s: Cow<'_, str>, range: std::ops::Range<usize>) -> Cow<'_, str> {
    if range.len() == s.len() {
        return s;
    }
    match s {
        Cow::Borrowed(b) => Cow::Borrowed(&b[range]),
        Cow::Owned(o) => Cow::Owned(o[range].to_string()),
    }
}

/// `s` with each run of spaces as one space.
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        if ch == ' ' {
            if !space {
                out.push(ch);
            }
            space = true;
        } else {
            out.push(ch);
            space = false;
        }
    }
    out
}

/// Whether a line may open with a [`NUMBERED`] or [`BULLET`] marker: its
/// first byte is a digit, a dash, a star or a non-ASCII character (`\d`
/// takes other scripts' digits, and the other bullets are not ASCII).
/// Most lines are settled here, before the patterns.
fn may_be_list(line: &str) -> bool {
    line.as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_digit() || b == b'-' || b == b'*' || !b.is_ascii())
}

/// The characters [`BULLET`] opens with.
const BULLETS: [char; 9] = ['-', '*', '•', '●', '▪', '◦', '➤', '►', '–'];

/// Whether `line` opens with one of [`BULLETS`] (which [`BULLET`] asks
/// first), told before the pattern's search.
fn opens_with_bullet(line: &str) -> bool {
    line.chars().next().is_some_and(|c| BULLETS.contains(&c))
}

fn text_blocks<'a>(text: &'a str, lines: &LineIndex) -> Vec<Block<'a>> {
    // At most a block a line: sized once, the blocks are never copied.
    let mut out = Vec::with_capacity(lines.starts().len());
    let mut blank_before = true;
    // The text's lines without their `\n` (`split('\n')`), from the line
    // starts found once.
    let starts = lines.starts();
    let ends = starts[1..].iter().map(|&s| s - 1).chain([text.len()]);
    for (start, end) in starts.iter().copied().zip(ends) {
        let line = &text[start..end];
        let mut cleaned = clean_line(line);
        if cleaned.is_empty() {
            blank_before = true;
        } else {
            let list = may_be_list(&cleaned);
            let numbered = list && span::number_then(&cleaned, 3, b".)");
            let kind = if let Some(c) = numbered
                .then(|| NUMBERED.captures_if_any(&cleaned))
                .flatten()
            {
                BlockKind::ListItem {
                    number: c[1].parse().ok(),
                }
            } else if list && opens_with_bullet(&cleaned) && BULLET.is_match(&cleaned) {
                let marker = cleaned.chars().next().map_or(0, char::len_utf8);
                let at = cleaned.len() - cleaned[marker..].trim_start().len();
                let end = cleaned.len();
                cleaned = narrowed(cleaned, at..end);
                BlockKind::ListItem { number: None }
            } else if memchr(b'\t', span::trim(line).as_bytes()).is_some() {
                BlockKind::TableRow
            } else {
                BlockKind::Paragraph
            };
            let lead = line.len() - span::trim_start(line).len();
            let trail = line.len() - span::trim_end(line).len();
            out.push(Block {
                kind,
                text: cleaned,
                start: start + lead,
                end: end - trail,
                strong: false,
                blank_before,
            });
            blank_before = false;
        }
    }
    out
}

/// Per-line facts gathered from pulldown-cmark's events.
#[derive(Default, Clone)]
struct LineAcc<'a> {
    /// Borrowed from the source while the line has one piece of text.
    text: Cow<'a, str>,
    kind: Option<BlockKind>,
    /// Whether the line has text outside bold, italic and headings.
    plain: bool,
    /// Whether it has bold, italic or heading text.
    strong: bool,
    in_table: bool,
}

impl<'a> LineAcc<'a> {
    /// Adds a piece of the line's text that stands in the source as it is.
    fn add_borrowed(&mut self, piece: &'a str) {
        if self.text.is_empty() {
            self.text = Cow::Borrowed(piece);
        } else {
            self.text.to_mut().push_str(piece);
        }
    }

    /// Notes whether `piece` is text in bold, italic or a heading
    /// (`strong`) or outside them; only whether there is such text counts
    /// (white space is none).
    fn mark(&mut self, piece: &str, strong: bool) {
        let visible = !piece.trim().is_empty();
        if strong {
            self.strong |= visible;
        } else {
            self.plain |= visible;
        }
    }
}

fn markdown_blocks<'a>(text: &'a str, index: &LineIndex) -> Vec<Block<'a>> {
    let starts = index.starts();
    let mut lines: Vec<LineAcc> = vec![LineAcc::default(); starts.len()];
    let mut lines_read = index.cursor();
    let mut line_of = |offset: usize| lines_read.line(offset) - 1;

    let mut heading: Option<u8> = None;
    let mut emphasis = 0usize;
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut pending_item: Option<(usize, Option<u64>)> = None;
    let mut table = 0usize;
    let mut in_cell = false;

    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some(level as u8);
                let l = line_of(range.start);
                lines[l].kind = Some(BlockKind::Heading(level as u8));
            }
            Event::End(TagEnd::Heading(_)) => heading = None,
            Event::Start(Tag::Strong | Tag::Emphasis) => emphasis += 1,
            Event::End(TagEnd::Strong | TagEnd::Emphasis) => emphasis = emphasis.saturating_sub(1),
            Event::Start(Tag::List(first)) => lists.push(first),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                let number = match lists.last_mut() {
                    Some(Some(n)) => {
                        let this = *n;
                        *n += 1;
                        Some(this)
                    }
                    _ => None,
                };
                pending_item = Some((line_of(range.start), number));
            }
            Event::Start(Tag::Table(_)) => table += 1,
            Event::End(TagEnd::Table) => table = table.saturating_sub(1),
            Event::Start(Tag::TableCell) => in_cell = true,
            Event::End(TagEnd::TableCell) => {
                in_cell = false;
                let l = line_of(range.start);
                lines[l].text.to_mut().push('\t');
                lines[l].in_table = true;
            }
            Event::Text(t) | Event::Code(t) => {
                let l = line_of(range.start);
                if let Some((item_line, number)) = pending_item.take()
                    && lines[item_line].kind.is_none()
                {
                    lines[item_line].kind = Some(BlockKind::ListItem { number });
                }
                if table > 0 || in_cell {
                    lines[l].in_table = true;
                }
                // A text event may span lines (code blocks): split it. Text
                // that stands in the source as it is stays borrowed.
                let strong = emphasis > 0 || heading.is_some();
                if let CowStr::Borrowed(source) = t {
                    for (acc, piece) in lines[l..].iter_mut().zip(span::split_byte(source, b'\n')) {
                        acc.add_borrowed(piece);
                        acc.mark(piece, strong);
                    }
                } else {
                    for (acc, piece) in lines[l..].iter_mut().zip(span::split_byte(&t, b'\n')) {
                        acc.text.to_mut().push_str(piece);
                        acc.mark(piece, strong);
                    }
                }
            }
            Event::Html(t) => {
                // Block-level HTML: keep its text, drop the tags.
                let l = line_of(range.start);
                for (acc, piece) in lines[l..].iter_mut().zip(span::split_byte(&t, b'\n')) {
                    let text = acc.text.to_mut();
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(piece);
                    acc.plain |= !piece.is_empty();
                }
            }
            Event::SoftBreak | Event::HardBreak => {}
            _ => {}
        }
    }

    let mut out = Vec::with_capacity(lines.len());
    let mut blank_before = true;
    for (i, acc) in lines.into_iter().enumerate() {
        let start = starts[i];
        let end = starts.get(i + 1).map_or(text.len(), |&s| s - 1);
        let raw = &text[start..end];
        // Cell tabs stand in for U+0001 while the line is cleaned (which
        // trims white space); a line with neither is cleaned as it is.
        let cleaned = if memchr2(b'\t', 1, acc.text.as_bytes()).is_some() {
            Cow::Owned(clean_line(&acc.text.replace('\t', "\u{1}")).replace('\u{1}', "\t"))
        } else {
            clean_cow(acc.text)
        };
        let cell_space = |c: char| c == '\t' || c == ' ';
        let at = cleaned.len() - cleaned.trim_start_matches(cell_space).len();
        let upto = cleaned.trim_end_matches(cell_space).len().max(at);
        let mut cleaned = narrowed(cleaned, at..upto);
        if let Some(BlockKind::ListItem { number: Some(n) }) = acc.kind {
            cleaned = Cow::Owned(format!("{n}. {cleaned}"));
        }
        if span::trim(raw).is_empty() {
            blank_before = true;
            continue;
        }
        if cleaned.is_empty() {
            // Markup only (a rule, a table delimiter row): no block, no gap.
            continue;
        }
        let kind = match acc.kind {
            Some(k) => k,
            None if acc.in_table || memchr(b'\t', span::trim(raw).as_bytes()).is_some() => {
                BlockKind::TableRow
            }
            None => BlockKind::Paragraph,
        };
        let lead = raw.len() - span::trim_start(raw).len();
        let trail = raw.len() - span::trim_end(raw).len();
        out.push(Block {
            kind,
            text: cleaned,
            start: start + lead,
            end: end - trail,
            strong: acc.strong && !acc.plain,
            blank_before,
        });
        blank_before = false;
    }
    out
}

/// This stage's patterns and tables, each built on first use; built ahead
/// by [`crate::prepare`].
pub(crate) const PREPARE: &[fn()] = builders![MD_SIGNS, HTML_TAG, NUMBERED, BULLET, TWO_SPACES];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_check_admits_every_marker_the_patterns_take() {
        let lines = [
            "1. Godkendelse",
            "12) Eventuelt",
            "３. fullwidth digit",
            "٣. Arabic-Indic digit",
            "- bullet",
            "* bullet",
            "• bullet",
            "● bullet",
            "▪ bullet",
            "◦ bullet",
            "➤ bullet",
            "► bullet",
            "– bullet",
        ];
        for line in lines {
            assert!(NUMBERED.is_match(line) || BULLET.is_match(line), "{line}");
            assert!(may_be_list(line), "{line}");
        }
        for line in ["Punkt 1", "Intet", " 1. indented", ""] {
            assert!(!may_be_list(line), "{line}");
        }
        // The checks before each pattern keep every line it matches, here
        // and in the seeds and devset, and turn most others away.
        let mut turned_away = 0;
        for line in crate::test_lines(&lines) {
            if NUMBERED.is_match(&line) {
                assert!(
                    may_be_list(&line) && span::number_then(&line, 3, b".)"),
                    "{line}"
                );
            }
            if BULLET.is_match(&line) {
                assert!(may_be_list(&line) && opens_with_bullet(&line), "{line}");
            }
            turned_away += usize::from(
                may_be_list(&line)
                    && !span::number_then(&line, 3, b".)")
                    && !opens_with_bullet(&line),
            );
        }
        // 31 lines of the seeds alone (a checkout without the devset).
        assert!(turned_away >= 20, "{turned_away}");
        // The bullets are the pattern's first characters, and no others.
        for c in BULLETS {
            assert!(BULLET.is_match(&format!("{c} x")), "{c}");
        }
        for c in ['+', '·', '∙', '—', '>', 'o'] {
            assert!(!BULLET.is_match(&format!("{c} x")), "{c}");
        }
    }

    #[test]
    fn owned_cleaning_equals_borrowed_cleaning() {
        let lines = [
            "plain line",
            "  leading",
            "trailing  ",
            "two  spaces",
            "a <b>tag</b> here",
            "\u{a0}non-breaking\u{a0}",
            "",
            "   ",
            "tab\tinside",
        ];
        for line in lines {
            assert_eq!(clean_owned(line.to_string()), clean_line(line), "{line:?}");
        }
    }

    #[test]
    fn detects_markdown_and_text() {
        assert_eq!(
            detect_format("# Referat\n\n## **Punkt 1**\n"),
            Format::Markdown
        );
        assert_eq!(
            detect_format("Referat\ntil\nmødet\n\nSagnr.: 1-2-3\n"),
            Format::Text
        );
        // Each kind of sign alone passes the byte check.
        for signs in [
            "# A\n## B\n",
            "**A**\n**B**\n",
            "| a |\n| b |\n",
            "[a](x) og [b](y)\n",
        ] {
            assert_eq!(detect_format(signs), Format::Markdown, "{signs:?}");
        }
    }

    /// `detect_format` as it was: the pattern's signs counted.
    fn format_by_the_pattern(text: &str) -> Format {
        let lines = text.lines().count().max(1);
        let needed = 2.max(lines.min(2000).div_ceil(200));
        if MD_SIGNS.find_iter(text).take(needed).count() >= needed {
            Format::Markdown
        } else {
            Format::Text
        }
    }

    #[test]
    fn the_count_of_marks_settles_the_format_as_the_pattern_does() {
        let mut texts = crate::test_documents();
        for t in [
            "# a\n|x|\n",
            "#a\n **b** \n\n\n**c**\n",
            "***a***\n",
            "** a ** **\n",
            "| a | b |\n[x](y) [z](w)",
            "\n\n  **fed**  \n\n| tabel |  \n\n",
        ] {
            texts.push(t.to_string());
            texts.push(t.repeat(150));
        }
        for t in &texts {
            assert_eq!(detect_format(t), format_by_the_pattern(t), "{t:.80?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_format_of_any_text_is_the_patterns(
            text in crate::texts_of(vec![
                "#", "# ", "## ", "|", "| ", "*", "**", "](", "[", ")", "(", "\n", "\n\n",
                " ", "  ", "x", "ab", "\t", "\r\n",
            ])
        ) {
            proptest::prop_assert_eq!(detect_format(&text), format_by_the_pattern(&text));
        }
    }

    #[test]
    fn markdown_markup_is_stripped_and_offsets_kept() {
        let src = "# **REFERAT d. 01-03-2024**\n\n**Mødedato** Fredag\n\n- Anne, Chef, Kolding Kommune\n1. Godkender\n";
        let b = blocks(src, Format::Markdown);
        assert_eq!(b[0].text, "REFERAT d. 01-03-2024");
        assert_eq!(b[0].kind, BlockKind::Heading(1));
        assert_eq!(&src[b[0].start..b[0].end], "# **REFERAT d. 01-03-2024**");
        assert_eq!(b[1].text, "Mødedato Fredag");
        assert!(!b[1].strong);
        assert_eq!(b[2].kind, BlockKind::ListItem { number: None });
        assert_eq!(b[3].kind, BlockKind::ListItem { number: Some(1) });
        assert_eq!(b[3].text, "1. Godkender");
    }

    #[test]
    fn bold_line_is_strong() {
        let b = blocks(
            "Tekst\n\n**Punkt 8: PAUSE (kl. 15:00 – 15:10)**\n",
            Format::Markdown,
        );
        assert!(b[1].strong);
        assert_eq!(b[1].text, "Punkt 8: PAUSE (kl. 15:00 – 15:10)");
    }

    #[test]
    fn html_tags_and_escapes_are_removed() {
        let b = blocks(
            "a\n\n<b>Total</b>\t<b>264.400 kr.</b>\n\n[Link \\(x\\)](#)\n",
            Format::Markdown,
        );
        assert_eq!(b[1].text, "Total\t264.400 kr.");
        assert_eq!(b[1].kind, BlockKind::TableRow);
        assert_eq!(b[2].text, "Link (x)");
    }

    #[test]
    fn text_lines_get_kinds() {
        let src = "Sagnr.: 1-2\n\n2. Titel\n  • punkt\nA\tB\n";
        let b = blocks(src, Format::Text);
        assert_eq!(b.len(), 4);
        assert_eq!(b[1].kind, BlockKind::ListItem { number: Some(2) });
        assert!(b[1].blank_before);
        assert_eq!(b[2].kind, BlockKind::ListItem { number: None });
        assert_eq!(b[2].text, "punkt");
        assert_eq!(&src[b[2].start..b[2].end], "• punkt");
        assert_eq!(b[3].kind, BlockKind::TableRow);
    }

    /// Lines with nothing to clean are borrowed from the text (no copy);
    /// lines that were cleaned, numbered or joined from pieces are owned.
    #[test]
    fn clean_lines_are_borrowed() {
        let borrowed = |b: &Block<'_>| matches!(b.text, Cow::Borrowed(_));
        let text = blocks(
            "Punkt 1\n  - punkt  \nto  mellemrum\n<b>tag</b>\n",
            Format::Text,
        );
        let kept: Vec<_> = text
            .iter()
            .map(|b| (b.text.as_ref(), borrowed(b)))
            .collect();
        assert_eq!(
            kept,
            [
                ("Punkt 1", true),
                ("punkt", true),
                ("to mellemrum", false),
                ("tag", false)
            ]
        );
        let md = blocks(
            "# Punkt 1\n\nLøbende tekst\n\n1. Første\n\n**Fed** og ikke\n\n| A | B |\n|---|---|\n| c | d |\n",
            Format::Markdown,
        );
        let kept: Vec<_> = md.iter().map(|b| (b.text.as_ref(), borrowed(b))).collect();
        assert_eq!(
            kept,
            [
                ("Punkt 1", true),
                ("Løbende tekst", true),
                ("1. Første", false),
                ("Fed og ikke", false),
                ("A\tB", false),
                ("c\td", false)
            ]
        );
    }
}
