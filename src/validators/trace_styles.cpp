// Which identifier style each artifact uses, as read: the validation report
// prints it so a person can see what the checks recognised (and a document
// whose ids were not recognised at all stands out).
#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "validators/trace_check.hpp"

namespace specwave::validators {
namespace {

// Counts by (style, form), in first-seen order.
class Tally {
 public:
  void Add(const std::string& style, const std::string& form) {
    for (auto& e : entries_)
      if (e.style == style && e.form == form) {
        ++e.count;
        return;
      }
    entries_.push_back({"", "", style, form, 1});
  }
  void AppendTo(const std::string& artifact, const std::string& what, std::vector<IdStyle>* out) const {
    for (auto e : entries_) {
      e.artifact = artifact;
      e.what = what;
      out->push_back(e);
    }
  }

 private:
  std::vector<IdStyle> entries_;
};

std::string Plural(const std::string& form) { return form.empty() || form.back() == 's' ? form : form + "s"; }

}  // namespace

std::vector<IdStyle> CollectStyles(const TraceInput& in) {
  std::vector<IdStyle> out;
  Tally reqs;
  for (const auto& f : in.features) reqs.Add(f.style, Plural(f.form));
  reqs.AppendTo(in.prd.name, "requirements", &out);
  Tally epics;
  for (const auto& e : in.epic_defs) epics.Add(e.style, "headings");
  epics.AppendTo(in.epics.name, "epics", &out);
  std::vector<std::string> keys;
  for (const auto& e : in.epic_defs) {
    std::string k = e.covers_key == "coverage map" || e.covers_key.empty() ? e.covers_key : "`" + e.covers_key + ":`";
    if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  }
  if (!keys.empty()) out.push_back({in.epics.name, "coverage read from", Join(keys, ", "), "", 0});
  Tally tasks;
  for (const auto& t : in.task_defs) tasks.Add(t.style, t.form);
  tasks.AppendTo(in.tasks.name, "tasks", &out);
  Tally endpoints;
  for (const auto& e : in.endpoints)
    endpoints.Add("METHOD /path", e.form == "heading" ? "headings" : e.form == "table row" ? "table rows" : "lines");
  endpoints.AppendTo(in.api.name, "endpoints", &out);
  return out;
}

}  // namespace specwave::validators
