#include "engine/phase_reply.hpp"

#include <algorithm>

#include "engine/fan_out.hpp"
#include "engine/phase_notes.hpp"
#include "engine/reply_cleaner.hpp"

namespace specwave {
namespace {

void AddCleanings(const std::vector<Cleaning>& cleanings, ReadReply* out) {
  for (const Cleaning& c : cleanings) out->notes.push_back(NoteFromCleaning(c));
}

void AddErrors(const CleanedReply& r, ReadReply* out) {
  for (const ReplyError& e : r.errors) {
    out->errors.push_back(NoteFromReplyError(e));
    out->refused = out->refused || e.kind == ReplyErrorKind::kRefusal;
  }
}

}  // namespace

EnvelopeFacts FactsFor(const RunContext& ctx, int phase, const std::string& artifact) {
  const PhaseSpec& p = ctx.spec.phases[phase];
  EnvelopeFacts f;
  f.artifact = artifact;
  f.phase = p.name;
  f.agent = p.agent;
  auto latest = ctx.store.LatestVersion(ctx.project.id, artifact);
  f.version = latest ? latest->version + 1 : 1;
  f.generator = GeneratorLabel(ctx.provider.IsLanguageModel(), ctx.provider.Name(), ctx.provider.Model());
  f.created_unix_ms = ctx.clock.NowUnixMs();
  return f;
}

ReadReply ReadWholePhaseReply(const RunContext& ctx, int phase, std::string_view raw) {
  const PhaseSpec& p = ctx.spec.phases[phase];
  ReadReply out;
  CleanedReply cleaned = CleanReply(raw, ReplyShape::ForPhase(p.produces));
  AddCleanings(cleaned.cleanings, &out);
  AddErrors(cleaned, &out);
  if (!out.ok()) return out;
  for (const CleanedDocument& d : cleaned.documents) {
    EnvelopedDocument e = WrapInEnvelope(d.text, FactsFor(ctx, phase, d.name), d.first_line);
    // The offline generator writes `version: 1` on every run (it does not
    // read the store); that is not a model's mistake worth a warning.
    if (!ctx.provider.IsLanguageModel())
      e.cleanings.erase(std::remove_if(e.cleanings.begin(), e.cleanings.end(),
                                       [](const Cleaning& c) {
                                         return c.kind == CleaningKind::kEnvelopeFieldReplaced &&
                                                IsVolatileEnvelopeKey(c.detail);
                                       }),
                        e.cleanings.end());
    AddCleanings(e.cleanings, &out);
    out.artifacts.push_back({d.name, std::move(e.text)});
  }
  return out;
}

std::string FanOutItemHeading(const PhaseSpec& phase, const std::string& item_title) {
  if (phase.fan_out && phase.fan_out->items == FanOut::Items::kHeadings)
    return std::string(static_cast<size_t>(std::max(1, phase.fan_out->heading_level)), '#') + " " + item_title;
  return "### " + item_title;
}

ReadReply ReadFanOutItemReply(const RunContext& ctx, int phase, const std::string& item_title, std::string_view raw) {
  const PhaseSpec& p = ctx.spec.phases[phase];
  ReadReply out;
  const std::string artifact = p.produces.empty() ? "" : p.produces[0];
  CleanedReply cleaned = CleanReply(raw, ReplyShape::FanOutItem(artifact, FanOutItemHeading(p, item_title)));
  AddCleanings(cleaned.cleanings, &out);
  AddErrors(cleaned, &out);
  // Name the item in what it said: "tasks.md" alone does not say which call.
  for (auto* list : {&out.notes, &out.errors})
    for (ArtifactFinding& f : *list) f.message = "item '" + item_title + "': " + f.message;
  if (out.ok() && !cleaned.documents.empty()) out.artifacts.push_back({artifact, cleaned.documents[0].text});
  return out;
}

std::string EnvelopeJoined(const RunContext& ctx, int phase, const std::string& title,
                           const std::vector<std::string>& bodies) {
  const std::string& artifact = ctx.spec.phases[phase].produces[0];
  EnvelopeFacts f = FactsFor(ctx, phase, artifact);
  f.default_title = title;
  return WrapInEnvelope(JoinItemBodies(title, bodies), f).text;
}

std::string WithoutCreatedLine(const std::string& document) {
  if (document.rfind("---\n", 0) != 0) return document;
  size_t end = document.find("\n---\n", 3);
  if (end == std::string::npos) return document;
  size_t at = document.find("\ncreated: ", 3);
  if (at == std::string::npos || at > end) return document;
  size_t eol = document.find('\n', at + 1);
  return document.substr(0, at) + document.substr(eol);
}

std::string SummariseErrors(const std::vector<ArtifactFinding>& errors) {
  std::string s;
  for (const ArtifactFinding& f : errors) {
    if (!s.empty()) s += "; ";
    s += f.message;
  }
  return s;
}

}  // namespace specwave
