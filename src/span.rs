//! Byte spans and the offset maps that carry them back to the source file.
//!
//! Every stage that rewrites text (decoding Windows-1252 or UTF-16, CRLF
//! folding, NFC) records an [`OffsetMap`] from the offsets of its output to
//! the offsets of its input. Extractors work on the normalized text and report
//! [`Span`]s in the bytes of the original file by composing those maps.
//! The module also holds the byte-level helpers the stages share: bounded
//! look-behind and look-ahead ([`before`], [`after`]) and scans eight bytes
//! at a time ([`flagged`]).
//!
//! ```
//! use referat::span::OffsetMap;
//! // "ø" is one byte in Windows-1252 and two in UTF-8.
//! let mut map = OffsetMap::builder();
//! map.same(0, 0);        // "K" at text 0 is source 0
//! map.changed(1, 1, 3, 2); // "ø" at text 1..3 is source 1..2
//! let map = map.finish();
//! assert_eq!(map.to_origin(3), 2);
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A region of the source file: byte offsets `start..end` into the original
/// bytes, and the 1-based line on which it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// Byte offset of the first byte, in the source file.
    pub start: usize,
    /// Byte offset one past the last byte, in the source file.
    pub end: usize,
    /// 1-based line number of `start`.
    pub line: usize,
}

/// A monotone map from offsets in a derived text to offsets in the text it
/// was derived from.
///
/// Stored as anchors `(derived, origin)`: from an anchor on, offsets advance
/// one to one until the next anchor, clamped so that they never pass it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetMap {
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The map of a text that is a byte-for-byte copy of its origin,
    /// shifted by `shift` bytes (a byte-order mark, say).
    pub fn shifted(shift: usize) -> OffsetMap {
        OffsetMap {
            anchors: vec![(0, shift)],
        }
    }

    /// Starts a map that is built run by run.
    pub fn builder() -> OffsetMapBuilder {
        OffsetMapBuilder {
            anchors: Vec::new(),
        }
    }

    /// Maps an offset of the derived text to the origin.
    pub fn to_origin(&self, offset: usize) -> usize {
        let i = self.anchors.partition_point(|&(d, _)| d <= offset);
        if i == 0 {
            return self.anchors.first().map_or(offset, |&(_, o)| o);
        }
        let (d, o) = self.anchors[i - 1];
        let mapped = o + (offset - d);
        match self.anchors.get(i) {
            Some(&(_, next)) => mapped.min(next),
            None => mapped,
        }
    }
}

/// Builds an [`OffsetMap`] while a stage writes its output.
#[derive(Debug)]
pub struct OffsetMapBuilder {
    anchors: Vec<(usize, usize)>,
}

impl OffsetMapBuilder {
    /// Output from `derived` on is a 1:1 copy of the origin from `origin` on.
    pub fn same(&mut self, derived: usize, origin: usize) {
        if let Some(&(d, o)) = self.anchors.last() {
            // Already implied by the previous run.
            if derived >= d && origin >= o && derived - d == origin - o {
                return;
            }
        }
        self.push(derived, origin);
    }

    /// Output `derived..derived_end` replaces origin `origin..origin_end`.
    pub fn changed(
        &mut self,
        derived: usize,
        origin: usize,
        derived_end: usize,
        origin_end: usize,
    ) {
        self.push(derived, origin);
        self.push(derived_end, origin_end);
    }

    fn push(&mut self, derived: usize, origin: usize) {
        if let Some(last) = self.anchors.last_mut()
            && last.0 == derived
        {
            // A later anchor at the same place: keep the one nearest the
            // start of the run, except that an empty replacement moves on.
            last.1 = last.1.max(origin);
            return;
        }
        self.anchors.push((derived, origin));
    }

    /// The finished map.
    pub fn finish(mut self) -> OffsetMap {
        if self.anchors.is_empty() {
            self.anchors.push((0, 0));
        }
        OffsetMap {
            anchors: self.anchors,
        }
    }
}

/// Line starts of a text, for turning offsets into 1-based line numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text` (separated by `\n`).
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// 1-based line of `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// Byte offsets where each line starts.
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// A reader of lines for offsets that come mostly in order.
    pub fn cursor(&self) -> LineCursor<'_> {
        LineCursor {
            index: self,
            line: 0,
        }
    }
}

