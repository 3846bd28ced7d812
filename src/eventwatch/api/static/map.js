// Map: country outlines (world-atlas, Natural Earth) and the places of the events, by time.
import { get } from "./api.js";
import { el, table } from "./dom.js";

let outlines = null;

async function countries() {
  if (outlines === null) {
    const response = await fetch("/vendor/countries-110m.json");
    if (!response.ok) throw new Error("the country outlines are missing: run npm ci in web/");
    const world = await response.json();
    outlines = topojson.feature(world, world.objects.countries);
  }
  return outlines;
}

export async function mapView(root, { params }) {
  const since = el("input", { type: "date", name: "since", value: params.get("since") || "" });
  const until = el("input", { type: "date", name: "until", value: params.get("until") || "" });
  const type = el("input", { name: "type", placeholder: "ASSAULT", value: params.get("type") || "" });
  const form = el("form", { class: "filters" },
    el("label", {}, "From", since), el("label", {}, "To", until), el("label", {}, "Type", type),
    el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    if (since.value) query.set("since", since.value);
    if (until.value) query.set("until", until.value);
    if (type.value) query.set("type", type.value.toUpperCase());
    window.location.hash = `#/map?${query}`;
  });
  const chart = el("div", { class: "chart map" });
  const caption = el("p", { class: "muted" });
  const list = el("div");
  root.append(el("h1", {}, "Where events happened"), form, caption, chart, list);
  const [world, places, incidents] = await Promise.all([countries(), get("/places", {
    since: params.get("since"), until: params.get("until"), type: params.get("type"), limit: 2000 }),
  get("/incidents", { since: params.get("since"), type: params.get("type"), limit: 1000 })]);
  const lastDay = params.get("until");
  const located = incidents.items.filter((i) => i.location && Number.isFinite(i.location.lat) &&
    Number.isFinite(i.location.lon) && !(lastDay && ((i.date || {}).best || "") > lastDay));
  const points = places.features.map((f) => ({ ...f.properties, lon: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1] }));
  caption.textContent = `${points.length} places, ${points.reduce((n, p) => n + p.events, 0)} events` +
    (located.length ? `; ${located.length} incidents (diamonds)` : "");
  chart.append(Plot.plot({
    projection: "equal-earth", width: 1100, height: 560,
    r: { range: [2, 18] },
    marks: [
      Plot.sphere({ fill: "#eef4fb", stroke: "#98a2b3" }),
      Plot.geo(world, { fill: "#fcfcfd", stroke: "#98a2b3", strokeWidth: 0.5 }),
      Plot.dot(points, { x: "lon", y: "lat", r: "events", fill: "#b42318", fillOpacity: 0.6,
        stroke: "#7a271a", title: (p) => `${p.name || "?"} (${p.country || "?"})\n${p.events} events, ${p.first_day} – ${p.last_day}` }),
      Plot.dot(located, { x: (i) => i.location.lon, y: (i) => i.location.lat, symbol: "diamond", r: 7,
        fill: "#fec84b", stroke: "#101828",
        title: (i) => `${i.type || "incident"} ${i.dyad || ""}\n${(i.date || {}).best || ""} · ${i.n_reports ?? "?"} reports` }),
    ],
  }));
  list.append(el("h2", {}, "Most events"), table([
    { label: "place", cell: (p) => el("a", { href: `#/events?place=${encodeURIComponent(p.country || "")}` }, p.name || "?") },
    { label: "country", cell: (p) => p.country || "" },
    { label: "events", cell: (p) => String(p.events) },
    { label: "first", cell: (p) => p.first_day || "" },
    { label: "last", cell: (p) => p.last_day || "" },
  ], points.slice(0, 15)));
}
