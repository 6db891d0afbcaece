// Subjects: who each finding is about. A name, a role, a handle or a client reference
// ("my client", "a client") opens a subject; the details and pronouns that follow in the
// paragraph belong to it; a new name or "another client" opens the next one.
#pragma once

#include <string>
#include <vector>

#include "finding.h"
#include "text/tokenizer.h"

namespace discreet {

struct SubjectLinks {
  int count = 0;
  std::vector<bool> named;    // per subject: has a name, figure, role or handle
  std::vector<bool> group;    // per subject: a group ("two tennis players")
};

// The key two mentions of one name share: "Sally's", "SALLY" and "@sally" give "sally".
std::string NameKey(std::string_view raw);

// Sets every finding's `subject`. `text` is what the findings' spans index.
SubjectLinks LinkSubjects(std::vector<Finding>& findings, const std::vector<Token>& tokens, std::string_view text);

}  // namespace discreet
