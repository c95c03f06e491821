//! The loaded model and its forward pass: lexical features, hash embeddings, the maxout/layernorm
//! encoder, the precomputed parser layer and greedy BILUO decoding.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use crate::hash::{murmur3_u64, string_id};
use crate::lex;
use crate::msgpack::{self, Value};
use crate::tokenizer::{ChunkCache, Token, Tokenizer};
use crate::weights::{gemm, Move, Weights, HIDDEN, HP, NF, PAD, PIECES, WIDTH, WP};
use crate::{Entity, NerError};

/// spaCy's `nlp.max_length`: spaCy refuses longer texts; we process them anyway.
pub const SPACY_MAX_LENGTH: usize = 1_000_000;

/// The cached lexical features of one distinct token text.
#[derive(Debug, Clone, Copy)]
struct Lex {
    /// Row indices into the four hash tables, 4 per column, column-major.
    rows: [u32; 16],
    is_space: bool,
}

/// Documents processed together per matrix product (amortises weight packing).
const GROUP_DOCS: usize = 16;
/// Rows per encoder / lower-layer matrix product: bounds memory on huge documents.
const BLOCK: usize = 512;
/// Row flags: first / last row of a document's padded block.
const FIRST: u8 = 1;
const LAST: u8 = 2;

/// Reusable per-worker buffers and caches: no allocation per token once warm.
///
/// Caches depend on the model; a workspace used with another model resets itself.
#[derive(Debug, Default)]
pub struct Workspace {
    model_id: u64,
    chunks: ChunkCache,
    lex: HashMap<Box<str>, Lex>,
    tokens: Vec<Token>,
    doc_tokens: Vec<Token>,
    /// Per document: token range in `tokens` and first row in the padded array.
    docs: Vec<(usize, usize, usize)>,
    rows: Vec<[u32; 16]>,
    spaces: Vec<bool>,
    flags: Vec<u8>,
    pad: Vec<f32>,
    z: Vec<f32>,
    v: Vec<f32>,
    c: Vec<f32>,
    shape: String,
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Workspace {
        Workspace::default()
    }
}

thread_local! {
    static WORKSPACE: RefCell<Workspace> = RefCell::new(Workspace::new());
}

static NEXT_MODEL_ID: AtomicU64 = AtomicU64::new(1);

/// spaCy's `en_core_web_sm` NER, loaded from a model package directory.
#[derive(Debug)]
pub struct Model {
    id: u64,
    tokenizer: Tokenizer,
    lexeme_norm: HashMap<u64, String>,
    w: Weights,
}

fn read(dir: &Path, rel: &str) -> Result<Vec<u8>, NerError> {
    let path = dir.join(rel);
    std::fs::read(&path).map_err(|source| NerError::Io { path, source })
}

/// `y[0..288]` → maxout over pieces → layernorm into `out[0..96]`.
#[inline]
fn maxout_ln(y: &[f32], g: &[f32], beta: &[f32], out: &mut [f32; WIDTH]) {
    let mut sum = 0f32;
    for (o, dst) in out.iter_mut().enumerate() {
        let base = o * PIECES;
        let mut m = y[base];
        for p in 1..PIECES {
            m = m.max(y[base + p]);
        }
        *dst = m;
        sum += m;
    }
    let mu = sum / WIDTH as f32;
    let mut var = 0f32;
    for x in out.iter() {
        let d = x - mu;
        var += d * d;
    }
    let var = var / WIDTH as f32 + 1e-8;
    let inv = 1.0 / var.sqrt();
    for ((x, gg), bb) in out.iter_mut().zip(g).zip(beta) {
        *x = (*x - mu) * inv * gg + bb;
    }
}

impl Model {
    /// Loads a model package directory (the unpacked `en_core_web_sm-3.8.0` folder holding
    /// `config.cfg`, `tokenizer`, `vocab/lookups.bin`, `ner/model`, `ner/moves`).
    ///
    /// The package's outer folder (holding one `en_core_web_sm-3.8.0` subfolder) is accepted too.
    pub fn load(dir: &Path) -> Result<Model, NerError> {
        let resolved =
            crate::resolve_model_dir(dir).ok_or_else(|| NerError::NotAModel(dir.to_path_buf()))?;
        let dir = resolved.as_path();
        let tokenizer = Tokenizer::from_bytes(&read(dir, "tokenizer")?)?;
        let lk = msgpack::decode(&read(dir, "vocab/lookups.bin")?)?;
        let mut lexeme_norm = HashMap::new();
        if let Some(m) = lk.get("lexeme_norm").and_then(Value::as_map) {
            for (k, v) in m {
                if let (Some(k), Some(v)) = (k.as_u64(), v.as_str()) {
                    lexeme_norm.insert(k, v.to_owned());
                }
            }
        }
        let w = Weights::load(&read(dir, "ner/model")?, &read(dir, "ner/moves")?)?;
        Ok(Model {
            id: NEXT_MODEL_ID.fetch_add(1, Ordering::Relaxed),
            tokenizer,
            lexeme_norm,
            w,
        })
    }

