//! Danish public bodies named in a text, by their canonical names.
//!
//! Takes text and gives the canonical names of the municipalities, regions,
//! health clusters, hospitals and national bodies it mentions, in order of
//! first mention, from the gazetteer in `data/organisations.tsv`. Variants
//! and the genitive match (`Kolding kommunes` → `Kolding Kommune`), and so
//! do lists such as `Randers, Norddjurs og Syddjurs kommuner`. Acronyms
//! (`KL`, `PLO`, `OUH`) match only in capitals, so `kl. 13` is not KL.
//!
//! ```
//! use referat::orgs::organisations;
//! assert_eq!(
//!     organisations("Kolding kommunes og Region Syddanmarks aftale; KL deltog kl. 13."),
//!     ["Kolding Kommune", "Region Syddanmark", "KL"]
//! );
//! ```

use crate::caseless::Haystack;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind, packed};
use memchr::memmem;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

const ORGANISATIONS: &str = include_str!("../data/organisations.tsv");

/// One body of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// The official name.
    pub canonical: &'static str,
    /// `municipality`, `region`, `health_cluster`, `hospital`, `psychiatry`, `national`.
    pub kind: &'static str,
}

struct Gazetteer {
    bodies: Vec<Organisation>,
    /// Names and variants in their case forms, matched ASCII
    /// case-insensitively; pattern i names `bodies[targets[i]]`.
    words: AhoCorasick,
    targets: Vec<usize>,
    /// Words one of which every name and variant holds ([`ANCHORS`]),
    /// searched in lower case with SIMD; `None` if a name holds none of
    /// them (or the machine has no SIMD search).
    anchors: Option<packed::Searcher>,
    /// For each anchor, how far a name holding it reaches before the
    /// anchor's start and from it on, in bytes.
    reach: Vec<(usize, usize)>,
    /// Acronyms, matched case-sensitively.
    acronyms: AhoCorasick,
    acronym_targets: Vec<usize>,
    /// Lower-cased municipality name without `kommune` → body, for lists.
    municipality_stems: HashMap<String, usize>,
}

/// The forms of a name that case-insensitive ASCII matching does not
/// cover: lower case, each word capitalised, and upper case differ in
/// `æøå`/`ÆØÅ` (`ærø kommune`, `Ærø Kommune`, `ÆRØ KOMMUNE`).
fn case_forms(name: &str) -> Vec<String> {
    let lower = name.to_lowercase();
    let title = lower
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut forms = vec![lower, title, name.to_uppercase()];
    forms.dedup();
    forms.sort();
    forms.dedup();
    forms
}

/// Words found in every name of the gazetteer (`Randers Kommune`,
/// `Lillebæltsklyngen`, `Sundhedsstyrelsen`, `PLO Midt`), all in ASCII so
/// that they match ASCII case-insensitively as the names do. They are
/// rare in running text and few enough for a SIMD search, so the names'
/// automaton runs only around them (it ran over every byte: 5 % of the
/// instructions). A name that holds none turns this off.
const ANCHORS: [&str; 10] = [
    "kommune",
    "region",
    "klynge",
    "sygehus",
    "hospital",
    "psykiatri",
    "ministeriet",
    "styrelsen",
    "organisation",
    "plo",
];

fn is_acronym(s: &str) -> bool {
    s.len() <= 5 && s.chars().all(|c| c.is_ascii_uppercase())
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut bodies = Vec::new();
    let (mut words, mut targets) = (Vec::new(), Vec::new());
    let (mut acronyms, mut acronym_targets) = (Vec::new(), Vec::new());
    let mut municipality_stems = HashMap::new();
    for line in ORGANISATIONS.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').collect();
        let i = bodies.len();
        bodies.push(Organisation {
            canonical: cols[0],
            kind: cols[1],
        });
        let variants = cols.get(2).map_or("", |v| v.trim());
        for name in std::iter::once(cols[0]).chain(variants.split('|').filter(|v| !v.is_empty())) {
            if is_acronym(name) {
                acronyms.push(name.to_string());
                acronym_targets.push(i);
            } else {
                for form in case_forms(name) {
                    words.push(form);
                    targets.push(i);
                }
            }
            if cols[1] == "municipality"
                && let Some(stem) = name.to_lowercase().strip_suffix(" kommune")
            {
                municipality_stems.insert(stem.to_string(), i);
                municipality_stems.insert(format!("{stem}s"), i);
            }
        }
    }
    let build = |pats: &[String], ascii_case_insensitive: bool| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(ascii_case_insensitive)
            .build(pats)
            .expect("gazetteer patterns build")
    };
    let mut reach = vec![(0, 0); ANCHORS.len()];
    let mut anchored = true;
    for w in &words {
        let w = w.to_ascii_lowercase();
        let mut holds = false;
        for (a, r) in ANCHORS.iter().zip(&mut reach) {
            for (at, _) in w.match_indices(a) {
                holds = true;
                *r = (r.0.max(at), r.1.max(w.len() - at));
            }
        }
        anchored &= holds;
    }
    // The search finds every anchor only if none starts another.
    anchored &= !ANCHORS
        .iter()
        .any(|a| ANCHORS.iter().any(|b| a != b && b.starts_with(a)));
    Gazetteer {
        // The packed searcher (Teddy) directly: `AhoCorasick` with these
        // ten patterns chose its automaton and no prefilter (450 MB/s;
        // Teddy 2.6 GB/s).
        anchors: anchored.then(|| packed::Searcher::new(ANCHORS)).flatten(),
        reach,
        words: build(&words, true),
        acronyms: build(&acronyms, false),
        bodies,
        targets,
        acronym_targets,
        municipality_stems,
    }
});

