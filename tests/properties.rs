//! Property tests: no extractor panics on arbitrary input, and every span
//! it gives lies on char boundaries inside the text it was given.

use proptest::prelude::*;
use referat::batch::{self, Input, Options};
use referat::caseless::{Caseless, Haystack};
use referat::{amounts, dates, datetime, extract};

/// Text made of the pieces the extractors look for, in any order: digits,
/// separators, month and weekday names, currency words, Danish letters,
/// line breaks, tabs and a few multi-byte characters.
fn genre_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[0-9]{1,5}",
        Just(".".to_string()),
        Just(",".to_string()),
        Just("-".to_string()),
        Just("–".to_string()),
        Just("/".to_string()),
        Just(":".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\t".to_string()),
        Just("|".to_string()),
        Just("\u{a0}".to_string()),
        prop::sample::select(vec![
            "kr.",
            "kr",
            "mio.",
            "mia.",
            "t. kr.",
            "DKK",
            "kroner",
            ",-",
            "ca.",
            "pr. år",
            "marts",
            "jan.",
            "sept.",
            "maj",
            "den",
            "d.",
            "mandag",
            "fre",
            "kl.",
            "klokken",
            "primo",
            "ultimo",
            "halvår",
            "kvartal",
            "foråret",
            "vinteren",
            "i",
            "til",
            "og",
            "Beslutning",
            "Punkt",
            "## ",
            "**",
            "æøå",
            "ÆØÅ",
            "é",
            "😀",
            "Budget",
            "(1.000 kr.)",
        ])
        .prop_map(str::to_string),
        "[a-zæøå]{1,8}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check_range(text: &str, start: usize, end: usize) -> Result<(), TestCaseError> {
    prop_assert!(
        start <= end && end <= text.len(),
        "{start}..{end} outside {}",
        text.len()
    );
    prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    Ok(())
}

/// Genre text with some letters upper-cased, and now and then one of the
/// characters whose case pair has another length (`ſ`, `K`, `Å`).
fn mixed_case_text() -> impl Strategy<Value = String> {
    (
        genre_text(),
        prop::collection::vec(any::<bool>(), 64),
        prop::option::weighted(0.2, prop::sample::select(vec!['ſ', '\u{212A}', '\u{212B}'])),
    )
        .prop_map(|(text, flips, odd)| {
            let mut out: String = text
                .chars()
                .zip(flips.iter().cycle())
                .map(|(c, &up)| {
                    if up {
                        c.to_uppercase().next().unwrap_or(c)
                    } else {
                        c
                    }
                })
                .collect();
            if let Some(c) = odd {
                let at = out
                    .char_indices()
                    .map(|(i, _)| i)
                    .nth(out.chars().count() / 2);
                out.insert(at.unwrap_or(0), c);
            }
            out
        })
}

/// Patterns like the extractors' caseless ones, each with its `(?i)` form.
static CASELESS: std::sync::LazyLock<Vec<(regex::Regex, Caseless)>> =
    std::sync::LazyLock::new(|| {
        [
            r"(?:januar|marts|maj|sept|dec)\.?\s+(?P<y>\d{4})",
            r"(?P<n>1|2|første|andet)\.?\s*halvår(?:\s+(?:af|i))?",
            r"(?:^|[^\p{L}])(?P<cur>kr\.|dkk)[ \u{a0}]?\d+",
            r"\d+\s*(?:mio\.?|t\.)?\s*(?:kr\.?|kroner|dkk)(?:[^\p{L}\d]|$)",
            r"(?-u:\b)(?:primo|ultimo|den|i)(?-u:\b)",
            r"[a-zæøå]+",
        ]
        .iter()
        .map(|p| {
            (
                regex::Regex::new(&format!("(?i){p}")).unwrap(),
                Caseless::new(p),
            )
        })
        .collect()
    });

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn caseless_patterns_match_as_their_any_case_form(text in mixed_case_text()) {
        for (any, caseless) in CASELESS.iter() {
            let want: Vec<_> = any.find_iter(&text).map(|m| m.range()).collect();
            let got: Vec<_> = caseless.find_iter(&Haystack::new(&text)).map(|m| m.range()).collect();
            prop_assert_eq!(got, want, "{} on {:?}", any.as_str(), text);
        }
    }

    #[test]
    fn amounts_never_panic_and_stay_on_boundaries(text in genre_text()) {
        for a in amounts::amounts(&text) {
            check_range(&text, a.range.start, a.range.end)?;
            prop_assert!(a.value.is_finite());
            let _ = amounts::context(&text, &a.range, 80);
        }
    }

    #[test]
    fn dates_never_panic_and_stay_on_boundaries(
        text in genre_text(),
        anchor in prop::option::of((1990i32..2040, 1u32..=12, 1u32..=28)),
    ) {
        for d in dates::dates(&text, &dates::DateContext { anchor }) {
            check_range(&text, d.range.start, d.range.end)?;
            prop_assert_eq!(d.start.is_some(), d.end.is_some());
            if let (Some(start), Some(end)) = (d.start, d.end) {
                prop_assert!(start <= end, "{} > {}", start, end);
            }
        }
    }

    #[test]
    fn clock_and_calendar_readers_never_panic(text in genre_text()) {
        if let Some(t) = datetime::find_times(&text) {
            check_range(&text, t.range.start, t.range.end)?;
        }
        if let Some(d) = datetime::find_date(&text) {
            check_range(&text, d.range.0, d.range.1)?;
        }
    }

    #[test]
    fn the_pipeline_never_panics_and_spans_are_in_the_source(text in genre_text()) {
        let r = extract("p.txt", text.as_bytes());
        prop_assert!(r.error.is_none());
        let spans = r.amounts.iter().map(|a| a.span)
            .chain(r.dates.iter().map(|d| d.span))
            .chain(r.items.iter().map(|i| i.span))
            .chain(r.items.iter().flat_map(|i| i.sections.iter().map(|s| s.span)));
        for s in spans {
            check_range(&text, s.start, s.end)?;
        }
    }

    #[test]
    fn records_are_the_same_whatever_the_thread_count(
        docs in prop::collection::vec(genre_text(), 1..12),
    ) {
        let inputs: Vec<Input> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| Input::Memory { label: format!("d{i}.txt"), bytes: d.clone().into_bytes() })
            .collect();
        let run = |jobs: usize| {
            let opts = Options { jobs: Some(jobs), ..Options::default() };
            let mut out = Vec::new();
            batch::run(&inputs, &opts, |r| { out.push(serde_json::to_string(r).unwrap()); Ok(()) }, |_| {})
                .unwrap();
            out
        };
        let one = run(1);
        prop_assert_eq!(one.len(), docs.len());
        prop_assert_eq!(&one, &run(3));
        // And the same bytes give the same record on their own.
        prop_assert_eq!(&one[0], &serde_json::to_string(&extract("d0.txt", docs[0].as_bytes())).unwrap());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let r = extract("b.txt", &bytes);
        for a in &r.amounts {
            prop_assert!(a.span.start <= a.span.end && a.span.end <= bytes.len());
        }
    }
}
