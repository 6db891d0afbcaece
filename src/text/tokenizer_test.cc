// Tokenizer: spans, shapes, folded keys, possessives, hashtags, whole handles/emails/URLs,
// and sentence and paragraph numbering. Detectors and the phrase index read only these.
#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include "testing/xorshift.h"

#include <set>
#include <string>
#include <vector>

namespace discreet {
namespace {

std::string Slice(std::string_view text, Span s) { return std::string(text.substr(s.start, s.size())); }

// The token whose text is exactly `surface` (the first one), or nullptr.
const Token* Find(const std::vector<Token>& tokens, std::string_view text, std::string_view surface) {
  for (const Token& t : tokens)
    if (text.substr(t.span.start, t.span.size()) == surface) return &t;
  return nullptr;
}

struct ShapeCase {
  const char* text;     // a sentence containing `surface`
  const char* surface;  // the token's exact text
  Shape shape;
  const char* key;
};

class TokenShape : public ::testing::TestWithParam<ShapeCase> {};

TEST_P(TokenShape, ShapeAndKey) {
  const ShapeCase& c = GetParam();
  std::vector<Token> tokens = Tokenize(c.text);
  const Token* t = Find(tokens, c.text, c.surface);
  ASSERT_NE(t, nullptr) << "no token '" << c.surface << "' in: " << c.text;
  EXPECT_EQ(ShapeName(t->shape), ShapeName(c.shape)) << c.surface;
  EXPECT_EQ(t->key, c.key) << c.surface;
}

INSTANTIATE_TEST_SUITE_P(
    EveryShape, TokenShape,
    ::testing::Values(
        ShapeCase{"a deep massage", "massage", Shape::kLower, "massage"},
        ShapeCase{"my client Sally came in", "Sally", Shape::kCapitalized, "sally"},
        ShapeCase{"I ate", "I", Shape::kCapitalized, "i"},
        ShapeCase{"Zo\xC3\xAB Lef\xC3\xA8vre", "Zo\xC3\xAB", Shape::kCapitalized, "zoe"},
        ShapeCase{"\xC3\x89lodie called", "\xC3\x89lodie", Shape::kCapitalized, "elodie"},
        ShapeCase{"we are CLOSED today", "CLOSED", Shape::kAllCaps, "closed"},
        ShapeCase{"MY CLIENT SALLY", "SALLY", Shape::kAllCaps, "sally"},
        ShapeCase{"lunch at McDonald today", "McDonald", Shape::kMixed, "mcdonald"},
        ShapeCase{"her new iPhone", "iPhone", Shape::kMixed, "iphone"},
        ShapeCase{"in her 30s now", "30s", Shape::kMixed, "30s"},
        ShapeCase{"she is 85 today", "85", Shape::kNumber, "85"},
        ShapeCase{"about 3.5 hours", "3.5", Shape::kNumber, "3.5"},
        ShapeCase{"over 1,000 clients", "1,000", Shape::kNumber, "1,000"},
        ShapeCase{"Hi, there", ",", Shape::kPunct, ","},
        ShapeCase{"really!", "!", Shape::kPunct, "!"},
        ShapeCase{"mid-week", "-", Shape::kPunct, "-"},
        ShapeCase{"great \xF0\x9F\x98\x80 day", "\xF0\x9F\x98\x80", Shape::kEmoji, "\xF0\x9F\x98\x80"},
        ShapeCase{"thanks \xF0\x9F\x99\x8C", "\xF0\x9F\x99\x8C", Shape::kEmoji, "\xF0\x9F\x99\x8C"},
        ShapeCase{"family \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 day",
                  "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", Shape::kEmoji,
                  "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"},
        ShapeCase{"in \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 now", "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7", Shape::kEmoji,
                  "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"},
        ShapeCase{"go #SelfCareSunday", "Care", Shape::kHashtag, "care"},
        ShapeCase{"go #selfcare", "selfcare", Shape::kHashtag, "selfcare"},
        ShapeCase{"thanks @jenny_runs!", "@jenny_runs", Shape::kHandle, "@jenny_runs"},
        ShapeCase{"thanks @Jenny.Runs.", "@Jenny.Runs", Shape::kHandle, "@jenny.runs"},
        ShapeCase{"see https://Example.org/a?b=1 now", "https://Example.org/a?b=1", Shape::kUrl,
                  "https://example.org/a?b=1"},
        ShapeCase{"see www.example.org/jen.", "www.example.org/jen", Shape::kUrl, "www.example.org/jen"},
        ShapeCase{"(http://x.com/jen)", "http://x.com/jen", Shape::kUrl, "http://x.com/jen"},
        ShapeCase{"mail Jen@Example.org today", "Jen@Example.org", Shape::kEmail, "jen@example.org"},
        ShapeCase{"mail foo.bar+x@mail.co.uk.", "foo.bar+x@mail.co.uk", Shape::kEmail, "foo.bar+x@mail.co.uk"},
        ShapeCase{"\xEF\xBC\xAA\xEF\xBD\x8F\xEF\xBD\x88\xEF\xBD\x8E came", "\xEF\xBC\xAA\xEF\xBD\x8F\xEF\xBD\x88\xEF\xBD\x8E",
                  Shape::kCapitalized, "john"}));

TEST(Tokenizer, ShapeNamesAreDistinct) {
  std::vector<Shape> all = {Shape::kLower, Shape::kCapitalized, Shape::kAllCaps, Shape::kMixed,
                            Shape::kNumber, Shape::kPunct, Shape::kEmoji, Shape::kHashtag,
                            Shape::kHandle, Shape::kUrl, Shape::kEmail};
  std::set<std::string_view> names;
  for (Shape s : all) names.insert(ShapeName(s));
  EXPECT_EQ(names.size(), all.size());
  EXPECT_EQ(ShapeName(Shape::kAllCaps), "allcaps");
}

struct PossessiveCase {
  const char* text;
  const char* surface;
  const char* key;
};

class Possessive : public ::testing::TestWithParam<PossessiveCase> {};

TEST_P(Possessive, SplitsIntoKeyAndFlag) {
  const PossessiveCase& c = GetParam();
  std::vector<Token> tokens = Tokenize(c.text);
  const Token* t = Find(tokens, c.text, c.surface);
  ASSERT_NE(t, nullptr) << c.text;
  EXPECT_TRUE(t->possessive) << c.text;
  EXPECT_EQ(t->key, c.key);
  // The span keeps the "'s": a report underlines the whole word.
  EXPECT_TRUE(std::string_view(c.surface).ends_with("s") || std::string_view(c.surface).ends_with("S"));
}

INSTANTIATE_TEST_SUITE_P(Cases, Possessive,
                         ::testing::Values(PossessiveCase{"Beyonc\xC3\xA9's manager", "Beyonc\xC3\xA9's", "beyonce"},
                                           PossessiveCase{"Beyonc\xC3\xA9\xE2\x80\x99s manager",
                                                          "Beyonc\xC3\xA9\xE2\x80\x99s", "beyonce"},
                                           PossessiveCase{"Tom\xE2\x80\x99s car", "Tom\xE2\x80\x99s", "tom"},
                                           PossessiveCase{"JONES'S CAR", "JONES'S", "jones"},
                                           PossessiveCase{"O\xE2\x80\x99" "Brien's dog", "O\xE2\x80\x99" "Brien's",
                                                          "o'brien"}));

TEST(Tokenizer, NotPossessive) {
  std::string text = "it's Sally's, not Jess or its";
  std::vector<Token> tokens = Tokenize(text);
  EXPECT_FALSE(Find(tokens, text, "Jess")->possessive);
  EXPECT_FALSE(Find(tokens, text, "its")->possessive);
  EXPECT_TRUE(Find(tokens, text, "Sally's")->possessive);
}

struct HashtagCase {
  const char* tag;
  std::vector<std::string> parts;  // exact surface text of each part
  std::vector<std::string> keys;
};

class Hashtag : public ::testing::TestWithParam<HashtagCase> {};

TEST_P(Hashtag, SplitsOnCaseDigitsAndUnderscore) {
  const HashtagCase& c = GetParam();
  std::string text = std::string("Go ") + c.tag + " now";
  std::vector<Token> tokens = Tokenize(text);
  std::vector<std::string> parts, keys;
  size_t prev_end = 0;
  for (const Token& t : tokens) {
    if (t.shape != Shape::kHashtag) continue;
    parts.push_back(Slice(text, t.span));
    keys.push_back(t.key);
    EXPECT_GE(t.span.start, 4u);  // after "Go #"
    EXPECT_GE(t.span.start, prev_end);
    prev_end = t.span.end;
  }
  EXPECT_EQ(parts, c.parts);
  EXPECT_EQ(keys, c.keys);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Hashtag,
    ::testing::Values(HashtagCase{"#SuperBowlLIX", {"Super", "Bowl", "LIX"}, {"super", "bowl", "lix"}},
                      HashtagCase{"#superbowl", {"superbowl"}, {"superbowl"}},
                      HashtagCase{"#XMLHttpRequest", {"XML", "Http", "Request"}, {"xml", "http", "request"}},
                      HashtagCase{"#covid_19", {"covid", "19"}, {"covid", "19"}},
                      HashtagCase{"#Run2024Now", {"Run", "2024", "Now"}, {"run", "2024", "now"}},
                      HashtagCase{"#Beyonc\xC3\xA9Tour", {"Beyonc\xC3\xA9", "Tour"}, {"beyonce", "tour"}},
                      HashtagCase{"#NYC", {"NYC"}, {"nyc"}}));

TEST(Tokenizer, SuperBowlLixExactSpans) {
  std::string text = "Ready for #SuperBowlLIX!";
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_GE(tokens.size(), 6u);
  EXPECT_EQ(tokens[2].span, (Span{11, 16}));
  EXPECT_EQ(tokens[3].span, (Span{16, 20}));
  EXPECT_EQ(tokens[4].span, (Span{20, 23}));
  EXPECT_EQ(tokens[5].key, "!");
}

TEST(Tokenizer, HandlesEmailsAndUrlsStayWhole) {
  std::string text = "Thanks @jenny_runs! Mail jen.smith@example.org or see https://x.com/jen_s?ref=1, ok";
  std::vector<Token> tokens = Tokenize(text);
  const Token* handle = Find(tokens, text, "@jenny_runs");
  const Token* email = Find(tokens, text, "jen.smith@example.org");
  const Token* url = Find(tokens, text, "https://x.com/jen_s?ref=1");
  ASSERT_TRUE(handle && email && url);
  EXPECT_EQ(handle->shape, Shape::kHandle);
  EXPECT_EQ(email->shape, Shape::kEmail);
  EXPECT_EQ(url->shape, Shape::kUrl);
  EXPECT_EQ(Find(tokens, text, "jen"), nullptr);  // nothing split out of them
  EXPECT_EQ(Find(tokens, text, "com"), nullptr);
}

TEST(Tokenizer, AtOrHashInsideAWordIsNotAHandleOrHashtag) {
  std::string text = "C# and a#b and x@y";
  for (const Token& t : Tokenize(text)) {
    EXPECT_NE(t.shape, Shape::kHashtag) << Slice(text, t.span);
    EXPECT_NE(t.shape, Shape::kHandle) << Slice(text, t.span);
  }
}

TEST(Tokenizer, WhitespaceIsDropped) {
  std::string text = "  a \t b\n\n c\xC2\xA0" "d\xE2\x80\x8B";
  std::vector<std::string> words;
  for (const Token& t : Tokenize(text)) words.push_back(Slice(text, t.span));
  EXPECT_EQ(words, (std::vector<std::string>{"a", "b", "c", "d"}));
}

TEST(Tokenizer, EmptyInput) { EXPECT_TRUE(Tokenize("").empty()); }

TEST(Tokenizer, SentenceIndexes) {
  std::string text = "My client came in. She is 85! Is that old? yes";
  std::vector<Token> tokens = Tokenize(text);
  auto sentence = [&](std::string_view w) { return Find(tokens, text, w)->sentence; };
  EXPECT_EQ(sentence("My"), 0u);
  EXPECT_EQ(sentence("in"), 0u);
  EXPECT_EQ(Find(tokens, text, ".")->sentence, 0u);
  EXPECT_EQ(sentence("She"), sentence("85"));
  EXPECT_GT(sentence("She"), sentence("in"));
  EXPECT_GT(sentence("Is"), sentence("She"));
  EXPECT_GT(sentence("yes"), sentence("Is"));  // "?" ends a sentence whatever follows
}

// UAX #29 ends a sentence at "Mrs. O": a title's period before a name on the same line
// does not (as ICU's "ss=standard" suppressions would have it), in either tokenizer.
TEST(Tokenizer, ATitlesPeriodDoesNotEndTheSentence) {
  for (auto tokenize : {&Tokenize, &TokenizeWithIcuOnly}) {
    std::string text = "My client Mrs. O'Brien turned 102. DR. SMITH AND Prof. Lee came too. We saw Dr.\nNext week";
    std::vector<Token> tokens = tokenize(text);
    auto sentence = [&](std::string_view w) { return Find(tokens, text, w)->sentence; };
    EXPECT_EQ(sentence("O'Brien"), sentence("My"));
    EXPECT_EQ(sentence("102"), sentence("My"));
    EXPECT_GT(sentence("DR"), sentence("102"));
    EXPECT_EQ(sentence("SMITH"), sentence("DR"));
    EXPECT_EQ(sentence("Lee"), sentence("DR"));
    EXPECT_GT(sentence("Next"), sentence("saw"));  // at the end of a line it still ends one
  }
}

TEST(Tokenizer, ParagraphIndexes) {
  std::string text = "one two\nthree\n\nfour\r\n\r\nfive\r\rsix\n \nseven";
  std::vector<Token> tokens = Tokenize(text);
  auto para = [&](std::string_view w) { return Find(tokens, text, w)->paragraph; };
  EXPECT_EQ(para("one"), 0u);
  EXPECT_EQ(para("three"), 0u);  // a single newline does not start a paragraph
  EXPECT_EQ(para("four"), 1u);
  EXPECT_EQ(para("five"), 2u);   // CRLF CRLF
  EXPECT_EQ(para("six"), 3u);    // CR CR
  EXPECT_EQ(para("seven"), 4u);  // a line of spaces is blank
}

TEST(Tokenizer, SpansAreOrderedWithinBoundsOnCodePointBoundaries) {
  std::string text =
      "\xEF\xBB\xBF" "Zo\xC3\xAB \xF0\x9F\x98\x80 @zoe #ZoeLef\xC3\xA8vre \xE6\x9D\xB1\xE4\xBA\xAC "
      "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D e\xCC\x81 https://a.b/c. 1,000.5 \xEF\xBC\xA1";
  size_t prev = 0;
  for (const Token& t : Tokenize(text)) {
    EXPECT_LT(t.span.start, t.span.end);
    EXPECT_LE(t.span.end, text.size());
    EXPECT_GE(t.span.start, prev);
    EXPECT_NE(static_cast<unsigned char>(text[t.span.start]) & 0xC0, 0x80);
    if (t.span.end < text.size()) {
      EXPECT_NE(static_cast<unsigned char>(text[t.span.end]) & 0xC0, 0x80);
    }
    prev = t.span.end;
  }
}

TEST(Tokenizer, DocumentOverloadReadsScanText) {
  Document doc("Hi <b>Sam</b>");
  doc.SetScanText("Hi    Sam    ");
  std::vector<Token> tokens = Tokenize(doc);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].span, (Span{6, 9}));
  EXPECT_EQ(tokens[1].key, "sam");
}

