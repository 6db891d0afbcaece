// Content script: finds the post composer (textarea, contenteditable, role=textbox), asks
// the background worker to check the draft after typing pauses, and shows the result
// without touching the editor's DOM: CSS Custom Highlight API ranges for rich editors
// (rebuilt from the UTF-16 offsets after every re-render, never spans in the editor), a
// mirror overlay for textareas, a panel beside the composer, and a publish gate that holds
// a click on Post/Share/Publish while the verdict is block. If the server is not running
// it shows a quiet badge and never gets in the way. It never logs the draft.
(() => {
  "use strict";
  if (globalThis.__discreetContentLoaded) return;
  globalThis.__discreetContentLoaded = true;

  const DEBOUNCE_MS = 400;
  const POLL_MS = 700;            // catches programmatic value changes (no input event)
  const GATE_CHECK_TIMEOUT_MS = 2000;
  const LEVELS = ["block", "warn", "info"];
  // A publish button's label: Post, Share, Publish!, Post all, Post comment, Reply, Toot!
  const POST_LABEL = /^(post|share|publish|tweet|toot|send|reply|comment|submit)( (it|now|all|post|update|comment|reply))?!?$/i;
  const BLOCK_TAGS = new Set([
    "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE",
    "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P",
    "PRE", "SECTION", "TABLE", "TR", "UL",
  ]);

  const editors = new Map();  // root element → Editor
  let active = null;          // the editor the panel belongs to
  let enabled = true;
  let pollTimer = 0;
  let editorCount = 0;
  const allowOnce = new WeakSet();  // buttons whose next click passes the gate ("post anyway")

  // ---- messaging ----------------------------------------------------------------------

  async function ask(msg) {
    try {
      return await chrome.runtime.sendMessage(msg);
    } catch {
      return { ok: false, reason: "offline" };  // extension reloaded or worker unavailable
    }
  }

  // ---- finding the composer -----------------------------------------------------------

  function editableRoot(node) {
    let el = node && node.nodeType === Node.ELEMENT_NODE ? node : node && node.parentElement;
    if (!el || el === ui.host) return null;
    if (el instanceof HTMLTextAreaElement) return el.readOnly || el.disabled ? null : el;
    if (el instanceof HTMLInputElement) return null;
    if (!el.isContentEditable) {
      const box = el.closest('[role="textbox"]');
      if (!box) return null;
      const inner = box.querySelector('textarea, [contenteditable]:not([contenteditable="false"])');
      if (!inner) return null;
      el = inner;
      if (el instanceof HTMLTextAreaElement) return el.readOnly || el.disabled ? null : el;
      if (!el.isContentEditable) return null;
    }
    while (el.parentElement && el.parentElement.isContentEditable) el = el.parentElement;
    return el;
  }

  // ---- text and offsets ---------------------------------------------------------------

  // The draft as plain text plus where each text node sits in it. Blocks and <br> become
  // "\n"; whitespace-only formatting nodes between blocks are skipped. Offsets are UTF-16
  // code units, like the server's utf16_start/utf16_end.
  function linearize(root) {
    const segs = [];
    let text = "";
    const newline = () => {
      if (text.length && !text.endsWith("\n")) text += "\n";
    };
    const walk = (node) => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === Node.TEXT_NODE) {
          const v = c.nodeValue;
          if (!v || (/^[ \t\r\n]*$/.test(v) && v.includes("\n"))) continue;
          segs.push({ node: c, start: text.length, end: text.length + v.length });
          text += v;
        } else if (c.nodeType === Node.ELEMENT_NODE) {
          const tag = c.tagName;
          if (tag === "BR") {
            text += "\n";
            continue;
          }
          if (tag === "SCRIPT" || tag === "STYLE" || tag === "TEMPLATE") continue;
          const block = BLOCK_TAGS.has(tag);
          if (block) newline();
          walk(c);
          if (block) newline();
        }
      }
    };
    walk(root);
    return { text: text.replace(/\u00a0/g, " "), segs };
  }

  function pointAt(segs, offset, isEnd) {
    let before = null;
    for (const s of segs) {
      if (isEnd ? offset > s.start && offset <= s.end : offset >= s.start && offset < s.end)
        return [s.node, offset - s.start];
      if (s.end <= offset) before = s;
      else if (!isEnd) return [s.node, 0];  // offset was a synthetic newline: next node
      else break;
    }
    return before ? [before.node, before.node.nodeValue.length] : null;
  }

  // Where a finding is in `text` now: at its offsets if the text is the one checked,
  // else the occurrence of its matched text nearest the old place (the user kept typing).
  function relocate(finding, checkedText, text) {
    const { start, end } = finding;
    if (text === checkedText) return { start, end };
    const needle = checkedText.slice(start, end);
    if (!needle) return null;
    let best = -1;
    for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
      if (best === -1 || Math.abs(i - start) < Math.abs(best - start)) best = i;
    }
    return best === -1 ? null : { start: best, end: best + needle.length };
  }

  function levelOf(severity) {
    if (severity === "error" || severity === "block") return "block";
    if (severity === "warning" || severity === "warn") return "warn";
    return "info";
  }

  // ---- one composer -------------------------------------------------------------------

  class Editor {
    constructor(root) {
      this.id = ++editorCount;
      this.root = root;
      this.isTextarea = root instanceof HTMLTextAreaElement;
      this.report = null;       // the last answer
      this.checkedText = null;  // the text it answers
      this.findings = [];       // {start, end, level}: UTF-16 offsets into checkedText
      this.state = "idle";      // idle | checking | ready | offline | unpaired
      this.timer = 0;
      this.inflight = null;     // promise of the one request in flight
      this.lastSeen = this.text();
      this.lastActive = Date.now();
      this.observer = null;
      if (!this.isTextarea) {
        this.observer = new MutationObserver(() => this.changed());
        this.observer.observe(root, { subtree: true, childList: true, characterData: true });
      }
      this.resizeObserver = new ResizeObserver(() => scheduleLayout());
      this.resizeObserver.observe(root);
    }

    text() {
      return this.isTextarea ? this.root.value : linearize(this.root).text;
    }

    // Input, re-render or programmatic change: redraw now, check after the pause.
    changed() {
      scheduleLayout();
      const t = this.text();
      if (t === this.lastSeen) return;
      this.lastSeen = t;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.check(), DEBOUNCE_MS);
    }

    // At most one request in flight; when it returns and the draft has moved on, the
    // latest draft goes next (drafts typed in between are never sent).
    check() {
      clearTimeout(this.timer);
      if (this.inflight) {
        this.again = true;
        return this.inflight;
      }
      const text = this.text();
      if (text === this.checkedText && this.state === "ready") return Promise.resolve();
      if (this.state !== "ready") this.state = "checking";
      render();
      // Callers (the publish gate) await this whole chain, re-check included.
      this.inflight = this.request(text).finally(() => {
        this.inflight = null;
        scheduleLayout();
        render();
        if (this.again) {
          this.again = false;
          if (this.text() !== this.checkedText) return this.check();
        }
      });
      return this.inflight;
    }

    async request(text) {
      const res = await ask({ type: "check", text });
      if (res && res.ok && res.report) {
        this.report = res.report;
        this.checkedText = text;
        this.findings = (res.report.findings || []).map((f) => ({
          start: f.span ? f.span.utf16_start : 0,
          end: f.span ? f.span.utf16_end : 0,
          level: levelOf(f.severity),
        }));
        this.state = "ready";
      } else {
        this.report = null;
        this.checkedText = null;
        this.findings = [];
        const reason = res && res.reason;
        this.state = reason === "unpaired" || reason === "unauthorized" || reason === "forbidden_origin"
          ? "unpaired" : "offline";
      }
    }

    // The verdict for the text as it is now, checking it if needed (publish gate).
    async currentVerdict(timeoutMs) {
      const fresh = () => this.state === "ready" && this.checkedText === this.text();
      if (fresh()) return this.report.verdict;
      let timer;
      const timeout = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      const work = (async () => {
        for (let i = 0; i < 3 && !fresh() && this.state !== "offline" && this.state !== "unpaired"; ++i) {
          await this.check();
        }
      })();
      await Promise.race([work, timeout]);
      clearTimeout(timer);
      return fresh() ? this.report.verdict : null;
    }

    // Findings placed in the current text.
    placed(text) {
      if (this.state !== "ready") return [];
      const out = [];
      for (const f of this.findings) {
        const at = relocate(f, this.checkedText, text);
        if (at && at.end > at.start) out.push({ ...at, level: f.level });
      }
      return out;
    }

    // DOM Ranges over the editor's own text nodes, rebuilt on every call.
    ranges() {
      const { text, segs } = linearize(this.root);
      const out = [];
      for (const p of this.placed(text)) {
        const a = pointAt(segs, p.start, false), b = pointAt(segs, p.end, true);
        if (!a || !b) continue;
        const r = document.createRange();
        try {
          r.setStart(a[0], a[1]);
          r.setEnd(b[0], b[1]);
        } catch {
          continue;
        }
        if (!r.collapsed) out.push({ range: r, level: p.level });
      }
      return out;
    }

    dispose() {
      clearTimeout(this.timer);
      if (this.observer) this.observer.disconnect();
      this.resizeObserver.disconnect();
      if (this.mirror) this.mirror.remove();
    }
  }

  function track(root) {
    let ed = editors.get(root);
    if (!ed) {
      ed = new Editor(root);
      editors.set(root, ed);
      if (!pollTimer) pollTimer = setInterval(poll, POLL_MS);
    }
    ed.lastActive = Date.now();
    active = ed;
    return ed;
  }

  function poll() {
    for (const [root, ed] of editors) {
      if (!root.isConnected) {
        ed.dispose();
        editors.delete(root);
        if (active === ed) active = null;
        continue;
      }
      if (ed.text() !== ed.lastSeen) ed.changed();
    }
    if (!editors.size) {
      clearInterval(pollTimer);
      pollTimer = 0;
    }
    scheduleLayout();
    render();
  }

  // ---- our own UI: one shadow root outside the page's layout ---------------------------

  const ui = (() => {
    const host = document.createElement("discreet-ui");
    host.setAttribute("style", "all: initial !important; position: fixed !important; top: 0 !important; " +
      "left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important;");
    const shadow = host.attachShadow({ mode: "open" });
    const css = `
      :host { all: initial; }
      * { box-sizing: border-box; }
      .mirror { position: fixed; overflow: hidden; pointer-events: none; color: transparent;
        white-space: pre-wrap; overflow-wrap: break-word; border-color: transparent !important;
        background: transparent; margin: 0; }
      .mirror mark { color: transparent; border-radius: 2px; }
      .mirror mark.block { background: rgba(179, 38, 30, .18); text-decoration: underline wavy #b3261e; }
      .mirror mark.warn { background: rgba(191, 110, 0, .16); text-decoration: underline wavy #bf6e00; }
      .mirror mark.info { text-decoration: underline dotted #0f6e6e; }
      .panel { position: fixed; width: 340px; max-height: 60vh; overflow: auto; pointer-events: auto;
        font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c1b1f;
        background: #fff; border: 1px solid #d0d0d0; border-left: 4px solid #0f6e6e; border-radius: 8px;
        box-shadow: 0 4px 16px rgba(0,0,0,.14); padding: 10px 12px; }
      .panel[data-verdict="block"] { border-left-color: #b3261e; }
      .panel[data-verdict="warn"] { border-left-color: #bf6e00; }
      .panel.pill { width: auto; padding: 3px 10px; border-radius: 999px; border-left-width: 1px;
        font-size: 12px; color: #555; box-shadow: none; opacity: .9; }
      .head { display: flex; gap: 8px; align-items: baseline; }
      .verdict { font-weight: 700; text-transform: uppercase; letter-spacing: .04em; font-size: 12px; }
      [data-verdict="block"] .verdict { color: #b3261e; }
      [data-verdict="warn"] .verdict { color: #8a4f00; }
      [data-verdict="pass"] .verdict { color: #0f6e6e; }
      .summary { flex: 1; }
      button { font: inherit; cursor: pointer; }
      .icon { border: 0; background: none; color: #666; padding: 0 4px; }
      .risk { margin: 8px 0; color: #333; }
      ul { list-style: none; margin: 6px 0 0; padding: 0; }
      li { padding: 6px 0; border-top: 1px solid #eee; }
      q { font-weight: 600; quotes: "\\201c" "\\201d"; }
      li.block q { color: #b3261e; } li.warn q { color: #8a4f00; }
      .sugs { margin-top: 4px; color: #555; }
      .sug { border: 1px solid #0f6e6e; color: #0f6e6e; background: #f3fafa; border-radius: 999px;
        padding: 1px 8px; margin: 2px 4px 0 0; }
      .sug.copied { background: #0f6e6e; color: #fff; }
      .foot { margin-top: 8px; text-align: right; }
      .link { border: 0; background: none; color: #666; text-decoration: underline; padding: 0; font-size: 12px; }
      .backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); pointer-events: auto;
        display: flex; align-items: center; justify-content: center; }
      .dialog { width: min(440px, 92vw); background: #fff; border-radius: 10px; padding: 18px 20px;
        font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c1b1f;
        box-shadow: 0 10px 40px rgba(0,0,0,.3); border-top: 5px solid #b3261e; }
      .dialog h2 { margin: 0 0 8px; font-size: 17px; }
      .dialog .actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 14px; }
      .primary { background: #0f6e6e; color: #fff; border: 0; border-radius: 6px; padding: 7px 14px; }
      .secondary { background: #fff; color: #b3261e; border: 1px solid #b3261e; border-radius: 6px; padding: 7px 14px; }
    `;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement("style");
      style.textContent = css;
      shadow.appendChild(style);
    }
    const layer = document.createElement("div");
    shadow.appendChild(layer);
    return { host, shadow, layer, panel: null, dialog: null };
  })();

  function attachUi() {
    if (!ui.host.isConnected) document.documentElement.appendChild(ui.host);
  }

  function el(tag, props = {}, children = []) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }

  // Buttons in our UI must not take focus from the editor.
  const keepFocus = (e) => e.preventDefault();

  // ---- highlights ---------------------------------------------------------------------

  let layoutQueued = false;
  function scheduleLayout() {
    if (layoutQueued) return;
    layoutQueued = true;
    requestAnimationFrame(() => {
      layoutQueued = false;
      layout();
    });
  }

  function layout() {
    if (!enabled) return;
    paintHighlights();
    for (const ed of editors.values()) if (ed.isTextarea) paintMirror(ed);
    placePanel();
  }

  function paintHighlights() {
    if (typeof CSS === "undefined" || !CSS.highlights || typeof Highlight === "undefined") return;
    const groups = { block: [], warn: [], info: [] };
    for (const ed of editors.values()) {
      if (ed.isTextarea || !ed.root.isConnected) continue;
      for (const r of ed.ranges()) groups[r.level].push(r.range);
    }
    for (const level of LEVELS) {
      const name = "discreet-" + level;
      if (groups[level].length) CSS.highlights.set(name, new Highlight(...groups[level]));
      else CSS.highlights.delete(name);
    }
  }

  const MIRRORED = [
    "fontFamily", "fontSize", "fontWeight", "fontStyle", "fontVariant", "fontStretch", "letterSpacing",
    "wordSpacing", "lineHeight", "textTransform", "textIndent", "textAlign", "direction", "tabSize",
    "paddingTop", "paddingRight", "paddingBottom", "paddingLeft", "borderTopWidth", "borderRightWidth",
    "borderBottomWidth", "borderLeftWidth", "boxSizing", "whiteSpace", "wordBreak", "overflowWrap",
  ];

  // A copy of the textarea's text laid out exactly like it, over it, with the findings
  // as translucent marks and the text itself invisible.
  function paintMirror(ed) {
    const ta = ed.root;
    const marks = ta.isConnected ? ed.placed(ta.value) : [];
    if (!marks.length) {
      if (ed.mirror) ed.mirror.hidden = true;
      return;
    }
    attachUi();
    if (!ed.mirror) {
      ed.mirror = el("div", { class: "mirror", "data-discreet-mirror": "" });
      ui.layer.prepend(ed.mirror);
    }
    const m = ed.mirror;
    m.hidden = false;
    const cs = getComputedStyle(ta);
    for (const p of MIRRORED) m.style[p] = cs[p];
    m.style.borderStyle = "solid";
    if (cs.whiteSpace === "normal") m.style.whiteSpace = "pre-wrap";
    const rect = ta.getBoundingClientRect();
    Object.assign(m.style, { left: rect.left + "px", top: rect.top + "px", width: rect.width + "px", height: rect.height + "px" });
    // A vertical scrollbar narrows the textarea's text box.
    const bl = parseFloat(cs.borderLeftWidth) || 0, br = parseFloat(cs.borderRightWidth) || 0;
    const bar = Math.max(0, ta.offsetWidth - ta.clientWidth - bl - br);
    m.style.paddingRight = (parseFloat(cs.paddingRight) || 0) + bar + "px";
    const text = ta.value;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const p of marks.sort((a, b) => a.start - b.start)) {
      if (p.start < at) continue;
      frag.append(text.slice(at, p.start), el("mark", { class: p.level, text: text.slice(p.start, p.end) }));
      at = p.end;
    }
    frag.append(text.slice(at) + "\u200b");  // keeps a trailing newline's line
    m.replaceChildren(frag);
    m.scrollTop = ta.scrollTop;
    m.scrollLeft = ta.scrollLeft;
  }

  // ---- the panel ----------------------------------------------------------------------

  function verdictSummary(v) {
    return {
      block: "This could identify your client",
      warn: "Check before posting",
      pass: "Nothing identifying found",
    }[v] || "";
  }

  function explanations(report) {
    const out = [];
    for (const s of report.subjects || []) if (s.explanation && !out.includes(s.explanation)) out.push(s.explanation);
    return out;
  }

  async function copy(text, button) {
    let done = false;
    try {
      await navigator.clipboard.writeText(text);
      done = true;
    } catch {
      const focused = document.activeElement;
      const ta = el("textarea", { style: "position:fixed;opacity:0;top:0;left:0" });
      ta.value = text;
      ui.layer.append(ta);
      ta.select();
      try {
        done = document.execCommand("copy");
      } catch {
        done = false;
      }
      ta.remove();
      if (focused && focused.focus) focused.focus();
    }
    button.classList.toggle("copied", done);
    button.textContent = done ? "Copied" : text;
    setTimeout(() => {
      button.classList.remove("copied");
      button.textContent = text;
    }, 1500);
  }

  // Most serious first; in the text's order within a level.
  function bySeverity(findings) {
    const rank = { block: 0, warn: 1, info: 2 };
    return findings.map((f, i) => [f, i]).sort(([a, i], [b, j]) =>
      rank[levelOf(a.severity)] - rank[levelOf(b.severity)] || i - j).map(([f]) => f);
  }

  function findingItem(f) {
    const level = levelOf(f.severity);
    const sugs = (f.suggestions || []).filter((s) => s && s !== "remove");
    const removeOnly = (f.suggestions || []).includes("remove") && !sugs.length;
    return el("li", { class: level, "data-rule": f.rule || "" }, [
      el("div", { class: "msg" }, [el("q", { text: f.text || "" }), " ", f.message || ""]),
      sugs.length
        ? el("div", { class: "sugs" }, [
            "Safer: ",
            ...sugs.map((s) =>
              el("button", { class: "sug", title: "Copy", text: s, onmousedown: keepFocus, onclick: (e) => copy(s, e.currentTarget) })),
          ])
        : removeOnly ? el("div", { class: "sugs", text: "Safer: leave it out" }) : null,
    ]);
  }

  function render() {
    if (!enabled) return;
    const ed = active && active.root.isConnected ? active : null;
    const show = ed && (ed.state !== "idle" || ed.report) && (ed.text().trim() !== "" || ed.state === "offline");
    if (!show) {
      if (ui.panel) ui.panel.remove();
      ui.panel = null;
      return;
    }
    attachUi();
    let panel;
    if (ed.state === "offline" || ed.state === "unpaired") {
      // Quiet: a small badge, nothing in the way.
      const offline = ed.state === "offline";
      panel = el("div", { class: "panel pill", "data-verdict": offline ? "offline" : "unpaired", role: "status",
        title: offline ? "Start it with: discreet serve" : "Open the extension's options to pair" }, [
        offline ? "discreet: server not running" : "discreet: not paired ",
        offline ? null : el("button", { class: "link", text: "set up", onmousedown: keepFocus,
          onclick: () => ask({ type: "open-options" }) }),
      ]);
    } else if (!ed.report) {
      panel = el("div", { class: "panel pill", "data-verdict": "checking", role: "status", text: "discreet: checking…" });
    } else if (ed.report.verdict !== "block" && (ed.minimised || (ed.report.verdict === "pass" && !ed.expanded))) {
      // Pass (and anything the user minimised, except block) stays a small pill.
      panel = el("div", { class: "panel pill", "data-verdict": ed.report.verdict, role: "status" }, [
        el("button", { class: "link", text: "discreet: " + ed.report.verdict, onmousedown: keepFocus,
          onclick: () => { ed.minimised = false; ed.expanded = true; render(); } }),
      ]);
    } else {
      const r = ed.report;
      const stale = ed.checkedText !== ed.text();
      panel = el("div", { class: "panel", "data-verdict": r.verdict, role: "status", "aria-live": "polite" }, [
        el("div", { class: "head" }, [
          el("span", { class: "verdict", text: r.verdict }),
          el("span", { class: "summary", text: verdictSummary(r.verdict) + (stale ? " (checking…)" : "") }),
          el("button", { class: "icon", title: "Minimise", "aria-label": "Minimise", text: "–", onmousedown: keepFocus,
            onclick: () => { ed.minimised = true; ed.expanded = false; render(); } }),
        ]),
        ...explanations(r).map((x) => el("p", { class: "risk", text: x })),
        (r.findings || []).length ? el("ul", {}, bySeverity(r.findings).map(findingItem)) : null,
        el("div", { class: "foot" }, [
          el("button", { class: "link", text: "Turn off on this site", onmousedown: keepFocus,
            onclick: async () => {
              await ask({ type: "set-site-enabled", enabled: false });
              disable();
            } }),
        ]),
      ]);
      if (ed.minimised && r.verdict === "block") ed.minimised = false;
    }
    // Replace the panel only when what it says changed: keeps its scroll position,
    // hover and focus while the page polls and re-renders.
    const key = ed.id + "|" + panel.outerHTML;
    if (ui.panel && ui.panelKey === key && ui.panel.isConnected) return placePanel();
    if (ui.panel) ui.panel.replaceWith(panel);
    else ui.layer.append(panel);
    ui.panel = panel;
    ui.panelKey = key;
    placePanel();
  }

  // Beside the composer, never over its Post button (usually just below it): to its
  // right, else its left, else above it, else below; always inside the viewport.
  function placePanel() {
    const panel = ui.panel;
    if (!panel || !active) return;
    const rect = active.root.getBoundingClientRect();
    const w = panel.offsetWidth, h = panel.offsetHeight, gap = 8;
    const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(v, hi));
    let left, top;
    if (rect.right + gap + w <= vw - gap) (left = rect.right + gap), (top = rect.top);
    else if (rect.left - gap - w >= gap) (left = rect.left - gap - w), (top = rect.top);
    else if (rect.top - gap - h >= gap) (left = rect.right - w), (top = rect.top - gap - h);
    else (left = rect.right - w), (top = rect.bottom + gap);
    panel.style.left = clamp(left, gap, vw - w - gap) + "px";
    panel.style.top = clamp(top, gap, vh - h - gap) + "px";
  }

  // ---- publish gate -------------------------------------------------------------------

  function postButton(target) {
    const b = target && target.closest && target.closest('button, [role="button"], input[type="submit"], input[type="button"]');
    if (!b || b.closest("discreet-ui")) return null;
    const label = (b.getAttribute("aria-label") || b.value || b.textContent || b.title || "").trim().replace(/\s+/g, " ");
    return POST_LABEL.test(label) ? b : null;
  }

  // The composer a Post button belongs to: the one in the same form, else the one sharing
  // the deepest ancestor with it, else the one used last.
  function editorFor(button) {
    const depth = (n) => {
      let d = 0;
      for (; n; n = n.parentNode) ++d;
      return d;
    };
    let best = null, bestScore = -1;
    for (const ed of editors.values()) {
      if (!ed.root.isConnected || ed.text().trim() === "") continue;
      let score = 1e6;
      if (!(button.form && ed.root.form === button.form)) {
        let common = button;
        while (common && !common.contains(ed.root)) common = common.parentNode;
        score = depth(common);
      }
      if (score > bestScore || (score === bestScore && ed.lastActive > best.lastActive)) (best = ed), (bestScore = score);
    }
    return best;
  }

  function release(button) {
    allowOnce.add(button);
    button.click();
  }

  async function onClickCapture(e) {
    if (!enabled) return;
    const button = postButton(e.target);
    if (!button) return;
    if (allowOnce.has(button)) {
      allowOnce.delete(button);
      return;
    }
    const ed = editorFor(button);
    if (!ed) return;
    const fresh = ed.state === "ready" && ed.checkedText === ed.text();
    if (fresh && ed.report.verdict !== "block") return;
    if (!fresh && (ed.state === "offline" || ed.state === "unpaired")) return;  // never block the page
    // Hold this click until we know.
    e.preventDefault();
    e.stopImmediatePropagation();
    const verdict = await ed.currentVerdict(GATE_CHECK_TIMEOUT_MS);
    if (verdict !== "block") return release(button);
    confirmPost(ed, button);
  }

  function confirmPost(ed, button) {
    attachUi();
    if (ui.dialog) ui.dialog.remove();
    const r = ed.report;
    const close = () => {
      ui.dialog.remove();
      ui.dialog = null;
      document.removeEventListener("keydown", onKey, true);
    };
    const onKey = (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        close();
        ed.root.focus();
      }
    };
    const items = bySeverity((r.findings || []).filter((f) => levelOf(f.severity) !== "info")).slice(0, 6);
    const editBtn = el("button", { class: "primary", text: "Edit draft", onclick: () => { close(); ed.root.focus(); } });
    ui.dialog = el("div", { class: "backdrop", "data-discreet-gate": "" }, [
      el("div", { class: "dialog", role: "alertdialog", "aria-modal": "true", "aria-labelledby": "dg-title" }, [
        el("h2", { id: "dg-title", text: "This post could identify your client" }),
        ...explanations(r).map((x) => el("p", { class: "risk", text: x })),
        items.length ? el("ul", {}, items.map((f) => el("li", { class: levelOf(f.severity) }, [
          el("q", { text: f.text || "" }), " ", f.message || "" ]))) : null,
        el("div", { class: "actions" }, [
          el("button", { class: "secondary", text: "Post anyway", onclick: () => { close(); release(button); } }),
          editBtn,
        ]),
      ]),
    ]);
    ui.layer.append(ui.dialog);
    document.addEventListener("keydown", onKey, true);
    editBtn.focus();
  }

  // ---- wiring -------------------------------------------------------------------------

  function onFocusIn(e) {
    const root = editableRoot(e.composedPath ? e.composedPath()[0] : e.target);
    if (!root) return;
    const ed = track(root);
    scheduleLayout();
    render();
    if (ed.text().trim() !== "" && ed.state === "idle") ed.check();
  }

  function onInput(e) {
    const root = editableRoot(e.composedPath ? e.composedPath()[0] : e.target);
    if (!root) return;
    track(root).changed();
  }

  const onViewport = () => scheduleLayout();

  function disable() {
    enabled = false;
    document.removeEventListener("focusin", onFocusIn, true);
    document.removeEventListener("input", onInput, true);
    document.removeEventListener("click", onClickCapture, true);
    window.removeEventListener("scroll", onViewport, true);
    window.removeEventListener("resize", onViewport);
    for (const ed of editors.values()) ed.dispose();
    editors.clear();
    clearInterval(pollTimer);
    if (typeof CSS !== "undefined" && CSS.highlights) for (const l of LEVELS) CSS.highlights.delete("discreet-" + l);
    ui.host.remove();
  }

  // Nothing is watched (so nothing is sent) until the per-site switch says this site is on
  // (options page, or the panel's "Turn off on this site").
  ask({ type: "site-status" }).then((s) => {
    if (!s || s.enabled !== true) {
      enabled = false;
      return;
    }
    document.addEventListener("focusin", onFocusIn, true);
    document.addEventListener("input", onInput, true);
    document.addEventListener("click", onClickCapture, true);
    window.addEventListener("scroll", onViewport, { capture: true, passive: true });
    window.addEventListener("resize", onViewport, { passive: true });
    // A composer already focused when the script loads.
    if (document.activeElement) onFocusIn({ target: document.activeElement });
  });
})();