    /// How many tokenizer patterns have a fast prefilter (4 expected; diagnostics).
    #[doc(hidden)]
    pub fn tokenizer_prefilters(&self) -> usize {
        self.tokenizer.prefilters()
    }

    /// The entity labels this model can emit.
    pub fn labels(&self) -> &[&'static str] {
        &self.w.labels
    }

    /// Named entities of one text (NER-only spaCy: no sentence boundaries).
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        WORKSPACE.with(|ws| match ws.try_borrow_mut() {
            Ok(mut ws) => self.entities_with(text, &mut ws),
            Err(_) => self.entities_with(text, &mut Workspace::new()),
        })
    }

    /// Named entities of many texts, in parallel over documents (rayon; `RAYON_NUM_THREADS`).
    pub fn entities_batch(&self, texts: &[&str]) -> Vec<Vec<Entity>> {
        texts
            .par_chunks(GROUP_DOCS)
            .flat_map_iter(|group| {
                WORKSPACE.with(|ws| match ws.try_borrow_mut() {
                    Ok(mut ws) => self.entities_group(group, &mut ws),
                    Err(_) => self.entities_group(group, &mut Workspace::new()),
                })
            })
            .collect()
    }

    /// spaCy's tokens of `text`: byte ranges, whitespace flags.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut ws = Workspace::new();
        let mut out = Vec::new();
        self.tokenizer.tokenize(text, &mut ws.chunks, &mut out);
        out
    }

    /// Named entities of one text, reusing `ws` (caches and buffers) across calls.
    pub fn entities_with(&self, text: &str, ws: &mut Workspace) -> Vec<Entity> {
        self.entities_group(&[text], ws).pop().unwrap_or_default()
    }

    /// Named entities of several texts, computed together (shared matrix products).
    pub fn entities_group(&self, texts: &[&str], ws: &mut Workspace) -> Vec<Vec<Entity>> {
        if ws.model_id != self.id {
            *ws = Workspace::new();
            ws.model_id = self.id;
        }
        // Tokenize every document into one token array.
        let mut tokens = std::mem::take(&mut ws.tokens);
        let mut doc_tokens = std::mem::take(&mut ws.doc_tokens);
        tokens.clear();
        ws.docs.clear();
        let mut row = 0usize;
        for text in texts {
            self.tokenizer
                .tokenize(text, &mut ws.chunks, &mut doc_tokens);
            let lo = tokens.len();
            tokens.extend_from_slice(&doc_tokens);
            ws.docs.push((lo, tokens.len(), row));
            if tokens.len() > lo {
                row += tokens.len() - lo + 2 * PAD;
            }
        }
        self.tok2vec(texts, &tokens, row, ws);
        let spans = self.decode(ws);
        let out = texts
            .iter()
            .zip(&ws.docs)
            .zip(&spans)
            .map(|((text, &(lo, hi, _)), sp)| self.to_entities(text, &tokens[lo..hi], sp))
            .collect();
        ws.tokens = tokens;
        ws.doc_tokens = doc_tokens;
        out
    }

    fn to_entities(
        &self,
        text: &str,
        tokens: &[Token],
        spans: &[(usize, usize, u16)],
    ) -> Vec<Entity> {
        let mut out = Vec::with_capacity(spans.len());
        // Byte -> char offsets, walking forward once.
        let (mut bpos, mut cpos) = (0usize, 0usize);
        let mut to_char = |b: usize| {
            cpos += text[bpos..b].chars().count();
            bpos = b;
            cpos
        };
        for &(s, e, label) in spans {
            let start = tokens[s].start;
            let end = tokens[e - 1].end;
            let start_char = to_char(start);
            let end_char = to_char(end);
            out.push(Entity {
                start_char,
                end_char,
                start,
                end,
                label: self.w.labels[label as usize],
            });
        }
        out
    }

    fn lex(&self, orth: &str, shape: &mut String) -> Lex {
        let norm_id = match self.lexeme_norm.get(&string_id(orth)) {
            Some(n) => string_id(n),
            None => match lex::base_norm(orth) {
                Some(n) => string_id(n),
                None => string_id(&orth.to_lowercase()),
            },
        };
        lex::word_shape(orth, shape);
        let ids = [
            norm_id,
            string_id(lex::prefix(orth)),
            string_id(lex::suffix(orth)),
            string_id(shape),
        ];
        let mut rows = [0u32; 16];
        for (c, id) in ids.iter().enumerate() {
            self.hash_rows(c, *id, &mut rows);
        }
        Lex {
            rows,
            is_space: lex::is_space_token(orth),
        }
    }

    fn hash_rows(&self, col: usize, id: u64, rows: &mut [u32; 16]) {
        let e = &self.w.embeds[col];
        for (k, h) in murmur3_u64(id, e.seed).iter().enumerate() {
            rows[col * 4 + k] = (*h as usize % e.rows) as u32;
        }
    }

    /// Features, embeddings, encoder and projection for all tokens of a group:
    /// fills `ws.spaces` and `ws.v` (one 64-wide row per token, documents in order).
    fn tok2vec(&self, texts: &[&str], tokens: &[Token], np: usize, ws: &mut Workspace) {
        let total = tokens.len();
        // 1. Features, cached per distinct token text.
        ws.rows.clear();
        ws.spaces.clear();
        for (d, text) in texts.iter().enumerate() {
            let (lo, hi, _) = ws.docs[d];
            for t in &tokens[lo..hi] {
                let orth = &text[t.start..t.end];
                let lx = match ws.lex.get(orth) {
                    Some(l) => *l,
                    None => {
                        let l = self.lex(orth, &mut ws.shape);
                        if ws.lex.len() > 1 << 17 {
                            ws.lex.clear();
                        }
                        ws.lex.insert(orth.into(), l);
                        l
                    }
                };
                let mut rows = lx.rows;
                if let Some(norm) = t.norm {
                    self.hash_rows(0, norm, &mut rows);
                }
                ws.rows.push(rows);
                ws.spaces.push(lx.is_space);
            }
        }
        if total == 0 {
            return;
        }

        // 2. Embeddings through the reducer maxout (tables pre-multiplied), layernorm, into the
        //    padded array: per document 4 zero rows, its tokens, 4 zero rows.
        ws.pad.clear();
        ws.pad.resize(np * WIDTH, 0.0);
        let w = &self.w;
        let mut y = [0f32; WP];
        let mut out = [0f32; WIDTH];
        for &(lo, hi, base) in &ws.docs {
            for (k, rows) in ws.rows[lo..hi].iter().enumerate() {
                y.copy_from_slice(&w.red_b);
                for (c, e) in w.embeds.iter().enumerate() {
                    for &r in &rows[c * 4..c * 4 + 4] {
                        let src = &e.proj[r as usize * WP..(r as usize + 1) * WP];
                        for (a, b) in y.iter_mut().zip(src) {
                            *a += b;
                        }
                    }
                }
                maxout_ln(&y, &w.red_g, &w.red_beta, &mut out);
                let r = base + PAD + k;
                ws.pad[r * WIDTH..(r + 1) * WIDTH].copy_from_slice(&out);
            }
        }

        // 3. Encoder: 4 residual layers over the window [prev, cur, next], within each document,
        //    in blocks of rows so that memory stays bounded for huge documents.
        ws.flags.clear();
        ws.flags.resize(np, 0);
        for &(lo, hi, base) in &ws.docs {
            if hi > lo {
                ws.flags[base] |= FIRST;
                ws.flags[base + hi - lo + 2 * PAD - 1] |= LAST;
            }
        }
        let zw = 3 * WP;
        ws.z.resize((BLOCK + 1) * zw, 0.0);
        for layer in &w.layers {
            // Z(a-1)'s "prev" part, computed before row a-1 was updated.
            let mut carried = [0f32; WP];
            let mut a = 0;
            while a < np {
                let b = (a + BLOCK).min(np);
                let m = (b + 1).min(np) - a;
                gemm(
                    m,
                    WIDTH,
                    zw,
                    &ws.pad[a * WIDTH..(a + m) * WIDTH],
                    &layer.w,
                    &mut ws.z[..m * zw],
                    false,
                );
                for i in a..b {
                    let zi = (i - a) * zw;
                    y.copy_from_slice(&layer.b);
                    for (acc, v) in y.iter_mut().zip(&ws.z[zi + WP..zi + 2 * WP]) {
                        *acc += v;
                    }
                    if ws.flags[i] & FIRST == 0 {
                        let prev: &[f32] = if i == a {
                            &carried
                        } else {
                            &ws.z[zi - zw..zi - zw + WP]
                        };
                        for (acc, v) in y.iter_mut().zip(prev) {
                            *acc += v;
                        }
                    }
                    if ws.flags[i] & LAST == 0 {
                        for (acc, v) in y.iter_mut().zip(&ws.z[zi + zw + 2 * WP..zi + 2 * zw]) {
                            *acc += v;
                        }
                    }
                    maxout_ln(&y, &layer.g, &layer.beta, &mut out);
                    for (p, o) in ws.pad[i * WIDTH..(i + 1) * WIDTH].iter_mut().zip(&out) {
                        *p += o;
                    }
                }
                let zl = (b - 1 - a) * zw;
                carried.copy_from_slice(&ws.z[zl..zl + WP]);
                a = b;
            }
        }

        // 4. Projection to 64 of every real (non-padding) row.
        ws.v.clear();
        for _ in 0..total {
            ws.v.extend_from_slice(&w.proj_b);
        }
        for &(lo, hi, base) in &ws.docs {
            if hi > lo {
                gemm(
                    hi - lo,
                    WIDTH,
                    HIDDEN,
                    &ws.pad[(base + PAD) * WIDTH..(base + PAD + hi - lo) * WIDTH],
                    &w.proj_w,
                    &mut ws.v[lo * HIDDEN..hi * HIDDEN],
                    true,
                );
            }
        }
    }

    /// Greedy decoding of every document of the group; the lower layer `C = V · W` is computed
    /// in blocks of tokens as decoding advances. Returns per document `(start, end, label)` in
    /// document token indices.
    fn decode(&self, ws: &mut Workspace) -> Vec<Vec<(usize, usize, u16)>> {
        let w = &self.w;
        let cw = NF * HP;
        let total = ws.spaces.len();
        ws.c.resize(BLOCK * cw, 0.0);
        let (mut c_lo, mut c_hi) = (0usize, 0usize);
        let nc = w.actions.len();
        let mut scores = vec![0f32; nc];
        let mut acc = [0f32; HP];
        let mut h = [0f32; HIDDEN];
        // Slot 1 of the open entity's first token, slot 2 of the previous token.
        let mut open1 = [0f32; HP];
        let mut prev2 = [0f32; HP];
        let mut all = Vec::with_capacity(ws.docs.len());
        for &(lo, hi, _) in &ws.docs {
            let mut ents = Vec::new();
            let mut open: Option<(usize, u16)> = None;
            for g in lo..hi {
                if g >= c_hi {
                    c_lo = g;
                    c_hi = (g + BLOCK).min(total);
                    gemm(
                        c_hi - c_lo,
                        HIDDEN,
                        cw,
                        &ws.v[c_lo * HIDDEN..c_hi * HIDDEN],
                        &w.lower_w,
                        &mut ws.c[..(c_hi - c_lo) * cw],
                        false,
                    );
                }
                let b0 = g - lo;
                let row = &ws.c[(g - c_lo) * cw..(g - c_lo + 1) * cw];
                // acc = C[b0, 0] + (C[start, 1] | pad1) + (C[b0-1, 2] | pad2) + b
                let (s1, s2): (&[f32], &[f32]) = if open.is_some() {
                    (&open1, &prev2)
                } else {
                    (&w.lower_pad[HP..2 * HP], &w.lower_pad[2 * HP..3 * HP])
                };
                for i in 0..HP {
                    acc[i] = row[i] + s1[i] + s2[i] + w.lower_b[i];
                }
                for (o, hv) in h.iter_mut().enumerate() {
                    *hv = acc[2 * o].max(acc[2 * o + 1]);
                }
                let has_next = g + 1 < hi;
                // scores = h · Wupᵀ + b, as axpy over the transposed weights (vectorises).
                scores.copy_from_slice(&w.upper_b);
                for (k, hv) in h.iter().enumerate() {
                    let col = &w.upper_wt[k * nc..(k + 1) * nc];
                    for (sc, wv) in scores.iter_mut().zip(col) {
                        *sc += hv * wv;
                    }
                }
                let space = ws.spaces[g];
                let mut best: Option<(usize, f32)> = None;
                for (ci, a) in w.actions.iter().enumerate() {
                    let valid = match open {
                        Some((_, lab)) => {
                            a.label == Some(lab)
                                && (a.mv == Move::L || (a.mv == Move::I && has_next))
                        }
                        None => match a.mv {
                            Move::O => true,
                            Move::U => a.label.is_some() && !space,
                            Move::B => a.label.is_some() && !space && has_next,
                            Move::I | Move::L => false,
                        },
                    };
                    if !valid {
                        continue;
                    }
                    let s = scores[ci];
                    let better = match best {
                        None => true,
                        Some((_, bs)) => s > bs,
                    };
                    if better {
                        best = Some((ci, s));
                    }
                }
                if let Some((ci, _)) = best {
                    let a = w.actions[ci];
                    match (a.mv, a.label) {
                        (Move::B, Some(l)) => {
                            open = Some((b0, l));
                            open1.copy_from_slice(&row[HP..2 * HP]);
                        }
                        (Move::L, Some(l)) => {
                            if let Some((start, _)) = open.take() {
                                ents.push((start, b0 + 1, l));
                            }
                        }
                        (Move::U, Some(l)) => ents.push((b0, b0 + 1, l)),
                        _ => {}
                    }
                }
                prev2.copy_from_slice(&row[2 * HP..3 * HP]);
            }
            all.push(ents);
        }
        all
    }
}
