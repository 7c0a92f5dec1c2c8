// The map: Natural Earth country boundaries (world-atlas, served by eventwire) as the only base
// layer — no online tiles — with country names, and one clustered marker per event, coloured by
// event type. Outlines that cross the antimeridian are made continuous and every outline is drawn
// on the world copies either side too, so nothing is drawn across the map and the Pacific reads
// as one sea (geometry.js).
import { h, fmt } from "./dom.js";
import { typeColor } from "./colors.js";
import { unwrapAtAntimeridian, shiftGeometry } from "./geometry.js";
import { CountryLabels } from "./labels.js";

const WORLD_COPIES = [0, -360, 360];

export class EventMap {
  constructor(element) {
    this.element = element;
    this.markers = new Map(); // event_id → L.Marker
    if (!window.L) {
      element.append(h("p", { class: "map-missing" },
        "The map libraries are not installed: run ./dev setup (npm) and reload."));
      return;
    }
    this.map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: 12 })
      .setView([25, 20], 2);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Boundaries: Natural Earth (world-atlas)");
    this.cluster = L.markerClusterGroup({
      maxClusterRadius: 40,
      showCoverageOnHover: false,
      iconCreateFunction: (cluster) => clusterIcon(cluster),
    });
    this.map.addLayer(this.cluster);
    this.loadCountries();
    window.ewMap = this.map; // for the end-to-end tests and for debugging in the console
    window.ewMapView = this;
  }

  async loadCountries() {
    try {
      const response = await fetch("/vendor/world-atlas/countries-110m.json");
      if (!response.ok) throw new Error(`${response.status}`);
      const topology = await response.json();
      const countries = topojson.feature(topology, topology.objects.countries);
      const outlines = countries.features.map((f) => ({ ...f, geometry: unwrapAtAntimeridian(f.geometry) }));
      const copies = WORLD_COPIES.flatMap((degrees) => outlines.map((f) => ({
        ...f, geometry: shiftGeometry(f.geometry, degrees), properties: { ...f.properties, copy: degrees },
      })));
      this.countries = L.geoJSON({ type: "FeatureCollection", features: copies }, {
        style: { color: "#8d99a6", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
        interactive: false,
      }).addTo(this.map);
      this.countries.bringToBack();
      this.labels = new CountryLabels(this.map, outlines);
      this.element.dataset.countries = String(countries.features.length);
    } catch (error) {
      this.element.dataset.countries = "0";
      console.error("country boundaries not loaded", error);
    }
  }

  show(events, { fit = false } = {}) {
    if (!this.map) return;
    this.cluster.clearLayers();
    this.markers.clear();
    const placed = [];
    for (const event of events) {
      if (event.latitude === null || event.longitude === null) continue;
      const marker = L.marker([event.latitude, event.longitude], {
        icon: markerIcon(event),
        title: `${event.location || "?"} — ${event.event_type}`,
        alt: event.location || event.event_type,
        eventType: event.event_type,
      });
      marker.bindPopup(() => popup(event));
      this.markers.set(event.event_id, marker);
      placed.push(marker);
    }
    this.cluster.addLayers(placed);
    this.element.dataset.markers = String(placed.length);
    if (fit && placed.length) {
      const bounds = L.latLngBounds(placed.map((m) => m.getLatLng()));
      this.map.fitBounds(bounds, { padding: [50, 50], maxZoom: 6 });
    }
  }

  invalidate() {
    if (this.map) this.map.invalidateSize();
  }
}

function markerIcon(event) {
  const dot = h("span", {
    class: "ew-marker-dot",
    dataset: { eventId: event.event_id, eventType: event.event_type },
    style: { background: typeColor(event.event_type) },
  });
  return L.divIcon({ className: "ew-marker", html: dot, iconSize: [18, 18] });
}

function clusterIcon(cluster) {
  const counts = {};
  for (const marker of cluster.getAllChildMarkers()) {
    const type = marker.options.eventType;
    counts[type] = (counts[type] || 0) + 1;
  }
  const dominant = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  const n = cluster.getChildCount();
  const inner = h("div", { style: { background: typeColor(dominant) } }, h("span", {}, n));
  return L.divIcon({ html: inner, className: "marker-cluster ew-cluster", iconSize: L.point(38, 38) });
}

function popup(event) {
  return h("div", { class: "ew-popup" },
    h("strong", {}, event.location || "unknown place"),
    h("div", {}, `${fmt(event.event_date)} · ${event.sub_event_type}`),
    h("div", {}, `${fmt(event.actor1)} → ${fmt(event.actor2)}`),
    h("div", {}, `Fatalities: ${event.fatalities}`),
    h("a", { href: `#/events/${encodeURIComponent(event.event_id)}`, class: "open-event" },
      "Open event →"));
}
