#!/usr/bin/env python3
"""Reference side of Dossier's spaCy NER port: real spaCy 3.8, NER component only.

spaCy is loaded with every component but "ner" excluded, which is what Dossier reproduces: the
NER has its own tok2vec, and the only coupling to the rest of the pipeline is that the parser's
sentence starts forbid entities from crossing a sentence boundary (see
shared/conventions/spacy-ner-port.md, section 0). Dossier ports the NER alone, so NER-only spaCy
is the reference.

  spacy_ner_reference.py texts [--model DIR] [--data DIR] [--out FILE]
      Builds the equivalence corpus from shared/data (wikigold sentences and documents, re3d
      sentences, TBAQ paragraphs, lower-cased MUC-4 doctext paragraphs and documents, edge
      cases) and writes one JSON line per text:
      {"source": ..., "text": ..., "entities": [[start_char, end_char, label], ...],
       "tokens": [[start_char, length_in_chars, trailing_space 0/1], ...]}
      Default output: target/ner-reference/reference.jsonl (read by crates/ner/tests/it).
  spacy_ner_reference.py eval FILE... [--model DIR]
      PER/ORG/LOC precision, recall, F1 of spaCy on CoNLL files, same reading and label mapping
      as dossier_ner::eval_conll.
  spacy_ner_reference.py bench FILE [--model DIR] [--repeat N] [--full]
      Python side of crates/ner/benches/ner.rs: nlp.pipe(batch_size=64) over the lines of FILE
      (best of --repeat N runs), prints one JSON line {words, bytes, seconds, words_per_s,
      peak_rss_mb}. With --full, spaCy's whole default pipeline (tok2vec, tagger, parser,
      attribute_ruler, lemmatizer, ner) runs instead of NER alone: the spaCy side of
      crates/knowledge/benches/pipeline.rs.
"""
import argparse
import glob
import json
import os
import random
import re
import resource
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))


def default_model():
    return os.environ.get("DOSSIER_MODEL") or os.path.join(ROOT, "models", "en_core_web_sm")


def load_ner_only(model_dir):
    import spacy

    with open(os.path.join(model_dir, "meta.json"), encoding="utf8") as f:
        meta = json.load(f)
    others = [p for p in meta.get("pipeline", []) + meta.get("disabled", []) if p != "ner"]
    # Only the NER runs: no tok2vec/tagger/parser/senter/attribute_ruler/lemmatizer, so no
    # sentence starts are set (equivalent to nlp.select_pipes(enable="ner")).
    nlp = spacy.load(model_dir, exclude=others)
    assert nlp.pipe_names == ["ner"], nlp.pipe_names
    return nlp


# ----------------------------------------------------------------------------- corpora
def conll_sentences(path):
    """[(tokens, tags)] per sentence; token first, tag last; -DOCSTART- starts a new document."""
    sents, cur, docs, doc = [], [], [], []
    for line in open(path, encoding="utf8"):
        line = line.rstrip("\r\n")
        if not line.strip():
            if cur:
                sents.append(cur)
                doc.append(cur)
                cur = []
            continue
        if "\t" in line:
            parts = line.split("\t")
        else:
            parts = line.split(" ")
        tok, tag = parts[0], parts[-1].strip()
        if tok == "-DOCSTART-":
            if cur:
                sents.append(cur)
                doc.append(cur)
                cur = []
            if doc:
                docs.append(doc)
            doc = []
            continue
        cur.append((tok, tag))
    if cur:
        sents.append(cur)
        doc.append(cur)
    if doc:
        docs.append(doc)
    return sents, docs


def sentence_text(sent):
    return " ".join(t for t, _ in sent)


