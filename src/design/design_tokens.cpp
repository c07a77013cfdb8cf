// Reads tokens in three passes over the lines (MarkdownLines keeps code and
// frontmatter apart): tables and bullets and labelled prose under the section
// they sit in, then CSS custom properties anywhere, then references between
// tokens (a colour whose value is var(--x) or another token's name).
#include "design/design_tokens.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/text.hpp"
#include "design/css_scan.hpp"
#include "design/design_pairs.hpp"
#include "design/text_scan.hpp"

namespace specwave {

using validators::MarkdownLines;
using validators::MdLine;

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kColor:
      return "color";
    case TokenKind::kSpacing:
      return "spacing";
    case TokenKind::kTypeSize:
      return "type-size";
    case TokenKind::kFontStack:
      return "font-stack";
    case TokenKind::kOther:
      return "other";
  }
  return "other";
}

std::string TokenKey(std::string_view name) {
  std::string_view t = Trim(name);
  if (t.size() > 5 && IEquals(t.substr(0, 4), "var(") && t.back() == ')') {
    t = t.substr(4, t.size() - 5);
    if (size_t comma = t.find(','); comma != std::string_view::npos) t = t.substr(0, comma);
  }
  std::string out;
  for (char c : t) {
    if (c == '`' || c == '*' || c == '"' || c == '\'') continue;
    if (c == '.' || c == '_' || c == '-' || c == ' ') c = '-';
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  size_t b = 0, e = out.size();
  while (b < e && out[b] == '-') ++b;
  while (e > b && (out[e - 1] == '-' || out[e - 1] == ':')) --e;
  return out.substr(b, e - b);
}

namespace {

enum class Section { kNone, kColor, kContrast, kSpacing, kType, kMotion };

Section Classify(std::string_view heading) {
  std::string h = ToLower(heading);
  auto has = [&](const char* w) { return h.find(w) != std::string::npos; };
  if (has("contrast")) return Section::kContrast;
  if (has("colour") || has("color") || has("palette")) return Section::kColor;
  if (has("spacing") || has("space") || has("grid")) return Section::kSpacing;
  if (has("typograph") || has("type") || has("font")) return Section::kType;
  if (has("motion") || has("animation")) return Section::kMotion;
  return Section::kNone;
}

// "`color.accent`", "**color.accent**" -> "color.accent".
std::string CleanName(std::string_view s) {
  std::string out;
  for (char c : Trim(s))
    if (c != '`' && c != '*') out += c;
  std::string_view t = Trim(out);
  while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.remove_suffix(1);
  return std::string(t);
}

// color.accent, --color-accent, space.2, type.body: no spaces, identifier-ish.
bool TokenLike(std::string_view s) {
  if (s.empty() || s.size() > 80) return false;
  bool sep = false;
  for (char c : s) {
    if (!(validators::IsAsciiAlnum(c) || c == '.' || c == '-' || c == '_')) return false;
    sep = sep || c == '.' || c == '-';
  }
  return sep;
}

std::string StripCode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '`') continue;
    if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '*') {
      ++i;
      continue;
    }
    out += s[i];
  }
  return out;
}

// The first length in a value: "16px / 1.5" -> "16px"; "1rem (16px)" -> "1rem".
std::string FirstWord(std::string_view value) {
  std::string_view t = Trim(value);
  size_t n = 0;
  while (n < t.size() && t[n] != ' ' && t[n] != '/' && t[n] != ',' && t[n] != '(' && t[n] != '\t') ++n;
  return std::string(t.substr(0, n));
}

std::optional<double> ParseShare(std::string_view cell) {
  std::string_view t = Trim(cell);
  double v = 0;
  size_t used = ParseCssNumber(t, &v);
  if (used == 0) return std::nullopt;
  std::string_view rest = Trim(t.substr(used));
  if (!rest.empty() && rest != "%") return std::nullopt;
  return v;
}

std::optional<double> ParseRatio(std::string_view cell) {
  // StripCode returns a new string: keep it alive while `t` views into it.
  const std::string stripped = StripCode(cell);
  std::string_view t = Trim(stripped);
  if (auto r = StatedRatioIn(t)) return r;  // "✅ 3.2:1"
  double v = 0;
  size_t used = ParseCssNumber(t, &v);
  if (used == 0) return std::nullopt;
  return v;
}

