#include "gradecheck/numeric/decimal.hpp"

#include "gradecheck/numeric/real.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdlib>

namespace gradecheck::numeric {

namespace {

constexpr std::string_view unicode_minus = "\xE2\x88\x92";  // U+2212

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Exponents beyond this are not written by anyone; refusing them keeps
// `exponent` far from int overflow and MPFR's range.
constexpr int max_written_exponent = 100000;

}  // namespace

decimal_parse_error::decimal_parse_error(std::size_t col, const std::string& expected, std::string_view text)
    : std::runtime_error("column " + std::to_string(col) + ": expected " + expected + " in \"" + std::string(text) + "\""),
      column(col) {}

std::string decimal::canonical() const {
  return (negative ? "-" : "") + digits + "e" + std::to_string(exponent);
}

namespace {

// Compares |a| and |b|. A value D * 10^e with D's n digits (no leading zero) lies in
// [10^(n+e-1), 10^(n+e)): the larger n + e is the larger number; with equal n + e, the digit
// strings compare as written, the shorter padded with zeros.
int compare_magnitude(const decimal& a, const decimal& b) {
  const bool a_zero = a.digits == "0", b_zero = b.digits == "0";
  if (a_zero || b_zero) return a_zero == b_zero ? 0 : (a_zero ? -1 : 1);
  const long a_order = static_cast<long>(a.digits.size()) + a.exponent, b_order = static_cast<long>(b.digits.size()) + b.exponent;
  if (a_order != b_order) return a_order < b_order ? -1 : 1;
  const std::size_t n = std::max(a.digits.size(), b.digits.size());
  for (std::size_t k = 0; k < n; ++k) {
    const char x = k < a.digits.size() ? a.digits[k] : '0', y = k < b.digits.size() ? b.digits[k] : '0';
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

}  // namespace

int compare(const decimal& a, const decimal& b) {
  const bool a_negative = a.negative && a.digits != "0", b_negative = b.negative && b.digits != "0";
  if (a_negative != b_negative) return a_negative ? -1 : 1;  // -0 counts as 0, so the signs differ only for non-zero a or b
  const int m = compare_magnitude(a, b);
  return a_negative ? -m : m;
}

decimal parse_decimal(std::string_view text) {
  decimal d;
  std::size_t pos = 0;
  std::size_t column = 1;  // characters, so the Unicode minus counts as one
  auto fail = [&](const std::string& expected) { throw decimal_parse_error(column, expected, text); };
  auto advance = [&](std::size_t bytes) { pos += bytes; ++column; };

  if (text.substr(0, unicode_minus.size()) == unicode_minus) {
    d.negative = true;
    advance(unicode_minus.size());
  } else if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
    d.negative = text[pos] == '-';
    advance(1);
  }

  std::string digits;
  int fraction_digits = 0;
  bool any_digit = false;
  while (pos < text.size() && is_digit(text[pos])) {
    digits += text[pos];
    any_digit = true;
    advance(1);
  }
  if (pos < text.size() && text[pos] == '.') {
    advance(1);
    while (pos < text.size() && is_digit(text[pos])) {
      digits += text[pos];
      ++fraction_digits;
      any_digit = true;
      advance(1);
    }
  }
  if (!any_digit) fail("a digit");

  long exponent = 0;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    advance(1);
    bool exponent_negative = false;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
      exponent_negative = text[pos] == '-';
      advance(1);
    }
    if (pos >= text.size() || !is_digit(text[pos])) fail("a digit of the exponent");
    while (pos < text.size() && is_digit(text[pos])) {
      exponent = exponent * 10 + (text[pos] - '0');
      if (exponent > max_written_exponent) fail("an exponent of at most " + std::to_string(max_written_exponent));
      advance(1);
    }
    if (exponent_negative) exponent = -exponent;
  }
  if (pos != text.size()) fail("end of number");

  const std::size_t first_nonzero = digits.find_first_not_of('0');
  if (first_nonzero == std::string::npos) {
    d.negative = false;  // zero is written "0", unsigned
  } else {
    digits.erase(0, first_nonzero);
    d.digits = std::move(digits);
  }
  d.exponent = static_cast<int>(exponent - fraction_digits);
  return d;
}

template <>
double to_real<double>(const decimal& d) {
  // strtod is correctly rounded (glibc); the canonical text is plain ASCII.
  return std::strtod(d.canonical().c_str(), nullptr);
}

// mpfr_set_str rounds the exact decimal to nearest.
template <>
real50 to_real<real50>(const decimal& d) {
  return real50(d.canonical());
}
template <>
real100 to_real<real100>(const decimal& d) {
  return real100(d.canonical());
}
template <>
real200 to_real<real200>(const decimal& d) {
  return real200(d.canonical());
}

}  // namespace gradecheck::numeric
