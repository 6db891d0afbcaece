// SHA-256 (FIPS 180-4), for baseline fingerprints: a salted digest that cannot be turned
// back into the draft text it was made from.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace discreet {

std::array<uint8_t, 32> Sha256(std::string_view data);
std::string Sha256Hex(std::string_view data);

}  // namespace discreet