def build_texts(data, special_keys=()):
    rng = random.Random(0)
    out = []

    def take(name, items, k):
        items = [t for t in items if t.strip()]
        k = min(k, len(items))
        for i in sorted(rng.sample(range(len(items)), k)):
            out.append((name, items[i]))

    sents, docs = conll_sentences(os.path.join(data, "ner/wikigold/wikigold.conll.txt"))
    take("wikigold", [sentence_text(s) for s in sents], 1700)
    take("wikigold_docs", ["\n".join(sentence_text(s) for s in d) for d in docs], 145)
    sents, _ = conll_sentences(os.path.join(data, "ner/re3d/re3d-train.conll"))
    take("re3d", [sentence_text(s) for s in sents], 765)
    paras = []
    for f in sorted(glob.glob(os.path.join(data, "tempeval3/tbaq-cleaned/*/*.tml"))):
        body = open(f, encoding="utf8").read()
        m = re.search(r"<TEXT>(.*?)</TEXT>", body, re.S)
        if m:
            txt = re.sub(r"<[^>]+>", "", m.group(1))
            paras.extend(p.strip() for p in re.split(r"\n\s*\n", txt) if p.strip())
    take("tbaq", paras, 1500)
    muc = [json.loads(l)["doctext"].lower() for l in open(os.path.join(data, "events/muc4/dev.json"), encoding="utf8")]
    take("muc4", [p for d in muc for p in re.split(r"(?<=\.)\s{2,}", d) if p.strip()], 1000)
    take("muc4_docs", muc, 100)
    edge = [
        "", " ", "\n", "  Hello  world \n\n NASA's CEO, Dr. Jane O'Neil, said on 3/4/2021 at 10am: "
        "\"We'll pay $1.5bn (\u20ac1.2bn) to U.K.-based firms.\"",
        "Visit https://www.example.com/a?b=1 or mail me@example.org :) 10km-long, 5pm-6pm; 'twas n't it?",
        "\u0130stanbul \u039f\u0394\u039f\u03a3 na\u00efve caf\u00e9 Z\u00fcrich S\u00e3o Paulo \u6771\u4eac \u0968\u0966\u0968\u0966 \u00b2\u00b3 \u2460",
        "The U.S. Army's 1st Cavalry Div. (1st Cav.) left Ft. Hood, Tex., on Jan. 5 -- or so they say... "
        "e.g. (a.m.) & p.m.'s",
        "can't won't Don't y'all gonna ain't",
        "x'' x(*_*) (=x \u05e9\u05dc\u05d5\u05dd Barack Obama \U0001F600 visited Paris\u200d. \x1c Angela Merkel\u00a0Berlin",
    ]
    out.extend(("edge", t) for t in edge)
    # Fuzz: tokenizer special cases, URLs, emoticons, Unicode whitespace/marks/digits, glued
    # together with and without spaces (fixed seed).
    frags = list(special_keys) + [
        "http://www.example.com/a?b=1", "me@example.org", "www.x.co.uk", "\x1c", "\xa0", "\u3000",
        "e\u0301", "\u6771\u4eac", "\u00b2", "\u2460", "(", ")", "'", '"', "...", "--", "$", "%",
        "10km", "U.S.", "Dr.", "Obama", "Paris", "IBM", "Monday", "1990", "\U0001F600", "\u05e9\u05dc",
        "\u0627\u0644", "\u00bd", "\u200d", "''", "``", ":)", "n't", "'s", "\u2019s", "\u2026", "-",
    ]
    seps = ["", "", " ", " ", " ", "  ", "\n", "\t", " \n "]
    fz = random.Random(1)
    for _ in range(800):
        k = fz.randint(1, 12)
        out.append(("fuzz", "".join(fz.choice(frags) + fz.choice(seps) for _ in range(k))))
    return out


def cmd_texts(args):
    nlp = load_ner_only(args.model)
    texts = build_texts(args.data, sorted(nlp.tokenizer.rules))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    n_ents = 0
    with open(args.out, "w", encoding="utf8") as f:
        docs = nlp.pipe((t for _, t in texts), batch_size=64)
        for (src, text), doc in zip(texts, docs):
            ents = [[e.start_char, e.end_char, e.label_] for e in doc.ents]
            n_ents += len(ents)
            toks = [[t.idx, len(t.text), 1 if t.whitespace_ else 0] for t in doc]
            rec = {"source": src, "text": text, "entities": ents, "tokens": toks}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("wrote %d texts, %d entities to %s" % (len(texts), n_ents, args.out))


