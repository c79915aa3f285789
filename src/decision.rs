//! Reading an item's indstilling, beslutning and bilag: recommendations,
//! the decision outcome and attachment names.
//!
//! Takes section texts and gives typed values. The outcome of a decision is
//! read per numbered part (`1. ...`, `2. ...`): each part takes the most
//! decisive phrase it holds (approved or rejected over postponed over noted
//! over discussed; a decision in general words, `besluttede`, is an
//! approval below a postponement), a negation (`ikke godkendt`, `godkendes ikke`) turns
//! approval into rejection, and the decision takes the most decisive part,
//! or `mixed` when some parts are approved and others rejected.
//!
//! ```
//! use referat::decision::outcome;
//! use referat::record::Outcome;
//! assert_eq!(outcome("1. Fagligt strategisk niveau godkendte indstillingen."), Outcome::Approved);
//! assert_eq!(outcome("Orienteringen blev taget til efterretning."), Outcome::Noted);
//! assert_eq!(outcome("1. Godkendt.\n2. Der var ikke tilslutning til forslaget."), Outcome::Mixed);
//! assert_eq!(outcome("Intet at bemærke."), Outcome::None);
//! ```

use crate::caseless::Haystack;
use crate::lexicon::{OUTCOME_PHRASES, OUTCOME_WORDS};
use crate::record::Outcome;
use regex::Regex;
use std::sync::LazyLock;

static PART_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\d{1,2}(?:\.-\d{1,2})?[.)]\s").unwrap());
static NEGATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:ikke|ej|intet)\s+(?:\w+\s+){0,1}$").unwrap());
static NEGATION_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\s+ikke\b").unwrap());

/// The rank of an outcome when parts are combined: higher wins.
fn rank(o: Outcome) -> u8 {
    match o {
        Outcome::None => 0,
        Outcome::Discussed => 1,
        Outcome::Noted => 2,
        Outcome::Postponed => 3,
        Outcome::Approved | Outcome::Rejected | Outcome::Mixed => 4,
    }
}

/// The outcome of one part of a decision.
fn part_outcome(text: &str) -> Outcome {
    let mut best = Outcome::None;
    let mut approved = false;
    let mut rejected = false;
    // An approval in general words (`besluttede`) only.
    let mut decided = false;
    let hay = Haystack::new(text);
    let candidates = OUTCOME_WORDS.matches(&hay);
    for (i, phrase) in OUTCOME_PHRASES.iter().enumerate() {
        if !candidates.matched(i) {
            continue;
        }
        for m in phrase.regex.find_iter(&hay) {
            let mut o = phrase.outcome;
            if o == Outcome::Approved
                && (NEGATION.is_match(crate::span::before(text, m.start(), 60))
                    || NEGATION_AFTER.is_match(crate::span::after(text, m.end(), 20)))
            {
                o = Outcome::Rejected;
            }
            if phrase.general && o == Outcome::Approved {
                decided = true;
                continue;
            }
            approved |= o == Outcome::Approved;
            rejected |= o == Outcome::Rejected;
            if rank(o) > rank(best) {
                best = o;
            }
        }
    }
    match (approved, rejected) {
        // Within one part, a rejection phrase qualifies the approval
        // ("godkendt, men ikke tilslutning til ...") only when it is the
        // only verdict; both together in one sentence is still mixed.
        (true, true) => Outcome::Mixed,
        (_, true) => Outcome::Rejected,
        (true, _) => Outcome::Approved,
        // `besluttede at udsætte sagen`: postponed.
        _ if decided && rank(best) < rank(Outcome::Postponed) => Outcome::Approved,
        _ => best,
    }
}

/// Splits a decision into its numbered parts (the text before the first
/// number is a part of its own).
fn parts(text: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![String::new()];
    for line in text.lines() {
        if PART_START.is_match(line) {
            out.push(String::new());
        }
        let last = out.last_mut().expect("at least one part");
        last.push_str(line);
        last.push('\n');
    }
    out.retain(|p| !p.trim().is_empty());
    out
}

/// The outcome of a decision text.
pub fn outcome(text: &str) -> Outcome {
    let outcomes: Vec<Outcome> = parts(text).iter().map(|p| part_outcome(p)).collect();
    let approved = outcomes.contains(&Outcome::Approved);
    let rejected = outcomes.contains(&Outcome::Rejected);
    if outcomes.contains(&Outcome::Mixed) || (approved && rejected) {
        return Outcome::Mixed;
    }
    outcomes
        .into_iter()
        .max_by_key(|&o| rank(o))
        .unwrap_or(Outcome::None)
}

