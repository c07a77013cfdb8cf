#include "offline/domain/api_endpoints.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "offline/input/text_rules.hpp"

namespace specwave::offline {

namespace {

void Add(std::vector<Endpoint>* out, Endpoint e) {
  for (auto& x : *out)
    if (x.Key() == e.Key()) {
      for (int f : e.serves)
        if (std::find(x.serves.begin(), x.serves.end(), f) == x.serves.end()) x.serves.push_back(f);
      return;
    }
  out->push_back(std::move(e));
}

std::string WritableFields(const Entity& e) {
  std::vector<std::string> v;
  for (const auto& f : e.fields)
    if (f.name != "id" && f.name != "created_at" && f.name != "updated_at" && f.name != "revision")
      v.push_back("`" + f.name + "`");
  return v.empty() ? "no fields beyond the id" : Join(v, ", ");
}

}  // namespace

std::vector<Endpoint> DeriveEndpoints(const DomainModel& m, const std::vector<Feature>& features,
                                      const StackProfile& stack) {
  std::vector<Endpoint> out;
  for (const auto& e : m.entities) {
    std::string coll = CollectionPath(e.name);
    std::vector<std::string> with_refs = {e.name};
    for (const auto& r : e.refs) with_refs.push_back(r);
    std::string filters;
    for (const auto& r : e.refs) filters += ", `?" + SnakeFromPascal(r) + "_id=`";
    Add(&out, {"GET", coll, with_refs, e.features,
               "Lists " + e.name + " records, newest first" + (filters.empty() ? "" : "; filters" + filters.substr(1)) +
                   (stack.offline_first ? "; `?since=<revision>` for sync" : "") + ".",
               "", "200 with `{ \"items\": [" + e.name + "], \"next\": cursor }`."});
    Add(&out, {"POST", coll, with_refs, e.features, "Creates a " + e.name + ".", "JSON with " + WritableFields(e) + ".",
               "201 with the " + e.name + "; 422 naming each invalid field."});
    Add(&out, {"GET",
               coll + "/{id}",
               {e.name},
               e.features,
               "Reads one " + e.name + ".",
               "",
               "200 with the " + e.name + "; 404 when absent."});
    Add(&out, {"PATCH",
               coll + "/{id}",
               {e.name},
               e.features,
               "Changes some fields of a " + e.name + ".",
               "JSON with any of " + WritableFields(e) +
                   (stack.offline_first ? ", and the `revision` it was based on" : "") + ".",
               "200 with the " + e.name +
                   (stack.offline_first ? "; 409 with both values when the revision is stale." : ".")});
  }
  for (const auto& f : features) {
    auto pit = m.primary.find(f.id);
    if (pit == m.primary.end() || !m.Find(pit->second)) continue;
    const std::string& primary = pit->second;
    std::vector<std::string> uses = m.uses.count(f.id) ? m.uses.at(f.id) : std::vector<std::string>{primary};
    std::string coll = CollectionPath(primary);
    std::string t = ToLower(f.title + " " + f.description);
    auto words = Tokenize(f.title);
    if (t.find("link") != std::string::npos && t.find("share") != std::string::npos) {
      Add(&out, {"POST",
                 coll + "/{id}/share",
                 {primary},
                 {f.id},
                 "Creates a share link for a " + primary + ".",
                 "",
                 "201 with `{ \"url\": ..., \"expires_at\": ... }`; the token is unguessable."});
      Add(&out, {"GET",
                 "/shared/{token}",
                 uses,
                 {f.id},
                 "Opens a shared " + primary + " without an account.",
                 "",
                 "200 with the shared " + primary + " and what it refers to; 410 when revoked or expired."});
    }
    if (t.find("csv") != std::string::npos || t.find("export") != std::string::npos) {
      Add(&out, {"GET",
                 "/reports/" + Slugify(f.title) + ".csv",
                 uses,
                 {f.id},
                 "Exports " + Lowercase1(f.title) + " as CSV.",
                 "Query `?from=YYYY-MM-DD&to=YYYY-MM-DD`.",
                 "200 `text/csv` with a header row; cells are escaped."});
    }
    if (t.find("live") != std::string::npos || t.find("updates") != std::string::npos) {
      Add(&out, {"GET",
                 coll + "/events",
                 uses,
                 {f.id},
                 "Server-Sent Events: one event per change to " + JoinList(uses) + ".",
                 "",
                 "200 `text/event-stream`; each event carries the changed record and its revision."});
    }
    if (!words.empty() && IsKnownVerb(words[0]) && words[0] != "show" && words[0] != "see") {
      Add(&out, {"POST",
                 coll + "/{id}/" + Slugify(f.title),
                 uses,
                 {f.id},
                 "Performs \"" + f.title + "\" in one step.",
                 "",
                 "200 with the changed records."});
    }
    if (t.find("reorder") != std::string::npos) {
      Add(&out, {"POST",
                 coll + "/{id}/reorder",
                 uses,
                 {f.id},
                 "Saves a new order.",
                 "JSON `{ \"order\": [id, ...] }`.",
                 "200 with the new order."});
    }
  }
  if (stack.offline_first) {
    std::vector<std::string> all;
    std::vector<int> every;
    for (const auto& e : m.entities) all.push_back(e.name);
    for (const auto& f : features) every.push_back(f.id);
    Add(&out,
        {"POST", "/sync", all, every, "Sends the device's outbox and returns every change since its last revision.",
         "JSON `{ \"since\": revision, \"changes\": [...] }`.",
         "200 with `{ \"revision\": n, \"changes\": [...], \"conflicts\": [...] }`."});
  }
  return out;
}

}  // namespace specwave::offline
