// End-to-end tests of `discreet serve`: the real binary on a free port (--port 0), a small
// HTTP client over sockets, and XDG_CONFIG_HOME in a temporary folder for the token.
// Timeouts are generous upper bounds, never timing assertions.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "linter.h"
#include "report/json.h"
#include "server/api.h"
#include "server/token.h"
#include "testing/run_binary.h"

extern char** environ;

namespace discreet {
namespace {

using testing::RunDiscreet;
using testing::TempDir;
using Json = nlohmann::json;
using namespace std::chrono_literals;

// ---------------------------------------------------------------------------------------
// A `discreet serve` child process.

class ServerProcess {
 public:
  explicit ServerProcess(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
    log_path_ = dir_.path() + "/server.log";
    std::vector<std::string> argv_s = {DISCREET_BINARY, "serve", "--port", "0"};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::map<std::string, std::string> vars;
    for (char** e = environ; *e; ++e) {
      std::string kv = *e;
      size_t eq = kv.find('=');
      if (eq != std::string::npos) vars[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    vars["XDG_CONFIG_HOME"] = dir_.path() + "/config";
    for (const auto& [k, v] : env) vars[k] = v;
    std::vector<std::string> env_s;
    for (const auto& [k, v] : vars) env_s.push_back(k + "=" + v);
    std::vector<char*> argv, envp;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env_s) envp.push_back(e.data());
    envp.push_back(nullptr);

    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ == 0) {
      int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(out[1], 1);
      dup2(log, 2);
      close(out[0]);
      close(out[1]);
      close(log);
      execve(argv[0], argv.data(), envp.data());
      _exit(127);
    }
    close(out[1]);
    out_fd_ = out[0];
    // The first line of stdout is "discreet: listening on http://127.0.0.1:PORT/".
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + 60s;
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      pollfd p{out_fd_, POLLIN, 0};
      if (poll(&p, 1, 200) <= 0) continue;
      char buf[256];
      ssize_t n = read(out_fd_, buf, sizeof buf);
      if (n <= 0) break;
      line.append(buf, static_cast<size_t>(n));
    }
    first_line_ = line.substr(0, line.find('\n'));
    size_t colon = first_line_.rfind(':');
    if (first_line_.find("listening on http://127.0.0.1:") == std::string::npos || colon == std::string::npos)
      throw std::runtime_error("server did not start: '" + first_line_ + "' log: " + Log());
    port_ = std::stoi(first_line_.substr(colon + 1));
  }

  ~ServerProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_fd_ >= 0) close(out_fd_);
  }

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string token() const {
    std::ifstream in(dir_.path() + "/config/discreet/token");
    std::string t;
    in >> t;
    return t;
  }
  std::string config_dir() const { return dir_.path() + "/config"; }
  std::string Log() const {
    std::ifstream in(log_path_);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void Signal(int sig) { kill(pid_, sig); }
  // Exit code after a signal, or -1 when it does not exit within `limit`.
  int Wait(std::chrono::milliseconds limit = 30s) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }

 private:
  TempDir dir_;
  std::string log_path_;
  std::string first_line_;
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int port_ = 0;
  bool exited_ = false;
};

// ---------------------------------------------------------------------------------------
// A small HTTP/1.1 client.

struct Response {
  int status = 0;  // 0: no response (connection closed or timed out)
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;
  bool Has(const std::string& name) const { return headers.count(name) > 0; }
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
  Json json() const { return Json::parse(body); }
};

class Connection {
 public:
  explicit Connection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close(fd_);
      fd_ = -1;
    }
    int one = 1;
    if (fd_ >= 0) setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  ~Connection() {
    if (fd_ >= 0) close(fd_);
  }
  bool ok() const { return fd_ >= 0; }

  bool Send(const std::string& data) {
    size_t done = 0;
    while (done < data.size()) {
      ssize_t n = send(fd_, data.data() + done, data.size() - done, MSG_NOSIGNAL);
      if (n <= 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }

  // Reads one response (Content-Length framed); status 0 when the server closes first.
  Response Read(std::chrono::milliseconds limit = 30s) {
    Response r;
    auto deadline = std::chrono::steady_clock::now() + limit;
    size_t header_end;
    while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos)
      if (!Fill(deadline)) return r;
    std::istringstream head(buffer_.substr(0, header_end));
    std::string line;
    std::getline(head, line);
    if (line.size() < 12) return r;
    r.status = std::stoi(line.substr(9, 3));
    while (std::getline(head, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(value.begin());
      r.headers[name] = value;
    }
    size_t length = r.Has("content-length") ? std::stoul(r.Header("content-length")) : 0;
    size_t start = header_end + 4;
    while (buffer_.size() < start + length)
      if (!Fill(deadline)) {
        r.status = 0;
        return r;
      }
    r.body = buffer_.substr(start, length);
    buffer_.erase(0, start + length);
    return r;
  }

  // True when the server closes the connection (EOF or reset) within `limit`.
  bool ClosedWithin(std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      char buf[4096];
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return true;
    }
    return false;
  }

 private:
  bool Fill(std::chrono::steady_clock::time_point deadline) {
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      int rc = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 200)));
      if (rc <= 0) continue;
      char buf[65536];
      ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return false;
      buffer_.append(buf, static_cast<size_t>(n));
      return true;
    }
  }

  int fd_ = -1;
  std::string buffer_;
};

