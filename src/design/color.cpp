#include "design/color.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

namespace specwave {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct NamedColor {
  const char* name;
  unsigned rgb;
};

// CSS Color 4 named colours (148, including the grey/gray spellings).
const NamedColor kNamed[] = {
    {"aliceblue", 0xf0f8ff},
    {"antiquewhite", 0xfaebd7},
    {"aqua", 0x00ffff},
    {"aquamarine", 0x7fffd4},
    {"azure", 0xf0ffff},
    {"beige", 0xf5f5dc},
    {"bisque", 0xffe4c4},
    {"black", 0x000000},
    {"blanchedalmond", 0xffebcd},
    {"blue", 0x0000ff},
    {"blueviolet", 0x8a2be2},
    {"brown", 0xa52a2a},
    {"burlywood", 0xdeb887},
    {"cadetblue", 0x5f9ea0},
    {"chartreuse", 0x7fff00},
    {"chocolate", 0xd2691e},
    {"coral", 0xff7f50},
    {"cornflowerblue", 0x6495ed},
    {"cornsilk", 0xfff8dc},
    {"crimson", 0xdc143c},
    {"cyan", 0x00ffff},
    {"darkblue", 0x00008b},
    {"darkcyan", 0x008b8b},
    {"darkgoldenrod", 0xb8860b},
    {"darkgray", 0xa9a9a9},
    {"darkgreen", 0x006400},
    {"darkgrey", 0xa9a9a9},
    {"darkkhaki", 0xbdb76b},
    {"darkmagenta", 0x8b008b},
    {"darkolivegreen", 0x556b2f},
    {"darkorange", 0xff8c00},
    {"darkorchid", 0x9932cc},
    {"darkred", 0x8b0000},
    {"darksalmon", 0xe9967a},
    {"darkseagreen", 0x8fbc8f},
    {"darkslateblue", 0x483d8b},
    {"darkslategray", 0x2f4f4f},
    {"darkslategrey", 0x2f4f4f},
    {"darkturquoise", 0x00ced1},
    {"darkviolet", 0x9400d3},
    {"deeppink", 0xff1493},
    {"deepskyblue", 0x00bfff},
    {"dimgray", 0x696969},
    {"dimgrey", 0x696969},
    {"dodgerblue", 0x1e90ff},
    {"firebrick", 0xb22222},
    {"floralwhite", 0xfffaf0},
    {"forestgreen", 0x228b22},
    {"fuchsia", 0xff00ff},
    {"gainsboro", 0xdcdcdc},
    {"ghostwhite", 0xf8f8ff},
    {"gold", 0xffd700},
    {"goldenrod", 0xdaa520},
    {"gray", 0x808080},
    {"green", 0x008000},
    {"greenyellow", 0xadff2f},
    {"grey", 0x808080},
    {"honeydew", 0xf0fff0},
    {"hotpink", 0xff69b4},
    {"indianred", 0xcd5c5c},
    {"indigo", 0x4b0082},
    {"ivory", 0xfffff0},
    {"khaki", 0xf0e68c},
    {"lavender", 0xe6e6fa},
    {"lavenderblush", 0xfff0f5},
    {"lawngreen", 0x7cfc00},
    {"lemonchiffon", 0xfffacd},
    {"lightblue", 0xadd8e6},
    {"lightcoral", 0xf08080},
    {"lightcyan", 0xe0ffff},
    {"lightgoldenrodyellow", 0xfafad2},
    {"lightgray", 0xd3d3d3},
    {"lightgreen", 0x90ee90},
    {"lightgrey", 0xd3d3d3},
    {"lightpink", 0xffb6c1},
    {"lightsalmon", 0xffa07a},
    {"lightseagreen", 0x20b2aa},
    {"lightskyblue", 0x87cefa},
    {"lightslategray", 0x778899},
    {"lightslategrey", 0x778899},
    {"lightsteelblue", 0xb0c4de},
    {"lightyellow", 0xffffe0},
    {"lime", 0x00ff00},
    {"limegreen", 0x32cd32},
    {"linen", 0xfaf0e6},
    {"magenta", 0xff00ff},
    {"maroon", 0x800000},
    {"mediumaquamarine", 0x66cdaa},
    {"mediumblue", 0x0000cd},
    {"mediumorchid", 0xba55d3},
    {"mediumpurple", 0x9370db},
    {"mediumseagreen", 0x3cb371},
    {"mediumslateblue", 0x7b68ee},
    {"mediumspringgreen", 0x00fa9a},
    {"mediumturquoise", 0x48d1cc},
    {"mediumvioletred", 0xc71585},
    {"midnightblue", 0x191970},
    {"mintcream", 0xf5fffa},
    {"mistyrose", 0xffe4e1},
    {"moccasin", 0xffe4b5},
    {"navajowhite", 0xffdead},
    {"navy", 0x000080},
    {"oldlace", 0xfdf5e6},
    {"olive", 0x808000},
    {"olivedrab", 0x6b8e23},
    {"orange", 0xffa500},
    {"orangered", 0xff4500},
    {"orchid", 0xda70d6},
    {"palegoldenrod", 0xeee8aa},
    {"palegreen", 0x98fb98},
    {"paleturquoise", 0xafeeee},
    {"palevioletred", 0xdb7093},
    {"papayawhip", 0xffefd5},
    {"peachpuff", 0xffdab9},
    {"peru", 0xcd853f},
    {"pink", 0xffc0cb},
    {"plum", 0xdda0dd},
    {"powderblue", 0xb0e0e6},
    {"purple", 0x800080},
    {"rebeccapurple", 0x663399},
    {"red", 0xff0000},
    {"rosybrown", 0xbc8f8f},
    {"royalblue", 0x4169e1},
    {"saddlebrown", 0x8b4513},
    {"salmon", 0xfa8072},
    {"sandybrown", 0xf4a460},
    {"seagreen", 0x2e8b57},
    {"seashell", 0xfff5ee},
    {"sienna", 0xa0522d},
    {"silver", 0xc0c0c0},
    {"skyblue", 0x87ceeb},
    {"slateblue", 0x6a5acd},
    {"slategray", 0x708090},
    {"slategrey", 0x708090},
    {"snow", 0xfffafa},
    {"springgreen", 0x00ff7f},
    {"steelblue", 0x4682b4},
    {"tan", 0xd2b48c},
    {"teal", 0x008080},
    {"thistle", 0xd8bfd8},
    {"tomato", 0xff6347},
    {"turquoise", 0x40e0d0},
    {"violet", 0xee82ee},
    {"wheat", 0xf5deb3},
    {"white", 0xffffff},
    {"whitesmoke", 0xf5f5f5},
    {"yellow", 0xffff00},
    {"yellowgreen", 0x9acd32}
};

double ToLinearChannel(double x) {
  double ax = std::fabs(x);
  double v = ax <= 0.04045 ? ax / 12.92 : std::pow((ax + 0.055) / 1.055, 2.4);
  return x < 0 ? -v : v;
}

double ToGammaChannel(double x) {
  double ax = std::fabs(x);
  double v = ax <= 0.0031308 ? 12.92 * ax : 1.055 * std::pow(ax, 1 / 2.4) - 0.055;
  return x < 0 ? -v : v;
}

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// One argument of a colour function: a number, a percentage, an angle, or none.
struct Arg {
  double value = 0;
  bool percent = false;
  bool none = false;
  std::string unit;  // "deg", "rad", "grad", "turn" or ""
};

}  // namespace

