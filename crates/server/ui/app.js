// Dossier web UI: search with alias suggestions, and the cited dossier of an entity with a
// zoomable timeline, a map, an entity graph and source documents with the cited sentence
// highlighted. No framework, no build step, nothing fetched from elsewhere.
// Untrusted text (articles, titles, quotes) only ever goes into the page as text nodes.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

/** An HTML element; string children become text nodes (never parsed as HTML). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

/** An SVG element. */
function sv(tag, attrs, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

function setAttrs(e, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(e, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await r.json();
  } catch (_) {
    body = null;
  }
  if (!r.ok) {
    const err = new Error((body && body.error && body.error.message) || r.statusText);
    err.status = r.status;
    err.body = body;
    throw err;
  }
  return body;
}

const main = () => document.getElementById("main");

// ---------------------------------------------------------------- navigation

function navigate(url) {
  history.pushState(null, "", url);
  route();
}

function profileUrl(name, asOf) {
  let u = "/profile/" + encodeURIComponent(name);
  if (asOf) u += "?as_of=" + encodeURIComponent(asOf);
  return u;
}

function link(href, ...children) {
  return el("a", { href, "data-nav": true }, ...children);
}

document.addEventListener("click", (ev) => {
  const a = ev.target.closest && ev.target.closest("a[data-nav]");
  if (!a || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
  ev.preventDefault();
  navigate(a.getAttribute("href"));
});
window.addEventListener("popstate", () => route());

function route() {
  hideSuggestions();
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  if (path.startsWith("/profile/")) {
    const name = decodeURIComponent(path.slice("/profile/".length));
    showProfile(name, params.get("as_of") || "");
  } else {
    showHome(params.get("q") || "");
  }
}

// ---------------------------------------------------------------- entities and suggestions

let entitiesPromise = null;
function entities() {
  if (!entitiesPromise) {
    entitiesPromise = api("/api/entities")
      .then((j) => j.entities)
      .catch(() => []);
  }
  return entitiesPromise;
}

function fold(s) {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2010-\u2015]/g, "-")
    .toLowerCase()
    .trim();
}

/** Names and aliases matching `q`, best first: prefix matches before substring matches. */
async function suggestionsFor(q) {
  const key = fold(q);
  if (!key) return [];
  const out = [];
  for (const e of await entities()) {
    let best = null;
    for (const n of [e.name, ...e.aliases]) {
      const f = fold(n);
      const score = f === key ? 0 : f.startsWith(key) ? 1 : f.includes(key) ? 2 : null;
      if (score !== null && (best === null || score < best.score)) best = { score, alias: n };
    }
    if (best) out.push({ ...best, entity: e });
  }
  out.sort((a, b) => a.score - b.score || b.entity.documents - a.entity.documents);
  return out.slice(0, 8);
}

function hideSuggestions() {
  const ul = document.getElementById("suggestions");
  if (ul) {
    ul.hidden = true;
    ul.replaceChildren();
  }
}

function setupSearch() {
  const form = document.getElementById("search-form");
  const input = document.getElementById("q");
  const ul = document.getElementById("suggestions");
  let active = -1;
  input.addEventListener("input", async () => {
    const list = await suggestionsFor(input.value);
    active = -1;
    ul.replaceChildren(
      ...list.map((s, i) =>
        el(
          "li",
          {
            role: "option",
            id: "sugg-" + i,
            class: "suggestion",
            onmousedown: (ev) => {
              ev.preventDefault();
              navigate(profileUrl(s.entity.name));
            },
          },
          el("strong", {}, s.alias),
          s.alias !== s.entity.name ? el("span", { class: "muted" }, " → " + s.entity.name) : "",
          el("span", { class: "count" }, s.entity.documents + " docs"),
        ),
      ),
    );
    ul.hidden = list.length === 0;
  });
  input.addEventListener("keydown", (ev) => {
    const items = ul.querySelectorAll("li");
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!items.length) return;
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      items.forEach((li, i) => li.classList.toggle("active", i === active));
      input.setAttribute("aria-activedescendant", "sugg-" + active);
    } else if (ev.key === "Enter" && active >= 0 && items[active]) {
      ev.preventDefault();
      items[active].dispatchEvent(new MouseEvent("mousedown"));
    } else if (ev.key === "Escape") {
      hideSuggestions();
    }
  });
  input.addEventListener("blur", () => setTimeout(hideSuggestions, 150));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    const list = await suggestionsFor(q);
    if (list.length && list[0].score === 0) navigate(profileUrl(list[0].entity.name));
    else navigate("/?q=" + encodeURIComponent(q));
  });
}

// ---------------------------------------------------------------- home: entities and search

