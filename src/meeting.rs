//! Reading the document head: title, kind, the forum that met, and the
//! meeting's date, times and venue.
//!
//! Takes the preamble blocks (everything before the first item) and gives
//! a [`Head`]. Labelled lines win (`Mødedato`, `Mødested`, `Udvalg`,
//! `Mødenavn`, `Tid`, `Sted`); failing those, the title line
//! (`REFERAT <forum> d. 01-03-2024`) and the portal header lines
//! (`den 12. april 2024 kl. 12:00`, `i Mødelokale 3, ...`).
//!
//! ```
//! use referat::blocks::{blocks, Format};
//! use referat::meeting::head;
//! let b = blocks("# **REFERAT Styregruppen d. 01-03-2024**\n\n**Mødested** Rådhuset\n", Format::Markdown);
//! let h = head(&b, 0..b.len());
//! assert_eq!(h.body.as_deref(), Some("Styregruppen"));
//! assert_eq!(h.date.map(|d| d.iso()).as_deref(), Some("2024-03-01"));
//! assert_eq!(h.location.as_deref(), Some("Rådhuset"));
//! ```

use crate::blocks::{Block, BlockKind};
use crate::caseless::CapturesIfAny;
use crate::datetime::{FoundDate, FoundTimes, find_date, find_times};
use crate::record::DocKind;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What the head of a document says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    /// The title, markup removed.
    pub title: Option<String>,
    /// The kind the title and first lines announce.
    pub announced: Option<DocKind>,
    /// The forum that met.
    pub body: Option<String>,
    /// The meeting date.
    pub date: Option<FoundDate>,
    /// Start time `HH:MM`.
    pub start_time: Option<String>,
    /// End time `HH:MM`.
    pub end_time: Option<String>,
    /// The venue.
    pub location: Option<String>,
}

/// Lines that portals and templates put before the real head.
static JUNK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:abonnér|abonner|se alle dagsordener.*|print|udskriv|del|tilbage til toppen|.*\{\{.*\}\}.*|status)$").unwrap()
});
/// A head label and the white space after it ([`LABEL`] without its value).
const LABEL_HEAD_PATTERN: &str = r"(?i)^(mødedato|dato|tidspunkt|mødetidspunkt|mødetid|klokkeslæt|tid|(?:møde)?start(?:\s+kl\.?|tidspunkt)?|(?:møde)?slut(?:\s+kl\.?|tidspunkt)?|mødested|mødelokale|sted|lokale|lokation|udvalg|mødenavn|mødeforum|forum|møde)\s*:?\s+";
static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"{LABEL_HEAD_PATTERN}(\S.*)$")).unwrap());
static LABEL_HEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(LABEL_HEAD_PATTERN).unwrap());

/// Whether `(\S.*)$` matches `rest` whole.
fn value_rest(rest: &str) -> bool {
    rest.starts_with(|c: char| !c.is_whitespace()) && !rest.contains('\n')
}
static TITLE_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:referat|dagsorden|beslutningsprotokol)(?:\s+og\s+referat)?\s*(?::|fra|af|for)?\s*(?:til\s+)?(?:(?:det\s+)?(?:ordinære\s+|ekstraordinære\s+)?møde(?:t)?\s+i\s+)?(.*)$").unwrap()
});
static DATE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\s+)(?:[-–,]\s*)?(?:(?:d\.|den)\s+)?(?:(?:man|tirs|ons|tors|fre|lør|søn)dag\s+)?(?:(?:d\.|den)\s+)?\d{1,2}(?:[.\-/]\d{1,2}[.\-/]\d{2,4}|\.\s*\p{L}+\.?\s+\d{4})\b.*$").unwrap()
});
static TRAILING_REMARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\([^()]*\)?\s*$").unwrap());
/// The words that announce a document's kind, and whether a word may end
/// a compound (`Beslutningsnotat`, `Orienteringsnotat`, `Mødereferat`):
/// such a pattern has no `\b` before it, and [`word_start`] finds where
/// the compound starts (a pattern `\b\p{L}*notat` gives the regex engine
/// no literal to start from and, with Unicode `\b`, sends it to its slow
/// engines over the whole opening text: 1.4 G more instructions on the
/// 5 MB corpus).
static KIND_WORDS: LazyLock<[(Regex, DocKind, bool); 5]> = LazyLock::new(|| {
    [
        (
            Regex::new(r"(?i)\b(?:ans[øo0@q9g]{1,2}gning|ansøgningsskema)").unwrap(),
            DocKind::Application,
            false,
        ),
        (
            Regex::new(r"(?i)\b(?:afrapportering|slutrapport|statusrapport|evalueringsrapport)")
                .unwrap(),
            DocKind::Report,
            false,
        ),
        (Regex::new(r"(?i)notat\b").unwrap(), DocKind::Memo, true),
        (
            Regex::new(r"(?i)(?:referat|protokol)\b").unwrap(),
            DocKind::Minutes,
            true,
        ),
        (
            Regex::new(r"(?i)\bdagsorden\b").unwrap(),
            DocKind::Agenda,
            false,
        ),
    ]
});

