#include "cli/recording_provider.hpp"

#include <cstdio>
#include <map>
#include <mutex>

#include <nlohmann/json.hpp>

#include "core/files.hpp"

namespace specwave::cli {
namespace {

class RecordingProvider final : public LlmProvider {
 public:
  RecordingProvider(std::unique_ptr<LlmProvider> inner, std::string path)
      : inner_(std::move(inner)), path_(std::move(path)) {}

  ProviderKind Kind() const override { return inner_->Kind(); }
  std::string Model() const override { return inner_->Model(); }
  bool IsLanguageModel() const override { return inner_->IsLanguageModel(); }

  LlmResponse Complete(const LlmRequest& request, const TextSink& on_text, const CancelToken& cancel) override {
    LlmResponse r = inner_->Complete(request, on_text, cancel);
    if (!r.ok) return r;
    std::lock_guard<std::mutex> lock(mu_);
    replies_[request.label] = r.text;
    // Rewritten whole after each reply (atomically): a run stopped half-way
    // still leaves a valid file.
    nlohmann::json j = replies_;
    std::string err;
    if (!WriteFileAtomic(path_, j.dump(1) + "\n", &err)) std::fprintf(stderr, "specwave: %s\n", err.c_str());
    return r;
  }

 private:
  std::unique_ptr<LlmProvider> inner_;
  std::string path_;
  std::mutex mu_;
  std::map<std::string, std::string> replies_;
};

}  // namespace

std::unique_ptr<LlmProvider> MakeRecordingProvider(std::unique_ptr<LlmProvider> inner, std::string path) {
  return std::make_unique<RecordingProvider>(std::move(inner), std::move(path));
}

}  // namespace specwave::cli
