#include "gradecheck/numeric/format.hpp"

#include <mpfr.h>

#include <charconv>
#include <cstdio>
#include <cmath>
#include <memory>
#include <stdexcept>

namespace gradecheck::numeric {

namespace {

// Lays out `digits` (exactly n significant digits, no sign) with the decimal
// point after the first: value = d1.d2d3... * 10^exponent.
std::string layout(bool negative, const std::string& digits, long exponent, bool scientific = false) {
  std::string out = negative ? "-" : "";
  const auto n = static_cast<long>(digits.size());
  const auto count = [](long k) { return static_cast<std::size_t>(k); };
  if (scientific || exponent < -5 || exponent > 20) {
    out.append(digits, 0, 1);
    if (n > 1) out.append(".").append(digits, 1);
    out.append("e").append(std::to_string(exponent));
  } else if (exponent < 0) {
    out.append("0.").append(count(-exponent - 1), '0').append(digits);
  } else if (exponent + 1 >= n) {
    out.append(digits).append(count(exponent + 1 - n), '0');
  } else {
    out.append(digits, 0, count(exponent + 1)).append(".").append(digits, count(exponent + 1));
  }
  return out;
}

std::string written(mpfr_srcptr v, int n, bool scientific);

void require_positive(int n) {
  if (n < 1) throw std::invalid_argument("to_significant: digits must be at least 1, got " + std::to_string(n));
}

}  // namespace

std::string to_significant(const real50& x, int n) { return written(x.backend().data(), n, false); }
std::string to_significant(const real100& x, int n) { return written(x.backend().data(), n, false); }
std::string to_significant(const real200& x, int n) { return written(x.backend().data(), n, false); }

std::string to_scientific(const real50& x, int n) { return written(x.backend().data(), n, true); }

namespace {
std::string written(mpfr_srcptr v, int n, bool scientific) {
  require_positive(n);
  if (mpfr_nan_p(v)) return "nan";
  if (mpfr_inf_p(v)) return mpfr_signbit(v) ? "-inf" : "inf";
  if (mpfr_zero_p(v)) return "0";
  mpfr_exp_t exp10 = 0;
  // mpfr_get_str: n digits correctly rounded, value = 0.d1d2... * 10^exp10.
  std::unique_ptr<char, void (*)(char*)> raw(mpfr_get_str(nullptr, &exp10, 10, static_cast<std::size_t>(n), v, MPFR_RNDN), mpfr_free_str);
  std::string digits(raw.get());
  const bool negative = !digits.empty() && digits[0] == '-';
  if (negative) digits.erase(0, 1);
  return layout(negative, digits, static_cast<long>(exp10) - 1, scientific);
}
}  // namespace

std::string to_significant(double x, int n) {
  require_positive(n);
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
  if (x == 0) return "0";
  // to_chars in scientific form is correctly rounded: d.ddd...e[+-]XX
  std::string buf(static_cast<std::size_t>(n) + 32, '\0');
  const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), std::abs(x), std::chars_format::scientific, n - 1);
  const std::string text(buf.data(), res.ptr);
  const auto e = text.find('e');
  const std::string digits = text.substr(0, 1) + (e > 2 ? text.substr(2, e - 2) : "");
  const long exponent = std::stol(text.substr(e + 1));
  return layout(x < 0, digits, exponent);
}

std::string to_fixed(double x, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  return buf;
}

std::string to_general(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

}  // namespace gradecheck::numeric