async function showHome(q) {
  document.title = "Dossier";
  const m = main();
  m.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  const parts = [];
  if (q) {
    document.getElementById("q").value = q;
    parts.push(el("h1", {}, "Documents matching “" + q + "”"));
    try {
      const r = await api("/api/search?q=" + encodeURIComponent(q));
      const sugg = await suggestionsFor(q);
      if (sugg.length) {
        parts.push(
          el(
            "p",
            {},
            "Dossiers: ",
            sugg.map((s, i) => [i ? ", " : "", link(profileUrl(s.entity.name), s.entity.name)]),
          ),
        );
      }
      if (!r.hits.length) parts.push(el("p", { class: "muted" }, "No documents match."));
      parts.push(
        el(
          "ol",
          { class: "hits" },
          r.hits.map((h) =>
            el(
              "li",
              {},
              el(
                "button",
                { type: "button", class: "linklike", onclick: () => openDocument(h.id, null) },
                h.title || "Document " + h.id,
              ),
              h.published ? el("span", { class: "muted" }, " · " + h.published.slice(0, 10)) : "",
              el("p", { class: "snippet" }, h.snippet),
            ),
          ),
        ),
      );
    } catch (e) {
      parts.push(errorBox(e));
    }
  }
  const list = await entities();
  parts.push(el("h2", {}, "Groups and institutions in the store"));
  if (!list.length) parts.push(el("p", { class: "muted" }, "No analysed documents yet."));
  const sorted = [...list].sort((a, b) => b.documents - a.documents);
  parts.push(
    el(
      "ul",
      { class: "entity-list" },
      sorted.map((e) =>
        el(
          "li",
          {},
          link(profileUrl(e.name), e.name),
          e.aliases.length ? el("span", { class: "muted" }, " (" + e.aliases.slice(0, 4).join(", ") + ")") : "",
          el("span", { class: "count" }, e.documents + " docs"),
        ),
      ),
    ),
  );
  m.replaceChildren(...parts);
}

function errorBox(e) {
  const box = el("div", { class: "error", role: "alert" }, e.message);
  const sugg = e.body && e.body.error && e.body.error.suggestions;
  if (sugg && sugg.length) {
    box.append(
      el(
        "p",
        {},
        "Did you mean: ",
        sugg.map((s, i) => {
          const name = s.replace(/ \(.*\)$/, "");
          return [i ? ", " : "", link(profileUrl(name), s)];
        }),
        "?",
      ),
    );
  }
  return box;
}

// ---------------------------------------------------------------- the dossier page

let current = null; // { dossier, sourceIndex: Map(doc id → number) }

async function showProfile(name, asOf) {
  const m = main();
  m.replaceChildren(el("p", { class: "muted" }, "Loading the dossier on " + name + "…"));
  let d;
  try {
    let url = "/api/profile?name=" + encodeURIComponent(name);
    if (asOf) url += "&as_of=" + encodeURIComponent(asOf);
    d = await api(url);
  } catch (e) {
    m.replaceChildren(el("h1", {}, name), asOfControl(name, asOf), errorBox(e));
    return;
  }
  const sourceIndex = new Map(d.sources.map((s, i) => [s.id, i + 1]));
  current = { dossier: d, sourceIndex };
  document.title = d.entity.name + " — Dossier";
  m.replaceChildren(
    el(
      "section",
      { class: "identity", id: "identity" },
      el("h1", {}, d.entity.name),
      el(
        "p",
        { class: "muted" },
        d.entity.kind.replace(/_/g, " "),
        d.entity.wikidata ? " · Wikidata " + d.entity.wikidata : "",
        " · " + d.sources.length + " source documents",
        d.as_of ? " · as of " + d.as_of : "",
      ),
      asOfControl(name, asOf),
      aliasesView(d.entity.aliases),
    ),
    section("Figures", "figures", estimatesView(d.estimates)),
    section("Relations", "relations", relationsView(d)),
    section("Timeline", "timeline", timelineView(d.events)),
    section("Map", "map", mapView(d.events)),
    section("Events", "events", eventsView(d.events)),
    section("Assessments", "assessments", assessmentsView(d.assessments)),
    d.facts.length ? section("Other facts", "facts", factsView(d.facts)) : "",
    d.contradictions.length ? section("Sources disagree", "contradictions", contradictionsView(d.contradictions)) : "",
    section("Sources", "sources", sourcesView(d.sources)),
  );
}

function section(title, id, ...content) {
  return el("section", { id, class: "panel" }, el("h2", {}, title), ...content);
}