std::string PercentEncode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

struct Req {
  std::string method = "GET";
  std::string path = "/v1/health";
  std::string host;  // default 127.0.0.1:PORT; "-" for none
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool content_length = true;
  std::string version = "HTTP/1.1";
};

std::string Raw(const Req& req, int port) {
  std::string out = req.method + " " + req.path + " " + req.version + "\r\n";
  if (req.host != "-") out += "Host: " + (req.host.empty() ? "127.0.0.1:" + std::to_string(port) : req.host) + "\r\n";
  for (const auto& [k, v] : req.headers) out += k + ": " + v + "\r\n";
  if (req.content_length && (!req.body.empty() || req.method == "POST"))
    out += "Content-Length: " + std::to_string(req.body.size()) + "\r\n";
  out += "\r\n" + req.body;
  return out;
}

Response Send(int port, const Req& req) {
  Connection c(port);
  if (!c.ok() || !c.Send(Raw(req, port))) return {};
  return c.Read();
}

Req Check(const std::string& token, const std::string& body) {
  Req r{.method = "POST", .path = "/v1/check", .body = body};
  r.headers = {{"Content-Type", "application/json"}};
  if (!token.empty()) r.headers.emplace_back("Authorization", "Bearer " + token);
  return r;
}

Req LtCheck(const std::string& token, const std::string& form) {
  Req r{.method = "POST", .path = "/v2/check", .body = form};
  r.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  if (!token.empty()) r.headers.emplace_back("Authorization", "Bearer " + token);
  return r;
}

std::string CheckBody(const std::string& text) { return Json{{"text", text}}.dump(); }

const char* kDraft = "My client Sally Jones came in today. Email her at sally.jones@gmail.com, born 03/14/1961.";

// One server shared by the tests that do not need special options.
class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess({"--allow-origin", "chrome-extension://abcdefghijklmnop", "--access-log",
                                 "--read-timeout", "1", "--idle-timeout", "2"});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  int port() const { return server_->port(); }
  std::string token() const { return server_->token(); }
  static ServerProcess* server_;
};
ServerProcess* ServeTest::server_ = nullptr;

const Linter& InProcessLinter() {
  static Linter* linter = new Linter(LinterOptions{});
  return *linter;
}

// ---------------------------------------------------------------------------------------
// Happy paths.

TEST_F(ServeTest, HealthAnswersWithoutToken) {
  Response r = Send(port(), {});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["status"], "ok");
  EXPECT_EQ(r.Header("cache-control"), "no-store");
  EXPECT_FALSE(r.Has("access-control-allow-origin"));
}

TEST_F(ServeTest, RulesListsTheCatalogue) {
  Req req{.path = "/v1/rules"};
  req.headers = {{"Authorization", "Bearer " + token()}};
  Response r = Send(port(), req);
  ASSERT_EQ(r.status, 200);
  bool found = false;
  const Json r_json = r.json();
  for (const Json& rule : r_json["rules"]) found |= rule["id"] == "person-name";
  EXPECT_TRUE(found);
}

TEST_F(ServeTest, CheckAnswersTheReportFileObjectUnredacted) {
  Response r = Send(port(), Check(token(), CheckBody(kDraft)));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/json; charset=utf-8");
  Json expected = Json::parse(RenderFileReportJson(InProcessLinter().Check({.path = "draft", .bytes = kDraft}), {}));
  EXPECT_EQ(r.json(), expected);
  ASSERT_FALSE(r.json()["findings"].empty());
  bool shown = false;
  const Json r_json = r.json();
  for (const Json& f : r_json["findings"]) shown |= f["text"] == "sally.jones@gmail.com";
  EXPECT_TRUE(shown) << "redaction is off by default on the local API";
}

TEST_F(ServeTest, CheckHonoursFormatAndRedactOption) {
  Response r = Send(port(), Check(token(), Json{{"text", kDraft}, {"format", "markdown"}, {"locale", "en-US"},
                                                {"options", {{"redact", true}}}}
                                               .dump()));
  ASSERT_EQ(r.status, 200) << r.body;
  const Json r_json = r.json();
  for (const Json& f : r_json["findings"]) EXPECT_NE(f["text"], "sally.jones@gmail.com");
}

