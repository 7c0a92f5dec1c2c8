// The event page: fields with their provenance, each report with its evidence highlighted in
// the document text, the correction form, and the revision history.
import { h, clear, fmt, quoted, safeHref, showNotice } from "./dom.js";
import { apiFetch, getJSON } from "./api.js";
import { typeColor } from "./colors.js";

const FIELDS = [
  "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
  "actor2", "assoc_actor_2", "country", "iso", "admin1", "admin2", "location", "latitude",
  "longitude", "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "injuries",
  "claimed_by", "disputed", "confidence", "source", "notes",
];

// Correctable fields and how their inputs read: [field, kind, nullable].
const EDITABLE = [
  ["event_date", "date", true], ["time_precision", "int", true],
  ["event_type", "type", false], ["sub_event_type", "subtype", false],
  ["actor1", "text", true], ["assoc_actor_1", "text", true],
  ["actor2", "text", true], ["assoc_actor_2", "text", true],
  ["country", "text", true], ["iso", "text", true], ["admin1", "text", true],
  ["admin2", "text", true], ["location", "text", true],
  ["latitude", "float", true], ["longitude", "float", true], ["geo_precision", "int", true],
  ["fatalities", "int", false], ["injuries", "int", true],
  ["claimed_by", "list", false], ["disputed", "bool", false], ["notes", "textarea", false],
];

// Returns whether the event was loaded (false: not found, or the server refused the read).
export async function renderEventPage(container, eventId, meta, onChanged) {
  clear(container).append(h("p", { class: "hint" }, "Loading…"));
  let event;
  try {
    event = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
  } catch (error) {
    clear(container).append(h("h2", {}, "Event not found"), h("p", {}, error.message),
      h("a", { href: "#/" }, "← Back to the map"));
    return false;
  }
  const docIds = [...new Set(event.reports.map((r) => r.document_id))];
  for (const p of Object.values(event.provenance)) {
    if (p.document_id && !docIds.includes(p.document_id)) docIds.push(p.document_id);
  }
  const documents = {};
  await Promise.all(docIds.map(async (id) => {
    try {
      documents[id] = await getJSON(`/api/documents/${encodeURIComponent(id)}`);
    } catch (error) {
      documents[id] = null;
    }
  }));

  const title = h("h2", { class: "event-title" },
    h("span", { class: "swatch", style: { background: typeColor(event.event_type) } }),
    `${fmt(event.location)} — ${fmt(event.event_date)}`);
  const badges = h("p", { class: "badges" },
    h("span", { class: "badge" }, `${event.event_type} / ${event.sub_event_type}`),
    event.deleted ? h("span", { class: "badge deleted" }, "deleted") : null,
    event.disputed ? h("span", { class: "badge disputed" }, "disputed") : null,
    h("span", { class: "badge" }, `confidence ${event.confidence}`),
    h("code", { class: "event-id" }, event.event_id));

  clear(container).append(
    h("p", {}, h("a", { href: "#/" }, "← Map"), " · ", h("a", { href: "#/table" }, "Table")),
    title, badges,
    h("div", { class: "event-grid" },
      h("section", { class: "fields-box" }, h("h3", {}, "Fields and provenance"), fieldsTable(event)),
      h("section", { class: "reports-box" }, h("h3", {}, `Reports (${event.reports.length})`),
        reportsList(event, documents))),
    h("section", { class: "documents-box" }, h("h3", {}, "Source text"),
      docIds.map((id) => documentView(id, documents[id], event))),
    h("section", { class: "edit-box" }, h("h3", {}, "Correct this event"),
      event.deleted ? h("p", {}, "A deleted event cannot be corrected.")
        : editForm(event, meta, onChanged)),
    h("section", { class: "history-box" }, h("h3", {}, "Revision history"),
      historyTable(event.history)),
  );
  return true;
}