# ----------------------------------------------------------------------------- eval
def map_label(label):
    if label in ("PERSON", "PER", "Person"):
        return "PER"
    if label in ("ORG", "Organisation", "Organization"):
        return "ORG"
    if label in ("GPE", "LOC", "FAC", "Location"):
        return "LOC"
    if label in ("NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "MISC", "Nationality"):
        return "MISC"
    return None


def gold_entities(sent):
    """Character spans of IOB1/IOB2 gold entities in the space-joined sentence."""
    ents, open_, pos, prev_end = [], None, 0, 0
    for i, (tok, tag) in enumerate(sent):
        if i:
            pos += 1
        bio, _, ty = tag.partition("-")
        if bio not in ("B", "I"):
            bio, ty = "O", ""
        if not (open_ and bio == "I" and open_[1] == ty):
            if open_ and map_label(open_[1]):
                ents.append((open_[0], prev_end, map_label(open_[1])))
            open_ = (pos, ty) if bio != "O" else None
        pos += len(tok)
        prev_end = pos
    if open_ and map_label(open_[1]):
        ents.append((open_[0], prev_end, map_label(open_[1])))
    return ents


def cmd_eval(args):
    nlp = load_ner_only(args.model)
    for path in args.files:
        sents, _ = conll_sentences(path)
        counts = {t: [0, 0, 0] for t in ("PER", "ORG", "LOC")}
        for sent, doc in zip(sents, nlp.pipe((sentence_text(s) for s in sents), batch_size=64)):
            gold = set(gold_entities(sent))
            pred = {(e.start_char, e.end_char, map_label(e.label_)) for e in doc.ents if map_label(e.label_)}
            for ty, c in counts.items():
                c[0] += sum(1 for x in pred if x[2] == ty and x in gold)
                c[1] += sum(1 for x in pred if x[2] == ty and x not in gold)
                c[2] += sum(1 for x in gold if x[2] == ty and x not in pred)
        counts["ALL"] = [sum(c[i] for c in counts.values()) for i in range(3)]
        print("%s (%d sentences, %d tokens) [spaCy %s, NER only]"
              % (path, len(sents), sum(len(s) for s in sents), __import__("spacy").__version__))
        print("%-5s %9s %9s %9s %6s %6s %6s" % ("type", "precision", "recall", "f1", "tp", "fp", "fn"))
        for ty, (tp, fp, fn) in counts.items():
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print("%-5s %9.3f %9.3f %9.3f %6d %6d %6d" % (ty, p, r, f1, tp, fp, fn))


# ----------------------------------------------------------------------------- bench
def load_full(model_dir):
    import spacy

    nlp = spacy.load(model_dir)  # the package's default pipeline ("senter" stays disabled)
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names, nlp.pipe_names
    return nlp


def cmd_bench(args):
    lines = [l.rstrip("\n") for l in open(args.file, encoding="utf8")]
    nlp = load_full(args.model) if args.full else load_ner_only(args.model)
    list(nlp.pipe(lines[:64], batch_size=64))  # warm-up
    words = sum(len(l.split()) for l in lines)
    dt = float("inf")
    for _ in range(max(1, args.repeat)):                   # best of N (shared machines)
        t0 = time.perf_counter()
        n_ents = sum(len(d.ents) for d in nlp.pipe(lines, batch_size=64))
        dt = min(dt, time.perf_counter() - t0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"impl": "spacy-full" if args.full else "spacy-ner-only",
                      "spacy": __import__("spacy").__version__, "pipeline": nlp.pipe_names, "docs": len(lines),
                      "words": words, "bytes": sum(len(l.encode("utf8")) for l in lines), "entities": n_ents, "seconds": round(dt, 3),
                      "words_per_s": round(words / dt), "peak_rss_mb": round(peak, 1)}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("texts")
    t.add_argument("--out", default=os.path.join(ROOT, "target", "ner-reference", "reference.jsonl"))
    t.add_argument("--data", default=DEFAULT_DATA)
    e = sub.add_parser("eval")
    e.add_argument("files", nargs="+")
    b = sub.add_parser("bench")
    b.add_argument("file")
    b.add_argument("--repeat", type=int, default=1)
    b.add_argument("--full", action="store_true", help="the whole default pipeline, not NER alone")
    for p in (t, e, b):
        p.add_argument("--model", default=default_model())
    args = ap.parse_args()
    {"texts": cmd_texts, "eval": cmd_eval, "bench": cmd_bench}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
