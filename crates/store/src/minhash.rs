//! MinHash signatures over word shingles, with LSH bands, to find near-duplicate texts
//! (syndicated wire copy republished with small edits).

/// Hash functions in a signature.
pub const PERMUTATIONS: usize = 64;
/// LSH bands; `PERMUTATIONS / BANDS` rows each. Pairs with Jaccard 0.6 share a band with
/// probability 1 - (1 - 0.6^4)^16 ≈ 0.9 … 0.7 gives 0.998.
pub const BANDS: usize = 16;
const ROWS: usize = PERMUTATIONS / BANDS;
/// Words per shingle.
const SHINGLE: usize = 3;
/// Texts with fewer shingles than this are too short to call near-duplicates.
pub const MIN_SHINGLES: usize = 25;
/// Estimated Jaccard similarity from which two texts are near-duplicates.
pub const THRESHOLD: f64 = 0.6;

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// FNV-1a over bytes: stable across platforms and versions (unlike `DefaultHasher`).
fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

/// The MinHash signature of a text, or `None` when it is too short to compare.
pub fn signature(text: &str) -> Option<Vec<u64>> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < SHINGLE + MIN_SHINGLES {
        return None;
    }
    let mut sig = vec![u64::MAX; PERMUTATIONS];
    for w in words.windows(SHINGLE) {
        let mut h = 0xCBF2_9CE4_8422_2325;
        for word in w {
            h = fnv(word.as_bytes(), h);
            h = fnv(b" ", h);
        }
        for (i, slot) in sig.iter_mut().enumerate() {
            let v = splitmix(h ^ (i as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
            if v < *slot {
                *slot = v;
            }
        }
    }
    Some(sig)
}

/// The band keys of a signature: `(band, hash)` pairs.
pub fn bands(sig: &[u64]) -> Vec<(i64, i64)> {
    sig.chunks(ROWS)
        .enumerate()
        .map(|(b, rows)| {
            let mut h = 0xCBF2_9CE4_8422_2325u64 ^ b as u64;
            for r in rows {
                h = splitmix(h ^ r);
            }
            (b as i64, h as i64)
        })
        .collect()
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len().max(1) as f64
}

/// Signature as bytes for storage, and back.
pub fn to_bytes(sig: &[u64]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub fn from_bytes(b: &[u8]) -> Vec<u64> {
    b.chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Two explosions struck a crowd of mourners near the cemetery in the southeastern \
        Iranian city of Kerman on Wednesday, killing dozens of people who had gathered to mark the \
        anniversary of the death of Qassem Soleimani. State media said the blasts went off about \
        fifteen minutes apart, and rescuers carried the wounded to nearby hospitals while officials \
        urged residents to donate blood. No group immediately said it was behind the attack.";

    #[test]
    fn near_copies_match_and_others_do_not() {
        let a = signature(STORY).unwrap();
        let edited = format!(
            "KERMAN, Iran (Wire) — {STORY} The interior minister promised a swift response."
        );
        let b = signature(&edited).unwrap();
        assert!(similarity(&a, &b) >= THRESHOLD, "{}", similarity(&a, &b));
        assert!(bands(&a).iter().zip(bands(&b)).any(|(x, y)| *x == y));
        let other = signature(&STORY.split(' ').rev().collect::<Vec<_>>().join(" ")).unwrap();
        assert!(similarity(&a, &other) < 0.3);
        assert_eq!(from_bytes(&to_bytes(&a)), a);
        assert!(signature("too short").is_none());
    }
}