/// [`LineIndex::line`] for offsets that come mostly in the order of the
/// text (a parser's events): the line of the last offset is where the
/// next one's is looked for first, a step or two on, where a search of all
/// the lines' starts for each offset mispredicts half its steps. An offset
/// before the last, or far after it, is searched for.
///
/// ```
/// use referat::span::LineIndex;
/// let index = LineIndex::new("a\nb\nc");
/// let mut lines = index.cursor();
/// assert_eq!([2, 4, 0].map(|at| lines.line(at)), [2, 3, 1]);
/// ```
#[derive(Debug, Clone)]
pub struct LineCursor<'a> {
    index: &'a LineIndex,
    /// 0-based line of the last offset.
    line: usize,
}

impl LineCursor<'_> {
    /// 1-based line of `offset`, as [`LineIndex::line`] gives it.
    pub fn line(&mut self, offset: usize) -> usize {
        let starts = &self.index.starts;
        if starts[self.line] > offset {
            self.line = self.index.line(offset) - 1;
        }
        while starts.get(self.line + 1).is_some_and(|&s| s <= offset) {
            self.line += 1;
            if self.line.is_multiple_of(8)
                && starts.get(self.line + 8).is_some_and(|&s| s <= offset)
            {
                // Far ahead: the search is quicker.
                self.line = self.index.line(offset) - 1;
                break;
            }
        }
        self.line + 1
    }
}

/// Byte ranges that do not overlap, for extractors that take the most
/// specific match first and skip later matches over the same text.
///
/// Lookup and insertion are logarithmic, so a document with many values
/// stays linear.
///
/// ```
/// use referat::span::RangeSet;
/// let mut taken = RangeSet::default();
/// taken.insert(4..10);
/// assert!(taken.overlaps(&(8..12)));
/// assert!(!taken.overlaps(&(10..12)));
/// ```
#[derive(Debug, Clone, Default)]
pub struct RangeSet {
    /// start -> end of each range.
    ranges: std::collections::BTreeMap<usize, usize>,
}

impl RangeSet {
    /// Whether `r` shares a byte with a range in the set.
    pub fn overlaps(&self, r: &std::ops::Range<usize>) -> bool {
        // Ranges in the set do not overlap, so their ends grow with their
        // starts: only the last range starting before `r.end` can reach `r`.
        self.ranges
            .range(..r.end)
            .next_back()
            .is_some_and(|(_, &end)| end > r.start)
    }

    /// Removes `r`, added before.
    pub fn remove(&mut self, r: &std::ops::Range<usize>) {
        self.ranges.remove(&r.start);
    }

    /// Adds `r`; the caller has checked that it overlaps nothing.
    pub fn insert(&mut self, r: std::ops::Range<usize>) {
        debug_assert!(!self.overlaps(&r));
        self.ranges.insert(r.start, r.end);
    }
}

/// Whether `b` is an ASCII byte that `\s` matches (Unicode's White_Space:
/// tab to carriage return, and space).
pub fn is_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Eight copies of byte `b`, for looking at a word of eight bytes at once.
pub const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// Flags (the high bit of a byte) on the bytes of `w` equal to `b`, and
/// perhaps on a byte after one (a borrow): flags to check, never fewer
/// than the bytes equal to `b`.
pub fn bytes_equal(w: u64, b: u8) -> u64 {
    let x = w ^ splat(b);
    x.wrapping_sub(splat(0x01)) & !x & splat(0x80)
}

/// Flags (the high bit of a byte) on the bytes of `x` that are ASCII white
/// space (`\t`–`\r`, the space), every byte of `x` below 0x80 (a word's
/// low seven bits): a byte plus a constant below 0x80 sets its high bit
/// from a bound on, with no carry into the next byte; every byte but 0x20
/// sets it after `^ 0x20`.
pub fn ascii_space_flags(x: u64) -> u64 {
    let high = splat(0x80);
    let control = (x + splat(0x80 - 0x09)) & !(x + splat(0x80 - 0x0E)) & high;
    let blank = !((x ^ splat(0x20)) + splat(0x7F)) & high;
    control | blank
}

/// Flags (the high bit of a byte) on the bytes of `w` that are ASCII
/// letters, in either case, and on no other byte: `| 0x20` puts capitals
/// among the small letters and no other byte there, and a byte's low seven
/// bits plus a constant set its high bit from a bound on, with no carry
/// into the next byte.
pub fn ascii_letter_flags(w: u64) -> u64 {
    let high = splat(0x80);
    let l = (w & !high) | splat(0x20);
    (l + splat(0x80 - 0x61)) & !(l + splat(0x80 - 0x7B)) & !w & high
}