function fieldsTable(event) {
  const rows = FIELDS.map((field) => {
    const prov = event.provenance[field];
    let provCell = h("td", { class: "prov-cell" }, "");
    if (prov && prov.reason) {
      provCell = h("td", { class: "prov-cell" }, h("em", {}, prov.reason));
    } else if (prov && prov.text) {
      provCell = h("td", { class: "prov-cell" },
        h("button", {
          type: "button", class: "link", title: "Show in the source text",
          onclick: () => flash(`[data-fields~="${field}"]`),
        }, quoted(prov.text)),
        prov.method ? h("small", {}, ` ${prov.method}`) : null);
    } else if (prov && prov.method) { // a method that quotes nothing (a default)
      provCell = h("td", { class: "prov-cell" }, h("small", {}, prov.method));
    }
    return h("tr", { dataset: { field } }, h("th", { scope: "row" }, field),
      h("td", { class: "value" }, fmt(event[field])), provCell);
  });
  return h("table", { class: "fields" },
    h("thead", {}, h("tr", {}, h("th", {}, "field"), h("th", {}, "value"), h("th", {}, "from"))),
    h("tbody", {}, rows));
}

function reportsList(event, documents) {
  return h("ol", { class: "reports" }, event.reports.map((report, i) => {
    const doc = documents[report.document_id];
    const href = safeHref(report.url || (doc && doc.url));
    return h("li", { class: `report claim-${report.claim_status}`, dataset: { report: String(i) } },
      h("div", {},
        h("span", { class: `badge claim claim-${report.claim_status}` }, report.claim_status),
        " ", report.attributed_to ? h("span", {}, "according to ", h("strong", {}, report.attributed_to))
          : h("span", { class: "hint" }, "no quoted source"),
        report.outlet ? ` · ${report.outlet}` : "",
        report.fatalities !== null ? ` · fatalities ${report.fatalities}` : ""),
      h("div", { class: "hint" }, "Document ", h("code", {}, report.document_id),
        doc && doc.title ? ` — ${doc.title}` : "",
        href ? [" · ", h("a", { href, rel: "noopener noreferrer", target: "_blank" }, "original")] : ""),
      h("ul", { class: "evidence" }, report.evidence.map((ev) => h("li", {},
        h("button", {
          type: "button", class: "link quote",
          onclick: () => flash(`mark[data-reports~="${i}"][data-start="${ev.start}"]`),
        }, quoted(ev.text))))));
  }));
}

function flash(selector) {
  const el = document.querySelector(selector);
  if (!el) return;
  el.scrollIntoView({ behavior: "smooth", block: "center" });
  el.classList.add("flash");
  setTimeout(() => el.classList.remove("flash"), 1600);
}

// Spans on one document: evidence (marks, by report) and provenance (underlined, by field).
function spansFor(documentId, text, event) {
  const spans = [];
  const locate = (quote, start, end) => {
    if (text.slice(start, end) === quote) return [start, end];
    const at = text.indexOf(quote);
    return at >= 0 ? [at, at + quote.length] : null;
  };
  event.reports.forEach((report, i) => {
    if (report.document_id !== documentId) return;
    for (const ev of report.evidence) {
      const where = locate(ev.text, ev.start, ev.end);
      if (where) spans.push({ start: where[0], end: where[1], report: i, claim: report.claim_status, origStart: ev.start });
    }
  });
  for (const [field, prov] of Object.entries(event.provenance)) {
    if (prov.document_id !== documentId || prov.start === undefined || prov.start === null) continue;
    const where = locate(prov.text, prov.start, prov.end);
    if (where) spans.push({ start: where[0], end: where[1], field, method: prov.method });
  }
  return spans;
}