TEST_F(ServeTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  Connection c(port());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(c.Send(Raw(Check(token(), CheckBody(kDraft)), port())));
    EXPECT_EQ(c.Read().status, 200);
  }
  // Two pipelined requests in one write.
  ASSERT_TRUE(c.Send(Raw({}, port()) + Raw({}, port())));
  EXPECT_EQ(c.Read().status, 200);
  EXPECT_EQ(c.Read().status, 200);
}

TEST_F(ServeTest, ExpectContinueIsHonoured) {
  Connection c(port());
  Req req = Check(token(), CheckBody(kDraft));
  std::string raw = Raw(req, port());
  size_t split = raw.find("\r\n\r\n");
  ASSERT_TRUE(c.Send(raw.substr(0, split) + "\r\nExpect: 100-continue\r\n\r\n"));
  EXPECT_EQ(c.Read().status, 100);
  ASSERT_TRUE(c.Send(raw.substr(split + 4)));
  EXPECT_EQ(c.Read().status, 200);
}

// ---------------------------------------------------------------------------------------
// LanguageTool-compatible API.

TEST_F(ServeTest, LanguageToolCheckHasLanguageToolsShape) {
  Response r = Send(port(), LtCheck(token(), "language=en-US&text=" + PercentEncode(kDraft)));
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = r.json();
  EXPECT_EQ(j["software"]["name"], "discreet");
  EXPECT_EQ(j["software"]["apiVersion"], 1);
  EXPECT_TRUE(j["software"].contains("buildDate"));
  EXPECT_EQ(j["language"]["code"], "en-US");
  EXPECT_EQ(j["language"]["detectedLanguage"]["code"], "en-US");
  ASSERT_FALSE(j["matches"].empty());
  for (const Json& m : j["matches"]) {
    for (const char* key : {"message", "shortMessage", "offset", "length", "replacements", "context", "sentence",
                            "rule", "type"})
      EXPECT_TRUE(m.contains(key)) << key;
    EXPECT_TRUE(m["rule"].contains("id"));
    EXPECT_TRUE(m["rule"].contains("description"));
    EXPECT_TRUE(m["rule"].contains("issueType"));
    EXPECT_TRUE(m["rule"]["category"].contains("id"));
    EXPECT_TRUE(m["rule"]["category"].contains("name"));
    EXPECT_TRUE(m["type"].contains("typeName"));
    // context.text around the match shows exactly the matched characters (ASCII draft).
    std::string ctx = m["context"]["text"];
    std::string draft = kDraft;
    EXPECT_EQ(ctx.substr(m["context"]["offset"].get<size_t>(), m["context"]["length"].get<size_t>()),
              draft.substr(m["offset"].get<size_t>(), m["length"].get<size_t>()));
  }
}

// UTF-16 code units in JavaScript: the emoji before the address counts 2.
size_t JsIndexOf(const std::u16string& s, const std::u16string& what) { return s.find(what); }

TEST_F(ServeTest, LanguageToolOffsetsAreUtf16AfterAnEmoji) {
  std::string text = "My client \xF0\x9F\x98\x80 Sally Jones, email sally.jones@gmail.com";
  std::u16string js = u"My client \U0001F600 Sally Jones, email sally.jones@gmail.com";
  Response r = Send(port(), LtCheck(token(), "language=auto&text=" + PercentEncode(text)));
  ASSERT_EQ(r.status, 200) << r.body;
  bool found = false;
  const Json r_json = r.json();
  for (const Json& m : r_json["matches"]) {
    if (m["rule"]["id"] != "contact-info") continue;
    found = true;
    EXPECT_EQ(m["offset"].get<size_t>(), JsIndexOf(js, u"sally.jones@gmail.com"));
    EXPECT_EQ(m["offset"].get<size_t>(), 32u);
    EXPECT_EQ(m["length"].get<size_t>(), 21u);
  }
  EXPECT_TRUE(found) << r.body;
}

TEST_F(ServeTest, LanguageToolAnnotatedDataOffsetsCountMarkup) {
  Json data = {{"annotation",
                {{{"markup", "<p>"}}, {{"text", "Email "}}, {{"markup", "<b>"}}, {{"text", "sally.jones@gmail.com"}},
                 {{"markup", "</b></p>"}, {"interpretAs", "\n\n"}}}}};
  Response r = Send(port(), LtCheck(token(), "language=en-US&data=" + PercentEncode(data.dump())));
  ASSERT_EQ(r.status, 200) << r.body;
  bool found = false;
  const Json r_json = r.json();
  for (const Json& m : r_json["matches"])
    if (m["rule"]["id"] == "contact-info") {
      found = true;
      EXPECT_EQ(m["offset"], 12);  // "<p>Email <b>" is 12 characters
      EXPECT_EQ(m["length"], 21);
    }
  EXPECT_TRUE(found) << r.body;
}

