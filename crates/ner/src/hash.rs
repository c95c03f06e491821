//! spaCy's string ids (symbol table + MurmurHash64A, seed 1) and thinc's HashEmbed hashing.

use std::collections::HashMap;
use std::sync::OnceLock;

/// spaCy's reserved symbol strings; ids are their positions (spaCy `symbols.pyx`).
fn symbols() -> &'static HashMap<String, u64> {
    static SYMBOLS: OnceLock<HashMap<String, u64>> = OnceLock::new();
    SYMBOLS.get_or_init(|| {
        let mut names: Vec<String> = Vec::with_capacity(457);
        names.push(String::new());
        names.extend(
            "IS_ALPHA IS_ASCII IS_DIGIT IS_LOWER IS_PUNCT IS_SPACE IS_TITLE IS_UPPER LIKE_URL \
             LIKE_NUM LIKE_EMAIL IS_STOP IS_OOV_DEPRECATED IS_BRACKET IS_QUOTE IS_LEFT_PUNCT \
             IS_RIGHT_PUNCT IS_CURRENCY"
                .split_whitespace()
                .map(str::to_owned),
        );
        names.extend((19..64).map(|i| format!("FLAG{i}")));
        names.extend(
            "ID ORTH LOWER NORM SHAPE PREFIX SUFFIX LENGTH CLUSTER LEMMA POS TAG DEP ENT_IOB \
             ENT_TYPE HEAD SENT_START SPACY PROB LANG ADJ ADP ADV AUX CONJ CCONJ DET INTJ NOUN NUM \
             PART PRON PROPN PUNCT SCONJ SYM VERB X EOL SPACE"
                .split_whitespace()
                .map(str::to_owned),
        );
        names.extend((1..277).map(|i| format!("DEPRECATED{i:03}")));
        names.extend(
            "PERSON NORP FACILITY ORG GPE LOC PRODUCT EVENT WORK_OF_ART LANGUAGE LAW DATE TIME \
             PERCENT MONEY QUANTITY ORDINAL CARDINAL acomp advcl advmod agent amod appos attr aux \
             auxpass cc ccomp complm conj cop csubj csubjpass dep det dobj expl hmod hyph infmod \
             intj iobj mark meta neg nmod nn npadvmod nsubj nsubjpass num number oprd obj obl \
             parataxis partmod pcomp pobj poss possessive preconj prep prt punct quantmod relcl \
             rcmod root xcomp acl ENT_KB_ID MORPH ENT_ID IDX _"
                .split_whitespace()
                .map(str::to_owned),
        );
        debug_assert_eq!(names.len(), 457);
        names
            .into_iter()
            .enumerate()
            .map(|(i, s)| (s, i as u64))
            .collect()
    })
}

/// spaCy `StringStore` id of a string: its symbol number if reserved, else MurmurHash64A seed 1.
pub fn string_id(s: &str) -> u64 {
    if let Some(&id) = symbols().get(s) {
        return id;
    }
    murmurhash64a(s.as_bytes(), 1)
}

/// MurmurHash64A (MurmurHash2, 64-bit) as used by spaCy's StringStore.
pub fn murmurhash64a(data: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut h = seed ^ (data.len() as u64).wrapping_mul(M);
    let mut blocks = data.chunks_exact(8);
    for b in &mut blocks {
        let mut k = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = blocks.remainder();
    if !tail.is_empty() {
        for (j, &byte) in tail.iter().enumerate().rev() {
            h ^= u64::from(byte) << (8 * j);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

/// MurmurHash3_x64_128 of the 8 little-endian bytes of `val` with a 32-bit seed, as four u32 words
/// (thinc's `hash` op used by HashEmbed).
pub fn murmur3_u64(val: u64, seed: u32) -> [u32; 4] {
    let seed = u64::from(seed);
    let mut k1 = val.wrapping_mul(0x87c3_7b91_1142_53d5);
    k1 = k1.rotate_left(31);
    k1 = k1.wrapping_mul(0x4cf5_ad43_2745_937f);
    let mut h1 = seed ^ k1 ^ 8;
    let mut h2 = seed ^ 8;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    [h1 as u32, (h1 >> 32) as u32, h2 as u32, (h2 >> 32) as u32]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_take_precedence() {
        assert_eq!(string_id(""), 0);
        assert_eq!(string_id("X"), 101);
        assert_eq!(string_id("PERSON"), 380);
        assert_eq!(string_id("number"), 432);
        assert_eq!(string_id("mark"), 423);
        assert_eq!(string_id("num"), 431);
        assert_eq!(string_id("aux"), 405);
        assert_eq!(string_id("_"), 456);
    }
}
