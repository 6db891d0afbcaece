// End-to-end test of the browser extension (extension/) in real headless Chromium: starts
// `discreet serve` and a local test page, loads the unpacked extension, pairs it through
// its options page, then types drafts into the page's composers and checks highlights,
// the panel, the publish gate, and the quiet badge when the server is gone.
// Run by run.sh; env: DISCREET_BIN (the binary), CHROMIUM (the browser), OUT_DIR.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionDir = path.resolve(here, "../../extension");
const outDir = process.env.OUT_DIR || path.join(here, "out");
const binary = process.env.DISCREET_BIN;
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";
// The id Chromium derives from manifest.json's "key" (see extension/README.md).
const EXTENSION_ID = "eigffkenpkckjhphfnmbgaonkelnhmag";

const BLOCK_DRAFT = "My client Sally Jones came in for her chemo-related neck pain today.";
const SAFE_DRAFT = "Super Bowl Sunday special: 20% off every 60-minute massage!";

let worker, server2, server3, tmp, server, serverPort, serverLog = "", token, pageServer, pageUrl, context, page;
const requests = [];  // every request the browser made: [url, from the service worker?]

function startServer(allowOrigin = true, extraEnv = {}) {
  const origin = allowOrigin ? ["--allow-origin", `chrome-extension://${EXTENSION_ID}`] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ["serve", "--port", "0", ...origin, "--access-log"],
      { env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, "config"), ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const timer = setTimeout(() => reject(new Error("discreet serve did not start in 20 s: " + out + serverLog)), 20000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.stderr.on("data", (d) => (serverLog += d));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`discreet serve exited (${code}) before listening: ${serverLog}`));
    });
  });
}

// POST /v1/check lines in the server's access log (it logs method, path, status; never bodies).
const checksLogged = () => serverLog.split("\n").filter((l) => l.startsWith("POST /v1/check 200")).length;

before(async () => {
  assert.ok(binary && fs.existsSync(binary), `DISCREET_BIN must name the discreet binary (got ${binary})`);
  assert.ok(fs.existsSync(browserPath), `Chromium not found at ${browserPath} (apt-get install chromium)`);
  fs.mkdirSync(outDir, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "discreet-ext-"));

  ({ child: server, port: serverPort } = await startServer());
  token = execFileSync(binary, ["token"], { env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, "config") } })
    .toString().trim();
  assert.match(token, /^\S{16,}$/);

  const html = fs.readFileSync(path.join(here, "page", "index.html"));
  pageServer = createServer((req, res) => {
    res.writeHead(req.url === "/" ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
    res.end(req.url === "/" ? html : "not found");
  });
  await new Promise((r) => pageServer.listen(0, "127.0.0.1", r));
  pageUrl = `http://127.0.0.1:${pageServer.address().port}/`;

  context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    executablePath: browserPath,
    headless: false,  // extensions need the new headless mode, asked for below
    viewport: { width: 1280, height: 720 },
    timeout: 60000,
    args: [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
    ],
  });
  context.on("request", (r) => requests.push([r.url(), !!r.serviceWorker()]));
  worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent("serviceworker", { timeout: 20000 });
  assert.equal(new URL(worker.url()).host, EXTENSION_ID, "the extension id is the one pinned by manifest.json's key");
});

