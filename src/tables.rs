//! Tables: runs of table rows become header and rows of plain-text cells.
//!
//! Takes the normalized text and its blocks, gives every table of two rows
//! or more with its byte range: Markdown pipe tables (the `|---|` rule
//! dropped) and tab-separated rows as PDF and portal text give them.
//! HTML-ish markup in cells (`<b>`, `<p>`, `<ul><li>`, `<br>`) and Markdown
//! emphasis are reduced to plain text.
//!
//! ```
//! use referat::{blocks, tables};
//! let text = "Aktivitet\tBudget\tForbrug\nKurser\t10.000\t8.500\n";
//! let b = blocks::blocks(text, blocks::Format::Text);
//! let t = tables::tables(text, &b);
//! assert_eq!(t[0].header, ["Aktivitet", "Budget", "Forbrug"]);
//! assert_eq!(t[0].rows, [["Kurser", "10.000", "8.500"]]);
//! ```

use crate::blocks::{Block, BlockKind};
use crate::span;
use memchr::{memchr, memchr2};
use std::borrow::Cow;
use std::ops::Range;

/// A table found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundTable {
    /// The first row's cells.
    pub header: Vec<String>,
    /// The other rows' cells.
    pub rows: Vec<Vec<String>>,
    /// From the first row's start to the last row's end, in the normalized text.
    pub range: Range<usize>,
}

/// What separates a table row's cells: tabs where it has one, else pipes.
pub fn cell_separator(row: &str) -> u8 {
    if memchr(b'\t', row.as_bytes()).is_some() {
        b'\t'
    } else {
        b'|'
    }
}

/// The cells of a table row: split on tabs, else on pipes, trimmed, with
/// their ranges in the text; empty cells and a Markdown rule give none.
pub fn cells<'a>(text: &'a str, b: &Block<'_>) -> Vec<(&'a str, Range<usize>)> {
    let line = &text[b.start..b.end];
    let mut out = Vec::new();
    let mut at = b.start;
    for cell in crate::span::split_byte(line, cell_separator(line)) {
        let lead = cell.len() - cell.trim_start().len();
        let t = cell.trim();
        if !t.is_empty() {
            out.push((t, at + lead..at + lead + t.len()));
        }
        at += cell.len() + 1;
    }
    out
}

fn is_rule(cells: &[(&str, Range<usize>)]) -> bool {
    !cells.is_empty()
        && cells
            .iter()
            .all(|(c, _)| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ' | '=')))
}

/// The HTML tags a cell may hold (`<b>`, `</td>`, `<br/>`).
const TAG_NAMES: [&str; 16] = [
    "b", "i", "u", "p", "em", "strong", "span", "div", "ul", "ol", "li", "br", "font", "td", "th",
    "tr",
];

/// Where a name of [`TAG_NAMES`] that `rest` opens with ends: in any case
/// (`ſ` is a small `s` to Unicode, and no other letter outside ASCII is
/// one of theirs), and followed by no word character (`\w`, so at most one
/// name fits).
fn tag_name_end(rest: &str) -> Option<usize> {
    TAG_NAMES.iter().find_map(|name| {
        let mut chars = rest.char_indices();
        for n in name.chars() {
            let (_, c) = chars.next()?;
            if !(c.eq_ignore_ascii_case(&n) || (n == 's' && c == 'ſ')) {
                return None;
            }
        }
        let end = chars.next().map_or(rest.len(), |(i, _)| i);
        let word_after = rest[end..]
            .chars()
            .next()
            .is_some_and(regex_syntax::is_word_character);
        (!word_after).then_some(end)
    })
}

/// `cell` with each HTML tag replaced by a space: `<` or `</`, a name of
/// [`TAG_NAMES`], and all up to the first `>` after it; what the pattern
/// `(?i)</?(?:b|i|...|tr)\b[^>]*/?>` replaces, found from each `<` (a
/// search of that pattern took some 5,000 instructions a cell).
fn strip_tags(cell: &str) -> Cow<'_, str> {
    let bytes = cell.as_bytes();
    let mut out = String::new();
    // What is copied to `out`, and where the next `<` is looked for.
    let (mut copied, mut from) = (0, 0);
    while let Some(k) = memchr(b'<', &bytes[from..]) {
        let lt = from + k;
        from = lt + 1;
        let at = if bytes.get(from) == Some(&b'/') {
            from + 1
        } else {
            from
        };
        let Some(name) = tag_name_end(&cell[at..]) else {
            continue;
        };
        // No `>` after the name: none after a later `<` either.
        let Some(gt) = memchr(b'>', &bytes[at + name..]) else {
            break;
        };
        out.push_str(&cell[copied..lt]);
        out.push(' ');
        copied = at + name + gt + 1;
        from = copied;
    }
    if copied == 0 {
        return Cow::Borrowed(cell);
    }
    out.push_str(&cell[copied..]);
    Cow::Owned(out)
}

