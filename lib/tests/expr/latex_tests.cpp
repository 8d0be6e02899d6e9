#include "gradecheck/expr/latex.hpp"

#include "gradecheck/expr/evaluate.hpp"
#include "gradecheck/numeric/real.hpp"

#include <gtest/gtest.h>

using namespace gradecheck::expr;
using gradecheck::numeric::real50;

namespace {

// The symbols of a small question: scalars of a 2-2-2 network, vectors y, x, dL_dy, xhat, a matrix W,
// and the indices i, j below m.
latex_symbols question() {
  latex_symbols s;
  using sh = latex_symbols::shape;
  for (const char* n : {"w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2", "i1", "i2", "t1", "t2", "eta", "h1", "h2", "o1",
                        "o2", "z1", "z2", "z3", "z4", "loss", "L", "dL_dw5", "dL_dh1", "w5_new", "b2_new", "V_new", "mu", "var", "gamma",
                        "beta", "m", "K", "dL_dvar", "dL_dmu"})
    s.names[n] = sh::scalar;
  for (const char* n : {"y", "x", "dL_dy", "xhat", "dL_dxhat", "dL_dx", "p"}) s.names[n] = sh::vector;
  s.names["W"] = sh::matrix;
  s.indices["i"] = "m";
  s.indices["j"] = "m";
  s.indices["k"] = "m";
  return s;
}

// The formula read from LaTeX, written back in the plain syntax.
std::string read(const std::string& latex, const latex_symbols& s = question()) { return to_string(parse_latex(latex, s)); }

std::string error_of(const std::string& latex, const latex_symbols& s = question()) {
  try {
    parse_latex(latex, s);
  } catch (const parse_error& e) {
    return e.message;
  }
  return "";
}

std::vector<std::string> readings_of(const std::string& latex, const latex_symbols& s = question()) {
  try {
    parse_latex(latex, s);
  } catch (const ambiguous_latex& e) {
    return e.readings;
  }
  return {};
}

std::string name_of(const std::string& latex, const latex_symbols& s = question()) {
  const auto d = parse_latex_name(latex, s);
  std::string out = d.name;
  if (!d.entry.empty()) {
    out += "[";
    for (std::size_t k = 0; k < d.entry.size(); ++k) out += (k ? ", " : "") + to_string(d.entry[k]);
    out += "]";
  }
  return out;
}

}  // namespace

TEST(latex, fractions_products_and_powers) {
  EXPECT_EQ(read("\\frac{1}{2}(o_1 - t_1)^2"), "1/2*(o1 - t1)^2");
  EXPECT_EQ(read("\\dfrac{a}{b}"), "a/b");
  EXPECT_EQ(read("\\tfrac12"), "1/2");
  EXPECT_EQ(read("w_5 \\cdot h_1 \\times 2"), "w5*h1*2");
  EXPECT_EQ(read("w_5 h_1 + w_6 h_2 + b_2"), "w5*h1 + w6*h2 + b2");
  EXPECT_EQ(read("\\left( 1 - h_1 \\right) h_1"), "(1 - h1)*h1");
  EXPECT_EQ(read("-x_1^2"), "-(x[0]^2)");
  EXPECT_EQ(read("2^{-3}"), "2^(-3)");
  EXPECT_EQ(read("\\sqrt{\\mathrm{var}}"), "sqrt(var)");
  EXPECT_EQ(read("\\sqrt[3]{8}"), "8^(1/3)");
  EXPECT_EQ(read("0{,}5"), "0.5");
  EXPECT_EQ(read("85\\%"), "85e-2");
}

TEST(latex, functions_are_calls_and_their_derivatives) {
  EXPECT_EQ(read("\\sigma(z_1)"), "sigmoid(z1)");
  EXPECT_EQ(read("\\sigma\\left(w_1 i_1 + w_2 i_2 + b_1\\right)"), "sigmoid(w1*i1 + w2*i2 + b1)");
  EXPECT_EQ(read("\\sigma'(z_1)"), "sigmoid(z1)*(1 - sigmoid(z1))");
  EXPECT_EQ(read("\\tanh'(z_1)"), "1 - tanh(z1)^2");
  EXPECT_EQ(read("\\exp(x_1) + \\log x_2 + \\ln(2)"), "exp(x[0]) + log(x[1]) + ln(2)");
  EXPECT_EQ(read("e^{z_1}"), "exp(z1)");
  EXPECT_EQ(read("\\max(0, z_1)"), "max(0, z1)");
  EXPECT_EQ(read("\\operatorname{diag}(y) - y y^T"), "diag(y) - y*y'");
  EXPECT_EQ(read("\\mathrm{ReLU}(z_1) + \\text{softmax}(y)"), "relu(z1) + softmax(y)");
  EXPECT_EQ(read("\\tanh^2(z_1)"), "tanh(z1)^2");
  EXPECT_EQ(read("\\left| z_1 \\right| + |z_2|"), "abs(z1) + abs(z2)");
}

