//! Stage 1, decode: source bytes to text.
//!
//! Takes the raw bytes of one file and gives a UTF-8 [`Decoded`] text with
//! the encoding it was read as and an [`OffsetMap`] back to the bytes.
//! UTF-8 (with or without a byte-order mark) is taken as it is, borrowed
//! from the bytes (no copy of the document); UTF-16 with a
//! byte-order mark is decoded; anything else that is not valid UTF-8 is read
//! as Windows-1252, the encoding of old Danish Office and portal exports.
//! Bytes that cannot be text (NUL bytes outside UTF-16) are refused.
//!
//! ```
//! let d = referat::decode::decode(b"M\xf8de").unwrap();
//! assert_eq!(d.text, "Møde");
//! assert_eq!(d.encoding, "windows-1252");
//! ```

use crate::span::OffsetMap;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::borrow::Cow;

/// Text decoded from a file's bytes.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// The text, in UTF-8, line endings untouched: the bytes themselves
    /// when they are UTF-8.
    pub text: Cow<'a, str>,
    /// The encoding's WHATWG name in lower case: `utf-8`, `utf-16le`, `windows-1252`, ...
    pub encoding: &'static str,
    /// Offsets of `text` to offsets of the source bytes.
    pub map: OffsetMap,
}

/// Why bytes could not be decoded as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The bytes hold NUL bytes: a binary file, a PDF, an image.
    #[error("binary content: NUL byte at offset {offset} (not a text file)")]
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
}

/// Decodes one file's bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        if encoding == UTF_16LE || encoding == UTF_16BE {
            return Ok(decode_utf16(&bytes[bom..], bom, encoding == UTF_16LE));
        }
        // UTF-8 with a BOM.
        if let Some(offset) = memchr_nul(&bytes[bom..]) {
            return Err(DecodeError::Binary {
                offset: offset + bom,
            });
        }
        return Ok(decode_8bit(&bytes[bom..], bom));
    }
    if let Some(offset) = memchr_nul(bytes) {
        return Err(DecodeError::Binary { offset });
    }
    Ok(decode_8bit(bytes, 0))
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// UTF-8 when valid, else Windows-1252; `shift` bytes precede `bytes` in the file.
fn decode_8bit(bytes: &[u8], shift: usize) -> Decoded<'_> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            encoding: "utf-8",
            map: OffsetMap::shifted(shift),
        },
        Err(_) => {
            let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
            let mut map = OffsetMap::builder();
            map.same(0, shift);
            // Windows-1252 maps each byte to exactly one char.
            let (decoded, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            for (i, ch) in decoded.chars().enumerate() {
                let at = text.len();
                text.push(ch);
                if ch.is_ascii() {
                    map.same(at, shift + i);
                } else {
                    map.changed(at, shift + i, text.len(), shift + i + 1);
                }
            }
            Decoded {
                text: Cow::Owned(text),
                encoding: "windows-1252",
                map: map.finish(),
            }
        }
    }
}

fn decode_utf16(bytes: &[u8], shift: usize, little_endian: bool) -> Decoded<'static> {
    let units = bytes.chunks_exact(2).map(|c| {
        if little_endian {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut map = OffsetMap::builder();
    let mut at_src = shift;
    for r in char::decode_utf16(units) {
        let ch = r.unwrap_or(char::REPLACEMENT_CHARACTER);
        let width = if (ch as u32) > 0xFFFF { 4 } else { 2 };
        let at = text.len();
        text.push(ch);
        map.changed(at, at_src, text.len(), at_src + width);
        at_src += width;
    }
    Decoded {
        text: Cow::Owned(text),
        encoding: if little_endian {
            "utf-16le"
        } else {
            "utf-16be"
        },
        map: map.finish(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept() {
        let d = decode("Mødedato".as_bytes()).unwrap();
        assert_eq!(d.text, "Mødedato");
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(d.map.to_origin(3), 3);
        // Borrowed from the bytes, not copied; other encodings are owned.
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert!(matches!(decode(b"M\xf8de").unwrap().text, Cow::Owned(_)));
    }

    #[test]
    fn utf8_bom_is_dropped_and_offsets_shift() {
        let d = decode(b"\xEF\xBB\xBFabc").unwrap();
        assert_eq!(d.text, "abc");
        assert_eq!(d.map.to_origin(1), 4);
    }

    #[test]
    fn windows_1252_fallback_maps_offsets() {
        let d = decode(b"Bil\xe6g \x80 5").unwrap();
        assert_eq!(d.text, "Bilæg € 5");
        assert_eq!(d.encoding, "windows-1252");
        // "g" is at text offset 5 and source offset 4.
        assert_eq!(&d.text[5..6], "g");
        assert_eq!(d.map.to_origin(5), 4);
        assert_eq!(d.map.to_origin(d.text.len()), 9);
    }

    #[test]
    fn utf16le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Møde".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Møde");
        assert_eq!(d.encoding, "utf-16le");
        assert_eq!(d.map.to_origin(0), 2);
        assert_eq!(d.map.to_origin(3), 6); // "d" after the 2-byte ø
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert_eq!(
            decode(b"%PDF-1.4\n\x00\x01").unwrap_err(),
            DecodeError::Binary { offset: 9 }
        );
    }

    #[test]
    fn empty_is_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
