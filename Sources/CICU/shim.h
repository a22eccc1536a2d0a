// Plain-named wrappers over Debian's version-renamed ICU entry points.
// Swift cannot import ICU's renaming macros, so each function used by Balise is
// re-declared here under its plain name and forwards to the versioned symbol.
#ifndef BALISE_CICU_SHIM_H
#define BALISE_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/unum.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>

static inline UBool balise_u_success(UErrorCode code) { return U_SUCCESS(code); }

#undef u_getIntPropertyValue
static inline int32_t u_getIntPropertyValue(UChar32 c, UProperty which) { return U_ICU_ENTRY_POINT_RENAME(u_getIntPropertyValue)(c, which); }

#undef ubrk_open
static inline UBreakIterator* ubrk_open(UBreakIteratorType type, const char *locale, const UChar *text, int32_t textLength, UErrorCode *status) { return U_ICU_ENTRY_POINT_RENAME(ubrk_open)(type, locale, text, textLength, status); }

#undef ubrk_clone
static inline UBreakIterator * ubrk_clone(const UBreakIterator *bi, UErrorCode *status) { return U_ICU_ENTRY_POINT_RENAME(ubrk_clone)(bi, status); }

#undef ubrk_setText
static inline void ubrk_setText(UBreakIterator* bi, const UChar* text, int32_t textLength, UErrorCode* status) { U_ICU_ENTRY_POINT_RENAME(ubrk_setText)(bi, text, textLength, status); }

#undef ubrk_first
static inline int32_t ubrk_first(UBreakIterator *bi) { return U_ICU_ENTRY_POINT_RENAME(ubrk_first)(bi); }

#undef ubrk_next
static inline int32_t ubrk_next(UBreakIterator *bi) { return U_ICU_ENTRY_POINT_RENAME(ubrk_next)(bi); }

#undef ubrk_getRuleStatus
static inline int32_t ubrk_getRuleStatus(UBreakIterator *bi) { return U_ICU_ENTRY_POINT_RENAME(ubrk_getRuleStatus)(bi); }

#undef ubrk_close
static inline void ubrk_close(UBreakIterator *bi) { U_ICU_ENTRY_POINT_RENAME(ubrk_close)(bi); }

#undef unorm2_getNFCInstance
static inline const UNormalizer2 * unorm2_getNFCInstance(UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(unorm2_getNFCInstance)(pErrorCode); }

#undef unorm2_getNFDInstance
static inline const UNormalizer2 * unorm2_getNFDInstance(UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(unorm2_getNFDInstance)(pErrorCode); }

#undef unorm2_normalize
static inline int32_t unorm2_normalize(const UNormalizer2 *norm2, const UChar *src, int32_t length, UChar *dest, int32_t capacity, UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(unorm2_normalize)(norm2, src, length, dest, capacity, pErrorCode); }

#undef unorm2_isNormalized
static inline UBool unorm2_isNormalized(const UNormalizer2 *norm2, const UChar *s, int32_t length, UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(unorm2_isNormalized)(norm2, s, length, pErrorCode); }

#undef unorm2_hasBoundaryBefore
static inline UBool unorm2_hasBoundaryBefore(const UNormalizer2 *norm2, UChar32 c) { return U_ICU_ENTRY_POINT_RENAME(unorm2_hasBoundaryBefore)(norm2, c); }

#undef unorm2_getDecomposition
static inline int32_t unorm2_getDecomposition(const UNormalizer2 *norm2, UChar32 c, UChar *decomposition, int32_t capacity, UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(unorm2_getDecomposition)(norm2, c, decomposition, capacity, pErrorCode); }

#undef u_foldCase
static inline UChar32 u_foldCase(UChar32 c, uint32_t options) { return U_ICU_ENTRY_POINT_RENAME(u_foldCase)(c, options); }

#undef u_tolower
static inline UChar32 u_tolower(UChar32 c) { return U_ICU_ENTRY_POINT_RENAME(u_tolower)(c); }

#undef u_toupper
static inline UChar32 u_toupper(UChar32 c) { return U_ICU_ENTRY_POINT_RENAME(u_toupper)(c); }

#undef u_isupper
static inline UBool u_isupper(UChar32 c) { return U_ICU_ENTRY_POINT_RENAME(u_isupper)(c); }

#undef u_islower
static inline UBool u_islower(UChar32 c) { return U_ICU_ENTRY_POINT_RENAME(u_islower)(c); }

#undef u_isalpha
static inline UBool u_isalpha(UChar32 c) { return U_ICU_ENTRY_POINT_RENAME(u_isalpha)(c); }

#undef u_isdigit
static inline UBool u_isdigit(UChar32 c) { return U_ICU_ENTRY_POINT_RENAME(u_isdigit)(c); }

#undef u_charType
static inline int8_t u_charType(UChar32 c) { return U_ICU_ENTRY_POINT_RENAME(u_charType)(c); }

#undef u_isUWhiteSpace
static inline UBool u_isUWhiteSpace(UChar32 c) { return U_ICU_ENTRY_POINT_RENAME(u_isUWhiteSpace)(c); }

