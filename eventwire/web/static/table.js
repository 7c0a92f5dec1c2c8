// The table view: one row per event, sortable by clicking a column head.
import { h, clear, fmt } from "./dom.js";
import { typeColor } from "./colors.js";

const COLUMNS = [
  ["event_date", "Date"],
  ["event_type", "Type / sub-type"],
  ["actor1", "Actor 1"],
  ["actor2", "Actor 2"],
  ["location", "Location"],
  ["admin1", "Admin1"],
  ["country", "Country"],
  ["fatalities", "Fatalities"],
  ["claim", "Claim status"],
  ["confidence", "Confidence"],
];
const PAGE = 200;

export class EventTable {
  constructor(element) {
    this.element = element;
    this.sortKey = "event_date";
    this.descending = true;
    this.page = 0;
    this.events = [];
  }

  show(events) {
    this.events = events;
    this.page = 0;
    this.render();
  }

  value(event, key) {
    if (key === "claim") return [...new Set(event.reports.map((r) => r.claim_status))].join(", ");
    return event[key];
  }

  render() {
    const rows = [...this.events].sort((a, b) => {
      const va = this.value(a, this.sortKey);
      const vb = this.value(b, this.sortKey);
      if (va === vb) return a.event_id < b.event_id ? -1 : 1;
      if (va === null || va === undefined) return 1;
      if (vb === null || vb === undefined) return -1;
      const order = va < vb ? -1 : 1;
      return this.descending ? -order : order;
    });
    const pageRows = rows.slice(this.page * PAGE, (this.page + 1) * PAGE);
    const head = h("tr", {}, COLUMNS.map(([key, label]) => h("th", { scope: "col" },
      h("button", {
        type: "button", class: "sort",
        "aria-sort": key === this.sortKey ? (this.descending ? "descending" : "ascending") : null,
        onclick: () => {
          this.descending = key === this.sortKey ? !this.descending : false;
          this.sortKey = key;
          this.render();
        },
      }, label, key === this.sortKey ? (this.descending ? " ▾" : " ▴") : ""))));
    const body = pageRows.map((e) => h("tr", { dataset: { eventId: e.event_id } },
      h("td", {}, h("a", { href: `#/events/${encodeURIComponent(e.event_id)}` }, fmt(e.event_date))),
      h("td", {}, h("span", { class: "swatch", style: { background: typeColor(e.event_type) } }),
        e.event_type, h("br"), h("small", {}, e.sub_event_type)),
      h("td", {}, fmt(e.actor1)),
      h("td", {}, fmt(e.actor2)),
      h("td", {}, h("a", { href: `#/events/${encodeURIComponent(e.event_id)}` }, fmt(e.location))),
      h("td", {}, fmt(e.admin1)),
      h("td", {}, fmt(e.country)),
      h("td", { class: "num" }, fmt(e.fatalities)),
      h("td", {}, fmt(this.value(e, "claim"))),
      h("td", { class: "num" }, fmt(e.confidence))));
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    const pager = h("div", { class: "pager" },
      h("button", { type: "button", disabled: this.page === 0 ? true : null,
        onclick: () => { this.page -= 1; this.render(); } }, "‹ Previous"),
      ` Page ${this.page + 1} of ${pages} · ${rows.length} event(s) `,
      h("button", { type: "button", disabled: this.page >= pages - 1 ? true : null,
        onclick: () => { this.page += 1; this.render(); } }, "Next ›"));
    clear(this.element).append(
      h("table", { class: "events" }, h("thead", {}, head), h("tbody", {}, body)), pager);
  }
}
