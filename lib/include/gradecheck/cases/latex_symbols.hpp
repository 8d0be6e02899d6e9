#pragma once
/// The symbols through which a case reads LaTeX: its givens, quantities,
/// formula variables and indices, with their shapes and declared spellings.

#include "gradecheck/cases/case.hpp"
#include "gradecheck/expr/latex.hpp"

namespace gradecheck::cases {

/// Returns the symbols of `c`. A name's shape is that of its value: the
/// derivation evaluated in double, or a formula's domain at one drawn point.
expr::latex_symbols latex_symbols_of(const case_file& c);

}  // namespace gradecheck::cases