function asOfControl(name, asOf) {
  const input = el("input", { type: "date", id: "as-of", value: asOf || "", "aria-label": "As of" });
  return el(
    "form",
    {
      class: "as-of",
      onsubmit: (ev) => {
        ev.preventDefault();
        navigate(profileUrl(name, input.value));
      },
    },
    el("label", { for: "as-of" }, "What was known as of "),
    input,
    el("button", { type: "submit" }, "Apply"),
    asOf
      ? el("button", { type: "button", onclick: () => navigate(profileUrl(name)) }, "Today")
      : "",
  );
}

function aliasesView(aliases) {
  if (!aliases.length) return "";
  return el(
    "p",
    { class: "aliases" },
    "Also known as: ",
    aliases.map((a, i) => [
      i ? ", " : "",
      el("span", { class: "alias", title: "from the " + a.origin }, a.name),
      a.sources && a.sources.length ? cites(a.sources) : "",
    ]),
  );
}

function who(p) {
  if (!p) return "";
  const parts = [p.name, p.role, p.affiliation].filter(Boolean);
  return parts.join(", ");
}

/** Citation buttons: [n] numbered as in the source list; each opens the sentence in its document. */
function cites(sources) {
  if (!sources || !sources.length) return "";
  const seen = new Set();
  const perDoc = new Map();
  const out = [];
  for (const c of sources) {
    const key = c.doc + ":" + c.span[0];
    if (seen.has(key)) continue;
    seen.add(key);
    const n = current && current.sourceIndex.get(c.doc);
    // Several sentences of one document: [1], [1b], [1c] …
    const k = (perDoc.get(c.doc) || 0) + 1;
    perDoc.set(c.doc, k);
    const suffix = k > 1 ? String.fromCharCode(96 + Math.min(k, 26)) : "";
    out.push(
      el(
        "button",
        {
          type: "button",
          class: "cite",
          title: c.quote,
          "data-doc": c.doc,
          onclick: () => openDocument(c.doc, c),
        },
        "[" + (n || "doc " + c.doc) + suffix + "]",
      ),
    );
  }
  return el("span", { class: "cites" }, out);
}

function range(min, max) {
  const f = (x) => (x === null || x === undefined ? "?" : Number(x).toLocaleString("en"));
  if (min === max || max === null || max === undefined) return f(min);
  if (min === null || min === undefined) return "up to " + f(max);
  return f(min) + "–" + f(max);
}

function estimatesView(estimates) {
  if (!estimates.length) return el("p", { class: "muted" }, "No figures.");
  const groups = new Map();
  for (const e of estimates) {
    if (!groups.has(e.quantity)) groups.set(e.quantity, []);
    groups.get(e.quantity).push(e);
  }
  return [...groups].map(([q, list]) =>
    el(
      "div",
      { class: "estimate-group" },
      el("h3", {}, q.replace(/_/g, " ")),
      el(
        "div",
        { class: "side-by-side" },
        list.map((e) =>
          el(
            "div",
            { class: "card estimate" },
            el("div", { class: "big" }, range(e.min, e.max), e.unit ? " " + e.unit : "", e.approximate ? " (approx.)" : ""),
            el("div", {}, "“" + e.text + "”", e.context ? " " + e.context : ""),
            el(
              "div",
              { class: "muted" },
              [e.attributed_to ? "according to " + who(e.attributed_to) : "", e.time ? "for " + e.time : "", e.published ? "reported " + e.published : "", e.certainty]
                .filter(Boolean)
                .join(" · "),
            ),
            cites(e.sources),
          ),
        ),
      ),
    ),
  );
}

const RELATION_LABEL = {
  part_of: "part of",
  affiliate_of: "affiliate of",
  split_from: "split from",
  rival_of: "rival of",
  ally_of: "ally of",
  leader_of: "leader of",
  active_in: "active in",
  recruits_in: "recruits in",
  has_part: "has part",
  has_affiliate: "has affiliate",
  splinter_group: "splinter group",
  led_by: "led by",
};

function relationsView(d) {
  if (!d.relations.length) return el("p", { class: "muted" }, "No relations.");
  return [
    graphView(d),
    el(
      "ul",
      { class: "relations" },
      d.relations.map((r) =>
        el(
          "li",
          {},
          el("span", { class: "rel rel-" + r.relation }, RELATION_LABEL[r.relation] || r.relation),
          " ",
          link(profileUrl(r.entity.name), r.entity.name),
          r.time ? el("span", { class: "muted" }, " (" + r.time + ")") : "",
          el("span", { class: "muted" }, " · " + r.certainty),
          r.attributed_to && r.attributed_to.length ? el("span", { class: "muted" }, " · according to " + r.attributed_to.map(who).join("; ")) : "",
          " ",
          cites(r.sources),
        ),
      ),
    ),
  ];
}

