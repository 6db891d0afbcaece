#include "report/json_writer.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>

#include "testing/xorshift.h"
#include "text/utf8.h"

namespace discreet {
namespace {

using ojson = nlohmann::ordered_json;

std::string Nlohmann(const ojson& j, int indent) { return j.dump(indent, ' ', false, ojson::error_handler_t::replace); }

// Writes `j` through JsonWriter, so every output can be compared with nlohmann's dump.
void Write(JsonWriter& w, const ojson& j) {
  switch (j.type()) {
    case ojson::value_t::object:
      w.BeginObject();
      for (const auto& [k, v] : j.items()) {
        w.Key(k);
        Write(w, v);
      }
      w.EndObject();
      break;
    case ojson::value_t::array:
      w.BeginArray();
      for (const auto& v : j) Write(w, v);
      w.EndArray();
      break;
    case ojson::value_t::string: w.String(j.get_ref<const std::string&>()); break;
    case ojson::value_t::boolean: w.Bool(j.get<bool>()); break;
    case ojson::value_t::number_integer: w.Int(j.get<int64_t>()); break;
    case ojson::value_t::number_unsigned: w.Uint(j.get<uint64_t>()); break;
    case ojson::value_t::number_float: w.Number(j.get<double>()); break;
    default: w.Null();
  }
}

void ExpectSameAsNlohmann(const ojson& j) {
  for (int indent : {-1, 2}) {
    JsonWriter w(indent);
    Write(w, j);
    EXPECT_EQ(w.str(), Nlohmann(j, indent)) << "indent " << indent;
  }
}

TEST(JsonWriter, NumbersAsNlohmannWritesThem) {
  std::vector<double> values = {0.5, 1, -1, 2e6, 1e15, 1e16, 1.5e16, 123456789012345678.0, 0.0001, 0.00001, 1.2345e-7,
                                3.3e-9, 330000000, 0.1 + 0.2, 1.0 / 3, 2.2e-6, 4.7, 15.0, 99.99, 1e300, 5e-324, -0.0,
                                0.0, 1e-4, 9.999e-5, 123.456, 1e21, 1e22};
  uint64_t x = 12345;
  for (int i = 0; i < 2000; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    values.push_back(static_cast<double>(x % 100000) / 1000.0);  // report-like figures
  }
  for (double v : values) {
    JsonWriter w;
    w.Number(v);
    EXPECT_EQ(w.str(), Nlohmann(ojson(v), -1)) << v;
  }
}

// Integers are written in place: the extremes and every digit count.
TEST(JsonWriter, IntegersAtEveryWidth) {
  std::vector<int64_t> ints = {0, -1, 1, INT64_MIN, INT64_MAX};
  std::vector<uint64_t> uints = {0, 1, UINT64_MAX};
  for (uint64_t p = 1; p <= 1000000000000000000ULL; p *= 10) {
    uints.insert(uints.end(), {p - 1, p, p + 1});
    ints.insert(ints.end(), {static_cast<int64_t>(p) - 1, -static_cast<int64_t>(p)});
  }
  for (int64_t v : ints) {
    JsonWriter w;
    w.BeginArray().Int(v).Int(v).EndArray();
    EXPECT_EQ(w.str(), Nlohmann(ojson::array({v, v}), -1)) << v;
  }
  for (uint64_t v : uints) {
    JsonWriter w;
    w.BeginArray().Uint(v).Uint(v).EndArray();
    EXPECT_EQ(w.str(), Nlohmann(ojson::array({v, v}), -1)) << v;
  }
}

// Doubles in plain notation's range, report-like (a few digits at every scale) and
// arbitrary: the digits are std::to_chars's shortest, in plain notation, and read back.
TEST(JsonWriter, PlainNumbersHaveTheShortestDigits) {
  testing::XorShift next(0x5851F42D4C957F2DULL);
  for (int i = 0; i < 200000; ++i) {
    double v;
    if (i % 2 == 0) {
      static constexpr double kScales[] = {1e-4, 1e-3, 0.01, 0.1, 1, 10, 1e3, 1e6, 1e9, 1e12};
      v = static_cast<double>(next() % 100000) * kScales[next() % std::size(kScales)] / 1000.0;
    } else {
      const uint64_t bits = next();
      std::memcpy(&v, &bits, sizeof v);
    }
    if (!std::isfinite(v) || std::fabs(v) < 1e-4 || std::fabs(v) >= 1e15) continue;
    JsonWriter w;
    w.Number(v);
    const std::string out(w.str());
    ASSERT_EQ(out.find('e'), std::string::npos) << out;
    ASSERT_EQ(ojson::parse(out).get<double>(), v) << out;
    char shortest[40];
    auto [end, ec] = std::to_chars(shortest, shortest + sizeof shortest, v, std::chars_format::scientific);
    const std::string_view sci(shortest, static_cast<size_t>(end - shortest));
    auto significant = [](std::string_view digits) {
      std::string d;
      for (char c : digits)
        if (c >= '0' && c <= '9') d += c;
      d.erase(0, std::min(d.find_first_not_of('0'), d.size()));
      while (!d.empty() && d.back() == '0') d.pop_back();
      return d;
    };
    ASSERT_EQ(significant(out), significant(sci.substr(0, sci.find('e')))) << out << " vs " << sci;
  }
}

// Any finite double round-trips, never longer than nlohmann writes it (its Grisu2 digits
// are sometimes one longer than the shortest).
TEST(JsonWriter, EveryDoubleRoundTrips) {
  uint64_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    double d;
    std::memcpy(&d, &x, sizeof d);
    if (!std::isfinite(d)) continue;
    JsonWriter w;
    w.Number(d);
    ASSERT_EQ(ojson::parse(w.str()).get<double>(), d) << w.str();
    ASSERT_LE(w.str().size(), Nlohmann(ojson(d), -1).size()) << w.str();
  }
}

TEST(JsonWriter, NonFiniteNumbersAreNull) {
  JsonWriter w;
  w.BeginArray().Number(std::numeric_limits<double>::infinity()).Number(std::nan("")).EndArray();
  EXPECT_EQ(w.str(), "[null,null]");
}

TEST(JsonWriter, StringsEscapedAsNlohmannEscapesThem) {
  std::string all_bytes;
  for (int c = 1; c < 128; ++c) all_bytes += static_cast<char>(c);
  for (std::string s : {std::string("plain"), std::string("quote \" backslash \\ slash /"), all_bytes,
                        std::string("Zoë Lefèvre 🙌 Nguyễn"), std::string("tab\tnew\nline\r\x01\x1f"), std::string()}) {
    JsonWriter w;
    w.String(s);
    EXPECT_EQ(w.str(), Nlohmann(ojson(s), -1)) << s;
  }
}

// Plain strings are told and copied in eight-byte words, the last overlapping: every
// length, and one byte that needs escaping (or is past ASCII) at every position.
TEST(JsonWriter, PlainStringsOfEveryLength) {
  for (size_t n = 0; n <= 40; ++n) {
    std::string plain;
    for (size_t i = 0; i < n; ++i) plain += static_cast<char>('a' + i % 26);
    JsonWriter w;
    w.String(plain);
    EXPECT_EQ(w.str(), '"' + plain + '"') << n;
    for (size_t at = 0; at < n; ++at)
      for (char odd : {'"', '\\', '\n', '\xC3'}) {
        std::string s = plain;
        s[at] = odd;
        JsonWriter v;
        v.String(s);
        EXPECT_EQ(v.str(), Nlohmann(ojson(RepairUtf8(s)), -1)) << n << " " << at;
      }
  }
}

// Random strings of text past ASCII, escapes and plain runs at every alignment, some with
// invalid UTF-8 after a valid stretch: escaped as nlohmann escapes the repaired string.
TEST(JsonWriter, RandomStringsEscapedAsNlohmannEscapesThem) {
  const std::string_view pieces[] = {"a",    "plain words ", "é", "🙌", "\u201c", "\"",   "\\",   "\n",   "\t",
                                     "\x01", "\x1f",         " ", "/", "\x7f",   "\xFF", "\xC3", "\x80", "Nguyễn"};
  testing::XorShift next(0xD1B54A32D192ED03ULL);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int n = static_cast<int>(next() % 24);
    for (int i = 0; i < n; ++i) s += pieces[next() % std::size(pieces)];
    JsonWriter w;
    w.String(s);
    ASSERT_EQ(w.str(), Nlohmann(ojson(RepairUtf8(s)), -1)) << s;
  }
}

TEST(JsonWriter, InvalidUtf8BecomesReplacementCharacters) {
  JsonWriter w;
  w.String("a\xC3(b\xFF");
  EXPECT_EQ(w.str(), "\"a\xEF\xBF\xBD(b\xEF\xBF\xBD\"");
  EXPECT_TRUE(ojson::accept(w.str()));
}

TEST(JsonWriter, NestingCompactAndIndented) {
  ojson j = ojson::parse(R"({"schema":"x","empty_object":{},"empty_array":[],"files":[{"path":"a.md","n":[1,2,3],
      "risk":{"k":1.5,"scope":{"population":2000000.0,"name":"Tucson"}},"ok":true,"none":null,"neg":-4}],"last":[[],[{}]]})");
  ExpectSameAsNlohmann(j);
}

}  // namespace
}  // namespace discreet
