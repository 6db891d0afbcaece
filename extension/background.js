// Background service worker: the only part of the extension that talks to the discreet
// server. Content scripts and the options page send it messages; it adds the pairing
// token and POSTs to http://127.0.0.1:PORT/v1/check (never any other host). It keeps the
// token and settings in chrome.storage.local, which content scripts never read, and shows
// the verdict (or "off" when the server is not reachable) as the toolbar badge.
"use strict";

const DEFAULTS = { port: 7463, token: "", disabledSites: [] };
const CHECK_TIMEOUT_MS = 5000;

async function settings() {
  const s = await chrome.storage.local.get(DEFAULTS);
  const port = Number(s.port);
  return {
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULTS.port,
    token: typeof s.token === "string" ? s.token.trim() : "",
    disabledSites: Array.isArray(s.disabledSites) ? s.disabledSites : [],
  };
}

function siteOf(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

// One request to the local server. Resolves to {ok: true, body} or {ok: false, reason,
// status?, message?}; never rejects. The draft is only ever in this request's body.
async function callServer(path, { method = "GET", body, withToken = true, timeoutMs = CHECK_TIMEOUT_MS } = {}) {
  const { port, token } = await settings();
  if (withToken && !token) return { ok: false, reason: "unpaired", message: "no pairing token set (options page)" };
  const headers = {};
  if (withToken) headers.Authorization = "Bearer " + token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      cache: "no-store",
      credentials: "omit",
      redirect: "error",
    });
    let parsed = null;
    try {
      parsed = await res.json();
    } catch {
      parsed = null;
    }
    if (res.ok) return { ok: true, body: parsed };
    const code = parsed && typeof parsed.error === "string" ? parsed.error : "";
    const reason =
      res.status === 401 ? "unauthorized" : code === "forbidden_origin" ? "forbidden_origin" : "server_error";
    return { ok: false, reason, status: res.status, message: (parsed && parsed.message) || res.statusText };
  } catch (e) {
    return { ok: false, reason: controller.signal.aborted ? "timeout" : "offline", message: "server not reachable" };
  } finally {
    clearTimeout(timer);
  }
}

// Toolbar badge per tab: "!" block, "?" warn, nothing for pass, "off" when unreachable.
function setBadge(tabId, state) {
  if (tabId === undefined || tabId < 0) return;
  const look = {
    block: { text: "!", color: "#b3261e" },
    warn: { text: "?", color: "#a15c00" },
    pass: { text: "", color: "#0f6e6e" },
    off: { text: "off", color: "#777777" },
  }[state] || { text: "", color: "#777777" };
  chrome.action.setBadgeText({ tabId, text: look.text }).catch(() => {});
  chrome.action.setBadgeBackgroundColor({ tabId, color: look.color }).catch(() => {});
}

// The newest check per tab+frame, so an older answer arriving late does not set the
// badge (content.js keeps at most one draft in flight per composer anyway).
const latest = new Map();
chrome.tabs.onRemoved.addListener((tabId) => {
  for (const key of latest.keys()) if (key.startsWith(tabId + ":")) latest.delete(key);
});

async function handleCheck(msg, sender) {
  const tabId = sender.tab ? sender.tab.id : undefined;
  const key = `${tabId}:${sender.frameId || 0}`;
  const seq = (latest.get(key) || 0) + 1;
  latest.set(key, seq);
  const text = typeof msg.text === "string" ? msg.text : "";
  if (text.trim() === "") {
    setBadge(tabId, "pass");
    return { ok: true, report: { verdict: "pass", findings: [], subjects: [] } };
  }
  const r = await callServer("/v1/check", { method: "POST", body: { text, format: "text" } });
  const stale = latest.get(key) !== seq;
  if (!r.ok) {
    if (!stale) setBadge(tabId, "off");
    return r;
  }
  if (!stale) setBadge(tabId, r.body && r.body.verdict);
  return { ok: true, report: r.body };
}

// Pairing check for the options page: health (no token: is it running?), then a check
// exactly like the real ones. It must be a POST: Chromium sends the extension's Origin on
// the worker's POSTs but not on its GETs, so only a POST shows whether the server
// allowlists this extension (--allow-origin). The text is fixed, never a draft.
async function handleTest() {
  const health = await callServer("/v1/health", { withToken: false, timeoutMs: 3000 });
  if (!health.ok) return health;
  const check = await callServer("/v1/check", {
    method: "POST",
    body: { text: "discreet pairing test", format: "text" },
    timeoutMs: 3000,
  });
  if (!check.ok) return check;
  return { ok: true, version: health.body && health.body.version };
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || typeof msg.type !== "string") return false;
  // Only this extension's own pages and content scripts can message it (no
  // externally_connectable), but the options-only calls also require an extension page.
  const fromExtensionPage = sender.url && sender.url.startsWith(chrome.runtime.getURL(""));
  let work;
  switch (msg.type) {
    case "check":
      work = handleCheck(msg, sender);
      break;
    case "site-status":
      work = settings().then((s) => {
        const site = siteOf(sender.tab ? sender.tab.url : sender.url);
        return { enabled: !s.disabledSites.includes(site), site };
      });
      break;
    case "set-site-enabled":
      work = settings().then(async (s) => {
        const site = fromExtensionPage ? String(msg.site || "") : siteOf(sender.tab && sender.tab.url);
        if (!site) return { ok: false };
        const set = new Set(s.disabledSites);
        if (msg.enabled) set.delete(site);
        else set.add(site);
        await chrome.storage.local.set({ disabledSites: [...set].sort() });
        return { ok: true, site, enabled: !!msg.enabled };
      });
      break;
    case "open-options":
      work = chrome.runtime.openOptionsPage().then(() => ({ ok: true }));
      break;
    case "test-connection":
      if (!fromExtensionPage) return false;
      work = handleTest();
      break;
    default:
      return false;
  }
  work.then(sendResponse, () => sendResponse({ ok: false, reason: "error" }));
  return true;  // answer asynchronously
});
