//! Stage 2, normalize: decoded text to the text every later stage reads.
//!
//! Takes the decoded text and gives a [`Normalized`] text in which line
//! endings are `\n`, Unicode is in NFC, soft hyphens, zero-width characters
//! and byte-order marks are gone, and exotic spaces (no-break, thin, ...) are
//! plain spaces. Line count is preserved (a CRLF or lone CR becomes one
//! `\n`), so line numbers agree with the source. The [`OffsetMap`] leads
//! back to the decoded text. Text that needs none of this (most of it) is
//! given back borrowed, not copied.
//!
//! ```
//! let n = referat::normalize::normalize("Bil\u{AD}ag\r\nA\u{30A}rhus");
//! assert_eq!(n.text, "Bilag\nÅrhus");
//! ```

use crate::span::{self, OffsetMap};
use std::borrow::Cow;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Normalized text and its map back to the decoded text.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The normalized text (the input itself when nothing changed).
    pub text: Cow<'a, str>,
    /// Offsets of `text` to offsets of the decoded text.
    pub map: OffsetMap,
}

/// What happens to one character.
enum Fate {
    Keep,
    Drop,
    Replace(char),
}

fn fate(ch: char) -> Fate {
    match ch {
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Fate::Drop,
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Fate::Replace(' ')
        }
        '\u{2028}' | '\u{2029}' | '\u{85}' => Fate::Replace('\n'),
        _ => Fate::Keep,
    }
}

/// Normalizes decoded text.
///
/// Runs of text that need no change are copied in bulk; only CRs, the
/// characters that are dropped or replaced, and (in text that is not already NFC) clusters
/// with combining marks are looked at one by one. A text in which nothing
/// changes is not copied at all.
pub fn normalize(input: &str) -> Normalized<'_> {
    let mut text = String::new();
    // Whether the text differs from the input (a CR, a character dropped
    // or replaced, a cluster composed). The copy is begun only at the first
    // character looked at, and dropped at the end when nothing changed.
    let mut changed = false;
    let mut map = OffsetMap::builder();
    map.same(0, 0);
    let needs_nfc = !matches!(
        is_nfc_quick(chars_to_check(input)),
        unicode_normalization::IsNormalized::Yes
    );
    let bytes = input.as_bytes();
    // Start of the pending run that is copied unchanged.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !needs_nfc {
            // In NFC text only a CR or a character that is dropped or
            // replaced changes anything.
            match next_special(bytes, i) {
                Some(at) => i = at,
                None => break,
            }
        }
        let ch = input[i..].chars().next().expect("i is on a char boundary");
        let after = i + ch.len_utf8();
        let next = input[after..].chars().next();
        let combining_next = needs_nfc && next.is_some_and(|n| canonical_combining_class(n) != 0);
        let special = ch == '\r' || !matches!(fate(ch), Fate::Keep);
        let nfc_cluster = needs_nfc && (combining_next || !ch.is_ascii());
        if !special && !nfc_cluster {
            i = after;
            continue;
        }
        if text.is_empty() {
            text.reserve(input.len());
        }
        text.push_str(&input[run..i]);
        let at = text.len();
        if ch == '\r' {
            changed = true;
            // CRLF or a lone CR: one newline.
            let end = if next == Some('\n') { after + 1 } else { after };
            text.push('\n');
            map.changed(at, i, at + 1, end);
            map.same(at + 1, end);
            run = end;
            i = end;
            continue;
        }
        if needs_nfc && !special {
            // The character and the combining marks after it.
            let end = input[after..]
                .char_indices()
                .find(|&(_, c)| canonical_combining_class(c) == 0)
                .map_or(input.len(), |(j, _)| after + j);
            let cluster = &input[i..end];
            let composed: String = cluster.nfc().collect();
            if composed != cluster {
                changed = true;
                text.push_str(&composed);
                map.changed(at, i, text.len(), end);
                map.same(text.len(), end);
            } else {
                text.push_str(cluster);
            }
            run = end;
            i = end;
            continue;
        }
        match fate(ch) {
            Fate::Keep => text.push(ch),
            Fate::Drop => {
                changed = true;
                map.changed(at, i, at, after);
                map.same(at, after);
            }
            Fate::Replace(r) => {
                changed = true;
                text.push(r);
                map.changed(at, i, text.len(), after);
                map.same(text.len(), after);
            }
        }
        run = after;
        i = after;
    }
    if !changed {
        return Normalized {
            text: Cow::Borrowed(input),
            map: map.finish(),
        };
    }
    text.push_str(&input[run..]);
    Normalized {
        text: Cow::Owned(text),
        map: map.finish(),
    }
}

