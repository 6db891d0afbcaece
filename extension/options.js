// Options page logic: shows the exact `discreet serve` command for this extension's
// origin, saves the port and pairing token to chrome.storage.local, tests the pairing
// through the background worker, and edits the list of sites where discreet is off.
"use strict";

const $ = (id) => document.getElementById(id);
const DEFAULTS = { port: 7463, token: "", disabledSites: [] };

function serveCommand(port) {
  const portArg = Number(port) === 7463 ? "" : ` --port ${Number(port)}`;
  return `discreet serve${portArg} --allow-origin ${location.origin}`;
}

function setStatus(text, ok) {
  const s = $("status");
  s.textContent = text;
  s.className = ok === undefined ? "" : ok ? "ok" : "bad";
  s.dataset.state = ok === undefined ? "pending" : ok ? "paired" : "failed";
}

function explain(r) {
  switch (r.reason) {
    case "offline":
    case "timeout":
      return "The server is not running on that port. Start it with the command above.";
    case "unauthorized":
      return "Wrong token. Run `discreet token` again and paste what it prints.";
    case "unpaired":
      return "Paste the token first.";
    case "forbidden_origin":
      return "The server does not allow this extension yet: restart it with the command above.";
    default:
      return "The server answered with an error" + (r.status ? ` (${r.status})` : "") + ".";
  }
}

async function renderSites() {
  const { disabledSites } = await chrome.storage.local.get(DEFAULTS);
  const ul = $("sites");
  ul.replaceChildren();
  if (!disabledSites.length) {
    const li = document.createElement("li");
    li.textContent = "(none: on everywhere)";
    ul.append(li);
  }
  for (const site of disabledSites) {
    const li = document.createElement("li");
    li.textContent = site;
    const b = document.createElement("button");
    b.textContent = "Turn back on";
    b.addEventListener("click", async () => {
      await chrome.runtime.sendMessage({ type: "set-site-enabled", site, enabled: true });
      renderSites();
    });
    li.append(b);
    ul.append(li);
  }
}

async function load() {
  const s = await chrome.storage.local.get(DEFAULTS);
  $("port").value = s.port;
  $("token").value = s.token;
  $("serve-cmd").textContent = serveCommand(s.port);
  renderSites();
  if (s.token) test();
}

async function test() {
  setStatus("Testing…");
  const r = await chrome.runtime.sendMessage({ type: "test-connection" });
  if (r && r.ok) setStatus("Paired: the server is running and accepts this extension.", true);
  else setStatus(explain(r || {}), false);
}

$("pair").addEventListener("submit", async (e) => {
  e.preventDefault();
  const port = Number($("port").value);
  const token = $("token").value.trim();
  if (!Number.isInteger(port) || port < 1 || port > 65535) return setStatus("The port must be 1–65535.", false);
  await chrome.storage.local.set({ port, token });
  $("serve-cmd").textContent = serveCommand(port);
  test();
});

$("port").addEventListener("input", () => ($("serve-cmd").textContent = serveCommand($("port").value || 7463)));

$("show").addEventListener("click", () => {
  const t = $("token");
  t.type = t.type === "password" ? "text" : "password";
  $("show").textContent = t.type === "password" ? "Show token" : "Hide token";
});

$("add-site").addEventListener("submit", async (e) => {
  e.preventDefault();
  let site = $("site").value.trim().toLowerCase();
  try {
    if (site.includes("/")) site = new URL(site.includes("://") ? site : "https://" + site).hostname;
  } catch {
    return;
  }
  if (!site) return;
  await chrome.runtime.sendMessage({ type: "set-site-enabled", site, enabled: false });
  $("site").value = "";
  renderSites();
});

load();
