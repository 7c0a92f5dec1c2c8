// DOM helpers. Text from documents and events is only ever set as text (textContent or
// attribute values), never parsed as HTML, so it is always escaped.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "style" && typeof value === "object") Object.assign(el.style, value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// Only http(s) links become hrefs: a stored URL could be "javascript:…".
export function safeHref(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export function fmt(value) {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join("; ") : "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

// Quotation marks that may open or close a quote (English, French and German styles); a closing
// ’ or ' is left out: it is more often an apostrophe ("the soldiers’").
const OPENING_MARKS = "\"'“‘«»„‚‹›";
const CLOSING_MARKS = "\"”»«›‹“";

// A quotation from a document between “ ”, unless it already begins or ends with a quotation
// mark of its own: “"We will respond," he said” would show doubled marks.
export function quoted(text) {
  const t = String(text ?? "").trim();
  if (!t) return "";
  if (OPENING_MARKS.includes(t[0]) || CLOSING_MARKS.includes(t[t.length - 1])) return t;
  return `“${t}”`;
}

export function showNotice(message, kind = "error") {
  const box = document.getElementById("notice");
  box.textContent = message;
  box.className = `notice ${kind}`;
  box.hidden = !message;
}
