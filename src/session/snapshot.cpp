#include "session/snapshot.hpp"

namespace specwave {

const std::string& StreamPart::Tail(size_t phase) const {
  static const std::string kEmpty;
  return phase < tails.size() && tails[phase] ? *tails[phase] : kEmpty;
}

ViewerPart::ViewerPart()
    : versions(std::make_shared<const std::vector<ArtifactVersion>>()),
      blocks(std::make_shared<const std::vector<markdown::RenderBlock>>()),
      swatches(std::make_shared<const TokenSwatches>()),
      diff(std::make_shared<const markdown::LineDiff>()),
      diff_sections(std::make_shared<const std::vector<markdown::SectionDelta>>()) {}

WorkflowPart::WorkflowPart() : last_diff(std::make_shared<const markdown::LineDiff>()) {}

}  // namespace specwave
