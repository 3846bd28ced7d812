// The dashboard's router: #/view/arg?query → one view function that fills <main>.
import { get } from "./api.js";
import { clear, el } from "./dom.js";
import { mapView } from "./map.js";
import { seriesView } from "./series.js";
import { networkView } from "./network.js";
import { alertsView, alertView } from "./alerts.js";
import { eventsView } from "./events.js";
import { articleView } from "./article.js";

const VIEWS = { map: mapView, series: seriesView, network: networkView, alerts: alertsView,
  alert: alertView, events: eventsView, article: articleView };

function parseHash() {
  const hash = window.location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const [name, ...rest] = path.split("/");
  return { name: name || "map", arg: rest.length ? decodeURIComponent(rest.join("/")) : null,
    params: new URLSearchParams(query || "") };
}

let current = 0;

async function route() {
  const { name, arg, params } = parseHash();
  const view = VIEWS[name] || mapView;
  const main = clear(document.getElementById("view"));
  const nav = name === "alert" ? "alerts" : name === "article" ? "" : name;
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active", a.dataset.view === nav));
  const ticket = ++current;
  const root = el("div", { class: "view-" + name });
  main.append(root);
  try {
    await view(root, { arg, params, stale: () => ticket !== current });
  } catch (error) {
    if (ticket === current) root.append(el("p", { class: "error" }, String(error.message || error)));
  }
  if (ticket === current) document.body.dataset.ready = name;
}

async function stats() {
  try {
    const s = await get("/stats");
    document.getElementById("stats").textContent =
      `${s.documents.toLocaleString()} documents · ${s.events.toLocaleString()} events · ${s.backend}`;
  } catch (error) {
    document.getElementById("stats").textContent = String(error.message);
  }
}

window.addEventListener("hashchange", () => { delete document.body.dataset.ready; route(); });
stats();
route();