/// The longest text of an item of minutes read as its decision when it
/// has no section of its own: a line or two (`Dagsordenen blev godkendt.`),
/// not a discussion's account.
pub const PROSE_DECISION_MAX: usize = 300;

/// The decision of an item of minutes that has no beslutning section, when
/// its whole text is one short passage under no heading that says what
/// was decided (`Dagsordenen blev godkendt.`, `Styregruppen tog
/// orienteringen til efterretning.`): the text and its outcome. A text
/// that states no outcome (`Intet.`), a longer one or one with headings
/// of its own gives none.
///
/// ```
/// use referat::decision::in_prose;
/// use referat::record::Outcome;
/// let d = in_prose("Dagsordenen blev godkendt.").unwrap();
/// assert_eq!(d.outcome, Outcome::Approved);
/// assert!(in_prose("Intet.").is_none());
/// ```
pub fn in_prose(text: &str) -> Option<crate::record::Decision> {
    let text = text.trim();
    if text.is_empty() || text.len() > PROSE_DECISION_MAX {
        return None;
    }
    match outcome(text) {
        Outcome::None => None,
        outcome => Some(crate::record::Decision {
            text: text.to_string(),
            outcome,
            votes: crate::votes::votes(text),
        }),
    }
}

/// A recommendation's pattern: a head (`1. `, `- `, `Det indstilles, `)
/// and the recommendation, which runs to the line's end. The head's match
/// ends where the recommendation starts whenever the whole pattern matches
/// (each head reads its text one way only: greedy white space before a
/// recommendation that opens with none), so the recommendation is read
/// from the two automata's matches, without the captures' engine, which
/// ran over the whole of a long line.
struct Clause {
    /// The head's and the group's pattern: the whole is `head(group)`.
    #[cfg_attr(not(test), allow(dead_code))]
    source: (&'static str, &'static str),
    /// The whole pattern without the group's brackets.
    search: Regex,
    /// The pattern up to the group.
    head: Regex,
}

impl Clause {
    fn new(head: &'static str, group: &'static str) -> Clause {
        let re = |p: &str| Regex::new(p).unwrap_or_else(|e| panic!("{p}: {e}"));
        Clause {
            source: (head, group),
            search: re(&format!("{head}{group}")),
            head: re(head),
        }
    }

    /// The recommendation in `line`: the group of `head(group)`'s match.
    fn in_line<'h>(&self, line: &'h str) -> Option<&'h str> {
        let m = self.search.find(line)?;
        let head = self.head.find_at(line, m.start())?;
        debug_assert_eq!(head.start(), m.start(), "{line:?}");
        Some(&line[head.end()..m.end()])
    }
}

static NUMBERED_POINT: LazyLock<Clause> =
    LazyLock::new(|| Clause::new(r"^\d{1,2}[.)]\s+", r"\S.*$"));
/// A numbered `at` clause glued to its number (`1.at den foreslåede ...`):
/// only `at`, so that `1.000 kr.` is no point.
static NUMBERED_AT_GLUED: LazyLock<Clause> =
    LazyLock::new(|| Clause::new(r"^\d{1,2}[.)]", r"at\s+\S.*$"));
static AT_CLAUSE: LazyLock<Clause> = LazyLock::new(|| Clause::new(r"^(?:[-•]\s*)?", r"at\s+\S.*$"));
static INLINE_AT: LazyLock<Clause> = LazyLock::new(|| {
    Clause::new(
        r"(?i)\b(?:indstilles|indstiller|anbefales|anbefaler)[,:]?\s+",
        r"at\s+\S.*$",
    )
});

/// A line of a section, as [`recommendations`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line's text, markup removed.
    pub text: &'a str,
    /// A bullet point (its marker is gone from the text).
    pub bullet: bool,
    /// Running text right after the line before, with no blank line
    /// between: the same paragraph, wrapped (`1. at Plan- og` /
    /// `Tryghedsudvalget godkender ...`).
    pub wrapped: bool,
}

