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
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

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

/// The cells of a table row: split on tabs, else on pipes, trimmed, with
/// their ranges in the text; empty cells and a Markdown rule give none.
pub fn cells<'a>(text: &'a str, b: &Block) -> Vec<(&'a str, Range<usize>)> {
    let line = &text[b.start..b.end];
    let sep = if line.contains('\t') { '\t' } else { '|' };
    let mut out = Vec::new();
    let mut at = b.start;
    for cell in line.split(sep) {
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

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(?:b|i|u|p|em|strong|span|div|ul|ol|li|br|font|td|th|tr)\b[^>]*/?>")
        .unwrap()
});

/// A cell as plain text: tags become spaces, emphasis marks go, whitespace folds.
pub fn clean_cell(cell: &str) -> String {
    let no_tags = TAG.replace_all(cell, " ");
    let no_marks = no_tags.replace("**", "").replace("__", "");
    no_marks.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The block index ranges of runs of consecutive table rows, in order.
pub fn runs(blocks: &[Block]) -> impl Iterator<Item = Range<usize>> + '_ {
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
    runs(blocks)
        .filter_map(|run| {
            let mut rows = blocks[run.clone()]
                .iter()
                .map(|b| cells(text, b))
                .filter(|c| !c.is_empty() && !is_rule(c))
                .map(|c| c.iter().map(|(t, _)| clean_cell(t)).collect::<Vec<_>>());
            let header = rows.next()?;
            let rows: Vec<Vec<String>> = rows.collect();
            (!rows.is_empty()).then(|| FoundTable {
                header,
                rows,
                range: blocks[run.start].start..blocks[run.end - 1].end,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::{Format, blocks};

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
