// The grader is right: mutation and rounding tests over every case.
//
// Mutants: every asked quantity of a correct submission (the reference written
// to 12 significant digits) changed one at a time: sign flipped, x2, x1/2, x10,
// a digit changed, two answers swapped, rounded to one significant figure.
// Each mutant must not be accepted (correct, correct_rounded or carried_forward),
// (1) alone, and (2) with every later step recomputed from it by a student who
// carries on, where nothing else may be charged (except, after a mutant of 0 or
// of a given's value, the steps it makes trivial). Mutants that leave the value
// within the quantity's tolerance (x2 of 0, say) are counted apart.
//
// Rounding: correct answers written at 2 to 12 significant digits, both rounded
// from the exact values and by a student who rounds every step as they go, must
// all be accepted, except that an answer written with fewer digits than the
// problem's tolerance asks for is imprecise (half a unit of its last digit wider
// than the band the tolerance accepts, by README's definitions).

#include "gradecheck/cases/load.hpp"
#include "gradecheck/grade/grade.hpp"
#include "gradecheck/grade/simulate.hpp"
#include "gradecheck/numeric/format.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace gradecheck;
using numeric::real50;
using point = expr::value<real50>;
using grade::accepted;

namespace {

// Every case that asks for numbers (formula answers have their own mutation tests).
std::vector<std::filesystem::path> all_cases() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(GRADECHECK_CASES_DIR))
    if (e.is_directory() && std::filesystem::exists(e.path() / "case.toml") && !cases::load_case(e.path()).derive.empty())
      out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The feedback a TA reads, for failure messages.
std::string why(const grade::graded& g) {
  std::string out(grade::name_of(g.outcome));
  for (const auto& d : g.diagnoses) out += std::string(" ") + std::string(grade::name_of(d.kind));
  return out;
}

// True when some entry of `written` (an answer as text) is written coarser than t asks at r:
// half a unit of its last digit exceeds 0.51 units of the digit asked for (atol + rtol |r| for relabs).
bool coarser_than_asked(const cases::tolerance& t, const std::string& written, const point& r) {
  using boost::multiprecision::abs;
  using boost::multiprecision::floor;
  using boost::multiprecision::log10;
  using boost::multiprecision::pow;
  std::vector<std::string> numbers;
  std::string current;
  for (char ch : written + ",") {
    if (ch == '[' || ch == ']' || ch == ',' || ch == ' ') {
      if (!current.empty()) numbers.push_back(current);
      current.clear();
    } else {
      current += ch;
    }
  }
  for (std::size_t k = 0; k < numbers.size() && k < r.size(); ++k) {
    const auto d = numeric::parse_decimal(numbers[k]);
    if (d.digits == "0") continue;
    const real50 half = real50(5) * pow(real50(10), d.exponent - 1);
    real50 band;
    if (t.type == cases::tolerance::kind::relabs) band = real50(t.atol) + real50(t.rtol) * abs(r.data[k]);
    else if (t.type == cases::tolerance::kind::decdig) band = real50("0.51") * pow(real50(10), -t.digits);
    else band = real50("0.51") * pow(real50(10), r.data[k] == 0 ? real50(1 - t.digits) : floor(log10(abs(r.data[k]))) - t.digits + 1);
    if (half > band) return true;
  }
  return false;
}

const grade::graded& result(const grade::report& r, const std::string& name) {
  return *std::find_if(r.results.begin(), r.results.end(), [&](const grade::graded& g) { return g.name == name; });
}

// The PrairieLearn comparison again, to skip mutants that do not change the answer.
bool same_within(const cases::tolerance& t, const point& a, const point& b) {
  using boost::multiprecision::abs;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const real50 diff = abs(a.data[k] - b.data[k]);
    if (t.type == cases::tolerance::kind::relabs) {
      if (diff > real50(t.atol) + real50(t.rtol) * abs(b.data[k])) return false;
    } else if (diff != 0) {
      return false;  // the digit tolerances: a changed value is a different answer
    }
  }
  return true;
}

struct counts {
  int tried = 0, caught = 0, unchanged = 0, propagated = 0, propagated_clean = 0, rounding_tried = 0, rounding_accepted = 0,
      rounding_imprecise = 0;
};

counts& totals() {
  static counts c;
  return c;
}

const cases::tolerance& result_tolerance(const cases::case_file& c, const std::string& name) {
  return c.find_asked(name)->within;
}

std::string grade_text(const grade::reference& ref, const cases::case_file& c, const std::string& text, grade::report& out) {
  out = grade::grade_submission(ref, grade::parse_submission(text, "mutant.txt", c));
  return text;
}

}  // namespace

class every_case : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(every_case, mutants_are_caught_and_their_consequences_carried_forward) {
  const auto c = cases::load_case(GetParam());
  const auto ref = grade::make_reference(c);
  const auto correct = grade::simulate_student(c, 12);
  grade::report r;
  grade_text(ref, c, grade::answer_file(c, correct, "correct"), r);
  for (const auto& g : r.results) ASSERT_TRUE(accepted(g.outcome)) << c.id << " " << g.name << ": " << why(g);

  const std::vector<std::pair<std::string, std::function<point(const point&)>>> mutations{
      {"sign flipped", [](point v) { for (auto& x : v.data) x = -x; return v; }},
      {"x2", [](point v) { for (auto& x : v.data) x *= 2; return v; }},
      {"x1/2", [](point v) { for (auto& x : v.data) x /= 2; return v; }},
      {"x10", [](point v) { for (auto& x : v.data) x *= 10; return v; }},
      {"a digit changed", [](point v) {
         // the third significant digit of the first entry, up by one (9 becomes 0)
         std::string text = numeric::to_scientific(v.data[0], 12);
         const std::size_t at = text.find_first_of("0123456789", text.find('.') + 1) + 1;
         text[at] = text[at] == '9' ? '0' : static_cast<char>(text[at] + 1);
         v.data[0] = numeric::parse_real<real50>(text);
         return v;
       }},
      {"rounded to one significant figure",
       [](point v) { for (auto& x : v.data) x = numeric::parse_real<real50>(numeric::to_scientific(x, 1)); return v; }},
  };