impl<'a> Line<'a> {
    /// A line of its own: no bullet, not wrapped.
    pub fn plain(text: &'a str) -> Line<'a> {
        Line {
            text,
            bullet: false,
            wrapped: false,
        }
    }
}

/// Abbreviations that end with a dot and almost never end a sentence
/// (`... dialog med styrelsen vedr.` / `mulighed for ...`).
const ABBREVIATIONS: [&str; 16] = [
    "vedr.", "jf.", "ca.", "bl.a.", "f.eks.", "fx.", "iht.", "ift.", "mht.", "pga.", "inkl.",
    "ekskl.", "nr.", "pkt.", "dvs.", "evt.",
];

/// Whether `text` ends a sentence: `.`, `!`, `?` or `;`, but not the dot
/// of an abbreviation.
fn ends_sentence(text: &str) -> bool {
    let last_word = text.rsplit(' ').next().unwrap_or(text).to_lowercase();
    text.ends_with(['.', '!', '?', ';']) && !ABBREVIATIONS.contains(&last_word.as_str())
}

/// The recommendations that `start` finds on `lines`, each with the
/// wrapped lines after it that continue it: until a line that is not
/// wrapped, starts a recommendation itself, or follows a sentence's end.
fn with_wrapped_lines(lines: &[Line], start: impl Fn(&Line) -> Option<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for l in lines {
        if let Some(r) = start(l) {
            out.push(r);
            open = true;
            continue;
        }
        match out.last_mut() {
            Some(last) if open && l.wrapped && !ends_sentence(last) => {
                last.push(' ');
                last.push_str(l.text.trim());
            }
            _ => open = false,
        }
    }
    out
}

/// The recommendations of an indstilling, given its lines (list items
/// carry their `N.` number as text, bullets have lost their marker).
///
/// Numbered points and lines that are `at ...` clauses are the
/// recommendations; failing those, bullet points; failing those, the
/// `at ...` clause of a single `Det indstilles, at ...` sentence. A
/// recommendation wrapped over several lines is read whole.
pub fn recommendations(lines: &[Line]) -> Vec<String> {
    let mut out = with_wrapped_lines(lines, |l| {
        NUMBERED_POINT
            .in_line(l.text)
            .or_else(|| NUMBERED_AT_GLUED.in_line(l.text))
            .or_else(|| AT_CLAUSE.in_line(l.text))
            .map(|r| r.trim().to_string())
    });
    if out.is_empty() {
        out = with_wrapped_lines(lines, |l| l.bullet.then(|| l.text.trim().to_string()));
    }
    if out.is_empty() {
        out = with_wrapped_lines(lines, |l| {
            INLINE_AT.in_line(l.text).map(|r| r.trim().to_string())
        });
    }
    out
}

static FILE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|msg|png|jpe?g|zip|csv)$").unwrap()
});