fn useful(b: &Block) -> bool {
    !(may_be_junk(&b.text) && JUNK.is_match(&b.text))
}

/// Whether [`JUNK`] may match `line`: its words are short (18 letters at
/// most, each at most 3 bytes in any case that `(?i)` takes: `ſ`, the
/// Kelvin sign), its long lines open with `se` or hold `{{`. Most lines
/// are none of these, and the pattern's `.*` runs over a whole line.
fn may_be_junk(line: &str) -> bool {
    line.len() <= 54
        || line.starts_with(['s', 'S', 'ſ'])
        || memchr::memmem::find(line.as_bytes(), b"{{").is_some()
}

/// The title: the first top-level heading among the first blocks, or the
/// first lines of text up to a blank line.
fn title(blocks: &[Block], range: Range<usize>) -> Option<String> {
    // The first 15 useful blocks of the first 40: all that is looked at.
    let window: Vec<usize> = range
        .clone()
        .take(40)
        .filter(|&i| useful(&blocks[i]))
        .take(15)
        .collect();
    let heading_level = |i: &usize| match blocks[*i].kind {
        BlockKind::Heading(l) => Some(l),
        _ => None,
    };
    if let Some(min) = window.iter().filter_map(heading_level).min() {
        let i = window.iter().find(|i| heading_level(i) == Some(min))?;
        return Some(blocks[*i].text.to_string());
    }
    let first = *window.first()?;
    let mut parts = vec![&*blocks[first].text];
    for &i in window.iter().skip(1).take(3) {
        let b = &blocks[i];
        if b.blank_before
            || i != first + parts.len()
            || LABEL.is_match(&b.text)
            || b.text.starts_with("i ")
        {
            break;
        }
        parts.push(&b.text);
    }
    Some(parts.join(" "))
}

fn clean_body(s: &str) -> Option<String> {
    let s = TRAILING_REMARK.replace(s, "");
    let s = DATE_TAIL.replace(&s, "");
    let s = s.trim().trim_end_matches([',', '-', '–', ':']).trim();
    (!s.is_empty() && s.chars().any(char::is_alphabetic)).then(|| s.to_string())
}

/// The start of the word that ends at or runs through `at`: the letters
/// before `at`, when they start a word (nothing alphanumeric or `_` just
/// before them); `None` when they are glued to digits (`2notat`).
fn word_start(text: &str, at: usize) -> Option<usize> {
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic())
        .last()
        .map_or(at, |(i, _)| i);
    let glued = text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_');
    (!glued).then_some(start)
}

/// The headings that open a meeting's minutes after its agenda
/// (`## Mødereferat` below `## Dagsorden`).
const MINUTES_HEADINGS: [&str; 4] = [
    "referat",
    "mødereferat",
    "beslutningsreferat",
    "referat af mødet",
];

/// Whether `blocks` (those before the first item) hold a heading, or a
/// line all in bold, that opens minutes: `Mødereferat`, `Referat:`. Minutes
/// that write their decisions in prose, with no `Beslutning` section, are
/// minutes by it, not an agenda.
pub fn minutes_heading(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| {
        (matches!(b.kind, BlockKind::Heading(_)) || b.strong) && {
            // Lowered only when as long as one (the capitals of their
            // letters are as long as the small ones): most are not.
            let t = b.text.trim().trim_end_matches(':').trim_end();
            MINUTES_HEADINGS.iter().any(|h| h.len() == t.len())
                && MINUTES_HEADINGS.contains(&t.to_lowercase().as_str())
        }
    })
}