std::vector<std::string> Families(std::string_view stack) {
  std::vector<std::string> out;
  for (auto part : validators::SplitTopLevel(stack, ',')) {
    std::string f;
    for (char c : part)
      if (c != '"' && c != '\'' && c != '`' && c != ';') f += c;
    std::string_view t = Trim(f);
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

bool HasAny(const std::string& key, std::initializer_list<const char*> parts) {
  for (const char* p : parts)
    if (key.find(p) != std::string::npos) return true;
  return false;
}

bool StartsAny(const std::string& key, std::initializer_list<const char*> parts) {
  for (const char* p : parts)
    if (StartsWith(key, p)) return true;
  return false;
}

std::string UseOf(std::string_view cell) { return ContrastUseOf(cell); }

class Parser {
 public:
  explicit Parser(std::string_view text) : md_(text) {}

  DesignTokens Run() {
    auto decls = validators::FindDeclarations(md_.text());
    // Rows of a table that documents the token format ("| Format | Example |")
    // show what a declaration looks like; they declare nothing.
    examples_ = validators::ExampleTableLines(md_);
    decls.erase(std::remove_if(decls.begin(), decls.end(),
                               [&](const validators::Declaration& d) { return IsExampleLine(md_.LineOf(d.offset)); }),
                decls.end());
    props_ = validators::CollectCustomProperties(decls);
    ScanLines();
    for (const auto& d : decls)
      if (StartsWith(d.property, "--"))
        AddDefinition(d.property, d.value, md_.LineOf(d.offset), TokenSource::kCss, Section::kNone, "", std::nullopt,
                      "");
    ResolveReferences();
    return std::move(out_);
  }

 private:
  struct Columns {
    int name = -1, value = -1, size = -1, role = -1, share = -1, text = -1, bg = -1, use = -1, ratio = -1,
        line_height = -1, level = -1;
  };

  static Columns ReadHeader(const std::vector<std::string_view>& cells) {
    Columns c;
    std::vector<int> colour_words;  // "Colour" is a name column first, a value column otherwise
    for (int i = 0; i < static_cast<int>(cells.size()); ++i) {
      std::string h = ToLower(CleanName(cells[static_cast<size_t>(i)]));
      auto set = [&](int* slot) {
        if (*slot < 0) *slot = i;
      };
      auto has = [&](const char* w) { return h.find(w) != std::string::npos; };
      if (h == "token" || h == "name" || h == "token name" || has("variable") || has("custom prop"))
        set(&c.name);
      else if (has("line height") || has("line-height") || has("leading"))
        set(&c.line_height);
      else if (has("share") || has("proportion") || h == "%")
        set(&c.share);
      else if (has("ratio") || has("contrast"))
        set(&c.ratio);
      else if (has("wcag") || h == "level" || h == "rating" || h == "result" || h == "compliance" || h == "status" ||
               h == "pass" || h == "passes" || h == "grade")
        set(&c.level);  // "✅ AA Large": the use when no use column says, the ratio when no ratio column
      else if (h == "text" || StartsWith(h, "text ") || has("foreground") || h == "fg")
        set(&c.text);
      else if (has("background") || h == "bg" || h == "on")
        set(&c.bg);
      else if (h == "use" || h == "usage")
        set(&c.use);
      else if (has("role") || has("purpose") || has("description") || has("meaning"))
        set(&c.role);
      else if (has("size"))
        set(&c.size);
      else if (has("value") || has("oklch") || has("hex") || h == "css" || h == "lch")
        set(&c.value);
      else if (has("colour") || has("color"))
        colour_words.push_back(i);
    }
    for (int i : colour_words) {
      if (i == 0 && c.name < 0)
        c.name = 0;
      else if (c.value < 0)
        c.value = i;
    }
    if (c.name < 0 && !(c.text >= 0 && c.bg >= 0)) c.name = 0;
    if (c.value < 0 && c.size >= 0) c.value = c.size;
    if (c.value < 0 && c.name == 0 && cells.size() > 1) c.value = 1;
    if (c.role < 0 && !(c.text >= 0 && c.bg >= 0)) c.role = c.use;
    return c;
  }

  void ScanLines() {
    const auto& lines = md_.lines();
    Section section = Section::kNone;
    int section_level = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      const MdLine& l = lines[i];
      if (l.in_frontmatter || l.in_code) continue;
      if (l.heading_level) {
        in_table_ = false;
        Section s = Classify(l.heading);
        if (s != Section::kNone || l.heading_level <= section_level || section_level == 0) {
          section = s;
          section_level = s == Section::kNone ? 0 : l.heading_level;
        }
        continue;
      }
      auto cells = validators::SplitTableRow(l.text);
      if (!cells.empty() && IsExampleLine(l.number)) {
        in_table_ = false;
        continue;
      }
      if (!cells.empty()) {
        if (i + 1 < lines.size() && validators::IsTableSeparator(lines[i + 1].text) &&
            !validators::IsTableSeparator(l.text)) {
          cols_ = ReadHeader(cells);
          in_table_ = true;
          ++i;  // the separator
          continue;
        }
        if (in_table_) TableRow(cells, l.number, section);
        continue;
      }
      in_table_ = false;
      std::string_view t = Trim(l.text);
      if (t.empty()) continue;
      bool bullet = (t.size() > 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ');
      size_t digits = 0;
      while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
      if (digits && digits + 1 < t.size() && (t[digits] == '.' || t[digits] == ')') && t[digits + 1] == ' ') {
        bullet = true;
        t = Trim(t.substr(digits + 1));
      } else if (bullet) {
        t = Trim(t.substr(2));
      }
      if (bullet)
        BulletLine(t, l.number, section);
      else
        ProseLine(t, l.number);
    }
  }

  static std::string_view Cell(const std::vector<std::string_view>& cells, int i) {
    return i >= 0 && static_cast<size_t>(i) < cells.size() ? cells[static_cast<size_t>(i)] : std::string_view{};
  }

  void TableRow(const std::vector<std::string_view>& cells, int line, Section section) {
    if (cols_.text >= 0 && cols_.bg >= 0) {
      std::string text = CleanName(Cell(cells, cols_.text)), bg = CleanName(Cell(cells, cols_.bg));
      if (text.empty() || bg.empty()) return;
      ContrastPairSpec p;
      p.text = text;
      p.background = bg;
      p.use = UseOf(Cell(cells, cols_.use >= 0 ? cols_.use : cols_.level));
      if (cols_.ratio >= 0) p.stated_ratio = ParseRatio(Cell(cells, cols_.ratio));
      if (!p.stated_ratio && cols_.level >= 0) p.stated_ratio = ParseRatio(Cell(cells, cols_.level));
      p.line = line;
      out_.contrast_pairs.push_back(std::move(p));
      return;
    }
    std::string name = CleanName(Cell(cells, cols_.name));
    std::string value = StripCode(Cell(cells, cols_.value));
    if (name.empty() || Trim(value).empty()) return;
    if (!TokenLike(name) && section == Section::kNone) return;
    std::optional<double> share;
    if (cols_.share >= 0) share = ParseShare(Cell(cells, cols_.share));
    AddDefinition(name, Trim(value), line, TokenSource::kTable, section, std::string(Cell(cells, cols_.role)), share,
                  std::string(Cell(cells, cols_.line_height)));
  }

  // "- `color.accent`: oklch(0.52 0.09 215) — accent, 10%" or, in a contrast
  // section, "- color.text on color.background — body (15.7:1)".
  void BulletLine(std::string_view raw, int line, Section section) {
    std::string s = StripCode(raw);
    if (section == Section::kContrast) {
      std::string lower = ToLower(s);
      for (const char* sep : {" on ", " over ", " / ", " vs ", " against "}) {
        size_t at = lower.find(sep);
        if (at == std::string::npos) continue;
        std::string_view left = Trim(std::string_view(s).substr(0, at));
        std::string_view right = Trim(std::string_view(s).substr(at + std::string_view(sep).size()));
        size_t ls = left.rfind(' ');
        std::string text = CleanName(ls == std::string_view::npos ? left : left.substr(ls + 1));
        size_t re = 0;
        while (re < right.size() && right[re] != ' ' && right[re] != ',' && right[re] != ':' && right[re] != '(') ++re;
        std::string bg = CleanName(right.substr(0, re));
        if (!TokenLike(text) || !TokenLike(bg)) {
          // Colours written as values: "Deep Ocean (#03045E) on Sea Foam (#CAF0F8) — 14.7:1".
          if (auto p = ReadPairLine(s, line)) {
            out_.contrast_pairs.push_back(std::move(*p));
            return;
          }
          continue;
        }
        ContrastPairSpec p;
        p.text = text;
        p.background = bg;
        p.use = UseOf(right.substr(re));
        if (size_t r = right.find(":1"); r != std::string_view::npos) {
          size_t b = r;
          while (b > 0 && (std::isdigit(static_cast<unsigned char>(right[b - 1])) || right[b - 1] == '.')) --b;
          p.stated_ratio = ParseRatio(right.substr(b, r - b));
        }
        p.line = line;
        out_.contrast_pairs.push_back(std::move(p));
        return;
      }
      return;
    }
    // name: value, name — value, name = value
    size_t cut = std::string::npos, skip = 0;
    for (auto [sep, n] :
         {std::pair<const char*, size_t>{":", 1}, {" \xE2\x80\x94 ", 5}, {" \xE2\x80\x93 ", 5}, {" - ", 3}, {"=", 1}}) {
      size_t at = s.find(sep);
      if (at != std::string::npos && at < cut) {
        cut = at;
        skip = n;
      }
    }
    if (cut == std::string::npos) return;
    std::string name = CleanName(std::string_view(s).substr(0, cut));
    std::string_view rest = Trim(std::string_view(s).substr(cut + skip));
    if (name.empty() || rest.empty()) return;
    if (!TokenLike(name) && (section == Section::kNone || section == Section::kMotion)) {
      // Outside a token section only labelled font stacks count ("- Font stack: Karla, ...").
      std::string key = TokenKey(name);
      if (!StartsAny(key, {"font", "typeface"})) return;
    }
    if (std::count(name.begin(), name.end(), ' ') > 2) return;  // a sentence, not a name
    AddDefinition(name, rest, line, TokenSource::kBullet, section, "", std::nullopt, "");
  }

  // "Font stack (body): `Karla, system-ui, sans-serif` — why." and "Typeface: Karla".
  void ProseLine(std::string_view t, int line) {
    size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon > 40) return;
    std::string label = ToLower(StripCode(t.substr(0, colon)));
    std::string key = TokenKey(label);
    if (!(StartsWith(key, "font") || StartsWith(key, "typeface"))) return;
    if (HasAny(key, {"size", "weight", "scale"})) return;
    std::string_view rest = Trim(t.substr(colon + 1));
    std::string value;
    if (size_t b = rest.find('`'); b != std::string_view::npos) {
      size_t e = rest.find('`', b + 1);
      value = std::string(rest.substr(b + 1, e == std::string_view::npos ? std::string_view::npos : e - b - 1));
    } else {
      size_t e = rest.find(" \xE2\x80\x94 ");
      value = std::string(rest.substr(0, e));
      while (!value.empty() && (value.back() == '.' || value.back() == ' ')) value.pop_back();
    }
    if (Trim(value).empty()) return;
    AddDefinition(std::string(Trim(StripCode(t.substr(0, colon)))), Trim(value), line, TokenSource::kProse,
                  Section::kType, "", std::nullopt, "");
  }

  TokenKind KindOf(const std::string& key, std::string_view value, Section section, bool* is_color) const {
    std::string resolved = validators::ResolveVar(value, props_);
    auto colour = ColourOf(resolved);
    *is_color = colour.has_value();
    bool length = validators::LengthToPx(FirstWord(value)).has_value();
    if (HasAny(key, {"line-height", "leading", "weight", "tracking", "letter-spacing"})) return TokenKind::kOther;
    if (StartsAny(key, {"color-", "colour-", "palette-"}) || key == "color" || key == "colour")
      return TokenKind::kColor;
    if (StartsAny(key, {"space", "spacing", "gap", "gutter"}) && length) return TokenKind::kSpacing;
    if ((HasAny(key, {"family", "typeface"}) || StartsWith(key, "font-") || key == "font" || key == "fonts") &&
        !HasAny(key, {"size"}) && !length)
      return TokenKind::kFontStack;
    if (StartsAny(key, {"type-", "font-size", "text-", "fs-", "size-text", "type"}) && length)
      return TokenKind::kTypeSize;
    switch (section) {
      case Section::kColor:
        if (colour || StartsWith(Trim(value), "var(")) return TokenKind::kColor;
        break;
      case Section::kSpacing:
        if (length) return TokenKind::kSpacing;
        break;
      case Section::kType:
        if (length) return TokenKind::kTypeSize;
        if (!colour && (value.find(',') != std::string_view::npos || value.find('"') != std::string_view::npos))
          return TokenKind::kFontStack;
        break;
      default:
        break;
    }
    if (colour && section != Section::kMotion) return TokenKind::kColor;
    return TokenKind::kOther;
  }

  // A colour value: the whole value, or the first colour literal in it
  // ("oklch(0.52 0.09 215) (teal)").
  static std::optional<std::pair<Rgb, std::string>> ColourOf(std::string_view value) {
    std::string_view t = Trim(value);
    if (auto c = ParseCssColor(t)) return std::make_pair(*c, ColorNotation(t));
    auto lits = validators::FindColorLiterals(t, false);
    if (!lits.empty()) return std::make_pair(lits[0].rgb, lits[0].notation);
    std::string first = FirstWord(t);
    if (!first.empty() && first.size() < t.size() && ParseCssColor(first) && ColorNotation(first) == "named")
      return std::make_pair(*ParseCssColor(first), std::string("named"));
    return std::nullopt;
  }

  void AddDefinition(const std::string& name, std::string_view value, int line, TokenSource source, Section section,
                     const std::string& role, std::optional<double> share, const std::string& line_height) {
    std::string key = TokenKey(name);
    if (key.empty()) return;
    // The same token on the same line twice (a bullet holding a custom property).
    if (!seen_.insert({line, key}).second) return;
    bool colour_value = false;
    TokenKind kind = KindOf(key, value, section, &colour_value);
    TokenDefinition def{kind, source, name, std::string(value), line};
    out_.definitions.push_back(def);
    std::string v(value);
    switch (kind) {
      case TokenKind::kColor: {
        auto found = colour_at_.find(key);
        ColorToken* existing = found == colour_at_.end() ? nullptr : &out_.colors[found->second];
        if (existing) {
          if (existing->role.empty()) existing->role = role;
          if (!existing->share && share) {
            existing->share = share;
            existing->share_line = line;
          }
          return;
        }
        ColorToken c;
        c.name = name;
        std::string resolved = validators::ResolveVar(v, props_);
        // The value as written, without a trailing note: "oklch(...) — brand" -> "oklch(...)".
        auto lits = validators::FindColorLiterals(resolved, false);
        if (auto col = ColourOf(resolved)) {
          c.color = col->first;
          c.notation = col->second;
        }
        // A bullet's value carries notes ("oklch(...) — accent, 10%"): keep the colour only.
        bool with_note = !ParseCssColor(resolved) && !lits.empty() && resolved == v;
        c.value = with_note ? v.substr(lits[0].offset, lits[0].length) : v;
        c.role = role;
        if (source == TokenSource::kBullet && !share) share = ShareInText(v, lits);
        c.share = share;
        c.line = line;
        c.share_line = share ? line : 0;
        if (c.role.empty() && source == TokenSource::kBullet) c.role = RoleInText(v, lits);
        colour_at_.emplace(key, out_.colors.size());
        out_.colors.push_back(std::move(c));
        return;
      }
      case TokenKind::kSpacing:
      case TokenKind::kTypeSize: {
        auto& list = kind == TokenKind::kSpacing ? out_.spacing : out_.type_sizes;
        auto& at = kind == TokenKind::kSpacing ? spacing_at_ : type_at_;
        if (auto it = at.find(key); it != at.end()) {
          LengthToken& x = list[it->second];
          if (x.line_height.empty()) x.line_height = line_height;
          return;
        }
        at.emplace(key, list.size());
        LengthToken t;
        t.name = name;
        t.value = FirstWord(v);
        t.px = validators::LengthToPx(t.value);
        t.line_height = line_height;
        if (t.line_height.empty()) {
          if (size_t slash = v.find('/'); slash != std::string::npos) t.line_height = FirstWord(v.substr(slash + 1));
        }
        t.line = line;
        list.push_back(std::move(t));
        return;
      }
      case TokenKind::kFontStack: {
        if (!font_keys_.insert(key).second) return;
        FontStack f;
        f.name = name;
        f.value = v;
        f.families = Families(v);
        f.line = line;
        out_.fonts.push_back(std::move(f));
        return;
      }
      case TokenKind::kOther: {
        if (!other_keys_.insert(key).second) return;
        out_.other.push_back({name, v, line});
        return;
      }
    }
  }

  // A share written after the value ("oklch(...) — accent, 10%", "(60%)"); a
  // percentage inside a function (a gradient's stop, a channel) is no share.
  static std::optional<double> ShareInText(const std::string& v, const std::vector<validators::ColorLiteral>& lits) {
    std::vector<bool> calls;  // open parentheses: is each a function call?
    int in_call = 0;
    for (size_t i = 0; i < v.size(); ++i) {
      if (v[i] == '(') {
        bool call = i > 0 && (validators::IsAsciiAlnum(v[i - 1]) || v[i - 1] == '-');
        calls.push_back(call);
        in_call += call;
      }
      if (v[i] == ')' && !calls.empty()) {
        in_call -= calls.back();
        calls.pop_back();
      }
      if (v[i] != '%' || in_call > 0) continue;
      bool inside = false;
      for (const auto& l : lits) inside = inside || (i >= l.offset && i < l.offset + l.length);
      if (inside) continue;
      size_t b = i;
      while (b > 0 && (std::isdigit(static_cast<unsigned char>(v[b - 1])) || v[b - 1] == '.')) --b;
      if (b < i) return ParseShare(std::string_view(v).substr(b, i - b + 1));
    }
    return std::nullopt;
  }

  static std::string RoleInText(const std::string& v, const std::vector<validators::ColorLiteral>& lits) {
    if (lits.empty()) return "";
    std::string_view rest = std::string_view(v).substr(lits[0].offset + lits[0].length);
    std::string out;
    for (char c : rest)
      if (c != '(' && c != ')') out += c;
    std::string_view t = Trim(out);
    while (!t.empty() &&
           (t.front() == '-' || t.front() == ',' || t.front() == ' ' || static_cast<unsigned char>(t.front()) >= 0x80))
      t.remove_prefix(1);
    return std::string(t);
  }

  // A colour written as another token ("var(--color-bg)", "color.background"),
  // followed through up to four references.
  void ResolveReferences() {
    for (int pass = 0; pass < 4; ++pass)
      for (auto& c : out_.colors) {
        if (c.color) continue;
        auto it = colour_at_.find(TokenKey(c.value));
        if (it == colour_at_.end()) continue;
        const ColorToken& other = out_.colors[it->second];
        if (&other == &c || !other.color) continue;
        c.color = other.color;
        c.notation = other.notation;
      }
  }

  bool IsExampleLine(int line) const {
    return line >= 1 && static_cast<size_t>(line) <= examples_.size() && examples_[static_cast<size_t>(line - 1)];
  }

  MarkdownLines md_;
  std::vector<bool> examples_;  // per line: a row of a format-documenting table
  validators::CustomProperties props_;
  // TokenKey -> index, so a file of many tokens parses in n log n.
  std::map<std::string, size_t> colour_at_, spacing_at_, type_at_;
  std::set<std::string> font_keys_, other_keys_;
  std::set<std::pair<int, std::string>> seen_;  // (line, key) already defined
  Columns cols_;
  bool in_table_ = false;
  DesignTokens out_;
};

}  // namespace

