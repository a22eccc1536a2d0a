"""Read Debian's libgeonames0 / libgeonames-common data: the geonames.org cities of
15 000 inhabitants and more (with their French names through gettext) and the French
names of first-level administrative divisions."""

import ctypes
import gettext
import json
import os
import subprocess
import sys

MO = "/usr/share/locale/fr/LC_MESSAGES/geonames.mo"


def _require():
    if not os.path.exists(MO):
        raise SystemExit("geonames data is missing: run `apt-get install -y libgeonames0 libgeonames-common`")


def _dump_cities():
    """Runs in a child process with LANGUAGE=fr: print every city as JSON."""
    lib = ctypes.CDLL("libgeonames.so.0")
    libc = ctypes.CDLL("libc.so.6")
    libc.setlocale(6, b"C.UTF-8")  # LC_ALL, so that gettext translates
    lib.geonames_get_n_cities.restype = ctypes.c_int
    lib.geonames_get_city.restype = ctypes.c_void_p
    lib.geonames_get_city.argtypes = [ctypes.c_int]
    for field in ("name", "country_code", "state"):
        getter = getattr(lib, "geonames_city_get_" + field)
        getter.restype = ctypes.c_char_p
        getter.argtypes = [ctypes.c_void_p]
    lib.geonames_city_get_population.restype = ctypes.c_uint
    lib.geonames_city_get_population.argtypes = [ctypes.c_void_p]
    rows = []
    for i in range(lib.geonames_get_n_cities()):
        city = lib.geonames_get_city(i)
        rows.append({
            "name": lib.geonames_city_get_name(city).decode("utf-8"),
            "cc": lib.geonames_city_get_country_code(city).decode("ascii"),
            "state": lib.geonames_city_get_state(city).decode("utf-8"),
            "population": lib.geonames_city_get_population(city),
        })
    json.dump(rows, sys.stdout, ensure_ascii=False)


def cities():
    """All geonames cities with their French names, population and country code."""
    _require()
    env = dict(os.environ, LANGUAGE="fr", LC_ALL="C.UTF-8")
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--dump"], env=env,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def admin1_names():
    """(country code, French name) of first-level divisions, from the French catalogue."""
    _require()
    with open(MO, "rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    result = []
    for key, value in catalog.items():
        if isinstance(key, str) and "." in key and not key.isdigit():
            result.append((key.split(".")[0], value))
    return result


def package_version():
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", "libgeonames-common"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


if __name__ == "__main__" and sys.argv[1:] == ["--dump"]:
    _dump_cities()
