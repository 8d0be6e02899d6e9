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
}

TEST(latex, juxtaposition_is_read_through_the_question_s_symbols) {
  EXPECT_EQ(read("eta w5"), "eta*w5");
  EXPECT_EQ(read("etaw5"), "eta*w5");
  EXPECT_EQ(read("2h1"), "2*h1");
  EXPECT_EQ(read("loss"), "loss");
  EXPECT_EQ(read("xy"), "x*y");
  EXPECT_EQ(read("o_1(1 - o_1)"), "o1*(1 - o1)");
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
  EXPECT_EQ(error_of("0.5 0.3"), "two numbers side by side: write an operator between them");
  EXPECT_EQ(error_of(std::string(300, '(') + "1" + std::string(300, ')')).substr(0, 25), "formula nested deeper tha");
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