TEST_F(ServeTest, LanguageToolRuleFilters) {
  std::string text = "language=en-US&text=" + PercentEncode(kDraft);
  Response all = Send(port(), LtCheck(token(), text));
  Response some = Send(port(), LtCheck(token(), text + "&disabledRules=CONTACT_INFO"));
  Response only = Send(port(), LtCheck(token(), text + "&enabledRules=contact-info&enabledOnly=true"));
  ASSERT_EQ(all.status, 200);
  ASSERT_EQ(some.status, 200);
  ASSERT_EQ(only.status, 200);
  size_t contact = 0;
  const Json all_json = all.json();
  for (const Json& m : all_json["matches"]) contact += m["rule"]["id"] == "contact-info";
  ASSERT_GT(contact, 0u);
  EXPECT_EQ(some.json()["matches"].size(), all.json()["matches"].size() - contact);
  EXPECT_EQ(only.json()["matches"].size(), contact);
}

TEST_F(ServeTest, LanguageToolErrorsAreTextLikeLanguageTools) {
  Response no_language = Send(port(), LtCheck(token(), "text=hello"));
  EXPECT_EQ(no_language.status, 400);
  EXPECT_EQ(no_language.body.rfind("Error:", 0), 0u);
  EXPECT_EQ(Send(port(), LtCheck(token(), "language=de-DE&text=hallo")).status, 400);
  EXPECT_EQ(Send(port(), LtCheck(token(), "language=en-US")).status, 400);
  EXPECT_EQ(Send(port(), LtCheck(token(), "language=en-US&text=%ZZ")).status, 400);
  EXPECT_EQ(Send(port(), LtCheck(token(), "language=en-US&text=%FF%FE")).status, 400);
  EXPECT_EQ(Send(port(), LtCheck(token(), "language=en-US&data=%7B")).status, 400);
}

TEST_F(ServeTest, LanguageToolBodiesOver8KiB) {
  std::string text;
  while (text.size() < 20000) text += "We had a lovely week at the studio and the weather was kind. ";
  text += kDraft;
  Response r = Send(port(), LtCheck(token(), "language=en-US&text=" + PercentEncode(text)));
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(r.json()["matches"].empty());
}

TEST_F(ServeTest, LanguageToolNeedsTokenButAcceptsApiKey) {
  std::string form = "language=en-US&text=" + PercentEncode(kDraft);
  EXPECT_EQ(Send(port(), LtCheck("", form)).status, 401);
  EXPECT_EQ(Send(port(), LtCheck("", form + "&apiKey=" + std::string(64, '0'))).status, 401);
  EXPECT_EQ(Send(port(), LtCheck("", form + "&username=me&apiKey=" + token())).status, 200);
  EXPECT_EQ(Send(port(), LtCheck("wrong", form)).status, 401);
}

TEST_F(ServeTest, LanguagesListsEnglish) {
  Response r = Send(port(), {.path = "/v2/languages"});
  ASSERT_EQ(r.status, 200);
  ASSERT_TRUE(r.json().is_array());
  bool us = false;
  for (const Json& l : r.json()) us |= l["longCode"] == "en-US" && l["code"] == "en" && l.contains("name");
  EXPECT_TRUE(us);
}

// ---------------------------------------------------------------------------------------
// Malformed requests.

TEST_F(ServeTest, MalformedInputsGetJsonErrors) {
  struct Case {
    std::string body;
    std::string error;
  };
  for (const Case& c : std::vector<Case>{{"{not json", "invalid_json"},
                                         {"", "invalid_json"},
                                         {"[1,2]", "invalid_request"},
                                         {"{\"format\":\"text\"}", "invalid_request"},
                                         {"{\"text\": 5}", "invalid_request"},
                                         {"{\"text\":\"x\",\"format\":\"pdf\"}", "invalid_request"},
                                         {"{\"text\":\"x\",\"locale\":\"fr\"}", "unsupported_locale"},
                                         {"{\"text\":\"x\",\"surprise\":1}", "invalid_request"},
                                         {"{\"text\":\"x\",\"options\":{\"redact\":\"yes\"}}", "invalid_request"},
                                         {"{\"text\":\"caf\xC3\x28\"}", "invalid_utf8"},
                                         {"{\"text\":\"\\ud800\"}", "invalid_json"},
                                         {std::string(5000, '[') + std::string(5000, ']'), "invalid_json"}}) {
    Response r = Send(port(), Check(token(), c.body));
    EXPECT_EQ(r.status, 400) << c.body.substr(0, 40);
    ASSERT_TRUE(Json::accept(r.body)) << r.body;
    EXPECT_EQ(r.json()["error"], c.error) << c.body.substr(0, 40);
    EXPECT_TRUE(r.json().contains("message"));
  }
}