after(async () => {
  if (context) await context.close().catch(() => {});
  for (const s of [server2, server3]) if (s && s.exitCode === null) s.kill("SIGTERM");
  if (server && server.exitCode === null) server.kill("SIGTERM");
  if (pageServer) pageServer.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// Everything the extension drew, read from the page: highlight ranges, mirror marks, panel.
async function ui() {
  return page.evaluate(() => {
    const out = { highlights: {}, mirror: [], verdict: null, panelText: "", gate: null };
    for (const name of ["discreet-block", "discreet-warn", "discreet-info"]) {
      const h = CSS.highlights.get(name);
      if (h) out.highlights[name] = [...h].map((r) => ({ text: r.toString(), connected: r.startContainer.isConnected }));
    }
    const root = document.querySelector("discreet-ui")?.shadowRoot;
    if (root) {
      out.mirror = [...root.querySelectorAll(".mirror:not([hidden]) mark")].map((m) => m.textContent);
      const panel = root.querySelector(".panel");
      out.verdict = panel ? panel.dataset.verdict : null;
      out.panelText = panel ? panel.textContent : "";
      const gate = root.querySelector("[data-discreet-gate]");
      out.gate = gate ? gate.textContent : null;
    }
    out.feed = [...document.querySelectorAll("#feed li")].map((li) => li.textContent);
    return out;
  });
}

async function waitFor(what, predicate, timeout = 10000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await ui();
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  const shot = path.join(outDir, `failure-${what.replace(/\W+/g, "-")}.png`);
  await page.screenshot({ path: shot }).catch(() => {});
  assert.fail(`timed out waiting for ${what} (screenshot: ${shot}); last UI state: ${JSON.stringify(last, null, 1)}`);
}

const allRanges = (s) => Object.values(s.highlights).flat();

// Each test starts from the page as loaded (so one failure does not leave a dialog or a
// draft behind for the next).
async function freshPage() {
  if (!page) {
    page = await context.newPage();
    page.setDefaultTimeout(10000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: pageUrl });
  }
  await page.goto(pageUrl);
}

test("options page pairs with the running server", async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  // The page shows the exact command for this extension's origin (filled in on load).
  await options.locator("#serve-cmd", { hasText: `--allow-origin chrome-extension://${EXTENSION_ID}` }).waitFor({ timeout: 10000 });
  // A server started without --allow-origin refuses the extension's Origin.
  let port2;
  ({ child: server2, port: port2 } = await startServer(false));
  await options.fill("#port", String(port2));
  await options.fill("#token", token);
  await options.click("#save");
  await options.locator('#status[data-state="failed"]').waitFor({ timeout: 10000 });
  assert.match(await options.locator("#status").textContent(), /does not allow this extension/);
  assert.match(await options.locator("#serve-cmd").textContent(), new RegExp(`--port ${port2} --allow-origin`));
  server2.kill("SIGTERM");
  // The right server, the wrong token.
  await options.fill("#port", String(serverPort));
  await options.fill("#token", "not-the-token-" + "x".repeat(20));
  await options.click("#save");
  await options.locator('#status[data-state="failed"]').waitFor({ timeout: 10000 });
  assert.match(await options.locator("#status").textContent(), /Wrong token/);
  await options.fill("#token", token);
  await options.click("#save");
  await options.locator('#status[data-state="paired"]').waitFor({ timeout: 10000 });
  await options.close();
});