/** The entity graph: the entity in the middle, related entities around it, one edge per relation. */
function graphView(d) {
  const W = 900;
  const H = 420;
  const cx = W / 2;
  const cy = H / 2;
  const byEntity = new Map();
  for (const r of d.relations) {
    if (!byEntity.has(r.entity.id)) byEntity.set(r.entity.id, { entity: r.entity, rels: new Set() });
    byEntity.get(r.entity.id).rels.add(r.relation);
  }
  const nodes = [...byEntity.values()];
  const g = sv("svg", { viewBox: `0 0 ${W} ${H}`, class: "graph", role: "img", "aria-label": "Entity graph" });
  const R = Math.min(170, 60 + nodes.length * 12);
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    n.x = cx + R * 1.9 * Math.cos(a);
    n.y = cy + R * Math.sin(a);
  });
  for (const n of nodes) {
    const rels = [...n.rels];
    const cls = "edge rel-" + rels[0];
    g.append(sv("line", { x1: cx, y1: cy, x2: n.x, y2: n.y, class: cls }));
    g.append(
      sv(
        "text",
        { x: (cx + n.x) / 2, y: (cy + n.y) / 2 - 4, class: "edge-label", "text-anchor": "middle" },
        rels.map((r) => RELATION_LABEL[r] || r).join(", "),
      ),
    );
  }
  g.append(
    sv(
      "g",
      { class: "node center" },
      sv("circle", { cx, cy, r: 14 }),
      sv("text", { x: cx, y: cy + 30, "text-anchor": "middle" }, d.entity.name),
    ),
  );
  for (const n of nodes) {
    const node = sv(
      "g",
      { class: "node", tabindex: 0, role: "link", "aria-label": n.entity.name },
      sv("circle", { cx: n.x, cy: n.y, r: 9 }),
      sv("text", { x: n.x, y: n.y + 24, "text-anchor": "middle" }, n.entity.name),
      sv("title", {}, n.entity.name + " — " + [...n.rels].map((r) => RELATION_LABEL[r] || r).join(", ")),
    );
    const go = () => navigate(profileUrl(n.entity.name));
    node.addEventListener("click", go);
    node.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") go();
    });
    g.append(node);
  }
  return el("div", { class: "graph-wrap" }, g);
}

// ---------------------------------------------------------------- dates and the timeline

const DAY = 86400000;

/** [start, end) in ms of a TIMEX3-like date string at its own precision, or null. */
function interval(s) {
  if (!s) return null;
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(s))) {
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0);
    return [t, m[4] ? t + 3600000 : t + DAY];
  }
  if ((m = /^(\d{4})-W(\d{2})/.exec(s))) {
    const jan4 = Date.UTC(+m[1], 0, 4);
    const dow = (new Date(jan4).getUTCDay() + 6) % 7;
    const start = jan4 - dow * DAY + (+m[2] - 1) * 7 * DAY;
    return [start, start + 7 * DAY];
  }
  if ((m = /^(\d{4})-Q([1-4])/.exec(s))) {
    const q = +m[2] - 1;
    return [Date.UTC(+m[1], q * 3, 1), Date.UTC(+m[1], q * 3 + 3, 1)];
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)/.exec(s))) {
    const start = { SP: 2, SU: 5, FA: 8, WI: 11 }[m[2]];
    return [Date.UTC(+m[1], start, 1), Date.UTC(+m[1], start + 3, 1)];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) return [Date.UTC(+m[1], +m[2] - 1, 1), Date.UTC(+m[1], +m[2], 1)];
  if ((m = /^(\d{4})$/.exec(s))) return [Date.UTC(+m[1], 0, 1), Date.UTC(+m[1] + 1, 0, 1)];
  if ((m = /^(\d{3})X?$/.exec(s))) return [Date.UTC(+m[1] * 10, 0, 1), Date.UTC(+m[1] * 10 + 10, 0, 1)];
  if ((m = /^(\d{2})X{0,2}$/.exec(s))) return [Date.UTC(+m[1] * 100, 0, 1), Date.UTC(+m[1] * 100 + 100, 0, 1)];
  return null;
}

function eventInterval(e) {
  const d = e.date;
  if (!d) return null;
  const own = interval(d.value);
  const lo = d.earliest ? interval(d.earliest) : null;
  const hi = d.latest ? interval(d.latest) : null;
  if (lo || hi) {
    const start = lo ? lo[0] : own ? own[0] : null;
    const end = hi ? hi[1] : own ? own[1] : null;
    if (start !== null && end !== null && end > start) return [start, end];
  }
  return own;
}