export function highlight(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const sp of spans) {
    cuts.add(Math.max(0, Math.min(sp.start, text.length)));
    cuts.add(Math.max(0, Math.min(sp.end, text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let k = 0; k < points.length - 1; k++) {
    const a = points[k];
    const b = points[k + 1];
    const piece = text.slice(a, b); // set as a text node below: never parsed as HTML
    const covering = spans.filter((sp) => sp.start <= a && sp.end >= b);
    if (!covering.length) {
      out.push(document.createTextNode(piece));
      continue;
    }
    const evidence = covering.filter((sp) => sp.report !== undefined);
    const fields = covering.filter((sp) => sp.field).map((sp) => sp.field);
    const el = document.createElement(evidence.length ? "mark" : "span");
    el.textContent = piece;
    const classes = [];
    if (evidence.length) {
      classes.push("evidence", ...new Set(evidence.map((sp) => `claim-${sp.claim}`)));
      el.dataset.reports = [...new Set(evidence.map((sp) => sp.report))].join(" ");
      const starts = evidence.filter((sp) => sp.start === a).map((sp) => sp.origStart);
      if (starts.length) el.dataset.start = String(starts[0]);
    }
    if (fields.length) {
      classes.push("prov");
      el.dataset.fields = fields.join(" ");
      el.title = fields.map((f) => `${f}`).join(", ");
    }
    el.className = classes.join(" ");
    out.push(el);
  }
  return out;
}

function documentView(id, doc, event) {
  if (!doc) return h("p", { class: "hint" }, `Document ${id} is not in the store.`);
  const href = safeHref(doc.url);
  return h("article", { class: "document", dataset: { documentId: id } },
    h("header", {}, h("strong", {}, doc.title || "(untitled)"),
      h("span", { class: "hint" }, ` ${fmt(doc.outlet)} · published ${fmt(doc.published)} · ${doc.lang}`),
      href ? [" · ", h("a", { href, rel: "noopener noreferrer", target: "_blank" }, "original")] : ""),
    h("p", { class: "hint" }, "Highlighted: evidence sentences (colour by claim status); underlined: where a field was read."),
    h("div", { class: "doctext" }, highlight(doc.text, spansFor(id, doc.text, event))));
}

function inputFor(field, kind, value, meta, form) {
  const common = { name: field, id: `edit-${field}` };
  if (kind === "type" || kind === "subtype") {
    const select = h("select", common);
    const fill = () => {
      const type = kind === "type" ? null : form.elements.event_type.value;
      const options = kind === "type" ? Object.keys(meta.event_types) : meta.event_types[type] || [];
      clear(select).append(...options.map((o) => h("option", { value: o }, o)));
    };
    if (kind === "type") {
      fill();
      select.value = value;
      select.addEventListener("change", () => {
        const sub = form.elements.sub_event_type;
        const keep = sub.value;
        sub.dispatchEvent(new CustomEvent("refill"));
        if ([...sub.options].some((o) => o.value === keep)) sub.value = keep;
      });
    } else {
      select.addEventListener("refill", fill);
      queueMicrotask(() => { fill(); select.value = value; });
    }
    return select;
  }
  if (kind === "bool") return h("input", { ...common, type: "checkbox", checked: value ? true : null });
  if (kind === "textarea") return h("textarea", { ...common, rows: 3 }, value || "");
  const type = { date: "date", int: "number", float: "number" }[kind] || "text";
  const shown = kind === "list" ? (value || []).join("; ") : value === null || value === undefined ? "" : value;
  return h("input", { ...common, type, value: shown, step: kind === "float" ? "any" : kind === "int" ? "1" : null });
}

function readInput(form, field, kind, nullable) {
  const el = form.elements[field];
  if (kind === "bool") return el.checked;
  const raw = el.value.trim();
  if (kind === "list") return raw ? raw.split(";").map((x) => x.trim()).filter(Boolean) : [];
  if (raw === "") return nullable ? null : undefined;
  if (kind === "int") return Number.parseInt(raw, 10);
  if (kind === "float") return Number.parseFloat(raw);
  return raw;
}

function editForm(event, meta, onChanged) {
  const form = h("form", { class: "edit", id: "edit-form", autocomplete: "off" });
  const grid = h("div", { class: "edit-grid" });
  for (const [field, kind] of EDITABLE) {
    grid.append(h("label", { for: `edit-${field}`, class: kind === "textarea" ? "wide" : null },
      field, inputFor(field, kind, event[field], meta, form)));
  }
  const status = h("p", { class: "edit-status", role: "status" });
  form.append(grid,
    h("div", { class: "edit-who" },
      h("label", {}, "Your name", h("input", { name: "who", required: true, maxlength: 200 })),
      h("label", { class: "wide" }, "Reason for the correction",
        h("input", { name: "reason", required: true, maxlength: 2000 }))),
    h("div", { class: "buttons" }, h("button", { type: "submit" }, "Save correction")),
    status);
  form.addEventListener("submit", async (submit) => {
    submit.preventDefault();
    const changes = {};
    for (const [field, kind, nullable] of EDITABLE) {
      const value = readInput(form, field, kind, nullable);
      if (value === undefined || Number.isNaN(value)) {
        status.textContent = `${field}: a value is required`;
        return;
      }
      if (JSON.stringify(value) !== JSON.stringify(event[field] ?? (kind === "list" ? [] : null))) {
        changes[field] = value;
      }
    }
    if (!Object.keys(changes).length) {
      status.textContent = "Nothing changed.";
      return;
    }
    status.textContent = "Saving…";
    try {
      await apiFetch(`/api/events/${encodeURIComponent(event.event_id)}`, {
        method: "PATCH",
        json: { who: form.elements.who.value, reason: form.elements.reason.value, changes },
      });
      showNotice(`Saved: ${Object.keys(changes).join(", ")}`, "ok");
      onChanged(event.event_id);
    } catch (error) {
      status.textContent = `Not saved: ${error.message}`;
    }
  });
  return form;
}

// A revision's diff ({field: [before, after]}) as one readable line per field: provenance per
// field it locates (the quoted words and how they were read), reports as counts and documents.
function describeDiff(revision) {
  if (revision.action === "created") return [h("li", {}, "event created")];
  const items = [];
  for (const [field, value] of Object.entries(revision.diff || {})) {
    const pair = Array.isArray(value) && value.length === 2;
    if (field === "provenance" && pair) items.push(...provenanceChanges(value[0] || {}, value[1] || {}));
    else if (field === "reports" && pair) items.push(reportsChange(value[0] || [], value[1] || []));
    else if (pair) items.push(changeItem([h("code", {}, field)], readable(value[0]), readable(value[1])));
    else items.push(h("li", {}, h("code", {}, field), `: ${readable(value)}`));
  }
  if (!items.length) items.push(h("li", { class: "hint" }, revision.action === "deleted" ? "event deleted" : "no field changed"));
  return items;
}

function changeItem(label, before, after) {
  return h("li", { class: "change" }, label, ": ", h("span", { class: "before" }, before), " → ",
    h("span", { class: "after" }, after));
}

// Any stored value as words: objects as "key: value" pairs, never as raw JSON.
function readable(value) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const parts = Object.entries(value).map(([k, v]) => `${k}: ${readable(v)}`);
    return parts.length ? parts.join("; ") : "—";
  }
  if (Array.isArray(value)) return value.length ? value.map(readable).join("; ") : "—";
  return fmt(value);
}

