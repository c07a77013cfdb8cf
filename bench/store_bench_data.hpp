// What the storage benchmarks write, shared so the native run
// (bench/store_bench.cpp) and the browser run (bench/web/) measure the same
// bytes: ~4 KB versions for commits, and a project of 10,000 ~3 KB versions.
#pragma once

#include <string>
#include <vector>

#include "engine/store_port.hpp"

namespace specwave::bench {

inline constexpr int kCommits = 200;
inline constexpr int kArtifacts = 40, kPerArtifact = 250;  // 10,000 versions

// A markdown artifact of about `bytes` bytes, different for each (i, v).
inline std::string Markdown(int artifact, int version, size_t bytes) {
  std::string s = "# Artifact " + std::to_string(artifact) + " v" + std::to_string(version) + "\n\n";
  int section = 0;
  while (s.size() < bytes) {
    s += "## Section " + std::to_string(++section) + "\n\nThe system shall record tide heights for station " +
         std::to_string(artifact * 1000 + version) + " every ten minutes and show them offline.\n\n";
  }
  return s;
}

// The versions of the 10,000-version project, for Store::ImportProject.
inline std::vector<ArtifactVersion> TenThousandVersions() {
  std::vector<ArtifactVersion> versions;
  versions.reserve(kArtifacts * kPerArtifact);
  for (int a = 0; a < kArtifacts; ++a)
    for (int v = 1; v <= kPerArtifact; ++v) {
      ArtifactVersion av;
      av.artifact = "artifact-" + std::to_string(a) + ".md";
      av.version = v;
      av.author = v % 3 ? "agent:writer" : "user";
      av.content = Markdown(a, v, 3000);
      av.created_at = 1'700'000'000'000 + v;
      versions.push_back(std::move(av));
    }
  return versions;
}

}  // namespace specwave::bench
