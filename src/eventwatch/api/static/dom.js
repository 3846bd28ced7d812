// DOM helpers: every string becomes a text node; no markup is ever parsed from data.
const SAFE_ATTRS = new Set(["class", "id", "title", "type", "name", "value", "placeholder",
  "for", "min", "max", "step", "colspan", "role", "tabindex", "aria-label", "hidden", "rel"]);

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "href") node.setAttribute("href", safeHref(value));
    else if (key.startsWith("data-")) node.setAttribute(key, String(value));
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (SAFE_ATTRS.has(key)) node.setAttribute(key, String(value));
    else throw new Error(`el(): attribute ${key} is not allowed`);
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Links inside the dashboard (#/…) and plain http(s) URLs; anything else (javascript:, data:) is dropped.
export function safeHref(value) {
  const text = String(value);
  if (text.startsWith("#/")) return text;
  try {
    const url = new URL(text, window.location.href);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch (error) { /* not a URL */ }
  return "#/";
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function table(columns, rows) {
  const head = el("tr", {}, columns.map((c) => el("th", {}, c.label)));
  const body = rows.map((row) => el("tr", {}, columns.map((c) => el("td", {}, c.cell(row)))));
  return el("table", {}, el("thead", {}, head), el("tbody", {}, body));
}

export function articleLink(docId, eventId, label) {
  const hash = `#/article/${encodeURIComponent(docId)}` + (eventId ? `?event=${encodeURIComponent(eventId)}` : "");
  return el("a", { href: hash }, label);
}

// A sentence with its trigger marked, built from text nodes.
export function evidenceSentence(evidence) {
  const text = evidence.text || "";
  const trigger = evidence.trigger || {};
  const at = trigger.start - evidence.start;
  if (!(at >= 0) || !trigger.text || text.slice(at, at + trigger.text.length) !== trigger.text) {
    return el("span", {}, text);
  }
  return el("span", {}, text.slice(0, at), el("mark", { class: "trigger" }, trigger.text),
    text.slice(at + trigger.text.length));
}

export function actorsText(actors) {
  return (actors || []).map((a) => [a.country, a.sector].filter(Boolean).join(" ") + ` (${a.text})`).join("; ");
}

const tip = () => document.getElementById("tip");

export function showTip(event, record) {
  const box = tip();
  box.querySelector("pre").textContent = typeof record === "string" ? record : JSON.stringify(record, null, 2);
  box.hidden = false;
  const x = Math.min(event.clientX + 14, window.innerWidth - 540);
  box.style.left = `${Math.max(4, x)}px`;
  box.style.top = `${Math.min(event.clientY + 14, window.innerHeight - 120)}px`;
}

export function hideTip() { tip().hidden = true; }
