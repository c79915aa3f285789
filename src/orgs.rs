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
use crate::lexicon::WordMap;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, packed};
use memchr::memmem;
use regex::Regex;
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
    /// case-insensitively; name i names `bodies[targets[i]]`.
    #[cfg(test)]
    words: Vec<String>,
    names: AnchoredNames,
    targets: Vec<usize>,
    /// Each name ASCII lower-cased → the first name so written, for
    /// [`whole`].
    exact: WordMap<Box<[u8]>, usize>,
    /// Acronyms, matched case-sensitively.
    acronyms: AhoCorasick,
    acronym_targets: Vec<usize>,
    /// Lower-cased municipality name without `kommune` → body, for lists.
    municipality_stems: WordMap<String, usize>,
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
/// rare in running text and few enough for a SIMD search, so the names
/// are looked for only where they stand ([`AnchoredNames`]; an automaton
/// of the names over every byte was 5 % of the instructions). A name that
/// holds none stops the gazetteer's build (a test builds it).
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
    let mut municipality_stems = WordMap::default();
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
    let mut exact = WordMap::default();
    for (i, w) in words.iter().enumerate() {
        exact
            .entry(w.to_ascii_lowercase().into_bytes().into_boxed_slice())
            .or_insert(i);
    }
    Gazetteer {
        names: AnchoredNames::new(&words),
        #[cfg(test)]
        words,
        exact,
        acronyms: AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&acronyms)
            .expect("acronyms build"),
        bodies,
        targets,
        acronym_targets,
        municipality_stems,
    }
});

/// The names of the gazetteer, found from the [`ANCHORS`] word each holds:
/// the matches an Aho-Corasick search for the names gives (ASCII
/// case-insensitive, leftmost-longest), without running its automaton
/// over the text.
///
/// The automaton of the 800 names and case forms is 2.3 MB, and ran at
/// 140 MB/s in the stretches around anchors (20 ms over 12 MB of
/// documents, 4 % of the time; 8 ms more to build). Here each name is
/// found from one of its anchors: where that anchor stands, the bytes
/// before it are read backwards through a trie of the names' beginnings,
/// and from each beginning met, the bytes after the anchor forwards
/// through a trie of the ends of the names with that beginning. That
/// gives every occurrence of every name; the leftmost-longest ones are
/// then taken as the automaton takes them (the leftmost, of those the
/// longest, of those the first name; then on from its end).
///
/// Every occurrence is found: it holds its name's anchor at a fixed
/// offset, and the anchor search finds every anchor (each search goes on
/// from the byte after the last found, and no anchor starts another, so
/// no two match at one byte).
#[derive(Debug)]
struct AnchoredNames {
    anchors: Anchors,
    /// Per anchor, the root of the trie of the names' beginnings before
    /// it, read backwards.
    roots: Vec<u32>,
    /// The tries' nodes, bytes ASCII lower-cased.
    nodes: Vec<TrieNode>,
}

#[derive(Debug, Default)]
struct TrieNode {
    children: Vec<(u8, u32)>,
    /// In a trie of beginnings: the root of the trie of the ends of the
    /// names that begin so.
    ends: Option<u32>,
    /// In a trie of ends: the names that end so.
    names: Vec<u32>,
}

/// The search for [`ANCHORS`] in lower-cased text: the packed searcher
/// (Teddy) where the machine has it (`AhoCorasick` with these ten
/// patterns chose an automaton without a prefilter: 450 MB/s; Teddy
/// 2.6 GB/s).
#[derive(Debug)]
enum Anchors {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

impl Anchors {
    fn new() -> Anchors {
        // Every anchor is found only if none starts another.
        assert!(
            !ANCHORS
                .iter()
                .any(|a| ANCHORS.iter().any(|b| a != b && b.starts_with(a))),
            "an anchor starts another"
        );
        match packed::Searcher::new(ANCHORS) {
            Some(s) => Anchors::Packed(s),
            None => Anchors::Automaton(AhoCorasick::new(ANCHORS).expect("anchors build")),
        }
    }

    /// The first anchor at or after `from`: its index and start.
    fn find(&self, lower: &[u8], from: usize) -> Option<(usize, usize)> {
        let span = aho_corasick::Span::from(from..lower.len());
        let m = match self {
            Anchors::Packed(s) => s.find_in(lower, span),
            Anchors::Automaton(a) => a.find(aho_corasick::Input::new(lower).span(span)),
        }?;
        Some((m.pattern().as_usize(), m.start()))
    }
}

impl AnchoredNames {
    /// # Panics
    /// When a name holds none of the [`ANCHORS`] (a test builds the
    /// gazetteer).
    fn new(words: &[String]) -> AnchoredNames {
        let mut names = AnchoredNames {
            anchors: Anchors::new(),
            roots: Vec::new(),
            nodes: Vec::new(),
        };
        for _ in ANCHORS {
            let root = names.new_node();
            names.roots.push(root);
        }
        for (i, w) in words.iter().enumerate() {
            let lower = w.to_ascii_lowercase().into_bytes();
            let (a, at) = ANCHORS
                .iter()
                .enumerate()
                .find_map(|(a, anchor)| {
                    memchr::memmem::find(&lower, anchor.as_bytes()).map(|at| (a, at))
                })
                .unwrap_or_else(|| panic!("{w}: a gazetteer name holds no anchor word"));
            let mut node = names.roots[a];
            for &b in lower[..at].iter().rev() {
                node = names.child_or_new(node, b);
            }
            let mut end = match names.nodes[node as usize].ends {
                Some(e) => e,
                None => {
                    let e = names.new_node();
                    names.nodes[node as usize].ends = Some(e);
                    e
                }
            };
            for &b in &lower[at + ANCHORS[a].len()..] {
                end = names.child_or_new(end, b);
            }
            names.nodes[end as usize].names.push(i as u32);
        }
        names
    }

