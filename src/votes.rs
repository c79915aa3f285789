//! Reading the votes cast on a decision: how many voted for, against and
//! abstained, who did (parties' letters or names, as written), and
//! whether the decision was unanimous.
//!
//! Takes a decision's text and gives [`Votes`], or `None` where the text
//! names no vote. Read from label lines and phrases (`For stemte: 20 (A,
//! V, F)`, `Imod stemte: O (3)`, `Undlod at stemme: Ø`), counts in a
//! sentence (`godkendt med 20 stemmer for og 3 imod`, `med 20 stemmer mod
//! 3`, `2 undlod at stemme`), a majority or minority that names its
//! parties and how it voted (`Et mindretal (O) stemte imod`), and
//! `enstemmigt`. What a text leaves open stays `null` or empty: a
//! minority that `tog forbehold` cast no vote the record could count.
//!
//! ```
//! use referat::votes::votes;
//! let v = votes("Godkendt med 20 stemmer for og 3 imod (O).").unwrap();
//! assert_eq!((v.in_favour, v.against, v.abstained), (Some(20), Some(3), None));
//! assert_eq!(v.against_by, ["O"]);
//! assert!(votes("Godkendt.").is_none());
//! ```

use crate::people;
use crate::record::Votes;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// A side's label: `For stemte`, `Imod stemte`, `Undlod at stemme`, or
/// `For:`, `Imod:`, `Undlod:`, `Blanke:` with a colon.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^\p{L}])(?:(?P<for>for\s+stemte|stemte\s+for)|(?P<against>imod\s+stemte|stemte\s+imod)|(?P<abstained>undlod\s+at\s+stemme|hverken\s+for\s+eller\s+imod(?:\s+stemte)?)|(?P<bare>for|imod|undlod|blanke?|blankt)\s*(?:\*\*)?\s*:)(?:\*\*)?\s*:?",
    )
    .unwrap()
});
/// `20 stemmer for`.
static FOR_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?P<n>[0-9]{1,3})\s+stemmer?\s+for").unwrap());
/// `3 imod`, `3 stemmer imod`; `20 stemmer mod 3`.
static AGAINST_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?P<n>[0-9]{1,3})\s+(?:stemmer?\s+)?imod|(?P<f>[0-9]{1,3})\s+stemmer\s+mod\s+(?P<m>[0-9]{1,3}))").unwrap()
});
/// `2 undlod at stemme`, `1 stemte blankt`, `2 blanke`.
static ABSTAINED_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<n>[0-9]{1,3})\s+(?:stemmer?\s+|medlem(?:mer)?\s+)?(?:undlod|undlader|stemte\s+blankt|blanke|hverken\s+for\s+eller\s+imod)").unwrap()
});
/// `et mindretal (O)`, `et flertal bestående af A, V og F`: the group and
/// its parties.
static GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<which>flertal|mindretal)(?:\s+(?:bestående\s+af|af))?(?:\s*\((?P<inner>[^)\n]{1,80})\)|\s*:?\s+(?P<list>(?-i:[A-ZÆØÅ]{1,3})(?:\s*(?:,|og)\s*(?-i:[A-ZÆØÅ]{1,3}))*))").unwrap()
});
/// `enstemmigt`, `et enigt udvalg`.
static UNANIMOUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<not>ikke\s+)?(?:enstemmig(?:t|e)?|et\s+enigt\s+\p{L}+)").unwrap()
});
/// A party that voted (`Ole Sand (O) stemte imod`, `Ø stemte for`).
static PARTY_VOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\((?P<inner>[^)\n]{1,40})\)|(?P<letters>[A-ZÆØÅ]{1,3}))\s+(?i:stemte|stemmer)\s+(?P<side>(?i:imod|for|blankt))").unwrap()
});

/// Whether the match at `r` in `text` stands as whole words: no letter
/// or digit right before it when it opens with one, nor right after it
/// when it ends with one (the patterns' `\b` at their ends, checked
/// here: Unicode word boundaries keep the regex engine off its automaton).
fn whole(text: &str, r: std::ops::Range<usize>) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let s = &text[r.clone()];
    let glued_before = s.starts_with(word) && text[..r.start].ends_with(word);
    let glued_after = s.ends_with(word) && text[r.end..].starts_with(word);
    !glued_before && !glued_after
}

/// `re`'s captures in `text` whose matches stand as whole words
/// ([`whole`]).
fn whole_captures<'h>(re: &Regex, text: &'h str) -> impl Iterator<Item = Captures<'h>> {
    re.captures_iter(text)
        .filter(move |c| whole(text, c.get(0).expect("group 0").range()))
}

