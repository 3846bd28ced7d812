// Dyad timelines: report units per period (or per 1,000 reports), with the dyad's alerts marked.
import { get } from "./api.js";
import { el, table } from "./dom.js";

const DAY = 86400000;
const iso = (time) => new Date(time).toISOString().slice(0, 10);

// The dyad's active days with a month either side, at most ten years (the API's limit).
function span(first, last) {
  const end = Date.parse(last) + 30 * DAY;
  const start = Math.max(Date.parse(first) - 30 * DAY, end - 3650 * DAY);
  return Number.isFinite(start) && Number.isFinite(end) ? { since: iso(start), until: iso(end) } : {};
}

export async function seriesView(root, { params }) {
  const dyads = (await get("/dyads", { limit: 200 })).items;
  const chosen = params.get("dyad") || (dyads.find((d) => d.alerts) || dyads[0] || {}).dyad;
  const by = params.get("by") || "day";
  const normalised = params.get("per") === "1k";
  const select = el("select", { name: "dyad" }, dyads.map((d) => {
    const option = el("option", { value: d.dyad }, `${d.dyad} (${d.units}${d.alerts ? `, ${d.alerts} alerts` : ""})`);
    option.selected = d.dyad === chosen;
    return option;
  }));
  const period = el("select", { name: "by" }, ["day", "week"].map((p) => {
    const option = el("option", { value: p }, p);
    option.selected = p === by;
    return option;
  }));
  const per = el("input", { type: "checkbox", name: "per" });
  per.checked = normalised;
  const form = el("form", { class: "filters" }, el("label", {}, "Dyad", select),
    el("label", {}, "By", period), el("label", {}, "Per 1,000 reports", per),
    el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams({ dyad: select.value, by: period.value });
    if (per.checked) query.set("per", "1k");
    window.location.hash = `#/series?${query}`;
  });
  root.append(el("h1", {}, "Dyad timeline"), form);
  if (!chosen) { root.append(el("p", { class: "muted" }, "No dyad has reports yet.")); return; }
  const row = dyads.find((d) => d.dyad === chosen);
  const active = row ? span(row.first_day, row.last_day) : {};
  const series = await get("/series", { dyad: chosen, by, ...active });
  const column = normalised ? "units_per_1k" : "units";
  const rows = series.periods.map((p) => ({ date: new Date(p.period), value: p[column] || 0,
    conflict: p[normalised ? "material_conflict_per_1k" : "material_conflict"] || 0 }));
  const alerts = series.alerts.map((a) => ({ ...a, date: new Date(a.change_date), seen: new Date(a.detected_on) }));
  const chart = el("div", { class: "chart series" });
  chart.append(Plot.plot({
    width: 1100, height: 320, x: { type: "utc", label: null },
    y: { label: normalised ? "units per 1,000 reports" : "report units", grid: true },
    marks: [
      Plot.rectY(rows, { x: "date", y: "value", interval: by === "week" ? "week" : "day", fill: "#98a2b3" }),
      Plot.lineY(rows, { x: "date", y: "conflict", stroke: "#b42318", curve: "step" }),
      Plot.ruleX(alerts, { x: "date", stroke: "#b42318", strokeDasharray: "4,3", strokeWidth: 1.5 }),
      Plot.dot(alerts, { x: "seen", y: 0, fill: "#b42318", r: 5, symbol: "triangle",
        title: (a) => `${a.severity}: ${a.summary}` }),
      Plot.ruleY([0]),
    ],
  }));
  root.append(el("p", { class: "muted" }, `${series.name}: bars are report units, the red line material conflict; dashed rules mark each alert's change day, triangles the day it was raised.`), chart);
  if (alerts.length) {
    root.append(el("h2", {}, "Alerts on this dyad"), table([
      { label: "detected", cell: (a) => el("a", { href: `#/alert/${encodeURIComponent(a.id)}` }, a.detected_on) },
      { label: "severity", cell: (a) => el("span", { class: `sev-${a.severity}` }, a.severity) },
      { label: "what changed", cell: (a) => a.summary },
    ], alerts));
  }
}
