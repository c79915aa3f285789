//! People: who took part in the meeting, and who is named in each item.
//!
//! Takes the document's blocks and its items, gives the meeting's
//! participants and each item's people, each with the block range of the
//! line that names them. The layouts of the genre:
//!
//! - a label line (`Mødedeltagere:`, `Deltagere:`, `Gæster:`, `Afbud:`,
//!   `Fraværende:`, `Faciliteret af:`) with names after the colon or on the
//!   lines below, checkboxes (`[x]`) and bullets allowed;
//! - an item titled `Mødedeltagere`: organisation lines, each followed by
//!   `Name, title` lines, `(afbud)` marking those absent, `Sekretariat`;
//! - bullets `- Name, Title, Department, Organisation` after a sentence that
//!   invites them (`På mødet er inviteret ...`): guests;
//! - multi-line blocks of name / title / organisation;
//! - `X er mødeleder.`; in running text `oplæg ved Name (title organisation)`.
//!
//! Lists in the document's head or in a participants item are the
//! meeting's; lists and mentions inside other items are that item's people.
//!
//! ```
//! use referat::people::parse_line;
//! let p = parse_line("Thomas Clausen, praktiserende læge og praksiskoordinator (afbud)", true).unwrap();
//! assert_eq!(p.name, "Thomas Clausen");
//! assert_eq!(p.title.as_deref(), Some("praktiserende læge og praksiskoordinator"));
//! assert!(p.absent);
//! ```

use crate::blocks::{Block, BlockKind};
use crate::lexicon;
use crate::lexicon::WordSet;
use crate::orgs;
use crate::segment::ItemSeg;
use crate::span;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

const FIRST_NAMES: &str = include_str!("../data/first_names.txt");

static FIRST: LazyLock<WordSet<String>> = LazyLock::new(|| {
    FIRST_NAMES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
});

/// Words that are never part of a person's name: organisations, places of
/// work, headings, weekdays, common title words (and the months,
/// [`lexicon::MONTH_NAMES`]).
const NOT_NAME: &[&str] = &[
    "kommune",
    "kommunes",
    "region",
    "regionen",
    "sygehus",
    "hospital",
    "hospitalet",
    "regionshospitalet",
    "regionshospital",
    "klynge",
    "klyngen",
    "sundhedsklynge",
    "psykiatrien",
    "psykiatri",
    "afdeling",
    "afdelingen",
    "praksis",
    "almen",
    "udvalg",
    "udvalget",
    "beslutning",
    "sagsfremstilling",
    "indstilling",
    "bilag",
    "punkt",
    "referat",
    "dagsorden",
    "møde",
    "mødet",
    "danske",
    "regioner",
    "sundhedsstyrelsen",
    "team",
    "center",
    "centret",
    "gruppe",
    "styregruppe",
    "sekretariat",
    "sekretariatet",
    "direktør",
    "chef",
    "leder",
    "konsulent",
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
    "godkendt",
    "orientering",
    "eventuelt",
    "velkomst",
    "status",
    "projekt",
    "kontakt",
    "tlf",
    "mail",
    "e-mail",
    "telefon",
    "adresse",
    "vej",
    "gade",
    "plads",
    "alle",
    "der",
    "det",
    "den",
    "de",
    "og",
    "i",
    "på",
    "for",
    "med",
    "til",
    "af",
    "fra",
    "om",
];

/// [`NOT_NAME`] and the months, lower case.
static NOT_NAME_SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| {
    NOT_NAME
        .iter()
        .chain(&lexicon::MONTH_NAMES)
        .copied()
        .collect()
});

fn name_token_ok(t: &str) -> bool {
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    // An initial: `M.` or `K.`
    if t.len() <= 3 && t.ends_with('.') {
        return true;
    }
    let rest = chars.as_str();
    !rest.is_empty()
        && rest.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        // `PLO`, `KEU`: an acronym is not a name.
        && rest.chars().any(char::is_lowercase)
        && {
            let mut buf = [0; 24];
            let lower = span::lower_on_stack(t, &mut buf);
            !NOT_NAME_SET.contains(&*lower)
        }
}

/// Whether `s` looks like a person's name: two to five capitalised words
/// (initials allowed inside), none of them an organisation, heading or
/// title word. `strict` also asks that the first name be a known Danish
/// first name (`data/first_names.txt`), as running text needs.
pub fn is_name(s: &str, strict: bool) -> bool {
    // Up to five words, kept on the stack: this runs on every line of a
    // participants list and on every capitalised pair of words in text.
    let mut tokens = [""; 5];
    let mut n = 0;
    for t in s.split_whitespace() {
        if n == tokens.len() || !name_token_ok(t) {
            return false;
        }
        tokens[n] = t;
        n += 1;
    }
    if n < 2 || tokens[n - 1].ends_with('.') {
        return false;
    }
    // The first-name test before the gazetteer's: most capitalised pairs
    // in running text fail it, and it copies nothing for an ASCII name.
    // A double name by its first part (`Anna-Lis`, `Hans-Jørgen`).
    let first_known = || {
        let first = tokens[0].split('-').next().unwrap_or("");
        FIRST.contains(&*span::lower_on_stack(first, &mut [0; 24]))
    };
    (!strict || first_known()) && orgs::whole(s).is_none()
}

/// A person as read from one line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoundPerson {
    /// The name as written.
    pub name: String,
    /// The job title, when the line gives one.
    pub title: Option<String>,
    /// The organisation: canonical when the gazetteer knows it.
    pub organisation: Option<String>,
    /// The political party as written (`A`, `DF`, `Socialdemokratiet`).
    pub party: Option<String>,
    /// `mødeleder`, `formand`, `næstformand`, `referent`, `sekretariat`, `gæst`, `suppleant`.
    pub role: Option<String>,
    /// Marked `(afbud)`, `(fraværende)` or listed as absent.
    pub absent: bool,
}

fn role_word(s: &str) -> Option<&'static str> {
    // `(mødeleder og referent)`: the first role named.
    let lower = s.trim().trim_end_matches('.').to_lowercase();
    if lower.split_whitespace().count() > 1 {
        return lower
            .split(|c: char| !c.is_alphabetic())
            .find_map(role_of_lower);
    }
    role_of_lower(&lower)
}

/// [`role_word`] of one word in lower case.
fn role_of_lower(lower: &str) -> Option<&'static str> {
    match lower {
        "mødeleder" | "ordstyrer" => Some("mødeleder"),
        "formand" | "forperson" => Some("formand"),
        "næstformand" | "næstforperson" => Some("næstformand"),
        "suppleant" | "stedfortræder" => Some("suppleant"),
        "referent" => Some("referent"),
        "sekretariat" | "sekretær" => Some("sekretariat"),
        "gæst" => Some("gæst"),
        _ => None,
    }
}

fn absent_word(s: &str) -> bool {
    matches!(
        s.trim().to_lowercase().as_str(),
        "afbud"
            | "fraværende"
            | "fravær"
            | "ikke til stede"
            | "meldt afbud"
            | "fraværende med afbud"
            | "deltog ikke"
    )
}

/// Whether a part of a line names an organisation (`Sygehus Lillebælt`,
/// `Børne- og Ungeafdelingen` is a department, not one).
fn org_like(s: &str) -> bool {
    static ORG_WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)kommune|region|sygehus|hospital|psykiatri|universitet|styrelse|ministeri|klynge|(?-u:\b)PLO(?-u:\b)|(?-u:\b)KL(?-u:\b)|forening|organisation").unwrap()
    });
    orgs::whole(s).is_some() || (ORG_WORD.is_match(s) && s.split_whitespace().count() <= 6)
}

/// Whether a part of a line has the shape of an organisation the
/// gazetteer does not know, never of a title: a digit (`4BC`,
/// `OS2-sekretariatet`), a company's form (`Netcompany A/S`, `Dansk
/// Data ApS`), or a secretariat's or community's name in its definite form.
fn org_shaped(s: &str) -> bool {
    let lower = s.trim().to_lowercase();
    s.bytes().any(|b| b.is_ascii_digit())
        || [
            " a/s",
            " aps",
            " i/s",
            " p/s",
            "sekretariatet",
            "fællesskabet",
        ]
        .iter()
        .any(|end| lower.ends_with(end))
}

fn canonical_org(s: &str) -> String {
    orgs::whole(s).map_or_else(|| s.trim().to_string(), str::to_string)
}

/// Strips list markup: bullets and checkboxes.
fn strip_marks(line: &str) -> &str {
    let mut l = span::trim(line);
    loop {
        // Most lines open with no mark: none of them is tried.
        if !l.starts_with(['-', '*', '•', '[']) {
            return l;
        }
        let before = l;
        for p in ["- ", "* ", "• ", "[x] ", "[X] ", "[ ] ", "[x]", "[ ]"] {
            l = l.strip_prefix(p).unwrap_or(l).trim_start();
        }
        if l == before {
            return l;
        }
    }
}

/// Whether `s` is a party's letters (`V`, `DF`, `Ø`, `ALT`): up to three
/// capitals that name no organisation (`KL`, `PLO` do).
fn party_letters(s: &str) -> bool {
    s.chars().count() <= 3 && s.chars().all(char::is_uppercase) && orgs::whole(s).is_none()
}

/// The names of the Danish parties in the Folketing, regional and municipal
/// councils (lower case), and some of their common short forms.
const PARTY_NAMES: [&str; 24] = [
    "socialdemokratiet",
    "socialdemokraterne",
    "venstre",
    "radikale venstre",
    "det radikale venstre",
    "radikale",
    "det konservative folkeparti",
    "konservative folkeparti",
    "de konservative",
    "konservative",
    "socialistisk folkeparti",
    "sf",
    "enhedslisten",
    "dansk folkeparti",
    "liberal alliance",
    "nye borgerlige",
    "alternativet",
    "kristendemokraterne",
    "danmarksdemokraterne",
    "moderaterne",
    "slesvigsk parti",
    "borgernes parti",
    "frie grønne",
    "lokallisten",
];

/// Whether `s` is a party: its letters ([`party_letters`]) or its name
/// ([`PARTY_NAMES`], ASCII letters in any case), compared by length first.
pub(crate) fn is_party(s: &str) -> bool {
    party_letters(s)
        || PARTY_NAMES
            .iter()
            .any(|p| p.len() == s.len() && p.eq_ignore_ascii_case(s))
}

