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
       {{"A client", "client-context"},
        {"pregnant", "health"},
        {"Another client", "client-context"},
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
      // A handle and the name it spells are one person; so are a name's accents in capitals,
      // and a name whose span stops before its possessive.
      {"Huge thanks to @marcus_t for the review!\n\nMarcus_T's shoulder is healing.",
       {{"@marcus_t", "person-name"}, {"Marcus_T's", "person-name"}},
       {0, 0}},
      {"Zoë Lefèvre 💜 came in.\n\nZOË LEFÈVRE's hip is sore. Tom too.",
       {{"Zoë Lefèvre", "person-name"}, {"ZOË LEFÈVRE's", "person-name"}, {"Tom", "person-name"}},
       {0, 0, 1}},
      {"SALLY came in.\n\nSally's calves are sore.", {{"SALLY", "person-name"}, {"Sally", "person-name"}}, {0, 0}},
      // A staff member named, then a client in a later sentence: two people.
      {"Our founder Maria Santos opened the studio. My client has 50 cats.",
       {{"Maria Santos", "person-name"}, {"My client", "client-context"}, {"50 cats", "household"}},
       {0, 1, 1}},
      // A second name in a named person's sentence is a person of its own, and the details
      // after it stay with the sentence's subject.
      {"My client Sally asked to see Jenna next time because of her migraines.",
       {{"My client", "client-context"}, {"Sally", "person-name"}, {"Jenna", "person-name"}, {"migraines", "health"}},
       {0, 0, 1, 0}},
      // A name, a comma and a role or figure: one person described twice.
      {"We loved working with Grandpa Joe, the oldest member of the Rotary Club, on his arthritis.",
       {{"Grandpa Joe", "person-name"}, {"oldest member of the Rotary Club", "public-role"}, {"arthritis", "health"}},
       {0, 0, 0}},
      // Details in a new paragraph with no reference open a subject of their own.
      {"Mary Jones came in.\n\nAn 85-year-old drives a Porsche.",
       {{"Mary Jones", "person-name"}, {"85-year-old", "age"}, {"Porsche", "vehicle"}},
       {0, 1, 1}},
  };
  for (const Case& c : cases) EXPECT_EQ(Link(c), c.subjects) << c.text;
}

}  // namespace
}  // namespace discreet

namespace discreet {
namespace {

SubjectLinks Groups(const std::string& text, const std::string& phrase, const std::string& rule) {
  Finding f;
  f.rule = rule;
  size_t at = text.find(phrase);
  EXPECT_NE(at, std::string::npos) << phrase;
  f.span = {at, at + phrase.size()};
  std::vector<Finding> findings{f};
  return LinkSubjects(findings, Tokenize(text), text);
}

TEST(SubjectsTest, GroupsAreGroupSubjects) {
  struct G {
    const char* text;
    const char* phrase;
    const char* rule;
    bool group;
  };
  const G cases[] = {
      {"Two tennis players came in today, both with sore elbows.", "came in today", "client-context", true},
      {"ALL THE RUNNERS got massages after the marathon", "the marathon", "event", true},
      {"a couple of my regulars came in today", "came in today", "client-context", true},
      {"3 nurses from the night shift booked with us", "booked with us", "client-context", true},
      {"A tennis player came in today with a sore elbow.", "came in today", "client-context", false},
      {"My client came in today.", "My client", "client-context", false},
      {"Two hours on my table and she was a new person.", "on my table", "client-context", false},
      {"Both shoulders were tight when she came in today.", "came in today", "client-context", false},
  };
  for (const G& g : cases) {
    SubjectLinks links = Groups(g.text, g.phrase, g.rule);
    ASSERT_EQ(links.count, 1) << g.text;
    EXPECT_EQ(links.group[0], g.group) << g.text;
  }
}

// Linking stays linear: a draft with many anchors does not compare each finding with all
// earlier anchors (a property of the loop, checked here by correctness on a long input).
TEST(SubjectsTest, ManyNamesEachKeepTheirSubject) {
  std::string text;
  std::vector<Finding> findings;
  for (int i = 0; i < 2000; ++i) {
    std::string name = "Name" + std::to_string(i);
    size_t at = text.size();
    text += name + " came in. ";
    Finding f;
    f.rule = "person-name";
    f.category = Category::kIdentifier;
    f.span = {at, at + name.size()};
    findings.push_back(f);
  }
  SubjectLinks links = LinkSubjects(findings, Tokenize(text), text);
  EXPECT_EQ(links.count, 2000);
  for (size_t i = 1; i < findings.size(); ++i) EXPECT_NE(findings[i].subject, findings[i - 1].subject);
}

}  // namespace
}  // namespace discreet
