// The pairing token: 32 random bytes, hex-encoded, that a browser extension or editor
// plugin presents as `Authorization: Bearer <token>` to `discreet serve`. Generated on
// first use, stored 0600 in $XDG_CONFIG_HOME/discreet/token (default
// ~/.config/discreet/token) inside a 0700 folder, written atomically.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace discreet::server {

// $XDG_CONFIG_HOME/discreet/token, or $HOME/.config/discreet/token. Throws ConfigError
// when neither variable gives an absolute path.
std::filesystem::path TokenPath();

// Reads the token at `path`, creating it (and its folder) when missing, or replacing it
// when `rotate`. Throws ConfigError when the file is not a regular file owned by the
// user with mode 0600, or does not hold 64 hex digits.
std::string LoadOrCreateToken(const std::filesystem::path& path, bool rotate = false);

// 32 bytes from /dev/urandom as 64 lowercase hex digits. Throws ConfigError on failure.
std::string NewToken();

// Equality that takes the same time wherever the strings first differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace discreet::server