function dateText(d) {
  if (!d) return "undated";
  let s = d.value;
  if (d.modifier) s = d.modifier.toLowerCase() + " " + s;
  if (d.precision && d.precision !== "day" && d.precision !== "time") s += " (" + d.precision + ")";
  if (d.text) s += " — “" + d.text + "”";
  return s;
}

function selectEvent(id) {
  document.querySelectorAll(".selected").forEach((x) => x.classList.remove("selected"));
  document.querySelectorAll('[data-event="' + CSS.escape(id) + '"]').forEach((x) => x.classList.add("selected"));
  const card = document.getElementById("event-" + id);
  if (card) card.scrollIntoView({ block: "nearest", behavior: "smooth" });
}

function timelineView(events) {
  const dated = events.map((e) => ({ e, iv: eventInterval(e) })).filter((x) => x.iv);
  const undated = events.length - dated.length;
  if (!dated.length) return el("p", { class: "muted" }, "No dated events.");
  const W = 900;
  const PAD = 20;
  let lo = Math.min(...dated.map((x) => x.iv[0]));
  let hi = Math.max(...dated.map((x) => x.iv[1]));
  const margin = Math.max((hi - lo) * 0.05, 15 * DAY);
  const full = [lo - margin, hi + margin];
  let view = [...full];
  const svg = sv("svg", { class: "timeline", role: "img", "aria-label": "Timeline of events" });
  const draw = () => {
    const [t0, t1] = view;
    const x = (t) => PAD + ((t - t0) / (t1 - t0)) * (W - 2 * PAD);
    // Lanes: greedy, so that markers do not overlap at this zoom.
    const items = dated
      .map((d) => ({ ...d, x0: x(d.iv[0]), x1: Math.max(x(d.iv[1]), x(d.iv[0]) + 1) }))
      .sort((a, b) => a.x0 - b.x0);
    const lanes = [];
    for (const it of items) {
      const w0 = Math.min(it.x0, it.x1 - 10);
      let lane = lanes.findIndex((end) => end < w0 - 4);
      if (lane < 0) {
        lane = lanes.length;
        lanes.push(0);
      }
      lanes[lane] = Math.max(it.x1, it.x0 + 10);
      it.lane = lane;
    }
    const H = 40 + Math.max(lanes.length, 1) * 18 + 10;
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const children = [];
    for (const tick of ticks(t0, t1)) {
      const tx = x(tick.t);
      if (tx < PAD || tx > W - PAD) continue;
      children.push(sv("line", { x1: tx, x2: tx, y1: 18, y2: H, class: "tick" }));
      children.push(sv("text", { x: tx + 3, y: 12, class: "tick-label" }, tick.label));
    }
    for (const it of items) {
      const y = 34 + it.lane * 18;
      const prec = (it.e.date && it.e.date.precision) || "unknown";
      const exact = prec === "day" || prec === "time";
      const cls = "tl-event kind-" + it.e.kind + " prec-" + prec;
      const tip = sv("title", {}, it.e.title + "\n" + dateText(it.e.date));
      let shape;
      if (exact && it.x1 - it.x0 < 8) {
        shape = sv("circle", { cx: (it.x0 + it.x1) / 2, cy: y, r: 5, class: cls, "data-event": it.e.id, tabindex: 0 }, tip);
      } else {
        shape = sv("rect", { x: it.x0, y: y - 5, width: Math.max(it.x1 - it.x0, 6), height: 10, rx: 5, class: cls, "data-event": it.e.id, tabindex: 0 }, tip);
      }
      shape.addEventListener("click", () => selectEvent(it.e.id));
      children.push(shape);
    }
    svg.replaceChildren(...children);
  };
  const zoom = (factor, at) => {
    const [t0, t1] = view;
    // Buttons zoom around the selected event, else the middle event in view.
    let c = at;
    if (c === undefined) {
      const sel = document.querySelector(".event.selected");
      const pick = sel && dated.find((d) => d.e.id === sel.dataset.event);
      const mids = dated.map((d) => (d.iv[0] + d.iv[1]) / 2).filter((m) => m >= t0 && m <= t1).sort((a, b) => a - b);
      c = pick ? (pick.iv[0] + pick.iv[1]) / 2 : mids.length ? mids[Math.floor(mids.length / 2)] : (t0 + t1) / 2;
    }
    let n0 = c - (c - t0) * factor;
    let n1 = c + (t1 - c) * factor;
    if (n1 - n0 < DAY * 2) return;
    const span = full[1] - full[0];
    if (n1 - n0 > span * 4) return;
    view = [n0, n1];
    draw();
  };
  const pan = (f) => {
    const d = (view[1] - view[0]) * f;
    view = [view[0] + d, view[1] + d];
    draw();
  };
  svg.addEventListener(
    "wheel",
    (ev) => {
      ev.preventDefault();
      const r = svg.getBoundingClientRect();
      const fx = (ev.clientX - r.left) / r.width;
      const at = view[0] + ((fx * W - PAD) / (W - 2 * PAD)) * (view[1] - view[0]);
      if (ev.shiftKey) pan(ev.deltaY > 0 ? 0.1 : -0.1);
      else zoom(ev.deltaY > 0 ? 1.25 : 0.8, at);
    },
    { passive: false },
  );
  draw();
  return [
    el(
      "div",
      { class: "toolbar" },
      el("button", { type: "button", onclick: () => zoom(0.6), "aria-label": "Zoom in" }, "+"),
      el("button", { type: "button", onclick: () => zoom(1 / 0.6), "aria-label": "Zoom out" }, "−"),
      el("button", { type: "button", onclick: () => pan(-0.25), "aria-label": "Earlier" }, "←"),
      el("button", { type: "button", onclick: () => pan(0.25), "aria-label": "Later" }, "→"),
      el("button", { type: "button", onclick: () => { view = [...full]; draw(); } }, "Reset"),
      el("span", { class: "muted legend" }, "● known to the day · ▬ known only to the week, month or year (bar = the whole period) · wheel to zoom, shift+wheel to pan"),
      undated ? el("span", { class: "muted" }, " · " + undated + " undated") : "",
    ),
    el("div", { class: "timeline-wrap" }, svg),
  ];
}

