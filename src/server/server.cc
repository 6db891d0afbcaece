// The HTTP transport of `discreet serve` (Boost.Beast, header-only). Every request is
// treated as hostile: any web page the user visits can send requests to localhost.
//
// A request goes: idle wait (idle timeout) → header read (read timeout starts) → header
// checks (Host allowlist, Origin allowlist, no chunked or compressed bodies, size, route,
// method, media type, token) → body read → cheap answers inline, checks on the worker
// queue (503 when full) → response → next request on the same connection.
// Nothing here logs or keeps a body; the access log has method, path, status, duration.
#include "server/server.h"

// Beast's string_view is std::string_view, like the rest of the code.
#define BOOST_BEAST_USE_STD_STRING_VIEW 1
#include <utility>  // Boost 1.74's asio/awaitable.hpp uses std::exchange without it
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include "error.h"
#include "server/api.h"
#include "server/token.h"

namespace discreet::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

enum class Route { kNone, kHealth, kRules, kCheck, kLtCheck, kLtLanguages };

struct RouteInfo {
  std::string_view path;
  Route route;
  http::verb method;
  bool token;        // needs the pairing token
  std::string_view media_type;  // required Content-Type of the body, for POST
};

constexpr RouteInfo kRoutes[] = {
    {"/v1/health", Route::kHealth, http::verb::get, false, ""},
    {"/v1/rules", Route::kRules, http::verb::get, true, ""},
    {"/v1/check", Route::kCheck, http::verb::post, true, "application/json"},
    {"/v2/check", Route::kLtCheck, http::verb::post, true, "application/x-www-form-urlencoded"},
    {"/v2/languages", Route::kLtLanguages, http::verb::get, false, ""},
};

const RouteInfo* FindRoute(std::string_view target) {
  std::string_view path = target.substr(0, target.find('?'));
  for (const RouteInfo& r : kRoutes)
    if (r.path == path) return &r;
  return nullptr;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "application/json; charset=utf-8" → "application/json".
std::string MediaType(std::string_view content_type) {
  return Lower(Trim(content_type.substr(0, content_type.find(';'))));
}

// A bounded queue of checks served by a fixed pool of threads. Jobs already queued when
// Stop() is called still run: they are requests in flight.
class WorkQueue {
 public:
  using Job = std::function<void()>;

  WorkQueue(size_t threads, size_t capacity) : capacity_(capacity) {
    for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
  }
  ~WorkQueue() { Stop(); }

  // `light`: a check small enough for the I/O thread to run itself (RunLightFront).
  bool TryPush(Job job, bool light) {
    {
      std::lock_guard lock(mu_);
      if (stopping_ || jobs_.size() >= capacity_) return false;
      jobs_.push_back({std::move(job), light});
    }
    cv_.notify_one();
    return true;
  }

  // Runs the job at the front of the queue here, if there is one and it is light.
  bool RunLightFront() {
    Job job;
    {
      std::lock_guard lock(mu_);
      if (jobs_.empty() || !jobs_.front().light) return false;
      job = std::move(jobs_.front().job);
      jobs_.pop_front();
    }
    job();
    return true;
  }

  void Stop() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_)
      if (t.joinable()) t.join();
  }

 private:
  void Loop() {
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front().job);
        jobs_.pop_front();
      }
      job();
    }
  }

  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable cv_;
  struct Queued {
    Job job;
    bool light;
  };
  std::deque<Queued> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

class Session;

// Bodies up to this size are light checks (WorkQueue::RunLightFront): a few hundred
// microseconds of work.
constexpr size_t kLightBody = 16 * 1024;

class Server {
 public:
  Server(const Linter& linter, const ServerOptions& options)
      : options_(options),
        api_(linter),
        acceptor_(ioc_),
        signals_(ioc_, SIGINT, SIGTERM),
        shutdown_timer_(ioc_),
        accept_retry_(ioc_),
        work_(asio::make_work_guard(ioc_)),
        queue_(options.workers > 0 ? options.workers : std::max(2u, std::thread::hardware_concurrency()) - 1,
               std::max<size_t>(1, options.queue)) {}