/// Whether the character at `i` (on a char boundary) is a CR or one that
/// [`fate`] drops or replaces, read from its UTF-8 bytes: `\r`, `C2 85`
/// (U+0085), `C2 A0`, `C2 AD`, `E2 80 80`–`E2 80 8D` (U+2000–U+200D),
/// `E2 80 A8`/`A9`/`AF` (U+2028, U+2029, U+202F), `E2 81 9F`/`A0`
/// (U+205F, U+2060), `E3 80 80` (U+3000) and `EF BB BF` (U+FEFF). Dashes
/// and quotes (`E2 80 93`, `E2 80 99`), common in text from PDF, are none.
fn special_at(bytes: &[u8], i: usize) -> bool {
    matches!(
        (bytes[i], bytes.get(i + 1), bytes.get(i + 2)),
        (b'\r', _, _)
            | (0xC2, Some(0x85 | 0xA0 | 0xAD), _)
            | (0xE2, Some(0x80), Some(0x80..=0x8D | 0xA8 | 0xA9 | 0xAF))
            | (0xE2, Some(0x81), Some(0x9F | 0xA0))
            | (0xE3, Some(0x80), Some(0x80))
            | (0xEF, Some(0xBB), Some(0xBF))
    )
}

/// The offset of the first character at or after `from` (a char
/// boundary) that [`special_at`] holds: eight bytes at a time to the
/// bytes equal to `\r` or with their high bit set, each then checked (a
/// byte past the first of its character never passes).
fn next_special(bytes: &[u8], from: usize) -> Option<usize> {
    span::flagged_in_blocks(
        bytes,
        from,
        |b| u8::from(b == b'\r') | u8::from(b == 0xC2) | u8::from(matches!(b, 0xE2 | 0xE3 | 0xEF)),
        |w| (w & span::splat(0x80)) | span::bytes_equal(w, b'\r'),
        |k| special_at(bytes, k),
    )
    .next()
}