/// `text` less its trailing parentheticals, read into `p` (`(afbud)`
/// absent, `(Mødeleder)` a role, `(V)` a party: nothing) or, when none of
/// these, kept in `extras` (innermost first).
fn strip_parentheticals<'t>(
    mut text: &'t str,
    p: &mut FoundPerson,
    extras: &mut Vec<String>,
) -> &'t str {
    while text.ends_with(')') {
        let Some(open) = text.rfind('(') else { break };
        let inner = text[open + 1..text.len() - 1].trim();
        if absent_word(inner) {
            p.absent = true;
        } else if let Some(r) = role_word(inner) {
            p.role = Some(r.to_string());
        } else if is_party(inner) {
            p.party.get_or_insert_with(|| inner.to_string());
        } else {
            extras.push(inner.to_string());
        }
        text = text[..open].trim_end();
    }
    text
}

/// Reads one `Name, title, ..., organisation (afbud)` line. `strict` asks
/// for a known first name.
pub fn parse_line(line: &str, strict: bool) -> Option<FoundPerson> {
    let l = strip_marks(line).trim_end_matches(['.', ';']).trim_end();
    let mut p = FoundPerson::default();
    let mut extras: Vec<String> = Vec::new();
    // Trailing parentheticals: `(afbud)`, `(Mødeleder)`, `(V)`, `(title)`.
    let l = strip_parentheticals(l, &mut p, &mut extras);
    let (first, tail) = match l.split_once(',') {
        Some((first, tail)) => (first.trim(), Some(tail)),
        None => (l.trim(), None),
    };
    // `Karen Dam – Region Midtjylland`: a dash after the name parts it
    // from the rest as a comma does.
    let (first, after_dash) = match dash_split(first) {
        Some((name, after))
            if is_name(
                strip_parentheticals(name, &mut FoundPerson::default(), &mut Vec::new()),
                strict,
            ) =>
        {
            (name, Some(after))
        }
        _ => (first, None),
    };
    let parts = after_dash
        .into_iter()
        .chain(tail.into_iter().flat_map(|t| t.split(',').map(str::trim)));
    // The name's own: `Jens Jensen (A), formand`.
    let name = strip_parentheticals(first, &mut p, &mut extras);
    if !is_name(name, strict) {
        return None;
    }
    // `Sundhedschef Lise Berg`: a title before the name.
    let (title_before, name) = title_before_name(name);
    p.name = name.to_string();
    // Remarks (`deltog på Teams`, `flyttet til 7. september`): neither a
    // title nor an organisation.
    let remark = |x: &str| {
        let l = x.to_lowercase();
        x.chars().any(|c| c.is_ascii_digit())
            || x.split_whitespace().count() > 12
            || [
                "teams", "deltog", "online", "virtuel", "flyttet", "ændret", "kun ", "indtil",
            ]
            .iter()
            .any(|w| l.contains(w))
    };
    // `Norddjurs Kommune – deltog under punkt 1-3`: a remark after a dash.
    let parts = parts.map(|part| match dash_split(part) {
        Some((head, tail)) if remark(tail) => head,
        _ => part,
    });
    // `sundhed-, kultur- og omsorgsdirektør`: a comma after a suspended
    // compound does not end the part.
    let mut rest: Vec<String> = Vec::new();
    // A party after a comma (`Mikkel Bjørn, DF`, `Anne Holm,
    // Socialdemokratiet`) is not a title; letters after another part are a
    // department's (`Silkeborg Kommune, EJD`): neither.
    for (k, part) in parts.filter(|s| !s.is_empty()).enumerate() {
        if party_letters(part) {
            if k == 0 {
                p.party = Some(part.to_string());
            }
            continue;
        }
        if is_party(part) {
            p.party.get_or_insert_with(|| part.to_string());
            continue;
        }
        match rest.last_mut() {
            Some(prev) if prev.ends_with('-') => {
                prev.push_str(", ");
                prev.push_str(part);
            }
            _ => rest.push(part.to_string()),
        }
    }
    let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
    // `Jens Jensen (A), formand`: a role, not a title.
    let role_part = match rest.as_slice() {
        [one] if p.role.is_none() => role_of_lower(&one.to_lowercase()),
        _ => None,
    };
    match rest.as_slice() {
        [] => {}
        [one] if org_like(one) && orgs::whole(one).is_some() => {
            p.organisation = Some(canonical_org(one));
        }
        [one] if org_shaped(one) => p.organisation = Some(one.to_string()),
        [_] if role_part.is_some() => p.role = role_part.map(str::to_string),
        [title] => p.title = Some(title.to_string()),
        [title, .., last] => {
            p.title = Some(title.to_string());
            if org_like(last) {
                p.organisation = Some(canonical_org(last));
            }
        }
    }
    // Parentheticals, outermost last: an organisation, else a title;
    // remarks are neither.
    extras.retain(|x| !remark(x));
    if p.organisation.is_none()
        && let Some(i) = extras.iter().position(|x| orgs::whole(x).is_some())
    {
        p.organisation = Some(canonical_org(&extras.remove(i)));
    }
    if p.title.is_none()
        && let Some(x) = extras.pop()
    {
        // `(Medlem af Patientinddragelsesudvalget. Udpeget af ...)`: the first sentence.
        let first = x.split(". ").next().unwrap_or(&x).trim();
        split_title_org(first, &mut p);
    } else if let Some(t) = p.title.clone()
        && p.organisation.is_none()
    {
        split_title_org(&t, &mut p);
    }
    if p.title.is_none() {
        p.title = title_before.map(str::to_string);
    }
    Some(p)
}

/// `part` split at its first dash between spaces (`Karen Dam – Region
/// Midtjylland`): the text before and after it, both trimmed.
fn dash_split(part: &str) -> Option<(&str, &str)> {
    // One pass over the dashes' bytes (`-`, and the first byte of `–` and
    // `—`): most parts hold none, or only a name's hyphen.
    let b = part.as_bytes();
    memchr::memchr2_iter(b'-', 0xE2, b).find_map(|i| {
        let len = match &b[i..] {
            [b'-', ..] => 1,
            [0xE2, 0x80, 0x93 | 0x94, ..] => 3,
            _ => return None,
        };
        if i == 0 || b[i - 1] != b' ' || b.get(i + len) != Some(&b' ') {
            return None;
        }
        let (a, rest) = (part[..i].trim(), part[i + len..].trim());
        (!a.is_empty() && !rest.is_empty()).then_some((a, rest))
    })
}

/// How the job titles written before a name end (`sundhedschef`,
/// `overlæge`, `udviklingskonsulent`): a first word that ends otherwise is
/// a first name the list does not hold (`Ronni Mark Nielsen`).
const TITLE_ENDINGS: [&str; 26] = [
    "chef",
    "direktør",
    "leder",
    "læge",
    "konsulent",
    "plejerske",
    "formand",
    "koordinator",
    "medarbejder",
    "rådgiver",
    "terapeut",
    "specialist",
    "sekretær",
    "mester",
    "rådmand",
    "professor",
    "fuldmægtig",
    "assistent",
    "psykolog",
    "ansvarlig",
    "analytiker",
    "økonom",
    "jurist",
    "jordemoder",
    "repræsentant",
    "behandler",
];

/// A title before a name of three or more words (`Sundhedschef Lise
/// Berg`, `Overlæge Anne-Marie Nielsen`): a first word that ends as a
/// title does ([`TITLE_ENDINGS`]) and is no first name, before one that
/// is. The title and the name after it, or no title and the name whole.
fn title_before_name(name: &str) -> (Option<&str>, &str) {
    let known = |w: &str| {
        let first = w.split('-').next().unwrap_or("");
        FIRST.contains(&*span::lower_on_stack(first, &mut [0; 24]))
    };
    let mut words = name.split_whitespace();
    let (Some(first), Some(second), Some(_)) = (words.next(), words.next(), words.next()) else {
        return (None, name);
    };
    // The endings in small letters, as a capitalised title ends.
    let titled = TITLE_ENDINGS.iter().any(|e| first.ends_with(e));
    if !titled || known(first) || !known(second) {
        return (None, name);
    }
    let at = second.as_ptr() as usize - name.as_ptr() as usize;
    (Some(first), &name[at..])
}

/// `forbedringskonsulent Sygehus Lillebælt`: a title ending in a known body.
fn split_title_org(text: &str, p: &mut FoundPerson) {
    let found = orgs::organisations(text);
    if let [org] = found.as_slice() {
        // Where the body's name begins: the first capitalised word that starts it.
        for (i, _) in text.match_indices(' ') {
            let tail = &text[i + 1..];
            if orgs::whole(tail) == Some(*org) {
                let title = text[..i].trim_end_matches([',', ' ']);
                // `medlem af bestyrelsen for PLO Midt` is a title as a whole;
                // `Cheflæge på ... Sygehus Lillebælt` names where they work.
                if [" for", " af", " i"].iter().any(|p| title.ends_with(p)) {
                    break;
                }
                for prep in [" på", " ved", " hos"] {
                    if let Some(t) = title.strip_suffix(prep) {
                        p.title = Some(t.to_string());
                        p.organisation = Some(org.to_string());
                        return;
                    }
                }
                p.title = Some(title.to_string());
                p.organisation = Some(org.to_string());
                return;
            }
        }
        if orgs::whole(text).is_some() {
            p.title = None;
            p.organisation = Some(org.to_string());
            return;
        }
    }
    p.title = Some(text.to_string());
}

/// A label that opens a list of people, and what it says of them.
struct Label {
    absent: bool,
    role: Option<&'static str>,
    /// Names after the colon on the same line.
    inline: String,
    /// The line ends with a colon after its names: a list follows.
    opens_list: bool,
}

/// A label and what follows it on its line ([`LABEL`] without the rest).
const LABEL_HEAD_PATTERN: &str = r"(?i)^(?:#+\s*)?(?P<l>mødedeltagere|deltagere(?:\s+i\s+[\p{L} -]+)?|deltager(?:e)?liste|til stede|tilstede|fremmødte|tilstedeværende|medlemmer|gæster|inviterede|afbud(?:\s+fra)?|meldt\s+afbud|fraværende(?:\s+med\s+afbud)?|ikke til stede|faciliteret af|referent|mødeleder|formand|sekretariat|[\p{L} ]+\s+deltager)\s*:?\s*";