TEST(latex, transposes_and_element_wise_products) {
  EXPECT_EQ(read("y^T"), "y'");
  EXPECT_EQ(read("y^\\top"), "y'");
  EXPECT_EQ(read("y^{T} W"), "y'*W");
  EXPECT_EQ(read("y'"), "y'");
  EXPECT_EQ(read("y \\odot x"), "y.*x");
  EXPECT_EQ(read("y \\circ x"), "y.*x");
}

TEST(latex, subscripts_count_from_one_as_mathematics_does) {
  // y_1 is the first entry (y[0] in the plain syntax); a free index i is entry i, so y_i is y[i]
  EXPECT_EQ(read("y_1"), "y[0]");
  EXPECT_EQ(read("y_i"), "y[i]");
  EXPECT_EQ(read("y_{i+1}"), "y[i + 1]");
  EXPECT_EQ(read("W_{ij}"), "W[i, j]");
  EXPECT_EQ(read("W_{i,j}"), "W[i, j]");
  EXPECT_EQ(read("W_{12}"), "W[0, 1]");
  EXPECT_EQ(read("x^{(i)}"), "x[i]");
  EXPECT_EQ(error_of("y_0"), "index 0: LaTeX entries count from 1");
}

TEST(latex, sums_run_over_every_entry) {
  EXPECT_EQ(read("\\sum_{k=1}^{K} y_k"), "sum(k, K, y[k])");
  EXPECT_EQ(read("\\sum_{i=1}^m x^{(i)}"), "sum(i, m, x[i])");
  EXPECT_EQ(read("\\sum_k y_k x_k"), "sum(k, y[k]*x[k])");
  // an upper limit that is not a symbol of the question: every entry the body indexes
  EXPECT_EQ(read("\\sum_{j=1}^{n} y_j"), "sum(j, y[j])");
  EXPECT_EQ(read("\\sum_{j=0}^{K} y_{j+1}"), "sum(j, K + 1, y[j])");
  EXPECT_EQ(read("\\sum (t_1 - o_1)^2 + 1"), "sum((t1 - o1)^2) + 1");
  // a bare index is its value as written: the k-th of K
  EXPECT_EQ(read("\\sum_{k=1}^{K} k"), "sum(k, K, k + 1)");
}

TEST(latex, kronecker_delta_iverson_brackets_and_cases) {
  EXPECT_EQ(read("y_i(\\delta_{ij} - y_j)"), "y[i]*(delta(i, j) - y[j])");
  EXPECT_EQ(read("[i = j]"), "i + 1 == j + 1");
  EXPECT_EQ(read("\\mathbb{1}[i = j]"), "(i + 1 == j + 1) != 0");
  EXPECT_EQ(read("\\begin{cases} 1 & \\text{if } z_1 > 0 \\\\ 0 & \\text{otherwise} \\end{cases}"), "piecewise(z1 > 0, 1, 0)");
  EXPECT_EQ(read("\\begin{cases} z_1 & z_1 \\ge 0 \\\\ 0.01 z_1 & z_1 < 0 \\end{cases}"), "piecewise(z1 >= 0, z1, 0.01*z1)");
}

TEST(latex, matrices_and_vectors) {
  EXPECT_EQ(read("\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}"), "[[1, 2], [3, 4]]");
  EXPECT_EQ(read("\\begin{pmatrix} 0.1 \\\\ 0.2 \\end{pmatrix}"), "[0.1, 0.2]");
  EXPECT_EQ(read("[0.15, 0.20]"), "[0.15, 0.20]");
}