test("a draft naming a client with a health detail is highlighted, explained and held at Post", async () => {
  await freshPage();
  const before = checksLogged();
  await page.click("#composer");
  await page.keyboard.type(BLOCK_DRAFT, { delay: 15 });
  const s = await waitFor("the block verdict", (u) => u.verdict === "block" && allRanges(u).length > 0);

  // Highlights: CSS Custom Highlight ranges over the composer's own text, no spans added.
  const texts = allRanges(s).map((r) => r.text);
  assert.ok(texts.includes("Sally Jones"), `a range covers the name: ${JSON.stringify(s.highlights)}`);
  assert.ok(texts.some((t) => /chemo/.test(t)), `a range covers the health detail: ${JSON.stringify(texts)}`);
  assert.equal(await page.locator("#composer *").count(), 0, "the editor's DOM is untouched (only its text node)");
  // Panel: verdict, messages, explanation, suggestions.
  assert.match(s.panelText, /block/i);
  assert.match(s.panelText, /Sally Jones/);
  // What the server says about this draft (asked directly; Node sends no Origin).
  const report = await (await fetch(`http://127.0.0.1:${serverPort}/v1/check`, { method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ text: BLOCK_DRAFT, format: "text" }) })).json();
  assert.equal(report.verdict, "block");
  for (const f of report.findings) assert.ok(s.panelText.includes(f.message), `panel shows "${f.message}"`);
  for (const subj of report.subjects) if (subj.explanation) assert.ok(s.panelText.includes(subj.explanation), "panel shows the risk explanation");
  const suggestion = page.locator("discreet-ui .panel .sug").first();
  assert.ok(await suggestion.count() > 0, "the panel offers safer wording");
  // Debounced: a few checks for the whole draft, not one per keystroke.
  const checks = checksLogged() - before;
  assert.ok(checks >= 1 && checks <= 5, `${checks} checks for ${BLOCK_DRAFT.length} keystrokes`);

  // Screenshot: the composer with its highlights and the panel beside it.
  const a = await page.locator("#rich").boundingBox(), b = await page.locator("discreet-ui .panel").boundingBox();
  const x = Math.min(a.x, b.x) - 4, y = Math.min(a.y, b.y) - 4;
  await page.screenshot({ path: path.join(outDir, "panel.png"),
    clip: { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x + 4, height: Math.max(a.y + a.height, b.y + b.height) - y + 4 } });

  // Click to copy a suggestion.
  const wording = await suggestion.textContent();
  await suggestion.click();
  await page.locator("discreet-ui .panel .sug.copied").waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), wording);

  // The publish gate holds Post and names the risk; "Edit draft" keeps it held.
  await page.click("#post");
  let g = await waitFor("the confirmation", (u) => u.gate !== null);
  assert.match(g.gate, /could identify your client/);
  assert.match(g.gate, /Sally Jones/);
  assert.deepEqual(g.feed, [], "nothing was posted");
  await page.locator("discreet-ui [data-discreet-gate] button", { hasText: "Edit draft" }).click();
  g = await waitFor("the confirmation to close", (u) => u.gate === null);
  assert.deepEqual(g.feed, []);

  // "Post anyway" lets it through once.
  await page.click("#post");
  await waitFor("the confirmation", (u) => u.gate !== null);
  await page.locator("discreet-ui [data-discreet-gate] button", { hasText: "Post anyway" }).click();
  g = await waitFor("the post", (u) => u.feed.length === 1);
  assert.equal(g.feed[0], BLOCK_DRAFT);
  g = await waitFor("highlights to go with the draft", (u) => allRanges(u).length === 0);
});

test("highlights are recomputed when a rich editor re-renders its DOM", async () => {
  await freshPage();
  await page.click("#composer");
  await page.keyboard.type(BLOCK_DRAFT, { delay: 5 });
  await waitFor("the block verdict", (u) => u.verdict === "block" && allRanges(u).some((r) => r.text === "Sally Jones"));
  await page.evaluate(() => window.rerenderComposer());
  const s = await waitFor("highlights on the new nodes",
    (u) => allRanges(u).some((r) => r.text === "Sally Jones") && allRanges(u).every((r) => r.connected));
  assert.ok(allRanges(s).some((r) => /chemo/.test(r.text)));
  // Clear for the next test (select all + delete, as a user would).
  await page.click("#composer");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await waitFor("the highlights to clear", (u) => allRanges(u).length === 0);
});

test("offsets stay right after emoji and line breaks (UTF-16, blocks as newlines)", async () => {
  await freshPage();
  await page.click("#composer");
  await page.keyboard.insertText("Great week 💆‍♀️🎉 at the studio!");
  await page.keyboard.press("Enter");  // a new block (<div>) in the composer
  await page.keyboard.insertText("🌸 " + BLOCK_DRAFT);
  const s = await waitFor("the block verdict", (u) => u.verdict === "block" && allRanges(u).some((r) => /chemo/.test(r.text)));
  const texts = allRanges(s).map((r) => r.text);
  assert.ok(texts.includes("Sally Jones"), `exactly the name, not shifted: ${JSON.stringify(texts)}`);
  assert.ok(texts.includes("chemo"), `exactly the health detail: ${JSON.stringify(texts)}`);
  assert.ok(await page.locator("#composer div").count() >= 1, "the composer really has blocks");
});