static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{LABEL_HEAD_PATTERN}(?P<rest>.*)$")).unwrap());
static LABEL_HEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(LABEL_HEAD_PATTERN).unwrap());

/// [`LABEL`]'s label and rest in `line` (see
/// [`crate::caseless::captures_head_rest`]: `.*$` matches a rest with no
/// line break).
fn label_parts(line: &str) -> Option<(&str, &str)> {
    let (c, rest) =
        crate::caseless::captures_head_rest(&LABEL, &LABEL_HEAD, line, |r| !r.contains('\n'))?;
    Some((c.name("l").unwrap().as_str(), rest))
}

/// The label words [`LABEL`] can open a line with, but those with `æ` or
/// `ø` ([`LABEL_OPENINGS_DA`]) and those that hold `deltager` (searched for
/// in the line's first words); [`openings_of`] gives them by first letter
/// (a test holds the two to each other).
#[cfg(test)]
const LABEL_OPENINGS: [&str; 11] = [
    "til stede",
    "tilstede",
    "medlemmer",
    "meldt",
    "inviterede",
    "afbud",
    "ikke til stede",
    "faciliteret af",
    "referent",
    "formand",
    "sekretariat",
];

/// The label words with `æ` or `ø` that hold no `deltager` and open with
/// no word of [`LABEL_OPENINGS`] (`tilstedeværende` opens with
/// `tilstede`).
#[cfg(test)]
const LABEL_OPENINGS_DA: [&str; 4] = ["fremmødte", "gæster", "fraværende", "mødeleder"];

/// Whether `bytes` opens with `word` (lower case) in any case: ASCII
/// letters, and `æ`, `ø` (`Æ`, `Ø` differ from them in their second byte's
/// `0x20` bit alone).
fn opens_with_da(bytes: &[u8], word: &str) -> bool {
    let word = word.as_bytes();
    bytes.get(..word.len()).is_some_and(|h| {
        let mut after_lead = false;
        h.iter().zip(word).all(|(&a, &b)| {
            let same = if after_lead {
                a | 0x20 == b
            } else {
                a.eq_ignore_ascii_case(&b)
            };
            after_lead = b == 0xc3;
            same
        })
    })
}

/// Whether `bytes` holds a letter that `(?i)` folds to an ASCII letter:
/// `ſ` (U+017F, to `s`) or the Kelvin sign (U+212A, to `k`).
fn holds_folding_letter(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(0xc5, 0xe2, bytes).any(|i| {
        let after = &bytes[i + 1..];
        after.starts_with(&[0xbf]) || after.starts_with(&[0x84, 0xaa])
    })
}

/// Whether [`LABEL`] can match `line` (trimmed). After its `#` marks, the
/// line opens with a label word in any case ([`openings_of`] its first
/// letter: ASCII, or with `æ`, `ø`), or its first bytes hold a letter
/// `(?i)` folds to an ASCII one (`ſ`, the Kelvin sign: the pattern is left
/// such lines), or it holds `deltager` before anything but letters and
/// white space (the alternatives with `deltager` have only those before
/// it: `Deltagere i ...`, `Fra kommunerne deltager`). Most lines are none
/// of these, and the anchored pattern with its capture of the rest ran over
/// each of them.
fn may_be_label(line: &str) -> bool {
    let rest = line.trim_start_matches('#');
    let rest = if rest.len() < line.len() {
        rest.trim_start()
    } else {
        rest
    };
    let bytes = rest.as_bytes();
    // A label word is at most 15 characters of at most 3 bytes.
    let head = &bytes[..bytes.len().min(48)];
    let (ascii, da) = openings_of(bytes.first().map_or(0, u8::to_ascii_lowercase));
    let opens = ascii.iter().any(|w| {
        bytes
            .get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
    });
    if opens
        || !head.is_ascii()
            && (da.iter().any(|w| opens_with_da(bytes, w)) || holds_folding_letter(head))
    {
        return true;
    }
    // `deltager` in any case with only letters and white space before it:
    // one inside the line's opening run of letters and white space (it is
    // letters itself), most often a few words long. The run is taken
    // eight bytes at a time (`opening_run`), up to ASCII that is neither
    // (characters outside ASCII are let in: a longer run is only a line
    // more to search).
    let run = &bytes[..opening_run(bytes)];
    memchr::memchr2_iter(b'd', b'D', run).any(|i| {
        run.get(i..i + 8)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"deltager"))
    })
}

/// The length of the opening run of `bytes` that holds no ASCII byte but
/// letters and white space (`\t`–`\r`, space): the offset of the first
/// ASCII byte that is neither, found eight bytes at a time.
fn opening_run(bytes: &[u8]) -> usize {
    let high = span::splat(0x80);
    // ASCII bytes that are neither letters nor white space.
    let flags = move |w: u64| {
        !w & high & !span::ascii_letter_flags(w) & !span::ascii_space_flags(w & !high)
    };
    // The flags are exact; the check tells the last bytes one by one.
    let stops = |k: usize| {
        let b = bytes[k];
        b.is_ascii() && !(b.is_ascii_alphabetic() || span::is_space(b))
    };
    span::flagged(bytes, 0, flags, stops)
        .next()
        .unwrap_or(bytes.len())
}

/// The words of [`LABEL_OPENINGS`] and of [`LABEL_OPENINGS_DA`] that open
/// with `first` (a lower-case letter): a line is compared with those of
/// its first letter alone.
fn openings_of(first: u8) -> (&'static [&'static str], &'static [&'static str]) {
    match first {
        b'a' => (&["afbud"], &[]),
        b'f' => (&["faciliteret af", "formand"], &["fremmødte", "fraværende"]),
        b'g' => (&[], &["gæster"]),
        b'i' => (&["inviterede", "ikke til stede"], &[]),
        b'm' => (&["medlemmer", "meldt"], &["mødeleder"]),
        b'r' => (&["referent"], &[]),
        b's' => (&["sekretariat"], &[]),
        b't' => (&["til stede", "tilstede"], &[]),
        _ => (&[], &[]),
    }
}

fn label(line: &str) -> Option<Label> {
    let line = line.trim();
    if !may_be_label(line) {
        return None;
    }
    let (l, rest) = label_parts(line)?;
    let l = l.to_lowercase();
    // `Faciliteret af Jesper Buchhardt:`: names, and a list after them.
    let rest = rest.trim();
    let opens_list = rest.ends_with(':');
    let rest = rest.trim_end_matches(':').trim_end();
    // `Deltagere: Op til 30 pr. hold` is a course description, not a list.
    if !rest.is_empty()
        && !rest.split([',', ';']).any(|n| {
            is_name(
                strip_marks(n)
                    .split(" og ")
                    .next()
                    .unwrap_or("")
                    .split('(')
                    .next()
                    .unwrap_or("")
                    .trim(),
                false,
            )
        })
    {
        return None;
    }
    // A sentence that only starts like a label is not one.
    if rest.is_empty() && !line.trim_end().ends_with(':') && l.split_whitespace().count() > 3 {
        return None;
    }
    Some(Label {
        absent: l.contains("afbud") || l.starts_with("fraværende") || l == "ikke til stede",
        role: match l.as_str() {
            "gæster" | "inviterede" => Some("gæst"),
            "referent" => Some("referent"),
            "mødeleder" => Some("mødeleder"),
            "formand" => Some("formand"),
            "sekretariat" => Some("sekretariat"),
            _ => None,
        },
        inline: rest.to_string(),
        opens_list,
    })
}

/// The roles a chair line names (`næstformand` holds `formand`).
const CHAIR_ROLES: &[&str] = &[
    "mødeleder",
    "formand",
    "næstformand",
    "referent",
    "ordstyrer",
];

/// Any of [`CHAIR_ROLES`]: one search of a line instead of one per role
/// (`str::contains` builds a searcher per call, which costs more than the
/// search itself on a short line), with a packed literal searcher set up
/// once (a regex of the words cost ~400 instructions a call to set up its
/// search, over 70,000 blocks of the 12 MB corpus).
static CHAIR_ROLE_ANY: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
    aho_corasick::packed::Searcher::new(CHAIR_ROLES).expect("a packed searcher for five words")
});

static CHAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<n>[A-ZÆØÅ][\p{{L}}.-]+(?:\s+[A-ZÆØÅ][\p{{L}}.-]+){{1,4}})\s+(?:er|var)\s+(?P<r>{})(?-u:\b)",
        CHAIR_ROLES.join("|")
    ))
    .unwrap()
});

/// `oplæg ved Maria Staun (forbedringskonsulent Sygehus Lillebælt)`,
/// `Velkomst v. Hanne Andersen`, `oplæg ved Kim Houllind, Cheflæge på ...`:
/// a cue word and a name ([`MENTION_HEAD`]), then perhaps a title in
/// brackets or after a comma ([`MENTION_TAIL_PATTERN`]).
const MENTION_HEAD_PATTERN: &str = r"(?:(?-u:\b)ved|(?-u:\b)v\.|(?-u:\b)af|(?-u:\b)med|(?-u:\b)fra|(?-u:\b)kontaktperson:?|(?-u:\b)projektansvarlig:?)\s+(?P<n>[A-ZÆØÅ][\p{L}'-]+(?:\s+(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][\p{L}'-]+)){1,4})";
/// The tail, read by hand ([`tail_at`]); the tests hold the reading to
/// the pattern.
#[cfg(test)]
const MENTION_TAIL_PATTERN: &str =
    r"(?:\s*\((?P<p>[^)]{1,120})\)|,\s*(?P<t>[^,;()\n]{2,80})(?:,\s*(?P<o>[^,;()\n]{2,60}))?)";

/// The cue and the name. The tail is read on its own, only after a name
/// ([`tail_at`]): its counted repetitions made the lazy DFA of one pattern
/// for both build states for most of its run over a line.
#[cfg(test)]
static MENTION_HEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(MENTION_HEAD_PATTERN).unwrap());
/// [`MENTION_HEAD`] anchored at the start of a text, without its `\b`
/// before the cue (which needs the text before: [`mention_starts`] checks
/// it).
static MENTION_HEAD_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "^{}",
        MENTION_HEAD_PATTERN.replace(r"(?-u:\b)", "")
    ))
    .unwrap()
});
/// A mention: the cue's start, the name's range, and its tail.
struct Mention<'h> {
    start: usize,
    name: Range<usize>,
    tail: Option<Tail<'h>>,
}

