// Country outlines for a flat (Web Mercator) map. Natural Earth keeps a polygon that crosses the
// antimeridian (Fiji, Chukotka) in one ring whose points jump from 180° to −180°; drawn on a flat
// map, each jump is a line across the whole world. `unwrapAtAntimeridian` makes such rings
// continuous instead (Chukotka runs on to 190°E rather than jumping to −170°); the map draws the
// outlines again one world to the west and one to the east, so the part past 180° also shows on
// the far side. A ring around a pole (Antarctica) is closed along the pole, off the drawable map.

const HALF_TURN = 180;
const POLE_LAT = 90;

// Longitudes made continuous: a step of more than 180° is taken as crossing the antimeridian.
function unwrap(ring) {
  const out = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat] = ring[i];
    if (i > 0) {
      const step = lon + shift - out[i - 1][0];
      if (step > HALF_TURN) shift -= 360;
      else if (step < -HALF_TURN) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  return out;
}

const shifted = (ring, by) => ring.map(([lon, lat]) => [lon + by, lat]);

// A ring around a pole: its one 360° jump goes down (or up) to the pole and back.
function closeAroundPole(ring) {
  const out = [];
  const pole = ring.reduce((sum, p) => sum + p[1], 0) < 0 ? -POLE_LAT : POLE_LAT;
  for (let i = 0; i < ring.length; i++) {
    if (i > 0 && Math.abs(ring[i][0] - ring[i - 1][0]) > HALF_TURN) {
      out.push([ring[i - 1][0], pole], [ring[i][0], pole]);
    }
    out.push(ring[i]);
  }
  return out;
}

// One polygon (outer ring, then holes) with continuous longitudes, mostly within [−180, 180].
export function unwrapPolygon(rings) {
  const outer = unwrap(rings[0]);
  const drift = outer[outer.length - 1][0] - rings[0][rings[0].length - 1][0];
  if (drift !== 0) return rings.map(closeAroundPole); // encloses a pole
  const middle = outer.reduce((sum, p) => sum + p[0], 0) / outer.length;
  const back = middle > HALF_TURN ? -360 : middle < -HALF_TURN ? 360 : 0;
  const near = (ring) => shifted(ring, back + 360 * Math.round((middle - ring[0][0]) / 360));
  return [shifted(outer, back), ...rings.slice(1).map((hole) => near(unwrap(hole)))];
}

// A GeoJSON Polygon or MultiPolygon geometry → a MultiPolygon whose rings never jump across the
// antimeridian.
export function unwrapAtAntimeridian(geometry) {
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") return geometry;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return { type: "MultiPolygon", coordinates: polygons.map(unwrapPolygon) };
}

// The same geometry moved by `degrees` of longitude (the world copies either side of the map).
export function shiftGeometry(geometry, degrees) {
  if (geometry.type !== "MultiPolygon") return geometry;
  return {
    type: "MultiPolygon",
    coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => shifted(ring, degrees))),
  };
}

// Planar area (degrees²) and centroid of a ring (the shoelace formula).
function ringCentroid(ring) {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  area /= 2;
  if (Math.abs(area) < 1e-12) return { area: 0, lon: ring[0][0], lat: ring[0][1] };
  return { area: Math.abs(area), lon: cx / (6 * area), lat: cy / (6 * area) };
}

// Where a country's name goes: the centroid of its largest piece, with that piece's extent.
export function labelPlace(multiPolygon) {
  let best = null;
  for (const polygon of multiPolygon.coordinates) {
    const c = ringCentroid(polygon[0]);
    if (!best || c.area > best.area) {
      const lons = polygon[0].map((p) => p[0]);
      const lats = polygon[0].map((p) => p[1]);
      best = { ...c, west: Math.min(...lons), east: Math.max(...lons),
        south: Math.min(...lats), north: Math.max(...lats) };
    }
  }
  return best;
}
