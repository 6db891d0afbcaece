// contact-info: phone numbers (US/CA with or without +1, UK, international +NN), email
// addresses, URLs and @handles. Phones are RE2 patterns checked for digit counts and
// their neighbours; emails, URLs and handles come whole from the tokenizer.
#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "detect/pattern_scan.h"
#include "detect/registry.h"

namespace discreet {
namespace {

// One person in the US population: what a direct contact detail narrows a search to.
constexpr double kOnePerson = 1.0 / 330'000'000;

struct PhoneShape {
  const char* pattern;
  int min_digits;
  int max_digits;
  bool needs_cue;  // a bare 555-0100 is a phone only after "call", "text", ...
};

constexpr std::array<PhoneShape, 4> kPhoneShapes = {{
    // NANP: (503) 555-0147, 503.555.0147, +1 503 555 0147, 1-800-555-0199
    {R"((?:\+?1[ .-]?)?(?:\([2-9]\d{2}\)|[2-9]\d{2})[ .-]?[2-9]\d{2}[ .-]?\d{4})", 10, 11, false},
    // UK: 07700 900123, 020 7946 0958, +44 7700 900123, +44 (0)20 7946 0958
    {R"((?:\+44[ ]?(?:\(0\)[ ]?)?[1-9]|0[1-9])\d{1,3}[ -]?\d{3,4}[ -]?\d{3,4})", 10, 12, false},
    // International: +33 1 42 68 53 00, +49 30 901820, +61 2 9374 4000
    {R"(\+[2-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6})", 8, 15, false},
    // Local seven digits: call 555-0100
    {R"([2-9]\d{2}[ .-]\d{4})", 7, 7, true},
}};

constexpr std::string_view kPhoneCues[] = {"call", "text", "phone", "tel", "cell", "mobile", "ring",
                                           "reach", "number", "whatsapp", "sms", "at", "fax"};

// Words around a phone number that make it the studio's own booking line: "call us at",
// "text 555-0100 to book". A person word before it ("her number", "my client's cell")
// makes it someone's own again.
constexpr std::string_view kBookingBefore[] = {"call us",    "text us",    "reach us",     "call or text", "our number",
                                               "our phone",  "our line",   "booking line", "book at",      "book by",
                                               "front desk", "the studio", "the clinic",   "the office"};
constexpr std::string_view kBookingAfter[] = {
    "to book", "to schedule", "to reserve", "for appointments", "for bookings", "to make an appointment", "to set up"};
constexpr std::string_view kPersonBefore[] = {"her", "his",  "their", "client", "clients", "him",      "she",
                                              "he",  "they", "mom's", "dad's",  "wife's",  "husband's"};

// Local parts that name a role rather than a person: the studio's own inbox.
// clang-format off
constexpr std::string_view kRoleMailboxes[] = {
    "hello", "info", "contact", "bookings", "booking", "book", "admin", "office", "support", "team",
    "appointments", "frontdesk", "reception", "studio", "mail", "sales", "enquiries", "inquiries",
    "help", "billing", "hi", "noreply", "no-reply", "clinic", "spa", "care", "schedule", "scheduling",
    "jobs", "careers", "hiring", "hr", "events", "gifts", "giftcards", "orders", "press", "media",
    "marketing", "members", "membership", "feedback", "accounts"};
// clang-format on

// Paths of social profiles: a URL to a person, not to a business's site.
constexpr std::string_view kProfileHosts[] = {"facebook.com/", "fb.com/", "instagram.com/", "tiktok.com/@",
                                              "twitter.com/", "x.com/", "linkedin.com/in/", "threads.net/@",
                                              "youtube.com/@", "linktr.ee/", "venmo.com/", "cash.app/$"};

int CountDigits(std::string_view s) {
  return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) { return IsAsciiDigit(c); }));
}

bool HasCueBefore(std::string_view text, Span span) {
  std::string before = LowerWindowBefore(text, span, 24);
  for (std::string_view cue : kPhoneCues) {
    size_t at = before.rfind(cue);
    if (at == std::string::npos) continue;
    bool word_start = at == 0 || !IsAsciiAlnum(before[at - 1]);
    bool word_end = at + cue.size() >= before.size() || !IsAsciiAlnum(before[at + cue.size()]);
    if (word_start && word_end) return true;
  }
  return before.find(':') != std::string::npos && before.size() - before.rfind(':') <= 3;
}

// "Call us at (503) 555-0147", "Text 555-0100 to book": the business's number.
bool IsBookingLine(std::string_view text, Span span) {
  const std::string before = LowerWindowBefore(text, span, 32);
  for (std::string_view w : kPersonBefore)
    if (ContainsWord(before, w)) return false;
  for (std::string_view cue : kBookingBefore)
    if (ContainsWord(before, cue)) return true;
  const std::string after = LowerWindowAfter(text, span, 32);
  for (std::string_view cue : kBookingAfter)
    if (ContainsWord(after, cue)) return true;
  return false;
}

