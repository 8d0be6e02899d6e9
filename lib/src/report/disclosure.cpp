#include "gradecheck/report/disclosure.hpp"

#include <cctype>
#include <stdexcept>

namespace gradecheck::report {

reveal reveal_named(std::string_view name) {
  if (name == "never") return reveal::never;
  if (name == "after_due_date") return reveal::after_due_date;
  if (name == "always") return reveal::always;
  throw std::invalid_argument("--reveal expects never, after_due_date or always, got \"" + std::string(name) + "\"");
}

view make_view(const cases::case_file& c, reveal policy) {
  view v;
  v.show_key = policy == reveal::always;
  for (const auto& g : c.given) v.visible.insert(g.name);
  for (const auto& a : c.ask) v.visible.insert(a.name);
  for (const auto& s : c.domain.symbols()) v.visible.insert(s);
  // the statement's own symbols: every word of it that could be a name
  const std::string& text = c.statement;
  for (std::size_t i = 0; i < text.size();) {
    if (std::isalpha(static_cast<unsigned char>(text[i])) || text[i] == '_') {
      std::size_t j = i;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
      v.visible.insert(text.substr(i, j - i));
      i = j;
    } else {
      ++i;
    }
  }
  return v;
}

}  // namespace gradecheck::report