#undef unum_open
static inline UNumberFormat* unum_open(UNumberFormatStyle style, const UChar* pattern, int32_t patternLength, const char* locale, UParseError* parseErr, UErrorCode* status) { return U_ICU_ENTRY_POINT_RENAME(unum_open)(style, pattern, patternLength, locale, parseErr, status); }

#undef unum_clone
static inline UNumberFormat* unum_clone(const UNumberFormat *fmt, UErrorCode *status) { return U_ICU_ENTRY_POINT_RENAME(unum_clone)(fmt, status); }

#undef unum_close
static inline void unum_close(UNumberFormat* fmt) { U_ICU_ENTRY_POINT_RENAME(unum_close)(fmt); }

#undef unum_setAttribute
static inline void unum_setAttribute(UNumberFormat* fmt, UNumberFormatAttribute attr, int32_t newValue) { U_ICU_ENTRY_POINT_RENAME(unum_setAttribute)(fmt, attr, newValue); }

#undef unum_parseInt64
static inline int64_t unum_parseInt64(const UNumberFormat* fmt, const UChar* text, int32_t textLength, int32_t *parsePos , UErrorCode *status) { return U_ICU_ENTRY_POINT_RENAME(unum_parseInt64)(fmt, text, textLength, parsePos, status); }

#undef unum_formatInt64
static inline int32_t unum_formatInt64(const UNumberFormat *fmt, int64_t number, UChar* result, int32_t resultLength, UFieldPosition *pos, UErrorCode* status) { return U_ICU_ENTRY_POINT_RENAME(unum_formatInt64)(fmt, number, result, resultLength, pos, status); }

#undef ucurr_getName
static inline const UChar* ucurr_getName(const UChar* currency, const char* locale, UCurrNameStyle nameStyle, UBool* isChoiceFormat, int32_t* len, UErrorCode* ec) { return U_ICU_ENTRY_POINT_RENAME(ucurr_getName)(currency, locale, nameStyle, isChoiceFormat, len, ec); }

#undef ucurr_getPluralName
static inline const UChar* ucurr_getPluralName(const UChar* currency, const char* locale, UBool* isChoiceFormat, const char* pluralCount, int32_t* len, UErrorCode* ec) { return U_ICU_ENTRY_POINT_RENAME(ucurr_getPluralName)(currency, locale, isChoiceFormat, pluralCount, len, ec); }

#undef ucurr_openISOCurrencies
static inline UEnumeration * ucurr_openISOCurrencies(uint32_t currType, UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(ucurr_openISOCurrencies)(currType, pErrorCode); }

#undef uenum_next
static inline const char* uenum_next(UEnumeration* en, int32_t* resultLength, UErrorCode* status) { return U_ICU_ENTRY_POINT_RENAME(uenum_next)(en, resultLength, status); }

#undef uenum_close
static inline void uenum_close(UEnumeration* en) { U_ICU_ENTRY_POINT_RENAME(uenum_close)(en); }

#undef udat_open
static inline UDateFormat* udat_open(UDateFormatStyle timeStyle, UDateFormatStyle dateStyle, const char *locale, const UChar *tzID, int32_t tzIDLength, const UChar *pattern, int32_t patternLength, UErrorCode *status) { return U_ICU_ENTRY_POINT_RENAME(udat_open)(timeStyle, dateStyle, locale, tzID, tzIDLength, pattern, patternLength, status); }

#undef udat_close
static inline void udat_close(UDateFormat* format) { U_ICU_ENTRY_POINT_RENAME(udat_close)(format); }

#undef udat_getSymbols
static inline int32_t udat_getSymbols(const UDateFormat *fmt, UDateFormatSymbolType type, int32_t symbolIndex, UChar *result, int32_t resultLength, UErrorCode *status) { return U_ICU_ENTRY_POINT_RENAME(udat_getSymbols)(fmt, type, symbolIndex, result, resultLength, status); }

#undef udat_countSymbols
static inline int32_t udat_countSymbols(const UDateFormat *fmt, UDateFormatSymbolType type) { return U_ICU_ENTRY_POINT_RENAME(udat_countSymbols)(fmt, type); }

#undef uloc_getDisplayCountry
static inline int32_t uloc_getDisplayCountry(const char* locale, const char* displayLocale, UChar* country, int32_t countryCapacity, UErrorCode* status) { return U_ICU_ENTRY_POINT_RENAME(uloc_getDisplayCountry)(locale, displayLocale, country, countryCapacity, status); }

#undef uloc_getISOCountries
static inline const char* const* uloc_getISOCountries(void) { return U_ICU_ENTRY_POINT_RENAME(uloc_getISOCountries)(); }

#undef u_strFoldCase
static inline int32_t u_strFoldCase(UChar *dest, int32_t destCapacity, const UChar *src, int32_t srcLength, uint32_t options, UErrorCode *pErrorCode) { return U_ICU_ENTRY_POINT_RENAME(u_strFoldCase)(dest, destCapacity, src, srcLength, options, pErrorCode); }

#undef u_errorName
static inline const char * u_errorName(UErrorCode code) { return U_ICU_ENTRY_POINT_RENAME(u_errorName)(code); }

#endif