/// How far after a count or a group its parties and its clause are
/// looked for, in bytes: a sentence's reach.
const CLAUSE_REACH: usize = 400;

/// The side a label or phrase counts for.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Side {
    For,
    Against,
    Abstained,
}

/// The words one of which every pattern's match holds (in any case), at
/// a word's start (not the `stemme` of `bestemme`): the lines around them
/// are all the patterns are run on.
static TRIGGERS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "stemte",
            "stemme",
            "enstemmig",
            "imod",
            "undlod",
            "undlader",
            "hverken",
            "flertal",
            "mindretal",
            "for:",
            "for :",
            "for**:",
            "blank",
            "enigt",
        ])
        .expect("the trigger words build")
});

/// The lines of `text` that hold a [`TRIGGERS`] word, each with the line
/// before and after it (a label's list wraps: `hverken` / `for eller imod
/// stemte 0`), runs of lines apart joined by a blank line: the patterns,
/// whose Unicode word boundaries keep the regex engine off its fast
/// automaton, run over a decision's few lines of votes, not over a
/// parliament debate's whole text. `None` when no line holds one.
fn vote_lines(text: &str) -> Option<String> {
    let mut out = String::new();
    // Where the last window taken ends (at a line's end).
    let mut last_end: Option<usize> = None;
    for m in TRIGGERS.find_iter(text) {
        if last_end.is_some_and(|e| m.start() < e)
            || text[..m.start()].ends_with(char::is_alphabetic)
        {
            continue;
        }
        let line_start = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
        let start = text[..line_start.saturating_sub(1)]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let line_end = text[m.end()..]
            .find('\n')
            .map_or(text.len(), |i| m.end() + i);
        let end = text
            .get(line_end + 1..)
            .and_then(|rest| rest.find('\n'))
            .map_or(text.len(), |i| line_end + 1 + i);
        match last_end {
            // The window goes on from the last one: no line between.
            Some(e) if start <= e + 1 => out.push_str(&text[e..end]),
            Some(_) => {
                out.push_str("\n\n");
                out.push_str(&text[start..end]);
            }
            None => out.push_str(&text[start..end]),
        }
        last_end = Some(end);
    }
    last_end.map(|_| out)
}

/// The votes of a decision's text; `None` when it names none.
pub fn votes(text: &str) -> Option<Votes> {
    let lines = vote_lines(text)?;
    let text = lines.as_str();
    // Each pattern runs only where its own words stand.
    let lower = text.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let mut v = Votes::default();
    // A bare label (`For:`, `Imod :`) holds a colon.
    if has(&["stemte", "stemme", "undlod", "blank", "hverken"])
        || lower.contains(':') && has(&["for", "imod"])
    {
        labelled(text, &mut v);
    }
    if has(&["stemme", "imod", "undl", "blank", "hverken"]) {
        counted(text, &mut v);
    }
    if has(&["flertal", "mindretal"]) {
        groups(text, &mut v);
    }
    if has(&["stemte", "stemmer"]) {
        parties_voted(text, &mut v);
    }
    v.unanimous = has(&["enstemmig", "enigt"])
        && whole_captures(&UNANIMOUS, text).any(|c| c.name("not").is_none());
    let empty = v.in_favour.is_none()
        && v.against.is_none()
        && v.abstained.is_none()
        && !v.unanimous
        && v.for_by.is_empty()
        && v.against_by.is_empty()
        && v.abstained_by.is_empty();
    (!empty).then_some(v)
}

/// Votes read for `side` into `v`: its count when it has none yet (the
/// first reading stands), and who cast them, each once.
fn cast(v: &mut Votes, side: Side, count: Option<u32>, who: Vec<String>) {
    let (n, by) = match side {
        Side::For => (&mut v.in_favour, &mut v.for_by),
        Side::Against => (&mut v.against, &mut v.against_by),
        Side::Abstained => (&mut v.abstained, &mut v.abstained_by),
    };
    if n.is_none() {
        *n = count;
    }
    for w in who {
        if !by.contains(&w) {
            by.push(w);
        }
    }
}

