"""Minimal ctypes access to Debian's ICU (libicu72): ISO country codes and French
display names of regions. ICU's C symbols carry a version suffix (`_72`)."""

import ctypes
import ctypes.util
import glob
import re

_LIB = None
_SUFFIX = None


def _load():
    global _LIB, _SUFFIX
    if _LIB is not None:
        return _LIB, _SUFFIX
    candidates = sorted(glob.glob("/usr/lib/*/libicuuc.so.*[0-9]") + glob.glob("/usr/lib/libicuuc.so.*[0-9]"))
    candidates = [c for c in candidates if re.search(r"libicuuc\.so\.\d+$", c)]
    if not candidates:
        raise SystemExit("libicuuc is missing: run `apt-get install -y libicu72` (or libicu-dev)")
    path = candidates[-1]
    _SUFFIX = "_" + re.search(r"\.so\.(\d+)$", path).group(1)
    _LIB = ctypes.CDLL(path)
    return _LIB, _SUFFIX


def version():
    lib, suffix = _load()
    return suffix[1:]


def _fn(name):
    lib, suffix = _load()
    return getattr(lib, name + suffix)


def iso_countries():
    """Two-letter ISO 3166 codes known to ICU (uloc_getISOCountries)."""
    fn = _fn("uloc_getISOCountries")
    fn.restype = ctypes.POINTER(ctypes.c_char_p)
    array = fn()
    codes = []
    i = 0
    while array[i]:
        codes.append(array[i].decode("ascii"))
        i += 1
    return codes


def display_country(code, display_locale="fr"):
    """French name of a territory or UN M.49 region (uloc_getDisplayCountry)."""
    fn = _fn("uloc_getDisplayCountry")
    fn.restype = ctypes.c_int32
    fn.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int32,
                   ctypes.POINTER(ctypes.c_int)]
    buffer = ctypes.create_string_buffer(512)
    status = ctypes.c_int(0)
    length = fn(f"und_{code}".encode(), display_locale.encode(), buffer, 256, ctypes.byref(status))
    if status.value > 0:
        raise RuntimeError(f"uloc_getDisplayCountry failed for {code}: {status.value}")
    return buffer.raw[: 2 * length].decode("utf-16-le")