/// The end of the run of ASCII letters that starts at `at` in `bytes`
/// (`at` itself when `bytes[at]` is none), looked for eight bytes at a
/// time: a word's end is then one predictable branch, where a loop a byte
/// at a time mispredicts at the end of every word.
pub fn ascii_letters_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let stops = !ascii_letter_flags(w) & splat(0x80);
        if stops != 0 {
            return at + stops.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
        at += 1;
    }
    at
}

/// The offsets from `from` on at which `check` holds, in order, looked
/// for eight bytes at a time: `flags` sets the high bit of each byte of a
/// word (read little-endian) that may pass, and no other bit, and only
/// those bytes are checked; the last bytes are checked one by one.
pub fn flagged<'a>(
    bytes: &'a [u8],
    from: usize,
    flags: impl Fn(u64) -> u64 + 'a,
    check: impl Fn(usize) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    // The word before is never read, and the compiler drops its load.
    flagged_with_before(bytes, from, move |w, _| flags(w), check)
}

/// [`flagged`], with `flags` given each word of eight bytes and the word
/// one byte before it (the bytes at `k - 1` for each `k` of the word; a
/// zero byte before the text's start), for flags that look at a byte and
/// the one before it.
pub fn flagged_with_before<'a>(
    bytes: &'a [u8],
    from: usize,
    flags: impl Fn(u64, u64) -> u64 + 'a,
    check: impl Fn(usize) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let (mut at, mut base, mut pending) = (from, from, 0u64);
    std::iter::from_fn(move || {
        loop {
            if pending != 0 {
                let k = base + pending.trailing_zeros() as usize / 8;
                pending &= pending - 1;
                if check(k) {
                    return Some(k);
                }
            } else if let Some(word) = bytes.get(at..at + 8) {
                let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
                let before = at
                    .checked_sub(1)
                    .and_then(|b| bytes.get(b..b + 8))
                    .map_or(w << 8, |x| {
                        u64::from_le_bytes(x.try_into().expect("eight bytes"))
                    });
                pending = flags(w, before);
                base = at;
                at += 8;
            } else if at < bytes.len() {
                at += 1;
                if check(at - 1) {
                    return Some(at - 1);
                }
            } else {
                return None;
            }
        }
    })
}

/// [`flagged`], with blocks of 64 bytes passed over at once where `may`
/// holds (is 1) at none of their bytes: a test over a block that the
/// compiler turns into vector code, for bytes that are rare in most texts
/// (a Danish letter stopped [`flagged`]'s search for every byte outside
/// ASCII). A block where `may` holds somewhere is searched by [`flagged`];
/// `may` must hold wherever `check` can.
pub fn flagged_in_blocks<'a>(
    bytes: &'a [u8],
    from: usize,
    may: impl Fn(u8) -> u8 + 'a,
    flags: impl Fn(u64) -> u64 + Copy + 'a,
    check: impl Fn(usize) -> bool + Copy + 'a,
) -> impl Iterator<Item = usize> + 'a {
    const BLOCK: usize = 64;
    let mut at = from;
    let mut block = None;
    std::iter::from_fn(move || {
        loop {
            if let Some(found) = &mut block {
                if let Some(k) = Iterator::next(found) {
                    return Some(k);
                }
                block = None;
            }
            let end = loop {
                if at >= bytes.len() {
                    return None;
                }
                let end = (at + BLOCK).min(bytes.len());
                if bytes[at..end].iter().fold(0, |any, &b| any | may(b)) != 0 {
                    break end;
                }
                at = end;
            };
            block = Some(flagged(&bytes[..end], at, flags, check));
            at = end;
        }
    })
}

/// The at most `n` bytes of `text` before `at`, starting on a char boundary:
/// a bounded look-behind, so that a rule looking back on a very long line
/// does not make the whole pass quadratic.
pub fn before(text: &str, at: usize, n: usize) -> &str {
    let mut s = at.saturating_sub(n);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    &text[s..at]
}

/// The at most `n` bytes of `text` from `at` on, ending on a char boundary.
pub fn after(text: &str, at: usize, n: usize) -> &str {
    let mut e = (at + n).min(text.len());
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    &text[at..e]
}