const ColorToken* DesignTokens::FindColor(std::string_view name) const {
  std::string key = TokenKey(name);
  if (indexed_colors_ == colors.size()) {
    auto it = color_index_.find(key);
    if (it != color_index_.end() && it->second < colors.size() && TokenKey(colors[it->second].name) == key)
      return &colors[it->second];
    if (it == color_index_.end()) return nullptr;
  }
  for (const auto& c : colors)
    if (TokenKey(c.name) == key) return &c;
  return nullptr;
}

bool DesignTokens::Defines(std::string_view name) const {
  std::string key = TokenKey(name);
  if (key.empty()) return false;
  if (defined_.count(key)) return true;
  if (indexed_definitions_ == definitions.size()) return false;
  for (const auto& d : definitions)
    if (TokenKey(d.name) == key) return true;
  return false;
}

DesignTokens ParseDesignTokens(std::string_view markdown) {
  DesignTokens t = Parser(markdown).Run();
  for (size_t i = 0; i < t.colors.size(); ++i) t.color_index_.emplace(TokenKey(t.colors[i].name), i);
  for (const auto& d : t.definitions) t.defined_.insert(TokenKey(d.name));
  t.indexed_colors_ = t.colors.size();
  t.indexed_definitions_ = t.definitions.size();
  return t;
}

}  // namespace specwave
