#pragma once
/// A student's write-up read for its math: the headings, every math block with
/// its exact place in the file, and the relation chains the blocks state
/// (`a = b = c`, `x \approx y`), each side kept as the verbatim LaTeX source.
/// The math itself is not parsed here: a side is handed on, with its place as
/// origin, to a LaTeX expression reader that counts lines and columns itself.
///
/// Three kinds of file are read:
///   - Markdown with math: `$$..$$`, `$..$`, `\[..\]`, `\(..\)` and
///     `\begin{equation|align|gather|multline}..\end{..}` (starred forms too);
///     fenced code blocks and inline code spans are skipped; ATX headings.
///   - LaTeX: the same delimiters; `%` comments are blanked; headings from
///     `\part`, `\chapter`, `\section` .. `\subparagraph`.
///   - Jupyter notebooks (nbformat 4): the markdown cells, each read as Markdown.
///
/// Positions: a side's (and a block's) text is a substring of the file, or of
/// a notebook cell's joined source, in which only what is not part of the math
/// was blanked with spaces (tags, `\label`, `&`, `\\`, `\begin{aligned}`
/// wrappers, comments); newlines are kept, so that counting lines and columns
/// through the text from `where` lands on the file's own positions.

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace gradecheck::writeup {

enum class format { markdown, latex, notebook };

/// `.tex` is LaTeX, `.ipynb` a notebook, anything else (.md, .markdown, .txt) Markdown; the case of the extension is ignored.
format format_of(const std::filesystem::path& path);

/// A place in the file. `cell` is the 1-based index of a notebook's cell in its
/// cells array (0 in other files); `line` and `column` are 1-based, and `column`
/// counts characters (UTF-8 code points), not bytes. In a notebook, `line` is
/// within the cell's joined source.
struct place {
  int cell = 0;
  int line = 1;
  int column = 1;
  friend bool operator==(const place&, const place&) = default;
};

/// `# Title` (level = number of #) in Markdown; `\section{Title}` (1),
/// `\subsection` (2), `\subsubsection` (3), `\paragraph` (4), `\subparagraph` (5)
/// in LaTeX, where `\part` and `\chapter` are level 1 too. `where` is the first
/// `#` or the backslash of the command.
struct heading {
  int level = 1;
  std::string title;
  place where;
};

/// One side of a chain: its math source, verbatim, and the place of its first
/// character (its first non-space character in the file).
struct side {
  std::string text;
  place where;
};

struct chain {
  std::vector<side> sides;             ///< at least 2
  std::vector<std::string> relations;  ///< relations[k] stands between sides[k] and sides[k+1]:
                                       ///< "=", "approx", "neq", "<", ">", "le", "ge", "equiv", ":="
  std::string tag;                     ///< "1.3" for `\quad (1.3)` or `\tag{1.3}`; "" when none
  int section = -1;                    ///< index into document::headings of the nearest heading before it, -1 if none
  bool display = false;
  /// True when a later row or block took up this chain: one starting with a
  /// relation (`&= c`, `$$= c$$`), whose sides were appended to this chain, or an
  /// aligned row starting with an operator (`& + c`), which continued its last
  /// side; also when a block started with a relation and there was no chain to
  /// take up: then this chain starts from what follows that relation.
  bool continued = false;
  int block = -1;  ///< index into document::blocks of the block the chain starts in
};

struct math_block {
  std::string text;  ///< the math between the delimiters, trimmed, with its tag, labels and comments blanked
  place where;       ///< the place of text's first character
  bool display = false;
  std::string tag;   ///< the block's tag, or the last tag of its rows; "" when none
  int section = -1;  ///< as chain::section
  place opening;     ///< the place of the opening delimiter (`$$`, `$`, `\[`, `\begin`)
};

struct document {
  format kind = format::markdown;
  std::vector<heading> headings;
  std::vector<math_block> blocks;
  std::vector<chain> chains;
};

/// An unreadable write-up: what() is "line L, column C: message" (with "cell N, "
/// in front in a notebook).
struct read_error : std::runtime_error {
  read_error(place at, const std::string& message);
  place where;
  std::string message;  ///< without the place
};

struct document_limits {
  std::size_t max_bytes = 4u << 20;     ///< the whole file
  std::size_t max_blocks = 20000;       ///< math blocks in the whole file
  std::size_t max_block_bytes = 100000; ///< the math of one block
  std::size_t max_cells = 10000;        ///< cells of a notebook
};

/// Reads a write-up's text. Throws read_error when the text is larger than the
/// limits allow, when a display delimiter (`$$`, `\[`, `\begin{equation}` ...) is
/// not closed, or when a notebook is not nbformat JSON. Linear in the size of the text.
document read_document(const std::string& text, format kind, const document_limits& limits = {});

/// Reads the file, of the format its extension says (format_of). Throws
/// read_error also when the file cannot be read.
document read_document_file(const std::filesystem::path& path, const document_limits& limits = {});

}  // namespace gradecheck::writeup
