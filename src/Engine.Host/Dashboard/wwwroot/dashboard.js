// The engine's live dashboard: reads /api/events (Server-Sent Events, one status a second) and /api/fills,
// posts /api/halt and /api/resume. A token given as #token=... in the address is sent as the bearer token.
(() => {
  "use strict";
  const token = new URLSearchParams(location.hash.slice(1)).get("token");
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  const $ = (id) => document.getElementById(id);
  const num = (v) => (v === null || v === undefined) ? "–" : Number(v).toLocaleString("en-US", { maximumFractionDigits: 8 });
  const signed = (v) => `<span class="${v > 0 ? "pos" : v < 0 ? "neg" : ""}">${num(v)}</span>`;
  const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
  const pill = (s) => `<span class="pill ${esc(s)}">${esc(s)}</span>`;
  const rows = (id, items, render, empty) => {
    $(id).querySelector("tbody").innerHTML = items.length ? items.map(render).join("") : `<tr><td colspan="9" class="muted">${empty}</td></tr>`;
  };
  const series = { pnl: [], mid: [] };
  const draw = (id, values) => {
    const svg = $(id);
    if (values.length < 2) { svg.innerHTML = ""; return; }
    const min = Math.min(...values), max = Math.max(...values), span = (max - min) || 1;
    const pts = values.map((v, i) => `${(i / (values.length - 1)) * 300},${78 - ((v - min) / span) * 76}`).join(" ");
    svg.innerHTML = `<polyline points="${pts}"/><title>${num(min)} … ${num(max)}</title>`;
  };
  const push = (list, v) => { list.push(v); if (list.length > 600) list.shift(); };

  function render(s) {
    document.body.dataset.engine = s.engineState;
    $("banner").dataset.state = s.engineState;
    $("engine-state").outerHTML = `<span id="engine-state" class="pill ${esc(s.engineState)}">${s.engineState === "Halted" ? "HALTED" : esc(s.engineState)}</span>`;
    $("pnl").innerHTML = "PnL " + signed(s.totalPnl);
    $("updated").textContent = "updated " + new Date(s.timestamp).toLocaleTimeString();
    const down = s.logins.filter((l) => l.enabled && l.state !== "Ready");
    const halted = s.risk.filter((r) => r.state !== "Active");
    const alerts = [];
    if (s.engineState === "Halted") alerts.push("Trading is HALTED engine-wide: no new orders.");
    for (const l of down) alerts.push(`Login ${l.name} is DOWN (${l.state}${l.venueState ? ", venue " + l.venueState : ""}).`);
    for (const r of halted.filter((r) => r.scope !== "engine")) alerts.push(`${r.scope} is ${r.state}${r.cause ? ": " + r.cause : ""}.`);
    $("alert").hidden = alerts.length === 0;
    $("alert").innerHTML = alerts.map(esc).join("<br>");
    $("halt").disabled = s.engineState === "Halted";
    $("resume").disabled = s.engineState === "Active";
    rows("logins", s.logins, (l) => `<tr class="${l.enabled && l.state !== "Ready" ? "down" : ""}" data-login="${esc(l.name)}"><td>${esc(l.name)}</td><td>${esc(l.venue)}</td><td>${pill(l.enabled ? l.state : "disabled")}</td><td>${esc(l.venueState ?? "–")}</td><td>${pill(l.tradingState)}</td><td class="n">${l.openOrders}</td><td class="n">${l.fills}</td><td class="n">${l.rejectStreak}</td></tr>`, "no logins");
    rows("risk", s.risk, (r) => `<tr data-scope="${esc(r.scope)}"><td>${esc(r.scope)}</td><td>${pill(r.state)}</td><td class="n">${signed(r.dailyPnl)}</td><td class="muted">${r.changedBy ? esc(r.changedBy + ": " + r.cause) : "–"}</td></tr>`, "–");
    rows("positions", s.positions, (p) => `<tr data-login="${esc(p.login)}" data-symbol="${esc(p.symbol)}"><td>${esc(p.login)}</td><td>${esc(p.symbol)}</td><td class="n position">${num(p.quantity)}</td><td class="n">${num(p.averageCost)}</td><td class="n">${num(p.lastPrice)}</td><td class="n">${signed(p.realisedPnl)}</td><td class="n">${signed(p.unrealisedPnl)}</td><td class="n">${signed(p.pnl)}</td></tr>`, "no positions yet");
    rows("orders", s.openOrders, (o) => `<tr><td>${esc(o.login)}</td><td>${esc(o.clientOrderId)}</td><td>${esc(o.side)}</td><td class="n">${num(o.quantity)}</td><td class="n">${num(o.price)}</td><td>${pill(o.status)}</td><td class="n">${num(o.filled)}</td></tr>`, "no open orders");
    push(series.pnl, s.totalPnl);
    if (s.marks.length) push(series.mid, s.marks[0].price);
    draw("pnl-chart", series.pnl);
    draw("mid-chart", series.mid);
  }

  async function refreshFills() {
    const r = await fetch("/api/fills", { headers });
    if (!r.ok) return;
    const fills = (await r.json()).slice(-15).reverse();
    rows("fills", fills, (f) => `<tr data-fill="${esc(f.fillId)}"><td>${new Date(f.timestamp).toLocaleTimeString()}</td><td>${esc(f.login)}</td><td>${esc(f.clientOrderId)}</td><td>${esc(f.side ?? "–")}</td><td class="n">${num(f.quantity)}</td><td class="n">${num(f.price)}</td></tr>`, "no fills yet");
  }

  async function command(verb) {
    const reason = verb === "halt" ? "halted from the dashboard" : "resumed from the dashboard";
    const r = await fetch("/api/" + verb, { method: "POST", headers, body: JSON.stringify({ reason, by: "dashboard" }) });
    if (!r.ok) {
      const p = await r.json().catch(() => ({}));
      alert(`${verb} failed: ${p.detail ?? r.status}`);
    }
  }

  $("halt").addEventListener("click", () => { if (confirm("Halt all trading and cancel working orders?")) command("halt"); });
  $("resume").addEventListener("click", () => command("resume"));
  const source = new EventSource("/api/events" + (token ? "?access_token=" + encodeURIComponent(token) : ""));
  source.addEventListener("status", (e) => { render(JSON.parse(e.data)); refreshFills(); });
  source.onerror = () => { $("banner").dataset.state = "Halted"; $("engine-state").textContent = "engine unreachable"; };
})();
