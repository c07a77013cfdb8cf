// The product's DiffFunction: section-level change between two versions of
// an artifact (markdown/section_diff), in the shape impact analysis reads.
#pragma once

#include "engine/regeneration.hpp"

namespace specwave {

ArtifactChangeInput DiffArtifact(const std::string& artifact, const std::string& old_text, const std::string& new_text);
DiffFunction MarkdownDiff();

}  // namespace specwave
