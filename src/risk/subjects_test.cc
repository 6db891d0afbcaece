// Tests of subject linking: which person each finding is about.
#include "risk/subjects.h"

#include <gtest/gtest.h>

namespace discreet {
namespace {

struct Case {
  std::string text;
  std::vector<std::pair<std::string, std::string>> findings;  // phrase, rule
  std::vector<int> subjects;                                   // expected subject per finding (in order given)
};

std::vector<int> Link(const Case& c) {
  std::vector<Finding> findings;
  for (const auto& [phrase, rule] : c.findings) {
    Finding f;
    f.rule = rule;
    size_t at = c.text.find(phrase);
    EXPECT_NE(at, std::string::npos) << phrase;
    f.span = {at, at + phrase.size()};
    findings.push_back(f);
  }
  LinkSubjects(findings, Tokenize(c.text), c.text);
  std::vector<int> out;
  for (const Finding& f : findings) out.push_back(f.subject);
  return out;
}

TEST(SubjectsTest, Table) {
  const Case cases[] = {
      // One person: name, then details and pronouns.
      {"I massaged Mary Jones from down the street and her back is a mess!",
       {{"I massaged", "client-context"}, {"Mary Jones", "person-name"}, {"down the street", "place"}},
       {0, 0, 0}},
      // A client reference before the name is the same person.
      {"My client Sally is three months pregnant!!",
       {{"My client", "client-context"}, {"Sally", "person-name"}, {"pregnant", "health"}},
       {0, 0, 0}},
      // Details in the next sentence follow the person being described.
      {"Today's client owns the yellow food truck. She carries her stress in her jaw.",
       {{"Today's client", "client-context"}, {"yellow food truck", "public-role"}, {"jaw", "health"}},
       {0, 0, 0}},
      // A new name starts a new subject.
      {"Mary came in with a sore back. Later Tom came in with a sprained wrist.",
       {{"Mary", "person-name"}, {"sore back", "health"}, {"Tom", "person-name"}, {"sprained wrist", "health"}},
       {0, 0, 1, 1}},
      // "another client" starts a new subject.
      {"A client told me she is pregnant. Another client is going through a divorce.",
       {{"A client", "client-context"}, {"pregnant", "health"}, {"Another client", "client-context"},
        {"divorce", "personal-life"}},
       {0, 0, 1, 1}},
      // A name inside a role belongs to the role's subject.
      {"Massaged Beyoncé's manager before the show.",
       {{"Massaged", "client-context"}, {"Beyoncé's manager", "public-role"}, {"Beyoncé", "public-figure"}},
       {0, 0, 0}},
      // The same name again is the same subject, even paragraphs later.
      {"Sally ran a marathon.\n\nSally's calves are sore.",
       {{"Sally", "person-name"}, {"marathon", "event"}, {"Sally's", "person-name"}},
       {0, 0, 0}},
      // A staff member named, then a client in a later sentence: two people.
      {"Our founder Maria Santos opened the studio. My client has 50 cats.",
       {{"Maria Santos", "person-name"}, {"My client", "client-context"}, {"50 cats", "household"}},
       {0, 1, 1}},
      // Details in a new paragraph with no reference open a subject of their own.
      {"Mary Jones came in.\n\nAn 85-year-old drives a Porsche.",
       {{"Mary Jones", "person-name"}, {"85-year-old", "age"}, {"Porsche", "vehicle"}},
       {0, 1, 1}},
  };
  for (const Case& c : cases) EXPECT_EQ(Link(c), c.subjects) << c.text;
}

}  // namespace
}  // namespace discreet