/// Attachment names from the lines of an item's bilag sections (one slice
/// per section). When some sections list file names, those sections are the
/// attachments and the others (their titles, repeated) are left out.
pub fn attachments(sections: &[Vec<&str>]) -> Vec<String> {
    let is_file_list =
        |s: &Vec<&str>| !s.is_empty() && s.iter().all(|l| FILE_NAME.is_match(l.trim()));
    let any_files = sections.iter().any(is_file_list);
    let mut out: Vec<String> = Vec::new();
    for s in sections.iter().filter(|s| !any_files || is_file_list(s)) {
        for line in s {
            let name = line.trim().to_string();
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// This stage's patterns and tables, each built on first use; built ahead
/// by [`crate::prepare`].
pub(crate) const PREPARE: &[fn()] = builders![
    PART_START,
    NEGATION,
    NEGATION_AFTER,
    NUMBERED_POINT,
    NUMBERED_AT_GLUED,
    AT_CLAUSE,
    INLINE_AT,
    FILE_NAME,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A recommendation read from the head's and the whole's matches is the
    /// group of the pattern `head(group)`: on lines with white space of
    /// every kind after the heads, a cue word twice, glued and spaced
    /// numbers, and on every line and paragraph of the seeds and the devset.
    #[test]
    fn recommendations_from_matches_are_the_patterns_groups() {
        let tricky = [
            "1. Godkender planen",
            "12)\u{a0}\u{2003}at udvalget godkender",
            "1.at den foreslåede model",
            "1.000 kr. bevilges",
            "- at planen godkendes",
            "•\tat sagen drøftes",
            "at  \u{a0}x",
            "at\n x",
            "-at x",
            "Det indstilles og anbefales, at x",
            "Det INDSTILLES, at x",
            "Det indstiller ſekretariatet: at x",
            "Det anbefaler:\tat  sagen tages til efterretning",
            "indstilles at\nx",
            "1.  ",
            "1. x\ny",
        ];
        let clauses = [&NUMBERED_POINT, &NUMBERED_AT_GLUED, &AT_CLAUSE, &INLINE_AT];
        let full: Vec<Regex> = clauses
            .iter()
            .map(|c| Regex::new(&format!("{}({})", c.source.0, c.source.1)).unwrap())
            .collect();
        let mut found = 0;
        for line in &crate::test_lines_and_paragraphs(&tricky) {
            let line = line.as_str();
            for (c, full) in clauses.iter().zip(&full) {
                let want = full.captures(line).map(|c| c.get(1).unwrap().as_str());
                assert_eq!(c.in_line(line), want, "{line:?}");
                found += usize::from(want.is_some());
            }
        }
        assert!(found >= 20, "{found}");
    }

    #[test]
    fn outcomes_from_genre_phrases() {
        for (text, want) in [
            (
                "Fagligt strategisk niveau godkendte indstillingen.",
                Outcome::Approved,
            ),
            ("Anbefalingerne blev godkendt.", Outcome::Approved),
            (
                "Det blev besluttet, at klyngen ikke deltager på det næste hold.",
                Outcome::Approved,
            ),
            ("Orienteringen blev taget til efterretning.", Outcome::Noted),
            (
                "Orienteringer og drøftelser blev taget til efterretning.",
                Outcome::Noted,
            ),
            (
                "Fagligt strategisk niveau havde en indledende drøftelse.",
                Outcome::Discussed,
            ),
            ("Anbefalingerne blev drøftet.", Outcome::Discussed),
            ("Der var ikke tilslutning til forslaget.", Outcome::Rejected),
            ("Forslaget blev afvist.", Outcome::Rejected),
            ("Indstillingen blev ikke godkendt.", Outcome::Rejected),
            ("Indstillingen godkendes ikke.", Outcome::Rejected),
            ("Punktet blev udsat til næste møde.", Outcome::Postponed),
            ("1. Anbefales.", Outcome::Approved),
            ("Anbefales ikke.", Outcome::Rejected),
            (
                "Ældrerådet kan ikke anbefale besparelsen.",
                Outcome::Rejected,
            ),
            // A recommendation in passing decides nothing.
            (
                "Derudover anbefalede oplægsholderen mere træning.",
                Outcome::None,
            ),
            ("Godkendt som indstillet.", Outcome::Approved),
            ("Vedtaget.", Outcome::Approved),
            ("Anbefalet.", Outcome::Approved),
            ("Indstillingen tiltrædes.", Outcome::Approved),
            ("Oversendes til Byrådet med anbefaling.", Outcome::Approved),
            ("Ansøgningen imødekommes.", Outcome::Approved),
            ("Ansøgningen imødekommes ikke.", Outcome::Rejected),
            (
                "Udvalget kunne ikke godkende indstillingen.",
                Outcome::Rejected,
            ),
            ("Udvalget anbefaler indstillingen.", Outcome::Approved),
            ("Udvalget anbefaler ikke forslaget.", Outcome::Rejected),
            (
                "Styregruppen tilsluttede sig indstillingen.",
                Outcome::Approved,
            ),
            ("Der var tilslutning til forslaget.", Outcome::Approved),
            // A title's joining a scheme is no verdict.
            ("Tilslutning til sæsonvaccination i klyngen", Outcome::None),
            (
                "Klyngen kunne ikke tilslutte sig anbefalingerne.",
                Outcome::Rejected,
            ),
            // Joining the meeting is no verdict.
            ("Anne Holm tilsluttede sig mødet kl. 14.", Outcome::None),
            ("Styregruppen bakkede op om forslaget.", Outcome::Approved),
            ("Udvalget bakkede ikke op om forslaget.", Outcome::Rejected),
            ("Forslaget faldt.", Outcome::Rejected),
            ("Udgiften faldt med 2 mio. kr.", Outcome::None),
            ("Afslag.", Outcome::Rejected),
            ("Udvalget besluttede at meddele afslag.", Outcome::Rejected),
            (
                "Sagen blev sendt tilbage til administrationen.",
                Outcome::Postponed,
            ),
            ("Til orientering.", Outcome::Noted),
            ("Formanden orienterede om mødet i KKR.", Outcome::Noted),
            // A decision in general words gives way to a postponement.
            ("Udvalget besluttede at udsætte sagen.", Outcome::Postponed),
            (
                "Udvalget besluttede ikke at gå videre med forslaget.",
                Outcome::Rejected,
            ),
            (
                "Drøftet. Udvalget besluttede at holde et temamøde.",
                Outcome::Approved,
            ),
            ("Intet at bemærke.", Outcome::None),
            ("Afbud: Kenneth Jerkel", Outcome::None),
            ("", Outcome::None),
        ] {
            assert_eq!(outcome(text), want, "{text}");
        }
    }

    #[test]
    fn numbered_parts_combine() {
        // The most decisive part wins.
        assert_eq!(
            outcome(
                "1. Oplægget blev taget til efterretning.\n2. Drøftet, og beslutter enstemmigt, at Kolding indgår."
            ),
            Outcome::Approved
        );
        assert_eq!(
            outcome("1. Taget til efterretning.\n2. Drøftet."),
            Outcome::Noted
        );
        // Conflicting parts are mixed.
        assert_eq!(
            outcome(
                "1. Kommissorieudkastet blev godkendt.\n\nDer var ikke tilslutning fra kommunerne."
            ),
            Outcome::Mixed
        );
        assert_eq!(outcome("1.-4. godkendt."), Outcome::Approved);
    }

    #[test]
    fn recommendations_numbered_and_at_clauses() {
        let plain = |texts: &[&'static str]| -> Vec<Line<'static>> {
            texts.iter().map(|t| Line::plain(t)).collect()
        };
        let lines = plain(&[
            "Det indstilles, at fagligt strategisk niveau",
            "1. Tager orienteringer og drøftelse til efterretning",
        ]);
        assert_eq!(
            recommendations(&lines),
            ["Tager orienteringer og drøftelse til efterretning"]
        );
        let lines = plain(&[
            "at klyngestyregruppen godkender X",
            "at klyngestyregruppen godkender Y",
        ]);
        assert_eq!(recommendations(&lines).len(), 2);
        let lines = plain(&["Administrationen indstiller at dagsordenen godkendes"]);
        assert_eq!(recommendations(&lines), ["at dagsordenen godkendes"]);
        let lines = [
            Line::plain("Sagen er sendt til Det koordinerende niveau, som"),
            Line {
                bullet: true,
                ..Line::plain("Drøfter samarbejdsaftalen")
            },
        ];
        assert_eq!(recommendations(&lines), ["Drøfter samarbejdsaftalen"]);
        // A number glued to its `at` (Greve Kommune's portal text); not
        // an amount after a number.
        let lines = plain(&[
            "1.at den foreslåede mødekalender godkendes",
            "2. at den faste mødedag bliver tirsdag.",
            "1.000 kr. afsættes",
        ]);
        assert_eq!(
            recommendations(&lines),
            [
                "at den foreslåede mødekalender godkendes",
                "at den faste mødedag bliver tirsdag."
            ]
        );
    }

    /// A recommendation wrapped over lines (text from PDF, plain text
    /// portals) is read whole, up to its sentence's end, a blank line or
    /// the next recommendation.
    #[test]
    fn wrapped_recommendations_are_read_whole() {
        let wrapped = |text| Line {
            wrapped: true,
            ..Line::plain(text)
        };
        let lines = [
            Line::plain("Administrationen indstiller,"),
            Line::plain("1. at Plan- og"),
            wrapped("Tryghedsudvalget godkender den samlede plan som input til"),
            wrapped("anlægslov for Køge Bugt Strandpark."),
            wrapped("Planen sendes videre."),
            Line::plain("2. at styrelsen høres vedr."),
            wrapped("anvendelsen."),
            Line::plain("2. at Klima-, Teknik- og"),
            wrapped("Miljøudvalget anbefaler planen"),
            wrapped("3. at sagen afsluttes"),
            Line::plain("Økonomi"),
            wrapped("ingen udgifter"),
        ];
        assert_eq!(
            recommendations(&lines),
            [
                "at Plan- og Tryghedsudvalget godkender den samlede plan som input til anlægslov for Køge Bugt Strandpark.",
                "at styrelsen høres vedr. anvendelsen.",
                "at Klima-, Teknik- og Miljøudvalget anbefaler planen",
                "at sagen afsluttes",
            ]
        );
        let bullets = [
            Line {
                bullet: true,
                ..Line::plain("Drøfter aftalen og")
            },
            wrapped("implementeringen heraf"),
        ];
        assert_eq!(
            recommendations(&bullets),
            ["Drøfter aftalen og implementeringen heraf"]
        );
    }

    #[test]
    fn attachments_prefer_file_lists() {
        let a = attachments(&[
            vec!["Faktaark: Børn og unge, SST 2023"],
            vec!["Faktaark børn og unge.pdf"],
        ]);
        assert_eq!(a, ["Faktaark børn og unge.pdf"]);
        let a = attachments(&[vec!["Status på klyngeøkonomi"], vec![]]);
        assert_eq!(a, ["Status på klyngeøkonomi"]);
    }
}