    fn new_node(&mut self) -> u32 {
        self.nodes.push(TrieNode::default());
        (self.nodes.len() - 1) as u32
    }

    fn child(&self, node: u32, b: u8) -> Option<u32> {
        self.nodes[node as usize]
            .children
            .iter()
            .find(|c| c.0 == b)
            .map(|c| c.1)
    }

    fn child_or_new(&mut self, node: u32, b: u8) -> u32 {
        self.child(node, b).unwrap_or_else(|| {
            let child = self.new_node();
            self.nodes[node as usize].children.push((b, child));
            child
        })
    }

    /// The leftmost-longest occurrences of the names in `text` (start, end,
    /// name), given `lower`, `text` with its ASCII capitals lowered (at
    /// least; the same offsets).
    fn find(&self, text: &[u8], lower: &[u8]) -> Vec<(usize, usize, usize)> {
        let mut all = Vec::new();
        let mut from = 0;
        while let Some((a, p)) = self.anchors.find(lower, from) {
            from = p + 1;
            let after = p + ANCHORS[a].len();
            let (mut node, mut start) = (self.roots[a], p);
            // An anchor's names are found with their starts falling and,
            // from each start, their ends rising: turned round, they come
            // in the order sorted below (names in turn taken last first),
            // so that the sort most often finds its input sorted.
            let group = all.len();
            loop {
                let mut ends = self.nodes[node as usize].ends;
                let mut end = after;
                while let Some(e) = ends {
                    for &n in self.nodes[e as usize].names.iter().rev() {
                        all.push((start, end, n as usize));
                    }
                    ends = text
                        .get(end)
                        .and_then(|b| self.child(e, b.to_ascii_lowercase()));
                    end += 1;
                }
                match start
                    .checked_sub(1)
                    .and_then(|i| self.child(node, text[i].to_ascii_lowercase()))
                {
                    Some(child) => (node, start) = (child, start - 1),
                    None => break,
                }
            }
            all[group..].reverse();
        }
        all.sort_unstable_by_key(|&(start, end, n)| (start, std::cmp::Reverse(end), n));
        let mut at = 0;
        all.retain(|&(start, end, _)| {
            let keep = start >= at;
            if keep {
                at = end;
            }
            keep
        });
        all
    }
}

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
    // The names' search would take, at the text's start, the longest name
    // there: the whole text, else the text less an `s` (no name is
    // between the two in length). Lowered on the stack when it fits.
    let mut buf = [0u8; 64];
    let lower: std::borrow::Cow<[u8]> = match crate::span::ascii_lowered_in(t, &mut buf) {
        Some(b) => std::borrow::Cow::Borrowed(b),
        None => std::borrow::Cow::Owned(t.to_ascii_lowercase().into_bytes()),
    };
    let name = g.exact.get(&lower[..]).or_else(|| {
        lower
            .strip_suffix(b"s")
            .filter(|_| t.ends_with('s'))
            .and_then(|l| g.exact.get(l))
    });
    if let Some(&i) = name {
        return Some(g.bodies[g.targets[i]].canonical);
    }
    // An acronym has at most five letters ([`is_acronym`]): a longer text
    // is no acronym, nor one with an `s`.
    if t.len() > 6 {
        return None;
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

/// The names and variants found in `hay`, each with its body's index,
/// where they stand as words.
fn names_in(g: &Gazetteer, hay: &Haystack) -> Vec<(usize, usize)> {
    let text = hay.text();
    let ascii_lowered;
    let lower = match hay.lowered() {
        Some(l) => l.as_bytes(),
        None => {
            ascii_lowered = text.to_ascii_lowercase();
            ascii_lowered.as_bytes()
        }
    };
    g.names
        .find(text.as_bytes(), lower)
        .into_iter()
        .filter(|&(start, end, _)| boundary_before(text, start) && boundary_after(text, end))
        .map(|(start, _, n)| (start, g.targets[n]))
        .collect()
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
    let mut hits = names_in(g, hay);
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

    /// The names' automaton, as the search ran before [`AnchoredNames`]:
    /// the oracle of its tests.
    fn automaton(g: &Gazetteer) -> AhoCorasick {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&g.words)
            .unwrap()
    }

    /// Every name and variant in each case form.
    fn all_forms(g: &Gazetteer) -> Vec<String> {
        let mut all = Vec::new();
        for b in &g.bodies {
            all.extend(case_forms(b.canonical));
        }
        for line in ORGANISATIONS.lines().filter(|l| !l.starts_with('#')) {
            for v in line.split('\t').nth(2).unwrap_or("").split('|') {
                all.extend(case_forms(v.trim()).into_iter().filter(|v| !v.is_empty()));
            }
        }
        all
    }

    fn assert_found_as_by_automaton(g: &Gazetteer, ac: &AhoCorasick, text: &str) -> usize {
        let want: Vec<(usize, usize, usize)> = ac
            .find_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        let hay = Haystack::new(text);
        let lower = text.to_ascii_lowercase();
        for l in [hay.lowered().map(str::as_bytes), Some(lower.as_bytes())]
            .into_iter()
            .flatten()
        {
            assert_eq!(g.names.find(text.as_bytes(), l), want, "{text:.80}");
        }
        want.len()
    }

    /// The names found from their anchors are the names the automaton
    /// finds: in the seeds and the devset, and in a text of every name and
    /// variant in each case form, back to back, glued, at the text's
    /// edges, and far apart.
    #[test]
    fn names_found_from_anchors_are_the_automatons() {
        let g = &*GAZETTEER;
        let ac = automaton(g);
        let all = all_forms(g);
        let filler =
            " Ærø og Æbeltoft, øvrige mødedeltagere tog stilling til sagen uden bemærkninger. ";
        let texts = [
            all.join(" "),
            all.join(""),
            all.join(", "),
            all.join(filler),
            all.concat().to_uppercase(),
            format!("{filler}{}{filler}", all.join("s og ")),
            // `ſ` leaves the text without a lower-cased copy.
            format!("ſ {}", all.join(" ")),
        ];
        let mut checked = 0;
        for text in texts
            .iter()
            .map(String::as_str)
            .chain(crate::test_documents().iter().map(String::as_str))
        {
            checked += assert_found_as_by_automaton(g, &ac, text);
        }
        assert!(checked >= 3 * all.len(), "{checked}");
    }

    proptest::proptest! {
        /// ... and in texts made of pieces of names: their words, anchors
        /// glued to other words, overlapping names, case and white space.
        #[test]
        fn names_found_from_anchors_in_any_text(text in crate::texts_of(vec![
            "Region", "region", "REGION", "Midt", "Midtjylland", "Syddanmark", "Hovedstaden",
            "Psykiatrien ", "Regionshospitalet", "Randers", "Kommune", "kommunes", "KOMMUNE",
            "Ærø", "ærø", "ÆRØ", "Aarhus", "Århus", "Sundhedsklynge", "klyngen", "Lillebælt",
            "Sygehus", "Hospital", "hospitalet", "styrelsen", "Sundhedsstyrelsen", "PLO",
            "plo", "Midt", "Organisation", "ministeriet", " ", "  ", "s", "-", ", ", "\n",
            "ø", "x", "Gødstrup", "Vest",
        ])) {
            let g = &*GAZETTEER;
            assert_found_as_by_automaton(g, &automaton(g), &text);
        }

        /// `whole` as it was: the automaton's first match covers the text,
        /// or all but an `s`.
        #[test]
        fn whole_is_the_automatons_first_match(text in crate::texts_of(vec![
            "Region", "region", " Midt", " Midtjylland", "Randers", " Kommune", " kommune",
            "s", "S", " ", ".", ":", "Ærø", "ÆRØ", "ærø", "Aarhus", "Århus", "KL", "PLO", "OUH",
            "Sundhedsklynge", " Lillebælt", "x",
        ])) {
            let g = &*GAZETTEER;
            let t = text.trim().trim_end_matches([':', '.']);
            let covers = |m: &aho_corasick::Match, hay: &str| {
                m.start() == 0 && matches!(&hay[m.end()..], "" | "s")
            };
            let want = match automaton(g).find(t) {
                Some(m) if covers(&m, t) => Some(g.bodies[g.targets[m.pattern().as_usize()]].canonical),
                _ => g
                    .acronyms
                    .find(t)
                    .filter(|m| covers(m, t))
                    .map(|m| g.bodies[g.acronym_targets[m.pattern().as_usize()]].canonical),
            };
            proptest::prop_assert_eq!(whole(&text), want);
        }
    }

    #[test]
    fn whole_names() {
        assert_eq!(whole("Randers Kommune"), Some("Randers Kommune"));
        assert_eq!(whole("randers kommunes"), Some("Randers Kommune"));
        assert_eq!(whole("Randers KommuneS"), None);
        assert_eq!(
            whole("Psykiatrien Region Midtjylland"),
            Some("Psykiatrien Region Midtjylland")
        );
        assert_eq!(whole("Thomas Krarup, Randers Kommune"), None);
        assert_eq!(whole("Almen Praksis"), None);
    }
}
