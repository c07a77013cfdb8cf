// The database schema as an ordered list of numbered steps. `PRAGMA
// user_version` holds the number of the last step applied; each step runs in
// its own transaction that also bumps user_version, so a crash or a full disk
// mid-migration leaves the database at the previous version, never between.
//
// To change the schema, append a step (never edit a released one): the new
// SQL, its number (last + 1) and a line saying what it is for.
#pragma once

#include <string>
#include <vector>

#include "engine/store_port.hpp"

namespace specwave::sql {

class Db;

struct Migration {
  int version;              // 1, 2, 3... in order, no gaps
  const char* description;  // one line, for logs and docs/storage.md
  const char* sql;
};

// Marks a file as a Specwave database (PRAGMA application_id), so that
// another program's SQLite file is refused rather than changed.
inline constexpr int kApplicationId = 0x53707776;  // "Spwv"

const std::vector<Migration>& Migrations();
int LatestSchemaVersion();

// Brings `db` from its user_version up to the last step in `steps`. A
// database already at (or past) the last step is left alone. Returns the
// version reached in *version.
StoreError ApplyMigrations(Db& db, const std::vector<Migration>& steps, int* version);

}  // namespace specwave::sql