/// Labels and what follows each up to the next label, the line's end or
/// a sentence's (`For stemte: A, V og F (20). Imod stemte: O (3).`).
fn labelled(text: &str, v: &mut Votes) {
    let found: Vec<(Side, usize, usize)> = LABEL
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let side = if c.name("for").is_some() {
                Side::For
            } else if c.name("against").is_some() {
                Side::Against
            } else if c.name("abstained").is_some() {
                Side::Abstained
            } else {
                match c.name("bare")?.as_str().to_lowercase().as_str() {
                    "for" => Side::For,
                    "imod" => Side::Against,
                    _ => Side::Abstained,
                }
            };
            Some((side, whole.start(), whole.end()))
        })
        .collect();
    for (k, &(side, _, end)) in found.iter().enumerate() {
        let next = found.get(k + 1).map_or(text.len(), |n| n.1);
        let rest = sentence(first_line(&text[end..next]));
        let (count, who) = count_and_who(rest);
        cast(v, side, count, who);
    }
}

/// `s` up to its first line's end, and on past the ends of lines that
/// end in a list's comma, `og` or an open bracket (`imod stemte 20 (LA,
/// KF, RV og 1 DD` / `(ved en fejl))`).
fn first_line(s: &str) -> &str {
    let mut end = 0;
    for line in s.split_inclusive('\n') {
        end += line.len();
        let t = line.trim_end();
        let open = t.matches('(').count() > t.matches(')').count();
        if !(t.ends_with(',') || t.ends_with(" og") || open) {
            break;
        }
    }
    s[..end].trim_end()
}

/// `s` up to its first sentence's end: a full stop, then white space and
/// a word of a capital and small letters (`20. Forslaget ...`; not the
/// `A. ` of a party's letter).
fn sentence(s: &str) -> &str {
    let mut from = 0;
    while let Some(i) = s[from..].find(". ").map(|i| from + i) {
        let next = s[i + 2..].trim_start();
        let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        if word.chars().count() >= 2 && word.chars().skip(1).all(char::is_lowercase) {
            return &s[..i];
        }
        from = i + 2;
    }
    s
}

/// The count and the parties or names of a side's text (`20 (A, V, F)`,
/// `O (3)`, `A (12), V (6) og F (2)`: the sum where each party has its
/// own number, else the first number).
fn count_and_who(s: &str) -> (Option<u32>, Vec<String>) {
    let mut numbers: Vec<(usize, u32)> = Vec::new();
    let mut who: Vec<(usize, String)> = Vec::new();
    let mut at = 0;
    for part in s.split([',', ';', ':', '(', ')', '/', '+']) {
        let start = at;
        at += part.len() + 1;
        for piece in part.split(" og ").flat_map(|p| p.split(" samt ")) {
            let t = piece
                .trim()
                .trim_matches(|c: char| c == '.' || c == '*' || c == ':')
                .trim();
            if t.is_empty() {
                continue;
            }
            let word = t.strip_suffix(" stemmer").unwrap_or(t).trim();
            if let Ok(n) = word.parse::<u32>()
                && word.len() <= 3
            {
                numbers.push((start, n));
            } else if people::is_party(t) {
                who.push((start, t.to_string()));
            } else if let Some((n, party)) = t.split_once(' ')
                && n.bytes().all(|b| b.is_ascii_digit())
                && people::is_party(party)
            {
                // `og 1 DD`: one of a party's members, counted with the rest.
                who.push((start, party.to_string()));
            } else if let Some(p) = people::parse_line(t, true)
                && p.name == t
            {
                who.push((start, p.name));
            }
        }
    }
    let count = match numbers[..] {
        [] => None,
        [(_, n)] => Some(n),
        [(first, n), ..] => {
            if who.first().is_none_or(|(w, _)| first < *w) {
                Some(n)
            } else {
                Some(numbers.iter().map(|(_, n)| n).sum())
            }
        }
    };
    (count, who.into_iter().map(|(_, w)| w).collect())
}

/// Counts in a sentence (`20 stemmer for og 3 imod (O)`), where no label
/// gave the side's count; a party list in brackets right after a count
/// is its side's.
fn counted(text: &str, v: &mut Votes) {
    let mut found: Vec<(Side, u32, usize)> = Vec::new();
    for c in whole_captures(&FOR_COUNT, text) {
        let n = &c["n"];
        found.push((Side::For, n.parse().unwrap_or(0), c.get(0).unwrap().end()));
    }
    for c in whole_captures(&AGAINST_COUNT, text) {
        let end = c.get(0).unwrap().end();
        if let (Some(f), Some(m)) = (c.name("f"), c.name("m")) {
            found.push((Side::For, f.as_str().parse().unwrap_or(0), end));
            found.push((Side::Against, m.as_str().parse().unwrap_or(0), end));
        } else if let Some(n) = c.name("n") {
            found.push((Side::Against, n.as_str().parse().unwrap_or(0), end));
        }
    }
    for c in whole_captures(&ABSTAINED_COUNT, text) {
        let n = &c["n"];
        found.push((
            Side::Abstained,
            n.parse().unwrap_or(0),
            c.get(0).unwrap().end(),
        ));
    }
    for (side, n, end) in found {
        // `3 imod-forslag`: a word of its own.
        if text[end..].starts_with('-') {
            continue;
        }
        let after = crate::span::after(text, end, CLAUSE_REACH).trim_start_matches([' ', '\u{a0}']);
        let who = after
            .strip_prefix('(')
            .and_then(|a| a.split_once(')'))
            .map(|(inner, _)| count_and_who(inner).1)
            .unwrap_or_default();
        cast(v, side, Some(n), who);
    }
}

