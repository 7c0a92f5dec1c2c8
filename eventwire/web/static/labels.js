// Country names on the map, from the boundaries' own `name` property (world-atlas). At each zoom a
// name shows only where it fits inside its country's largest piece and does not overlap a larger
// country's name, so the small zooms show the large countries and closer zooms show the rest.
import { labelPlace } from "./geometry.js";

const PANE = "countryLabels";
const FIT_SLACK = 1.15; // a name may overhang its country's extent by this much
const GAP_PX = 4; // room kept between two names (markers sit on whole pixels, text need not)

export class CountryLabels {
  constructor(map, features) {
    this.map = map;
    if (!map.getPane(PANE)) {
      map.createPane(PANE);
      map.getPane(PANE).style.zIndex = 450; // above the outlines (400), below the markers (600)
      map.getPane(PANE).style.pointerEvents = "none";
    }
    this.labels = [];
    for (const feature of features) {
      const name = feature.properties && feature.properties.name;
      if (!name || feature.geometry.type !== "MultiPolygon") continue;
      const place = labelPlace(feature.geometry);
      if (!place || !place.area) continue;
      const text = document.createElement("span");
      text.textContent = name; // a text node: never parsed as HTML
      const icon = L.divIcon({ className: "country-label", html: text, iconSize: null });
      const marker = L.marker([place.lat, place.lon], {
        icon, pane: PANE, interactive: false, keyboard: false,
      }).addTo(map);
      marker.getElement().dataset.country = name;
      this.labels.push({ name, place, marker, width: 0, height: 0 });
    }
    this.labels.sort((a, b) => b.place.area - a.place.area);
    map.on("zoomend", () => this.update());
    this.update();
    if (document.fonts) document.fonts.ready.then(() => this.update()); // once the fonts are in
  }

  // Show the names that fit, largest countries first, skipping any that would overlap.
  update() {
    // Measured at each update, all shown and read in one layout: a name measured before the page's
    // fonts and styles had settled (a loaded machine) would be drawn wider than it was reckoned.
    for (const label of this.labels) label.marker.getElement().classList.remove("off");
    for (const label of this.labels) {
      const text = label.marker.getElement().firstChild;
      label.width = text.offsetWidth;
      label.height = text.offsetHeight;
    }
    const zoom = this.map.getZoom();
    const taken = [];
    for (const { place, marker, width, height } of this.labels) {
      const nw = this.map.project([place.north, place.west], zoom);
      const se = this.map.project([place.south, place.east], zoom);
      const fits = width <= (se.x - nw.x) * FIT_SLACK && height <= (se.y - nw.y) * FIT_SLACK;
      const at = this.map.project([place.lat, place.lon], zoom);
      const halfW = width / 2 + GAP_PX;
      const halfH = height / 2 + GAP_PX / 2;
      const box = { left: at.x - halfW, right: at.x + halfW, top: at.y - halfH, bottom: at.y + halfH };
      const clear = taken.every((t) => box.right < t.left || box.left > t.right || box.bottom < t.top || box.top > t.bottom);
      if (fits && clear) taken.push(box);
      marker.getElement().classList.toggle("off", !(fits && clear));
    }
    this.map.getContainer().dataset.labels = String(taken.length);
  }
}