  std::string Listen() {
    std::string host = options_.host == "localhost" ? "127.0.0.1" : options_.host;
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    beast::error_code ec;
    asio::ip::address address = asio::ip::make_address(host, ec);
    if (ec) throw ConfigError("--host '" + options_.host + "' is not an IP address or localhost");
    tcp::endpoint endpoint(address, options_.port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) throw ConfigError("cannot listen on " + options_.host + ":" + std::to_string(options_.port) + ": " + ec.message());
    port_ = acceptor_.local_endpoint().port();
    std::string p = std::to_string(port_);
    allowed_hosts_ = {"127.0.0.1:" + p, "localhost:" + p, "[::1]:" + p};
    if (port_ == 80) allowed_hosts_.insert(allowed_hosts_.end(), {"127.0.0.1", "localhost", "[::1]"});
    std::string shown = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    if (options_.allow_remote) allowed_hosts_.push_back(Lower(shown + ":" + p));
    return shown + ":" + p;
  }

  int Run(const std::function<void(const std::string&)>& on_listening, const std::string& address) {
    signals_.async_wait([this](const beast::error_code& ec, int) {
      if (!ec) BeginDrain();
    });
    Accept();
    on_listening(address);
    // Between bursts of I/O this thread takes light checks from the queue's front itself:
    // on a machine with few cores that saves a worker's wake-up and the preemption of a
    // worker by this thread for most requests. A light check lasts a few hundred
    // microseconds, which is all it delays the I/O behind it.
    while (!ioc_.stopped()) {
      ioc_.poll();
      if (queue_.RunLightFront()) continue;
      ioc_.run_one();
    }
    running_ = false;
    queue_.Stop();
    return 0;
  }

  // Called by sessions (I/O thread only).
  const ServerOptions& options() const { return options_; }
  const Api& api() const { return api_; }
  asio::io_context& ioc() { return ioc_; }
  bool draining() const { return draining_; }
  bool HostAllowed(std::string_view host) const {
    std::string h = Lower(host);
    for (const std::string& a : allowed_hosts_)
      if (a == h) return true;
    return false;
  }
  bool OriginAllowed(std::string_view origin) const {
    for (const std::string& o : options_.extension_origins)
      if (o == origin) return true;
    return false;
  }
  bool TokenMatches(std::string_view presented) const { return ConstantTimeEquals(presented, options_.token); }
  bool Enqueue(WorkQueue::Job job, size_t body_bytes) {
    return queue_.TryPush(std::move(job), body_bytes <= kLightBody && options_.test_worker_delay.count() == 0);
  }
  void Register(Session* s) { sessions_.insert(s); }
  void Unregister(Session* s) {
    if (!running_) return;  // sessions destroyed with the io_context after Run()
    sessions_.erase(s);
    MaybeFinish();
  }

 private:
  void Accept();
  void BeginDrain();
  void ForceClose();
  void MaybeFinish() {
    if (!draining_ || !sessions_.empty() || finished_) return;
    finished_ = true;
    beast::error_code ec;
    signals_.cancel(ec);
    shutdown_timer_.cancel();
    accept_retry_.cancel();
    work_.reset();
  }