TEST(latex, greek_letters_hats_and_unicode) {
  EXPECT_EQ(read("\\eta \\cdot \\frac{\\partial L}{\\partial w_5}"), "eta*dL_dw5");
  EXPECT_EQ(read("\\gamma \\hat{x}_i + \\beta"), "gamma*xhat[i] + beta");
  EXPECT_EQ(read("\xCE\xB7 \xC2\xB7 w_5 \xE2\x88\x92 \xCF\x83(z_1)"), "eta*w5 - sigmoid(z1)");
  EXPECT_EQ(read("\\mu"), "mu");
  EXPECT_EQ(read("\\mathbf{0} + \\mathbf{1}"), "0 + 1");  // bold digits are numbers (the zero vector as students write it)
}

TEST(latex, juxtaposition_is_read_through_the_question_s_symbols) {
  EXPECT_EQ(read("eta w5"), "eta*w5");
  EXPECT_EQ(read("etaw5"), "eta*w5");
  EXPECT_EQ(read("2h1"), "2*h1");
  EXPECT_EQ(read("loss"), "loss");
  EXPECT_EQ(read("Loss"), "loss");  // the one declared name it is but for its case
  EXPECT_EQ(read("MSE"), "M*S*E");  // no such name: the letters multiply, as LaTeX reads them
  EXPECT_EQ(read("xy"), "x*y");
  EXPECT_EQ(read("o_1(1 - o_1)"), "o1*(1 - o1)");
}

TEST(latex, an_equation_number_at_the_end_is_no_factor) {
  // 004 section 6, eq. (16): a display copied with its number; (16) labels it, it does not multiply it
  EXPECT_EQ(read("\\frac{1}{m} \\cdot \\frac{\\partial \\mathcal{L}}{\\partial \\mu} \\quad (16)"), "1/m*dL_dmu");
  EXPECT_EQ(read("h_1 + b_1 \\qquad(1.3)"), "h1 + b1");
  EXPECT_EQ(read("h_1 \\quad \\quad (2a) "), "h1");
  EXPECT_EQ(read("h_1 \\tag{12}"), "h1");
  EXPECT_EQ(read("h_1 \\tag*{A.1}"), "h1");
  // without the spacing of a tag, or with a formula in the parentheses, it is a factor as written
  EXPECT_EQ(read("h_1 (16)"), "h1*16");
  EXPECT_EQ(read("h_1 \\quad (1 - h_1)"), "h1*(1 - h1)");
}

TEST(latex, the_seeds_cases_with_their_punctuation) {
  // 000 Problem 3 (line 474): the rows end as a sentence does, with a comma and a full stop
  EXPECT_EQ(read("\\begin{cases} y_i(1 - y_i), & \\text{if } i = j, \\\\ -y_i y_j, & \\text{if } i \\neq j. \\end{cases}"),
            "piecewise(i + 1 == j + 1, y[i]*(1 - y[i]), -y[i]*y[j])");
  // 000 Problem 4 (line 566)
  EXPECT_EQ(read("\\begin{cases} 1, & z_1 \\geq 0 \\\\ 2 e^{z_1}, & z_1 < 0 \\end{cases}"), "piecewise(z1 >= 0, 1, 2*exp(z1))");
  // 002 section 3.5 (line 380): a display that ends its sentence
  EXPECT_EQ(read("y_i (\\delta_{ij} - y_j)."), "y[i]*(delta(i, j) - y[j])");
  EXPECT_EQ(read("h_1 + b_1,"), "h1 + b1");
  EXPECT_EQ(error_of("h_1 . b_1"), "expected an operator or the end of the formula, found '.'");
}

TEST(latex, an_array_between_a_brace_and_a_dot_is_cases) {
  // 002 section 3.2 (lines 255-256) as the student wrote it (the seed's text lost \b, a backslash and \r)
  EXPECT_EQ(read("\\left\\{\\begin{array}{ll} 1 & \\mathrm{if}\\ z_1 > 0 \\\\ 0 & \\mathrm{if}\\ z_1 < 0 \\end{array}\\right."),
            "piecewise(z1 > 0, 1, 0)");
  EXPECT_EQ(read("\\left[\\begin{array}{cc} 1 & 2 \\\\ 3 & 4 \\end{array}\\right]"), "[[1, 2], [3, 4]]");
}