/// A mention's tail ([`MENTION_TAIL_PATTERN`]'s groups): a title in
/// brackets (`p`), or after a comma a title (`t`) and perhaps an
/// organisation after another (`o`); `end` is the match's length.
struct Tail<'h> {
    p: Option<&'h str>,
    t: Option<&'h str>,
    o: Option<&'h str>,
    end: usize,
}

/// The match of [`MENTION_TAIL_PATTERN`] at the start of `rest`, read by
/// hand (the pattern's bounded repeats made its captures thousands of
/// instructions a mention): white space and a bracket of 1–120 characters
/// up to the first `)`; else a comma, then [`class_run`]s for the title
/// and, after another comma, the organisation.
fn tail_at(rest: &str) -> Option<Tail<'_>> {
    let ws = rest.len() - rest.trim_start().len();
    if let Some(inner) = rest[ws..].strip_prefix('(') {
        for (n, (i, c)) in inner.char_indices().enumerate() {
            if c == ')' {
                return (n >= 1).then(|| Tail {
                    p: Some(&inner[..i]),
                    t: None,
                    o: None,
                    end: ws + 1 + i + 1,
                });
            }
            if n == 120 {
                break;
            }
        }
        // The other branch opens with a comma, not white space or `(`.
        return None;
    }
    let after = rest.strip_prefix(',')?;
    let t = class_run(after, 2, 80)?;
    let mut end = 1 + t.end;
    let mut o = None;
    if let Some(more) = after[t.end..].strip_prefix(',')
        && let Some(r) = class_run(more, 2, 60)
    {
        end = 1 + t.end + 1 + r.end;
        o = Some(&more[r]);
    }
    Some(Tail {
        p: None,
        t: Some(&after[t]),
        o,
        end,
    })
}

/// Where `\s*(?P<x>[^,;()\n]{min,max})` matches at the start of `s`, the
/// group's range: the white space is taken greedily and given back a
/// character at a time (white space but `\n` is in the class) until the
/// group has `min` characters; the group takes up to `max`.
fn class_run(s: &str, min: usize, max: usize) -> Option<Range<usize>> {
    let run = |start: usize| {
        let mut n = 0;
        let mut end = start;
        for (i, c) in s[start..].char_indices() {
            if n == max || matches!(c, ',' | ';' | '(' | ')' | '\n') {
                break;
            }
            n += 1;
            end = start + i + c.len_utf8();
        }
        (n >= min).then_some(start..end)
    };
    let ws = s.len() - s.trim_start().len();
    run(ws).or_else(|| s[..ws].char_indices().rev().find_map(|(i, _)| run(i)))
}

/// The matches of `MENTION_HEAD` + `MENTION_TAIL_PATTERN?` in `text`, exactly as
/// one pattern of both would find them: the name's repetitions are greedy
/// and an optional tail never gives any back, so the head's match is the
/// combined one's name, the tail is matched where the name ends, and the
/// next search starts after the tail. The head is matched only where one
/// can start ([`mention_starts`]): from the first of those after the last
/// match, the first that the head matches at is the leftmost match.
fn mention_matches(text: &str) -> Vec<Mention<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for start in mention_starts(text) {
        if start < at {
            continue;
        }
        let Some(m) = MENTION_HEAD_AT.find(&text[start..]) else {
            continue;
        };
        let name = start + name_start(m.as_str())..start + m.end();
        let tail = tail_at(&text[name.end..]);
        at = name.end + tail.as_ref().map_or(0, |t| t.end);
        out.push(Mention { start, name, tail });
    }
    out
}

/// Where the name (group `n`) starts in a match of [`MENTION_HEAD_AT`],
/// which it ends: after the cue (no white space in it) and the white
/// space after the cue (the name opens with a capital). Read from the
/// match, without the captures' engine (thousands of instructions a
/// mention).
fn name_start(head: &str) -> usize {
    let cue = head.find(char::is_whitespace).unwrap_or(head.len());
    head.len() - head[cue..].trim_start().len()
}

/// The words [`MENTION_HEAD`] opens with.
const MENTION_CUES: [&str; 7] = [
    "ved",
    "v.",
    "af",
    "med",
    "fra",
    "kontaktperson",
    "projektansvarlig",
];

/// Where a [`MENTION_HEAD`] match may start in `text`, in order: a
/// [`MENTION_CUES`] word at the start of an ASCII word (the pattern's
/// `(?-u:\b)`), then perhaps a colon, white space and a capital (`A`–`Z`,
/// `Æ`, `Ø`, `Å`). Every match starts at one (the capital opens its
/// name). Found from the capitals, as most follow a word that is no cue:
/// many times cheaper than the pattern's search for its cues (`af`, `med`
/// stand in every sentence) over each of a document's lines.
fn mention_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    capitals_after_space(bytes).filter_map(move |i| {
        // White space before: the byte before is ASCII white space, or
        // one outside ASCII ([`capitals_after_space`]), whose character is
        // decoded.
        if !span::is_space(bytes[i - 1]) && !text[..i].ends_with(char::is_whitespace) {
            return None;
        }
        // Most capitals follow a word that ends with none of the cues'
        // last letters: settled without trimming and comparing.
        let last = bytes[..i].iter().rev().find(|&&b| !span::is_space(b));
        if matches!(last, Some(b) if b.is_ascii() && !b"d.fang:".contains(b)) {
            return None;
        }
        let before = text[..i].trim_end();
        let before = before.strip_suffix(':').unwrap_or(before);
        let cue = MENTION_CUES.iter().find(|cue| before.ends_with(*cue))?;
        let start = before.len() - cue.len();
        let word_before =
            start > 0 && matches!(bytes[start - 1], b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' | b'_');
        (!word_before).then_some(start)
    })
}

/// Whether `bytes[i]` opens a capital `A`–`Z`, `Æ`, `Ø` or `Å`.
fn capital_at(bytes: &[u8], i: usize) -> bool {
    bytes[i].is_ascii_uppercase()
        || bytes[i] == 0xC3 && matches!(bytes.get(i + 1), Some(0x86 | 0x98 | 0x85))
}

/// Whether `bytes[i - 1]` may end white space: an ASCII white space byte,
/// or a byte outside ASCII (the last of a character, perhaps a space).
fn after_space_or_wide(bytes: &[u8], i: usize) -> bool {
    i >= 1 && (span::is_space(bytes[i - 1]) || !bytes[i - 1].is_ascii())
}

/// The offsets where [`capital_at`] holds after [`after_space_or_wide`],
/// in order: eight bytes at a time to the bytes `A`–`Z` (told exactly) and
/// `C3` (the lead byte of `Æ`, `Ø`, `Å`; perhaps a byte after one too)
/// that follow a byte of white space or one outside ASCII, each then
/// checked. A name opens after white space: the capitals inside words
/// (`KL`, `ApS`) and the small Danish letters (`C3` too) are passed over
/// without a check each.
fn capitals_after_space(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let high = span::splat(0x80);
    let flags = move |w: u64, before: u64| {
        // Each byte's low seven bits plus a constant set its high bit from
        // `A` (0x41) on and from past `Z` (0x5B) on, with no carry into
        // the next byte.
        let x = w & !high;
        let from_a = (x + span::splat(0x80 - 0x41)) & high;
        let past_z = (x + span::splat(0x80 - 0x5B)) & high;
        let capital = (from_a & !past_z & !w) | span::bytes_equal(w, 0xC3);
        let spaced = (span::ascii_space_flags(before & !high) & !before) | (before & high);
        capital & spaced
    };
    span::flagged_with_before(bytes, 0, flags, move |k| {
        capital_at(bytes, k) && after_space_or_wide(bytes, k)
    })
}

/// People named in running text (strict names only).
pub fn mentions(text: &str) -> Vec<(FoundPerson, Range<usize>)> {
    let mut out: Vec<(FoundPerson, Range<usize>)> = Vec::new();
    for m in mention_matches(text) {
        // The cue's ASCII `\b` (the Unicode one leaves the regex engine's
        // fast path) also sees one after `æ`: `påved` is no cue.
        if text[..m.start].ends_with(char::is_alphabetic) {
            continue;
        }
        let n = &text[m.name.clone()];
        if !is_name(n, true) {
            continue;
        }
        let mut p = FoundPerson {
            name: n.to_string(),
            ..FoundPerson::default()
        };
        let tail = m.tail.as_ref();
        if let Some(x) = tail.and_then(|c| c.p.or(c.t)) {
            // The title ends with its sentence (`tidl. overlæge` keeps its dot).
            let x = x.trim();
            let end = x
                .match_indices(". ")
                .find(|(i, _)| x[i + 2..].starts_with(char::is_uppercase))
                .map_or(x.len(), |(i, _)| i);
            let x = x[..end].trim_end_matches('.');
            // `(kl. 13:30-13:35)` is a time slot, `(DF)` a party: neither
            // is a title.
            if is_party(x) {
                p.party = Some(x.to_string());
            } else if !x.chars().any(|ch| ch.is_ascii_digit())
                && !x.to_lowercase().starts_with("kl")
            {
                split_title_org(x, &mut p);
            }
            if let Some(o) = tail.and_then(|c| c.o)
                && p.organisation.is_none()
                && orgs::whole(o).is_some()
            {
                p.organisation = Some(canonical_org(o));
            }
        }
        out.push((p, m.name));
    }
    // Every chair line names its role: most lines skip the pattern.
    let chair = CHAIR_ROLE_ANY.find(text).is_some();
    for c in chair
        .then(|| CHAIR.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let n = c.name("n").unwrap();
        if is_name(n.as_str(), false) {
            out.push((
                FoundPerson {
                    name: n.as_str().to_string(),
                    role: role_word(&c["r"]).map(str::to_string),
                    ..FoundPerson::default()
                },
                n.range(),
            ));
        }
    }
    out
}

/// The people of a document: the meeting's and each item's, with the
/// block ranges (in the normalized text) of the lines naming them.
#[derive(Debug, Default)]
pub struct People {
    /// The meeting's participants.
    pub meeting: Vec<(FoundPerson, Range<usize>)>,
    /// For each item, the people named in it.
    pub items: Vec<Vec<(FoundPerson, Range<usize>)>>,
}

