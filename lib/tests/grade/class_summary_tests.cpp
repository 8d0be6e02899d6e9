#include "gradecheck/grade/class_summary.hpp"

#include "gradecheck/cases/latex_symbols.hpp"
#include "gradecheck/cases/load.hpp"
#include "gradecheck/grade/grade.hpp"
#include "gradecheck/report/disclosure.hpp"
#include "gradecheck/report/summary.hpp"
#include "gradecheck/writeup/bind.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace gradecheck;

namespace {

const std::filesystem::path case_dir = std::filesystem::path(GRADECHECK_CASES_DIR) / "mlp-2-2-2-sigmoid-mse";

const cases::case_file& mlp() {
  static const cases::case_file c = cases::load_case(case_dir);
  return c;
}

std::string text_of(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// The file read as `grader grade` reads it: an answer file, or (a .txt of mostly no `name = value`
// lines, with display math) a write-up bound to the case.
grade::submission read_as_the_grader_does(const std::filesystem::path& file, const cases::case_file& c, const expr::latex_symbols& symbols) {
  auto s = grade::read_submission(file, c, {}, {expr::syntax::automatic, &symbols});
  const std::string text = text_of(file);
  const bool display_math = text.find("$$") != std::string::npos || text.find("\\[") != std::string::npos || text.find("\\begin{") != std::string::npos;
  if (s.unreadable_file || s.issues.size() <= s.answers.size() || !display_math) return s;
  return writeup::bind(writeup::read_document_file(file), file, c, symbols);
}

// A TA's `.expected` file: `name = verdict` lines; comments and the `score:` line are skipped.
std::map<std::string, std::string> expected_verdicts(const std::filesystem::path& p) {
  std::map<std::string, std::string> out;
  std::istringstream lines(text_of(p));
  for (std::string line; std::getline(lines, line);) {
    line = line.substr(0, line.find('#'));
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    const auto trim = [](std::string s) {
      s.erase(0, s.find_first_not_of(" \t\r"));
      s.erase(s.find_last_not_of(" \t\r") + 1);
      return s;
    };
    out[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
  }
  return out;
}

// The default credit as verdict.hpp documents it: full for correct, correct_rounded,
// carried_forward and repeated_mistake; half for imprecise; none otherwise.
double documented_credit(const std::string& verdict) {
  if (verdict == "correct" || verdict == "correct_rounded" || verdict == "carried_forward" || verdict == "repeated_mistake") return 1;
  return verdict == "imprecise" ? 0.5 : 0;
}

grade::graded result(const std::string& name, grade::verdict v, std::vector<grade::diagnosis> diagnoses = {}) {
  grade::graded g;
  g.name = name;
  g.outcome = v;
  g.diagnoses = std::move(diagnoses);
  return g;
}

// A hand-made report: every quantity right but those of `changed`, the scores as given.
grade::report made(const std::string& path, std::vector<grade::graded> changed, double total, std::vector<double> parts) {
  grade::report r;
  r.case_id = mlp().id;
  r.submission = path;
  for (const auto& a : mlp().ask) {
    const auto it = std::find_if(changed.begin(), changed.end(), [&](const grade::graded& g) { return g.name == a.name; });
    r.results.push_back(it == changed.end() ? result(a.name, grade::verdict::correct) : *it);
  }
  r.score = total;
  const std::vector<std::string> names{"forward", "output_layer_gradients", "hidden_layer_gradients", "updates"};
  for (std::size_t k = 0; k < parts.size(); ++k) r.parts.push_back({names[k], parts[k], 0});
  return r;
}

const grade::diagnosis swap_w5_w7{grade::mistake::swapped, {{"a", "w5"}, {"b", "w7"}}};
const grade::diagnosis drop_term{grade::mistake::term_dropped, {{"term", "delta_o2*w7"}}};
const grade::diagnosis flip_term{grade::mistake::term_negated, {{"term", "delta_h2"}}};
const grade::diagnosis negated{grade::mistake::negated, {}};

// Six hand-made submissions (in folders, as a batch lists them), the last one unreadable.
std::vector<grade::report> batch() {
  using grade::verdict;
  std::vector<grade::report> out;
  out.push_back(made("class/a/A.txt",
                     {result("dL_dh1", verdict::wrong, {swap_w5_w7}), result("dL_db1", verdict::sign_error, {flip_term}),
                      result("z1", verdict::wrong, {{grade::mistake::two_answers, {{"lines", "2 and 3"}, {"other", "0.5"}}}})},
                     29, {9, 5, 5, 10}));
  out.push_back(made("class/b/B.txt",
                     {result("dL_dh1", verdict::wrong, {swap_w5_w7}),
                      result("z1", verdict::wrong, {{grade::mistake::two_answers, {{"lines", "7 and 9"}, {"other", "-0.3775"}}}})},
                     30, {8, 5, 7, 10}));
  out.push_back(made("class/C.txt", {result("dL_dh1", verdict::wrong, {drop_term}), result("dL_db1", verdict::sign_error, {negated})}, 29,
                     {9, 5, 5, 10}));
  // several equivalent edits: the first is the one counted
  out.push_back(made("D.txt", {result("dL_dh1", verdict::wrong, {swap_w5_w7, drop_term}), result("dL_db1", verdict::sign_error, {negated})}, 30,
                     {9, 5, 6, 10}));
  out.push_back(made("class/E.txt", {result("dL_dh1", verdict::wrong, {swap_w5_w7}), result("dL_db1", verdict::sign_error, {flip_term})}, 28.5,
                     {9, 4.5, 5, 10}));
  grade::report unreadable = made("class/F.txt", {}, 0, {0, 0, 0, 0});
  for (auto& g : unreadable.results) g.outcome = verdict::unreadable;
  unreadable.unreadable = true;
  out.push_back(unreadable);
  return out;
}

const grade::quantity_summary& quantity(const grade::class_summary& s, const std::string& name) {
  const auto it = std::find_if(s.quantities.begin(), s.quantities.end(), [&](const grade::quantity_summary& q) { return q.name == name; });
  if (it == s.quantities.end()) throw std::runtime_error("no quantity " + name);
  return *it;
}

}  // namespace

TEST(class_summary, the_verdict_counts_of_the_stored_submissions_are_those_the_ta_expects) {
  const auto& c = mlp();
  const auto symbols = cases::latex_symbols_of(c);
  const auto ref = grade::make_reference(c);
  std::vector<grade::report> reports;
  std::map<std::string, std::map<std::string, std::size_t>> expected;  // quantity -> verdict name -> count
  std::map<double, std::size_t> totals;                                // scores from the TA's verdicts
  std::map<std::string, std::map<double, std::size_t>> parts;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(case_dir / "submissions"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 20u);
  for (const auto& f : files) {
    reports.push_back(grade::grade_submission(ref, read_as_the_grader_does(f, c, symbols)));
    auto ta = f;
    ta.replace_extension(".expected");
    ASSERT_TRUE(std::filesystem::exists(ta)) << ta;
    const auto verdicts = expected_verdicts(ta);
    ASSERT_EQ(verdicts.size(), c.ask.size()) << ta;
    double total = 0;
    std::map<std::string, double> by_part;
    for (const auto& [name, v] : verdicts) {
      ++expected[name][v];
      const double points = documented_credit(v) * c.find_asked(name)->points;
      total += points;
      for (const auto& p : c.parts)
        if (std::find(p.quantities.begin(), p.quantities.end(), name) != p.quantities.end()) by_part[p.name] += points;
    }
    // the TA's own total, where the file states one, confirms this reading of the credit
    const std::string text = text_of(ta);
    if (const auto at = text.find("\nscore: "); at != std::string::npos) {
      EXPECT_DOUBLE_EQ(total, std::stod(text.substr(at + 8))) << ta;
    }
    ++totals[total];
    for (const auto& p : c.parts) ++parts[p.name][by_part[p.name]];
  }

  const auto s = grade::summarize(c, reports);
  EXPECT_EQ(s.case_id, "mlp-2-2-2-sigmoid-mse");
  EXPECT_EQ(s.submissions, files.size());
  ASSERT_EQ(s.quantities.size(), c.ask.size());
  for (std::size_t k = 0; k < c.ask.size(); ++k) {
    const auto& q = s.quantities[k];
    EXPECT_EQ(q.name, c.ask[k].name);
    EXPECT_EQ(q.submissions, files.size());
    EXPECT_EQ(q.verdicts.size(), grade::all_verdicts.size());
    for (const auto v : grade::all_verdicts) {
      const std::string name(grade::name_of(v));
      const auto& want = expected[q.name];
      EXPECT_EQ(q.verdicts.at(v), want.count(name) ? want.at(name) : 0u) << q.name << " " << name;
    }
  }
  // the seed's swapped weights in dL_dh1: the seed, its LaTeX and its write-up (seed*.expected)
  const auto& dh1 = quantity(s, "dL_dh1");
  ASSERT_FALSE(dh1.mistakes.empty());
  EXPECT_EQ(dh1.mistakes[0].what.kind, grade::mistake::swapped);
  EXPECT_EQ(dh1.mistakes[0].count, 3u);
  EXPECT_EQ(dh1.mistakes[0].examples, (std::vector<std::string>{"seed-latex.txt", "seed-writeup.txt", "seed.txt"}));

  std::vector<std::pair<double, std::size_t>> want_totals(totals.begin(), totals.end()), got_totals;
  for (const auto& sc : s.total.scores) got_totals.emplace_back(sc.score, sc.count);
  EXPECT_EQ(got_totals, want_totals);
  EXPECT_EQ(s.total.max_score, 31);  // "score: X / 31" in the .expected files
  ASSERT_EQ(s.parts.size(), c.parts.size());
  for (const auto& p : s.parts) {
    std::vector<std::pair<double, std::size_t>> want(parts[p.name].begin(), parts[p.name].end()), got;
    for (const auto& sc : p.scores) got.emplace_back(sc.score, sc.count);
    EXPECT_EQ(got, want) << p.name;
  }
}

TEST(class_summary, counts_each_mistake_by_its_first_diagnosis_most_common_first_with_three_examples) {
  const auto s = grade::summarize(mlp(), batch());
  EXPECT_EQ(s.submissions, 6u);
  const auto& dh1 = quantity(s, "dL_dh1");
  EXPECT_EQ(dh1.submissions, 6u);
  EXPECT_EQ(dh1.verdicts.at(grade::verdict::wrong), 5u);
  EXPECT_EQ(dh1.verdicts.at(grade::verdict::unreadable), 1u);  // the unreadable file counts, under its verdict
  EXPECT_EQ(dh1.verdicts.at(grade::verdict::correct), 0u);
  EXPECT_EQ(dh1.not_accepted(), 6u);
  ASSERT_EQ(dh1.mistakes.size(), 2u);
  EXPECT_EQ(dh1.mistakes[0].what, swap_w5_w7);  // A, B, D (first of two) and E
  EXPECT_EQ(dh1.mistakes[0].count, 4u);
  EXPECT_EQ(dh1.mistakes[0].examples, (std::vector<std::string>{"A.txt", "B.txt", "D.txt"}));  // three, no folders
  EXPECT_EQ(dh1.mistakes[1].what, drop_term);
  EXPECT_EQ(dh1.mistakes[1].count, 1u);
  EXPECT_EQ(dh1.mistakes[1].examples, (std::vector<std::string>{"C.txt"}));

  // two and two: the one found first (in A) comes first
  const auto& db1 = quantity(s, "dL_db1");
  EXPECT_EQ(db1.verdicts.at(grade::verdict::sign_error), 4u);
  EXPECT_EQ(db1.verdicts.at(grade::verdict::correct), 1u);
  ASSERT_EQ(db1.mistakes.size(), 2u);
  EXPECT_EQ(db1.mistakes[0].what, flip_term);
  EXPECT_EQ(db1.mistakes[0].examples, (std::vector<std::string>{"A.txt", "E.txt"}));
  EXPECT_EQ(db1.mistakes[1].what, negated);
  EXPECT_EQ(db1.mistakes[1].count, 2u);

  // two answers on other lines of other files are one mistake
  const auto& z1 = quantity(s, "z1");
  ASSERT_EQ(z1.mistakes.size(), 1u);
  EXPECT_EQ(z1.mistakes[0].what.kind, grade::mistake::two_answers);
  EXPECT_TRUE(z1.mistakes[0].what.params.empty());
  EXPECT_EQ(z1.mistakes[0].count, 2u);

  const auto& h1 = quantity(s, "h1");
  EXPECT_EQ(h1.verdicts.at(grade::verdict::correct), 5u);
  EXPECT_TRUE(h1.mistakes.empty());

  const auto top1 = grade::summarize(mlp(), batch(), 1, 2);
  ASSERT_EQ(quantity(top1, "dL_dh1").mistakes.size(), 1u);
  EXPECT_EQ(quantity(top1, "dL_dh1").mistakes[0].examples.size(), 2u);
}

TEST(class_summary, spreads_the_scores_per_part_and_in_total_in_ascending_order) {
  const auto s = grade::summarize(mlp(), batch());
  // totals 29, 30, 29, 30, 28.5, 0
  ASSERT_EQ(s.total.scores.size(), 4u);
  EXPECT_EQ(s.total.scores[0].score, 0);
  EXPECT_EQ(s.total.scores[0].count, 1u);
  EXPECT_EQ(s.total.scores[1].score, 28.5);
  EXPECT_EQ(s.total.scores[2].score, 29);
  EXPECT_EQ(s.total.scores[2].count, 2u);
  EXPECT_EQ(s.total.scores[3].score, 30);
  EXPECT_EQ(s.total.scores[3].count, 2u);
  EXPECT_EQ(s.total.max_score, 31);
  // the parts of the README's example: forward 9, output_layer_gradients 5, hidden_layer_gradients 7, updates 10
  ASSERT_EQ(s.parts.size(), 4u);
  EXPECT_EQ(s.parts[0].name, "forward");
  EXPECT_EQ(s.parts[0].max_score, 9);
  EXPECT_EQ(s.parts[1].max_score, 5);
  EXPECT_EQ(s.parts[3].max_score, 10);
  const auto& hidden = s.parts[2];
  EXPECT_EQ(hidden.name, "hidden_layer_gradients");
  EXPECT_EQ(hidden.max_score, 7);
  // 5, 7, 5, 6, 5, 0
  ASSERT_EQ(hidden.scores.size(), 4u);
  const std::vector<std::pair<double, std::size_t>> want{{0, 1}, {5, 3}, {6, 1}, {7, 1}};
  for (std::size_t k = 0; k < want.size(); ++k) {
    EXPECT_EQ(hidden.scores[k].score, want[k].first);
    EXPECT_EQ(hidden.scores[k].count, want[k].second);
  }
  // a case without parts has none
  cases::case_file no_parts = mlp();
  no_parts.parts.clear();
  EXPECT_TRUE(grade::summarize(no_parts, batch()).parts.empty());
}

TEST(class_summary, an_empty_batch_has_every_count_zero) {
  const auto s = grade::summarize(mlp(), {});
  EXPECT_EQ(s.submissions, 0u);
  ASSERT_EQ(s.quantities.size(), mlp().ask.size());
  for (const auto& [v, n] : s.quantities[0].verdicts) EXPECT_EQ(n, 0u);
  EXPECT_TRUE(s.total.scores.empty());
  EXPECT_EQ(s.total.max_score, 31);
}

TEST(summary_json, has_the_documented_shape) {
  const auto doc = nlohmann::json::parse(report::to_summary_json(grade::summarize(mlp(), batch())));
  EXPECT_EQ(doc["case"], "mlp-2-2-2-sigmoid-mse");
  EXPECT_EQ(doc["submissions"], 6);
  ASSERT_EQ(doc["quantities"].size(), 31u);
  EXPECT_EQ(doc["quantities"][0]["name"], "z1");
  const nlohmann::json* dh1 = nullptr;
  for (const auto& q : doc["quantities"]) {
    for (const char* key : {"name", "verdicts", "mistakes"}) EXPECT_TRUE(q.contains(key)) << key;
    ASSERT_EQ(q["verdicts"].size(), 12u);
    for (const char* v : {"correct", "correct_rounded", "carried_forward", "imprecise", "repeated_mistake", "sign_error", "factor_error",
                          "shape_error", "known_mistake", "wrong", "missing", "unreadable"})
      EXPECT_TRUE(q["verdicts"].contains(v)) << v;
    if (q["name"] == "dL_dh1") dh1 = &q;
  }
  ASSERT_NE(dh1, nullptr);
  EXPECT_EQ((*dh1)["verdicts"]["wrong"], 5);
  EXPECT_EQ((*dh1)["verdicts"]["correct"], 0);
  const auto& m = (*dh1)["mistakes"][0];
  EXPECT_EQ(m["diagnosis"]["kind"], "swapped");
  EXPECT_EQ(m["diagnosis"]["params"], (nlohmann::json{{"a", "w5"}, {"b", "w7"}}));
  EXPECT_EQ(m["count"], 4);
  EXPECT_EQ(m["examples"], (nlohmann::json{"A.txt", "B.txt", "D.txt"}));
  ASSERT_EQ(doc["parts"].size(), 4u);
  EXPECT_EQ(doc["parts"][2]["name"], "hidden_layer_gradients");
  EXPECT_EQ(doc["parts"][2]["max_score"], 7);
  EXPECT_EQ(doc["parts"][2]["scores"][1], (nlohmann::json{{"score", 5}, {"count", 3}}));
  EXPECT_EQ(doc["total"]["max_score"], 31);
  EXPECT_EQ(doc["total"]["scores"].size(), 4u);
  EXPECT_EQ(doc["total"]["scores"][1]["score"], 28.5);
}

TEST(summary_html, draws_a_segment_per_verdict_escapes_names_and_fetches_nothing) {
  auto reports = batch();
  reports[0].submission = "class/<b>x.txt";
  const auto how = report::make_view(mlp(), report::reveal::never);
  const std::string html = report::to_summary_html(mlp(), grade::summarize(mlp(), reports), how);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  // dL_dh1: wrong and unreadable; dL_db1: correct, sign error, unreadable; z1: correct, wrong, unreadable; the 28 others: correct and unreadable
  std::size_t segments = 0;
  for (std::size_t at = html.find("<rect class=\"seg\""); at != std::string::npos; at = html.find("<rect class=\"seg\"", at + 1)) ++segments;
  EXPECT_EQ(segments, 2u + 3u + 3u + 28u * 2u);
  EXPECT_NE(html.find("<title>5 of 6: wrong</title>"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;x.txt"), std::string::npos);
  EXPECT_EQ(html.find("<b>x.txt"), std::string::npos);
  EXPECT_NE(html.find("4 of 6</b> submissions at <code>dL_dh1</code>: \u201ctwo quantities of the same kind are swapped in this step\u201d"),
            std::string::npos);
  for (const char* fetched : {"<script", "<link", " src=", "@import", "url("}) EXPECT_EQ(html.find(fetched), std::string::npos) << fetched;
}

TEST(summary_html, the_graph_is_white_where_all_were_right_and_says_how_many_went_wrong) {
  const std::string dot = report::to_summary_dot(mlp(), grade::summarize(mlp(), batch()));
  EXPECT_NE(dot.find("\"dL_dh1\" [fillcolor="), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"dL_dh1\\n6 of 6 wrong"), std::string::npos) << dot;   // 5 wrong and the unreadable file
  EXPECT_NE(dot.find("\"h1\" [fillcolor=\"#"), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"h1\\n1 of 6 wrong"), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"forward\""), std::string::npos);
  EXPECT_NE(dot.find("\"o1\" -> \"dL_dw5\";"), std::string::npos);  // the layout of the student's graph
  // nobody wrong: white
  const std::string clean = report::to_summary_dot(mlp(), grade::summarize(mlp(), {batch()[1]}));
  EXPECT_NE(clean.find("\"h1\" [fillcolor=\"#ffffff\", label=\"h1\\n0 of 1 wrong"), std::string::npos) << clean;
}
