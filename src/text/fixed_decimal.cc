// FixedDecimal: a short path for 0 and 1 decimals, to_chars for everything else.
#include "text/fixed_decimal.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace discreet {

std::string FixedDecimal(double x, int decimals) {
  // Non-negative, and small enough that a whole part (and, for tenths, x * 10) is exact or
  // off by under 1e-9.
  if ((decimals == 0 || decimals == 1) && !std::signbit(x) && x < (decimals == 1 ? 1e6 : 0x1p52)) {
    const double scaled = decimals == 1 ? x * 10 : x;
    const double whole = std::floor(scaled);
    const double fraction = scaled - whole;  // exact
    // A whole number plus a half is exact in binary, so for units the tie is seen as it is;
    // tenths that close to a half may have rounded across it in x * 10, so to_chars decides.
    if (decimals == 0 || std::fabs(fraction - 0.5) >= 1e-6) {
      auto n = static_cast<uint64_t>(whole);
      if (fraction > 0.5 || (fraction == 0.5 && n % 2 == 1)) ++n;
      if (decimals == 0) return std::to_string(n);
      return std::to_string(n / 10).append(1, '.').append(1, static_cast<char>('0' + n % 10));
    }
  }
  char buf[400];  // the longest fixed double is ~330 characters
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, decimals);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

}  // namespace discreet