function provenanceText(prov) {
  if (!prov) return "—";
  if (prov.text) return prov.method ? `${quoted(prov.text)} (${prov.method})` : quoted(prov.text);
  return prov.reason || prov.method || "—";
}

function provenanceChanges(before, after) {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((f) => changeItem([h("code", {}, f), " read from"], provenanceText(before[f]), provenanceText(after[f])));
}

function reportsChange(before, after) {
  const key = (r) => `${r.document_id} ${r.claim_status}`;
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  const added = after.filter((r) => !had.has(key(r))).map((r) => `${r.document_id} (${r.claim_status})`);
  const removed = before.filter((r) => !has.has(key(r))).map((r) => `${r.document_id} (${r.claim_status})`);
  const notes = [added.length ? `added ${added.join(", ")}` : "", removed.length ? `removed ${removed.join(", ")}` : ""]
    .filter(Boolean).join("; ");
  return changeItem([h("code", {}, "reports")], String(before.length),
    `${after.length}${notes ? ` — ${notes}` : " (evidence or details changed)"}`);
}

function historyTable(history) {
  return h("table", { class: "history" },
    h("thead", {}, h("tr", {}, ["when", "action", "who", "why", "changes"].map((c) => h("th", {}, c)))),
    h("tbody", {}, history.map((r) => h("tr", { class: `rev-${r.action}`, dataset: { action: r.action } },
      h("td", {}, r.at.replace("T", " ").slice(0, 19)),
      h("td", {}, r.action),
      h("td", {}, r.who),
      h("td", {}, fmt(r.reason)),
      h("td", {}, h("ul", { class: "diff" }, describeDiff(r)))))));
}