/// `text.split(b as char)` for an ASCII byte `b`, found with the `memchr`
/// crate's vector search: `str::split` with a `char` runs the standard
/// library's own byte loop, which took 2 % of the time over the lines of
/// the blocks, cells and labels.
pub fn split_byte(text: &str, b: u8) -> impl Iterator<Item = &str> + '_ {
    debug_assert!(b.is_ascii());
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        // An ASCII byte is never inside a multi-byte character, so both
        // halves start and end on character boundaries.
        Some(match memchr::memchr(b, r.as_bytes()) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                &r[..i]
            }
            None => {
                rest = None;
                r
            }
        })
    })
}

/// The words of `text` joined by single spaces, as
/// `text.split_whitespace().collect::<Vec<_>>().join(" ")` gives them, in
/// one pass and without the list of words.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    collapse_whitespace_into(text, &mut out);
    out
}

/// [`collapse_whitespace`] written into `out`, after what it holds (a
/// space between that and the first word), for a caller that reuses one
/// buffer.
pub fn collapse_whitespace_into(text: &str, out: &mut String) {
    // The words between white-space characters, found eight bytes at a
    // time: the bytes of ASCII white space, and each lead byte of white
    // space outside ASCII, told from the bytes after it
    // ([`unicode_space_len`]): a dash or a no-break space is told without
    // decoding the text by characters.
    let bytes = text.as_bytes();
    let high = splat(0x80);
    let flags = |w: u64| (ascii_space_flags(w & !high) & !w) | (w & high);
    let space_len = |k: usize| match bytes[k] {
        b if is_space(b) => 1,
        b if may_lead_unicode_space(b) => unicode_space_len(bytes, k),
        _ => 0,
    };
    let mut start = 0;
    // A white-space character's bytes after its first are no white space
    // nor the first of one: the offsets found are those of whole ones.
    for k in flagged(bytes, 0, flags, |k| space_len(k) > 0) {
        push_word(out, &text[start..k]);
        start = k + space_len(k);
    }
    push_word(out, &text[start..]);
}

/// `word` written after what `out` holds, a space between them; nothing
/// when it is empty.
fn push_word(out: &mut String, word: &str) {
    if !word.is_empty() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// The length in bytes of the white-space character outside ASCII that
/// starts at `bytes[k]` (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
/// U+2029, U+202F, U+205F and U+3000: those that `char::is_whitespace`
/// holds for), or 0 when none does; told from the bytes, without decoding.
pub fn unicode_space_len(bytes: &[u8], k: usize) -> usize {
    match bytes[k..] {
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// Whether `b` is a lead byte of a white-space character outside ASCII:
/// `0xC2` (U+0085, U+00A0), `0xE1` (U+1680), `0xE2` (U+2000–U+205F) or
/// `0xE3` (U+3000). (Other bytes outside ASCII may be read as no white
/// space without decoding them.)
pub fn may_lead_unicode_space(b: u8) -> bool {
    matches!(b, 0xC2 | 0xE1..=0xE3)
}

/// `word` in lower case: lowered in `buf` when it fits and is ASCII and
/// Latin-1 (most words of names and of scans, `Søren` and `ÅRHUS` too),
/// without an allocation; else copied and lowered. For word tests run on
/// every capitalised word of a text.
pub fn lower_on_stack<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Cow<'b, str> {
    if let Some(lower) = ascii_lowered_in(word, buf)
        && (word.is_ascii() || latin1_lowered(lower))
    {
        return Cow::Borrowed(std::str::from_utf8(lower).expect("lowered in place"));
    }
    Cow::Owned(word.to_lowercase())
}

/// Lowers, in place, the Latin-1 capitals ([`is_latin1_capital`]) of UTF-8
/// `bytes` whose ASCII is lowered already, as `str::to_lowercase` lowers
/// them. False (the bytes then part lowered) at a character outside ASCII
/// and Latin-1 (a lead byte other than `C2` and `C3`), which
/// `to_lowercase` may change otherwise; Latin-1's other characters (`C2
/// xx`, `ß`, the small letters) it leaves as they are.
fn latin1_lowered(bytes: &mut [u8]) -> bool {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            0..=0x7F => i += 1,
            0xC2 => i += 2,
            0xC3 => {
                if let Some(c) = bytes.get_mut(i + 1)
                    && is_latin1_capital(*c)
                {
                    *c += 0x20;
                }
                i += 2;
            }
            _ => return false,
        }
    }
    true
}