TEST_F(ServeTest, WrongMethodUnknownPathAndMediaType) {
  Response get = Send(port(), {.method = "GET", .path = "/v1/check", .headers = {{"Authorization", "Bearer " + token()}}});
  EXPECT_EQ(get.status, 405);
  EXPECT_EQ(get.Header("allow"), "POST, OPTIONS");
  EXPECT_EQ(get.json()["error"], "method_not_allowed");
  Response post = Send(port(), {.method = "POST", .path = "/v1/health"});
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.Header("allow"), "GET, OPTIONS");
  Response missing = Send(port(), {.path = "/v1/nothing"});
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json()["error"], "not_found");
  Req text = Check(token(), CheckBody(kDraft));
  text.headers[0].second = "text/plain";
  Response media = Send(port(), text);
  EXPECT_EQ(media.status, 415);
  EXPECT_EQ(media.json()["error"], "unsupported_media_type");
  Connection c(port());
  ASSERT_TRUE(c.Send("THIS IS NOT HTTP\r\n\r\n"));
  EXPECT_EQ(c.Read().status, 400);
}

// ---------------------------------------------------------------------------------------
// Security.

TEST_F(ServeTest, HostMustBeALoopbackNameWithThisPort) {
  for (std::string host : {std::string("evil.example"), std::string("evil.example:") + std::to_string(port()),
                           std::string("127.0.0.1:1"), std::string("127.0.0.1"), std::string("localhost.evil.example:") +
                           std::to_string(port())}) {
    Response r = Send(port(), {.host = host});
    EXPECT_EQ(r.status, 403) << host;
    EXPECT_EQ(r.json()["error"], "forbidden_host");
  }
  EXPECT_EQ(Send(port(), {.host = "-"}).status, 403);
  EXPECT_EQ(Send(port(), {.host = "-", .version = "HTTP/1.0"}).status, 403);
  for (std::string host : {"localhost:", "LOCALHOST:", "[::1]:", "127.0.0.1:"})
    EXPECT_EQ(Send(port(), {.host = host + std::to_string(port())}).status, 200) << host;
}

TEST_F(ServeTest, CurlWithEvilHostIsRefused) {
  if (system("command -v curl >/dev/null 2>&1") != 0) GTEST_SKIP() << "curl not installed";
  std::string cmd = "curl -s -o /dev/null -w '%{http_code}' -H 'Host: evil.example' http://127.0.0.1:" +
                    std::to_string(port()) + "/v1/health";
  FILE* p = popen(cmd.c_str(), "r");
  char buf[16] = {0};
  size_t n = fread(buf, 1, sizeof buf - 1, p);
  pclose(p);
  EXPECT_EQ(std::string(buf, n), "403");
}

TEST_F(ServeTest, WebOriginsGetNoCorsAndNoAnswer) {
  Req req = Check(token(), CheckBody(kDraft));
  req.headers.emplace_back("Origin", "https://evil.example");
  Response r = Send(port(), req);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.json()["error"], "forbidden_origin");
  EXPECT_FALSE(r.Has("access-control-allow-origin"));
  Response null_origin = Send(port(), {.headers = {{"Origin", "null"}}});
  EXPECT_EQ(null_origin.status, 403);
  Response preflight = Send(port(), {.method = "OPTIONS", .path = "/v1/check",
                                     .headers = {{"Origin", "https://evil.example"},
                                                 {"Access-Control-Request-Method", "POST"}}});
  EXPECT_EQ(preflight.status, 403);
  EXPECT_FALSE(preflight.Has("access-control-allow-origin"));
  EXPECT_FALSE(preflight.Has("access-control-allow-methods"));
  Response no_origin_preflight = Send(port(), {.method = "OPTIONS", .path = "/v1/check"});
  EXPECT_EQ(no_origin_preflight.status, 403);
}

TEST_F(ServeTest, ExtensionOriginGetsCorsAndPreflight) {
  const std::string origin = "chrome-extension://abcdefghijklmnop";
  Response preflight = Send(port(), {.method = "OPTIONS", .path = "/v1/check",
                                     .headers = {{"Origin", origin},
                                                 {"Access-Control-Request-Method", "POST"},
                                                 {"Access-Control-Request-Headers", "authorization, content-type"},
                                                 {"Access-Control-Request-Private-Network", "true"}}});
  EXPECT_EQ(preflight.status, 204);
  EXPECT_EQ(preflight.Header("access-control-allow-origin"), origin);
  EXPECT_EQ(preflight.Header("access-control-allow-methods"), "POST, OPTIONS");
  EXPECT_NE(preflight.Header("access-control-allow-headers").find("Authorization"), std::string::npos);
  EXPECT_EQ(preflight.Header("access-control-allow-private-network"), "true");
  Req req = Check(token(), CheckBody(kDraft));
  req.headers.emplace_back("Origin", origin);
  Response r = Send(port(), req);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("access-control-allow-origin"), origin);
  EXPECT_EQ(r.Header("vary"), "Origin");
  // A similar-looking origin is not the allowlisted one.
  req.headers.back().second = origin + "x";
  EXPECT_EQ(Send(port(), req).status, 403);
}

