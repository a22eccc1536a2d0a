#!/usr/bin/env python3
"""Generate currencies.txt and money-number-words.txt from ICU's French data.

currencies.txt: ICU's French currency names (singular and plural), symbols and ISO codes
(ucurr_*), then the forms of French news written by hand in tools/data/currencies-extra.txt,
which also removes ICU entries that mislead in running text (code `-`).
money-number-words.txt: the words of ICU's French spell-out of 0..99 and of the hundreds,
in the reformed spelling ICU gives (`vingt-et-un`) and the traditional one (`vingt et un`).
Each entry is one word: the recognizer reads runs of them.
Needs: the system ICU library (libicu72 or libicu-dev).
"""

import ctypes
import glob

import icu
from lexfile import read_data, write_lexicon, WRITTEN_BY_US

UCURR_COMMON = 1
UCURR_NON_DEPRECATED = 8
UCURR_SYMBOL_NAME = 0
UCURR_LONG_NAME = 1
UNUM_SPELLOUT = 5


def _i18n(name):
    paths = glob.glob(f"/usr/lib/*/libicui18n.so.{icu.version()}") + glob.glob(f"/usr/lib/libicui18n.so.{icu.version()}")
    if not paths:
        raise SystemExit("libicui18n is missing: run `apt-get install -y libicu72`")
    return getattr(ctypes.CDLL(paths[0]), f"{name}_{icu.version()}")


def _utf16z(text):
    data = (text + "\0").encode("utf-16-le")
    return ctypes.create_string_buffer(data, len(data))


def currency_codes():
    """Current ISO 4217 codes known to ICU."""
    open_list = icu._fn("ucurr_openISOCurrencies")
    open_list.restype = ctypes.c_void_p
    open_list.argtypes = [ctypes.c_uint32, ctypes.POINTER(ctypes.c_int)]
    next_item = icu._fn("uenum_next")
    next_item.restype = ctypes.c_char_p
    next_item.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int32), ctypes.POINTER(ctypes.c_int)]
    close = icu._fn("uenum_close")
    close.argtypes = [ctypes.c_void_p]
    status = ctypes.c_int(0)
    handle = open_list(UCURR_COMMON | UCURR_NON_DEPRECATED, ctypes.byref(status))
    codes = []
    while True:
        length, item_status = ctypes.c_int32(0), ctypes.c_int(0)
        code = next_item(handle, ctypes.byref(length), ctypes.byref(item_status))
        if not code:
            break
        codes.append(code.decode("ascii"))
    close(handle)
    return codes


def currency_name(code, style):
    get = icu._fn("ucurr_getName")
    get.restype = ctypes.c_void_p
    get.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_byte),
                    ctypes.POINTER(ctypes.c_int32), ctypes.POINTER(ctypes.c_int)]
    is_choice, length, status = ctypes.c_byte(0), ctypes.c_int32(0), ctypes.c_int(0)
    pointer = get(_utf16z(code), b"fr", style, ctypes.byref(is_choice), ctypes.byref(length), ctypes.byref(status))
    return ctypes.string_at(pointer, 2 * length.value).decode("utf-16-le")


def currency_plural(code):
    get = icu._fn("ucurr_getPluralName")
    get.restype = ctypes.c_void_p
    get.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_byte), ctypes.c_char_p,
                    ctypes.POINTER(ctypes.c_int32), ctypes.POINTER(ctypes.c_int)]
    is_choice, length, status = ctypes.c_byte(0), ctypes.c_int32(0), ctypes.c_int(0)
    pointer = get(_utf16z(code), b"fr", ctypes.byref(is_choice), b"other", ctypes.byref(length), ctypes.byref(status))
    return ctypes.string_at(pointer, 2 * length.value).decode("utf-16-le")


def spell_out(values):
    """ICU's French spell-out of each value."""
    open_format = _i18n("unum_open")
    open_format.restype = ctypes.c_void_p
    open_format.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int32, ctypes.c_char_p, ctypes.c_void_p,
                            ctypes.POINTER(ctypes.c_int)]
    format_int = _i18n("unum_formatInt64")
    format_int.restype = ctypes.c_int32
    format_int.argtypes = [ctypes.c_void_p, ctypes.c_int64, ctypes.c_void_p, ctypes.c_int32, ctypes.c_void_p,
                           ctypes.POINTER(ctypes.c_int)]
    close = _i18n("unum_close")
    close.argtypes = [ctypes.c_void_p]
    status = ctypes.c_int(0)
    formatter = open_format(UNUM_SPELLOUT, None, 0, b"fr", None, ctypes.byref(status))
    if status.value > 0:
        raise RuntimeError(f"unum_open failed: {status.value}")
    buffer = ctypes.create_string_buffer(512)
    spelled = []
    for value in values:
        status = ctypes.c_int(0)
        length = format_int(formatter, value, buffer, 256, None, ctypes.byref(status))
        spelled.append(buffer.raw[: 2 * length].decode("utf-16-le"))
    close(formatter)
    return spelled


def currency_rows():
    rows = []
    for code in currency_codes():
        rows.append([code, code, "code"])
        symbol = currency_name(code, UCURR_SYMBOL_NAME)
        if symbol != code:
            rows.append([symbol, code, "symbol"])
        for name in (currency_name(code, UCURR_LONG_NAME), currency_plural(code)):
            # `franc CFA (BEAC)`, `bolivar vénézuélien (2008–2018)`: not how text names them.
            if name != code and "(" not in name:
                rows.append([name, code, "name"])
    extra = read_data("currencies-extra.txt")
    removed = {row[0] for row in extra if row[1] == "-"}
    overridden = {row[0] for row in extra}
    rows = [row for row in rows if row[0] not in overridden and row[0] not in removed]
    return rows + [row for row in extra if row[1] != "-"]


def number_word_rows():
    words = set()
    # 80 000 brings `quatre-vingt` without its plural s.
    for phrase in spell_out(list(range(0, 100)) + list(range(100, 1000, 100)) + [1000, 80000]):
        words.update(phrase.split(" "))
        # ICU writes the reformed `vingt-et-un`; news text mostly writes `vingt et un`.
        words.update(phrase.replace("-et-", " et ").split(" "))
    words.discard("et")  # joins number words; the recognizer treats it apart
    words.add("une")
    return [[word] for word in words]


def main():
    write_lexicon(
        "currencies.txt",
        "currency phrase TAB ISO 4217 code TAB kind (name, symbol, code, subunit) "
        "[TAB factor of a subunit] [TAB after-digits: only after a number written in digits, or "
        "country-cue: the code is a default that a country named in the sentence may change, "
        "see currency-countries.txt]",
        f"ICU {icu.version()} French currency names, symbols and codes (CLDR) plus forms of French news "
        f"{WRITTEN_BY_US} (tools/data/currencies-extra.txt)",
        "Unicode-3.0 (CLDR data); the complement is facts, same licence as Balise",
        currency_rows(),
        comments=["generated by tools/gen_money.py: do not edit by hand (edit tools/data/currencies-extra.txt)",
                  "bare `livre(s)` is left out on purpose: it is also a book"])
    write_lexicon(
        "money-number-words.txt",
        "one word of a French spelled-out number a line (the recognizer gives the phrase to ICU)",
        f"ICU {icu.version()} French spell-out (CLDR rules) of 0 to 99, the hundreds, 1000 and 80 000",
        "Unicode-3.0 (CLDR data)",
        number_word_rows(),
        comments=["generated by tools/gen_money.py: do not edit by hand"])


if __name__ == "__main__":
    main()
