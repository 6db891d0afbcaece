// FixedDecimal: printf's "%.*f" for the figures a report prints (bits to one decimal,
// counts to none) without the cost of std::to_chars's exact formatting, which is ~600
// instructions a number and a report prints several per subject.
#pragma once

#include <string>

namespace discreet {

// Exactly std::to_chars(x, std::chars_format::fixed, decimals): the exact binary value
// rounded half to even. Whole and one-decimal figures of ordinary size take a short path.
std::string FixedDecimal(double x, int decimals);

}  // namespace discreet
