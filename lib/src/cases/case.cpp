#include "gradecheck/cases/case.hpp"

#include <algorithm>
#include <sstream>

namespace gradecheck::cases {

std::string describe(const tolerance& t) {
  std::ostringstream out;
  switch (t.type) {
    case tolerance::kind::relabs: out << "relabs(rtol=" << t.rtol << ", atol=" << t.atol << ")"; break;
    case tolerance::kind::sigfig: out << "sigfig(" << t.digits << ")"; break;
    case tolerance::kind::decdig: out << "decdig(" << t.digits << ")"; break;
  }
  return out.str();
}

const expr::assignment* case_file::find(const std::string& name) const {
  for (const auto* block : {&given, &derive})
    for (const auto& a : *block)
      if (a.name == name) return &a;
  return nullptr;
}

const asked* case_file::find_asked(const std::string& name) const {
  for (const auto& a : ask)
    if (a.name == name) return &a;
  return nullptr;
}

const formula::question* case_file::find_formula(const std::string& name) const {
  for (const auto& f : formulas)
    if (f.name == name) return &f;
  return nullptr;
}

std::string case_file::answered_by(const std::string& name) const {
  const auto* a = find(name);
  if (!a || find_asked(name) || a->expression.kind != expr::node_kind::name) return name;
  const std::string& target = a->expression.text;
  return find_asked(target) || find_formula(target) ? target : name;
}

bool case_file::is_given(const std::string& name) const {
  return std::any_of(given.begin(), given.end(), [&](const auto& a) { return a.name == name; });
}

std::string case_file::written_statement() const {
  std::string out;
  for (std::size_t at = 0;;) {
    const auto open = statement.find("{{", at);
    const auto close = open == std::string::npos ? open : statement.find("}}", open);
    if (close == std::string::npos) return out + statement.substr(at);
    const std::string name = statement.substr(open + 2, close - open - 2);
    const auto* a = is_given(name) ? find(name) : nullptr;
    out += statement.substr(at, open - at) + (a ? expr::written_value(*a) : statement.substr(open, close + 2 - open));
    at = close + 2;
  }
}

}  // namespace gradecheck::cases