function ticks(t0, t1) {
  const span = t1 - t0;
  const out = [];
  const d0 = new Date(t0);
  const fmtM = (d) => d.toLocaleString("en", { month: "short", timeZone: "UTC" });
  if (span > 3 * 365 * DAY) {
    const step = Math.max(1, Math.ceil(span / (365 * DAY) / 10));
    for (let y = d0.getUTCFullYear(); Date.UTC(y, 0, 1) <= t1; y += step) out.push({ t: Date.UTC(y, 0, 1), label: String(y) });
  } else if (span > 60 * DAY) {
    const step = span > 365 * DAY ? 3 : 1;
    for (let y = d0.getUTCFullYear(), m = d0.getUTCMonth(); Date.UTC(y, m, 1) <= t1; m += step) {
      const t = Date.UTC(y, m, 1);
      const d = new Date(t);
      out.push({ t, label: d.getUTCMonth() === 0 || out.length === 0 ? fmtM(d) + " " + d.getUTCFullYear() : fmtM(d) });
    }
  } else {
    const step = span > 20 * DAY ? 7 : span > 7 * DAY ? 2 : 1;
    const start = Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth(), d0.getUTCDate());
    for (let t = start; t <= t1; t += step * DAY) {
      const d = new Date(t);
      out.push({ t, label: d.getUTCDate() + " " + fmtM(d) });
    }
  }
  return out;
}

// ---------------------------------------------------------------- the map

let worldPromise = null;
function world() {
  if (!worldPromise) worldPromise = fetch("/assets/world.json").then((r) => r.json());
  return worldPromise;
}

const MAP_W = 900;
const MAP_H = 450;
const px = (lon) => ((lon + 180) / 360) * MAP_W;
const py = (lat) => ((90 - lat) / 180) * MAP_H;