  const ServerOptions& options_;
  Api api_;
  // Declared before the io_context: sessions it still holds unregister while it is destroyed.
  std::unordered_set<Session*> sessions_;
  bool draining_ = false, finished_ = false, running_ = true;
  asio::io_context ioc_{1};
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  asio::steady_timer shutdown_timer_;
  asio::steady_timer accept_retry_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  WorkQueue queue_;
  uint16_t port_ = 0;
  std::vector<std::string> allowed_hosts_;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Server& server, tcp::socket socket) : server_(server), stream_(std::move(socket)) { server_.Register(this); }
  ~Session() { server_.Unregister(this); }

  void Start() { ReadIdle(); }

  // Shutdown: a connection waiting for its next request closes now; one inside a
  // request finishes it and then closes.
  void Drain() {
    if (state_ == State::kIdle) stream_.cancel();
  }
  void Kill() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  // Sends `r`; posted back from a worker or called inline.
  void Respond(ApiResponse r, bool close) {
    auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(r.status), version_);
    res->set(http::field::content_type, r.content_type);
    res->set(http::field::cache_control, "no-store");
    res->set("X-Content-Type-Options", "nosniff");
    for (const auto& [name, value] : r.headers) res->set(name, value);
    if (!cors_origin_.empty()) {
      res->set(http::field::access_control_allow_origin, cors_origin_);
      res->set(http::field::vary, "Origin");
    }
    res->body() = std::move(r.body);
    close = close || !keep_alive_ || server_.draining();
    res->keep_alive(!close);
    res->prepare_payload();
    state_ = State::kWriting;
    status_ = r.status;
    stream_.expires_after(server_.options().write_timeout);
    http::async_write(stream_, *res, [self = shared_from_this(), res, close](beast::error_code ec, size_t) {
      self->Log();
      if (ec) return;  // the session ends; the socket closes with it
      if (close) return self->LingerClose();
      self->ReadIdle();
    });
  }

 private:
  enum class State { kIdle, kReading, kBusy, kWriting, kClosing };

  void ReadIdle() {
    if (server_.draining()) return LingerClose();
    if (buffer_.size() > 0) return ReadHeader();  // a pipelined request is already here
    state_ = State::kIdle;
    stream_.expires_after(server_.options().idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, size_t n) {
      self->buffer_.commit(n);
      if (ec || n == 0) return;  // timeout, peer gone, or shutdown: the session ends
      self->ReadHeader();
    });
  }

  void ReadHeader() {
    state_ = State::kReading;
    started_ = Clock::now();
    route_ = nullptr;
    cors_origin_.clear();
    status_ = 0;
    method_.clear();
    needs_form_key_ = false;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options().max_header));
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());  // checked against Content-Length below
    stream_.expires_after(server_.options().read_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void Fail(int status, std::string_view code, std::string_view message,
            std::vector<std::pair<std::string, std::string>> headers = {}, bool close = true) {
    ApiResponse r = ErrorResponse(status, code, message);
    r.headers = std::move(headers);
    Respond(std::move(r), close);
  }

  void OnHeader(beast::error_code ec) {
    if (ec == http::error::header_limit)
      return Fail(431, "headers_too_large", "the request line and headers exceed the limit");
    if (ec == beast::error::timeout || ec == asio::error::operation_aborted || ec == http::error::end_of_stream ||
        ec == asio::error::eof || ec == asio::error::connection_reset)
      return;  // slow, gone or shut down: close without a word
    if (ec) return Fail(400, "bad_request", "malformed HTTP request");

    const auto& req = parser_->get();
    version_ = req.version();
    keep_alive_ = req.keep_alive();
    method_ = std::string(req.method_string().substr(0, 16));
    const bool has_body = parser_->chunked() || (parser_->content_length() && *parser_->content_length() > 0);

    // DNS rebinding: a page served from evil.example resolving to 127.0.0.1 still sends
    // Host: evil.example. Only the loopback names of this port are accepted.
    if (req.count(http::field::host) != 1 || !server_.HostAllowed(req[http::field::host]))
      return Fail(403, "forbidden_host", "the Host header must be 127.0.0.1:PORT, localhost:PORT or [::1]:PORT");
    // Web pages send their Origin; only configured extension origins are served (with CORS).
    if (auto it = req.find(http::field::origin); it != req.end()) {
      std::string_view origin(it->value().data(), it->value().size());
      if (req.count(http::field::origin) != 1 || !server_.OriginAllowed(origin))
        return Fail(403, "forbidden_origin", "requests from web pages are not served; allowlist extension origins with --allow-origin");
      cors_origin_ = std::string(origin);
    }
    if (req.find(http::field::transfer_encoding) != req.end())
      return Fail(411, "length_required", "chunked or other transfer-encoded bodies are refused; send Content-Length");
    if (auto it = req.find(http::field::content_encoding); it != req.end() && Lower(Trim(it->value())) != "identity")
      return Fail(415, "unsupported_media_type", "compressed bodies are refused");

    route_ = FindRoute(std::string_view(req.target().data(), req.target().size()));
    if (route_ == nullptr) return Fail(404, "not_found", "no such endpoint (see /v1/health)", {}, has_body);
    std::string allow = std::string(route_->method == http::verb::get ? "GET" : "POST") + ", OPTIONS";
    if (req.method() == http::verb::options) return Preflight(allow);
    if (req.method() != route_->method)
      return Fail(405, "method_not_allowed", "use " + allow.substr(0, allow.find(',')) + " for this endpoint",
                  {{"Allow", allow}}, has_body);
    if (parser_->content_length() && *parser_->content_length() > server_.options().max_body)
      return Fail(413, "payload_too_large",
                  "the body exceeds " + std::to_string(server_.options().max_body) + " bytes (see --max-body)");
    if (!route_->media_type.empty() && MediaType(req[http::field::content_type]) != route_->media_type)
      return Fail(415, "unsupported_media_type", "send Content-Type: " + std::string(route_->media_type), {}, has_body);

    if (route_->token) {
      std::optional<std::string_view> bearer;
      if (auto it = req.find(http::field::authorization); it != req.end()) {
        std::string_view v(it->value().data(), it->value().size());
        if (v.size() > 7 && Lower(v.substr(0, 7)) == "bearer ") bearer = Trim(v.substr(7));
        else bearer = std::string_view();
      }
      bool lt = route_->route == Route::kLtCheck;
      if (bearer && !server_.TokenMatches(*bearer))
        return Fail(401, "unauthorized", "wrong token (run `discreet token`)", {{"WWW-Authenticate", "Bearer"}}, has_body);
      if (!bearer && !(lt && server_.options().lt_no_token)) {
        // LanguageTool clients can send the token as the form field apiKey instead.
        if (!lt)
          return Fail(401, "unauthorized", "send Authorization: Bearer <token> (run `discreet token`)",
                      {{"WWW-Authenticate", "Bearer"}}, has_body);
        needs_form_key_ = true;
      }
    }

    if (!has_body) return Dispatch();
    parser_->body_limit(server_.options().max_body);
    if (beast::iequals(req[http::field::expect], "100-continue")) {
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, version_);
      return http::async_write(stream_, *cont, [self = shared_from_this(), cont](beast::error_code ec, size_t) {
        if (!ec) self->ReadBody();
      });
    }
    ReadBody();
  }

  void Preflight(const std::string& allow) {
    const auto& req = parser_->get();
    if (cors_origin_.empty()) return Fail(403, "forbidden_origin", "preflight requests need an allowlisted Origin");
    ApiResponse r;
    r.status = 204;
    r.content_type = "text/plain";
    r.headers = {{"Access-Control-Allow-Methods", allow},
                 {"Access-Control-Allow-Headers", "Authorization, Content-Type"},
                 {"Access-Control-Max-Age", "600"}};
    if (beast::iequals(req["Access-Control-Request-Private-Network"], "true"))
      r.headers.emplace_back("Access-Control-Allow-Private-Network", "true");
    Respond(std::move(r), false);
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec == http::error::body_limit) return self->Fail(413, "payload_too_large", "the body exceeds the limit");
      if (ec) return;
      self->Dispatch();
    });
  }

  void Dispatch() {
    state_ = State::kBusy;
    const Api& api = server_.api();
    switch (route_->route) {
      case Route::kHealth: return Respond(api.Health(), false);
      case Route::kRules: return Respond(api.Rules(), false);
      case Route::kLtLanguages: return Respond(api.Languages(), false);
      case Route::kCheck:
      case Route::kLtCheck: break;
      case Route::kNone: return Fail(404, "not_found", "no such endpoint");
    }
    Route route = route_->route;
    bool needs_key = needs_form_key_;
    Server* server = &server_;
    std::string body = parser_->release().body();
    const size_t body_bytes = body.size();
    bool queued = server_.Enqueue(
        [self = shared_from_this(), body = std::move(body), route, needs_key, server]() mutable {
          ApiResponse r;
          try {
            if (server->options().test_worker_delay.count() > 0)
              std::this_thread::sleep_for(server->options().test_worker_delay);
            if (route == Route::kCheck) {
              r = server->api().Check(body);
            } else {
              bool authorised = !needs_key;
              if (needs_key) {
                std::vector<std::pair<std::string, std::string>> form;
                const std::string* key = ParseForm(body, form) ? FormValue(form, "apiKey") : nullptr;
                authorised = key != nullptr && server->TokenMatches(*key);
              }
              r = authorised ? server->api().LanguageToolCheck(body)
                             : ErrorResponse(401, "unauthorized",
                                             "send Authorization: Bearer <token> or the form field apiKey=<token>");
              if (!authorised) r.headers = {{"WWW-Authenticate", "Bearer"}};
            }
          } catch (const std::exception&) {
            r = ErrorResponse(500, "internal_error", "the check failed");
          }
          body.clear();
          body.shrink_to_fit();
          asio::post(server->ioc(),
                     [self = std::move(self), r = std::move(r)]() mutable { self->Respond(std::move(r), false); });
        },
        body_bytes);
    if (!queued)
      Fail(503, "overloaded", "too many checks waiting; retry shortly", {{"Retry-After", "1"}}, false);
  }

  // After an error that leaves a body unread, or at shutdown: stop sending, then discard
  // what the client still sends for a moment, so it reads our answer instead of a reset.
  void LingerClose() {
    state_ = State::kClosing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return;
    linger_bytes_ = 0;
    stream_.expires_after(std::chrono::seconds(2));
    Discard();
  }
  void Discard() {
    stream_.async_read_some(buffer_.prepare(16384), [self = shared_from_this()](beast::error_code ec, size_t n) {
      self->buffer_.consume(self->buffer_.size());
      self->linger_bytes_ += n;
      if (ec || self->linger_bytes_ > (1u << 20)) return;
      self->Discard();
    });
  }

  void Log() {
    if (!server_.options().access_log) return;
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
    // Only known paths are logged (no query string): nothing the client chose appears.
    std::fprintf(stderr, "%s %s %d %.2fms\n", method_.empty() ? "-" : method_.c_str(),
                 route_ != nullptr ? std::string(route_->path).c_str() : "(other)", status_, ms);
  }

  Server& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  State state_ = State::kIdle;
  const RouteInfo* route_ = nullptr;
  std::string cors_origin_;
  std::string method_;
  unsigned version_ = 11;
  bool keep_alive_ = true;
  bool needs_form_key_ = false;
  int status_ = 0;
  size_t linger_bytes_ = 0;
  Clock::time_point started_ = Clock::now();
};