// A CSS <number>: [+-] digits [. digits] [e [+-] digits], or [+-] . digits.
// Written out rather than strtod because strtod follows the C locale (a GUI
// that sets a German locale would stop reading "0.5") and also accepts hex
// floats, "inf" and "nan", which CSS does not.
size_t ParseCssNumber(std::string_view s, double* out) {
  size_t i = 0;
  double sign = 1;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) sign = s[i++] == '-' ? -1 : 1;
  double mantissa = 0;
  int exp10 = 0, digits = 0;
  for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i, ++digits) {
    if (digits < 18) mantissa = mantissa * 10 + (s[i] - '0');
    else ++exp10;  // beyond double precision: keep the magnitude only
  }
  if (i + 1 < s.size() && s[i] == '.' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
    for (++i; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i, ++digits) {
      if (digits < 18) {
        mantissa = mantissa * 10 + (s[i] - '0');
        --exp10;
      }
    }
  }
  if (digits == 0) return 0;
  if (i + 1 < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    int esign = 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) esign = s[j++] == '-' ? -1 : 1;
    if (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) {
      int e = 0;
      for (; j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])); ++j) e = std::min(e * 10 + (s[j] - '0'), 9999);
      exp10 += esign * e;
      i = j;
    }
  }
  double v = sign * mantissa * std::pow(10.0, exp10);
  if (!std::isfinite(v)) return 0;
  *out = v;
  return i;
}

