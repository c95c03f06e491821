// End-to-end test of the web UI in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core): open /profile/ISKP, see timeline entries and map markers, click a citation and
// see its sentence highlighted in the source document, follow an alias suggestion; no CSP
// violations or script errors; screenshots saved. BASE_URL is the server (run.sh starts one).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const BASE = process.env.BASE_URL || "http://127.0.0.1:8080";
const OUT = process.env.E2E_OUT || "../../../target/e2e";
mkdirSync(OUT, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
let failed = false;
const check = (ok, what) => {
  console.log((ok ? "ok   " : "FAIL ") + what);
  if (!ok) failed = true;
};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  const external = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(BASE)) external.push(r.url());
  });

  const resp = await page.goto(BASE + "/profile/ISKP", { waitUntil: "networkidle" });
  check(resp.status() === 200, "GET /profile/ISKP is 200");
  check((resp.headers()["content-security-policy"] || "").includes("default-src 'self'"), "CSP header");
  await page.waitForSelector("#identity h1");
  const name = await page.textContent("#identity h1");
  check(/Khorasan/.test(name), "dossier heading: " + name);
  const tl = await page.locator("svg.timeline .tl-event").count();
  check(tl > 0, `timeline entries: ${tl}`);
  await page.waitForSelector("svg.map .land path");
  const markers = await page.locator("svg.map .map-marker").count();
  check(markers > 0, `map markers: ${markers}`);
  const graphNodes = await page.locator("svg.graph .node").count();
  check(graphNodes > 1, `entity graph nodes: ${graphNodes}`);
  await page.screenshot({ path: OUT + "/profile.png", fullPage: true });

  // Zoom the timeline with its button: the view changes, entries stay.
  await page.click("#timeline button[aria-label='Zoom in']");
  check((await page.locator("svg.timeline .tl-event").count()) > 0, "timeline zoomed in");

  // A citation opens the source with its sentence highlighted.
  const cite = page.locator("#events button.cite").first();
  const quote = (await cite.getAttribute("title")) || "";
  await cite.click();
  await page.waitForSelector("#source-dialog[open] mark.hl");
  const marked = await page.textContent("#source-dialog mark.hl");
  check(marked.trim() === quote.trim() && quote.length > 0, "highlighted sentence = cited quote: " + marked.slice(0, 80));
  check(await page.isVisible("#source-dialog mark.hl"), "highlight visible");
  await page.screenshot({ path: OUT + "/citation.png" });
  await page.click("#source-close");

  // As-of: an earlier date gives fewer sources.
  const before = await page.locator("#sources li").count();
  await page.fill("#as-of", "2024-03-23");
  await page.click(".as-of button[type=submit]");
  await page.waitForURL(/as_of=2024-03-23/);
  await page.waitForSelector("#identity h1");
  const after = await page.locator("#sources li").count();
  check(after <= before, `as of 2024-03-23: ${after} sources (of ${before})`);

  // Search with an alias suggestion.
  await page.goto(BASE + "/", { waitUntil: "networkidle" });
  await page.fill("#q", "IS-K");
  await page.waitForSelector("#suggestions li");
  const sugg = await page.textContent("#suggestions li");
  check(/Khorasan/.test(sugg), "alias suggestion: " + sugg);
  await page.locator("#suggestions li").first().dispatchEvent("mousedown");
  await page.waitForURL(/\/profile\//);
  await page.waitForSelector("#identity h1");
  check(/Khorasan/.test(await page.textContent("#identity h1")), "suggestion opens the dossier");

  // Article text is text: a posted document with markup shows it literally and runs nothing.
  if (process.env.DOSSIER_TOKEN) {
    const evil = "Markup probe\n\n<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script> zebrafinch";
    const r = await fetch(BASE + "/api/documents", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer " + process.env.DOSSIER_TOKEN },
      body: JSON.stringify({ title: "<b>Markup</b> probe", text: evil }),
    });
    check(r.status === 201 || r.status === 200, "POST /api/documents with the token: " + r.status);
    await page.goto(BASE + "/?q=zebrafinch", { waitUntil: "networkidle" });
    await page.click(".hits button.linklike");
    await page.waitForSelector("#source-dialog[open] #source-text");
    await page.waitForFunction(() => document.querySelector("#source-text").textContent.includes("zebrafinch"));
    const shown = await page.textContent("#source-text");
    check(shown.includes("<img src=x") && shown.includes("<script>"), "markup shown as text");
    check((await page.locator("#source-text img, #source-text script").count()) === 0, "no elements from article text");
    check(!(await page.evaluate(() => window.__pwned)), "no script from article text ran");
    check((await page.textContent("#source-title")) === "<b>Markup</b> probe", "title shown as text");
  }

  check(problems.length === 0, "no console errors or CSP violations" + (problems.length ? ": " + problems.join(" | ") : ""));
  check(external.length === 0, "no external requests" + (external.length ? ": " + external.join(" ") : ""));
} finally {
  await browser.close();
}
if (failed) process.exit(1);
console.log("e2e: all checks passed; screenshots in " + OUT);
