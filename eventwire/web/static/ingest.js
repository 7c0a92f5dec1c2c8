// The ingest view: paste text (text, HTML or JSONL) or upload a file; show what was stored.
import { h, append, clear, showNotice } from "./dom.js";
import { apiFetch } from "./api.js";

export function setUpIngest(form, resultBox, onIngested) {
  const modeBoxes = form.querySelectorAll("[data-mode]");
  form.addEventListener("change", (ev) => {
    if (ev.target.name !== "mode") return;
    for (const box of modeBoxes) box.hidden = box.dataset.mode !== ev.target.value;
  });
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const button = form.querySelector("button[type=submit]");
    clear(resultBox).append(h("p", { class: "hint" }, "Processing… (the first document loads the language models)"));
    button.disabled = true;
    try {
      let response;
      if (f.mode.value === "upload") {
        const file = f.file.files[0];
        if (!file) throw new Error("choose a file to upload");
        const body = new FormData();
        body.append("file", file, file.name);
        if (f.published.value) body.append("published", f.published.value);
        response = await apiFetch("/api/documents/upload", { method: "POST", body });
      } else {
        if (!f.content.value.trim()) throw new Error("paste some text first");
        const json = { format: f.format.value, content: f.content.value };
        for (const key of ["title", "source", "url", "lang", "published"]) {
          if (f[key].value) json[key] = f[key].value;
        }
        response = await apiFetch("/api/documents", { method: "POST", json });
      }
      const result = await response.json();
      showResult(resultBox, result);
      onIngested(result);
    } catch (error) {
      clear(resultBox).append(h("p", { class: "error" }, `Not ingested: ${error.message}`));
      showNotice(`Not ingested: ${error.message}`);
    } finally {
      button.disabled = false;
    }
  });
}

function showResult(box, result) {
  const created = result.documents.reduce(
    (n, d) => n + d.event_ids.filter((id) => d.created.includes(id)).length, 0);
  const events = result.documents.reduce((n, d) => n + d.event_ids.length, 0);
  // append() (dom.js) drops the parts left out; Element.append would write them as "null".
  append(clear(box), [
    h("p", { class: "ingest-summary" },
      `${result.documents.length} document(s) processed, ${result.skips.length} skipped, ` +
      `${events} event(s), ${created} new event(s).`),
    h("ul", {}, result.documents.map((d) => h("li", {},
      h("code", {}, d.document_id), ` ${d.title || d.origin || "(untitled)"}: ${d.status}`,
      h("ul", {}, d.event_ids.map((id) => h("li", {},
        h("a", { href: `#/events/${encodeURIComponent(id)}` }, id),
        d.created.includes(id) ? " (new)" : d.joined.includes(id) ? " (joined a stored event)" : "")))))),
    result.skips.length ? h("h3", {}, "Skipped") : null,
    h("ul", { class: "skips" }, result.skips.map((s) => h("li", {},
      h("strong", {}, s.origin), `: ${s.reason}: ${s.detail}`))),
    h("p", {}, h("a", { href: "#/" }, "See them on the map →")),
  ]);
}