TEST(latex, softmax_of_one_entry_is_that_entry_of_the_softmax) {
  // 001 Q18 (line 149), which defines Softmax(z_j) = exp(z_j) / sum_i exp(z_i): the j-th output
  EXPECT_EQ(read("\\text{softmax}(x_j) (\\delta_{ij} - \\text{softmax}(x_i))"), "softmax(x)[j]*(delta(i, j) - softmax(x)[i])");
  EXPECT_EQ(read("\\operatorname{softmax}(x)_j"), "softmax(x)[j]");
  EXPECT_EQ(read("\\text{softmax}(w_5)"), "softmax(w5)");  // no entry of a vector: as written
  // sigma(x)_i: the sigmoid of x entry by entry, or softmax, which many write sigma
  EXPECT_EQ(readings_of("\\sigma(x)_i"), (std::vector<std::string>{"sigmoid(x)[i]", "softmax(x)[i]"}));
  EXPECT_EQ(error_of("\\tanh(x)_i"), "expected an operator (a subscript belongs to a symbol), found '_'");
}

TEST(latex, a_call_the_case_spells_as_one_of_its_symbols) {
  // 002 sections 3.5-3.6 write softmax as sigma: sigma(z) is the vector y, sigma(z)_i its entry i
  latex_symbols s = question();
  s.names["z"] = latex_symbols::shape::vector;
  EXPECT_EQ(read("\\sigma(\\mathbf{z})", s), "sigmoid(z)");  // not declared: the sigmoid
  s.spell("\\sigma(\\mathbf{z})", "y");
  EXPECT_EQ(read("\\sigma(\\mathbf{z})_i (\\delta_{ij} - \\sigma(\\mathbf{z})_j).", s), "y[i]*(delta(i, j) - y[j])");
  EXPECT_EQ(read("\\operatorname{diag}(\\sigma(\\mathbf z)) - \\sigma(\\mathbf{z})\\sigma(\\mathbf{z})^{\\top}", s), "diag(y) - y*y'");
  EXPECT_EQ(read("\\sigma(x_1)", s), "sigmoid(x[0])");
}

TEST(latex, a_spelled_superscript_with_an_entry_below) {
  // 000 Problem 7: the logits of layer 2, z^{[2]}, and their entry i, z_i^{[2]}
  latex_symbols s = question();
  s.names["z2"] = latex_symbols::shape::vector;
  s.spell("z^{[2]}", "z2");
  EXPECT_EQ(read("z_i^{[2]} - z^{[2]}_1", s), "z2[i] - z2[0]");
  EXPECT_EQ(name_of("\\frac{\\partial L}{\\partial z_i^{[2]}}", s), "dL_dz2[i]");
}

TEST(latex, a_symbol_in_a_subscript_that_is_no_index_has_two_readings) {
  // c is a symbol of the question, neither an index nor the size of one: a number (the c-th entry,
  // counted from 1) or a position as the question numbers its entries (a class label, from 0)
  latex_symbols s = question();
  s.names["c"] = latex_symbols::shape::scalar;
  EXPECT_EQ(readings_of("y_c - 1", s), (std::vector<std::string>{"y[c - 1]", "y[c]"}));
  EXPECT_EQ(readings_of("[i = c]", s), (std::vector<std::string>{"i + 1 == c", "i + 1 == c + 1"}));
  // the size of an index is a number: y_m is the last entry
  EXPECT_EQ(read("y_m", s), "y[m - 1]");
  EXPECT_EQ(read("[i + c]", s), "i + 1 + c");  // no comparison with an index
}

TEST(latex, the_derivative_of_a_function_names_its_quantity) {
  latex_symbols s = question();
  for (const char* n : {"z", "dsigmoid_dz", "dtanh_dz", "drelu_dz", "delu_dz"}) s.names[n] = latex_symbols::shape::scalar;
  EXPECT_EQ(name_of("\\sigma'(z)", s), "dsigmoid_dz");
  EXPECT_EQ(name_of("\\tanh'(z)", s), "dtanh_dz");
  EXPECT_EQ(name_of("\\mathrm{ReLU}'(z)", s), "drelu_dz");
  EXPECT_EQ(name_of("\\frac{d}{dz}\\text{ELU}(z)", s), "delu_dz");
  EXPECT_EQ(name_of("\\frac{d}{dz}\\tanh(z)", s), "dtanh_dz");
  EXPECT_EQ(name_of("\\sigma", s), "sigma");  // no derivative: the symbol as before
}