/// A majority or minority that names its parties, on the side its
/// sentence says (`stemte imod`, `kunne ikke godkende`: against;
/// `undlod`: abstained; `stemte for`, `godkendte`: for); one whose
/// sentence says neither is left out.
fn groups(text: &str, v: &mut Votes) {
    for c in whole_captures(&GROUP, text) {
        let list = c
            .name("inner")
            .or(c.name("list"))
            .map_or("", |m| m.as_str());
        let (_, who) = count_and_who(list);
        if who.is_empty() {
            continue;
        }
        let end = c.get(0).unwrap().end();
        // Its clause: up to the next group's (`..., mens et mindretal`).
        // (Within a sentence's reach: a line of a megabyte is not read
        // again for each group in it.)
        let line = crate::span::after(text, end, CLAUSE_REACH);
        let rest = sentence(line.split('\n').next().unwrap_or("")).to_lowercase();
        let rest = ["flertal", "mindretal", ", mens", ";"]
            .iter()
            .filter_map(|w| rest.find(w))
            .min()
            .map_or(&rest[..], |i| &rest[..i]);
        let side = if rest.contains("undlod") || rest.contains("undlader") {
            Side::Abstained
        } else if rest.contains("imod") || rest.contains("ikke") || rest.contains("afvis") {
            Side::Against
        } else if [
            "stemte for",
            "godkend",
            "tiltræd",
            "tiltråd",
            "anbefal",
            "vedt",
        ]
        .iter()
        .any(|w| rest.contains(w))
        {
            Side::For
        } else {
            continue;
        };
        cast(v, side, None, who);
    }
}

/// Parties named right before how they voted (`Ole Sand (O) stemte
/// imod`, `Ø stemte for`).
fn parties_voted(text: &str, v: &mut Votes) {
    for c in whole_captures(&PARTY_VOTED, text) {
        let list = c
            .name("inner")
            .or(c.name("letters"))
            .map_or("", |m| m.as_str());
        let (_, who) = count_and_who(list);
        let side = match c["side"].to_lowercase().as_str() {
            "imod" => Side::Against,
            "for" => Side::For,
            _ => Side::Abstained,
        };
        cast(v, side, None, who);
    }
}

