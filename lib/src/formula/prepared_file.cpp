#include "gradecheck/formula/prepared_file.hpp"

#include <mpfr.h>

#include <charconv>
#include <cstdio>

namespace gradecheck::formula {

using numeric::real50;

namespace {

constexpr std::string_view header = "gradecheck-prepared-points 1";

// x in hexadecimal with every bit of its precision ("0x1.99999999999999999999999999999999999999ap-4").
void put_real(std::string& out, const real50& x) {
  char buffer[160];
  const int n = mpfr_snprintf(buffer, sizeof buffer, "%Ra", x.backend().data());
  out.append(buffer, static_cast<std::size_t>(n));
}

void put_value(std::string& out, const value50& v) {
  out += std::to_string(v.rows) + " " + std::to_string(v.cols);
  for (const auto& x : v.data) {
    out += ' ';
    put_real(out, x);
  }
}

// The tokens of the file, separated by blanks and newlines.
class tokens {
 public:
  tokens(std::string_view text, std::size_t from) : text_(text), at_(from) {}

  std::string_view next(const char* expected) {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n')) ++at_;
    const std::size_t start = at_;
    while (at_ < text_.size() && text_[at_] != ' ' && text_[at_] != '\n') ++at_;
    if (start == at_) fail(expected);
    return text_.substr(start, at_ - start);
  }
  void expect(std::string_view word) {
    if (next(word.data()) != word) fail(std::string(word).c_str());
  }
  std::size_t count(const char* expected, std::size_t most) {
    const auto t = next(expected);
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
    if (ec != std::errc() || end != t.data() + t.size() || n > most) fail(expected);
    return n;
  }
  real50 real() {
    const std::string t(next("a hexadecimal number"));
    real50 x;
    char* end = nullptr;
    mpfr_strtofr(x.backend().data(), t.c_str(), &end, 16, MPFR_RNDN);
    if (end != t.c_str() + t.size()) fail("a hexadecimal number");
    return x;
  }
  value50 value() {
    const std::size_t rows = count("a count of rows", 10'000), cols = count("a count of columns", 10'000);
    if (rows * cols > 1'000'000) fail("a value of at most a million entries");
    value50 v{rows, cols, {}};
    v.data.reserve(rows * cols);
    for (std::size_t k = 0; k < v.rows * v.cols; ++k) v.data.push_back(real());
    return v;
  }
  [[noreturn]] void fail(const char* expected) const {
    throw prepared_file_error("prepared points: expected " + std::string(expected) + " at byte " + std::to_string(at_));
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

// The point a sample's environment was bound from (bind puts the sizes, indices and variables in it).
point point_of(const domain& d, const expr::environment<real50>& env, tokens& in) {
  const auto find = [&](const std::string& name) -> const value50& {
    const auto it = env.find(name);
    if (it == env.end()) in.fail(("the symbol " + name + " of the domain").c_str());
    return it->second;
  };
  point p;
  for (const auto& s : d.sizes) p.sizes[s.name] = static_cast<long>(find(s.name).data.at(0));
  for (const auto& i : d.indices) p.indices[i.name] = static_cast<long>(find(i.name).data.at(0));
  for (const auto& v : d.variables) p.variables[v.name] = find(v.name);
  return p;
}

}  // namespace

std::string write_prepared(const std::map<std::string, prepared_question>& prepared, const std::string& fingerprint) {
  // the points, each once: the questions share their environments
  std::map<const expr::environment<real50>*, std::size_t> index;
  std::vector<const expr::environment<real50>*> envs;
  for (const auto& [name, p] : prepared)
    for (const auto& s : p.samples)
      if (index.emplace(s.env.get(), envs.size()).second) envs.push_back(s.env.get());
  std::string out(header);
  out += "\nfingerprint " + fingerprint + "\npoints " + std::to_string(envs.size()) + "\n";
  for (const auto* env : envs) {
    out += std::to_string(env->size());
    for (const auto& [name, v] : *env) {
      out += " " + name + " ";
      put_value(out, v);
    }
    out += "\n";
  }
  out += "questions " + std::to_string(prepared.size()) + "\n";
  for (const auto& [name, p] : prepared) {
    out += name + " " + std::to_string(p.samples.size());
    for (const auto& s : p.samples) {
      out += " " + std::to_string(index.at(s.env.get())) + " ";
      put_real(out, s.expected.allowance);
      out += " ";
      put_value(out, s.expected.value);
    }
    out += "\n";
  }
  return out + "end\n";
}

std::optional<std::map<std::string, prepared_question>> read_prepared(std::string_view text, const domain& d, const std::vector<question>& all,
                                                                     const std::string& fingerprint) {
  if (text.substr(0, header.size()) != header) throw prepared_file_error("prepared points: not a file of prepared points");
  tokens in(text, header.size());
  in.expect("fingerprint");
  if (in.next("a fingerprint") != fingerprint) return std::nullopt;
  in.expect("points");
  const std::size_t n = in.count("a count of points", 1'000'000);
  std::vector<std::shared_ptr<const expr::environment<real50>>> envs;
  std::vector<point> points;
  for (std::size_t k = 0; k < n; ++k) {
    expr::environment<real50> env;
    const std::size_t names = in.count("a count of names", 100'000);
    for (std::size_t j = 0; j < names; ++j) {
      std::string name(in.next("a name"));
      env[std::move(name)] = in.value();
    }
    points.push_back(point_of(d, env, in));
    envs.push_back(std::make_shared<const expr::environment<real50>>(std::move(env)));
  }
  in.expect("questions");
  const std::size_t questions = in.count("a count of questions", all.size());
  if (questions != all.size()) in.fail("one line per question of the case");
  std::map<std::string, prepared_question> out;
  for (std::size_t k = 0; k < questions; ++k) {
    const std::string name(in.next("a question's name"));
    const question* q = nullptr;
    for (const auto& candidate : all)
      if (candidate.name == name) q = &candidate;
    if (!q || out.count(name)) in.fail("a question of the case, once");
    prepared_question p{&d, &all, q, {}};
    const std::size_t samples = in.count("a count of samples", n);
    for (std::size_t s = 0; s < samples; ++s) {
      const std::size_t at = in.count("a point's number", n - 1);
      expectation e;
      e.allowance = in.real();
      e.value = in.value();
      p.samples.push_back({points[at], envs[at], std::move(e)});
    }
    out[name] = std::move(p);
  }
  in.expect("end");
  return out;
}

}  // namespace gradecheck::formula