/// `Randers, Norddjurs, Favrskov og Syddjurs` before `kommuner`: matched
/// on a window ending at the word, so the scan runs only where it stands.
static MUNICIPALITY_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[A-ZÆØÅ][\w-]+,\s*)*[A-ZÆØÅ][\w-]+\s+(?:og|samt|eller)\s+[A-ZÆØÅ][\w-]+)\s+$")
        .unwrap()
});

/// Whether [`MUNICIPALITY_LIST`] can match `window`: it ends with white
/// space, and its last two words are `og`, `samt` or `eller` and one that
/// opens with a capital. Every match ends so; most `kommuner` follow no
/// list, and the pattern (Unicode `\w`, anchored at the end) ran its
/// automaton over the 200 bytes before each (4 % of the time).
fn may_end_a_list(window: &str) -> bool {
    let mut words = window.split_whitespace().rev();
    window.ends_with(char::is_whitespace)
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase() || "ÆØÅ".contains(c)))
        && words
            .next()
            .is_some_and(|w| matches!(w, "og" | "samt" | "eller"))
}

/// `ommuner` of `kommuner`: a searcher built once that scans with SIMD
/// (`str::match_indices` runs the Two-Way algorithm, without SIMD).
static OMMUNER: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("ommuner"));

fn boundary_before(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// After a name: the genitive `s` may follow, then no letter or digit.
fn boundary_after(text: &str, at: usize) -> bool {
    let rest = text[at..].strip_prefix('s').unwrap_or(&text[at..]);
    !rest.starts_with(char::is_alphanumeric)
}

/// The gazetteer entry for a canonical name.
pub fn lookup(canonical: &str) -> Option<Organisation> {
    GAZETTEER
        .bodies
        .iter()
        .find(|b| b.canonical == canonical)
        .cloned()
}

/// The body a short text names as a whole (`Randers Kommune`, `Region
/// Midt`, `Kolding kommunes`), if any.
pub fn whole(text: &str) -> Option<&'static str> {
    let t = text.trim().trim_end_matches([':', '.']);
    let g = &*GAZETTEER;
    let covers =
        |m: &aho_corasick::Match, hay: &str| m.start() == 0 && matches!(&hay[m.end()..], "" | "s");
    if let Some(m) = g.words.find(t)
        && covers(&m, t)
    {
        return Some(g.bodies[g.targets[m.pattern().as_usize()]].canonical);
    }
    let m = g.acronyms.find(t)?;
    covers(&m, t).then(|| g.bodies[g.acronym_targets[m.pattern().as_usize()]].canonical)
}

/// The municipality a bare town name stands for, in any case (`holstebro`
/// → `Holstebro Kommune`, as in a mail domain or a list of municipalities).
pub fn municipality(stem: &str) -> Option<&'static str> {
    let g = &*GAZETTEER;
    g.municipality_stems
        .get(&stem.to_lowercase())
        .map(|&i| g.bodies[i].canonical)
}

