// eventwire's browser UI: views (map, table, ingest, event page) switched by the URL hash.
import { h, clear, showNotice } from "./dom.js";
import { getJSON, getToken, setToken, loadAllEvents, download, query } from "./api.js";
import { TYPE_COLORS, OTHER_COLOR } from "./colors.js";
import { EventMap } from "./mapview.js";
import { renderTimeline } from "./timeline.js";
import { EventTable } from "./table.js";
import { renderEventPage } from "./eventpage.js";
import { setUpIngest } from "./ingest.js";

const state = {
  meta: null,
  events: [], // matching the filter form
  brush: null, // [fromIso, toIso] from the timeline, or null
  stale: true, // events must be reloaded before showing
  fitNext: true,
  eventShown: false, // the event page holds a loaded event (not an error)
};

const $ = (id) => document.getElementById(id);
const filterForm = $("filters");
let map;
let table;

function filterValues() {
  const values = {};
  for (const [key, value] of new FormData(filterForm).entries()) {
    if (String(value).trim() !== "") values[key] = String(value).trim();
  }
  return values;
}

function visibleEvents() {
  if (!state.brush) return state.events;
  const [a, b] = state.brush;
  return state.events.filter((e) => e.event_date && e.event_date >= a && e.event_date <= b);
}

async function reload() {
  try {
    state.events = await loadAllEvents(filterValues());
    state.stale = false;
    showNotice("");
  } catch (error) {
    state.events = [];
    showNotice(`Could not load events: ${error.message}`);
  }
  const countries = [...new Set(state.events.map((e) => e.country).filter(Boolean))].sort();
  clear($("countries")).append(...countries.map((c) => h("option", { value: c })));
  if (state.brush && !visibleEvents().length) state.brush = null;
  render();
}

function render() {
  const shown = visibleEvents();
  $("count").textContent = state.brush
    ? `${shown.length} of ${state.events.length} event(s)`
    : `${state.events.length} event(s)`;
  $("brush-label").textContent = state.brush
    ? `Showing ${state.brush[0]} → ${state.brush[1]}`
    : "Drag across the timeline to filter the map.";
  $("brush-clear").hidden = !state.brush;
  map.show(shown, { fit: state.fitNext });
  state.fitNext = false;
  const binDays = renderTimeline($("timeline"), state.events, state.brush, (range) => {
    state.brush = range;
    render();
  });
  $("timeline-title").textContent = binDays === 1 ? "Events per day" : `Events per ${binDays} days`;
  table.show(shown);
}

function showView(name) {
  for (const view of document.querySelectorAll(".view")) view.hidden = view.id !== `view-${name}`;
  $("sidebar").hidden = !(name === "map" || name === "table");
  for (const link of document.querySelectorAll("[data-nav]")) {
    link.classList.toggle("active", link.dataset.nav === name);
  }
  document.body.dataset.view = name;
}

async function showEvent(id) {
  document.body.dataset.ready = "";
  state.eventShown = await renderEventPage($("view-event"), id, state.meta, (changed) => {
    state.stale = true; // the map and table show the corrected values next time
    showEvent(changed);
  });
  document.body.dataset.ready = "event";
}

async function route() {
  const hash = window.location.hash || "#/";
  const eventMatch = hash.match(/^#\/events\/(.+)$/);
  if (eventMatch) {
    showView("event");
    window.scrollTo(0, 0);
    await showEvent(decodeURIComponent(eventMatch[1]));
    return;
  }
  const name = hash === "#/table" ? "table" : hash === "#/ingest" ? "ingest" : "map";
  showView(name);
  if (name !== "ingest" && state.stale) await reload();
  if (name === "map") map.invalidate();
  document.body.dataset.ready = name;
}

function fillSelect(select, options) {
  const keep = select.value;
  clear(select).append(h("option", { value: "" }, "any"), ...options.map((o) => h("option", { value: o }, o)));
  if (options.includes(keep)) select.value = keep;
}

function setUpFilters() {
  const types = Object.keys(state.meta.event_types);
  fillSelect(filterForm.elements.event_type, types);
  const fillSubs = () => {
    const type = filterForm.elements.event_type.value;
    fillSelect(filterForm.elements.sub_event_type,
      type ? state.meta.event_types[type] : types.flatMap((t) => state.meta.event_types[t]));
  };
  fillSubs();
  fillSelect(filterForm.elements.claim_status, state.meta.claim_statuses);
  filterForm.elements.event_type.addEventListener("change", fillSubs);
  filterForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    state.fitNext = true;
    reload();
  });
  filterForm.addEventListener("change", (ev) => {
    if (ev.target.type !== "text") {
      state.fitNext = true;
      reload();
    }
  });
  filterForm.addEventListener("reset", () => {
    setTimeout(() => {
      fillSubs();
      state.brush = null;
      state.fitNext = true;
      reload();
    });
  });
  for (const button of document.querySelectorAll("[data-export]")) {
    button.addEventListener("click", async () => {
      const format = button.dataset.export;
      const suffix = { "acled-csv": "csv", geojson: "geojson", jsonl: "jsonl" }[format];
      const params = { ...filterValues(), format };
      if (state.brush) [params.from, params.to] = state.brush;
      try {
        await download(`/api/export?${query(params)}`, `eventwire-events.${suffix}`);
      } catch (error) {
        showNotice(`Export failed: ${error.message}`);
      }
    });
  }
  $("brush-clear").addEventListener("click", () => {
    state.brush = null;
    render();
  });
  clear($("legend")).append(...[...Object.entries(TYPE_COLORS), ["other", OTHER_COLOR]].map(([type, color]) =>
    h("li", {}, h("span", { class: "swatch", style: { background: color } }), type)));
}

async function start() {
  const token = $("token");
  token.value = getToken();
  token.addEventListener("change", () => {
    setToken(token.value.trim());
    state.stale = true;
    // An event page already shown stays as it is: re-rendering it would wipe a correction being
    // typed. It is reloaded only when the read failed (a private server without the token).
    if (document.body.dataset.view === "event" && state.eventShown) return;
    route();
  });
  try {
    state.meta = await getJSON("/api/meta");
  } catch (error) {
    showNotice(`The eventwire API does not answer: ${error.message}`);
    return;
  }
  map = new EventMap($("map"));
  table = new EventTable($("table-box"));
  setUpFilters();
  setUpIngest($("ingest-form"), $("ingest-result"), () => {
    state.stale = true;
    state.fitNext = true;
  });
  window.addEventListener("hashchange", route);
  window.addEventListener("resize", () => {
    if (document.body.dataset.view === "map") render();
  });
  await route();
}

start();