/// A cell as plain text: tags become spaces, emphasis marks go, whitespace folds.
pub fn clean_cell(cell: &str) -> String {
    // Most cells have no tag, no marks and single spaces: each step runs
    // only when its character is there (a tag needs `<`, marks `*` or `_`).
    let no_tags = strip_tags(cell);
    let no_marks = if memchr2(b'*', b'_', no_tags.as_bytes()).is_some() {
        Cow::Owned(no_tags.replace("**", "").replace("__", ""))
    } else {
        no_tags
    };
    if single_spaced(&no_marks) {
        return no_marks.into_owned();
    }
    crate::span::collapse_whitespace(&no_marks)
}

/// Whether `s` is already as `split_whitespace` and a join with single
/// spaces would leave it: ASCII white space only as single spaces between
/// words, none at either end, and no other white space. Other white space
/// outside ASCII starts with one of the lead bytes C2 (U+0085, U+00A0),
/// E1 (U+1680), E2 (U+2000–U+205F) or E3 (U+3000); a text with one of
/// those goes the slow way (Danish letters start with C3).
fn single_spaced(s: &str) -> bool {
    let b = s.as_bytes();
    b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b
            .iter()
            .any(|&c| matches!(c, b'\t'..=b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3))
        && !b.windows(2).any(|w| w == b"  ")
}

/// The block index ranges of runs of consecutive table rows, in order.
pub fn runs<'a>(blocks: &'a [Block<'_>]) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < blocks.len() && blocks[i].kind != BlockKind::TableRow {
            i += 1;
        }
        let start = i;
        while i < blocks.len() && blocks[i].kind == BlockKind::TableRow {
            i += 1;
        }
        (start < i).then_some(start..i)
    })
}

/// Every table of two rows or more, in order.
pub fn tables(text: &str, blocks: &[Block]) -> Vec<FoundTable> {
    let mut found: Vec<FoundTable> = delimited(text, blocks);
    found.extend(flattened(blocks));
    found.sort_by_key(|t| t.range.start);
    found
}

fn delimited(text: &str, blocks: &[Block]) -> Vec<FoundTable> {
    runs(blocks)
        .filter_map(|run| {
            let mut rows = blocks[run.clone()]
                .iter()
                .map(|b| cells(text, b))
                .filter(|c| !c.is_empty() && !is_rule(c))
                .map(|c| c.iter().map(|(t, _)| clean_cell(t)).collect::<Vec<_>>());
            let header = rows.next()?;
            let rows: Vec<Vec<String>> = rows.collect();
            // A table of contents (`Velkomst (kl. 13:30).....	3`) is no table.
            let leaders = rows
                .iter()
                .chain(std::iter::once(&header))
                .filter(|r| r.iter().any(|c| c.trim_end().ends_with("....")))
                .count();
            if leaders * 2 > rows.len() + 1 {
                return None;
            }
            (!rows.is_empty()).then(|| FoundTable {
                header,
                rows,
                range: blocks[run.start].start..blocks[run.end - 1].end,
            })
        })
        .collect()
}

/// A number cell of a flattened table: `78,7`, `87`, `1.234`, `12 %`.
fn numeric(line: &str) -> bool {
    let t = line.trim().trim_end_matches('%').trim_end();
    !t.is_empty()
        && t.len() <= 16
        && t.starts_with(|c: char| c.is_ascii_digit() || c == '-')
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | ' '))
        && t.chars().any(|c| c.is_ascii_digit())
}

/// A line that can be a cell: short, not a sentence, not a bullet.
/// (The cheap tests first: counting words was 0.7 % of the time.)
fn cell_like(b: &Block<'_>) -> bool {
    let t = span::trim(&b.text);
    matches!(b.kind, crate::blocks::BlockKind::Paragraph)
        && !t.is_empty()
        && t.len() <= 60
        && !t.ends_with(['.', ':', ';'])
        // Nine words take 17 bytes or more (a byte each and a space
        // between): a shorter line is not counted.
        && (t.len() < 17 || span::words_at_most(t, 8))
}