  for (const auto& a : c.ask) {
    const point& exact = ref.values.at(a.name);
    std::vector<std::pair<std::string, point>> mutants;
    for (const auto& [what, mutate] : mutations) mutants.emplace_back(what, mutate(exact));
    for (const auto& b : c.ask) {  // swapped with the next answer of the same shape and a different value
      const point& other = ref.values.at(b.name);
      if (b.name != a.name && other.rows == exact.rows && other.cols == exact.cols && !same_within(a.within, other, exact)) {
        mutants.emplace_back("swapped with " + b.name, other);
        break;
      }
    }
    for (const auto& [what, mutant] : mutants) {
      if (same_within(a.within, mutant, exact)) {
        ++totals().unchanged;
        continue;
      }
      ++totals().tried;
      auto alone = correct;
      alone[a.name] = grade::written_value(mutant, 12);
      grade_text(ref, c, grade::answer_file(c, alone, what), r);
      const bool caught = !accepted(result(r, a.name).outcome);
      totals().caught += caught;
      EXPECT_TRUE(caught) << c.id << " " << a.name << " " << what << ": graded " << grade::name_of(result(r, a.name).outcome);

      std::map<std::string, std::string> carried_on;
      try {
        carried_on = grade::simulate_student(c, 12, {{a.name, mutant}});
      } catch (const cases::case_error&) {
        continue;  // the later steps are undefined from this value: no student could carry on
      }
      ++totals().propagated;
      grade_text(ref, c, grade::answer_file(c, carried_on, what + ", carried on"), r);
      // A mutant of 0 or of a given's value removes work (h2 = 0 makes h3 = h2 z trivial): the steps it
      // makes trivial get no follow-through, by design; nothing else may be charged.
      const bool removes_work = std::all_of(mutant.data.begin(), mutant.data.end(), [](const real50& x) { return x == 0; }) ||
                                std::any_of(c.given.begin(), c.given.end(), [&](const expr::assignment& g) {
                                  const auto& v = ref.values.at(g.name);
                                  return v.rows == mutant.rows && v.cols == mutant.cols && v.data == mutant.data;
                                });
      const auto trivial = [](const grade::graded& g) {
        return !g.diagnoses.empty() &&
               (g.diagnoses[0].kind == grade::mistake::trivial_step || g.diagnoses[0].kind == grade::mistake::unchanged_update);
      };
      bool clean = !accepted(result(r, a.name).outcome);
      for (const auto& g : r.results)
        if (g.name != a.name && !accepted(g.outcome) && !(removes_work && trivial(g))) {
          clean = false;
          ADD_FAILURE() << c.id << ": after " << a.name << " " << what << ", " << g.name << " is charged: "
                        << why(g);
        }
      totals().propagated_clean += clean;
    }
  }
}

TEST_P(every_case, correct_answers_at_any_precision_from_2_to_12_digits_are_accepted) {
  const auto c = cases::load_case(GetParam());
  const auto ref = grade::make_reference(c);
  grade::report r;
  for (int digits = 2; digits <= 12; ++digits) {
    std::map<std::string, std::string> direct;
    for (const auto& a : c.ask) direct[a.name] = grade::written_value(ref.values.at(a.name), digits);
    for (const auto& [how, answers] : {std::pair{"rounded from the exact values", direct},
                                       std::pair{"rounded step by step", grade::simulate_student(c, digits)}}) {
      grade_text(ref, c, grade::answer_file(c, answers, how), r);
      for (const auto& g : r.results) {
        ++totals().rounding_tried;
        const bool right = g.outcome == grade::verdict::correct || g.outcome == grade::verdict::correct_rounded;
        const bool ok = right || (g.outcome == grade::verdict::imprecise && coarser_than_asked(result_tolerance(c, g.name), g.student,
                                                                                                ref.values.at(g.name)));
        totals().rounding_accepted += ok;
        totals().rounding_imprecise += g.outcome == grade::verdict::imprecise;
        EXPECT_TRUE(ok) << c.id << " " << g.name << " at " << digits << " digits, " << how << ": " << g.student << " graded " << why(g);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(cases, every_case, ::testing::ValuesIn(all_cases()),
                         [](const auto& param_info) {
                           std::string name = param_info.param.filename().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// Prints the counts for the record once every case has run, and checks them.
class mutation_summary : public ::testing::Environment {
 public:
  void TearDown() override {
    const auto& t = totals();
    std::printf("mutants tried %d, caught %d; left unchanged by their mutation %d\n", t.tried, t.caught, t.unchanged);
    std::printf("mutants carried on by a student %d, with nothing else charged %d\n", t.propagated, t.propagated_clean);
    std::printf("rounding variants (answers graded) %d, accepted %d (of which imprecise, written coarser than asked: %d)\n", t.rounding_tried,
                t.rounding_accepted, t.rounding_imprecise);
    EXPECT_EQ(t.tried, t.caught);
    EXPECT_EQ(t.propagated, t.propagated_clean);
    EXPECT_EQ(t.rounding_tried, t.rounding_accepted);
  }
};
const auto* const summary = ::testing::AddGlobalTestEnvironment(new mutation_summary);
