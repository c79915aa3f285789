//! Reading an item's indstilling, beslutning and bilag: recommendations,
//! the decision outcome and attachment names.
//!
//! Takes section texts and gives typed values. The outcome of a decision is
//! read per numbered part (`1. ...`, `2. ...`): each part takes the most
//! decisive phrase it holds (approved or rejected over postponed over noted
//! over discussed), a negation (`ikke godkendt`, `godkendes ikke`) turns
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

use crate::caseless::CapturesIfAny;
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
    let candidates = OUTCOME_WORDS.matches(text);
    for (i, phrase) in OUTCOME_PHRASES.iter().enumerate() {
        if !candidates.matched(i) {
            continue;
        }
        for m in phrase.regex.find_iter(text) {
            let mut o = phrase.outcome;
            if o == Outcome::Approved
                && (NEGATION.is_match(crate::span::before(text, m.start(), 60))
                    || NEGATION_AFTER.is_match(crate::span::after(text, m.end(), 20)))
            {
                o = Outcome::Rejected;
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

static NUMBERED_POINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}[.)]\s+(\S.*)$").unwrap());
static AT_CLAUSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-•]\s*)?(at\s+\S.*)$").unwrap());
static INLINE_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:indstilles|indstiller|anbefales|anbefaler)[,:]?\s+(at\s+\S.*)$").unwrap()
});

/// The recommendations of an indstilling, given its lines (list items
/// carry their `N.` number as text, bullets have lost their marker).
///
/// Numbered points and lines that are `at ...` clauses are the
/// recommendations; failing those, bullet points; failing those, the
/// `at ...` clause of a single `Det indstilles, at ...` sentence.
pub fn recommendations(lines: &[(&str, bool)]) -> Vec<String> {
    let mut out = Vec::new();
    for &(line, _) in lines {
        if let Some(c) = NUMBERED_POINT.captures_if_any(line) {
            out.push(c[1].trim().to_string());
        } else if let Some(c) = AT_CLAUSE.captures_if_any(line) {
            out.push(c[1].trim().to_string());
        }
    }
    if out.is_empty() {
        out = lines
            .iter()
            .filter(|&&(_, bullet)| bullet)
            .map(|&(l, _)| l.trim().to_string())
            .collect();
    }
    if out.is_empty() {
        out = lines
            .iter()
            .filter_map(|&(l, _)| {
                INLINE_AT
                    .captures_if_any(l)
                    .map(|c| c[1].trim().to_string())
            })
            .collect();
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let lines = [
            ("Det indstilles, at fagligt strategisk niveau", false),
            (
                "1. Tager orienteringer og drøftelse til efterretning",
                false,
            ),
        ];
        assert_eq!(
            recommendations(&lines),
            ["Tager orienteringer og drøftelse til efterretning"]
        );
        let lines = [
            ("at klyngestyregruppen godkender X", false),
            ("at klyngestyregruppen godkender Y", false),
        ];
        assert_eq!(recommendations(&lines).len(), 2);
        let lines = [(
            "Administrationen indstiller at dagsordenen godkendes",
            false,
        )];
        assert_eq!(recommendations(&lines), ["at dagsordenen godkendes"]);
        let lines = [
            ("Sagen er sendt til Det koordinerende niveau, som", false),
            ("Drøfter samarbejdsaftalen", true),
        ];
        assert_eq!(recommendations(&lines), ["Drøfter samarbejdsaftalen"]);
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
