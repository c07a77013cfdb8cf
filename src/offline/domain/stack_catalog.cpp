// The rules that pick a base stack from the brief, and the add-on layers its
// features imply. Rules are checked in a fixed order and each one that fires
// leaves a sentence in StackProfile::why, quoting the words that fired it.
#include "offline/domain/stack_catalog.hpp"

#include "core/text.hpp"
#include "offline/domain/stack_profiles.hpp"

namespace specwave::offline {

namespace {

std::string Lower(const Brief& b) {
  std::string t = b.AllText();
  for (const auto& c : b.constraints) t += "\n" + c;
  return ToLower(t);
}

// The first of `phrases` found in `text`, or "".
std::string Found(const std::string& text, std::initializer_list<std::string_view> phrases) {
  for (auto p : phrases)
    if (text.find(p) != std::string::npos) return std::string(p);
  return "";
}

// The constraint (or platform line) that contains `phrase`, quoted for a reason.
std::string Quote(const Brief& b, const std::string& phrase) {
  auto bare = [](std::string s) {
    while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
    return s;
  };
  if (IContains(b.platform, phrase)) return "the platform says \"" + bare(b.platform) + "\"";
  for (const auto& c : b.constraints)
    if (IContains(c, phrase)) return "a constraint says \"" + bare(c) + "\"";
  return "the brief mentions \"" + phrase + "\"";
}

bool NodeBackend(const StackProfile& s) {
  return s.id != "web-htmx-postgres" && s.id.rfind("desktop", 0) != 0 && s.id.rfind("cli", 0) != 0;
}

}  // namespace

void AddFeatureLayers(const Brief& b, StackProfile* s) {
  std::string t = Lower(b);
  bool web = s->id.rfind("web", 0) == 0;
  bool go = s->id == "web-htmx-postgres";
  if (std::string p = Found(t, {"live ", "real-time", "realtime", "updates as", "as it changes", "instantly"});
      !p.empty()) {
    s->layers.push_back({"Live updates", "Server-Sent Events from the server (EventSource in the client)",
                         "The brief wants changes to appear as they happen (\"" + p +
                             "\"); SSE pushes them over plain "
                             "HTTP and reconnects by itself."});
    s->components.push_back(
        {"Live update hub", "Keeps one event stream per open screen and pushes a change after each commit."});
    s->data_flow.push_back(
        "After a commit, the live update hub pushes the changed record to every open screen that shows it.");
  }
  if (std::string p = Found(t, {"text message", "sms", "texts "}); !p.empty()) {
    s->layers.push_back({"Messaging", "SMS through a provider adapter (one interface, Twilio first)",
                         "Text messages go through one provider that must stay replaceable, so the vendor sits behind "
                         "one small interface."});
    s->packages.push_back({go ? "github.com/twilio/twilio-go" : "twilio", "pin minor; behind the adapter interface",
                           "MIT", "Sending text messages",
                           "Medium: vendor outage or price change; delivery status is stored"});
    s->components.push_back(
        {"Message gateway", "Sends text messages through the provider adapter and records delivery status."});
    s->data_flow.push_back(
        "Messages are queued in the database and sent by the message gateway, which stores each delivery status.");
  }
  if (std::string p = Found(t, {"route", "waypoint", "chart", " map", "location", "gps"});
      !p.empty() && (web || s->offline_first)) {
    bool flutter = s->id.rfind("mobile", 0) == 0;
    s->layers.push_back(
        {"Maps", flutter ? "flutter_map with cached tiles" : "MapLibre GL JS with vector tiles cached for offline use",
         "Features draw on a chart (\"" + p + "\"); an open-source renderer avoids per-view map fees."});
    s->packages.push_back({flutter ? "flutter_map" : "maplibre-gl", "pin minor; update after a visual check",
                           "BSD-3-Clause", "Map rendering",
                           "Medium: tile provider terms; cached tiles use storage, so the cached area is capped"});
    s->components.push_back({"Map view", "Draws the chart, routes and waypoints; caches tiles for planned areas."});
  }
  if (std::string p = Found(t, {"csv", "export"}); !p.empty()) {
    s->layers.push_back(
        {"Export", go ? "CSV written by the server (Go encoding/csv)" : "CSV streamed by the API (csv-stringify)",
         "The brief asks for exports (\"" + p + "\"); generating them on the server keeps phones light."});
    if (!go && NodeBackend(*s)) s->packages.push_back({"csv-stringify", "^6", "MIT", "CSV export", "Low"});
    s->components.push_back(
        {"Report exporter", "Builds reports and CSV files from the database, outside the request path."});
  }
  if (std::string p = Found(t, {"wcag", "accessib", "screen reader"}); !p.empty()) {
    s->layers.push_back(
        {"Accessibility checks", "axe-core run inside the end-to-end tests",
         "The brief sets an accessibility bar (\"" + p + "\"); every screen is checked on every build."});
    s->packages.push_back({"@axe-core/playwright", "^4; dev dependency", "MPL-2.0", "Automated accessibility checks",
                           "Low: finds about half of the issues; manual checks remain"});
  }
  if (std::string p = Found(t, {"harmonic", "tide prediction", "predictions"}); !p.empty()) {
    s->layers.push_back({"Domain computation", "Predictions computed in-house from the public constants, on the device",
                         "Predictions must work offline and the brief rules out paid APIs."});
    s->packages.push_back({"Public harmonic-constants dataset",
                           "snapshot per release; checked against published tables",
                           "as published by the source (checked before release)", "Input to the in-house predictor",
                           "High: accuracy and coverage are safety-relevant; show the source and its date"});
    s->components.push_back(
        {"Prediction engine", "Computes predicted values per station and day; results cached on the device."});
  } else if (std::string q = Found(t, {"estimated wait", "estimate"}); !q.empty()) {
    s->components.push_back(
        {"Estimator", "Computes estimates (\"" + q + "\") from recent history; recalculated after each change."});
  }
}

StackProfile ChooseStack(const Brief& b) {
  std::string platform = ToLower(b.platform);
  std::string t = Lower(b);
  StackProfile s;
  std::string why;
  if (std::string p = Found(platform, {"command line", "command-line", "cli", "terminal"}); !p.empty()) {
    s = CliGoProfile();
    why = Quote(b, p);
  } else if (std::string p = Found(platform, {"desktop", "windows", "macos", "linux"}); !p.empty()) {
    s = DesktopTauriProfile();
    why = Quote(b, p);
  } else if (std::string p = Found(platform, {"ios", "android", "app store", "mobile app", "native"});
             !p.empty() && platform.find("web") == std::string::npos) {
    s = MobileFlutterProfile();
    why = Quote(b, p);
  } else if (std::string p =
                 Found(t, {"offline", "no signal", "no connection", "no network", "without network", "no internet"});
             !p.empty()) {
    s = WebPwaProfile();
    why = Quote(b, p) + ", so data lives on the device and syncs later";
  } else if (std::string p = Found(t, {"old android", "old phones", "slow connection", "low-end", "2g", "3g",
                                       "slow network", "cheap phones"});
             !p.empty()) {
    s = WebHtmxProfile();
    why = Quote(b, p) + ", so pages render on the server and ship little JavaScript";
  } else {
    s = WebReactProfile();
    why = b.platform.empty() ? "the brief names no platform, so the default web stack is used"
                             : "the platform says \"" + b.platform + "\" and no rule asks for more";
  }
  s.why.push_back(why);
  AddFeatureLayers(b, &s);
  return s;
}

StackProfile StackById(const std::string& id, const Brief& b) {
  StackProfile chosen = ChooseStack(b);
  if (chosen.id == id) return chosen;  // same rules, same reasons
  StackProfile s;
  if (id == "web-pwa-sqlite")
    s = WebPwaProfile();
  else if (id == "web-htmx-postgres")
    s = WebHtmxProfile();
  else if (id == "web-react-postgres")
    s = WebReactProfile();
  else if (id == "mobile-flutter-sqlite")
    s = MobileFlutterProfile();
  else if (id == "desktop-tauri-sqlite")
    s = DesktopTauriProfile();
  else if (id == "cli-go-sqlite")
    s = CliGoProfile();
  else
    return ChooseStack(b);
  s.why.push_back("stack.md chose \"" + id + "\" (the brief's rules alone would choose \"" + chosen.id + "\")");
  AddFeatureLayers(b, &s);
  return s;
}

}  // namespace specwave::offline
