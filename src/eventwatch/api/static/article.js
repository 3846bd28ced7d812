// Article view: the text with every coded fact highlighted; hovering a highlight shows its record.
// The text is cut into segments at every fact boundary and each segment is a text node in a span,
// so no character of the article is ever read as markup.
import { get } from "./api.js";
import { actorsText, append, articleLink, el, evidenceSentence, hideTip, safeHref, showTip } from "./dom.js";

const KINDS = [["actor", "actor"], ["event", "event trigger"], ["place", "place"], ["time", "date"], ["quote", "quote"]];

function facts(doc) {
  const out = [];
  const add = (kind, start, end, record) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) out.push({ kind, start, end, record });
  };
  for (const a of doc.actors || []) add("actor", a.start, a.end, a);
  for (const e of doc.events || []) {
    const trigger = (e.evidence || {}).trigger || {};
    add("event", trigger.start, trigger.end, e);
  }
  for (const p of doc.places || []) add("place", p.start, p.end, { ...p, candidates: (p.candidates || []).length });
  for (const t of doc.times || []) add("time", t.start, t.end, t);
  for (const q of doc.quotes || []) add("quote", (q.content || {}).start, (q.content || {}).end, q);
  return out;
}

function highlighted(text, found, evidence) {
  const cuts = new Set([0, text.length]);
  for (const f of found) { cuts.add(Math.max(0, f.start)); cuts.add(Math.min(text.length, f.end)); }
  if (evidence) { cuts.add(evidence.start); cuts.add(evidence.end); }
  const points = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  const body = el("div", { class: "article-text", id: "article-text" });
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = found.filter((f) => f.start <= a && f.end >= b);
    const inEvidence = evidence && evidence.start <= a && evidence.end >= b;
    if (!covering.length && !inEvidence) { body.append(document.createTextNode(piece)); continue; }
    const kinds = [...new Set(covering.map((f) => `f-${f.kind}`))];
    const span = el("span", { class: [covering.length ? "f" : "", ...kinds, inEvidence ? "in-evidence" : ""].filter(Boolean).join(" "),
      tabindex: covering.length ? 0 : null }, piece);
    if (covering.length) {
      const records = covering.map((f) => ({ [f.kind]: f.record }));
      span.addEventListener("mouseenter", (event) => showTip(event, records.length === 1 ? records[0] : records));
      span.addEventListener("mousemove", (event) => showTip(event, records.length === 1 ? records[0] : records));
      span.addEventListener("mouseleave", hideTip);
      span.addEventListener("focus", () => {
        const box = span.getBoundingClientRect();
        showTip({ clientX: box.left, clientY: box.bottom }, records.length === 1 ? records[0] : records);
      });
      span.addEventListener("blur", hideTip);
    }
    body.append(span);
  }
  return body;
}

export async function articleView(root, { arg, params }) {
  const doc = await get(`/documents/${encodeURIComponent(arg)}`);
  const selected = (doc.events || []).find((e) => e.id === params.get("event"));
  const evidence = selected ? selected.evidence : null;
  const url = doc.url && safeHref(doc.url) !== "#/" ? el("a", { href: doc.url, rel: "noopener noreferrer" }, doc.url) : doc.url;
  append(root, [
    el("h1", { id: "article-title" }, doc.title || doc.id),
    el("p", { class: "muted" }, [doc.pub_date, doc.source, doc.language].filter(Boolean).join(" · "), url ? " · " : "", url || ""),
    el("p", { class: "legend" }, KINDS.map(([kind, label]) => el("span", { class: `f-${kind}` }, label)),
      `${(doc.events || []).length} events · hover a highlight for its record`),
    selected ? el("p", {}, "Evidence of ", el("strong", {}, selected.type), ` (${selected.id}), underlined below.`) : null,
    highlighted(doc.text || "", facts(doc), evidence)]);
  if ((doc.incidents || []).length) {
    root.append(el("h2", {}, "Incidents"), el("ul", {}, doc.incidents.map((i) =>
      el("li", {}, `${i.type || "?"} ${i.dyad || ""} ${(i.date || {}).best || ""} · ${i.n_reports ?? "?"} reports`))));
  }
  root.append(el("h2", {}, "Events"), el("ol", { class: "event-list" }, (doc.events || []).map((e) =>
    el("li", {}, el("strong", {}, e.type), " ", el("span", { class: "muted" }, `${actorsText(e.source)} → ${actorsText(e.target)} `),
      articleLink(doc.id, e.id, "show"), el("div", { class: "evidence" }, evidenceSentence(e.evidence || {}))))));
  const first = root.querySelector(".in-evidence");
  if (first) first.scrollIntoView({ block: "center" });
}
