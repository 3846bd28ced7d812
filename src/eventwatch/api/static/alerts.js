// Alerts: the list, and one alert down to its incidents, their reports and the evidence sentences.
import { get } from "./api.js";
import { actorsText, articleLink, el, evidenceSentence, table } from "./dom.js";

export async function alertsView(root) {
  const alerts = (await get("/alerts", { limit: 500 })).items;
  alerts.sort((a, b) => String(b.detected_on).localeCompare(String(a.detected_on)));
  root.append(el("h1", {}, "Escalation alerts"));
  if (!alerts.length) { root.append(el("p", { class: "muted" }, "No alert is stored: run eventwatch alerts.")); return; }
  root.append(table([
    { label: "detected", cell: (a) => el("a", { href: `#/alert/${encodeURIComponent(a.id)}`, class: "alert-link" }, a.detected_on || "?") },
    { label: "dyad", cell: (a) => el("a", { href: `#/series?dyad=${encodeURIComponent(a.dyad)}` }, a.dyad) },
    { label: "severity", cell: (a) => el("span", { class: `sev-${a.severity}` }, a.severity || "") },
    { label: "status", cell: (a) => a.status || "" },
    { label: "what changed", cell: (a) => a.summary || "" },
    { label: "evidence", cell: (a) => `${(a.incidents || []).length} units, ${(a.events || []).length} events` },
  ], alerts));
}

function eventCard(event) {
  const evidence = event.evidence || {};
  const date = (event.date || {}).start_date || event.pub_date || "";
  return el("div", { class: "card evidence-card" },
    el("div", {}, el("strong", {}, event.type), " ", el("span", { class: "muted" },
      `${date} · ${actorsText(event.source)} → ${actorsText(event.target)}`)),
    el("blockquote", { class: "evidence" }, evidenceSentence(evidence)),
    el("div", { class: "muted" }, "in ", articleLink(event.doc_id, event.id, event.title || event.doc_id)));
}

export async function alertView(root, { arg }) {
  const alert = await get(`/alerts/${encodeURIComponent(arg)}`);
  root.append(
    el("p", {}, el("a", { href: "#/alerts" }, "← all alerts")),
    el("h1", {}, `${alert.dyad}: `, el("span", { class: `sev-${alert.severity}` }, alert.severity || ""), " escalation"),
    el("div", { class: "card" },
      el("p", {}, alert.summary || ""),
      el("p", { class: "muted" }, `changed on ${alert.change_date}, detected on ${alert.detected_on}, ` +
        `updated ${alert.updated_on || "?"}, ${alert.status || ""}; detector ${alert.detector || "?"}, score ${alert.score ?? "?"}`),
      el("a", { href: `#/series?dyad=${encodeURIComponent(alert.dyad)}` }, "timeline of this dyad")));
  if (alert.incident_records.length) {
    root.append(el("h2", {}, `Incidents (${alert.incident_records.length})`));
    for (const incident of alert.incident_records) {
      const place = incident.location || {};
      root.append(el("div", { class: "card incident" },
        el("strong", {}, `${incident.type || "?"} ${incident.dyad || ""}`), " ",
        el("span", { class: "muted" }, `${(incident.date || {}).best || ""} · ${place.name || ""} ${place.country || ""} · ` +
          `${incident.n_reports ?? incident.reports.length} reports`),
        incident.reports.map(eventCard)));
    }
  }
  root.append(el("h2", {}, `Evidence (${alert.evidence.length} events)`), ...alert.evidence.map(eventCard));
}
