// id-number: US social security numbers, and long alphanumeric ids introduced by a word
// that says what they are ("ID", "member", "policy", "MRN", "account", ...).
#include <re2/re2.h>

#include <algorithm>

#include "detect/pattern_scan.h"
#include "detect/registry.h"

namespace discreet {
namespace {

constexpr double kOnePerson = 1.0 / 330'000'000;

// SSA never issues area 000, 666 or 900-999, group 00 or serial 0000.
bool PlausibleSsn(std::string_view m) {
  std::string digits;
  for (char c : m)
    if (IsAsciiDigit(c)) digits += c;
  if (digits.size() != 9) return false;
  std::string_view area = std::string_view(digits).substr(0, 3);
  return area != "000" && area != "666" && area[0] != '9' && digits.substr(3, 2) != "00" && digits.substr(5) != "0000";
}

Finding MakeFinding(std::string_view source, Span span, std::string message) {
  Finding f;
  f.rule = "id-number";
  f.source = std::string(source);
  f.category = Category::kIdentifier;
  f.severity = Severity::kError;
  f.message = std::move(message);
  f.span = span;
  f.frequency = kOnePerson;
  f.direct = true;
  f.suggestions = {"remove"};
  return f;
}

class IdNumberDetector : public Detector {
 public:
  IdNumberDetector()
      : ssn_(R"(\b(\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4})\b)"),
        ssn_keyword_(
            R"((?i)\b(?:ssn|social security(?: number| no\.?)?|soc\.? sec\.?)\s*(?:#|:|is|number|no\.?)?\s*(\d{9})\b)"),
        keyed_id_(
            R"((?i)\b(?:id|i\.d\.|mrn|medical record(?: number| no\.?)?|member|membership|policy|patient|chart|account|acct|claim|case|subscriber|insurance)\s*(?:id|number|num|no\.?|#)?\s*(?:#|:|is)?\s*([A-Z0-9][A-Z0-9-]{4,19})\b)"),
        // Where the keyword patterns can begin (see WordStarts); id_number_test tries each.
        ssn_keyword_openings_({"ssn", "soc"}),
        keyed_id_openings_({"id", "i.d.", "mrn", "medical", "member", "policy", "patient", "chart", "account", "acct",
                            "claim", "case", "subscriber", "insurance"}) {}

  std::string_view id() const override { return "builtin/id-number"; }

  void Detect(const ScanInput& in, std::vector<Finding>& out) const override {
    // Every ID finding needs at least four digits, and none can begin after the last.
    const DigitCensus& digits = Digits(in);
    if (digits.count < 4) return;
    const std::span<const uint32_t> starts = WordStartsUpTo(in, digits.last);
    std::vector<Span> found;
    auto add = [&](Span span, std::string message) {
      for (Span s : found)
        if (s.Overlaps(span)) return;
      found.push_back(span);
      out.push_back(MakeFinding(id(), span, std::move(message)));
    };
    // An SSN is nine digits joined by '-' or ' ': only runs of those can hold one.
    for (Span run : DigitRuns(in.text, " -", 9))
      ForEachMatchIn(ssn_, in.text, run, [&](Span span) {
        char before = ByteBefore(in.text, span), after = ByteAfter(in.text, span);
        if (before == '-' || before == '$' || after == '-') return;
        if (PlausibleSsn(in.text.substr(span.start, span.size())))
          add(span, "This looks like a Social Security number. Never publish one.");
      });
    if (digits.count >= 9)
      ForEachMatchAt(ssn_keyword_, in.text, starts, ssn_keyword_openings_, [&](Span span) {
        if (PlausibleSsn(in.text.substr(span.start, span.size())))
          add(span, "This looks like a Social Security number. Never publish one.");
      });
    ForEachMatchAt(keyed_id_, in.text, starts, keyed_id_openings_, [&](Span span) {
      std::string_view m = in.text.substr(span.start, span.size());
      int digits = static_cast<int>(std::count_if(m.begin(), m.end(), [](char c) { return IsAsciiDigit(c); }));
      if (digits < 4 || m.back() == '-') return;
      add(span, "An ID, record or policy number points to one person's records. Leave it out.");
    });
  }

 private:
  RE2 ssn_;
  RE2 ssn_keyword_;
  RE2 keyed_id_;
  Openings ssn_keyword_openings_;
  Openings keyed_id_openings_;
};

}  // namespace

std::unique_ptr<Detector> MakeIdNumberDetector(const LexiconSet&) { return std::make_unique<IdNumberDetector>(); }

}  // namespace discreet
