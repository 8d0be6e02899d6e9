#include "gradecheck/report/feedback.hpp"

#include "gradecheck/expr/parser.hpp"

#include <algorithm>
#include <filesystem>

namespace gradecheck::report {

using grade::diagnosis;
using grade::graded;
using grade::mistake;
using grade::verdict;

namespace {

// True when every name in `text` (an expression, or a name) is one the student has seen.
bool seen(const std::string& text, const view& how) {
  try {
    for (const auto& n : expr::free_names(expr::parse_expression(text)))
      if (!how.visible.count(n)) return false;
    return true;
  } catch (const expr::parse_error&) {
    return how.visible.count(text) > 0;
  }
}

bool all_seen(const diagnosis& d, const view& how, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (!seen(d.param(k), how)) return false;
  return true;
}

std::string joined(const std::vector<std::string>& names, const std::map<std::string, std::string>& used) {
  std::string out;
  for (std::size_t k = 0; k < names.size(); ++k) {
    const auto it = used.find(names[k]);
    out += (k == 0 ? "" : (k + 1 == names.size() ? " and " : ", ")) + names[k] + (it == used.end() ? "" : " = " + it->second);
  }
  return out;
}

std::string precision_asked(const diagnosis& d) {
  const std::string kind = d.param("tolerance"), digits = d.param("digits");
  if (kind == "decdig") return digits + (digits == "1" ? " decimal place" : " decimal places");
  if (kind == "sigfig") return digits + (digits == "1" ? " significant figure" : " significant figures");
  return "a relative error below " + d.param("rtol");
}

std::string formula_example(const graded& g) {
  if (!g.compared.example) return "";
  const auto& e = *g.compared.example;
  const std::string what = e.of_derivative ? "the derivative" : "it";
  const std::string there = e.there.empty() ? "" : " (there " + e.there + ")";
  if (e.got.empty()) return "your formula is undefined at " + e.at + there + " (" + e.error + "); " + what + " is " + e.truth;
  return "your formula gives " + e.got + " at " + e.at + there + "; " + what + " is " + e.truth;
}

std::string append(std::string a, const std::string& b, const std::string& sep = "; ") {
  if (b.empty()) return a;
  return a.empty() ? b : a + sep + b;
}

}  // namespace

std::string plain(verdict v) {
  switch (v) {
    case verdict::correct: return "right";
    case verdict::correct_rounded: return "right from your rounded inputs";
    case verdict::carried_forward: return "follows from your earlier error";
    case verdict::imprecise: return "too few digits";
    case verdict::repeated_mistake: return "repeated mistake, charged once";
    case verdict::sign_error: return "wrong sign";
    case verdict::factor_error: return "off by a factor";
    case verdict::shape_error: return "wrong shape";
    case verdict::known_mistake: return "a common mistake";
    case verdict::wrong: return "wrong";
    case verdict::missing: return "not answered";
    case verdict::unreadable: return "unreadable: fix the line";
  }
  return "";
}

std::string verdict_text(verdict v, const view& how) { return how.plain_words ? plain(v) : std::string(grade::name_of(v)); }

std::string describe(const diagnosis& d, const view& how) {
  const bool named = how.show_key;  // with the key hidden, a mistake is told by its kind, not by the names that fix it
  switch (d.kind) {
    case mistake::negated: return "the sign is wrong";
    case mistake::term_negated:
      return named && seen(d.param("term"), how) ? "the sign of the term " + d.param("term") + " is flipped" : "the sign of one term is flipped";
    case mistake::scaled: {
      const std::string f = d.param("factor");
      if (!named) return "your number is a multiple of the right one: a factor is missing or extra";
      return "off by a factor of " + f + (f == "10" || f == "1/10" ? " (a slipped decimal point)" : "");
    }
    case mistake::transposed:
      return d.param("got").empty() || d.param("got") == d.param("expected")
                 ? "transposed: your answer's transpose is right"
                 : "transposed: your answer is the transpose of the right one (expected " + d.param("expected") + ", got " + d.param("got") + ")";
    case mistake::wrong_size: {
      // "3x2" read back: a size with rows and columns swapped asks whether it is the transpose
      const std::string e = d.param("expected"), g = d.param("got");
      const auto x = e.find('x'), y = g.find('x');
      const bool swapped = x != std::string::npos && y != std::string::npos && e.substr(0, x) == g.substr(y + 1) && e.substr(x + 1) == g.substr(0, y);
      return "expected " + e + ", got " + g + (swapped ? ": transposed?" : "");
    }
    case mistake::shapes_clash: return "the shapes do not fit";
    case mistake::named_mistake: return d.param("feedback");
    case mistake::swapped:
      return named && all_seen(d, how, {"a", "b"}) ? d.param("a") + " and " + d.param("b") + " are swapped"
                                                   : "two quantities of the same kind are swapped in this step";
    case mistake::replaced:
      return named && all_seen(d, how, {"used", "in_place_of"}) ? d.param("used") + " is used in place of " + d.param("in_place_of")
                                                                : "one quantity is used in place of another of the same kind";
    case mistake::term_dropped:
      return named && seen(d.param("term"), how) ? "the term " + d.param("term") + " is left out" : "a term of this step is left out";
    case mistake::value_for_derivative: return "the activation's value is used where its derivative belongs";
    case mistake::given_left_out:
      return named ? d.param("given") + " is left out" : "a quantity given in the problem is left out of this step";
    case mistake::given_repeated:
      return named ? d.param("given") + " is used twice (" + d.param("given") + "^2 in place of " + d.param("given") + ")"
                   : "a quantity given in the problem is used twice in this step";
    case mistake::answers_swapped: return "your value is the one of " + d.param("other") + ": are the two answers swapped?";
    case mistake::trivial_step:
      return d.param("input").empty() ? "its result is 0, so it does none of its work"
                                      : "it no longer depends on " + d.param("input") + ", so it does none of its work";
    case mistake::unchanged_update: return "it leaves " + d.param("parameter") + " where it was, so the update does nothing";
    case mistake::copied_given: return "your number is " + d.param("given") + ", a value given in the problem";
    case mistake::two_answers: return "two different answers (lines " + d.param("lines") + "); only one may stand";
    case mistake::ambiguous: return "several different mistakes give a number this close, so none can be named";
    case mistake::coarse: return "right to the digits you wrote, but the problem asks for " + precision_asked(d);
    case mistake::entries: return d.param("right") + " of " + d.param("total") + " entries are right";
    case mistake::inferred_intermediate: {
      // the intermediate is named by its definition only when the key may be shown and the student saw its names
      const std::string which = named && seen(d.param("expression"), how) ? "the same " + d.param("expression") + " = " + d.param("value")
                                                                           : "the same wrong intermediate value";
      const std::string times = d.param("factor").empty() ? "" : d.param("factor") == "-1" ? " (the right one with its sign flipped)"
                                                                                           : " (" + d.param("factor") + " times the right one)";
      return "your answers " + d.param("answers") + " all follow from " + which + times + ": charged once, here";
    }
    case mistake::undefined_at_point: return "undefined where the derivative exists";
    case mistake::too_costly: return "too costly to check";
  }
  return "";
}

std::string feedback(const graded& g, const view& how) {
  const std::string earlier = joined(g.compared.follows_from, g.compared.used);
  std::string out;
  switch (g.outcome) {
    case verdict::correct:
      if (g.compared.same_method_as_optimizer)
        out = "not the usual form, but with your other rule it moves the parameter exactly as the optimizer does: the same method with the "
              "velocity scaled differently";
      break;
    case verdict::missing: out = how.show_key && !g.is_formula ? "no answer; the correct value is " + g.compared.reference : "no answer"; break;
    case verdict::unreadable: out = g.problem + "; this line earns nothing until it is fixed"; break;
    case verdict::correct_rounded:
      out = "accepted: what this step gives from the numbers you wrote";
      if (!g.compared.used.empty()) {
        std::string used;
        for (const auto& [name, text] : g.compared.used) used += (used.empty() ? "" : ", ") + name + " = " + text;
        out += " (" + used + ")";
      }
      if (how.show_key) out += "; unrounded, the value is " + g.compared.reference;
      break;
    case verdict::carried_forward:
      if (!g.compared.charged_at.empty()) {
        out = "built on the same wrong intermediate value as " + g.compared.charged_at + ", charged there; not charged again";
        break;
      }
      out = g.is_formula ? "right in terms of your " + earlier + ", which is wrong: it inherits that error"
                         : "follows correctly from your earlier " + earlier + ", which " + (g.compared.follows_from.size() > 1 ? "are" : "is") +
                               " wrong; not charged again";
      if (how.show_key && !g.is_formula) out += ". With correct inputs: " + g.compared.reference;
      break;
    case verdict::imprecise:
      out = g.compared.follows_from.empty() ? describe(g.diagnoses.front(), how)
                                            : "follows from your earlier " + earlier + " (which is wrong; not charged again) to the digits you wrote, but the problem asks for " +
                                                  precision_asked(g.diagnoses.front());
      if (how.show_key && g.compared.follows_from.empty()) out += "; the value is " + g.compared.reference;
      break;
    case verdict::repeated_mistake:
      out = "the same mistake as in " + g.compared.charged_at + (g.diagnoses.empty() ? "" : " (" + describe(g.diagnoses.front(), how) + ")") +
            ", already charged there; not charged again";
      break;
    default: {
      // equivalent edits, each said once (with the key hidden, several read the same)
      std::vector<std::string> said;
      for (const auto& d : g.diagnoses)
        if (const std::string text = describe(d, how); std::find(said.begin(), said.end(), text) == said.end()) said.push_back(text);
      std::string why;
      for (std::size_t k = 0; k < said.size(); ++k) why += (k == 0 ? "" : (k + 1 == said.size() ? ", or " : ", ")) + said[k];
      const bool trivial = !g.diagnoses.empty() &&
                           (g.diagnoses.front().kind == mistake::trivial_step || g.diagnoses.front().kind == mistake::unchanged_update);
      if (trivial) {
        out = "follows from your " + earlier + ", which makes this step trivial: " + why + "; no follow-through credit";
      } else {
        out = why.empty() && g.outcome == verdict::wrong ? "no single mistake that the grader knows gives this number" : why;
        if (!earlier.empty() && !g.is_formula) out = append(out, "on top of the earlier error in " + earlier);
      }
      if (how.show_key && !g.is_formula && !g.student.empty()) out = append(out, "expected " + g.compared.reference + ", you wrote " + g.student);
    }
  }
  for (const auto& e : g.entries)
    if (!grade::accepted(e.outcome))
      out = append(out, "entry [" + std::to_string(e.row) + ", " + std::to_string(e.col) + "] = " + e.student + ": " + plain(e.outcome) +
                            (how.show_key ? " (expected " + e.reference + ")" : ""));
  if (g.is_formula) {
    if (g.outcome != verdict::correct && g.outcome != verdict::missing && g.outcome != verdict::unreadable && g.compared.points > 0 &&
        g.compared.example)
      out = append(out, formula_example(g));
    if (!g.compared.trajectory.empty()) out = append(out, "run as an optimizer, " + g.compared.trajectory);
  }
  return out;
}

std::string fix(const graded& g, const view& how) {
  if (!how.show_key || g.compared.reference.empty()) return "";
  if (g.is_formula) return g.name + " = " + g.compared.reference;
  const bool expression_seen = !g.compared.expression.empty() && seen(g.compared.expression, how);
  return g.name + " = " + (expression_seen ? g.compared.expression + " = " : "") + g.compared.reference;
}

std::string file_name(const std::string& submission) { return std::filesystem::path(submission).filename().string(); }

std::string as_written(const grade::graded& g) { return g.read_as.empty() || g.read_as == g.student ? g.student : g.student + ", read as " + g.read_as; }

}  // namespace gradecheck::report
