#pragma once
/// Binding a write-up to a case: the final value (or formula) of each chain
/// whose left side names an asked quantity is that quantity's answer.
///
/// - Restated givens bind to the case's givens by value: a write-up that calls
///   the targets o_1, o_2 and writes [o_1, o_2] = [0.01, 0.99] means t1, t2.
/// - `\sigma(z_1) = \sigma(0.3775)` answers z1, which the write-up never states alone.
/// - A write-up holding several problems is narrowed to the case's section,
///   matched against its headings.
/// Nothing is resolved silently: the submission lists every binding, every
/// claim bound to nothing, and conflicts (two values for one quantity).

#include "gradecheck/cases/case.hpp"
#include "gradecheck/expr/latex.hpp"
#include "gradecheck/grade/submission.hpp"
#include "gradecheck/writeup/document.hpp"

#include <filesystem>
#include <string>

namespace gradecheck::writeup {

/// Returns the answers `d` gives to the questions of `c`, read through
/// `symbols` (the case's), narrowed to the headings that match `section`
/// (the case's own when empty; the whole file when both are).
grade::submission bind(const document& d, const std::filesystem::path& path, const cases::case_file& c, const expr::latex_symbols& symbols,
                       const std::string& section = "");

/// True when `path` is a write-up (.md, .markdown, .tex, .ipynb) rather than an answer file.
bool is_writeup(const std::filesystem::path& path);

}  // namespace gradecheck::writeup