TEST_F(ServeTest, TokenIsRequiredAndCompared) {
  Response none = Send(port(), Check("", CheckBody(kDraft)));
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.Header("www-authenticate"), "Bearer");
  EXPECT_EQ(none.json()["error"], "unauthorized");
  std::string t = token();
  std::string wrong = t;
  wrong[63] = wrong[63] == '0' ? '1' : '0';
  EXPECT_EQ(Send(port(), Check(wrong, CheckBody(kDraft))).status, 401);
  EXPECT_EQ(Send(port(), Check(t.substr(0, 32), CheckBody(kDraft))).status, 401);
  EXPECT_EQ(Send(port(), Check(t + "0", CheckBody(kDraft))).status, 401);
  Req basic = Check("", CheckBody(kDraft));
  basic.headers.emplace_back("Authorization", "Basic " + t);
  EXPECT_EQ(Send(port(), basic).status, 401);
  Req rules{.path = "/v1/rules"};
  EXPECT_EQ(Send(port(), rules).status, 401);
  EXPECT_EQ(Send(port(), Check(t, CheckBody(kDraft))).status, 200);
}

TEST_F(ServeTest, OversizedChunkedAndCompressedBodiesAreRefused) {
  std::string big = CheckBody(std::string(300 * 1024, 'a'));
  Response large = Send(port(), Check(token(), big));
  EXPECT_EQ(large.status, 413);
  EXPECT_EQ(large.json()["error"], "payload_too_large");

  Req chunked = Check(token(), "5\r\n{\"te\"\r\n0\r\n\r\n");
  chunked.content_length = false;
  chunked.headers.emplace_back("Transfer-Encoding", "chunked");
  Response c = Send(port(), chunked);
  EXPECT_EQ(c.status, 411);
  EXPECT_EQ(c.json()["error"], "length_required");

  Req gzip = Check(token(), CheckBody(kDraft));
  gzip.headers.emplace_back("Content-Encoding", "gzip");
  EXPECT_EQ(Send(port(), gzip).status, 415);

  Req huge_header{};
  huge_header.headers = {{"X-Filler", std::string(64 * 1024, 'x')}};
  EXPECT_EQ(Send(port(), huge_header).status, 431);
}