function mapView(events) {
  const placed = events.filter((e) => e.place && e.place.lat !== undefined && e.place.lat !== null && e.place.lon !== undefined && e.place.lon !== null);
  const svg = sv("svg", { class: "map", viewBox: `0 0 ${MAP_W} ${MAP_H}`, role: "img", "aria-label": "Map of events" });
  const land = sv("g", { class: "land" });
  const markers = sv("g", { class: "markers" });
  svg.append(sv("rect", { x: 0, y: 0, width: MAP_W, height: MAP_H, class: "sea" }), land, markers);
  world().then((w) => {
    for (const f of w.features) {
      let d = "";
      for (const poly of f.geometry.coordinates) {
        for (const ring of poly) {
          d += ring.map((p, i) => (i ? "L" : "M") + px(p[0]).toFixed(1) + " " + py(p[1]).toFixed(1)).join("") + "Z";
        }
      }
      land.append(sv("path", { d }, sv("title", {}, f.properties.name)));
    }
  });
  // The view: the events' bounding box with a margin, 2:1, or the world.
  let full = [0, 0, MAP_W, MAP_H];
  let view = full;
  if (placed.length) {
    const xs = placed.map((e) => px(e.place.lon));
    const ys = placed.map((e) => py(e.place.lat));
    let x0 = Math.min(...xs) - 40;
    let x1 = Math.max(...xs) + 40;
    let y0 = Math.min(...ys) - 30;
    let y1 = Math.max(...ys) + 30;
    let w = Math.max(x1 - x0, 2 * (y1 - y0), 120);
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    view = [cx - w / 2, cy - w / 4, w, w / 2];
  }
  const fitted = view;
  const draw = () => {
    // Keep the view on the map.
    const [vw, vh] = [Math.min(view[2], MAP_W), Math.min(view[3], MAP_H)];
    view = [Math.min(Math.max(view[0], 0), MAP_W - vw), Math.min(Math.max(view[1], 0), MAP_H - vh), vw, vh];
    svg.setAttribute("viewBox", view.map((v) => v.toFixed(2)).join(" "));
    const k = view[2] / MAP_W;
    // Events at the same place share a marker.
    const byPlace = new Map();
    for (const e of placed) {
      const key = e.place.lat.toFixed(3) + "," + e.place.lon.toFixed(3);
      if (!byPlace.has(key)) byPlace.set(key, []);
      byPlace.get(key).push(e);
    }
    markers.replaceChildren(
      ...[...byPlace.values()].map((list) => {
        const p = list[0].place;
        const c = sv(
          "circle",
          { cx: px(p.lon), cy: py(p.lat), r: (5 + Math.min(list.length, 5)) * k, class: "map-marker", "data-event": list[0].id, tabindex: 0, "stroke-width": 1.5 * k },
          sv("title", {}, p.name + (p.country ? ", " + p.country : "") + "\n" + list.map((e) => "• " + e.title + " (" + (e.date ? e.date.value : "undated") + ")").join("\n")),
        );
        c.addEventListener("click", () => selectEvent(list[0].id));
        return c;
      }),
    );
  };
  const zoom = (f) => {
    const [x, y, w, h] = view;
    const nw = Math.min(Math.max(w * f, 20), MAP_W);
    const nh = nw / 2;
    view = [x + (w - nw) / 2, y + (h - nh) / 2, nw, nh];
    draw();
  };
  svg.addEventListener(
    "wheel",
    (ev) => {
      ev.preventDefault();
      zoom(ev.deltaY > 0 ? 1.25 : 0.8);
    },
    { passive: false },
  );
  draw();
  return [
    el(
      "div",
      { class: "toolbar" },
      el("button", { type: "button", onclick: () => zoom(0.6), "aria-label": "Zoom in" }, "+"),
      el("button", { type: "button", onclick: () => zoom(1 / 0.6), "aria-label": "Zoom out" }, "−"),
      el("button", { type: "button", onclick: () => { view = fitted; draw(); } }, "Events"),
      el("button", { type: "button", onclick: () => { view = full; draw(); } }, "World"),
      el("span", { class: "muted legend" }, placed.length + " of " + events.length + " events placed · larger circles: several events at one place"),
    ),
    el("div", { class: "map-wrap" }, svg),
  ];
}

// ---------------------------------------------------------------- events, assessments, sources

function eventsView(events) {
  if (!events.length) return el("p", { class: "muted" }, "No events.");
  return el(
    "ol",
    { class: "events" },
    events.map((e) =>
      el(
        "li",
        { class: "card event", id: "event-" + e.id, "data-event": e.id },
        el("h3", {}, e.title),
        el(
          "p",
          { class: "muted" },
          [
            e.kind.replace(/_/g, " ") + (e.subkind ? " (" + e.subkind + ")" : ""),
            dateText(e.date),
            e.place ? e.place.name + (e.place.admin1 ? ", " + e.place.admin1 : "") + (e.place.country ? ", " + e.place.country : "") : "",
            e.role ? "role: " + e.role : "",
            e.responsibility ? "responsibility: " + e.responsibility + (e.also && e.also.length ? "; also " + e.also.join(", ") : "") : "",
          ]
            .filter(Boolean)
            .join(" · "),
        ),
        e.killed || e.injured
          ? el("p", {}, e.killed ? "Killed: " + range(e.killed.min, e.killed.max) + ". " : "", e.injured ? "Injured: " + range(e.injured.min, e.injured.max) + "." : "")
          : "",
        e.figures && e.figures.length > 1
          ? el(
              "table",
              { class: "figures" },
              el("tr", {}, el("th", {}, "figure"), el("th", {}, "says"), el("th", {}, "source"), el("th", {}, "")),
              e.figures.map((f) =>
                el(
                  "tr",
                  {},
                  el("td", {}, f.figure),
                  el("td", {}, range(f.min, f.max) + " — “" + f.text + "”" + (f.revised_from && f.revised_from.length ? " (this report's earlier figures: " + f.revised_from.map((t) => "“" + t + "”").join(" → ") + ")" : "")),
                  el("td", {}, [who(f.attributed_to), f.published, f.revises ? "revises [" + (current.sourceIndex.get(f.revises) || f.revises) + "]" : ""].filter(Boolean).join(" · ")),
                  el("td", {}, cites([f.source || { doc: f.doc, quote: f.text, span: [0, 0] }])),
                ),
              ),
            )
          : "",
        el(
          "p",
          { class: "muted" },
          e.certainty + " · " + e.independent_sources + " independent source" + (e.independent_sources === 1 ? "" : "s") + " ",
          cites(e.sources),
        ),
      ),
    ),
  );
}