namespace {

bool ParseArg(std::string_view t, Arg* out) {
  t = TrimView(t);
  if (t.empty()) return false;
  std::string s(t);
  if (Lower(s) == "none") {
    out->none = true;
    return true;
  }
  double v = 0;
  size_t used = ParseCssNumber(s, &v);
  if (used == 0) return false;
  std::string rest = Lower(std::string_view(s).substr(used));
  if (rest == "%") out->percent = true;
  else if (rest == "deg" || rest == "rad" || rest == "grad" || rest == "turn") out->unit = rest;
  else if (!rest.empty()) return false;
  out->value = v;
  return true;
}

// Splits "a b c / d" or "a, b, c, d" into channel args and an optional alpha.
bool SplitArgs(std::string_view inner, std::vector<Arg>* channels, std::optional<Arg>* alpha) {
  std::string s(inner);
  std::optional<std::string> alpha_text;
  if (auto slash = s.find('/'); slash != std::string::npos) {
    alpha_text = s.substr(slash + 1);
    s = s.substr(0, slash);
  }
  std::vector<std::string> parts;
  bool commas = s.find(',') != std::string::npos;
  std::string cur;
  for (char c : s) {
    bool sep = commas ? c == ',' : std::isspace(static_cast<unsigned char>(c));
    if (sep) {
      if (!TrimView(cur).empty() || commas) parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!TrimView(cur).empty() || (commas && !parts.empty())) parts.push_back(cur);
  if (commas && parts.size() == 4 && !alpha_text) {
    alpha_text = parts.back();
    parts.pop_back();
  }
  if (parts.size() != 3) return false;
  for (const auto& p : parts) {
    Arg a;
    if (!ParseArg(p, &a)) return false;
    channels->push_back(a);
  }
  if (alpha_text) {
    Arg a;
    if (!ParseArg(*alpha_text, &a)) return false;
    *alpha = a;
  }
  return true;
}

double AlphaOf(const std::optional<Arg>& a) {
  if (!a || a->none) return 1;
  return std::clamp(a->percent ? a->value / 100 : a->value, 0.0, 1.0);
}

double HueDegrees(const Arg& a) {
  if (a.none) return 0;
  if (a.unit == "rad") return a.value * 180 / kPi;
  if (a.unit == "grad") return a.value * 0.9;
  if (a.unit == "turn") return a.value * 360;
  return a.value;
}

Rgb HslToRgb(double h, double s, double l) {
  h = std::fmod(std::fmod(h, 360) + 360, 360);
  auto f = [&](double n) {
    double k = std::fmod(n + h / 30, 12);
    double a = s * std::min(l, 1 - l);
    return l - a * std::max(-1.0, std::min({k - 3, 9 - k, 1.0}));
  };
  return {f(0), f(8), f(4), 1};
}

// CSS lab()/lch(): CIE Lab relative to D50 -> XYZ D50 -> (Bradford) XYZ D65 ->
// linear sRGB, with the matrices of CSS Color 4's sample code. Not clamped,
// like OKLab: a wide-gamut colour comes back outside 0..1.
Rgb CieLabToRgb(double l, double a, double b, double alpha) {
  constexpr double kKappa = 24389.0 / 27, kEpsilon = 216.0 / 24389;
  const double white[3] = {0.3457 / 0.3585, 1.0, (1.0 - 0.3457 - 0.3585) / 0.3585};
  double f1 = (l + 16) / 116, f0 = a / 500 + f1, f2 = f1 - b / 200;
  double xyz50[3] = {f0 * f0 * f0 > kEpsilon ? f0 * f0 * f0 : (116 * f0 - 16) / kKappa,
                     l > kKappa * kEpsilon ? f1 * f1 * f1 : l / kKappa,
                     f2 * f2 * f2 > kEpsilon ? f2 * f2 * f2 : (116 * f2 - 16) / kKappa};
  for (int i = 0; i < 3; ++i) xyz50[i] *= white[i];
  static const double kD50ToD65[3][3] = {{0.955473421488075, -0.02309845494876471, 0.06325924320057072},
                                         {-0.0283697093338637, 1.0099953980813041, 0.021041441191917323},
                                         {0.012314014864481998, -0.020507649298898964, 1.330365926242124}};
  static const double kXyzToLinearSrgb[3][3] = {{3.2409699419045226, -1.537383177570094, -0.4986107602930034},
                                                {-0.9692436362808796, 1.8759675015077202, 0.04155505740717559},
                                                {0.05563007969699366, -0.20397695888897652, 1.0569715142428786}};
  double xyz65[3], lin[3];
  for (int i = 0; i < 3; ++i)
    xyz65[i] = kD50ToD65[i][0] * xyz50[0] + kD50ToD65[i][1] * xyz50[1] + kD50ToD65[i][2] * xyz50[2];
  for (int i = 0; i < 3; ++i)
    lin[i] = kXyzToLinearSrgb[i][0] * xyz65[0] + kXyzToLinearSrgb[i][1] * xyz65[1] + kXyzToLinearSrgb[i][2] * xyz65[2];
  return {ToGammaChannel(lin[0]), ToGammaChannel(lin[1]), ToGammaChannel(lin[2]), alpha};
}

std::optional<Rgb> ParseHex(std::string_view hex) {
  for (char c : hex)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
  auto nib = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10; };
  if (hex.size() == 3 || hex.size() == 4) {
    double v[4] = {1, 1, 1, 1};
    for (size_t i = 0; i < hex.size(); ++i) v[i] = nib(hex[i]) * 17 / 255.0;
    return Rgb{v[0], v[1], v[2], v[3]};
  }
  if (hex.size() == 6 || hex.size() == 8) {
    double v[4] = {1, 1, 1, 1};
    for (size_t i = 0; i < hex.size() / 2; ++i) v[i] = (nib(hex[2 * i]) * 16 + nib(hex[2 * i + 1])) / 255.0;
    return Rgb{v[0], v[1], v[2], v[3]};
  }
  return std::nullopt;
}

}  // namespace