/// The stretches of `hay` that hold every occurrence of a name: each
/// anchor found, widened by as far as a name holding it reaches on either
/// side, overlapping ones joined; the whole text when there are no
/// anchors to search.
///
/// An occurrence holds an anchor, and the search finds every anchor (it
/// goes on from the byte after each, so overlapping anchors are found,
/// and no two start at one byte), whose stretch then covers the
/// occurrence; stretches that overlap or touch are joined, so no
/// occurrence crosses a stretch's edge, and the names' leftmost-longest
/// search gives in the stretches the matches it gives in the whole text.
fn name_stretches(g: &Gazetteer, hay: &Haystack) -> Vec<std::ops::Range<usize>> {
    let text = hay.text();
    let (Some(anchors), Some(lower)) = (&g.anchors, hay.lowered()) else {
        let whole = 0..text.len();
        return vec![whole];
    };
    let mut stretches: Vec<std::ops::Range<usize>> = Vec::new();
    let mut next = 0;
    while let Some(m) = anchors.find_in(lower, aho_corasick::Span::from(next..lower.len())) {
        next = m.start() + 1;
        let (before, after) = g.reach[m.pattern().as_usize()];
        let from = m.start().saturating_sub(before);
        let to = (m.start() + after).min(text.len());
        match stretches.last_mut() {
            Some(last) if last.end >= from => last.end = last.end.max(to),
            _ => stretches.push(from..to),
        }
    }
    stretches
}

/// The names and variants found in `stretches` of `text`, each with its
/// body's index, where they stand as words.
fn names_in(
    g: &Gazetteer,
    text: &str,
    stretches: Vec<std::ops::Range<usize>>,
) -> Vec<(usize, usize)> {
    let mut hits = Vec::new();
    for stretch in stretches {
        for m in g.words.find_iter(Input::new(text).span(stretch)) {
            if boundary_before(text, m.start()) && boundary_after(text, m.end()) {
                hits.push((m.start(), g.targets[m.pattern().as_usize()]));
            }
        }
    }
    hits
}

/// Every mention of a body in `text`: its byte offset and canonical name,
/// in order of offset.
pub fn mentions(text: &str) -> Vec<(usize, &'static str)> {
    mentions_in(&Haystack::new(text))
}

/// [`mentions`] in a text whose lower-cased copy is at hand.
pub fn mentions_in(hay: &Haystack) -> Vec<(usize, &'static str)> {
    let text = hay.text();
    let g = &*GAZETTEER;
    let mut hits = names_in(g, text, name_stretches(g, hay));
    for m in g.acronyms.find_iter(text) {
        let after = &text[m.end()..];
        // `KL.` before a clock time is not Kommunernes Landsforening.
        let clock = after.starts_with('.')
            && after[1..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
        if boundary_before(text, m.start()) && boundary_after(text, m.end()) && !clock {
            hits.push((m.start(), g.acronym_targets[m.pattern().as_usize()]));
        }
    }
    for at in OMMUNER.find_iter(text.as_bytes()) {
        if !(text[..at].ends_with('k') || text[..at].ends_with('K')) {
            continue;
        }
        let window = crate::span::before(text, at - 1, 200);
        if !may_end_a_list(window) {
            continue;
        }
        let Some(c) = MUNICIPALITY_LIST.captures(window) else {
            continue;
        };
        let list = c.get(1).unwrap();
        let list_start = at - 1 - window.len() + list.start();
        for name in list.as_str().split([',']).flat_map(|p| p.split(" og ")) {
            let stem = name
                .trim()
                .trim_start_matches("samt ")
                .trim_start_matches("eller ");
            if let Some(&i) = g.municipality_stems.get(&stem.to_lowercase()) {
                hits.push((list_start, i));
            }
        }
    }
    hits.sort_by_key(|h| h.0);
    hits.into_iter()
        .map(|(at, i)| (at, g.bodies[i].canonical))
        .collect()
}

/// The names of `mentions`, each once, in order of first mention.
pub fn names<'a>(
    mentions: impl IntoIterator<Item = &'a (usize, &'static str)>,
) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (_, name) in mentions {
        if !out.contains(name) {
            out.push(name);
        }
    }
    out
}

/// The canonical names of the bodies `text` mentions, in order of first
/// mention, each once.
pub fn organisations(text: &str) -> Vec<&'static str> {
    names(&mentions(text))
}

