// Salvage: the way out when a database is damaged (OpenSqliteStore says
// kCorrupt). Reads every project, artifact and version row it still can —
// table by table in rowid order, stepping over damaged pages — without
// changing the file, and writes what it found as ordinary export folders that
// `specwave import` accepts.
//
//   SalvageReport report;
//   StoreError e = SalvageExport("specwave.db", "rescued/", &report);
//   // rescued/1-tide-app/ (an export folder), rescued/salvage-report.txt
//
// What it cannot promise: rows on destroyed pages are gone (the report says
// which ranges); text whose bytes were damaged is kept as read and listed.
#pragma once

#include <string>
#include <vector>

#include <memory>

#include "store/project_bundle.hpp"
#include "store/sqlite_store.hpp"

namespace specwave {

struct SalvageReport {
  std::vector<ProjectBundle> projects;  // as recovered (ids are the old ones)
  std::vector<std::string> problems;    // for a person: what was lost or damaged
  int versions_read = 0;
  int versions_damaged = 0;          // content did not match its sha256
  std::vector<std::string> written;  // folders written by SalvageExport
};

// Reads what it can. Fails only when the file cannot be opened at all or
// holds no readable Specwave table.
StoreError SalvageDatabase(const std::string& path, SalvageReport* report, const std::string& vfs = "");

// The way out where there is no second file to write to (the browser's OPFS
// database): what SalvageDatabase read, loaded into an in-memory store that is
// then frozen read-only, its reason naming the damage, what was recovered
// and `way_out` (what the person can do next). The damaged file is not
// changed. Null when nothing could be read.
std::unique_ptr<SqliteStore> OpenRescuedCopy(const std::string& path, const std::string& vfs,
                                             const std::string& way_out, StoreError* error);

// SalvageDatabase, then each project as OUT/<id>-<slug>/ and a
// salvage-report.txt. OUT must not exist or be empty.
StoreError SalvageExport(const std::string& path, const std::string& out_dir, SalvageReport* report,
                         const std::string& vfs = "");

}  // namespace specwave