std::string ColorNotation(std::string_view text) {
  std::string t = Lower(TrimView(text));
  if (!ParseCssColor(t)) return "";
  if (!t.empty() && t[0] == '#') return "hex";
  static const std::pair<const char*, const char*> kFunctions[] = {
      {"rgba(", "rgb"}, {"rgb(", "rgb"}, {"hsla(", "hsl"}, {"hsl(", "hsl"},
      {"hwb(", "hwb"},  {"oklab(", "oklab"}, {"oklch(", "oklch"}, {"lab(", "lab"}, {"lch(", "lch"}};
  for (const auto& [prefix, name] : kFunctions)
    if (t.rfind(prefix, 0) == 0) return name;
  return "named";
}

std::optional<Rgb> ParseCssColor(std::string_view text) {
  std::string t = Lower(TrimView(text));
  if (t.empty()) return std::nullopt;
  if (t[0] == '#') return ParseHex(std::string_view(t).substr(1));
  auto open = t.find('(');
  if (open == std::string::npos) {
    if (t == "transparent") return Rgb{0, 0, 0, 0};
    for (const auto& n : kNamed)
      if (t == n.name)
        return Rgb{((n.rgb >> 16) & 255) / 255.0, ((n.rgb >> 8) & 255) / 255.0, (n.rgb & 255) / 255.0, 1};
    return std::nullopt;
  }
  if (t.back() != ')') return std::nullopt;
  std::string fn(TrimView(std::string_view(t).substr(0, open)));
  std::string_view inner = std::string_view(t).substr(open + 1, t.size() - open - 2);
  std::vector<Arg> ch;
  std::optional<Arg> alpha;
  if (!SplitArgs(inner, &ch, &alpha)) return std::nullopt;
  const double a = AlphaOf(alpha);
  auto num = [](const Arg& x, double percent_scale) { return x.none ? 0 : (x.percent ? x.value / 100 * percent_scale : x.value); };
  if (fn == "rgb" || fn == "rgba") {
    Rgb out{num(ch[0], 255) / 255, num(ch[1], 255) / 255, num(ch[2], 255) / 255, a};
    out.r = std::clamp(out.r, 0.0, 1.0);
    out.g = std::clamp(out.g, 0.0, 1.0);
    out.b = std::clamp(out.b, 0.0, 1.0);
    return out;
  }
  if (fn == "hsl" || fn == "hsla") {
    Rgb out = HslToRgb(HueDegrees(ch[0]), std::clamp(num(ch[1], 100) / 100, 0.0, 1.0),
                       std::clamp(num(ch[2], 100) / 100, 0.0, 1.0));
    out.a = a;
    return out;
  }
  if (fn == "hwb") {
    double w = std::clamp(num(ch[1], 100) / 100, 0.0, 1.0), bl = std::clamp(num(ch[2], 100) / 100, 0.0, 1.0);
    if (w + bl >= 1) {
      double g = w / (w + bl);
      return Rgb{g, g, g, a};
    }
    Rgb base = HslToRgb(HueDegrees(ch[0]), 1, 0.5);
    auto mix = [&](double c) { return c * (1 - w - bl) + w; };
    return Rgb{mix(base.r), mix(base.g), mix(base.b), a};
  }
  if (fn == "oklab") {
    Oklab lab{num(ch[0], 1), num(ch[1], 0.4), num(ch[2], 0.4), a};
    Rgb out = ToRgb(lab);
    out.a = a;
    return out;
  }
  if (fn == "lab") return CieLabToRgb(num(ch[0], 100), num(ch[1], 125), num(ch[2], 125), a);
  if (fn == "lch") {
    double h = HueDegrees(ch[2]) * kPi / 180, c = std::max(0.0, num(ch[1], 150));
    return CieLabToRgb(num(ch[0], 100), c * std::cos(h), c * std::sin(h), a);
  }
  if (fn == "oklch") {
    Oklch lch{num(ch[0], 1), std::max(0.0, num(ch[1], 0.4)), HueDegrees(ch[2]), a};
    Rgb out = ToRgb(lch);
    out.a = a;
    return out;
  }
  return std::nullopt;
}