TEST_F(ServeTest, SlowClientIsCut) {
  // Headers never finished: the 1 s read timeout closes the connection.
  Connection slow(port());
  ASSERT_TRUE(slow.Send("POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port()) + "\r\n"));
  EXPECT_TRUE(slow.ClosedWithin(20s));
  // Dribbling a byte at a time does not reset the clock.
  Connection drip(port());
  std::string raw = Raw(Check(token(), CheckBody(kDraft)), port());
  bool closed = false;
  for (size_t i = 0; i < raw.size() && i < 200 && !closed; ++i) {
    closed = !drip.Send(raw.substr(i, 1)) || drip.ClosedWithin(100ms);
  }
  EXPECT_TRUE(closed || drip.ClosedWithin(20s));
  // A body announced but not sent.
  Connection stalled(port());
  ASSERT_TRUE(stalled.Send("POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:" +
                           std::to_string(port()) + "\r\nAuthorization: Bearer " + token() +
                           "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te"));
  EXPECT_TRUE(stalled.ClosedWithin(20s));
  // Idle keep-alive connections are closed too (2 s).
  Connection idle(port());
  ASSERT_TRUE(idle.Send(Raw({}, port())));
  EXPECT_EQ(idle.Read().status, 200);
  EXPECT_TRUE(idle.ClosedWithin(20s));
  // And the server still answers.
  EXPECT_EQ(Send(port(), {}).status, 200);
}

TEST_F(ServeTest, AccessLogHasNoDraftText) {
  const std::string secret = "Zebediah Quuxworth";
  Send(port(), Check(token(), CheckBody("My client " + secret + " lives at 12 Elm Street.")));
  Send(port(), LtCheck(token(), "language=en-US&text=" + PercentEncode("My client " + secret)));
  Send(port(), {.path = "/v1/" + PercentEncode(secret)});
  std::string log = server_->Log();
  EXPECT_NE(log.find("POST /v1/check 200"), std::string::npos) << log;
  EXPECT_NE(log.find("POST /v2/check 200"), std::string::npos) << log;
  EXPECT_EQ(log.find("Zebediah"), std::string::npos);
  EXPECT_EQ(log.find("Quuxworth"), std::string::npos);
  EXPECT_EQ(log.find(token()), std::string::npos);
}

// ---------------------------------------------------------------------------------------
// Concurrency: 32 threads with different drafts get what one thread gets.

std::vector<std::string> Drafts() {
  std::vector<std::string> drafts;
  const char* names[] = {"Sally Jones", "Tom Brady", "Mary", "Mr. Thompson", "Jenny", "Beyoncé", "Dr. Patel", "Lou"};
  const char* details[] = {"email sally.jones@gmail.com", "call 415-867-5309", "born 03/14/1961", "MRN 00123456",
                           "is pregnant", "drives a red Porsche", "85-year-old from Smalltown", "had chemo"};
  for (int i = 0; i < 64; ++i)
    drafts.push_back("Draft " + std::to_string(i) + ": my client " + names[i % 8] + " \xF0\x9F\x98\x80 " +
                     details[(i / 8) % 8] + ". She told me about her week.");
  return drafts;
}

TEST_F(ServeTest, ThirtyTwoThreadsGetTheSingleThreadedResults) {
  std::vector<std::string> drafts = Drafts();
  std::vector<std::string> expected_v1, expected_v2;
  {
    Connection c(port());
    for (const std::string& d : drafts) {
      ASSERT_TRUE(c.Send(Raw(Check(token(), CheckBody(d)), port())));
      Response r = c.Read();
      ASSERT_EQ(r.status, 200);
      expected_v1.push_back(r.body);
      ASSERT_TRUE(c.Send(Raw(LtCheck(token(), "language=en-US&text=" + PercentEncode(d)), port())));
      Response lt = c.Read();
      ASSERT_EQ(lt.status, 200);
      expected_v2.push_back(lt.body);
    }
  }
  std::atomic<int> mismatches{0}, failures{0};
  std::vector<std::thread> threads;
  const std::string t = token();
  const int p = port();
  for (int thread = 0; thread < 32; ++thread) {
    threads.emplace_back([&, thread] {
      Connection c(p);
      for (int round = 0; round < 8; ++round) {
        size_t i = static_cast<size_t>(thread * 7 + round * 13) % drafts.size();
        bool lt = (thread + round) % 2 == 1;
        Req req = lt ? LtCheck(t, "language=en-US&text=" + PercentEncode(drafts[i])) : Check(t, CheckBody(drafts[i]));
        if (!c.Send(Raw(req, p))) {
          ++failures;
          return;
        }
        Response r = c.Read();
        if (r.status != 200) ++failures;
        else if (r.body != (lt ? expected_v2[i] : expected_v1[i])) ++mismatches;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(mismatches.load(), 0);
}

// ---------------------------------------------------------------------------------------
// Servers with their own options.

TEST(ServeProcessTest, FullQueueAnswers503) {
  ServerProcess server({"--workers", "1", "--queue", "1"}, {{"DISCREET_TEST_WORKER_DELAY_MS", "400"}});
  std::string t = server.token();
  std::vector<std::unique_ptr<Connection>> conns;
  for (int i = 0; i < 4; ++i) {
    conns.push_back(std::make_unique<Connection>(server.port()));
    ASSERT_TRUE(conns.back()->Send(Raw(Check(t, CheckBody(kDraft)), server.port())));
  }
  int ok = 0, busy = 0;
  for (auto& c : conns) {
    Response r = c->Read();
    if (r.status == 200) ++ok;
    if (r.status == 503) {
      ++busy;
      EXPECT_EQ(r.json()["error"], "overloaded");
      EXPECT_EQ(r.Header("retry-after"), "1");
    }
  }
  EXPECT_GE(ok, 1);
  EXPECT_GE(busy, 1);
  EXPECT_EQ(ok + busy, 4);
}

TEST(ServeProcessTest, SigtermCompletesTheRequestInFlight) {
  ServerProcess server({}, {{"DISCREET_TEST_WORKER_DELAY_MS", "700"}});
  std::string t = server.token();
  Connection busy(server.port());
  ASSERT_TRUE(busy.Send(Raw(Check(t, CheckBody(kDraft)), server.port())));
  // A second request is still being received when the signal comes.
  Connection partial(server.port());
  std::string raw = Raw(Check(t, CheckBody(kDraft)), server.port());
  ASSERT_TRUE(partial.Send(raw.substr(0, raw.size() - 10)));
  Connection idle(server.port());
  std::this_thread::sleep_for(200ms);
  server.Signal(SIGTERM);
  std::this_thread::sleep_for(200ms);
  ASSERT_TRUE(partial.Send(raw.substr(raw.size() - 10)));
  Response r1 = busy.Read();
  EXPECT_EQ(r1.status, 200);
  EXPECT_FALSE(r1.json()["findings"].empty());
  EXPECT_EQ(r1.Header("connection"), "close");
  EXPECT_EQ(partial.Read().status, 200);
  EXPECT_TRUE(idle.ClosedWithin(20s));
  EXPECT_EQ(server.Wait(), 0);
  Connection after(server.port());
  EXPECT_FALSE(after.ok());
}

TEST(ServeProcessTest, LtNoTokenOpensOnlyTheLanguageToolApi) {
  ServerProcess server({"--lt-no-token"});
  Response lt = Send(server.port(), LtCheck("", "language=en-US&text=" + PercentEncode(kDraft)));
  EXPECT_EQ(lt.status, 200);
  EXPECT_EQ(Send(server.port(), Check("", CheckBody(kDraft))).status, 401);
  // A wrong token is still refused.
  EXPECT_EQ(Send(server.port(), LtCheck("nope", "language=en-US&text=x")).status, 401);
}

TEST(ServeProcessTest, MaxBodyOption) {
  ServerProcess server({"--max-body", "1K"});
  std::string t = server.token();
  EXPECT_EQ(Send(server.port(), Check(t, CheckBody(std::string(2000, 'a')))).status, 413);
  EXPECT_EQ(Send(server.port(), Check(t, CheckBody("short"))).status, 200);
}

TEST(ServeCommandTest, NonLoopbackHostIsRefused) {
  TempDir dir;
  auto r = RunDiscreet({"serve", "--host", "0.0.0.0", "--port", "0"}, "", {{"XDG_CONFIG_HOME", dir.path()}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--allow-remote"), std::string::npos) << r.err;
  EXPECT_EQ(RunDiscreet({"serve", "--allow-origin", "https://evil.example"}, "", {{"XDG_CONFIG_HOME", dir.path()}})
                .exit_code,
            2);
  EXPECT_EQ(RunDiscreet({"serve", "--port", "99999"}, "", {{"XDG_CONFIG_HOME", dir.path()}}).exit_code, 2);
}

TEST(ServeCommandTest, TokenIsCreatedPrivateAndStable) {
  TempDir dir;
  std::map<std::string, std::string> env = {{"XDG_CONFIG_HOME", dir.path() + "/cfg"}};
  auto first = RunDiscreet({"token"}, "", env);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::string token = first.out.substr(0, first.out.find('\n'));
  EXPECT_EQ(token.size(), 64u);
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
  struct stat st;
  ASSERT_EQ(stat((dir.path() + "/cfg/discreet/token").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(stat((dir.path() + "/cfg/discreet").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_EQ(RunDiscreet({"token"}, "", env).out, first.out);
  auto rotated = RunDiscreet({"token", "--rotate"}, "", env);
  EXPECT_NE(rotated.out, first.out);
  EXPECT_EQ(RunDiscreet({"token"}, "", env).out, rotated.out);
  EXPECT_EQ(RunDiscreet({"token", "--path"}, "", env).out, dir.path() + "/cfg/discreet/token\n");
  // A token file others can read is refused rather than used.
  chmod((dir.path() + "/cfg/discreet/token").c_str(), 0644);
  EXPECT_EQ(RunDiscreet({"token"}, "", env).exit_code, 2);
}

// ---------------------------------------------------------------------------------------
// Units.

TEST(ServerUnits, ConstantTimeEquals) {
  EXPECT_TRUE(server::ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(server::ConstantTimeEquals("abd", "abc"));
  EXPECT_FALSE(server::ConstantTimeEquals("ab", "abc"));
  EXPECT_FALSE(server::ConstantTimeEquals("abcd", "abc"));
  EXPECT_FALSE(server::ConstantTimeEquals("", "abc"));
}

TEST(ServerUnits, ParseForm) {
  std::vector<std::pair<std::string, std::string>> form;
  ASSERT_TRUE(server::ParseForm("text=a+b%20c%F0%9F%98%80&language=en-US&empty=&flag", form));
  ASSERT_EQ(form.size(), 4u);
  EXPECT_EQ(form[0].second, "a b c\xF0\x9F\x98\x80");
  EXPECT_EQ(*server::FormValue(form, "language"), "en-US");
  EXPECT_EQ(*server::FormValue(form, "empty"), "");
  EXPECT_EQ(*server::FormValue(form, "flag"), "");
  EXPECT_EQ(server::FormValue(form, "missing"), nullptr);
  EXPECT_FALSE(server::ParseForm("text=%4", form));
  EXPECT_FALSE(server::ParseForm("text=%G0", form));
}

TEST(ServerUnits, JsonTooDeep) {
  EXPECT_FALSE(server::JsonTooDeep(R"({"a":[1,{"b":"[[[[[["}]})", 3));
  EXPECT_TRUE(server::JsonTooDeep("[[[[", 3));
}

}  // namespace
}  // namespace discreet
