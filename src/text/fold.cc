// Folding with ICU Normalizer2. Normalizer2 instances are process-wide singletons that
// ICU builds once from data; the compound Transliterator is avoided because building it
// costs tens of milliseconds at start-up.
#include "text/fold.h"

#include "text/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>


namespace discreet {
namespace {

void FoldSlow(std::string_view utf8, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  status = U_ZERO_ERROR;
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = nfkc_cf->normalize(src, status);
  icu::UnicodeString decomposed = nfd->normalize(folded, status);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07) c = '\'';
    stripped.append(c);
  }
  icu::UnicodeString composed = nfc->normalize(stripped, status);
  if (U_FAILURE(status)) {
    out.assign(utf8);
    return;
  }
  composed.toUTF8String(out);
}

}  // namespace

void FoldInto(std::string_view utf8, std::string& out) {
  out.clear();
  if (IsAscii(utf8)) {
    out.resize(utf8.size());
    for (size_t i = 0; i < utf8.size(); ++i) {
      char c = utf8[i];
      out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    return;
  }
  FoldSlow(utf8, out);
}

std::string Fold(std::string_view utf8) {
  std::string out;
  FoldInto(utf8, out);
  return out;
}

}  // namespace discreet
