#include "interop/id_map.hpp"

#include <cctype>
#include <cstdlib>
#include <vector>

#include "core/sha256.hpp"
#include "core/text.hpp"
#include "interop/pack_view.hpp"

namespace specwave::interop {
namespace {

using TaskMap = std::map<std::pair<int, int>, std::pair<int, int>>;

bool Alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

int ReadNumber(const std::string& s, size_t* i) {
  int n = 0;
  size_t start = *i;
  while (*i < s.size() && std::isdigit(static_cast<unsigned char>(s[*i])) && *i - start < 7) n = n * 10 + (s[(*i)++] - '0');
  return *i > start ? n : -1;
}

std::string Key(int a, int b) { return std::to_string(a) + "." + std::to_string(b); }

std::pair<int, int> SplitKey(const std::string& k) {
  size_t dot = k.find('.');
  return {std::atoi(k.substr(0, dot).c_str()), std::atoi(k.substr(dot + 1).c_str())};
}

Pack Rewritten(const Pack& pack, const std::map<int, int>& f, const std::map<int, int>& e, const TaskMap& t) {
  Pack out = pack;
  if (f.empty() && e.empty() && t.empty()) return out;
  for (auto& [name, text] : out.artifacts) text = RewriteIds(text, f, e, t);
  return out;
}

// A number for a new id in the folder that no other id of its kind uses.
int FreeContentNumber(int wanted, const std::set<int>& used) {
  int n = wanted;
  while (used.count(n)) n = n >= 99999 ? 10000 : n + 1;
  return n;
}

}  // namespace

int ContentNumber(const std::string& author, char kind, const std::string& title) {
  std::string h = Sha256Hex(author + "\n" + std::string(1, kind) + "\n" + ToLower(Trim(title)));
  unsigned long v = std::strtoul(h.substr(0, 8).c_str(), nullptr, 16);
  return 10000 + static_cast<int>(v % 90000);
}

std::string RewriteIds(const std::string& text, const std::map<int, int>& f, const std::map<int, int>& e,
                       const std::map<std::pair<int, int>, std::pair<int, int>>& t) {
  if (f.empty() && e.empty() && t.empty()) return text;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    bool start = (c == 'F' || c == 'E' || c == 'T') && (i == 0 || !Alnum(text[i - 1]));
    if (!start) {
      out += text[i++];
      continue;
    }
    size_t j = i + 1;
    int a = ReadNumber(text, &j);
    int b = -1;
    if (a >= 0 && c == 'T' && j + 1 < text.size() && text[j] == '.') {
      size_t k = j + 1;
      b = ReadNumber(text, &k);
      if (b >= 0) j = k;
    }
    bool ends = j >= text.size() || !(Alnum(text[j]) || (text[j] == '.' && j + 1 < text.size() &&
                                                          std::isdigit(static_cast<unsigned char>(text[j + 1]))));
    if (a < 0 || !ends || (c == 'T' && b < 0)) {
      out += text[i++];
      continue;
    }
    std::string repl;
    if (c == 'F') {
      auto it = f.find(a);
      if (it != f.end()) repl = "F" + std::to_string(it->second);
    } else if (c == 'E') {
      auto it = e.find(a);
      if (it != e.end()) repl = "E" + std::to_string(it->second);
    } else {
      auto it = t.find({a, b});
      if (it != t.end()) repl = "T" + Key(it->second.first, it->second.second);
    }
    if (repl.empty()) repl = text.substr(i, j - i);
    out += repl;
    i = j;
  }
  return out;
}

Pack ToFolderIds(const Pack& pack, const std::string& author, IdSpace* space) {
  PackView v = ViewOf(pack);
  bool first = space->known.empty();
  std::set<int> used_f, used_e;
  for (const auto& [d, f] : space->features) used_f.insert(f);
  for (const auto& [d, f] : space->epics) used_e.insert(f);
  for (const std::string& k : space->known) {
    if (k[0] == 'F' && !space->features.count(std::atoi(k.c_str() + 1))) used_f.insert(std::atoi(k.c_str() + 1));
    if (k[0] == 'E' && !space->epics.count(std::atoi(k.c_str() + 1))) used_e.insert(std::atoi(k.c_str() + 1));
  }
  for (const Feature& f : v.features) {
    std::string id = "F" + std::to_string(f.number);
    if (!first && !space->known.count(id) && !space->features.count(f.number)) {
      int n = FreeContentNumber(ContentNumber(author, 'F', f.title), used_f);
      used_f.insert(n);
      space->features[f.number] = n;
    }
    space->known.insert(id);
  }
  for (const Epic& e : v.epics) {
    std::string id = "E" + std::to_string(e.number);
    if (!first && !space->known.count(id) && !space->epics.count(e.number)) {
      int n = FreeContentNumber(ContentNumber(author, 'E', e.title), used_e);
      used_e.insert(n);
      space->epics[e.number] = n;
    }
    space->known.insert(id);
  }
  TaskMap tasks;
  for (const auto& [d, f] : space->tasks) tasks[SplitKey(d)] = SplitKey(f);
  for (const TaskGroup& g : v.groups)
    for (const Task& t : g.tasks) {
      std::string id = "T" + Key(t.epic, t.number);
      int epic = space->epics.count(t.epic) ? space->epics.at(t.epic) : t.epic;
      if (!tasks.count({t.epic, t.number})) {
        int n = t.number;
        if (!first && !space->known.count(id)) {
          std::set<int> used;
          for (const auto& [d, f] : tasks)
            if (f.first == epic) used.insert(f.second);
          for (const std::string& k : space->known)
            if (k[0] == 'T' && SplitKey(k.substr(1)).first == t.epic) used.insert(SplitKey(k.substr(1)).second);
          n = FreeContentNumber(ContentNumber(author, 'T', t.title), used);
        }
        if (n != t.number || epic != t.epic) tasks[{t.epic, t.number}] = {epic, n};
      }
      space->known.insert(id);
    }
  space->tasks.clear();
  for (const auto& [d, f] : tasks) space->tasks[Key(d.first, d.second)] = Key(f.first, f.second);
  return Rewritten(pack, space->features, space->epics, tasks);
}

