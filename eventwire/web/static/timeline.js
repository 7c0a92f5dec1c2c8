// The timeline: events per day stacked by type, drawn as SVG. Dragging across it selects a
// range of days (a brush); the map and the table then show only events in that range. When a day
// is narrower than a visible bar, bars count several days each (a week, a month…), so no bar is
// drawn thinner than MIN_BAR_PX.
import { typeColor } from "./colors.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY_MS = 86400000;
const MIN_SPAN_DAYS = 7;
const MIN_BAR_PX = 3;
const MAX_BAR_PX = 36;
const BAR_FILL = 0.8; // share of its slot a bar covers

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const dayNumber = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const dayIso = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);

// Draws the timeline; returns how many days each bar counts.
export function renderTimeline(container, events, brush, onBrush) {
  while (container.firstChild) container.removeChild(container.firstChild);
  const dated = events.filter((e) => e.event_date);
  if (!dated.length) {
    const p = document.createElement("p");
    p.className = "hint";
    p.textContent = "No dated events.";
    container.append(p);
    return 1;
  }
  let first = Math.min(...dated.map((e) => dayNumber(e.event_date)));
  let last = Math.max(...dated.map((e) => dayNumber(e.event_date)));
  if (last - first + 1 < MIN_SPAN_DAYS) {
    const pad = Math.ceil((MIN_SPAN_DAYS - (last - first + 1)) / 2);
    first -= pad;
    last += pad;
  }
  const days = last - first + 1;
  const width = Math.max(container.clientWidth || 0, 300);
  const height = 120;
  const m = { left: 28, right: 10, top: 8, bottom: 22 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const dayW = plotW / days;
  const binDays = Math.max(1, Math.ceil(MIN_BAR_PX / BAR_FILL / dayW)); // days per bar
  const binOf = (d) => first + Math.floor((d - first) / binDays) * binDays; // a bar's first day

  const counts = new Map(); // first day of a bar → Map(type → n)
  for (const e of dated) {
    const d = binOf(dayNumber(e.event_date));
    if (!counts.has(d)) counts.set(d, new Map());
    const byType = counts.get(d);
    byType.set(e.event_type, (byType.get(e.event_type) || 0) + 1);
  }
  const maxCount = Math.max(...[...counts.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  const x = (d) => m.left + (d - first) * dayW;
  const y = (n) => m.top + plotH - (n / maxCount) * plotH;

  const unit = binDays === 1 ? "day" : `${binDays} days`;
  const svg = s("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": `Events per ${unit} from ${dayIso(first)} to ${dayIso(last)}`,
    "data-bin-days": binDays });
  svg.append(s("line", { x1: m.left, x2: width - m.right, y1: m.top + plotH, y2: m.top + plotH, class: "axis" }));
  svg.append(s("text", { x: m.left - 4, y: m.top + 8, "text-anchor": "end", class: "tick" }, String(maxCount)));
  svg.append(s("text", { x: m.left - 4, y: m.top + plotH, "text-anchor": "end", class: "tick" }, "0"));
  const ticks = Math.min(days, Math.max(2, Math.floor(plotW / 90)));
  for (let i = 0; i < ticks; i++) {
    const d = first + Math.round((i * (days - 1)) / Math.max(ticks - 1, 1));
    svg.append(s("text", { x: x(d) + dayW / 2, y: height - 6, "text-anchor": "middle", class: "tick" }, dayIso(d)));
  }

  const bars = s("g", { class: "bars" });
  const slotW = dayW * binDays;
  const barW = Math.max(Math.min(slotW * BAR_FILL, MAX_BAR_PX), Math.min(MIN_BAR_PX, slotW));
  for (const [d, byType] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
    let base = 0;
    const lastDay = Math.min(d + binDays - 1, last);
    const when = lastDay > d ? `${dayIso(d)} – ${dayIso(lastDay)}` : dayIso(d);
    for (const [type, n] of [...byType.entries()].sort()) {
      const rect = s("rect", {
        x: x(d) + (Math.min(slotW, x(last + 1) - x(d)) - barW) / 2, width: barW,
        y: y(base + n), height: y(base) - y(base + n), fill: typeColor(type),
        "data-day": dayIso(d), "data-type": type, "data-count": n,
      });
      rect.append(s("title", {}, `${when} · ${type}: ${n}`));
      bars.append(rect);
      base += n;
    }
  }
  svg.append(bars);

  const selection = s("rect", { class: "brush-selection", y: m.top, height: plotH, x: 0, width: 0 });
  if (brush) {
    const a = dayNumber(brush[0]);
    const b = dayNumber(brush[1]);
    selection.setAttribute("x", x(a));
    selection.setAttribute("width", Math.max(x(b + 1) - x(a), 1));
  } else {
    selection.setAttribute("visibility", "hidden");
  }
  svg.append(selection);
  const overlay = s("rect", { class: "brush-overlay", x: m.left, y: m.top, width: plotW, height: plotH });
  svg.append(overlay);

  const dayAt = (clientX) => {
    const box = svg.getBoundingClientRect();
    const px = Math.min(Math.max(clientX - box.left, m.left), m.left + plotW - 0.01);
    return first + Math.floor((px - m.left) / dayW);
  };
  let start = null;
  let startX = 0;
  overlay.addEventListener("pointerdown", (ev) => {
    start = dayAt(ev.clientX);
    startX = ev.clientX;
    overlay.setPointerCapture(ev.pointerId);
  });
  overlay.addEventListener("pointermove", (ev) => {
    if (start === null) return;
    const d = dayAt(ev.clientX);
    const a = Math.min(start, d);
    const b = Math.max(start, d);
    selection.setAttribute("visibility", "visible");
    selection.setAttribute("x", x(a));
    selection.setAttribute("width", x(b + 1) - x(a));
  });
  overlay.addEventListener("pointerup", (ev) => {
    if (start === null) return;
    const d = dayAt(ev.clientX);
    const moved = Math.abs(ev.clientX - startX) > 3;
    const a = Math.min(start, d);
    const b = Math.max(start, d);
    start = null;
    onBrush(moved ? [dayIso(a), dayIso(b)] : null);
  });
  container.append(svg);
  return binDays;
}