/// Tables that a meeting portal flattened to one cell per line (seed 003's
/// vaccination table): a run of short lines in which numbers come in
/// groups of the same size `k`, each group after its row label, sometimes
/// after a group label too (`Favrskov` / `65+ år` / `79,7` / `80,1`). The
/// `k` lines before the first labels are the column headers; the group
/// label, when there is one, fills down.
pub fn flattened(blocks: &[Block]) -> Vec<FoundTable> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        if !cell_like(&blocks[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < blocks.len() && cell_like(&blocks[i]) {
            i += 1;
        }
        if let Some(t) = flattened_run(&blocks[start..i]) {
            out.push(t);
        }
    }
    out
}

fn flattened_run(run: &[Block]) -> Option<FoundTable> {
    // Numeric groups: (first line, length).
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for (j, b) in run.iter().enumerate() {
        if numeric(&b.text) {
            match groups.last_mut() {
                Some((s, n)) if *s + *n == j => *n += 1,
                _ => groups.push((j, 1)),
            }
        }
    }
    let k = groups.first()?.1;
    if groups.len() < 3 || groups.iter().any(|&(_, n)| n != k) || k > 12 {
        return None;
    }
    // Labels between groups: 1 (row label) or 2 (group label + row label).
    let gaps: Vec<usize> = groups
        .windows(2)
        .map(|w| w[1].0 - (w[0].0 + w[0].1))
        .collect();
    if gaps.iter().any(|&g| g == 0 || g > 2) {
        return None;
    }
    let grouped = gaps.contains(&2);
    let labels_before_first = 1 + usize::from(grouped);
    let first = groups[0].0;
    if first < labels_before_first + k {
        return None;
    }
    let header_start = first - labels_before_first - k;
    let text = |j: usize| clean_cell(&run[j].text);
    let mut header: Vec<String> = vec![String::new(); labels_before_first];
    header.extend((header_start..header_start + k).map(text));
    let mut rows = Vec::new();
    let mut group = String::new();
    for (n, &(g, len)) in groups.iter().enumerate() {
        let gap = if n == 0 {
            labels_before_first
        } else {
            gaps[n - 1]
        };
        if gap == 2 {
            group = text(g - 2);
        }
        let mut row = Vec::with_capacity(labels_before_first + len);
        if grouped {
            row.push(group.clone());
        }
        row.push(text(g - 1));
        row.extend((g..g + len).map(text));
        rows.push(row);
    }
    let last = groups.last().map(|&(g, n)| g + n - 1)?;
    Some(FoundTable {
        header,
        rows,
        range: run[header_start].start..run[last].end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::{Format, blocks};
    use regex::Regex;
    use std::sync::LazyLock;

    /// A cell-like line has at most eight words, counted as `split_whitespace`
    /// counts them (only lines of 17 bytes or more can have nine).
    #[test]
    fn cell_like_lines_have_eight_words_at_most() {
        let block = |text: &'static str| Block {
            kind: crate::blocks::BlockKind::Paragraph,
            text: text.into(),
            start: 0,
            end: text.len(),
            strong: false,
            blank_before: false,
        };
        for (text, want) in [
            ("a b c d e f g h", true),
            ("a b c d e f g hh", true),
            ("a b c d e f g h i", false),
            ("a\u{3000}b c d e f g h i", false),
            ("a\u{3000}b c d e f g h", true),
            ("ab  cd  ef  gh  ij", true),
            ("Favrskov", true),
            ("79,7", true),
            ("Et, to, tre, fire, fem, seks, syv, otte og ni", false),
            ("Afsluttet.", false),
        ] {
            assert_eq!(cell_like(&block(text)), want, "{text:?}");
            assert_eq!(
                want,
                text.split_whitespace().count() <= 8 && !text.ends_with('.'),
                "{text:?}"
            );
        }
    }

    /// The pattern [`strip_tags`] does the work of.
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)</?(?:b|i|u|p|em|strong|span|div|ul|ol|li|br|font|td|th|tr)\b[^>]*/?>")
            .unwrap()
    });

    proptest::proptest! {
        /// Tags are stripped as the pattern replaces them, in texts of tag
        /// names in both cases, word characters of every kind (`ſ`, a
        /// combining mark, an Arabic digit) and marks.
        #[test]
        fn tags_stripped_as_the_pattern_replaces_them(
            text in crate::texts_of(vec![
                "<", "</", ">", "/>", "b", "br", "BR", "Td", "span", "ſpan", "ſ", "r", "æ", "_",
                "1", "٣", "-", " ", "\n", "=\"x\"", "\u{300}",
            ])
        ) {
            proptest::prop_assert_eq!(strip_tags(&text), TAG.replace_all(&text, " "));
        }
    }

    /// The shortcut agrees with the whole cleaning on every kind of white
    /// space, Danish letters, tags and marks.
    #[test]
    fn single_spaced_cells_are_left_as_they_are() {
        let slow = |c: &str| {
            TAG.replace_all(c, " ")
                .replace("**", "")
                .replace("__", "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        for cell in [
            "Beløb i alt",
            "Beløb  i alt",
            " Beløb",
            "Beløb ",
            "Beløb\ti alt",
            "Beløb\u{a0}i alt",
            "Beløb\u{2003}i alt",
            "Beløb\u{3000}i alt",
            "Beløb\u{85}i alt",
            "Beløb\u{1680}i alt",
            "Pris – ca.",
            "Pris –\u{2009}ca. “100”",
            "a\u{202f}b\u{205f}c",
            "**Total**",
            "__a__ b",
            "<b>Status</b> godt",
            "æøå ÆØÅ",
            "",
            " ",
        ] {
            assert_eq!(clean_cell(cell), slow(cell), "{cell:?}");
        }
        assert!(single_spaced("Beløb i alt æøå"));
        assert!(!single_spaced("Beløb\u{a0}i alt"));
    }

    #[test]
    fn a_table_flattened_one_cell_per_line() {
        let text = "Tilslutning, sæson 2023/2024\nInfluenza, procent\nCovid-19, procent\nRegion Midtjylland\n65+ år\n78,7\n79,2\nPlejehjemsbeboere\n87,1\n87\nFavrskov\n65+ år\n79,7\n80,1\nPlejehjemsbeboere\n89,7\n91,4\nDe præsenterede data er baseret på Sundhedsstyrelsens data om tilslutning.\n";
        let t = tables(text, &blocks(text, Format::Text));
        assert_eq!(t.len(), 1);
        assert_eq!(
            t[0].header,
            ["", "", "Influenza, procent", "Covid-19, procent"]
        );
        assert_eq!(t[0].rows.len(), 4);
        assert_eq!(
            t[0].rows[0],
            ["Region Midtjylland", "65+ år", "78,7", "79,2"]
        );
        assert_eq!(
            t[0].rows[3],
            ["Favrskov", "Plejehjemsbeboere", "89,7", "91,4"]
        );
        assert!(text[t[0].range.clone()].starts_with("Influenza"));
        assert!(text[t[0].range.clone()].ends_with("91,4"));
    }

    #[test]
    fn a_table_of_contents_is_no_table() {
        let text = "Punkt 1: Velkomst (kl. 13:30).....\t3\nPunkt 2: Økonomi.......\t4\nPunkt 3: Eventuelt......\t9\n";
        assert!(tables(text, &blocks(text, Format::Text)).is_empty());
    }

    #[test]
    fn short_lines_with_a_few_numbers_are_no_table() {
        let text = "Deltagere\nAnne Hansen\n12\nBo Jensen\n2024\nReferat\n";
        assert!(tables(text, &blocks(text, Format::Text)).is_empty());
    }

    #[test]
    fn markdown_pipe_table() {
        let text = "# T\n\n| Aktivitet | Budget |\n|---|---:|\n| **Kurser** | 10.000 |\n| Drift<br>og løn | 5.000 |\n";
        let t = tables(text, &blocks(text, Format::Markdown));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].header, ["Aktivitet", "Budget"]);
        assert_eq!(t[0].rows, [["Kurser", "10.000"], ["Drift og løn", "5.000"]]);
        assert!(text[t[0].range.clone()].starts_with("| Aktivitet"));
    }

    #[test]
    fn html_cells_become_text() {
        assert_eq!(
            clean_cell("<p><b>Status</b></p><ul><li>a</li><li>b</li></ul>"),
            "Status a b"
        );
    }

    #[test]
    fn a_lone_tab_line_is_no_table() {
        let text = "Indledning\tside 3\n\nBrødtekst.\n";
        assert!(tables(text, &blocks(text, Format::Text)).is_empty());
    }
}
