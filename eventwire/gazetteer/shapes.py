"""Points of areas known only by their towns: the index build places a division or a country at
the centre of its largest group of towns (`area_points`) or of their convex hull (`hull_centre`)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Container, Iterable


def largest_group(order: Iterable[tuple[int, int]], cells: Container[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the largest 8-connected group of grid cells, visiting them in `order` (the first
    of equal groups wins)."""
    seen: set[tuple[int, int]] = set()
    best: list[tuple[int, int]] = []
    for cell in order:
        if cell in seen:
            continue
        group, stack = [], [cell]
        seen.add(cell)
        while stack:
            c = stack.pop()
            group.append(c)
            for di in (-1, 0, 1):
                for dj in (-1, 0, 1):
                    n = (c[0] + di, c[1] + dj)
                    if n in cells and n not in seen:
                        seen.add(n)
                        stack.append(n)
        if len(group) > len(best):
            best = group
    return best


def area_points(points: list[tuple[float, float, int]], cell_deg: float) -> tuple[float, float]:
    """Return the geographic centre of an area known only by its towns.

    Towns are binned into cells of `cell_deg` degrees; the centre is the mean of the occupied
    cells of the largest 8-connected group (so Alaska does not drag the United States north-west),
    which lands near GeoNames' own area points (tuned on LGL's ADM1/PCLI gold points).
    """
    cells = {(math.floor(lat / cell_deg), math.floor(lon / cell_deg)) for lat, lon, _ in points}
    best = largest_group(cells, cells)
    lat = sum(c[0] + 0.5 for c in best) / len(best) * cell_deg
    lon = sum(c[1] + 0.5 for c in best) / len(best) * cell_deg
    return round(lat, 4), round(lon, 4)


def hull_centre(points: list[tuple[float, float, int]], cell_deg: float = 2.0) -> tuple[float, float]:
    """Return the centroid of the convex hull of a wide area's towns (its largest group of
    `cell_deg` cells, so the Aleutians or an overseas island do not drag it): Ontario's towns crowd
    its south, but its hull reaches Hudson Bay, near where GeoNames places its point."""
    cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for lat, lon, _ in points:
        cells[(math.floor(lat / cell_deg), math.floor(lon / cell_deg))].append((lon, lat))
    best = largest_group(sorted(cells), cells)
    pts = sorted({p for c in best for p in cells[c]})
    if len(pts) < 3:
        return round(sum(p[1] for p in pts) / len(pts), 4), round(sum(p[0] for p in pts) / len(pts), 4)

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    hull = lower[:-1] + upper[:-1]
    area = cx = cy = 0.0
    for k in range(len(hull)):
        (x0, y0), (x1, y1) = hull[k], hull[(k + 1) % len(hull)]
        c = x0 * y1 - x1 * y0
        area += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(area) < 1e-12:
        return round(sum(p[1] for p in hull) / len(hull), 4), round(sum(p[0] for p in hull) / len(hull), 4)
    return round(cy / (3 * area), 4), round(cx / (3 * area), 4)
