// The dashboard's page: renders each snapshot the desk pushes on /events (Server-Sent Events) and draws the charts as
// SVG from the snapshot's history. Data goes into the page as text only (textContent), never as markup.
"use strict";
(() => {
  const $ = id => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const COLOURS = ["#58a6ff", "#d2a8ff", "#f0883e", "#56d4dd", "#e3b341", "#ff7b72", "#7ee787", "#a5d6ff"];
  const money = v => (v === null || v === undefined) ? "" : Number(v).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const qty = v => Number(v).toLocaleString("en-US", { maximumFractionDigits: 4 });
  const time = t => t ? new Date(t).toISOString().substring(11, 19) : "";
  const signClass = v => v > 0 ? "pos" : v < 0 ? "neg" : "";
  // "akka.tcp://desk@10.0.0.5:4053" as "10.0.0.5:4053"; anything else as it is.
  const hostPort = a => a.includes("@") ? a.substring(a.indexOf("@") + 1) : a;
  let snapshots = 0;

  function cell(text, cls) {
    const td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    return td;
  }

  // Replaces a table's rows; an empty list shows one dim line saying so. rowClass, when given, names each row's class.
  function rows(tableId, items, render, empty, rowClass) {
    const body = $(tableId).tBodies[0];
    const cols = $(tableId).tHead.rows[0].cells.length;
    const fresh = document.createElement("tbody");
    if (items.length === 0) {
      const tr = fresh.insertRow();
      const td = cell(empty, "empty");
      td.colSpan = cols;
      tr.appendChild(td);
    }
    for (const item of items) {
      const tr = fresh.insertRow();
      if (rowClass) tr.className = rowClass(item);
      for (const td of render(item)) tr.appendChild(td);
    }
    body.replaceWith(fresh);
  }

  function message(text, bad) {
    const m = $("message");
    m.hidden = !text;
    m.textContent = text || "";
    m.className = bad ? "bad" : "";
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-TradingDesk-Control": "1" },
      body: JSON.stringify(body || {}),
      credentials: "same-origin",
    });
    let text = response.statusText;
    try { text = (await response.json()).message; } catch { /* keep the status text */ }
    message(text, !response.ok);
    return response.ok;
  }

  function strategyButton(s) {
    const td = document.createElement("td");
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = s.canStop ? "stop" : "start";
    b.disabled = !(s.canStop || s.canStart);
    b.dataset.strategy = s.name;
    b.addEventListener("click", () => post(`/api/strategies/${encodeURIComponent(s.name)}/${s.canStop ? "stop" : "start"}`));
    td.appendChild(b);
    return td;
  }

  function el(name, attrs, parent) {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (parent) parent.appendChild(e);
    return e;
  }

  // A line chart of several series over shared times; "limit" draws a dashed horizontal line (and keeps it in range).
  function chart(svgId, times, series, limit) {
    const svg = $(svgId);
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const W = 600, H = 180, L = 46, R = 4, T = 6, B = 16;
    const values = series.flatMap(s => s.values.filter(v => v !== null).map(Number));
    if (limit !== undefined) values.push(limit);
    let lo = Math.min(0, ...values), hi = Math.max(0, ...values);
    if (hi - lo < 1e-9) { hi += 1; lo -= limit === undefined ? 1 : 0; }
    // Round the range out to a "nice" step (1, 2 or 5 times a power of ten) so the grid lines read as round numbers.
    const raw = (hi - lo) / 4, mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map(m => m * mag).find(v => v >= raw);
    lo = Math.floor(lo / step) * step; hi = Math.ceil(hi / step) * step;
    if (hi - lo < step * 2) hi = lo + step * 2;
    const n = times.length;
    const x = i => L + (n <= 1 ? 0 : (i / (n - 1)) * (W - L - R));
    const y = v => T + (1 - (v - lo) / (hi - lo)) * (H - T - B);
    const digits = step >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(step)));
    for (let v = lo; v <= hi + step / 2; v += step) {
      el("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: "grid" }, svg);
      el("text", { x: L - 4, y: y(v) + 3, "text-anchor": "end", class: "axis" }, svg).textContent = v.toFixed(digits);
    }
    if (n > 0) {
      el("text", { x: L, y: H - 3, class: "axis" }, svg).textContent = time(times[0]);
      el("text", { x: W - R, y: H - 3, "text-anchor": "end", class: "axis" }, svg).textContent = time(times[n - 1]);
    }
    if (limit !== undefined) el("line", { x1: L, x2: W - R, y1: y(limit), y2: y(limit), class: "limit" }, svg);
    for (const s of series) {
      let d = "";
      s.values.forEach((v, i) => { if (v !== null) d += `${d === "" || s.values[i - 1] === null ? "M" : "L"}${x(i).toFixed(1)},${y(Number(v)).toFixed(1)}`; });
      if (s.area && d) el("path", { d: `${d}L${x(n - 1).toFixed(1)},${y(Math.max(lo, 0)).toFixed(1)}L${x(0).toFixed(1)},${y(Math.max(lo, 0)).toFixed(1)}Z`, class: "area" }, svg);
      const path = el("path", { d, class: s.desk ? "series desk" : "series", stroke: s.colour }, svg);
      path.dataset.series = s.name;
      path.dataset.points = String(s.values.filter(v => v !== null).length);
    }
  }

  function render(s) {
    const g = s.gateway;
    const state = $("gw-state");
    state.textContent = g.state + (g.detail ? ` (${g.detail})` : "");
    state.className = "pill " + (g.state === "Connected" ? "ok" : g.state === "Disconnected" ? "bad" : "warn");
    $("gw-endpoint").textContent = g.endpoint;
    $("gw-version").textContent = g.serverVersion ?? "-";
    $("gw-accounts").textContent = g.accounts.length ? g.accounts.join(", ") : "-";
    $("gw-reconnects").textContent = g.reconnects;
    $("gw-notice").textContent = g.lastNotice ? `${time(g.lastNotice.at)} ${g.lastNotice.code} ${g.lastNotice.message}` : "none";
    $("clock").textContent = time(s.at) + " UTC";

    const p = s.pacer;
    $("rate").textContent = p.messagesPerSecond.toFixed(1);
    $("rate-limit").textContent = `IB ${p.ibLimit}/s · pacer ${p.limit}/s`;
    const share = Math.min(100, 100 * p.messagesPerSecond / p.ibLimit);
    $("rate-bar").style.width = share + "%";
    $("rate-bar").className = share >= 80 ? "hot" : "";
    $("queued").textContent = p.queued;
    $("queued-split").textContent = `orders ${p.queuedOrders} · data ${p.queuedData} · hist ${p.queuedHistorical}`;
    $("oldest").textContent = `${p.oldestWaitMs.toFixed(0)} ms`;
    // Null: no report with a p99 yet, or nothing was sent in the window.
    $("wait-p99").textContent = p.waitP99Ms === null ? "-" : `${p.waitP99Ms.toFixed(p.waitP99Ms < 10 ? 1 : 0)} ms`;
    $("wait-window").textContent = `last ${p.waitWindowSeconds} s` + (p.waitP99Ms === null ? ", nothing sent" : "");
    $("sent").textContent = p.sentTotal.toLocaleString("en-US");
    if (p.marketDataLines !== null) $("lines").textContent = `${p.marketDataLines} / ${p.marketDataLineLimit ?? "?"}`;

    const pnl = $("desk-pnl");
    pnl.textContent = money(s.deskPnl);
    pnl.className = "big num " + signClass(s.deskPnl);
    $("desk-realised").textContent = money(s.deskRealised);
    $("desk-realised").className = "num " + signClass(s.deskRealised);
    $("desk-unrealised").textContent = money(s.deskUnrealised);
    $("desk-unrealised").className = "num " + signClass(s.deskUnrealised);
    const k = s.killSwitch;
    $("kill-state").textContent = k.active ? "ON" : "off";
    $("kill-state").className = "big" + (k.active ? " on" : "");
    $("kill-detail").textContent = k.active ? k.reason : "";
    $("kill-button").hidden = k.active || !$("kill-confirm").hidden;
    $("kill-release").hidden = !k.active;
    $("singleton").textContent = !s.cluster.enabled ? "this process (no cluster)"
      : s.cluster.deskAt === null ? "none up" : s.cluster.deskAt === s.cluster.self ? "this node" : hostPort(s.cluster.deskAt);

    rows("strategies", s.strategies, t => [
      cell(t.name), cell(t.node, t.node === "this node" ? "dim" : t.node === "not bound" ? "neg" : "num"), cell(t.state, "state-" + t.state), cell(t.working, "n"), cell(t.orders, "n"), cell(t.filledOrders, "n"),
      cell(t.fills, "n"), cell(t.lost, "n" + (t.lost ? " neg" : "")), cell(t.rejected, "n" + (t.rejected ? " neg" : "")), cell(t.position, "num"),
      cell(money(t.commissions), "n"), cell(money(t.realised), "n " + signClass(t.realised)), cell(money(t.unrealised), "n " + signClass(t.unrealised)),
      cell(money(t.pnl), "n " + signClass(t.pnl)), strategyButton(t)], "no strategies");
    $("working-count").textContent = s.workingOrders.length ? String(s.workingOrders.length) : "";
    rows("working", s.workingOrders, w => [cell(w.orderId.value, "n"), cell(w.strategy), cell(w.symbol), cell(w.action, "side-" + w.action),
      cell(qty(w.quantity), "n"), cell(w.type), cell(w.limitPrice === null ? "" : money(w.limitPrice), "n"), cell(w.status)], "no working orders");
    rows("fills", s.fills, f => [cell(time(f.at) + (f.atIsMarketTime ? "" : " local"), "num"), cell(f.strategy), cell(f.symbol), cell(f.side, "side-" + f.side),
      cell(qty(f.quantity), "n"), cell(money(f.price), "n")], "no fills yet");
    rows("notices", s.notices, n => [cell(time(n.at), "num"), cell(n.code, "n"), cell(n.kind, "dim"), cell(n.message, "wrap")], "no notices");
    rows("problems", s.problems, o => [cell(o.orderId.value, "n"), cell(o.strategy), cell(o.symbol), cell(o.outcome, "neg"), cell(o.reason, "wrap")], "no lost or rejected orders");
    rows("members", s.cluster.members, m => [cell(m.address, "num"), cell([m.hostsDesk ? "DESK" : "", m.isSelf ? "THIS NODE" : ""].filter(x => x).join(" · "), "mark" + (m.hostsDesk ? " desk" : "")),
      cell(m.status, m.status === "Up" ? "" : "warn"), cell(m.roles.join(", ")), cell(m.reachable ? "yes" : "NO", m.reachable ? "" : "neg")],
      s.cluster.enabled ? "no members" : "not a cluster node: one process",
      m => m.reachable ? "" : "unreachable");
    const down = s.cluster.members.filter(m => !m.reachable).length;
    $("members-count").textContent = s.cluster.enabled ? `${s.cluster.members.length} members` + (down ? ` · ${down} unreachable` : "") : "";

    const h = s.history;
    const names = Object.keys(h.strategyPnl);
    // The desk's line last, so a strategy that makes the whole PnL does not hide it.
    chart("pnl-chart", h.times, [...names.map((n, i) => ({ name: n, values: h.strategyPnl[n], colour: COLOURS[i % COLOURS.length] })),
      { name: "desk", values: h.deskPnl, colour: "#e6edf3", desk: true }]);
    const legend = $("pnl-legend");
    legend.replaceChildren(...[["desk", "#e6edf3"], ...names.map((n, i) => [n, COLOURS[i % COLOURS.length]])].map(([n, c]) => {
      const span = document.createElement("span");
      const sw = document.createElement("i");
      sw.className = "sw";
      sw.style.background = c;
      span.append(sw, n);
      return span;
    }));
    chart("rate-chart", h.times, [{ name: "messages", values: h.messagesPerSecond, colour: "#58a6ff", area: true }], h.limit);

    snapshots++;
    document.body.dataset.snapshots = String(snapshots);
  }

  function connect() {
    const events = new EventSource("/events");
    events.addEventListener("snapshot", e => {
      $("feed-state").textContent = "live";
      render(JSON.parse(e.data));
    });
    events.addEventListener("error", () => { $("feed-state").textContent = "reconnecting"; });
  }

  async function start() {
    const session = await (await fetch("/api/session", { credentials: "same-origin" })).json();
    if (session.permission === "None") {
      $("signin").hidden = false;
      return;
    }
    if (session.permission !== "Trade") for (const id of ["kill-area"]) $(id).hidden = true;
    connect();
  }

  $("signin").addEventListener("submit", async e => {
    e.preventDefault();
    const response = await fetch("/api/session", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token: $("signin-token").value }) });
    if (!response.ok) { $("signin-error").textContent = (await response.json()).message; return; }
    $("signin").hidden = true;
    $("signin-token").value = "";
    start();
  });
  // The kill switch takes two clicks: the first shows the reason and the real button.
  $("kill-button").addEventListener("click", () => { $("kill-button").hidden = true; $("kill-confirm").hidden = false; $("kill-reason").focus(); });
  $("kill-no").addEventListener("click", () => { $("kill-confirm").hidden = true; $("kill-button").hidden = false; });
  $("kill-yes").addEventListener("click", async () => {
    if (await post("/api/kill-switch", { reason: $("kill-reason").value })) { $("kill-confirm").hidden = true; }
  });
  $("kill-release").addEventListener("click", () => post("/api/kill-switch/release"));
  start();
})();