TEST(latex, names_of_the_seeds_derivatives_of_a_cost) {
  // 003 Problem 2.2 (line 81) writes the C of its cost as c; 003 Problem 3 (line 126) writes C'(\alpha)
  latex_symbols s = question();
  for (const char* n : {"C", "z", "a", "dC_dz", "dC_da"}) s.names[n] = latex_symbols::shape::scalar;
  s.spell("\\alpha", "a");
  EXPECT_EQ(name_of("\\frac{\\partial c}{\\partial z}", s), "dC_dz");  // the one declared name but for the case of c
  EXPECT_EQ(name_of("C'(\\alpha)", s), "dC_da");
  EXPECT_EQ(name_of("C'(a)", s), "dC_da");
  s.names["dc_dz"] = latex_symbols::shape::scalar;
  EXPECT_EQ(name_of("\\frac{\\partial c}{\\partial z}", s), "dc_dz");  // declared as written: that one
}

TEST(latex, two_readings_are_refused_with_both) {
  EXPECT_EQ(readings_of("1/2 h_1"), (std::vector<std::string>{"1/2*h1", "1/(2*h1)"}));
  EXPECT_EQ(readings_of("x^23"), (std::vector<std::string>{"x^23", "x^2*3"}));
  EXPECT_EQ(readings_of("\\log x y"), (std::vector<std::string>{"log(x*y)", "log(x)*y"}));
  latex_symbols with_e = question();
  with_e.names["e"] = latex_symbols::shape::scalar;
  EXPECT_EQ(readings_of("e^{z_1}", with_e), (std::vector<std::string>{"e^(z1)", "exp(z1)"}));
  latex_symbols with_t = question();
  with_t.names["T"] = latex_symbols::shape::scalar;
  EXPECT_EQ(readings_of("y^T", with_t), (std::vector<std::string>{"y'", "y^T"}));
  latex_symbols with_sigma = question();
  with_sigma.names["sigma"] = latex_symbols::shape::scalar;
  EXPECT_EQ(readings_of("\\sigma(z_1)", with_sigma), (std::vector<std::string>{"sigmoid(z1)", "sigma*(z1)"}));
  latex_symbols with_y1 = question();
  with_y1.names["y1"] = latex_symbols::shape::scalar;
  EXPECT_EQ(readings_of("y_1", with_y1), (std::vector<std::string>{"y1", "y[0]"}));
}

TEST(latex, names_of_quantities_by_default) {
  EXPECT_EQ(name_of("h_1"), "h1");
  EXPECT_EQ(name_of("h_{1}"), "h1");
  EXPECT_EQ(name_of("\\frac{\\partial L}{\\partial w_5}"), "dL_dw5");
  EXPECT_EQ(name_of("\\frac{\\partial \\mathcal{L}}{\\partial w_5}"), "dL_dw5");
  EXPECT_EQ(name_of("\\partial L/\\partial w_5"), "dL_dw5");
  EXPECT_EQ(name_of("dL/dw_5"), "dL_dw5");
  EXPECT_EQ(name_of("\\frac{dL}{dw_5}"), "dL_dw5");
  EXPECT_EQ(name_of("\\frac{\\partial E}{\\partial h_1}"), "dL_dh1");
  EXPECT_EQ(name_of("\\frac{\\partial L}{\\partial y_i}"), "dL_dy[i]");
  EXPECT_EQ(name_of("\\frac{\\partial \\mathcal{L}}{\\partial \\hat{x}^{(i)}}"), "dL_dxhat[i]");
  EXPECT_EQ(name_of("w_5^{new}"), "w5_new");
  EXPECT_EQ(name_of("w_5^{\\text{new}}"), "w5_new");
  EXPECT_EQ(name_of("w_{5,\\text{new}}"), "w5_new");
  EXPECT_EQ(name_of("b_2^{(new)}"), "b2_new");
  EXPECT_EQ(name_of("V_{new}"), "V_new");
  EXPECT_EQ(name_of("\\text{loss}"), "loss");
}