Oklab ToOklab(const Rgb& c) {
  double r = ToLinearChannel(c.r), g = ToLinearChannel(c.g), b = ToLinearChannel(c.b);
  double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return {0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s, 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
          0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s, c.a};
}

Oklch ToOklch(const Oklab& lab) {
  double c = std::hypot(lab.a, lab.b);
  double h = std::atan2(lab.b, lab.a) * 180 / kPi;
  if (h < 0) h += 360;
  return {lab.l, c, c < 1e-7 ? 0 : h, lab.alpha};
}

Oklch ToOklch(const Rgb& rgb) { return ToOklch(ToOklab(rgb)); }

Oklab ToOklab(const Oklch& lch) {
  double h = lch.h * kPi / 180;
  return {lch.l, lch.c * std::cos(h), lch.c * std::sin(h), lch.alpha};
}

Rgb ToRgb(const Oklab& lab) {
  double l_ = lab.l + 0.3963377774 * lab.a + 0.2158037573 * lab.b;
  double m_ = lab.l - 0.1055613458 * lab.a - 0.0638541728 * lab.b;
  double s_ = lab.l - 0.0894841775 * lab.a - 1.2914855480 * lab.b;
  double l = l_ * l_ * l_, m = m_ * m_ * m_, s = s_ * s_ * s_;
  double r = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
  double g = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
  double b = -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s;
  return {ToGammaChannel(r), ToGammaChannel(g), ToGammaChannel(b), lab.alpha};
}

Rgb ToRgb(const Oklch& lch) { return ToRgb(ToOklab(lch)); }

bool InSrgbGamut(const Rgb& c, double tol) {
  return c.r >= -tol && c.r <= 1 + tol && c.g >= -tol && c.g <= 1 + tol && c.b >= -tol && c.b <= 1 + tol;
}

bool InSrgbGamut(const Oklch& lch, double tol) { return InSrgbGamut(ToRgb(lch), tol); }

Oklch MapToSrgbGamut(const Oklch& lch) {
  Oklch x = lch;
  x.l = std::clamp(x.l, 0.0, 1.0);
  if (x.l <= 0 || x.l >= 1) {
    x.c = 0;
    return x;
  }
  if (InSrgbGamut(x, 0)) return x;
  double lo = 0, hi = x.c;
  for (int i = 0; i < 40; ++i) {
    double mid = (lo + hi) / 2;
    Oklch t = x;
    t.c = mid;
    (InSrgbGamut(t, 0) ? lo : hi) = mid;
  }
  x.c = lo;
  return x;
}

Rgb ClampToSrgb(const Rgb& c) {
  return {std::clamp(c.r, 0.0, 1.0), std::clamp(c.g, 0.0, 1.0), std::clamp(c.b, 0.0, 1.0), std::clamp(c.a, 0.0, 1.0)};
}

std::string ToHex(const Rgb& rgb) {
  Rgb c = ClampToSrgb(rgb);
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(std::lround(c.r * 255)),
                static_cast<int>(std::lround(c.g * 255)), static_cast<int>(std::lround(c.b * 255)));
  return buf;
}

std::string ToCssOklch(const Oklch& lch, int decimals) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "oklch(%.*f %.*f %.1f)", decimals, lch.l, decimals, lch.c, lch.h);
  return buf;
}

double RelativeLuminance(const Rgb& rgb) {
  Rgb c = ClampToSrgb(rgb);
  return 0.2126 * ToLinearChannel(c.r) + 0.7152 * ToLinearChannel(c.g) + 0.0722 * ToLinearChannel(c.b);
}

double ContrastRatio(const Rgb& a, const Rgb& b) {
  double la = RelativeLuminance(a), lb = RelativeLuminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

}  // namespace specwave
