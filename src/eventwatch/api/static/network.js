// Actor network for a period: who acted on whom, edge width by reports, colour by conflict.
import { get } from "./api.js";
import { el } from "./dom.js";

export async function networkView(root, { params }) {
  const since = el("input", { type: "date", name: "since", value: params.get("since") || "" });
  const until = el("input", { type: "date", name: "until", value: params.get("until") || "" });
  const by = el("select", { name: "by" }, ["country", "actor"].map((b) => {
    const option = el("option", { value: b }, b);
    option.selected = b === (params.get("by") || "country");
    return option;
  }));
  const form = el("form", { class: "filters" }, el("label", {}, "From", since),
    el("label", {}, "To", until), el("label", {}, "Nodes", by), el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams({ by: by.value });
    if (since.value) query.set("since", since.value);
    if (until.value) query.set("until", until.value);
    window.location.hash = `#/network?${query}`;
  });
  root.append(el("h1", {}, "Actor network"), form);
  const graph = await get("/network", { since: since.value, until: until.value, by: by.value, limit: 150 });
  if (!graph.edges.length) { root.append(el("p", { class: "muted" }, "No reports in this period.")); return; }
  const width = 1100, height = 640;
  const nodes = graph.nodes.map((n) => ({ ...n }));
  const links = graph.edges.map((e) => ({ ...e }));
  const simulation = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id).distance(90))
    .force("charge", d3.forceManyBody().strength(-260))
    .force("center", d3.forceCenter(width / 2, height / 2))
    .force("collide", d3.forceCollide(18))
    .stop();
  for (let i = 0; i < 300; i += 1) simulation.tick();
  for (const n of nodes) {
    n.x = Math.max(20, Math.min(width - 20, n.x));
    n.y = Math.max(20, Math.min(height - 20, n.y));
  }
  const colour = d3.scaleDiverging([-10, 0, 10], d3.interpolateRdBu);
  const size = d3.scaleSqrt([0, d3.max(nodes, (n) => n.units)], [4, 22]);
  const svg = d3.create("svg").attr("width", width).attr("height", height).attr("viewBox", [0, 0, width, height]);
  svg.append("g").attr("aria-label", "edges").selectAll("line").data(links).join("line")
    .attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y)
    .attr("x2", (d) => d.target.x).attr("y2", (d) => d.target.y)
    .attr("stroke", (d) => colour(d.score)).attr("stroke-opacity", 0.8)
    .attr("stroke-width", (d) => 1 + Math.sqrt(d.units))
    .append("title").text((d) => `${d.source.id} → ${d.target.id}: ${d.units} reports, mean score ${d.score}`);
  const node = svg.append("g").attr("aria-label", "nodes").selectAll("g").data(nodes).join("g")
    .attr("transform", (d) => `translate(${d.x},${d.y})`);
  node.append("circle").attr("r", (d) => size(d.units)).attr("fill", "#475467").attr("fill-opacity", 0.85);
  node.append("title").text((d) => `${d.id}: ${d.units} reports`);
  node.append("text").attr("x", (d) => size(d.units) + 3).attr("dy", "0.35em").text((d) => d.id);
  root.append(el("p", { class: "muted" }, "Edges run from source to target; blue is cooperation, red conflict (mean PLOVER score)."),
    el("div", { class: "chart network" }, svg.node()));
}