/// Whether `C3` and then `second` is a Latin-1 capital, `À`–`Þ` but `×`
/// (`C3 80`–`C3 9E` but `C3 97`): one whose small letter is the same two
/// bytes' length, its second byte 0x20 higher.
pub fn is_latin1_capital(second: u8) -> bool {
    (0x80..=0x9E).contains(&second) && second != 0x97
}

/// `text`'s bytes copied to the start of `buf` with their ASCII capitals
/// lowered (bytes outside ASCII as they are), when they fit.
pub fn ascii_lowered_in<'b>(text: &str, buf: &'b mut [u8]) -> Option<&'b mut [u8]> {
    let buf = buf.get_mut(..text.len())?;
    buf.copy_from_slice(text.as_bytes());
    buf.make_ascii_lowercase();
    Some(buf)
}

/// Whether `text` may open with a number of at most `max` digits and then
/// one of the ASCII bytes `marks`, as `^\d{1,max}[marks]` would match:
/// settled from the ASCII digits it opens with and the byte after them,
/// and left to the pattern (`true`) when that is a byte outside ASCII
/// (`\d` takes the digits of every script). Lines that open with a year or
/// an amount (`2024 blev`, `12.500 kr.`) are most of those that open with
/// a digit, and a pattern's search costs hundreds of instructions a line.
pub fn number_then(text: &str, max: usize, marks: &[u8]) -> bool {
    let bytes = text.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    match bytes.get(digits) {
        Some(&b) if b.is_ascii() => (1..=max).contains(&digits) && marks.contains(&b),
        Some(_) => true,
        None => false,
    }
}

/// Whether `text` has at most `n` words as `split_whitespace` counts them:
/// an ASCII text is counted eight bytes at a time; in another, ASCII bytes
/// are told at once, and a character whose lead byte can start a
/// white-space character outside ASCII ([`may_lead_unicode_space`]) is
/// told from its bytes ([`unicode_space_len`]).
pub fn words_at_most(text: &str, n: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes.is_ascii() {
        return ascii_words_at_most(bytes, n);
    }
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = match b {
            0..=0x7F => (is_space(b), 1),
            // The bytes of `may_lead_unicode_space`, as a pattern (through
            // the function as a guard, the match took 7 M instructions
            // more on the devset copied 50 times).
            0xC2 | 0xE1..=0xE3 => match unicode_space_len(bytes, i) {
                0 => (false, if b == 0xC2 { 2 } else { 3 }),
                n => (true, n),
            },
            0xC0..=0xDF => (false, 2),
            0xE0..=0xEF => (false, 3),
            _ => (false, 4),
        };
        if !space && !in_word {
            words += 1;
            if words > n {
                return false;
            }
        }
        in_word = !space;
        i += len;
    }
    true
}

/// [`words_at_most`] of ASCII bytes, eight at a time: a word starts at a
/// byte that is no white space after one that is (or at the start).
fn ascii_words_at_most(bytes: &[u8], n: usize) -> bool {
    let high = splat(0x80);
    let mut words = 0;
    // The high bit of the last byte before the chunk, set when it is white
    // space (as before the first byte).
    let mut space_before = 0x80u64;
    for chunk in bytes.chunks(8) {
        // The last chunk is filled up with spaces: they start no word.
        let mut word = [b' '; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        let space = ascii_space_flags(u64::from_le_bytes(word));
        let starts = !space & high & (space << 8 | space_before);
        words += starts.count_ones() as usize;
        if words > n {
            return false;
        }
        space_before = space >> 56;
    }
    true
}

/// `s.trim_start()`: a text that opens with an ASCII byte that is no white
/// space (most lines do) is returned at once, without decoding a character.
#[inline]
pub fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&b) if b.is_ascii() && !is_space(b) => s,
        _ => s.trim_start(),
    }
}

/// `s.trim_end()`, settled at once as [`trim_start`] is.
#[inline]
pub fn trim_end(s: &str) -> &str {
    match s.as_bytes().last() {
        Some(&b) if b.is_ascii() && !is_space(b) => s,
        _ => s.trim_end(),
    }
}

/// `s.trim()`, settled at once at each end as [`trim_start`] is.
#[inline]
pub fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