void Server::Accept() {
  acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (!acceptor_.is_open()) return;
    if (ec) {
      // Out of descriptors or similar: pause instead of spinning.
      accept_retry_.expires_after(std::chrono::milliseconds(50));
      accept_retry_.async_wait([this](beast::error_code e) {
        if (!e && acceptor_.is_open()) Accept();
      });
      return;
    }
    if (sessions_.size() >= options_.max_connections) {
      beast::error_code ignored;
      socket.close(ignored);
    } else {
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      std::make_shared<Session>(*this, std::move(socket))->Start();
    }
    Accept();
  });
}

void Server::BeginDrain() {
  if (draining_) return;
  draining_ = true;
  beast::error_code ec;
  acceptor_.close(ec);
  accept_retry_.cancel();
  for (Session* s : sessions_) s->Drain();
  shutdown_timer_.expires_after(options_.shutdown_timeout);
  shutdown_timer_.async_wait([this](beast::error_code e) {
    if (!e) ForceClose();
  });
  // A second signal cuts the remaining connections at once.
  signals_.async_wait([this](const beast::error_code& e, int) {
    if (!e) ForceClose();
  });
  MaybeFinish();
}

void Server::ForceClose() {
  std::vector<Session*> all(sessions_.begin(), sessions_.end());
  for (Session* s : all) s->Kill();
}

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  if (Lower(host) == "localhost") return true;
  std::string h = host;
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  beast::error_code ec;
  asio::ip::address a = asio::ip::make_address(h, ec);
  return !ec && a.is_loopback();
}

int RunServer(const Linter& linter, const ServerOptions& options,
              const std::function<void(const std::string&)>& on_listening) {
  Server server(linter, options);
  std::string address = server.Listen();
  return server.Run(on_listening, address);
}

}  // namespace discreet::server