test("a Post click right after typing, before the pause, is still checked and held", async () => {
  await freshPage();
  await page.click("#composer");
  await page.keyboard.type(BLOCK_DRAFT, { delay: 0 });
  await page.click("#post");
  const g = await waitFor("the confirmation", (u) => u.gate !== null);
  assert.deepEqual(g.feed, [], "nothing was posted");
  await page.keyboard.press("Escape");
  await waitFor("the confirmation to close", (u) => u.gate === null);
  await page.click("#composer");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
});

test("a safe draft shows pass and posts at once", async () => {
  await freshPage();
  await page.click("#composer");
  await page.keyboard.type(SAFE_DRAFT, { delay: 5 });
  await waitFor("the pass verdict", (u) => u.verdict === "pass");
  await page.click("#post");
  const s = await waitFor("the post", (u) => u.feed.length === 1);
  assert.equal(s.feed[0], SAFE_DRAFT);
  assert.equal(s.gate, null);
});

test("a textarea gets an overlay mirror with the findings marked", async () => {
  await freshPage();
  await page.click("#plain-composer");
  await page.keyboard.type(BLOCK_DRAFT, { delay: 0 });
  const s = await waitFor("mirror marks", (u) => u.verdict === "block" && u.mirror.includes("Sally Jones"));
  assert.ok(s.mirror.some((t) => /chemo/.test(t)));
  assert.equal(await page.locator("#plain-composer").inputValue(), BLOCK_DRAFT, "the textarea's value is untouched");
  // The mirror sits exactly over the textarea.
  const [ta, mirror] = await page.evaluate(() => {
    const r = (e) => { const b = e.getBoundingClientRect(); return [b.x, b.y, b.width, b.height].map(Math.round); };
    return [r(document.getElementById("plain-composer")), r(document.querySelector("discreet-ui").shadowRoot.querySelector(".mirror"))];
  });
  assert.deepEqual(mirror, ta);
  await page.click("#share");
  await waitFor("the confirmation", (u) => u.gate !== null);
  await page.locator("discreet-ui [data-discreet-gate] button", { hasText: "Post anyway" }).click();
  await waitFor("the post", (u) => u.feed.length === 1 && u.mirror.length === 0);
});

test("turned off on a site: nothing shown and nothing held until turned back on", async () => {
  await freshPage();
  await page.click("#composer");
  await page.keyboard.type(BLOCK_DRAFT, { delay: 0 });
  await waitFor("the block verdict", (u) => u.verdict === "block");
  await page.locator("discreet-ui .panel button", { hasText: "Turn off on this site" }).click();
  await waitFor("the extension to step back", (u) => u.verdict === null && allRanges(u).length === 0);
  assert.equal(await page.locator("discreet-ui").count(), 0);
  await page.reload();
  const checksBefore = requests.filter(([url]) => url.endsWith("/v1/check")).length;
  await page.click("#composer");
  await page.keyboard.type(BLOCK_DRAFT, { delay: 0 });
  await new Promise((r) => setTimeout(r, 1500));  // well past the 400 ms pause
  assert.equal(requests.filter(([url]) => url.endsWith("/v1/check")).length, checksBefore, "nothing sent while off");
  const off = await ui();
  assert.equal(off.verdict, null);
  assert.equal(allRanges(off).length, 0);
  await page.click("#post");
  await waitFor("the post", (u) => u.feed.length === 1 && u.gate === null);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  const site = options.locator("#sites li", { hasText: "127.0.0.1" });
  await site.waitFor({ timeout: 10000 });
  await site.locator("button").click();
  await options.locator("#sites li", { hasText: "(none" }).waitFor({ timeout: 10000 });
  await options.close();
  await page.reload();
  await page.click("#composer");
  await page.keyboard.type(BLOCK_DRAFT, { delay: 0 });
  await waitFor("the block verdict again", (u) => u.verdict === "block");
  await page.click("#composer");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await waitFor("the panel to go", (u) => u.verdict === null);
});

