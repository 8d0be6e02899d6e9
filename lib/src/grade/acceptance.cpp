#include "gradecheck/grade/acceptance.hpp"

#include "gradecheck/numeric/format.hpp"

namespace gradecheck::grade {

using numeric::real50;

bool sure_interval::holds(const numeric::decimal& x) const { return numeric::compare(lo, x) < 0 && numeric::compare(x, hi) < 0; }

namespace {

// The digits the ends are written to: their rounding (a relative 1e-45) is far inside the margin.
constexpr int end_digits = 45;

}  // namespace

acceptance make_acceptance(const cases::case_file& c, const expr::environment<real50>& values,
                           const std::map<std::string, std::vector<real50>>& half_widths) {
  using boost::multiprecision::abs;
  acceptance out;
  for (const auto& a : c.ask) {
    out.answers.emplace_back();
    if (c.find_formula(a.name)) continue;
    const auto& v = values.at(a.name);
    const auto& w = half_widths.at(a.name);
    sure_answer sure{v.rows, v.cols, v.is_vector() && !v.is_scalar() && !a.pin_orientation, {}};
    bool drawn_in = true;
    for (std::size_t k = 0; k < v.size(); ++k) {
      // The margin dwarfs the error of a 50-digit reference and band (a relative 1e-48 or so) and
      // the rounding of the ends to 45 digits; what it leaves out, the grader decides.
      const real50 margin = w[k] * real50("1e-20") + abs(v.data[k]) * real50("1e-40");
      drawn_in = margin * 2 < w[k];
      if (!drawn_in) break;
      const real50 lo = v.data[k] - w[k] + margin, hi = v.data[k] + w[k] - margin;
      sure.entries.push_back({numeric::parse_decimal(numeric::to_significant(lo, end_digits)),
                              numeric::parse_decimal(numeric::to_significant(hi, end_digits))});
    }
    if (drawn_in) out.answers.back() = std::move(sure);
  }
  return out;
}

namespace {

// The signed decimal of a plain number, nothing for any other node.
std::optional<numeric::decimal> plain_number(const expr::node& n) {
  if (!expr::is_plain_number(n)) return std::nullopt;
  if (n.kind == expr::node_kind::number) return n.literal;
  auto d = n.children[0].literal;
  d.negative = !d.negative;
  return d;
}

// Appends the entries of a list of plain numbers; false when one is anything else.
bool append_numbers(const expr::node& list, std::vector<numeric::decimal>& out) {
  for (const auto& x : list.children) {
    auto d = plain_number(x);
    if (!d) return false;
    out.push_back(std::move(*d));
  }
  return true;
}

}  // namespace

std::optional<plain_numbers> plain_numbers_of(const expr::node& answer) {
  plain_numbers out;
  if (auto d = plain_number(answer)) {
    out.entries.push_back(std::move(*d));
    return out;
  }
  if (answer.kind != expr::node_kind::list || answer.children.empty()) return std::nullopt;
  if (answer.children[0].kind != expr::node_kind::list) {
    if (!append_numbers(answer, out.entries)) return std::nullopt;
    out.rows = out.entries.size();  // a list of numbers is a column
    return out;
  }
  // rows of two or more numbers, all of one length (a row of one number would read as a column entry)
  out.rows = answer.children.size();
  out.cols = answer.children[0].children.size();
  if (out.cols < 2) return std::nullopt;
  for (const auto& row : answer.children)
    if (row.kind != expr::node_kind::list || row.children.size() != out.cols || !append_numbers(row, out.entries)) return std::nullopt;
  return out;
}

bool accepted_at_sight(const sure_answer& sure, const expr::node& answer) {
  // a scalar, the most common answer, without building the list of entries
  if (sure.entries.size() == 1 && answer.kind != expr::node_kind::list) {
    const auto d = plain_number(answer);
    return d && sure.entries[0].holds(*d);
  }
  const auto numbers = plain_numbers_of(answer);
  if (!numbers) return false;
  const bool same_shape = numbers->rows == sure.rows && numbers->cols == sure.cols;
  const bool turned = sure.any_orientation && numbers->rows == sure.cols && numbers->cols == sure.rows;
  if (!same_shape && !turned) return false;
  for (std::size_t k = 0; k < sure.entries.size(); ++k)
    if (!sure.entries[k].holds(numbers->entries[k])) return false;
  return true;
}

}  // namespace gradecheck::grade
