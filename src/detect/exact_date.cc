// exact-date: a full date (day and month) tied to a person — a date of birth ("born",
// "DOB", "birthday") or a dated visit ("came in on", "appointment on", "saw her on").
// A date with neither cue ("closed Dec 24-26") is a notice, not an identifier.
#include <re2/re2.h>

#include <array>

#include "detect/pattern_scan.h"
#include "detect/registry.h"

namespace discreet {
namespace {

// A date of birth is one day in about 80 years of them.
constexpr double kBirthDateFrequency = 1.0 / (365.25 * 80);
// A dated visit: one day of a year's appointments.
constexpr double kVisitDateFrequency = 1.0 / 365.25;

constexpr const char* kMonth =
    R"((?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)";

std::string DatePattern() {
  std::string m = kMonth;
  return std::string(R"((?i)\b(?:)") +
         // 03/14/1961, 3-14-61, 14.03.1961
         R"((?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|[12]\d|3[01])[/.-](?:19|20)?\d{2})" +
         // 1961-03-14
         R"(|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))" +
         // March 14, 1961 / Mar 14th / March 14
         "|" + m + R"(\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{2})?)" +
         // 14 March 1961 / 14th of March
         R"(|(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?)" + m + R"((?:,?\s+(?:19|20)\d{2})?)" +
         R"()\b)";
}

constexpr std::array<std::string_view, 9> kBirthCues = {"born", "dob", "d.o.b", "date of birth", "birthday",
                                                        "birth date", "birthdate", "b.", "bday"};
constexpr std::array<std::string_view, 14> kVisitCues = {
    "came in", "come in", "visit", "appointment", "appt", "session", "saw her", "saw him", "saw them",
    "treated", "massaged", "seen on", "admitted", "discharged"};

class ExactDateDetector : public Detector {
 public:
  ExactDateDetector()
      : date_(DatePattern()),
        // "came in on 3/14": a month/day without a year, only right after "on", so that
        // "1/2 price" and "24/7" stay out.
        short_date_(R"((?i)\bon\s+((?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))\b)"),
        // Where each can begin (see WordStarts); exact_date_test tries every month.
        date_openings_({"#", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}),
        short_date_openings_({"on"}) {}



  std::string_view id() const override { return "builtin/exact-date"; }

  void Detect(const ScanInput& in, std::vector<Finding>& out) const override {
    // Every date holds a digit, so none can begin after the last one.
    const DigitCensus& digits = Digits(in);
    if (digits.count == 0) return;
    const std::span<const uint32_t> starts = WordStartsUpTo(in, digits.last);
    const auto on_date = [&](Span span) {
      char before = ByteBefore(in.text, span), after = ByteAfter(in.text, span);
      if (before == '/' || before == '-' || before == '.' || after == '/' ||
          (after == '-' && IsAsciiDigit(ByteAfter(in.text, {span.start, span.end + 1}))))
        return;
      std::string window = LowerWindowBefore(in.text, span, 40);
      Finding f;
      f.rule = "exact-date";
      f.source = std::string(id());
      f.category = Category::kIdentifier;
      f.span = span;
      f.suggestions = {"recently", "remove"};
      bool birth = false;
      for (std::string_view cue : kBirthCues) birth = birth || ContainsWord(window, cue);
      if (birth) {
        f.severity = Severity::kError;
        f.message = "A date of birth is one of the details the law lists as identifying. Leave it out.";
        f.frequency = kBirthDateFrequency;
        f.suggestions = {"remove"};
      } else {
        bool visit = false;
        for (std::string_view cue : kVisitCues) visit = visit || ContainsWord(window, cue);
        if (!visit) {
          const std::string after = LowerWindowAfter(in.text, span, 30);
          visit = ContainsWord(after, "session") || ContainsWord(after, "appointment");
        }
        if (!visit) return;
        f.severity = Severity::kWarning;
        f.message = "The exact date of a visit tells anyone who saw them come in who this is. Say \"recently\".";
        f.frequency = kVisitDateFrequency;
      }
      out.push_back(std::move(f));
    };
    ForEachMatchAt(date_, in.text, starts, date_openings_, on_date);
    if (digits.count >= 2) ForEachMatchAt(short_date_, in.text, starts, short_date_openings_, on_date);
  }

 private:
  RE2 date_;
  RE2 short_date_;
  Openings date_openings_;
  Openings short_date_openings_;
};

}  // namespace

std::unique_ptr<Detector> MakeExactDateDetector(const LexiconSet&) { return std::make_unique<ExactDateDetector>(); }

}  // namespace discreet