Finding MakeFinding(std::string_view source, Span span, Severity severity, std::string message,
                    std::vector<std::string> suggestions) {
  Finding f;
  f.rule = "contact-info";
  f.source = std::string(source);
  f.category = Category::kIdentifier;
  f.severity = severity;
  f.message = std::move(message);
  f.span = span;
  f.frequency = kOnePerson;
  f.direct = true;
  f.suggestions = std::move(suggestions);
  return f;
}

class ContactInfoDetector : public Detector {
 public:
  ContactInfoDetector() {
    for (const PhoneShape& shape : kPhoneShapes) phone_res_.push_back(std::make_unique<RE2>(shape.pattern));
  }

  std::string_view id() const override { return "builtin/contact-info"; }

  void Detect(const ScanInput& in, std::vector<Finding>& out) const override {
    DetectPhones(in, out);
    for (const Token& t : in.tokens) {
      std::string_view raw = in.text.substr(t.span.start, t.span.size());
      switch (t.shape) {
        case Shape::kEmail: {
          std::string local = t.key.substr(0, t.key.find('@'));
          bool role = std::find(std::begin(kRoleMailboxes), std::end(kRoleMailboxes), local) != std::end(kRoleMailboxes);
          out.push_back(role ? MakeFinding(id(), t.span, Severity::kInfo,
                                           "An email address. A shared inbox like this one is fine to publish; "
                                           "a client's own address never is.",
                                           {})
                             : MakeFinding(id(), t.span, Severity::kError,
                                           "An email address points straight at one person. Leave it out.",
                                           {"remove"}));
          break;
        }
        case Shape::kUrl: {
          bool profile = std::any_of(std::begin(kProfileHosts), std::end(kProfileHosts),
                                     [&](std::string_view host) { return t.key.find(host) != std::string::npos; });
          out.push_back(profile ? MakeFinding(id(), t.span, Severity::kError,
                                              "A link to someone's social profile identifies them. Leave it out.",
                                              {"remove"})
                                : MakeFinding(id(), t.span, Severity::kWarning,
                                              "A link can lead to a person. Keep links to your own pages only.",
                                              {"remove"}));
          break;
        }
        case Shape::kHandle:
          if (raw.size() > 2)
            out.push_back(MakeFinding(id(), t.span, Severity::kError,
                                      "A social media handle names a person as surely as their name does.",
                                      {"a client", "remove"}));
          break;
        default:
          break;
      }
    }
  }

 private:
  void DetectPhones(const ScanInput& in, std::vector<Finding>& out) const {
    // Every phone shape is made of digits, spaces and ".-()+", and needs seven digits.
    static constexpr int kFewestDigits = [] {
      int fewest = kPhoneShapes[0].min_digits;
      for (const PhoneShape& shape : kPhoneShapes) fewest = std::min(fewest, shape.min_digits);
      return fewest;
    }();
    const std::vector<Span> runs = DigitRuns(in.text, " .-()+", kFewestDigits);
    if (runs.empty()) return;
    // A match lies inside its run, so it can overlap only what was found in the same run:
    // asking every phone found so far made a draft full of numbers quadratic.
    std::vector<std::vector<Span>> found_in_run(runs.size());
    for (size_t i = 0; i < kPhoneShapes.size(); ++i) {
      const PhoneShape& shape = kPhoneShapes[i];
      for (size_t r = 0; r < runs.size(); ++r)
        ForEachMatchIn(*phone_res_[i], in.text, runs[r], [&](Span span) {
          std::string_view m = in.text.substr(span.start, span.size());
          int digits = CountDigits(m);
          if (digits < shape.min_digits || digits > shape.max_digits) return;
          char before = ByteBefore(in.text, span), after = ByteAfter(in.text, span);
          if (IsAsciiAlnum(before) || before == '$' || before == '/' || before == '.' || before == '-' || before == '+')
            return;
          if (IsAsciiAlnum(after) || after == '/' ||
              ((after == '-' || after == '.' || after == ',') &&
               IsAsciiDigit(ByteAfter(in.text, {span.start, span.end + 1}))))
            return;
          if (shape.needs_cue && !HasCueBefore(in.text, span)) return;
          for (Span s : found_in_run[r])
            if (s.Overlaps(span)) return;
          found_in_run[r].push_back(span);
        });
    }
    for (const std::vector<Span>& found : found_in_run)
      for (Span span : found)
        out.push_back(IsBookingLine(in.text, span)
                          ? MakeFinding(id(), span, Severity::kInfo,
                                        "A phone number. A booking line like this one is fine to publish; a "
                                        "client's own number never is.",
                                        {})
                          : MakeFinding(id(), span, Severity::kError,
                                        "A phone number identifies whoever answers it. Leave it out, or give the "
                                        "studio's booking line.",
                                        {"remove"}));
  }

  std::vector<std::unique_ptr<RE2>> phone_res_;
};

}  // namespace

std::unique_ptr<Detector> MakeContactInfoDetector(const LexiconSet&) { return std::make_unique<ContactInfoDetector>(); }

}  // namespace discreet
