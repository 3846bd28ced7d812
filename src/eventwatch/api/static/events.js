// Event table with the filters of `eventwatch query`, a page at a time.
import { get } from "./api.js";
import { actorsText, articleLink, el, table } from "./dom.js";

const FIELDS = [["country", "Country (ISO3)", "SRB"], ["type", "Type", "MOBILIZE"], ["place", "Place country", "XKX"],
  ["since", "From", "2023-09-01"], ["until", "To", "2023-09-30"], ["text", "Words", "border"], ["actor", "Actor", "Serbia"]];

export async function eventsView(root, { params }) {
  const inputs = {};
  const form = el("form", { class: "filters", id: "event-filters" }, FIELDS.map(([name, label, hint]) => {
    inputs[name] = el("input", { name, placeholder: hint, value: params.get(name) || "" });
    return el("label", {}, label, inputs[name]);
  }), el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name] of FIELDS) if (inputs[name].value.trim()) query.set(name, inputs[name].value.trim());
    window.location.hash = `#/events?${query}`;
  });
  const holder = el("div", { id: "event-table" });
  const more = el("button", { type: "button", hidden: true }, "More");
  const count = el("p", { class: "muted", id: "event-count" });
  root.append(el("h1", {}, "Events"), form, count, holder, more);
  const filters = {};
  for (const [name] of FIELDS) if (params.get(name)) filters[name] = name === "type" ? params.get(name).toUpperCase() : params.get(name);
  let rows = [];
  let cursor = null;
  async function load() {
    const page = await get("/events", { ...filters, limit: 50, cursor });
    rows = rows.concat(page.items);
    cursor = page.next_cursor;
    holder.replaceChildren(table([
      { label: "date", cell: (e) => (e.date || {}).start_date || e.pub_date || "" },
      { label: "type", cell: (e) => e.type },
      { label: "source", cell: (e) => actorsText(e.source) },
      { label: "target", cell: (e) => actorsText(e.target) },
      { label: "where", cell: (e) => [((e.location || {}).name), ((e.location || {}).country)].filter(Boolean).join(", ") },
      { label: "trigger", cell: (e) => ((e.evidence || {}).trigger || {}).text || "" },
      { label: "document", cell: (e) => articleLink(e.doc_id, e.id, e.title || e.doc_id) },
    ], rows));
    count.textContent = `${rows.length} events shown` + (cursor ? " (more)" : "");
    more.hidden = !cursor;
  }
  more.addEventListener("click", load);
  await load();
}