// The ASCII fast path must segment exactly as ICU does, including next to non-ASCII text,
// hashtags, handles and URLs. Random drafts over an alphabet of every byte class the
// fast path distinguishes, with some non-ASCII characters mixed in.
std::string Describe(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens)
    out += std::to_string(t.span.start) + "-" + std::to_string(t.span.end) + ":" + std::string(ShapeName(t.shape)) + ":" +
           t.key + (t.possessive ? "'s" : "") + "/s" + std::to_string(t.sentence) + "/p" + std::to_string(t.paragraph) +
           "/n" + std::to_string(t.next_word) + " ";
  return out;
}

TEST(Tokenizer, FastPathsEqualReference) {
  const std::vector<std::string> pieces = {
      "a", "b", "Z", "x", "Mr", "O", "s", "7", "0", "42", "_", ".", ",", ";", ":", "'", "\"", "-", "!", "?", "&", "/",
      "(", ")", "@", "#", "*", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\v", "\f", "www.", "WwW.", "http://", "https://", "HTTP\xC5\xBF://", "x@y.co", "a.b@", "@x.", "%", "+", "<", "`",
      "\xC3\xA9",          // é
      "\xCC\x81",          // combining acute
      "\xE2\x80\x99",      // ’
      "\xC2\xA0",          // no-break space
      "\xE3\x80\x80",      // ideographic space (WSegSpace)
      "\xF0\x9F\x99\x8C",  // 🙌
      "\xE2\x80\x8D",      // zero-width joiner
      "\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8",  // 🇺🇸
      "\xE4\xB8\xAD",      // 中
  };
  testing::XorShift next(0x9E3779B97F4A7C15ULL);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const bool ascii_only = round % 2 == 0;
    size_t n = 1 + next() % 40;
    for (size_t i = 0; i < n; ++i) {
      const std::string& piece = pieces[next() % pieces.size()];
      if (ascii_only && static_cast<unsigned char>(piece[0]) >= 0x80) continue;
      text += piece;
    }
    ASSERT_EQ(Describe(Tokenize(text)), Describe(TokenizeWithIcuOnly(text))) << "text: [" << text << "]";
  }
}

TEST(Tokenizer, FastPathsEqualReferenceOnTheDevCorpusStyle) {
  const std::string text =
      "My client Sally's back was a mess, so I said: \"don't worry\". She's 85-year-old, drives a red "
      "Porsche; 1,000.5 miles!!! e.g. U.S. O'Brien_jr 3rd 4th 30-something... #SelfCare @jenny_runs "
      "https://example.org/x?y=1. Email jen@example.org.\r\n\r\nNew para:12:30pm (48) & co/op";
  EXPECT_EQ(Describe(Tokenize(text)), Describe(TokenizeWithIcuOnly(text)));
}

}  // namespace
}  // namespace discreet
