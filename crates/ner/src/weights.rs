//! Loading the NER network from `ner/model` (thinc msgpack) and `ner/moves`, laid out for inference.

use crate::msgpack::{self, Value};
use crate::NerError;

/// Embedding / encoder width.
pub(crate) const WIDTH: usize = 96;
/// Maxout pieces in the tok2vec.
pub(crate) const PIECES: usize = 3;
/// Maxout output before the piece reduction (96 × 3).
pub(crate) const WP: usize = WIDTH * PIECES;
/// Hidden width of the parser ("lower") layer and of the tok2vec projection.
pub(crate) const HIDDEN: usize = 64;
/// Feature slots of the lower layer (b0, entity start, b0 − 1).
pub(crate) const NF: usize = 3;
/// Lower-layer output per slot (64 × 2 pieces).
pub(crate) const HP: usize = HIDDEN * 2;
/// Encoder padding rows on each side (`with_array(pad=4)`).
pub(crate) const PAD: usize = 4;

/// Transition kinds in class order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    B,
    I,
    L,
    U,
    O,
}

/// One output class of the parser: a move and a label index (`None` for O or the empty label).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Action {
    pub mv: Move,
    pub label: Option<u16>,
}

/// One hash-embedding table, already multiplied into the reducer's maxout weights.
#[derive(Debug)]
pub(crate) struct Embed {
    pub seed: u32,
    pub rows: usize,
    /// `rows × 288`: `E[r] · W_cᵀ` for this column's slice of the reducer weights.
    pub proj: Vec<f32>,
}

/// One maxout + layernorm encoder layer with its window weights split per neighbour.
#[derive(Debug)]
pub(crate) struct EncLayer {
    /// `96 × 864`: columns `k*288 + o*3 + p` for window position k (prev, cur, next).
    pub w: Vec<f32>,
    pub b: Vec<f32>,
    pub g: Vec<f32>,
    pub beta: Vec<f32>,
}

/// All weights of the NER component.
#[derive(Debug)]
pub(crate) struct Weights {
    pub embeds: Vec<Embed>,
    pub red_b: Vec<f32>,
    pub red_g: Vec<f32>,
    pub red_beta: Vec<f32>,
    pub layers: Vec<EncLayer>,
    /// `96 × 64` (transposed projection).
    pub proj_w: Vec<f32>,
    pub proj_b: Vec<f32>,
    /// `64 × 384`: columns `f*128 + o*2 + p`.
    pub lower_w: Vec<f32>,
    /// `128`: `o*2 + p`.
    pub lower_b: Vec<f32>,
    /// `384`: `f*128 + o*2 + p`.
    pub lower_pad: Vec<f32>,
    /// `64 × 74`, transposed `upper_w`.
    pub upper_wt: Vec<f32>,
    pub upper_b: Vec<f32>,
    pub actions: Vec<Action>,
    pub labels: Vec<&'static str>,
}

fn fmt(msg: impl Into<String>) -> NerError {
    NerError::Format(msg.into())
}

fn array<'a>(params: &'a Value, name: &str) -> Result<(&'a [usize], &'a [f32]), NerError> {
    match params.get(name) {
        Some(Value::Array(s, d)) => Ok((s, d)),
        _ => Err(fmt(format!("ner/model: missing param {name}"))),
    }
}

fn expect_shape(got: &[usize], want: &[usize], what: &str) -> Result<(), NerError> {
    if got != want {
        return Err(fmt(format!(
            "ner/model: {what} has shape {got:?}, expected {want:?}"
        )));
    }
    Ok(())
}

/// The labels spaCy's English NER can emit, interned so entities can carry `&'static str`.
const KNOWN_LABELS: [&str; 18] = [
    "ORG",
    "DATE",
    "PERSON",
    "GPE",
    "MONEY",
    "CARDINAL",
    "NORP",
    "PERCENT",
    "WORK_OF_ART",
    "LOC",
    "TIME",
    "QUANTITY",
    "FAC",
    "EVENT",
    "ORDINAL",
    "PRODUCT",
    "LAW",
    "LANGUAGE",
];

fn intern(label: &str) -> &'static str {
    KNOWN_LABELS
        .iter()
        .find(|l| **l == label)
        .copied()
        .unwrap_or_else(|| Box::leak(label.to_owned().into_boxed_str()))
}