static PARTICIPANTS_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:mødedeltagere|deltagere|deltagerliste|til stede|fremmødte|tilstedeværende|fravær og deltagelse)(?-u:\b)").unwrap()
});
static INVITES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)inviteret|deltage|til stede|gæst").unwrap());

/// Adds a person, or merges into one of the same name already read (a
/// chair named again in `X er mødeleder.`).
fn add(list: &mut Vec<(FoundPerson, Range<usize>)>, p: FoundPerson, r: Range<usize>) {
    if let Some((q, _)) = list.iter_mut().find(|(q, _)| q.name == p.name) {
        q.role = q.role.take().or(p.role);
        q.title = q.title.take().or(p.title);
        q.organisation = q.organisation.take().or(p.organisation);
        q.absent |= p.absent;
        return;
    }
    list.push((p, r));
}

/// State of an open list of people.
struct ListState {
    absent: bool,
    role: Option<&'static str>,
    group_org: Option<String>,
    /// The last person came from a bare name line (a name / title /
    /// organisation block).
    last_bare: bool,
}

impl ListState {
    /// Marks `p` as the list's label says: absent, and its role where the
    /// line names none.
    fn mark(&self, p: &mut FoundPerson) {
        p.absent |= self.absent;
        if p.role.is_none() {
            p.role = self.role.map(str::to_string);
        }
    }
}

/// The columns of a participants table, found by the words of its header
/// (`Virksomhed/Afdeling | Navn | Init. | Tilstede`): where the name
/// stands, and the organisation, title and presence when named.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Columns {
    name: usize,
    organisation: Option<usize>,
    title: Option<usize>,
    present: Option<usize>,
}

/// The header words of a table's name column.
const NAME_HEADERS: [&str; 6] = [
    "navn",
    "name",
    "deltager",
    "deltagere",
    "medlem",
    "fulde navn",
];
/// Words in the header of an organisation column (`Virksomhed/Afdeling`).
const ORGANISATION_HEADERS: [&str; 8] = [
    "organisation",
    "virksomhed",
    "afdeling",
    "forvaltning",
    "kommune",
    "arbejdssted",
    "institution",
    "repræsenterer",
];
/// Words in the header of a title column.
const TITLE_HEADERS: [&str; 4] = ["titel", "stilling", "funktion", "rolle"];
/// The headers of a presence column (`Tilstede`: `X` or `-`).
const PRESENT_HEADERS: [&str; 5] = ["tilstede", "til stede", "deltog", "fremmødt", "fremmøde"];

impl Columns {
    /// The columns named by `cells`, a header row, when one of them is
    /// the name column's (`Navn`); each other column is taken by the
    /// first header that names it.
    fn of_header(cells: &[&str]) -> Option<Columns> {
        fn key<'a>(c: &&'a str) -> &'a str {
            c.trim_end_matches([':', '.']).trim()
        }
        // The name's headers are ASCII: told without lowering a row first
        // (most tables are not of people).
        let name = cells
            .iter()
            .position(|c| NAME_HEADERS.iter().any(|w| key(c).eq_ignore_ascii_case(w)))?;
        let lower: Vec<String> = cells.iter().map(|c| key(c).to_lowercase()).collect();
        let find = |words: &[&str], whole: bool| {
            lower.iter().position(|c| {
                words
                    .iter()
                    .any(|w| if whole { c == w } else { c.contains(w) })
            })
        };
        Some(Columns {
            name,
            organisation: find(&ORGANISATION_HEADERS, false),
            title: find(&TITLE_HEADERS, false),
            present: find(&PRESENT_HEADERS, true),
        })
    }

    /// The person of a row: the name cell read as a line (`Jesper
    /// Buchhardt`, `Mette Frost, konsulent`, or a title first: `Projektleder,
    /// Jesper Buchhardt`), then the organisation, title and presence from
    /// their columns. `None` when the name cell names no one.
    fn person(&self, cells: &[&str]) -> Option<FoundPerson> {
        let cell = |i: Option<usize>| {
            i.and_then(|i| cells.get(i))
                .copied()
                .filter(|c| !c.is_empty() && *c != "-")
        };
        let named = cell(Some(self.name))?;
        let mut p = match parse_line(named, false) {
            Some(p) => p,
            None => {
                let (title, name) = named.rsplit_once(',')?;
                let mut p = parse_line(name, false)?;
                p.title = Some(title.trim().to_string());
                p
            }
        };
        if let Some(o) = cell(self.organisation) {
            // `Silkeborg Kommune, EJD`: the known organisation before its
            // department, as in a table without a header; else the cell.
            let known = o.split(',').next().and_then(orgs::whole);
            p.organisation = Some(known.map_or_else(|| canonical_org(o), str::to_string));
        }
        if let Some(t) = cell(self.title) {
            match role_word(t) {
                Some(r) => p.role = Some(r.to_string()),
                None => p.title = Some(t.to_string()),
            }
        }
        if let Some(i) = self.present {
            let mark = cells.get(i).map_or("", |c| c.trim());
            p.absent |= mark == "-" || absent_word(mark) || mark.eq_ignore_ascii_case("nej");
        }
        Some(p)
    }
}

/// Reads the names on a label's line (`Afbud: Karin Berg, Jens Holm`) into
/// `out`, and gives the state of the list the label opens: none when names
/// follow it on its line and it does not end with a colon.
fn read_label(
    l: &Label,
    out: &mut Vec<(FoundPerson, Range<usize>)>,
    r: &Range<usize>,
) -> Option<ListState> {
    let st = ListState {
        absent: l.absent,
        role: l.role,
        group_org: None,
        last_bare: false,
    };
    let first = out.len();
    for name in list_names(&l.inline) {
        if let Some(mut p) = parse_line(name, false) {
            st.mark(&mut p);
            add(out, p, r.clone());
        } else if let Some(role) = role_word(name)
            && name.split_whitespace().count() == 1
            && out.len() > first
            && let Some((p, _)) = out.last_mut()
            && p.role.is_none()
        {
            // `Mette Hansen (A), formand, Lars Ege (V)`: the role of the
            // name before it.
            p.role = Some(role.to_string());
        }
    }
    (l.inline.is_empty() || l.opens_list).then_some(st)
}

/// The names of a list on one line (`Anne Holm, Per Lund og Ole Sand`):
/// its parts between commas, semicolons and `og`.
fn list_names(list: &str) -> impl Iterator<Item = &str> {
    list.split([',', ';']).flat_map(|n| n.split(" og "))
}

/// Reads the people of `blocks[range]` into `out`. `in_list` says the
/// range is a participants list from its first block on.
fn scan(
    blocks: &[Block],
    range: Range<usize>,
    in_list: bool,
    out: &mut Vec<(FoundPerson, Range<usize>)>,
) {
    let mut list: Option<ListState> = in_list.then_some(ListState {
        absent: false,
        role: None,
        group_org: None,
        last_bare: false,
    });
    let mut bullets_guests: Option<bool> = None;
    // The columns of the participants table being read, named by its
    // header, and whether the last line read was a table's.
    let mut columns: Option<Columns> = None;
    let mut after_table = false;
    for (k, b) in blocks[range.clone()].iter().enumerate() {
        let text = span::trim(&b.text);
        let r = b.start..b.end;
        if text.is_empty() {
            continue;
        }
        // A table opens after a line of another kind or a blank line.
        let table_row = b.kind == BlockKind::TableRow;
        let first_row = table_row && (b.blank_before || !after_table);
        after_table = table_row;
        if table_row {
            // A participants table: `Navn | Organisation | Init`, its
            // columns named by its header, or the name first.
            let all: Vec<&str> = span::split_byte(text, crate::tables::cell_separator(text))
                .map(str::trim)
                .collect();
            if first_row {
                columns = Columns::of_header(&all);
                if columns.is_some() {
                    continue;
                }
            }
            if let Some(c) = &columns {
                if let Some(mut p) = c.person(&all) {
                    if let Some(st) = &list {
                        st.mark(&mut p);
                    }
                    add(out, p, r);
                }
                continue;
            }
            let cells: Vec<&str> = all.into_iter().filter(|c| !c.is_empty()).collect();
            if let [key, value] = cells[..]
                && may_be_label(key)
                && let Some(l) = label(&format!("{key} {value}"))
            {
                // A meeting table's row `| Medlemmer: | names |`.
                list = read_label(&l, out, &r);
                continue;
            }
            if let Some(first) = cells.first()
                && let Some(mut p) = parse_line(first, list.is_none())
            {
                if let Some(st) = &list {
                    st.mark(&mut p);
                }
                p.organisation = cells[1..]
                    .iter()
                    .find_map(|c| c.split(',').next().and_then(orgs::whole))
                    .map(str::to_string);
                add(out, p, r);
            }
            continue;
        }
        if let Some(l) = label(text) {
            list = read_label(&l, out, &r);
            continue;
        }
        if let Some(st) = &mut list {
            let line = strip_marks(text);
            if let Some(mut p) = parse_line(line, false) {
                let bare = !line.contains([',', '(']);
                st.mark(&mut p);
                if p.organisation.is_none() {
                    p.organisation = st.group_org.clone();
                }
                st.last_bare = bare;
                add(out, p, r);
                continue;
            }
            // `Fra PLO: Jens Holt og Mette Rask`: an organisation's people
            // on its line.
            if let Some((head, names)) = line.split_once(':')
                && let org = head.trim().strip_prefix("Fra ").unwrap_or(head.trim())
                && org_like(org)
                && !names.trim().is_empty()
            {
                let group = canonical_org(org);
                let before = out.len();
                for name in list_names(names) {
                    if let Some(mut p) = parse_line(name, false) {
                        st.mark(&mut p);
                        p.organisation.get_or_insert_with(|| group.clone());
                        add(out, p, r.clone());
                    }
                }
                if out.len() > before {
                    st.group_org = Some(group);
                    st.last_bare = false;
                    continue;
                }
            }
            let words = line.split_whitespace().count();
            let sentence = line.ends_with('.') || words > 8;
            if !sentence && line.to_lowercase() == "sekretariat" {
                st.role = Some("sekretariat");
                st.group_org = None;
                continue;
            }
            if !sentence && org_like(line) {
                match out.last_mut() {
                    Some((p, _)) if st.last_bare && p.organisation.is_none() => {
                        p.organisation = Some(canonical_org(line));
                    }
                    _ => st.group_org = Some(canonical_org(line)),
                }
                continue;
            }
            if !sentence
                && st.last_bare
                && let Some((p, _)) = out.last_mut()
                && p.title.is_none()
            {
                p.title = Some(line.split(',').next().unwrap_or(line).trim().to_string());
                continue;
            }
            if !sentence
                && words <= 5
                && !matches!(b.kind, BlockKind::ListItem { .. })
                && !line.contains(':')
            {
                // An organisation or group heading: `Almen Praksis`.
                st.group_org = Some(line.to_string());
                st.role = None;
                continue;
            }
            // A bullet that names no one (`Martin Hansen / Michael Kjær
            // Maagaard, Kolding Kommune`, an empty checkbox) leaves the
            // list's other bullets to it; a sentence or another line ends it.
            let bullet = matches!(b.kind, BlockKind::ListItem { .. });
            if sentence || !in_list && !bullet {
                list = None;
            }
        }
        // Bullets of `Name, title, ...` after a sentence inviting them.
        if matches!(b.kind, BlockKind::ListItem { .. })
            && let Some(mut p) = parse_line(text, true)
            && (p.title.is_some() || p.organisation.is_some())
        {
            let guests = *bullets_guests.get_or_insert_with(|| {
                blocks[range.start..range.start + k]
                    .iter()
                    .rev()
                    .find(|x| !matches!(x.kind, BlockKind::ListItem { .. }))
                    .is_some_and(|x| INVITES.is_match(&x.text) && x.text.contains("inviteret"))
            });
            if guests && p.role.is_none() {
                p.role = Some("gæst".to_string());
            }
            add(out, p, r);
            continue;
        }
        if !matches!(b.kind, BlockKind::ListItem { .. }) {
            bullets_guests = None;
        }
        for (p, _) in mentions(text) {
            add(out, p, r.clone());
        }
    }
}

