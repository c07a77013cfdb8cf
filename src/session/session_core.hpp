// What the session's parts share: the ports, the model the UI reads, and the
// command thread they all run on. Each part (projects, viewer, editor, run
// controller) does its work in commands on that thread; only the run
// controller starts another thread (the run), whose results come back as
// model changes and further commands.
#pragma once

#include <string>

#include "session/command_queue.hpp"
#include "session/session_model.hpp"
#include "session/session_ports.hpp"

namespace specwave {

struct SessionCore {
  SessionPorts& ports;
  SessionModel& model;
  CommandQueue& commands;

  void Banner(BannerKind kind, const std::string& text) {
    model.Change([&](SessionModel::Draft& d) {
      auto& s = d.Mut<StatusPart>();
      s.banner_kind = kind;
      s.banner = text;
    });
  }
  int64_t ProjectId() const { return model.Get<ProjectPart>()->project_id; }
  Store& store() const { return *ports.store; }
};

}  // namespace specwave