test("only the latest draft is in flight: checks never overlap and the last is the whole draft", async () => {
  // A server that takes 1.2 s per check, while the draft is typed in bursts with pauses
  // longer than the 400 ms debounce: each pause would start a check of its own, and
  // without the one-in-flight rule they would overlap.
  let port3;
  ({ child: server3, port: port3 } = await startServer(true, { DISCREET_TEST_WORKER_DELAY_MS: "1200" }));
  await worker.evaluate((port) => chrome.storage.local.set({ port }), port3);
  const spans = [], started = new Map();
  const isCheck = (r) => r.url() === `http://127.0.0.1:${port3}/v1/check`;
  const onRequest = (r) => isCheck(r) && started.set(r, Date.now());
  const onDone = (r) => {
    if (!started.has(r)) return;
    spans.push({ start: started.get(r), end: Date.now(), text: JSON.parse(r.postData() || "{}").text });
    started.delete(r);
  };
  context.on("request", onRequest);
  context.on("requestfinished", onDone);
  context.on("requestfailed", onDone);
  try {
    await freshPage();
    await page.click("#composer");
    for (const part of ["My client", " Sally Jones", " came in for her", " chemo-related neck pain today."]) {
      await page.keyboard.type(part, { delay: 0 });
      await new Promise((r) => setTimeout(r, 500));
    }
    await waitFor("the whole draft's verdict", (u) => u.verdict === "block" && allRanges(u).some((r) => /chemo/.test(r.text)) &&
      !/checking/.test(u.panelText), 15000);
    await new Promise((r) => setTimeout(r, 1000));  // nothing more is coming
    // At most one check per pause (how many drafts get skipped depends on the machine's speed).
    assert.ok(spans.length >= 1 && spans.length <= 4, `${spans.length} checks for 4 bursts`);
    spans.sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; ++i)
      assert.ok(spans[i].start >= spans[i - 1].end, `check ${i} started before check ${i - 1} finished`);
    assert.equal(spans.at(-1).text, BLOCK_DRAFT);
  } finally {
    context.off("request", onRequest);
    context.off("requestfinished", onDone);
    context.off("requestfailed", onDone);
    await worker.evaluate((port) => chrome.storage.local.set({ port }), serverPort);
    server3.kill("SIGTERM");
  }
});

test("drafts went only to the discreet server on 127.0.0.1, from the service worker", () => {
  const allowed = (url) => url.startsWith(pageUrl) || url.startsWith(`chrome-extension://${EXTENSION_ID}/`) ||
    /^http:\/\/127\.0\.0\.1:\d+\/v1\/(check|health|rules)$/.test(url);
  const checks = requests.filter(([url]) => url === `http://127.0.0.1:${serverPort}/v1/check`);
  assert.ok(checks.length > 0, "the service worker's requests are seen");
  assert.ok(checks.every(([, fromWorker]) => fromWorker), "checks come from the service worker, not the page");
  assert.deepEqual(requests.filter(([url]) => !allowed(url)), [], "no other requests");
});

test("with the server stopped: a quiet badge, and Post goes through", async () => {
  await freshPage();
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await page.click("#composer");
  await page.keyboard.type(BLOCK_DRAFT, { delay: 0 });
  const s = await waitFor("the offline badge", (u) => u.verdict === "offline");
  assert.match(s.panelText, /server not running/);
  assert.equal(allRanges(s).length, 0);
  await page.click("#post");
  await waitFor("the post", (u) => u.feed.length === 1);
});