/// The characters of `text` the NFC quick check needs to see, in order:
/// all but ASCII and Latin-1 (U+0000–U+00FF, most of a Danish text's
/// letters). Those are all NFC and starters (no combining class), so they
/// only break up runs of combining marks: dropping them can turn a `Yes`
/// into a `Maybe` or `No` (which merely sends the text the careful way)
/// but never the other way.
fn chars_to_check(text: &str) -> impl Iterator<Item = char> + '_ {
    // Their lead bytes: from `C4` on (no byte past a character's first is).
    let bytes = text.as_bytes();
    let high = span::splat(0x80);
    span::flagged_in_blocks(
        bytes,
        0,
        |b| u8::from(b >= 0xC4),
        move |w| w & high,
        move |k| bytes[k] >= 0xC4,
    )
    .map(|k| text[k..].chars().next().expect("a lead byte"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_needs_no_change_is_borrowed() {
        use std::borrow::Cow;
        // NFC already, Danish letters, dashes and quotes: nothing changes.
        for text in [
            "",
            "Århus – “citat” ø",
            "a\u{301}b\u{316}",
            "Punkt 1\nBilag",
        ] {
            let n = normalize(text);
            assert_eq!(n.text, text.nfc().collect::<String>());
            if n.text == text {
                assert!(matches!(n.text, Cow::Borrowed(_)), "{text:?}");
            }
        }
        // Each kind of change gives a text of its own.
        for (text, want) in [
            ("a\r\nb", "a\nb"),
            ("Bil\u{AD}ag", "Bilag"),
            ("12\u{A0}kr", "12 kr"),
            ("A\u{30A}rhus", "Århus"),
        ] {
            let n = normalize(text);
            assert_eq!(n.text, want);
            assert!(matches!(n.text, Cow::Owned(_)), "{text:?}");
        }
    }

    #[test]
    fn the_quick_check_on_the_characters_it_needs_is_never_more_lenient() {
        use unicode_normalization::IsNormalized::Yes;
        for text in [
            "Århus og Ærø, 5 – 7 “citat”",
            "A\u{30A}rhus",
            "e\u{301}",
            "a\u{301}b\u{300}c",
            "x\u{316}\u{301}",
            "x\u{301}\u{316}",
            "x\u{301}é\u{316}",
            "é\u{301} og ø\u{308}",
            "ASCII only, and a bit more of it to pass eight bytes",
        ] {
            let full = is_nfc_quick(text.chars()) == Yes;
            let fast = is_nfc_quick(chars_to_check(text)) == Yes;
            assert!(full || !fast, "{text:?}");
            let seen: String = chars_to_check(text).collect();
            let want: String = text.chars().filter(|&c| c > '\u{FF}').collect();
            assert_eq!(seen, want);
        }
        // What the check leaves out is NFC and made of starters.
        for c in '\0'..='\u{FF}' {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), Yes, "{c:?}");
        }
    }

    /// The special characters found from their bytes are those [`fate`]
    /// changes, and CR: every character up to U+FFFF, and the seeds'.
    #[test]
    fn special_characters_are_found_from_their_bytes() {
        let mut text = String::new();
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            text.push(c);
            text.push_str("ab");
        }
        text.push_str(&crate::test_documents().concat());
        let bytes = text.as_bytes();
        let want: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| c == '\r' || !matches!(fate(c), Fate::Keep))
            .map(|(i, _)| i)
            .collect();
        let mut got = Vec::new();
        let mut at = 0;
        while let Some(i) = next_special(bytes, at) {
            got.push(i);
            at = i + 1;
        }
        assert_eq!(got, want);
        assert!(want.len() >= 20, "{}", want.len());
    }

    #[test]
    fn clean_text_is_untouched() {
        let s = "Punkt 2: Drøftelsessag – børn og unge\n\nBeslutning";
        let n = normalize(s);
        assert_eq!(n.text, s);
        assert_eq!(n.map.to_origin(20), 20);
    }

    #[test]
    fn crlf_becomes_lf_and_maps_back() {
        let n = normalize("a\r\nb\rc");
        assert_eq!(n.text, "a\nb\nc");
        assert_eq!(n.map.to_origin(2), 3); // "b"
        assert_eq!(n.map.to_origin(4), 5); // "c"
    }

    #[test]
    fn soft_hyphen_and_nbsp() {
        let n = normalize("kr.\u{A0}1.000 for\u{AD}løb");
        assert_eq!(n.text, "kr. 1.000 forløb");
        let l = n.text.find('l').unwrap();
        assert_eq!(n.map.to_origin(l), "kr.\u{A0}1.000 for\u{AD}".len());
    }

    #[test]
    fn runs_between_changes_are_copied() {
        let src = "æøå\u{A0}tekst\r\nmere\u{AD}tekst ü";
        let n = normalize(src);
        assert_eq!(n.text, "æøå tekst\nmeretekst ü");
        let t = n.text.rfind('t').unwrap();
        assert_eq!(n.map.to_origin(t), src.rfind('t').unwrap());
    }

    #[test]
    fn decomposed_letters_are_composed() {
        let src = "A\u{30A}rhus og ø";
        let n = normalize(src);
        assert_eq!(n.text, "Århus og ø");
        let r = n.text.find('r').unwrap();
        assert_eq!(n.map.to_origin(r), src.find('r').unwrap());
    }
}
