//! The OCR lexicon as a flat trie, compiled by `build.rs` and walked a byte
//! at a time by the corrector.
//!
//! Nodes are numbered breadth first, the root is node 0, and three arrays
//! describe them: the children of node `i` are the nodes `first[i]` up to
//! `first[i + 1]`, in byte order; `labels[j]` is the byte that leads to node
//! `j`; `values[j]` is the value of the word that ends at `j`, or
//! [`NOT_FINAL`]. A step is a scan of a few bytes, with no decoding: the
//! `fst` map this replaced was a third of the size but spent about 500
//! instructions per step unpacking its nodes.
//!
//! ```ignore
//! let trie = Trie::compiled();
//! let k = trie.child(Trie::ROOT, b'o').and_then(|n| trie.child(n, b'g')).unwrap();
//! assert!(trie.value(k).is_some()); // `og` is a word
//! ```

/// A node of the trie.
pub(crate) type Node = u32;

/// The value of a node that ends no word (as written by `build.rs`).
const NOT_FINAL: u16 = u16::MAX;

static FIRST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/trie_first.bin"));
static LABELS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/trie_labels.bin"));
static VALUES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/trie_values.bin"));

/// A trie over little-endian arrays (see the module docs).
#[derive(Clone, Copy)]
pub(crate) struct Trie {
    first: &'static [u8],
    labels: &'static [u8],
    values: &'static [u8],
}

impl Trie {
    /// The root: the empty prefix.
    pub(crate) const ROOT: Node = 0;

    /// The trie compiled into referat.
    pub(crate) fn compiled() -> Trie {
        let trie = Trie {
            first: FIRST,
            labels: LABELS,
            values: VALUES,
        };
        assert_eq!(trie.first.len(), 4 * (trie.labels.len() + 1));
        assert_eq!(trie.values.len(), 2 * trie.labels.len());
        trie
    }

    /// The children of `node`: the first one's number and their labels.
    #[inline]
    fn children(&self, node: Node) -> Option<(usize, &'static [u8])> {
        let at = 4 * node as usize;
        let range = self.first.get(at..at + 8)?;
        let from = u32::from_le_bytes([range[0], range[1], range[2], range[3]]) as usize;
        let to = u32::from_le_bytes([range[4], range[5], range[6], range[7]]) as usize;
        Some((from, self.labels.get(from..to)?))
    }

    /// The node reached from `node` by `byte`, if some word goes that way.
    #[inline]
    pub(crate) fn child(&self, node: Node, byte: u8) -> Option<Node> {
        let (from, labels) = self.children(node)?;
        let k = if labels.len() <= 16 {
            labels.iter().position(|&l| l == byte)?
        } else {
            labels.binary_search(&byte).ok()?
        };
        Some((from + k) as Node)
    }

    /// The value of the word that ends at `node`, if one does.
    #[inline]
    pub(crate) fn value(&self, node: Node) -> Option<u64> {
        let at = 2 * node as usize;
        let v = u16::from_le_bytes([self.values[at], self.values[at + 1]]);
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

    #[test]
    fn children_are_in_byte_order_and_lead_to_their_labels() {
        let t = Trie::compiled();
        let nodes = t.labels.len() as Node;
        for node in [Trie::ROOT, 1, nodes / 3, nodes / 2, nodes - 1] {
            let (from, labels) = t.children(node).unwrap();
            assert!(labels.windows(2).all(|w| w[0] < w[1]), "node {node}");
            for (k, &b) in labels.iter().enumerate() {
                assert_eq!(t.child(node, b), Some((from + k) as Node));
            }
        }
    }
}