/// This stage's patterns and tables, each built on first use; built ahead
/// by [`crate::prepare`].
pub(crate) const PREPARE: &[fn()] = builders![GAZETTEER, MUNICIPALITY_LIST, OMMUNER];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_has_every_municipality_region_and_cluster() {
        let count = |kind: &str| GAZETTEER.bodies.iter().filter(|b| b.kind == kind).count();
        assert_eq!(count("municipality"), 98);
        assert_eq!(count("region"), 5);
        assert_eq!(count("health_cluster"), 21);
    }

    #[test]
    fn every_municipality_is_found_in_a_sentence_that_names_it() {
        for b in GAZETTEER.bodies.iter().filter(|b| b.kind == "municipality") {
            let sentence = format!("Aftalen er indgået med {} om midlerne.", b.canonical);
            assert_eq!(organisations(&sentence), [b.canonical], "{sentence}");
            let genitive = format!("{}s borgere", b.canonical.to_lowercase());
            assert_eq!(organisations(&genitive), [b.canonical], "{genitive}");
        }
    }

    #[test]
    fn variants_lists_and_non_matches() {
        for (text, want) in [
            (
                "Sundhedsklynge Lillebælts møde",
                vec!["Sundhedsklynge Lillebælt"],
            ),
            ("Region Midtjyllands budget", vec!["Region Midtjylland"]),
            ("i Region Midt", vec!["Region Midtjylland"]),
            (
                "Randersklyngen og Gødstrupklyngen",
                vec!["Randersklyngen", "Vestklyngen"],
            ),
            (
                "Randers, Norddjurs, Favrskov og Syddjurs kommuner",
                vec![
                    "Randers Kommune",
                    "Norddjurs Kommune",
                    "Favrskov Kommune",
                    "Syddjurs Kommune",
                ],
            ),
            ("formand for PLO Midt", vec!["PLO"]),
            ("Århus Kommune", vec!["Aarhus Kommune"]),
            ("OUH's erfaringer", vec!["Odense Universitetshospital"]),
            ("mødet starter kl. 13", vec![]),
            ("KL. 13:30", vec![]),
            ("Koldingkommune", vec![]),
            ("Regionen og kommunerne", vec![]),
            ("Kolding", vec![]),
        ] {
            assert_eq!(organisations(text), want, "{text}");
        }
    }

    /// The cheap check passes every window the list pattern matches: lists
    /// with `samt`, `eller`, `Æ`/`Ø`/`Å`, non-breaking and odd white space,
    /// and the text before every `kommuner` of the seeds and the devset.
    #[test]
    fn every_list_passes_the_list_check() {
        let tricky = [
            "Randers, Norddjurs, Favrskov og Syddjurs ",
            "Aabenraa samt Ærø\u{a0}",
            "Odder eller Østjylland \n\t",
            "i Vejle,  Kolding og\u{2003}Fredericia ",
            "Ringkøbing-Skjern og Herning  ",
        ];
        let mut windows: Vec<String> = tricky.iter().map(|t| t.to_string()).collect();
        for doc in crate::test_documents() {
            for (at, _) in doc.match_indices("kommuner") {
                windows.push(crate::span::before(&doc, at, 200).to_string());
            }
        }
        let mut lists = 0;
        for w in &windows {
            if MUNICIPALITY_LIST.is_match(w) {
                lists += 1;
                assert!(may_end_a_list(w), "{w:?}");
            }
        }
        assert!(lists >= tricky.len(), "{lists}");
        assert!(!may_end_a_list("kommunerne og regionerne "));
        assert!(!may_end_a_list("Randers og Favrskov"));
    }

    /// The names found around the anchors are the names a search of the
    /// whole text finds: in the seeds and the devset, and in a text of
    /// every name and variant in each case form, back to back, glued, at
    /// the text's edges, and far apart.
    #[test]
    fn names_around_anchors_are_the_names_in_the_whole_text() {
        let g = &*GAZETTEER;
        #[cfg(target_arch = "x86_64")]
        assert!(g.anchors.is_some(), "a name holds no anchor");
        let mut all = Vec::new();
        for b in &g.bodies {
            all.extend(case_forms(b.canonical));
        }
        for line in ORGANISATIONS.lines().filter(|l| !l.starts_with('#')) {
            for v in line.split('\t').nth(2).unwrap_or("").split('|') {
                all.extend(case_forms(v.trim()).into_iter().filter(|v| !v.is_empty()));
            }
        }
        let filler =
            " Ærø og Æbeltoft, øvrige mødedeltagere tog stilling til sagen uden bemærkninger. ";
        let texts = [
            all.join(" "),
            all.join(""),
            all.join(", "),
            all.join(filler),
            all.concat().to_uppercase(),
            format!("{filler}{}{filler}", all.join("s og ")),
        ];
        let mut checked = 0;
        for text in texts
            .iter()
            .map(String::as_str)
            .chain(crate::test_documents().iter().map(String::as_str))
        {
            let hay = Haystack::new(text);
            let whole = names_in(g, text, std::iter::once(0..text.len()).collect());
            assert_eq!(
                names_in(g, text, name_stretches(g, &hay)),
                whole,
                "{:.80}",
                text
            );
            checked += whole.len();
        }
        assert!(checked >= 3 * all.len(), "{checked}");
    }

    #[test]
    fn whole_names() {
        assert_eq!(whole("Randers Kommune"), Some("Randers Kommune"));
        assert_eq!(
            whole("Psykiatrien Region Midtjylland"),
            Some("Psykiatrien Region Midtjylland")
        );
        assert_eq!(whole("Thomas Krarup, Randers Kommune"), None);
        assert_eq!(whole("Almen Praksis"), None);
    }
}