/// Parses `ner/moves` into the class order of the upper layer (§2.3).
pub(crate) fn parse_moves(bytes: &[u8]) -> Result<(Vec<Action>, Vec<&'static str>), NerError> {
    let v = msgpack::decode(bytes)?;
    let json = v
        .get("moves")
        .and_then(Value::as_str)
        .ok_or_else(|| fmt("ner/moves: missing moves"))?;
    let moves: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(json).map_err(|e| fmt(format!("ner/moves: {e}")))?;
    let mut codes: Vec<(u32, &serde_json::Value)> = moves
        .iter()
        .filter_map(|(k, v)| k.parse().ok().map(|c| (c, v)))
        .collect();
    codes.sort_by_key(|(c, _)| *c);
    let mut actions = Vec::new();
    let mut labels: Vec<&'static str> = Vec::new();
    for (code, lab) in codes {
        let mv = match code {
            1 => Move::B,
            2 => Move::I,
            3 => Move::L,
            4 => Move::U,
            5 => Move::O,
            _ => continue,
        };
        let mut items: Vec<(i64, &str)> = lab
            .as_object()
            .map(|m| {
                m.iter()
                    .map(|(l, f)| (f.as_i64().unwrap_or(0), l.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        items.sort_by(|a, b| b.cmp(a));
        for (_, l) in items {
            if mv == Move::O && !l.is_empty() {
                continue;
            }
            let label = if l.is_empty() {
                None
            } else {
                let idx = match labels.iter().position(|x| *x == l) {
                    Some(i) => i,
                    None => {
                        labels.push(intern(l));
                        labels.len() - 1
                    }
                };
                Some(idx as u16)
            };
            actions.push(Action { mv, label });
        }
    }
    Ok((actions, labels))
}

/// `C (m×n) = A (m×k) · B (k×n)` (+ C if `accumulate`), row-major slices.
pub(crate) fn gemm(
    m: usize,
    k: usize,
    n: usize,
    a: &[f32],
    b: &[f32],
    c: &mut [f32],
    accumulate: bool,
) {
    use ndarray::{ArrayView2, ArrayViewMut2};
    if m == 0 || n == 0 {
        return;
    }
    let a = ArrayView2::from_shape((m, k), &a[..m * k]).expect("gemm: A shape");
    let b = ArrayView2::from_shape((k, n), &b[..k * n]).expect("gemm: B shape");
    let mut c = ArrayViewMut2::from_shape((m, n), &mut c[..m * n]).expect("gemm: C shape");
    let beta = if accumulate { 1.0 } else { 0.0 };
    ndarray::linalg::general_mat_mul(1.0, &a, &b, beta, &mut c);
}

impl Weights {
    /// Reads `ner/model` and `ner/moves`.
    pub(crate) fn load(model: &[u8], moves: &[u8]) -> Result<Weights, NerError> {
        let msg = msgpack::decode(model)?;
        let nodes = msg
            .get("nodes")
            .and_then(Value::as_list)
            .ok_or_else(|| fmt("ner/model: missing nodes"))?;
        let params = msg
            .get("params")
            .and_then(Value::as_list)
            .ok_or_else(|| fmt("ner/model: missing params"))?;
        let attrs = msg
            .get("attrs")
            .and_then(Value::as_list)
            .ok_or_else(|| fmt("ner/model: missing attrs"))?;
        if params.len() != nodes.len() || attrs.len() != nodes.len() {
            return Err(fmt("ner/model: nodes/params/attrs lengths differ"));
        }
        let name = |i: usize| nodes[i].get("name").and_then(Value::as_str).unwrap_or("");
        let refs = nodes
            .first()
            .and_then(|n| n.get("refs"))
            .ok_or_else(|| fmt("ner/model: node 0 has no refs"))?;
        let lower_i = refs
            .get("lower")
            .and_then(Value::as_u64)
            .ok_or_else(|| fmt("ner/model: no lower ref"))? as usize;
        let upper_i = refs
            .get("upper")
            .and_then(Value::as_u64)
            .ok_or_else(|| fmt("ner/model: no upper ref"))? as usize;
        let by_name =
            |nm: &str| -> Vec<usize> { (0..nodes.len()).filter(|&i| name(i) == nm).collect() };
        let attr_u64 = |i: usize, key: &str| -> Option<u64> {
            match attrs[i].get(key) {
                Some(Value::Bin(b)) => msgpack::decode(b).ok()?.as_u64(),
                _ => None,
            }
        };

        // Reducer maxout (first maxout node) and its layernorm.
        let maxouts = by_name("maxout");
        let lns = by_name("layernorm");
        if maxouts.len() != 5 || lns.len() != 5 {
            return Err(fmt("ner/model: expected 5 maxout and 5 layernorm nodes"));
        }
        let (s, red_w) = array(&params[maxouts[0]], "W")?;
        expect_shape(s, &[WIDTH, PIECES, 4 * WIDTH], "reducer W")?;
        let (s, red_b) = array(&params[maxouts[0]], "b")?;
        expect_shape(s, &[WIDTH, PIECES], "reducer b")?;
        let (_, red_g) = array(&params[lns[0]], "G")?;
        let (_, red_beta) = array(&params[lns[0]], "b")?;

        // Hash embeddings, sorted by column, multiplied into the reducer weights.
        let mut embeds = Vec::new();
        let mut cols = Vec::new();
        for i in by_name("hashembed") {
            let col = attr_u64(i, "column").ok_or_else(|| fmt("hashembed without column"))?;
            let seed = attr_u64(i, "seed").ok_or_else(|| fmt("hashembed without seed"))?;
            cols.push((col, seed, i));
        }
        cols.sort_unstable();
        if cols.iter().map(|c| c.0).collect::<Vec<_>>() != [0, 1, 2, 3] {
            return Err(fmt("ner/model: expected hashembed columns 0..3"));
        }
        for &(col, seed, i) in &cols {
            let (s, e) = array(&params[i], "E")?;
            if s.len() != 2 || s[1] != WIDTH {
                return Err(fmt("ner/model: bad hashembed shape"));
            }
            let rows = s[0];
            // W_c (96 in × 288 out): W[o, p, col*96 + i].
            let c = col as usize;
            let mut wc = vec![0f32; WIDTH * WP];
            for o in 0..WIDTH {
                for p in 0..PIECES {
                    for ii in 0..WIDTH {
                        wc[ii * WP + o * PIECES + p] =
                            red_w[(o * PIECES + p) * 4 * WIDTH + c * WIDTH + ii];
                    }
                }
            }
            let mut proj = vec![0f32; rows * WP];
            gemm(rows, WIDTH, WP, e, &wc, &mut proj, false);
            embeds.push(Embed {
                seed: seed as u32,
                rows,
                proj,
            });
        }

        let mut layers = Vec::new();
        for (&m, &l) in maxouts[1..].iter().zip(&lns[1..]) {
            let (s, w) = array(&params[m], "W")?;
            expect_shape(s, &[WIDTH, PIECES, 3 * WIDTH], "encoder W")?;
            let (_, b) = array(&params[m], "b")?;
            let (_, g) = array(&params[l], "G")?;
            let (_, beta) = array(&params[l], "b")?;
            let mut wcat = vec![0f32; WIDTH * 3 * WP];
            for o in 0..WIDTH {
                for p in 0..PIECES {
                    for k in 0..3 {
                        for ii in 0..WIDTH {
                            wcat[ii * 3 * WP + k * WP + o * PIECES + p] =
                                w[(o * PIECES + p) * 3 * WIDTH + k * WIDTH + ii];
                        }
                    }
                }
            }
            layers.push(EncLayer {
                w: wcat,
                b: b.to_vec(),
                g: g.to_vec(),
                beta: beta.to_vec(),
            });
        }

        let lin: Vec<usize> = by_name("linear")
            .into_iter()
            .filter(|&i| i != upper_i)
            .collect();
        if lin.len() != 1 {
            return Err(fmt("ner/model: expected one tok2vec projection"));
        }
        let (s, pw) = array(&params[lin[0]], "W")?;
        expect_shape(s, &[HIDDEN, WIDTH], "projection W")?;
        let (_, proj_b) = array(&params[lin[0]], "b")?;
        let mut proj_w = vec![0f32; WIDTH * HIDDEN];
        for o in 0..HIDDEN {
            for i in 0..WIDTH {
                proj_w[i * HIDDEN + o] = pw[o * WIDTH + i];
            }
        }

        let lp = &params[lower_i];
        let (s, lw) = array(lp, "W")?;
        expect_shape(s, &[NF, HIDDEN, 2, HIDDEN], "lower W")?;
        let (_, lower_b) = array(lp, "b")?;
        let (s, lower_pad) = array(lp, "pad")?;
        expect_shape(s, &[1, NF, HIDDEN, 2], "lower pad")?;
        // lw[f, o, p, i] -> lower_w[i, f*128 + o*2 + p]; (f,o,p) flatten == f*128+o*2+p.
        let mut lower_w = vec![0f32; HIDDEN * NF * HP];
        for fop in 0..NF * HP {
            for i in 0..HIDDEN {
                lower_w[i * NF * HP + fop] = lw[fop * HIDDEN + i];
            }
        }

        let (s, upper_w) = array(&params[upper_i], "W")?;
        let (_, upper_b) = array(&params[upper_i], "b")?;
        let (actions, labels) = parse_moves(moves)?;
        expect_shape(s, &[actions.len(), HIDDEN], "upper W")?;
        let nc = actions.len();
        let mut upper_wt = vec![0f32; HIDDEN * nc];
        for c in 0..nc {
            for k in 0..HIDDEN {
                upper_wt[k * nc + c] = upper_w[c * HIDDEN + k];
            }
        }

        Ok(Weights {
            embeds,
            red_b: red_b.to_vec(),
            red_g: red_g.to_vec(),
            red_beta: red_beta.to_vec(),
            layers,
            proj_w,
            proj_b: proj_b.to_vec(),
            lower_w,
            lower_b: lower_b.to_vec(),
            lower_pad: lower_pad.to_vec(),
            upper_wt,
            upper_b: upper_b.to_vec(),
            actions,
            labels,
        })
    }
}