/// The meeting's participants and each item's people.
pub fn people(blocks: &[Block], items: &[ItemSeg], preamble: Range<usize>) -> People {
    let mut found = People::default();
    scan(blocks, preamble, false, &mut found.meeting);
    for it in items {
        let mut people = Vec::new();
        if PARTICIPANTS_TITLE.is_match(it.title.trim()) {
            let body = (it.blocks.start + 1).min(it.blocks.end)..it.blocks.end;
            scan(blocks, body, true, &mut found.meeting);
        } else {
            scan(blocks, it.blocks.clone(), false, &mut people);
            // Invited guests and a chair named in an item are the meeting's
            // too, and so is who gives the welcome (`Velkomst v. Hanne Andersen`).
            let head = &blocks[it.blocks.start];
            let welcome = it.title.to_lowercase().starts_with("velkomst");
            for (p, r) in &people {
                if matches!(p.role.as_deref(), Some("gæst" | "mødeleder"))
                    || (welcome && r.start == head.start)
                {
                    add(&mut found.meeting, p.clone(), r.clone());
                }
            }
        }
        found.items.push(people);
    }
    found
}

/// This stage's patterns and tables, each built on first use; built ahead
/// by [`crate::prepare`].
pub(crate) const PREPARE: &[fn()] = builders![
    FIRST,
    NOT_NAME_SET,
    LABEL,
    LABEL_HEAD,
    CHAIR_ROLE_ANY,
    CHAIR,
    MENTION_HEAD_AT,
    PARTICIPANTS_TITLE,
    INVITES,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A header names the columns by its words in any case; a row is read
    /// by them, and a row without a name gives no one.
    #[test]
    fn participants_table_columns() {
        assert_eq!(
            Columns::of_header(&["Navn", "Organisation", "Init."]).map(|c| c.name),
            Some(0)
        );
        assert_eq!(
            Columns::of_header(&[
                "",
                "Virksomhed/Afdeling",
                "NAVN:",
                "Stilling",
                "Til stede",
                ""
            ]),
            Some(Columns {
                name: 2,
                organisation: Some(1),
                title: Some(3),
                present: Some(4),
            })
        );
        // A row of people, or a header without a name column, is none.
        assert_eq!(Columns::of_header(&["Anna Berg", "Randers Kommune"]), None);
        assert_eq!(Columns::of_header(&["Navnet", "Organisation"]), None);

        let c = Columns::of_header(&["Organisation", "Navn", "Funktion", "Deltog"]).unwrap();
        let row = |cells: &[&str]| {
            c.person(cells)
                .map(|p| (p.name, p.title, p.organisation, p.role, p.absent))
        };
        assert_eq!(
            row(&["Randers Kommune, Sundhed", "Overlæge, Anna Berg", "", "Nej"]),
            Some((
                "Anna Berg".to_string(),
                Some("Overlæge".to_string()),
                Some("Randers Kommune".to_string()),
                None,
                true
            ))
        );
        assert_eq!(
            row(&["4BC", "Ole Dam (afbud)", "Mødeleder", "x"]),
            Some((
                "Ole Dam".to_string(),
                None,
                Some("4BC".to_string()),
                Some("mødeleder".to_string()),
                true
            ))
        );
        assert_eq!(row(&["4BC", "-", "Konsulent", "x"]), None);
        assert_eq!(row(&["4BC", "I alt", "", ""]), None);
        assert_eq!(row(&["4BC"]), None);
    }

    /// The opening run found eight bytes at a time is the one found byte
    /// by byte: on every byte value at every offset, and on every line of
    /// the seeds and the devset.
    #[test]
    fn opening_runs_are_found_as_byte_by_byte() {
        let by_byte = |bytes: &[u8]| {
            bytes
                .iter()
                .position(|&b| b.is_ascii() && !(b.is_ascii_alphabetic() || span::is_space(b)))
                .unwrap_or(bytes.len())
        };
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut line = b"Ab c\tD\x0b\x0c\rE\xc3\xa6z Z".repeat(2);
                line.truncate(at);
                line.push(b);
                line.extend_from_slice(b"xx y");
                assert_eq!(opening_run(&line), by_byte(&line), "{b} {at}");
            }
        }
        for line in crate::test_lines(&[]) {
            assert_eq!(
                opening_run(line.as_bytes()),
                by_byte(line.as_bytes()),
                "{line:?}"
            );
        }
    }

    /// Lines opening with no mark are read as before the marks were
    /// stripped; each mark is stripped, repeated and mixed too.
    #[test]
    fn marks_are_stripped() {
        for (line, want) in [
            ("  Anne Hansen ", "Anne Hansen"),
            ("- Anne", "Anne"),
            ("* - • Anne", "Anne"),
            ("[x] Anne", "Anne"),
            ("[ ]Anne", "Anne"),
            ("- [X] Anne", "Anne"),
            ("-Anne", "-Anne"),
            ("[Anne]", "[Anne]"),
            ("•", "•"),
        ] {
            assert_eq!(strip_marks(line), want, "{line:?}");
        }
    }

    /// The absence labels, in their longer forms too, mark the names
    /// after them absent; the other labels do not.
    #[test]
    fn absence_labels() {
        for (line, absent) in [
            ("Afbud: Bo Jensen", true),
            ("Afbud fra: Bo Jensen", true),
            ("Meldt afbud: Bo Jensen", true),
            ("Fraværende med afbud: Bo Jensen", true),
            ("Fraværende: Bo Jensen", true),
            ("Ikke til stede: Bo Jensen", true),
            ("Til stede: Bo Jensen", false),
            ("Deltagere: Bo Jensen", false),
        ] {
            let l = label(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(
                (l.absent, l.inline.as_str()),
                (absent, "Bo Jensen"),
                "{line}"
            );
        }
    }

    #[test]
    fn openings_by_first_letter_are_the_lists() {
        for first in 0..=255u8 {
            let (ascii, da) = openings_of(first);
            let of = |list: &[&str]| -> Vec<String> {
                let mut v: Vec<String> = list
                    .iter()
                    .filter(|w| w.as_bytes()[0] == first)
                    .map(|w| w.to_string())
                    .collect();
                v.sort();
                v
            };
            let sorted = |list: &[&str]| -> Vec<String> {
                let mut v: Vec<String> = list.iter().map(|w| w.to_string()).collect();
                v.sort();
                v
            };
            assert_eq!(sorted(ascii), of(&LABEL_OPENINGS), "{first}");
            assert_eq!(sorted(da), of(&LABEL_OPENINGS_DA), "{first}");
        }
    }

    /// Every line the label pattern matches passes the cheap check first:
    /// label words in any case, after `#` marks, folded from `ſ` and the
    /// Kelvin sign, with `æ`/`ø`, and every line and paragraph of the seeds
    /// and the devset.
    #[test]
    fn every_label_passes_the_label_check() {
        let tricky = [
            "### Afbud: Hanne Hansen",
            "FORMAND: Ole",
            "##\u{a0} Referent",
            "Ikke til stede",
            "Til stede: Anne Hansen",
            "tilstede",
            "TILSTEDEVÆRENDE: alle",
            "Gæster:",
            "Fremmødte",
            "Mødeleder: Anne",
            "Sekretariat",
            "se\u{212a}retariat: Bo",
            "ſekretariat: Bo",
            "ikke til ſtede",
            "Deltagere i mødet: Bo, Anne",
            "Fra Region Hovedstaden deltager: Bo",
            "Faciliteret af Bo",
            "Medlemmer:\nAnne Hansen",
            "## Fra kommunerne og regionen\u{a0}deltager: Bo",
            "Fra kommunerne og regionerne\ndeltager:",
            "Mødedeltagere: Bo",
            "DELTAGERLISTE",
            "FRAVÆRENDE:",
            "## Mødeleder: Anne",
            "MØDELEDER",
            "Medlemmer (ſtyregruppen): Anne",
            "Tilſtedeværende: Bo",
            "Gæſter:",
            "FREMMØDTE: Bo og Anne",
            "i\u{212a}\u{212a}e til stede: Bo",
            "ſekretariat: Bo",
            "gÆster: Bo",
            "Fremmødte:",
            "fRAVÆRENDE: Bo",
            "mødeleder: Anne",
            "# MØDELEDER: Anne",
            "Meldt afbud: Bo",
            "MELDT\u{a0}AFBUD:",
        ];
        // Each tricky line is a label, so the check is tried on it.
        for line in tricky {
            assert!(LABEL.is_match(line.trim()), "{line:?}");
        }
        for line in &crate::test_lines_and_paragraphs(&tricky) {
            let line = line.trim();
            if LABEL.is_match(line) {
                assert!(may_be_label(line), "{line:?}");
            }
        }
        // Lines with `æ`, `ø` or `å` that open no label are not searched.
        for line in [
            "Målsætning:",
            "Områdeleder",
            "Gæst",
            "Fravær",
            "Bæredygtighed",
            "mødeled",
        ] {
            assert!(!may_be_label(line), "{line:?}");
        }
    }

    /// The label and rest taken from the head's captures are the pattern's:
    /// on labels with the rest on the line, on the next lines, over lines
    /// that only a later choice of the pattern matches, and on every line
    /// and paragraph of the seeds and the devset.
    #[test]
    fn label_parts_are_the_patterns_groups() {
        let tricky = [
            "Deltagere: Anne Hansen, Bo Jensen",
            "Deltagere:\nAnne Hansen",
            "Deltagere: Anne\nBo",
            "Deltagere i\nmødet: Bo",
            "Fra kommunerne deltager:\n Bo",
            "## Afbud\u{a0}: Bo",
            "Referent:",
            "Formand: Ole\n",
            "Referent Ole\ndeltager",
        ];
        let mut labels = 0;
        for line in &crate::test_lines_and_paragraphs(&tricky) {
            let line = line.as_str();
            let want = LABEL.captures(line).map(|c| {
                (
                    c.name("l").unwrap().as_str(),
                    c.name("rest").unwrap().as_str(),
                )
            });
            assert_eq!(label_parts(line), want, "{line:?}");
            labels += usize::from(want.is_some());
        }
        assert!(labels >= 6, "{labels}");
    }

    /// `may_be_label`'s search for `deltager` as first written: among the
    /// line's opening letters and white space, a window that spells it.
    fn deltager_in_opening_words(rest: &str) -> bool {
        let words = rest
            .find(|c: char| !c.is_alphabetic() && !c.is_whitespace())
            .unwrap_or(rest.len());
        rest.as_bytes()[..words]
            .windows(8)
            .any(|w| w.eq_ignore_ascii_case(b"deltager"))
    }

    #[test]
    fn deltager_is_found_as_in_the_opening_words() {
        let docs = crate::test_documents();
        let lines = docs.iter().flat_map(|d| d.lines());
        let tricky = [
            "deltager",
            "Fra kommunerne deltager: Bo",
            "Fra, deltager",
            "DeLtAgEr i mødet",
            "ikke deltageren",
            "d",
            "deltage",
            "Bo (deltager)",
            "ø deltager",
            "x deltager",
        ];
        let mut found = 0;
        for line in tricky.into_iter().chain(lines) {
            let line = line.trim();
            // After 16 ASCII letters that open no label, only the search for
            // `deltager` can admit the line.
            let line = format!("{}{line}", "x".repeat(16));
            let want = deltager_in_opening_words(&line);
            assert_eq!(may_be_label(&line), want, "{line:?}");
            found += usize::from(want);
        }
        assert!(found >= 5, "{found}");
    }

    /// The capitals after white space found eight bytes at a time are
    /// those found one by one: after every character up to U+FFFF, and in
    /// the seeds' text.
    #[test]
    fn capitals_are_found_as_one_by_one() {
        let mut text = String::new();
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            text.push(c);
            text.push(if (c as u32).is_multiple_of(3) {
                'Ø'
            } else {
                'x'
            });
        }
        let docs = crate::test_documents();
        for t in docs.iter().map(String::as_str).chain([
            text.as_str(),
            "",
            "A",
            "Ærø",
            " A",
            "x\u{1680}Bo og\tÅse\r\nØ KL ApS",
        ]) {
            let b = t.as_bytes();
            let want: Vec<usize> = (0..b.len())
                .filter(|&i| capital_at(b, i) && after_space_or_wide(b, i))
                .collect();
            assert_eq!(capitals_after_space(b).collect::<Vec<_>>(), want);
        }
    }

    /// Names and non-names: (text, strict reading, loose reading).
    const NAME_CASES: &[(&str, bool, bool)] = &[
        ("Thomas Krarup", true, true),
        ("Anne-Marie Bentzen", true, true),
        ("Niels M. K. Diedrichsen", true, true),
        ("Rasmus Balder Holmgaard Larsen", true, true),
        ("Jonna Nymann Pedersen", true, true),
        ("Søren Landkildehus", true, true),
        ("Mehmet Zeki Dogru", false, true),
        ("Marc Genning", false, true),
        ("Hans-Jørgen Kirstein", true, true),
        // A double first name by its first part.
        ("Anna-Lis Berg", true, true),
        ("Xyz-Anna Berg", false, true),
        ("Runa Sturlason", true, true),
        ("Per Lund Sørensen", true, true),
        ("Kolding Kommune", false, false),
        ("Region Midtjylland", false, false),
        ("Sygehus Lillebælt", false, false),
        ("Regionshospitalet Randers", false, false),
        ("Psykiatrien Region Midtjylland", false, false),
        ("Almen Praksis", false, false),
        ("Danske Regioner", false, false),
        ("Sundhedsklynge Lillebælt", false, false),
        ("Patienter og pårørende", false, false),
        ("Beslutning", false, false),
        ("Cheflæge", false, false),
        ("Thomas", false, false),
        ("Fredag 1. marts", false, false),
        ("Mødelokale 3", false, false),
        ("PLO Midt", false, false),
        ("Det Konservative Folkeparti", false, false),
        ("Tilbage Til Toppen", false, false),
        ("Middelfart Rådhus", false, true),
        ("Marts April", false, false),
        ("Velkomst Og Godkendelse", false, false),
        ("Sara Storm Jensen", true, true),
        ("Niels M.", false, false),
        ("Thomas Houmann Petersen", true, true),
    ];

    #[test]
    fn names_and_non_names() {
        for (text, strict, loose) in NAME_CASES {
            assert_eq!(is_name(text, true), *strict, "strict {text}");
            assert_eq!(is_name(text, false), *loose, "loose {text}");
        }
    }

    /// Lines: (line, name, title, organisation, role, absent).
    #[allow(clippy::type_complexity)]
    const LINE_CASES: &[(&str, &str, Option<&str>, Option<&str>, Option<&str>, bool)] = &[
        // A substitute member; absence in longer words.
        (
            "Karen Holm (V) (suppleant)",
            "Karen Holm",
            None,
            None,
            Some("suppleant"),
            false,
        ),
        (
            "Ib Lund, stedfortræder",
            "Ib Lund",
            None,
            None,
            Some("suppleant"),
            false,
        ),
        (
            "Eva Berg (fraværende med afbud)",
            "Eva Berg",
            None,
            None,
            None,
            true,
        ),
        // An organisation the gazetteer does not know, by its shape.
        (
            "Rasmus Frey, OS2-sekretariatet",
            "Rasmus Frey",
            None,
            Some("OS2-sekretariatet"),
            None,
            false,
        ),
        (
            "Jakob Nørby, 4BC (mødeleder)",
            "Jakob Nørby",
            None,
            Some("4BC"),
            Some("mødeleder"),
            false,
        ),
        (
            "Ole Dam, Netcompany A/S",
            "Ole Dam",
            None,
            Some("Netcompany A/S"),
            None,
            false,
        ),
        (
            "Eva Holm, Børne- og Ungeafdelingen",
            "Eva Holm",
            Some("Børne- og Ungeafdelingen"),
            None,
            None,
            false,
        ),
        // A party's letters are neither title nor organisation; a known
        // organisation's are one.
        ("Mikkel Bjørn (DF)", "Mikkel Bjørn", None, None, None, false),
        (
            "Pia Olsen Dyhr, SF",
            "Pia Olsen Dyhr",
            None,
            None,
            None,
            false,
        ),
        (
            "Anna Berg (PLO)",
            "Anna Berg",
            None,
            Some("PLO"),
            None,
            false,
        ),
        (
            "Thomas Krarup, sundhed-, kultur- og omsorgsdirektør",
            "Thomas Krarup",
            Some("sundhed-, kultur- og omsorgsdirektør"),
            None,
            None,
            false,
        ),
        (
            "Runa Sturlason, cheflæge, Regionspsykiatrien Randers (afbud)",
            "Runa Sturlason",
            Some("cheflæge"),
            Some("Regionspsykiatrien Randers"),
            None,
            true,
        ),
        (
            "- Birgit Munk, skolechef, Middelfart Kommune",
            "Birgit Munk",
            Some("skolechef"),
            Some("Middelfart Kommune"),
            None,
            false,
        ),
        (
            "- Thomas Houmann Petersen, Cheflæge, Børne- og Ungeafdelingen, Sygehus Lillebælt",
            "Thomas Houmann Petersen",
            Some("Cheflæge"),
            Some("Sygehus Lillebælt"),
            None,
            false,
        ),
        (
            "Annette Roed (Medlem af Patientinddragelsesudvalget. Udpeget af Høreforeningen) (afbud)",
            "Annette Roed",
            Some("Medlem af Patientinddragelsesudvalget"),
            None,
            None,
            true,
        ),
        (
            "- [x] Agnete Moos (Mødeleder)",
            "Agnete Moos",
            None,
            None,
            Some("mødeleder"),
            false,
        ),
        (
            "- [x] Agnete Moos (Produkt Owner)",
            "Agnete Moos",
            Some("Produkt Owner"),
            None,
            None,
            false,
        ),
        (
            "Ronni Mark Nielsen (Fraværende)",
            "Ronni Mark Nielsen",
            None,
            None,
            None,
            true,
        ),
        (
            "Ronni Mark Nielsen (V)",
            "Ronni Mark Nielsen",
            None,
            None,
            None,
            false,
        ),
        (
            "Rune Gråbæk (Gladsaxe kommune)",
            "Rune Gråbæk",
            None,
            Some("Gladsaxe Kommune"),
            None,
            false,
        ),
        (
            "Stinna Andreasen, specialkonsulent, Randers Kommune",
            "Stinna Andreasen",
            Some("specialkonsulent"),
            Some("Randers Kommune"),
            None,
            false,
        ),
        ("Mikkel Bjørn, DF", "Mikkel Bjørn", None, None, None, false),
        // The name's own parenthetical, then the role after a comma.
        (
            "Jens Jensen (A), formand",
            "Jens Jensen",
            None,
            None,
            Some("formand"),
            false,
        ),
        (
            "Bo Jensen (afbud), Sygehus Lillebælt",
            "Bo Jensen",
            None,
            Some("Sygehus Lillebælt"),
            None,
            true,
        ),
        (
            "- [x] Jakob Thøtt Nørby, 4BC (mødeleder og referent)",
            "Jakob Thøtt Nørby",
            None,
            Some("4BC"),
            Some("mødeleder"),
            false,
        ),
        (
            "Rune Gråbæk (Gladsaxe kommune) (ændret/flyttet til forudgående møde 7. september)",
            "Rune Gråbæk",
            None,
            Some("Gladsaxe Kommune"),
            None,
            false,
        ),
        (
            "Villads Mønsted, Gladsaxe Kommune (deltog på Teams)",
            "Villads Mønsted",
            None,
            Some("Gladsaxe Kommune"),
            None,
            false,
        ),
        (
            "Christina Breddam, sundhedschef (repræsenterer klyngekommunerne på sundhedsområdet)",
            "Christina Breddam",
            Some("sundhedschef"),
            None,
            None,
            false,
        ),
    ];

    #[test]
    fn participant_lines() {
        for (line, name, title, org, role, absent) in LINE_CASES {
            let p = parse_line(line, false).unwrap_or_else(|| panic!("no person in {line}"));
            assert_eq!(p.name, *name, "{line}");
            assert_eq!(p.title.as_deref(), *title, "{line}");
            assert_eq!(p.organisation.as_deref(), *org, "{line}");
            assert_eq!(p.role.as_deref(), *role, "{line}");
            assert_eq!(p.absent, *absent, "{line}");
        }
    }

    /// A party in parentheses, or right after the name, or by its name
    /// anywhere after it; letters after an organisation are a department.
    #[test]
    fn parties() {
        for (line, title, party) in [
            ("Jens Jensen (A), formand", None, Some("A")),
            ("Hanne Dahl (V)", None, Some("V")),
            ("Mikkel Bjørn, DF", None, Some("DF")),
            (
                "Anne Holm, Socialdemokratiet",
                None,
                Some("Socialdemokratiet"),
            ),
            (
                "Ole Berg, byrådsmedlem, Det Konservative Folkeparti",
                Some("byrådsmedlem"),
                Some("Det Konservative Folkeparti"),
            ),
            ("Lis Mikkelsen (Enhedslisten)", None, Some("Enhedslisten")),
            ("Jesper Buchhardt, Silkeborg Kommune, EJD", None, None),
            ("Mette Frost, overlæge", Some("overlæge"), None),
        ] {
            let p = parse_line(line, false).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(
                (p.title.as_deref(), p.party.as_deref()),
                (title, party),
                "{line}"
            );
        }
    }

    #[test]
    fn lines_that_are_not_people() {
        for line in [
            "Randers Kommune",
            "Almen Praksis",
            "Sekretariat",
            "Deltagere: Op til 30 pr. hold. Afholdes kommunevis.",
            "Psykiatrien Region Midtjylland",
            "Tilbage til toppen",
            "Beslutning, Godkendt",
            "2 repræsentanter fra hver kommune",
            "Sagnr.: 1-36-70-7-22",
            "Mødelokale 3, Regionshospitalet Randers",
        ] {
            assert_eq!(parse_line(line, true), None, "{line}");
        }
    }

    /// The places the cue check gives hold the start of every match of
    /// the pattern: on tricky lines and on every line of the seeds and the
    /// devset.
    #[test]
    fn every_mention_passes_the_cue_check() {
        let lines = crate::test_lines(&[
            "oplæg ved Maria Staun",
            "Kontaktperson: Anne Hansen",
            "kontaktperson:\tØrsted Holm",
            "projektansvarlig  Åse Berg",
            "v. Hanne Andersen",
            "fra\u{2003}Ærø Kommune",
        ]);
        let mut matched = 0;
        for line in &lines {
            let starts: Vec<usize> = mention_starts(line).collect();
            for m in MENTION_HEAD.find_iter(line) {
                assert!(starts.contains(&m.start()), "{line}");
                matched += 1;
            }
        }
        assert!(matched >= 6, "{matched}");
        assert_eq!(
            mention_starts("Punktet blev drøftet af udvalget.").count(),
            0
        );
    }

    /// Head and tail found apart give the matches of the one pattern of
    /// both, groups included: on tricky lines (a cue inside a tail, a tail
    /// too long, two mentions in a row) and every line and paragraph of the
    /// seeds and the devset.
    #[test]
    fn split_mention_pattern_matches_as_the_whole() {
        let mut texts: Vec<String> = [
            "oplæg ved Maria Staun (konsulent fra Region Syd) og fra Ole Berg",
            "ved Kim Houllind, Cheflæge ved Ole Hansen, Sygehus Syd, og ved Anne Bo",
            "v. Hanne Andersen (kl. 13:30-13:35) v. Ib Holm",
            "af Anne Hansen,",
            "med Jens Ole Peter Hans Jensen Madsen, direktør",
            "fra Åse Berg (en titel der aldrig lukker",
            "ved Ærø Kommune, ved Åse Berg",
            "xved Anne Berg, påved Ib Ek, _af Ole Bo, 2fra Ib Ek, Af Ane Bo, kontaktperson: Per Ek",
            "ved\u{a0}Anne Berg og v.\u{2003}Ib Ek; ved: Ole Bo, ved Ane bo Ek, med Ib\nEk",
        ]
        .map(str::to_string)
        .to_vec();
        texts.push(format!("ved Ane Bo ({})", "x".repeat(130)));
        texts.push(format!("ved Ane Bo, {}, ved Ib Ek", "y".repeat(90)));
        // At the bounds of the brackets, the title and the organisation,
        // and white space given back to a title of one character.
        for n in [1, 2, 59, 60, 61, 79, 80, 81, 119, 120, 121] {
            let x = "æ".repeat(n);
            texts.push(format!("ved Ane Bo ({x}) og"));
            texts.push(format!("ved Ane Bo, {x}, {x}; ved Ib Ek,{x},{x}"));
        }
        for tail in [
            ",  x",
            ", \nx",
            ",\u{a0}\u{a0}x, \u{2003}y",
            ", \t",
            ",x",
            ", x,  y",
            ", xy,\n y",
            " ()",
            " \n(x)",
            "\u{a0}(x(y)",
            ", x; y",
            ",(x)",
        ] {
            texts.push(format!("ved Ane Bo{tail}"));
        }
        for t in crate::test_documents() {
            texts.extend(t.split("\n\n").map(str::to_string));
        }
        let mut compared = 0;
        for text in &texts {
            compared += assert_split_mentions_as_the_whole(text);
        }
        assert!(compared >= 20, "{compared}");
    }

    proptest::proptest! {
        /// Texts of the patterns' pieces, in any order.
        #[test]
        fn split_mention_pattern_matches_as_the_whole_in_any_text(
            text in crate::texts_of(vec![
                "ved", "v.", "af", "med", "fra", "kontaktperson", ":", " ", "\u{a0}", "\n",
                "Anne", "Berg", "Ø", "å", "x", "_", "(", ")", ",", "A.", "-", "bo", ";", "\t",
            ])
        ) {
            assert_split_mentions_as_the_whole(&text);
        }
    }

    fn assert_split_mentions_as_the_whole(text: &str) -> usize {
        static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!("{MENTION_HEAD_PATTERN}{MENTION_TAIL_PATTERN}?")).unwrap()
        });
        let whole = &*WHOLE;
        let group = |c: Option<&regex::Captures>, g: &str| {
            c.and_then(|c| c.name(g)).map(|m| m.as_str().to_string())
        };
        {
            let split: Vec<_> = mention_matches(text)
                .iter()
                .map(|m| {
                    let tail = m.tail.as_ref();
                    let end = m.name.end + tail.map_or(0, |t| t.end);
                    let groups = tail
                        .map_or([None; 3], |t| [t.p, t.t, t.o])
                        .map(|g| g.map(str::to_string));
                    (m.start, end, text[m.name.clone()].to_string(), groups)
                })
                .collect();
            let one: Vec<_> = whole
                .captures_iter(text)
                .map(|c| {
                    let m = c.get(0).unwrap();
                    let groups = ["p", "t", "o"].map(|g| group(Some(&c), g));
                    (m.start(), m.end(), c["n"].to_string(), groups)
                })
                .collect();
            assert_eq!(split, one, "{text}");
            one.len()
        }
    }

    #[test]
    fn mentions_in_running_text() {
        let m = mentions(
            "Under punktet vil der være oplæg ved Maria Staun (forbedringskonsulent Sygehus Lillebælt).",
        );
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].0.name, "Maria Staun");
        assert_eq!(m[0].0.title.as_deref(), Some("forbedringskonsulent"));
        assert_eq!(m[0].0.organisation.as_deref(), Some("Sygehus Lillebælt"));
        let m = mentions("Mette Bærentsen er mødeleder.");
        assert_eq!(m[0].0.role.as_deref(), Some("mødeleder"));
        assert!(
            mentions("Aftalen er indgået med Kolding Kommune og Region Syddanmark.").is_empty()
        );
        let m = mentions(
            "repræsenteret ved Rikke Thorninger, tidl. overlæge ved Ortopædkirurgisk Afdeling, Regionshospitalet Randers, og andre",
        );
        assert_eq!(
            m[0].0.title.as_deref(),
            Some("tidl. overlæge ved Ortopædkirurgisk Afdeling")
        );
        assert_eq!(
            m[0].0.organisation.as_deref(),
            Some("Regionshospitalet Randers")
        );
        let m = mentions("Velkomst v. Hanne Andersen (kl. 13:30-13:35)");
        assert_eq!(
            (m[0].0.name.as_str(), m[0].0.title.as_deref()),
            ("Hanne Andersen", None)
        );
        assert!(mentions("oplæg ved Sundhedsstyrelsen om Fremtidens Sundhed").is_empty());
        // A party after the name is no title.
        let m = mentions("Forslag af Mikkel Bjørn (DF) m.fl., oplæg ved Eva Kjer Hansen (V).");
        let got: Vec<_> = m
            .iter()
            .map(|(p, _)| (p.name.as_str(), p.title.as_deref()))
            .collect();
        assert_eq!(got, [("Mikkel Bjørn", None), ("Eva Kjer Hansen", None)]);
    }
}