/// Reads the head from the blocks in `range` (the preamble).
pub fn head(blocks: &[Block], range: Range<usize>) -> Head {
    let mut h = Head {
        title: title(blocks, range.clone()),
        ..Head::default()
    };
    let scan: Vec<&Block> = range.clone().take(60).map(|i| &blocks[i]).collect();
    let announce_text: String = scan
        .iter()
        .take(6)
        .map(|b| &*b.text)
        .collect::<Vec<_>>()
        .join("\n");
    h.announced = KIND_WORDS
        .iter()
        .filter_map(|(re, k, compound)| {
            re.find_iter(&announce_text)
                .find_map(|m| {
                    if *compound {
                        word_start(&announce_text, m.start())
                    } else {
                        Some(m.start())
                    }
                })
                .map(|at| (at, *k))
        })
        .min_by_key(|&(at, _)| at)
        .map(|(_, k)| k);

    let mut date_line: Option<usize> = None;
    for (k, b) in scan.iter().enumerate() {
        let Some((c, value)) =
            crate::caseless::captures_head_rest(&LABEL, &LABEL_HEAD, &b.text, value_rest)
        else {
            continue;
        };
        let (label, value) = (c[1].to_lowercase(), value.trim());
        match label.as_str() {
            "mødedato" | "dato" | "tid" | "tidspunkt" | "mødetidspunkt" | "mødetid"
            | "klokkeslæt" | "møde" => {
                if h.date.is_none() {
                    h.date = find_date(value);
                    if h.date.is_some() {
                        date_line = Some(k);
                    }
                }
                let clock = !matches!(label.as_str(), "mødedato" | "dato" | "møde");
                if h.start_time.is_none()
                    && let Some(t) =
                        find_times(value).or_else(|| clock.then(|| label_times(value)).flatten())
                {
                    h.start_time = Some(t.start);
                    h.end_time = t.end;
                }
            }
            l if l.contains("start") => {
                if h.start_time.is_none()
                    && let Some(t) = find_times(value).or_else(|| label_times(value))
                {
                    h.start_time = Some(t.start);
                }
            }
            l if l.contains("slut") => {
                if h.end_time.is_none()
                    && let Some(t) = find_times(value).or_else(|| label_times(value))
                {
                    h.end_time = Some(t.start);
                }
            }
            "mødested" | "mødelokale" | "sted" | "lokale" | "lokation" => {
                h.location.get_or_insert_with(|| value.to_string());
            }
            "udvalg" | "mødenavn" | "mødeforum" | "forum" if h.body.is_none() => {
                h.body = clean_body(value);
            }
            _ => {}
        }
    }
    if let Some(t) = &h.title {
        if h.body.is_none()
            && let Some(c) = TITLE_BODY.captures_if_any(t)
        {
            h.body = clean_body(&c[1]);
        }
        if h.date.is_none() {
            h.date = find_date(t);
        }
        if h.start_time.is_none()
            && let Some(times) = find_times(t)
        {
            h.start_time = Some(times.start);
            h.end_time = times.end;
        }
    }
    // Portal heads: a line "den 12. april 2024 kl. 12:00", then "i <venue>".
    if h.date.is_none() || h.start_time.is_none() || h.location.is_none() {
        for (k, b) in scan.iter().enumerate().take(20) {
            if date_line.is_none()
                && let Some(d) = find_date(&b.text)
            {
                h.date.get_or_insert(d);
                date_line = Some(k);
            }
            if Some(k) == date_line
                && h.start_time.is_none()
                && let Some(t) = find_times(&b.text)
            {
                h.start_time = Some(t.start);
                h.end_time = t.end;
            }
            if h.location.is_none()
                && date_line.is_some_and(|d| k > d && k <= d + 2)
                && let Some(v) = b.text.strip_prefix("i ")
            {
                h.location = Some(v.trim().to_string());
            }
        }
    }
    h
}

