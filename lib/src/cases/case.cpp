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

void case_file::index_names() {
  name_index.clear();
  const auto slot = [&](const std::string& name) -> name_slots& { return name_index[name]; };
  // the first of a name wins, as a pass over the lists finds it
  for (std::size_t k = 0; k < given.size() + derive.size(); ++k) {
    auto& s = slot(k < given.size() ? given[k].name : derive[k - given.size()].name);
    if (s.quantity < 0) s.quantity = static_cast<int>(k);
  }
  for (std::size_t k = 0; k < ask.size(); ++k)
    if (auto& s = slot(ask[k].name); s.asked < 0) s.asked = static_cast<int>(k);
  for (std::size_t k = 0; k < formulas.size(); ++k)
    if (auto& s = slot(formulas[k].name); s.formula < 0) s.formula = static_cast<int>(k);
  indexed_lengths = {given.size(), derive.size(), ask.size(), formulas.size()};
}

const case_file::name_slots* case_file::indexed(const std::string& name, bool& usable) const {
  usable = !name_index.empty() && indexed_lengths == std::array<std::size_t, 4>{given.size(), derive.size(), ask.size(), formulas.size()};
  if (!usable) return nullptr;
  const auto it = name_index.find(name);
  return it == name_index.end() ? nullptr : &it->second;
}

const expr::assignment* case_file::find(const std::string& name) const {
  bool usable = false;
  if (const auto* s = indexed(name, usable); usable) {
    if (!s || s->quantity < 0) return nullptr;
    const auto k = static_cast<std::size_t>(s->quantity);
    return k < given.size() ? &given[k] : &derive[k - given.size()];
  }
  for (const auto* block : {&given, &derive})
    for (const auto& a : *block)
      if (a.name == name) return &a;
  return nullptr;
}

const asked* case_file::find_asked(const std::string& name) const {
  bool usable = false;
  if (const auto* s = indexed(name, usable); usable) return s && s->asked >= 0 ? &ask[static_cast<std::size_t>(s->asked)] : nullptr;
  for (const auto& a : ask)
    if (a.name == name) return &a;
  return nullptr;
}

const formula::question* case_file::find_formula(const std::string& name) const {
  bool usable = false;
  if (const auto* s = indexed(name, usable); usable) return s && s->formula >= 0 ? &formulas[static_cast<std::size_t>(s->formula)] : nullptr;
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
  bool usable = false;
  if (const auto* s = indexed(name, usable); usable) return s && s->quantity >= 0 && static_cast<std::size_t>(s->quantity) < given.size();
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