/// `text.find(b as char)` for an ASCII byte `b` (see [`split_byte`]).
pub fn find_byte(text: &str, b: u8) -> Option<usize> {
    memchr::memchr(b, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trimmed as `str::trim` trims: every character up to U+3000 at
    /// either end and alone, and the seeds' and devset's lines.
    #[test]
    fn trims_as_str_trims() {
        let mut texts: Vec<String> = ('\0'..='\u{3000}')
            .flat_map(|c| {
                [
                    format!("{c}ab{c}"),
                    format!("{c}"),
                    format!("a{c}"),
                    format!("{c}b"),
                ]
            })
            .collect();
        texts.push(String::new());
        texts.extend(crate::test_lines(&[" \u{a0}x\u{2003} ", "\u{85}y\u{85}"]));
        for t in &texts {
            assert_eq!(trim_start(t), t.trim_start(), "{t:?}");
            assert_eq!(trim_end(t), t.trim_end(), "{t:?}");
            assert_eq!(trim(t), t.trim(), "{t:?}");
        }
    }

    /// Words counted from the bytes are those `split_whitespace` counts:
    /// every white-space character and others of every length between and
    /// around words, and the seeds' and devset's lines.
    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        let mut texts = vec![String::new(), " ".to_string(), "a".to_string()];
        let spaces: Vec<char> = ('\0'..='\u{3000}').filter(|c| c.is_whitespace()).collect();
        for sep in spaces
            .iter()
            .copied()
            .chain(['\u{a1}', '\u{1680}', '\u{2007}', '€', 'ø', '😀', '\u{e000}'])
        {
            texts.push(format!("a{sep}b{sep}{sep}cø{sep}"));
            texts.push(format!("{sep}æ{sep}{sep}😀 d"));
        }
        texts.extend(crate::test_lines(&[]));
        for t in &texts {
            let count = t.split_whitespace().count();
            for n in 0..count + 2 {
                assert_eq!(words_at_most(t, n), count <= n, "{t:?} {n}");
            }
        }
    }

    /// Short texts, counted eight bytes at a time (ASCII) or decoded:
    /// strings of up to 18 characters over letters (`a`, `ø`, `😀`, `à`,
    /// `É`), the six ASCII white-space bytes, bytes that are none (`\0`,
    /// `\x1c`, `.`), white space outside ASCII (`\u{a0}`, `\u{2003}`) and a
    /// character that shares its lead byte (`€`), each position drawn from
    /// them, so that every kind meets every other across a chunk's bounds.
    #[test]
    fn short_words_are_counted_as_split_whitespace_counts_them() {
        let alphabet = [
            'a', ' ', '\t', '\n', '\x0b', '\x0c', '\r', '\x1c', '\0', '.', 'ø', '😀', '\u{a0}',
            '\u{2003}', '€', 'à', 'É',
        ];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for len in 0..=18 {
            for _ in 0..2_000 {
                let t: String = (0..len)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        alphabet[(state % alphabet.len() as u64) as usize]
                    })
                    .collect();
                let count = t.split_whitespace().count();
                for n in 0..count + 2 {
                    assert_eq!(words_at_most(&t, n), count <= n, "{t:?} {n}");
                }
            }
        }
    }

    #[test]
    fn words_lowered_on_the_stack_are_lowered() {
        for w in [
            "Anne",
            "ANNE",
            "Søren",
            "",
            "İbrahim",
            "ſen",
            "ÅRHUS",
            "×ÆØÅ÷ßÞÿµ",
        ]
        .map(String::from)
        .into_iter()
        .chain([
            "A".repeat(24),
            "A".repeat(25),
            "Æ".repeat(12),
            "Æ".repeat(13),
        ]) {
            assert_eq!(lower_on_stack(&w, &mut [0; 24]), w.to_lowercase(), "{w}");
        }
        // Latin-1 is lowered in place, without an allocation.
        assert!(matches!(
            lower_on_stack("ØSTERBRO", &mut [0; 24]),
            Cow::Borrowed("østerbro")
        ));
        assert!(matches!(
            lower_on_stack("ÅRHUS·NORD", &mut [0; 24]),
            Cow::Borrowed("århus·nord")
        ));
        assert!(matches!(
            lower_on_stack("ĆWIK", &mut [0; 24]),
            Cow::Owned(_)
        ));
    }

    /// Words of up to 30 of `chars`.
    fn words_of(chars: Vec<char>) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::collection::vec(proptest::sample::select(chars), 0..30)
            .prop_map(|w| w.into_iter().collect())
    }

    proptest::proptest! {
        /// The cursor gives every offset the line the index's search
        /// gives, whatever order the offsets come in (in order, at random,
        /// far apart).
        #[test]
        fn line_cursor_reads_the_lines_the_search_does(
            text in "[ab\n]{0,200}",
            offsets in proptest::collection::vec(0usize..220, 0..40),
        ) {
            let index = LineIndex::new(&text);
            let mut sorted = offsets.clone();
            sorted.sort_unstable();
            for order in [offsets, sorted] {
                let mut lines = index.cursor();
                for at in order {
                    proptest::prop_assert_eq!(lines.line(at), index.line(at), "{}", at);
                }
            }
        }

        /// As `to_lowercase`, in or out of the buffer: every Latin-1
        /// capital and small letter, `×`, `÷`, `ß`, `µ`, and letters
        /// beyond Latin-1 that lower (`Ā`, `Σ`, `Ж`, the Kelvin sign) or
        /// lower to another length (`İ`).
        #[test]
        fn words_lowered_on_the_stack_as_to_lowercase(
            word in words_of(
                "aZ09 -.".chars()
                    .chain('\u{80}'..='\u{FF}')
                    .chain(['Ā', 'Σ', 'Ж', '\u{212A}', 'İ', 'ſ'])
                    .collect()
            )
        ) {
            let mut buf = [0; 24];
            proptest::prop_assert_eq!(lower_on_stack(&word, &mut buf), word.to_lowercase());
        }
    }

    #[test]
    fn collapsed_whitespace_as_joined_words() {
        for t in [
            "",
            " ",
            "a",
            " a ",
            "a  b",
            "a\tb\n c",
            "\u{a0}æ\u{2003}ø\u{3000}",
            "x \u{85} y",
            "æ ø\x0b\x0c\rå – “x”",
            "a b\u{1680}c",
            "§ 17, stk. 4 ",
            "a\u{2028}b\u{205f}c",
        ] {
            let want = t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(t), want, "{t:?}");
            // After what a buffer holds: a space between, when a word comes.
            let mut out = String::from("x");
            collapse_whitespace_into(t, &mut out);
            let want = std::iter::once("x")
                .chain(t.split_whitespace())
                .collect::<Vec<_>>();
            assert_eq!(out, want.join(" "), "{t:?}");
        }
        // Every white space character, and every character next to a word.
        for c in (0..=0x3000u32).filter_map(char::from_u32) {
            let t = format!("a{c}b {c} {c}c");
            let want = t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(&t), want, "{c:?}");
        }
    }

    /// The white space told from bytes is `char::is_whitespace` outside
    /// ASCII: every character, at a text's end and before more bytes.
    #[test]
    fn unicode_space_told_from_bytes_as_char_is_whitespace() {
        for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
            let want = if c.is_whitespace() { c.len_utf8() } else { 0 };
            let mut buf = [0u8; 8];
            let len = c.encode_utf8(&mut buf).len();
            assert_eq!(unicode_space_len(&buf[..len], 0), want, "{c:?}");
            assert_eq!(unicode_space_len(&buf, 0), want, "{c:?}");
        }
        assert_eq!(unicode_space_len(b"a\xC2", 1), 0);
        assert_eq!(unicode_space_len(b"\xE2\x80", 0), 0);
    }

    /// The offsets found block by block are those where the check holds,
    /// from every start, with the bytes that may pass at every offset
    /// around the blocks' edges.
    #[test]
    fn flagged_in_blocks_finds_every_offset_the_check_holds_at() {
        for piece in ["é", "–", "€", "😀", "\r", "æ–"] {
            for at in (0..10).chain(55..75).chain(120..140) {
                let text = format!("{}{piece}{}{piece}", "a".repeat(at), "æ".repeat(at / 3));
                let bytes = text.as_bytes();
                let check = |k: usize| bytes[k] >= 0xE2 || bytes[k] == b'\r';
                for from in [0, at / 2, at, text.len()] {
                    let found: Vec<usize> = flagged_in_blocks(
                        bytes,
                        from,
                        |b| u8::from(b >= 0xE2) | u8::from(b == b'\r'),
                        |w| (w & splat(0x80)) | bytes_equal(w, b'\r'),
                        check,
                    )
                    .collect();
                    let want: Vec<usize> = (from..bytes.len()).filter(|&k| check(k)).collect();
                    assert_eq!(found, want, "{text:?} {from}");
                }
            }
        }
    }

    /// The run of ASCII letters found eight bytes at a time ends where the
    /// one found byte by byte does: every byte value after runs of every
    /// length up to 20, from every start.
    #[test]
    fn ascii_letter_runs_end_as_byte_by_byte() {
        for b in 0..=255u8 {
            for len in 0..20 {
                let mut bytes = b"xAbcdefghijklmnopqrstuvwxyZ"[..len].to_vec();
                bytes.push(b);
                bytes.extend_from_slice(b"ab cd");
                for at in 0..bytes.len() {
                    let want = at
                        + bytes[at..]
                            .iter()
                            .take_while(|c| c.is_ascii_alphabetic())
                            .count();
                    assert_eq!(ascii_letters_end(&bytes, at), want, "{b} {len} {at}");
                }
            }
        }
    }

    proptest::proptest! {
        /// Long texts too (eight bytes at a time): words of every length,
        /// ASCII white space, bytes that only look like it (`Ġ`, `à`),
        /// and white space outside ASCII.
        #[test]
        fn collapsed_whitespace_as_joined_words_in_any_text(
            text in crate::texts_of(vec![
                " ", "  ", "\t", "\n", "\r\n", "\x0b", "a", "Mødet", "afholdes", "æ", "Ġ", "à",
                "1.000", "\u{a0}", "\u{2003}", "\u{3000}", "\u{85}", "€",
            ])
        ) {
            let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(collapse_whitespace(&text), want);
        }
    }

    /// The byte splits and finds are `str::split` and `str::find` with the
    /// byte as a `char`.
    #[test]
    fn byte_split_and_find_as_str() {
        let texts = [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "\na",
            "a\nb\n\nc",
            "æ\nø:å:",
            "lang linje uden skift",
            "Beslutning: Godkendt.\tmed\ttabulatorer\n",
        ];
        for t in texts {
            for b in [b'\n', b':', b'\t', b' '] {
                let got: Vec<&str> = split_byte(t, b).collect();
                let want: Vec<&str> = t.split(b as char).collect();
                assert_eq!(got, want, "{t:?} {b}");
                assert_eq!(find_byte(t, b), t.find(b as char), "{t:?} {b}");
            }
        }
    }

    #[test]
    fn range_set() {
        let mut t = RangeSet::default();
        t.insert(10..20);
        t.insert(30..40);
        assert!(!t.overlaps(&(0..10)));
        assert!(t.overlaps(&(0..11)));
        assert!(t.overlaps(&(19..25)));
        assert!(!t.overlaps(&(20..30)));
        assert!(t.overlaps(&(25..31)));
        assert!(t.overlaps(&(0..100)));
        assert!(!t.overlaps(&(40..41)));
    }

    #[test]
    fn windows_keep_char_boundaries() {
        let s = "xxæøå yy";
        assert_eq!(before(s, 8, 5), "øå");
        assert_eq!(before(s, 2, 50), "xx");
        assert_eq!(after(s, 2, 3), "æ");
        assert_eq!(after(s, 8, 50), " yy");
    }

    #[test]
    fn identity_and_shift() {
        let m = OffsetMap::shifted(3);
        assert_eq!(m.to_origin(0), 3);
        assert_eq!(m.to_origin(10), 13);
    }

    #[test]
    fn replaced_runs_map_to_their_bounds() {
        // derived "a\u{f8}b" (4 bytes) from origin "a", 0xF8, "b" (3 bytes)
        let mut b = OffsetMap::builder();
        b.same(0, 0);
        b.changed(1, 1, 3, 2);
        b.same(3, 2);
        let m = b.finish();
        assert_eq!(m.to_origin(0), 0);
        assert_eq!(m.to_origin(1), 1);
        assert_eq!(m.to_origin(2), 2); // inside the char: clamped
        assert_eq!(m.to_origin(3), 2);
        assert_eq!(m.to_origin(4), 3);
    }

    #[test]
    fn deletion_moves_forward() {
        // derived "ab" from origin "a\r\nb"? no: "a-b" with "-" removed
        let mut b = OffsetMap::builder();
        b.same(0, 0);
        b.changed(1, 1, 1, 2);
        b.same(1, 2);
        let m = b.finish();
        assert_eq!(m.to_origin(1), 2);
        assert_eq!(m.to_origin(2), 3);
    }

    #[test]
    fn line_numbers() {
        let idx = LineIndex::new("a\nbc\n\nd");
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(2), 2);
        assert_eq!(idx.line(5), 3);
        assert_eq!(idx.line(6), 4);
    }
}