function assessmentsView(list) {
  if (!list.length) return el("p", { class: "muted" }, "No assessments.");
  return el(
    "ul",
    { class: "assessments" },
    list.map((a) =>
      el(
        "li",
        {},
        el("blockquote", {}, a.text),
        el("p", { class: "muted" }, "— " + who(a.by), a.medium ? ", " + a.medium : "", a.date ? ", " + a.date : "", " ", cites(a.sources)),
      ),
    ),
  );
}

function factsView(list) {
  return el(
    "ul",
    {},
    list.map((f) =>
      el(
        "li",
        {},
        f.predicate.replace(/_/g, " ") + (f.value ? ": " + f.value : "") + (f.time ? " (" + f.time + ")" : ""),
        f.attributed_to ? el("span", { class: "muted" }, " according to " + who(f.attributed_to)) : "",
        " ",
        cites(f.sources),
      ),
    ),
  );
}

function contradictionsView(list) {
  return el(
    "ul",
    {},
    list.map((c) =>
      el(
        "li",
        {},
        el("strong", {}, c.about),
        el(
          "ul",
          {},
          c.statements.map((s) => el("li", {}, s.says, s.attributed_to ? el("span", { class: "muted" }, " — " + who(s.attributed_to)) : "", " ", cites(s.sources))),
        ),
      ),
    ),
  );
}

function sourcesView(list) {
  return el(
    "ol",
    { class: "sources" },
    list.map((s) =>
      el(
        "li",
        {},
        el("button", { type: "button", class: "linklike", onclick: () => openDocument(s.id, null) }, s.title || "Document " + s.id),
        el("span", { class: "muted" }, [s.publisher, s.published ? s.published.slice(0, 10) : ""].filter(Boolean).map((x) => " · " + x).join("")),
      ),
    ),
  );
}

// ---------------------------------------------------------------- the source document

const docCache = new Map();

/**
 * Show a document; with a citation, its sentence is highlighted. Spans are byte offsets into
 * the UTF-8 text, so the text is cut as bytes and each part is put in as a text node.
 */
async function openDocument(id, cite) {
  const dialog = document.getElementById("source-dialog");
  const title = document.getElementById("source-title");
  const meta = document.getElementById("source-meta");
  const body = document.getElementById("source-text");
  title.textContent = "Document " + id;
  meta.textContent = "Loading…";
  body.replaceChildren();
  if (!dialog.open) dialog.showModal();
  let doc = docCache.get(id);
  try {
    if (!doc) {
      doc = await api("/api/documents/" + encodeURIComponent(id));
      docCache.set(id, doc);
    }
  } catch (e) {
    meta.textContent = e.message;
    return;
  }
  title.textContent = doc.title || "Document " + id;
  meta.replaceChildren(
    [doc.publisher, doc.published, "document " + doc.id].filter(Boolean).join(" · "),
    doc.url ? " · " : "",
    doc.url && /^https?:\/\//i.test(doc.url) ? el("a", { href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank" }, doc.url) : doc.url || "",
  );
  const bytes = new TextEncoder().encode(doc.text);
  const dec = new TextDecoder();
  const [s, e] = cite && cite.span[1] > cite.span[0] ? cite.span : [0, 0];
  if (e > s && e <= bytes.length) {
    const mark = el("mark", { id: "highlight", class: "hl" }, dec.decode(bytes.subarray(s, e)));
    body.replaceChildren(dec.decode(bytes.subarray(0, s)), mark, dec.decode(bytes.subarray(e)));
    mark.scrollIntoView({ block: "center" });
  } else {
    body.replaceChildren(doc.text);
  }
}

function setupDialog() {
  const dialog = document.getElementById("source-dialog");
  document.getElementById("source-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (ev) => {
    if (ev.target === dialog) dialog.close();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setupSearch();
  setupDialog();
  route();
});