/// This stage's patterns, each built on first use; built ahead by
/// [`crate::prepare`].
pub(crate) const PREPARE: &[fn()] = builders![
    LABEL,
    FOR_COUNT,
    AGAINST_COUNT,
    ABSTAINED_COUNT,
    GROUP,
    UNANIMOUS,
    PARTY_VOTED,
    TRIGGERS,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, for, against, abstained, for_by, against_by, abstained_by,
    /// unanimous): wordings of council minutes.
    #[test]
    fn votes_of_decisions() {
        type Row = (
            &'static str,
            Option<u32>,
            Option<u32>,
            Option<u32>,
            &'static [&'static str],
            &'static [&'static str],
            &'static [&'static str],
            bool,
        );
        let rows: &[Row] = &[
            (
                "Godkendt med 20 stemmer for og 3 imod (O).",
                Some(20),
                Some(3),
                None,
                &[],
                &["O"],
                &[],
                false,
            ),
            (
                "For stemte: 20 (A, V, F)\nImod stemte: 3 (O)\nUndlod at stemme: 1 (Ø)",
                Some(20),
                Some(3),
                Some(1),
                &["A", "V", "F"],
                &["O"],
                &["Ø"],
                false,
            ),
            (
                "For stemte: A, V og F (20). Imod stemte: O (3). Indstillingen blev godkendt.",
                Some(20),
                Some(3),
                None,
                &["A", "V", "F"],
                &["O"],
                &[],
                false,
            ),
            (
                "For stemte: A (12), V (6) og F (2)",
                Some(20),
                None,
                None,
                &["A", "V", "F"],
                &[],
                &[],
                false,
            ),
            (
                "Indstillingen blev vedtaget med 25 stemmer mod 4.",
                Some(25),
                Some(4),
                None,
                &[],
                &[],
                &[],
                false,
            ),
            (
                "Godkendt. 2 medlemmer undlod at stemme.",
                None,
                None,
                Some(2),
                &[],
                &[],
                &[],
                false,
            ),
            (
                "Indstillingen blev godkendt. Et mindretal (O) stemte imod.",
                None,
                None,
                None,
                &[],
                &["O"],
                &[],
                false,
            ),
            (
                "Et flertal bestående af A, V og F godkendte indstillingen.",
                None,
                None,
                None,
                &["A", "V", "F"],
                &[],
                &[],
                false,
            ),
            (
                "For: Anne Holm, Lars Ege\nImod: Ole Sand",
                None,
                None,
                None,
                &["Anne Holm", "Lars Ege"],
                &["Ole Sand"],
                &[],
                false,
            ),
            (
                "For stemte 25: A, V, C, F og Ø.\nImod stemte 4: O.\nUndlod at stemme 2: I.",
                Some(25),
                Some(4),
                Some(2),
                &["A", "V", "C", "F", "Ø"],
                &["O"],
                &["I"],
                false,
            ),
            (
                "For stemte 87 (S, V, M,\nSF, DD), imod stemte 20 (LA, KF, RV og 1 DD\n(ved en fejl)), hverken\nfor eller imod stemte 0.",
                Some(87),
                Some(20),
                Some(0),
                &["S", "V", "M", "SF", "DD"],
                &["LA", "KF", "RV", "DD"],
                &[],
                false,
            ),
            (
                "Et flertal (A og V) godkendte indstillingen, mens et mindretal (F og Ø) stemte imod.",
                None,
                None,
                None,
                &["A", "V"],
                &["F", "Ø"],
                &[],
                false,
            ),
            (
                "Godkendt. Ole Sand (O) stemte imod, og 1 medlem stemte blankt.",
                None,
                None,
                Some(1),
                &[],
                &["O"],
                &[],
                false,
            ),
            (
                "Et enigt udvalg godkendte indstillingen.",
                None,
                None,
                None,
                &[],
                &[],
                &[],
                true,
            ),
            (
                "Godkendt.\nFor : 7\nImod : 2",
                Some(7),
                Some(2),
                None,
                &[],
                &[],
                &[],
                false,
            ),
            (
                "Enstemmigt godkendt.",
                None,
                None,
                None,
                &[],
                &[],
                &[],
                true,
            ),
        ];
        for &(text, f, a, ab, fb, ab_by, abs_by, un) in rows {
            let v = votes(text).unwrap_or_else(|| panic!("{text}: no votes"));
            assert_eq!((v.in_favour, v.against, v.abstained), (f, a, ab), "{text}");
            assert_eq!(v.for_by, fb, "{text}");
            assert_eq!(v.against_by, ab_by, "{text}");
            assert_eq!(v.abstained_by, abs_by, "{text}");
            assert_eq!(v.unanimous, un, "{text}");
        }
    }

    /// The patterns run over the lines around the trigger words only,
    /// with a line on each side, runs apart joined by a blank line.
    #[test]
    fn lines_around_the_votes() {
        let text = "a\nb\nc\nFor stemte 5\nd\ne\nf\ng\nh\nEnstemmigt\ni";
        assert_eq!(
            vote_lines(text).as_deref(),
            Some("c\nFor stemte 5\nd\n\nh\nEnstemmigt\ni")
        );
        assert_eq!(
            vote_lines("For: 3\nImod: 2").as_deref(),
            Some("For: 3\nImod: 2")
        );
        assert_eq!(vote_lines("Godkendt.\nIntet."), None);
        assert_eq!(vote_lines("Det bestemmes af systemet."), None);
    }

    /// Texts that name no vote: a minority that took a reservation, a
    /// sentence that opens with `For`, counts of other things, a
    /// unanimity denied.
    #[test]
    fn no_votes() {
        for text in [
            "Godkendt.",
            "Et mindretal (O) tog forbehold.",
            "For at sikre fremdriften nedsættes en arbejdsgruppe.",
            "Der er 3 imod-forslag.",
            "Beslutningen var ikke enstemmig.",
            "Planen er sendt i høring hos 12 foreninger.",
            "",
        ] {
            assert_eq!(votes(text), None, "{text}");
        }
    }
}
