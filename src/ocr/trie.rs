//! The OCR lexicon as a flat trie, compiled by `build.rs` and walked a byte
//! at a time by the corrector.
//!
//! The nodes are records in one byte array, depth first, the root at
//! offset 0: a node's number of children `n` (one byte), the value of the
//! word that ends there (`u16`, or [`NOT_FINAL`]), its children's `n` bytes
//! in order, and their `n` offsets (`u32`), little-endian. A step reads one
//! record and scans a few bytes, with no decoding, and a node's first child
//! follows it, so a walk down a word mostly reads nearby bytes. (The `fst`
//! map this replaced was a quarter of the size but spent about 500
//! instructions a step unpacking its nodes.)
//!
//! ```ignore
//! let trie = Trie::compiled();
//! let k = trie.child(Trie::ROOT, b'o').and_then(|n| trie.child(n, b'g')).unwrap();
//! assert!(trie.value(k).is_some()); // `og` is a word
//! ```

/// A node of the trie: the offset of its record.
pub(crate) type Node = u32;

use super::NOT_FINAL;

static NODES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/trie.bin"));

/// A trie over one array of node records (see the module docs).
#[derive(Clone, Copy)]
pub(crate) struct Trie {
    nodes: &'static [u8],
}

impl Trie {
    /// The root: the empty prefix.
    pub(crate) const ROOT: Node = 0;

    /// The trie compiled into referat.
    pub(crate) fn compiled() -> Trie {
        Trie { nodes: NODES }
    }

    /// The record of `node` from its labels on: the labels, then the
    /// children's offsets.
    #[inline]
    fn children(&self, node: Node) -> Option<(&'static [u8], &'static [u8])> {
        let record = self.nodes.get(node as usize..)?;
        let n = usize::from(*record.first()?);
        let labels = record.get(3..3 + n)?;
        let offsets = record.get(3 + n..3 + 5 * n)?;
        Some((labels, offsets))
    }

    /// The node reached from `node` by `byte`, if some word goes that way.
    #[inline]
    pub(crate) fn child(&self, node: Node, byte: u8) -> Option<Node> {
        let (labels, offsets) = self.children(node)?;
        let k = if labels.len() <= 16 {
            labels.iter().position(|&l| l == byte)?
        } else {
            labels.binary_search(&byte).ok()?
        };
        let o = offsets.get(4 * k..4 * k + 4)?;
        Some(u32::from_le_bytes([o[0], o[1], o[2], o[3]]))
    }

    /// The value of the word that ends at `node`, if one does.
    #[inline]
    pub(crate) fn value(&self, node: Node) -> Option<u64> {
        let at = node as usize;
        let v = self.nodes.get(at + 1..at + 3)?;
        let v = u16::from_le_bytes([v[0], v[1]]);
        (v != NOT_FINAL).then_some(u64::from(v))
    }

    /// The value of `key`, if the trie holds it.
    pub(crate) fn get(&self, key: &[u8]) -> Option<u64> {
        let mut node = Self::ROOT;
        for &b in key {
            node = self.child(node, b)?;
        }
        self.value(node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_prefixes_and_strangers() {
        let t = Trie::compiled();
        assert!(t.get(b"og").is_some());
        assert!(t.get(b"kommune").is_some());
        assert!(t.get("møde".as_bytes()).is_some());
        // A prefix of words that is no word itself.
        assert!(t.get(b"kommun").is_none());
        assert!(t.get(b"xqzv").is_none());
        assert!(t.get(b"").is_none());
    }

    /// Every word of the two lists is in the trie with its frequency and
    /// dictionary flag, read here from the files themselves.
    #[test]
    fn the_trie_holds_every_listed_word_with_its_value() {
        let t = Trie::compiled();
        let freq = std::fs::read_to_string("data/wordfreq_da.tsv").unwrap();
        let mut n = 0;
        for line in freq.lines().filter(|l| !l.starts_with('#')) {
            let Some((w, z)) = line.split_once('\t') else {
                continue;
            };
            let zipf = (z.trim().parse::<f64>().unwrap() * 100.0).round() as u64;
            let v = t.get(w.as_bytes()).unwrap_or_else(|| panic!("{w}"));
            assert_eq!(v >> crate::ocr::ZIPF_SHIFT, zipf, "{w}");
            n += 1;
        }
        let dic = std::fs::read_to_string("data/hunspell/da_DK.dic").unwrap();
        for line in dic.lines().skip(1) {
            let w = line.split(['/', '\t', ' ']).next().unwrap_or("");
            if !w.is_empty() {
                let v = t.get(w.to_lowercase().as_bytes());
                assert!(v.is_some_and(|v| v & crate::ocr::STEM_FLAG != 0), "{w}");
                n += 1;
            }
        }
        assert!(n > 180_000, "{n}");
    }

    #[test]
    fn children_are_in_byte_order_and_lead_to_their_labels() {
        let t = Trie::compiled();
        let mut seen = 0;
        let mut stack = vec![Trie::ROOT];
        // The first few thousand nodes, depth first.
        while let Some(node) = stack.pop()
            && seen < 5_000
        {
            let (labels, _) = t.children(node).unwrap();
            assert!(labels.windows(2).all(|w| w[0] < w[1]), "node {node}");
            for &b in labels {
                let child = t.child(node, b).unwrap();
                assert!(child > node, "records come after their parent");
                stack.push(child);
            }
            seen += 1;
        }
        assert_eq!(seen, 5_000);
    }
}