TEST(latex, spellings_a_case_declares) {
  latex_symbols s = question();
  s.spell("v^{(\\mathcal{B})}", "var");
  s.spell("\\sigma_B^2", "var");
  s.spell("\\mu^{(\\mathcal B)}", "mu");
  s.spell("\\hat{o}_1", "o1");
  s.spell("o_1", "t1");
  EXPECT_EQ(read("(v^{(\\mathcal{B})})^{\\frac{3}{2}}", s), "var^(3/2)");
  EXPECT_EQ(read("\\sigma_{B}^{2} + \\mu^{(\\mathcal{B})}", s), "var + mu");
  EXPECT_EQ(read("\\hat{o}_1 - o_1", s), "o1 - t1");
  EXPECT_EQ(read("\\hat{o}_1^2", s), "o1^2");
  // a word with scripts that a case spells is one symbol (seed 003's zh_2), else a product (z h_2)
  s.spell("zh_2", "z2");
  EXPECT_EQ(read("zh_2 + zw_1", s), "z2 + z*w1");
  EXPECT_EQ(name_of("\\frac{\\partial \\mathcal{L}}{\\partial v^{(\\mathcal{B})}}", s), "dL_dvar");
}

TEST(latex, errors_say_where_and_what_was_expected) {
  try {
    parse_latex("\\frac{1}{2", question(), {3, 5});
    FAIL() << "no error";
  } catch (const parse_error& e) {
    EXPECT_EQ(e.where.line, 3);
    EXPECT_EQ(e.where.column, 13);  // the '{' of {2: column 5 + 8 characters
    EXPECT_EQ(e.message, "'{' is never closed: expected '}'");
  }
  EXPECT_EQ(error_of("h_1 + \\cdots + h_9"), "terms left out ('\\cdots') cannot be evaluated: write every term, or use \\sum");
  EXPECT_EQ(error_of("\\foo{x}"), "unknown command '\\foo'");
  EXPECT_EQ(error_of("0.5 0.3"), "a number written after a factor with no operator: write \\cdot, or a list [a, b]");
  EXPECT_EQ(error_of("[-121.21 \\quad 121.48]"), "a number written after a factor with no operator: write \\cdot, or a list [a, b]");
  // an iteration or a layer in parentheses is no power: theta^{(0)} is not 1
  EXPECT_EQ(error_of("\\theta^{(0)}"), "cannot read \\theta^{(0)}: a label in parentheses needs a spelling declared by the case");
  EXPECT_EQ(error_of(std::string(300, '(') + "1" + std::string(300, ')')).substr(0, 25), "formula nested deeper tha");
}

TEST(latex, inputs_the_fuzzer_found) {
  // signs are read in a loop and count no nesting; a level is a bracket, a group or an argument
  EXPECT_EQ(read(std::string(150, '-') + "1"), std::string(150, '-') + "1");
  EXPECT_EQ(read(std::string(150, '(') + "1" + std::string(150, ')')), "1");
  std::string nested = "0";
  for (int k = 0; k < 34; ++k) nested = "-\\left(" + nested + "\\right)";
  EXPECT_EQ(read(nested), std::string(34, '-') + "0");
  // no name has a percent sign in it (to_latex would write a comment)
  EXPECT_EQ(error_of("h_\\%"), "cannot read h_{%} as a name: a name is letters, digits and _");
  // LaTeX raises to the first character of x^.3 alone; the decimal wants braces
  EXPECT_EQ(error_of("x^.3"), "a decimal exponent needs braces: x^{.3}");
  EXPECT_EQ(read("x^{.3}"), "x^.3");
  // W_{.5}: not the two positions of W_{12}, and no uncaught exception
  EXPECT_EQ(error_of("W_{.5}").substr(0, 16), "malformed number");
}

TEST(latex, what_is_latex) {
  EXPECT_TRUE(looks_like_latex("\\frac{1}{2}"));
  EXPECT_TRUE(looks_like_latex("x_{1}"));
  EXPECT_TRUE(looks_like_latex("e^{x}"));
  EXPECT_FALSE(looks_like_latex("y[i]*(delta(i, j) - y[j])"));
  EXPECT_FALSE(looks_like_latex("0.5933"));
}

TEST(latex, a_read_formula_evaluates_like_its_plain_twin) {
  // softmax Jacobian entry at z = (0, ln 2): y = (1/3, 2/3); dy_1/dz_2 = -y_1 y_2 = -2/9 (by hand)
  environment<real50> env;
  env["y"] = value<real50>::column({real50(1) / 3, real50(2) / 3});
  env["i"] = value<real50>::scalar(0);
  env["j"] = value<real50>::scalar(1);
  const auto v = evaluate(parse_latex("y_i(\\delta_{ij} - y_j)", question()), env);
  using std::abs;
  EXPECT_LT(abs(v.data[0] - real50(-2) / 9), real50("1e-45"));
}