Pack ToDisplayIds(const Pack& folder_pack, const Pack& project, IdSpace* space) {
  PackView folder = ViewOf(folder_pack);
  PackView mine = ViewOf(project);
  std::map<int, int> back_f, back_e;  // folder -> display
  for (const auto& [d, f] : space->features) back_f[f] = d;
  for (const auto& [d, f] : space->epics) back_e[f] = d;
  std::set<int> taken_f, taken_e;
  for (const Feature& f : mine.features) taken_f.insert(f.number);
  for (const Epic& e : mine.epics) taken_e.insert(e.number);
  for (const auto& [d, f] : space->features) taken_f.insert(d);
  for (const auto& [d, f] : space->epics) taken_e.insert(d);
  for (const std::string& k : space->known) {
    if (k[0] == 'F') taken_f.insert(std::atoi(k.c_str() + 1));
    if (k[0] == 'E') taken_e.insert(std::atoi(k.c_str() + 1));
  }
  // Without a map (a first import, or a copy that never exported here) the
  // folder's numbers below the content range are taken as the project's.
  const bool trust = space->known.empty();
  auto place = [&](int folder_n, char kind, std::map<int, int>* back, std::set<int>* taken, std::map<int, int>* fwd) {
    if (back->count(folder_n)) return back->at(folder_n);
    std::string id = std::string(1, kind) + std::to_string(folder_n);
    bool identity_known = ((trust && folder_n < 10000) || space->known.count(id)) && !fwd->count(folder_n);
    int d = folder_n;
    if (!identity_known) {
      if (folder_n >= 10000 || taken->count(folder_n)) d = taken->empty() ? 1 : *taken->rbegin() + 1;
      taken->insert(d);
    }
    (*back)[folder_n] = d;
    if (d != folder_n) (*fwd)[d] = folder_n;
    space->known.insert(std::string(1, kind) + std::to_string(d));
    return d;
  };
  std::map<int, int> f_map, e_map;  // folder -> display, for rewriting
  for (const Feature& f : folder.features) f_map[f.number] = place(f.number, 'F', &back_f, &taken_f, &space->features);
  for (const Epic& e : folder.epics) e_map[e.number] = place(e.number, 'E', &back_e, &taken_e, &space->epics);
  for (const TaskGroup& g : folder.groups)
    if (!e_map.count(g.epic)) e_map[g.epic] = place(g.epic, 'E', &back_e, &taken_e, &space->epics);
  std::map<std::string, std::string> back_t;  // folder "e.n" -> display "e.n"
  for (const auto& [d, f] : space->tasks) back_t[f] = d;
  std::map<int, std::set<int>> taken_t;  // display epic -> numbers
  for (const TaskGroup& g : mine.groups)
    for (const Task& t : g.tasks) taken_t[t.epic].insert(t.number);
  for (const std::string& k : space->known)
    if (k[0] == 'T') taken_t[SplitKey(k.substr(1)).first].insert(SplitKey(k.substr(1)).second);
  TaskMap t_map;
  for (const TaskGroup& g : folder.groups)
    for (const Task& t : g.tasks) {
      std::string fk = Key(t.epic, t.number);
      int epic = e_map.count(t.epic) ? e_map[t.epic] : t.epic;
      std::pair<int, int> d{epic, t.number};
      if (back_t.count(fk)) {
        d = SplitKey(back_t[fk]);
      } else if (!((trust && t.number < 10000) || space->known.count("T" + Key(epic, t.number))) || epic != t.epic) {
        std::set<int>& taken = taken_t[epic];
        if (t.number >= 10000 || taken.count(t.number)) d.second = taken.empty() ? 1 : *taken.rbegin() + 1;
        taken.insert(d.second);
      }
      if (d != std::make_pair(t.epic, t.number)) {
        t_map[{t.epic, t.number}] = d;
        space->tasks[Key(d.first, d.second)] = fk;
      }
      space->known.insert("T" + Key(d.first, d.second));
    }
  std::map<int, int> f_rw, e_rw;
  for (const auto& [from, to] : f_map)
    if (from != to) f_rw[from] = to;
  for (const auto& [from, to] : e_map)
    if (from != to) e_rw[from] = to;
  return Rewritten(folder_pack, f_rw, e_rw, t_map);
}

}  // namespace specwave::interop
