//! Stage 2, normalize: decoded text to the text every later stage reads.
//!
//! Takes the decoded text and gives a [`Normalized`] text in which line
//! endings are `\n`, Unicode is in NFC, soft hyphens, zero-width characters
//! and byte-order marks are gone, and exotic spaces (no-break, thin, ...) are
//! plain spaces. Line count is preserved (a CRLF or lone CR becomes one
//! `\n`), so line numbers agree with the source. The [`OffsetMap`] leads
//! back to the decoded text.
//!
//! ```
//! let n = referat::normalize::normalize("Bil\u{AD}ag\r\nA\u{30A}rhus");
//! assert_eq!(n.text, "Bilag\nÅrhus");
//! ```

use crate::span::OffsetMap;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Normalized text and its map back to the decoded text.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
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
/// with combining marks are looked at one by one.
pub fn normalize(input: &str) -> Normalized {
    let mut text = String::with_capacity(input.len());
    let mut map = OffsetMap::builder();
    map.same(0, 0);
    let needs_nfc = !matches!(
        is_nfc_quick(input.chars()),
        unicode_normalization::IsNormalized::Yes
    );
    // Start of the pending run that is copied unchanged.
    let mut run = 0;
    let mut chars = input.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        if ch.is_ascii() && ch != '\r' && !needs_nfc {
            continue;
        }
        let combining_next = needs_nfc
            && chars
                .peek()
                .is_some_and(|&(_, next)| canonical_combining_class(next) != 0);
        let special = ch == '\r' || !matches!(fate(ch), Fate::Keep);
        let nfc_cluster = needs_nfc && (combining_next || !ch.is_ascii());
        if !special && !nfc_cluster {
            continue;
        }
        text.push_str(&input[run..i]);
        let at = text.len();
        if ch == '\r' {
            // CRLF or a lone CR: one newline.
            let end = if matches!(chars.peek(), Some(&(_, '\n'))) {
                chars.next();
                i + 2
            } else {
                i + 1
            };
            text.push('\n');
            map.changed(at, i, at + 1, end);
            map.same(at + 1, end);
            run = end;
            continue;
        }
        if needs_nfc && !special {
            // Gather the starter and the combining marks after it.
            let mut end = i + ch.len_utf8();
            while let Some(&(j, next)) = chars.peek() {
                if canonical_combining_class(next) == 0 {
                    break;
                }
                end = j + next.len_utf8();
                chars.next();
            }
            let cluster = &input[i..end];
            let composed: String = cluster.nfc().collect();
            if composed != cluster {
                text.push_str(&composed);
                map.changed(at, i, text.len(), end);
                map.same(text.len(), end);
            } else {
                text.push_str(cluster);
            }
            run = end;
            continue;
        }
        let end = i + ch.len_utf8();
        match fate(ch) {
            Fate::Keep => text.push(ch),
            Fate::Drop => {
                map.changed(at, i, at, end);
                map.same(at, end);
            }
            Fate::Replace(r) => {
                text.push(r);
                map.changed(at, i, text.len(), end);
                map.same(text.len(), end);
            }
        }
        run = end;
    }
    text.push_str(&input[run..]);
    Normalized {
        text,
        map: map.finish(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