/// The times of a time label's value written without `kl.` (`Mødetid:
/// 16.00-18.00`, `Start: 9.30`): the label says they are times of day,
/// so `16.00` is read as `kl. 16.00` is. A value that opens with no digit
/// (after `fra`) gives none.
fn label_times(value: &str) -> Option<FoundTimes> {
    let v = value.trim();
    let v = v.strip_prefix("fra ").unwrap_or(v).trim_start();
    // `16.00`: one or two digits, a dot or colon and two digits, and no
    // more of a number (`04.03.2024`, a day, is none; nor `4. marts`).
    let b = v.as_bytes();
    let h = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let clock = (1..=2).contains(&h)
        && matches!(b.get(h), Some(b'.' | b':'))
        && digit(h + 1)
        && digit(h + 2)
        && !digit(h + 3)
        && !(matches!(b.get(h + 3), Some(b'.' | b':')) && digit(h + 4));
    if !clock {
        return None;
    }
    let mut t = find_times(&format!("kl. {v}"))?;
    // Its range in `value`: past the `kl. ` put before it.
    let at = v.as_ptr() as usize - value.as_ptr() as usize;
    t.range = (t.range.start.max(4) - 4 + at)..(t.range.end - 4 + at);
    Some(t)
}

/// This stage's patterns and tables, each built on first use; built ahead
/// by [`crate::prepare`].
pub(crate) const PREPARE: &[fn()] = builders![
    JUNK,
    LABEL,
    LABEL_HEAD,
    TITLE_BODY,
    DATE_TAIL,
    TRAILING_REMARK,
    KIND_WORDS,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::{Format, blocks};

    /// A heading or a bold line `Mødereferat`, `Referat:` opens minutes;
    /// a sentence that starts with the word, or plain text, does not.
    #[test]
    fn minutes_headings() {
        for (text, want) in [
            ("## Mødereferat\n", true),
            ("### REFERAT:\n", true),
            ("**Beslutningsreferat**\n", true),
            ("# Referat af mødet\n", true),
            ("Referat\n", false),
            ("## Referat fra sidste møde godkendt\n", false),
            ("## Dagsorden\n", false),
        ] {
            let b = blocks(text, Format::Markdown);
            assert_eq!(minutes_heading(&b), want, "{text:?}");
        }
    }

    /// Where [`JUNK`] matches, [`may_be_junk`] holds: on its words in
    /// every case (and with the letters that `(?i)` gives a longer form),
    /// on the long lines it matches, and on every line of the seeds and
    /// the devset.
    #[test]
    fn junk_is_only_where_it_may_be() {
        let mut lines: Vec<String> = crate::test_documents()
            .iter()
            .flat_map(|d| d.lines().map(str::to_string).collect::<Vec<_>>())
            .collect();
        let words = [
            "abonnér",
            "abonner",
            "print",
            "udskriv",
            "del",
            "tilbage til toppen",
            "status",
        ];
        for w in words {
            // Every case, and the letters that `(?i)` gives a longer form.
            let long = w.replace('s', "ſ").replace('k', "\u{212a}");
            lines.extend([w.to_string(), w.to_uppercase(), long.to_uppercase(), long]);
        }
        lines.extend([
            "Se alle dagsordener og referater fra Økonomiudvalget siden 2007".to_string(),
            format!("{} {{{{ skabelon }}}}", "x".repeat(80)),
            "ſE ALLE DAGSORDENER FOR ØKONOMIUDVALGET OG SOCIALUDVALGET I 2024".to_string(),
        ]);
        let mut junk = 0;
        for line in &lines {
            if JUNK.is_match(line) {
                assert!(may_be_junk(line), "{line:?}");
                junk += 1;
            }
        }
        assert!(junk >= 30, "{junk}");
    }

    /// The label's captures and value taken from the head are the
    /// pattern's: with the value on the line and on the next, with a line
    /// break after the value, with no value, and on every line and
    /// paragraph of the seeds and the devset.
    #[test]
    fn head_labels_are_the_patterns_groups() {
        let tricky = [
            "Dato: 12. marts 2024",
            "Dato:\n12. marts",
            "Tidspunkt: kl. 10\nSted: Rådhuset",
            "Sted  Rådhuset",
            "tid: ",
            "Dato 12.3.2024 \nx",
            "MØDESTED:\u{a0}Byrådssalen",
        ];
        let mut labels = 0;
        for line in &crate::test_lines_and_paragraphs(&tricky) {
            let line = line.as_str();
            let want = LABEL
                .captures(line)
                .map(|c| (c[1].to_string(), c[2].to_string()));
            let got = crate::caseless::captures_head_rest(&LABEL, &LABEL_HEAD, line, value_rest)
                .map(|(c, rest)| (c[1].to_string(), rest.to_string()));
            assert_eq!(got, want, "{line:?}");
            labels += usize::from(want.is_some());
        }
        assert!(labels >= 4, "{labels}");
    }

    fn head_of(text: &str, format: Format) -> Head {
        let b = blocks(text, format);
        head(&b, 0..b.len())
    }

    #[test]
    fn markdown_head_with_labels() {
        let h = head_of(
            "# **REFERAT Sundhedsklynge Lillebælt - Fagligt strategisk niveau d. 01-03-2024**\n\n**Mødedato** Fredag d. 01. marts 2024 kl. 13:30\n\n**Mødested** Byrådssalen, Middelfart Rådhus - Nytorv 9, 5500 Middelfart\n",
            Format::Markdown,
        );
        assert_eq!(
            h.title.as_deref(),
            Some("REFERAT Sundhedsklynge Lillebælt - Fagligt strategisk niveau d. 01-03-2024")
        );
        assert_eq!(
            h.body.as_deref(),
            Some("Sundhedsklynge Lillebælt - Fagligt strategisk niveau")
        );
        assert_eq!(h.date.unwrap().iso(), "2024-03-01");
        assert_eq!(h.start_time.as_deref(), Some("13:30"));
        assert_eq!(
            h.location.as_deref(),
            Some("Byrådssalen, Middelfart Rådhus - Nytorv 9, 5500 Middelfart")
        );
        assert_eq!(h.announced, Some(DocKind::Minutes));
    }

    #[test]
    fn portal_head() {
        let h = head_of(
            "Abonnér\nSe alle dagsordener og referater fra dette mødeforum\n\nReferat\ntil\nmødet i Klyngestyregruppemøde RRA\nden 12. april 2024 kl. 12:00\ni Mødelokale 3, Regionshospitalet Randers\n",
            Format::Text,
        );
        assert_eq!(
            h.title.as_deref(),
            Some("Referat til mødet i Klyngestyregruppemøde RRA den 12. april 2024 kl. 12:00")
        );
        assert_eq!(h.body.as_deref(), Some("Klyngestyregruppemøde RRA"));
        assert_eq!(h.date.unwrap().iso(), "2024-04-12");
        assert_eq!(h.start_time.as_deref(), Some("12:00"));
        assert_eq!(
            h.location.as_deref(),
            Some("Mødelokale 3, Regionshospitalet Randers")
        );
    }

    /// Kind words are read in compounds, not in their definite forms
    /// (`Godkendelse af referatet` opens many agendas).
    #[test]
    fn kind_words_in_compounds() {
        for (text, kind) in [
            (
                "Beslutningsnotat\n\nTil styregruppen\n",
                Some(DocKind::Memo),
            ),
            ("ORIENTERINGSNOTAT om status\n", Some(DocKind::Memo)),
            (
                "Mødereferat\n\nKlyngestyregruppen\n",
                Some(DocKind::Minutes),
            ),
            (
                "Dagsorden\n\nGodkendelse af referatet\n",
                Some(DocKind::Agenda),
            ),
            ("Godkendelse af referatet fra sidste møde\n", None),
            ("Bilag 2notat\n", None),
            ("Notat\n", Some(DocKind::Memo)),
            ("Se beslutningsprotokol\n", Some(DocKind::Minutes)),
        ] {
            assert_eq!(head_of(text, Format::Text).announced, kind, "{text}");
        }
    }

    #[test]
    fn greve_head_with_colon_labels() {
        let h = head_of(
            "Dagsorden 12. september 2023 kl. 16.00\nPlan- og Tryghedsudvalget - Mødelokale 1\n\nUdvalg: Plan- og Tryghedsudvalget\nMødedato: tirsdag den 12. september 2023 kl. 16.00\nMødested: Mødelokale 1\n",
            Format::Text,
        );
        assert_eq!(h.body.as_deref(), Some("Plan- og Tryghedsudvalget"));
        assert_eq!(h.date.unwrap().iso(), "2023-09-12");
        assert_eq!(h.start_time.as_deref(), Some("16:00"));
        assert_eq!(h.location.as_deref(), Some("Mødelokale 1"));
        assert_eq!(h.announced, Some(DocKind::Agenda));
    }

    /// `Mødetid`, `Klokkeslæt` give the times (`Start kl.`, `Slut kl.`
    /// one each), `Mødelokale` the place.
    /// A time label's value is a time of day without `kl.` (`Mødetid:
    /// 16.00-18.00`); a day under a time label is none (`Tid: 4. marts
    /// 2024`, `Tid: 04.03.2024`), nor a date label's `04.03`.
    #[test]
    fn time_labels_without_kl() {
        for (line, start, end) in [
            ("Mødetid: 16.00-18.00", Some("16:00"), Some("18:00")),
            ("Tidspunkt: 9.30 - 12", Some("09:30"), Some("12:00")),
            (
                "Mødetidspunkt: fra 16.00 til 18.00",
                Some("16:00"),
                Some("18:00"),
            ),
            ("Start: 9.30", Some("09:30"), None),
            ("Tid: 4. marts 2024", None, None),
            ("Tid: 04.03.2024", None, None),
            ("Dato: 04.03", None, None),
            (
                "Møde: 04.03.2024, 16:00-18:00, Teams",
                Some("16:00"),
                Some("18:00"),
            ),
        ] {
            let h = head_of(&format!("Referat\n\n{line}\n"), Format::Text);
            assert_eq!(
                (h.start_time.as_deref(), h.end_time.as_deref()),
                (start, end),
                "{line}"
            );
        }
    }

    #[test]
    fn head_with_moedetid_and_moedelokale() {
        let h = head_of(
            "REFERAT\nÆldrerådet\nMødedato: Tirsdag den 7. maj 2024\nMødetid: 13:00 - 15:30\nMødelokale: Byrådssalen\n",
            Format::Text,
        );
        assert_eq!(h.date.unwrap().iso(), "2024-05-07");
        assert_eq!(h.start_time.as_deref(), Some("13:00"));
        assert_eq!(h.end_time.as_deref(), Some("15:30"));
        assert_eq!(h.location.as_deref(), Some("Byrådssalen"));
        let h = head_of("Dato: 7. maj 2024\nKlokkeslæt: kl. 9.30\n", Format::Text);
        assert_eq!(h.start_time.as_deref(), Some("09:30"));
        // Start and end on lines of their own, in a meeting table too.
        for text in [
            "Dato: 4. marts 2024\nStart kl.: 16:00\nSlut kl.: 18:15\n",
            "Dato: 4. marts 2024\nMødestart: kl. 16.00\nMødeslut: kl. 18.15\n",
            "| | |\n|---|---|\n| Dato: | 4. marts 2024 |\n| Starttidspunkt: | 16:00 |\n| Sluttidspunkt: | 18:15 |\n",
        ] {
            let h = head_of(text, Format::Markdown);
            let times = (h.start_time.as_deref(), h.end_time.as_deref());
            assert_eq!(times, (Some("16:00"), Some("18:15")), "{text}");
        }
        let h = head_of(
            "Dato: 4. marts 2024\nStart: projektet i 2025\n",
            Format::Text,
        );
        assert_eq!(h.start_time, None);
    }

    #[test]
    fn body_keeps_digits_that_are_not_dates() {
        assert_eq!(
            clean_body("Byråd 2022-2025").as_deref(),
            Some("Byråd 2022-2025")
        );
        assert_eq!(
            clean_body("OS2 Ai Heat Control møde 20.01.2026").as_deref(),
            Some("OS2 Ai Heat Control møde")
        );
        assert_eq!(
            clean_body("OS2borgerpc styregruppemøde  (Afholdes sædvanligvis 1. torsdag i måneden)")
                .as_deref(),
            Some("OS2borgerpc styregruppemøde")
        );
        assert_eq!(
            clean_body("Økonomiudvalget den 5. marts 2024").as_deref(),
            Some("Økonomiudvalget")
        );
    }

    #[test]
    fn ocr_application_is_announced() {
        let h = head_of(
            " FALLES ANSOGNINGSSKEMA\nTIL KVALITETS- OG UDVIKLINGSMIDLERNE UNDER\n\nKEU\n",
            Format::Text,
        );
        assert_eq!(h.announced, Some(DocKind::Application));
        assert_eq!(
            h.title.as_deref(),
            Some("FALLES ANSOGNINGSSKEMA TIL KVALITETS- OG UDVIKLINGSMIDLERNE UNDER")
        );
    }
}
