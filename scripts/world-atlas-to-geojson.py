#!/usr/bin/env python3
"""Convert world-atlas's countries-110m.json (TopoJSON) into the compact GeoJSON the web UI
bundles (data/world/countries-110m.geojson): one feature per country, MultiPolygon geometry,
coordinates rounded to 0.01 degree, the country name as the only property.

Usage (once, when updating the outlines):
    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python3 scripts/world-atlas-to-geojson.py /tmp/package/countries-110m.json \
        > data/world/countries-110m.geojson

world-atlas is ISC-licensed (Mike Bostock); the outlines are Natural Earth's, public domain.
"""
import json
import sys


def decode_arcs(topo):
    t = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for p in arc:
            if t:
                x += p[0]
                y += p[1]
                sx, sy = t["scale"]
                tx, ty = t["translate"]
                pts.append((x * sx + tx, y * sy + ty))
            else:
                pts.append((p[0], p[1]))
        arcs.append(pts)
    return arcs


def ring(arcs, indices):
    out = []
    for i in indices:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        if out:
            pts = pts[1:]
        out.extend(pts)
    return [[round(x, 2), round(y, 2)] for x, y in out]


def unwrap(r):
    """Rings that cross the antimeridian (Russia, Fiji) jump by 360 degrees; make them continuous
    (longitudes beyond +-180) so that a flat map draws no line across the world. Jumps along the
    south pole (Antarctica's edge) are real edges and stay."""
    out = [r[0]]
    shift = 0
    for (x0, y0), (x, y) in zip(r, r[1:]):
        if abs(x - x0) > 180 and min(y, y0) > -85:
            shift += 360 if x < x0 else -360
        out.append([round(x + shift, 2), y])
    return out


def polygons(arcs, geom):
    if geom["type"] == "Polygon":
        polys = [[ring(arcs, r) for r in geom["arcs"]]]
    elif geom["type"] == "MultiPolygon":
        polys = [[ring(arcs, r) for r in poly] for poly in geom["arcs"]]
    else:
        return []
    out = []
    for poly in polys:
        poly = [unwrap(r) for r in poly]
        out.append(poly)
        # A copy on the other side, so that the part beyond the antimeridian shows there too.
        xs = [p[0] for r in poly for p in r]
        for off in ([-360] if max(xs) > 180 else []) + ([360] if min(xs) < -180 else []):
            out.append([[[round(x + off, 2), y] for x, y in r] for r in poly])
    return out


def main():
    topo = json.load(open(sys.argv[1]))
    arcs = decode_arcs(topo)
    features = []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = polygons(arcs, g)
        if not polys:
            continue
        features.append({
            "type": "Feature",
            "properties": {"name": g.get("properties", {}).get("name", "")},
            "geometry": {"type": "MultiPolygon", "coordinates": polys},
        })
    out = {
        "type": "FeatureCollection",
        "attribution": "Natural Earth (public domain) via world-atlas 2 (ISC licence, Mike Bostock)",
        "features": features,
    }
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
