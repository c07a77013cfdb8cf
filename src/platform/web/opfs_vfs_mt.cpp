#include "platform/web/opfs_vfs.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <ctime>
#include <random>
#include <vector>

extern "C" {
int specwave_opfs_index(const char* name);
double specwave_opfs_size(int id);
int specwave_opfs_read(int id, void* ptr, int n, double offset);
int specwave_opfs_write(int id, const void* ptr, int n, double offset);
int specwave_opfs_truncate(int id, double size);
int specwave_opfs_flush(int id);
}

namespace specwave::web {
namespace {

// One open file: an OPFS handle (id >= 0) or an in-memory temporary file.
struct OpfsFile {
  sqlite3_file base;  // must be first: SQLite casts
  int id;             // OPFS handle index, or -1 for memory
  std::vector<unsigned char>* memory;
};

const char* BaseName(const char* path) {
  const char* slash = std::strrchr(path, '/');
  return slash ? slash + 1 : path;
}

int Close(sqlite3_file* f) {
  auto* file = reinterpret_cast<OpfsFile*>(f);
  if (file->id >= 0) specwave_opfs_flush(file->id);
  delete file->memory;
  file->memory = nullptr;
  return SQLITE_OK;
}

int Read(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset) {
  auto* file = reinterpret_cast<OpfsFile*>(f);
  int got;
  if (file->id < 0) {
    const auto& m = *file->memory;
    got = offset >= static_cast<sqlite3_int64>(m.size())
              ? 0
              : static_cast<int>(std::min<sqlite3_int64>(amount, m.size() - offset));
    if (got > 0) std::memcpy(buf, m.data() + offset, got);
  } else {
    got = specwave_opfs_read(file->id, buf, amount, static_cast<double>(offset));
    if (got < 0) return SQLITE_IOERR_READ;
  }
  if (got < amount) {
    // SQLite requires the unread tail to be zero-filled on a short read.
    std::memset(static_cast<char*>(buf) + got, 0, amount - got);
    return SQLITE_IOERR_SHORT_READ;
  }
  return SQLITE_OK;
}

int Write(sqlite3_file* f, const void* buf, int amount, sqlite3_int64 offset) {
  auto* file = reinterpret_cast<OpfsFile*>(f);
  if (file->id < 0) {
    auto& m = *file->memory;
    if (m.size() < static_cast<size_t>(offset + amount)) m.resize(offset + amount);
    std::memcpy(m.data() + offset, buf, amount);
    return SQLITE_OK;
  }
  int wrote = specwave_opfs_write(file->id, buf, amount, static_cast<double>(offset));
  if (wrote == -2) return SQLITE_FULL;  // storage quota exceeded
  if (wrote != amount) return SQLITE_IOERR_WRITE;
  return SQLITE_OK;
}

int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  auto* file = reinterpret_cast<OpfsFile*>(f);
  if (file->id < 0) {
    file->memory->resize(size);
    return SQLITE_OK;
  }
  int r = specwave_opfs_truncate(file->id, static_cast<double>(size));
  return r == 0 ? SQLITE_OK : (r == -2 ? SQLITE_FULL : SQLITE_IOERR_TRUNCATE);
}

int Sync(sqlite3_file* f, int) {
  auto* file = reinterpret_cast<OpfsFile*>(f);
  if (file->id < 0) return SQLITE_OK;
  return specwave_opfs_flush(file->id) == 0 ? SQLITE_OK : SQLITE_IOERR_FSYNC;
}

int FileSize(sqlite3_file* f, sqlite3_int64* size) {
  auto* file = reinterpret_cast<OpfsFile*>(f);
  if (file->id < 0) {
    *size = static_cast<sqlite3_int64>(file->memory->size());
    return SQLITE_OK;
  }
  double s = specwave_opfs_size(file->id);
  if (s < 0) return SQLITE_IOERR_FSTAT;
  *size = static_cast<sqlite3_int64>(s);
  return SQLITE_OK;
}

// One connection in one tab owns the files (Web Locks decide which tab), so
// locking is a no-op that always succeeds.
int Lock(sqlite3_file*, int) { return SQLITE_OK; }
int Unlock(sqlite3_file*, int) { return SQLITE_OK; }
int CheckReservedLock(sqlite3_file*, int* out) {
  *out = 0;
  return SQLITE_OK;
}
int FileControl(sqlite3_file*, int, void*) { return SQLITE_NOTFOUND; }
int SectorSize(sqlite3_file*) { return 4096; }
int DeviceCharacteristics(sqlite3_file*) { return SQLITE_IOCAP_SAFE_APPEND | SQLITE_IOCAP_POWERSAFE_OVERWRITE; }

const sqlite3_io_methods kIoMethods = {
    1,         Close, Read, Write, Truncate, Sync, FileSize, Lock, Unlock, CheckReservedLock, FileControl,
    SectorSize, DeviceCharacteristics, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};

int Open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto* file = reinterpret_cast<OpfsFile*>(f);
  file->base.pMethods = nullptr;
  file->memory = nullptr;
  file->id = name ? specwave_opfs_index(BaseName(name)) : -1;
  if (file->id < 0) {
    // Only the pre-opened files live in OPFS; anything else must be a
    // temporary file, which SQLite may keep in memory.
    bool temporary = !name || (flags & (SQLITE_OPEN_TEMP_DB | SQLITE_OPEN_TEMP_JOURNAL | SQLITE_OPEN_SUBJOURNAL |
                                        SQLITE_OPEN_TRANSIENT_DB | SQLITE_OPEN_DELETEONCLOSE));
    if (!temporary) return SQLITE_CANTOPEN;
    file->memory = new std::vector<unsigned char>();
  }
  file->base.pMethods = &kIoMethods;
  if (out_flags) *out_flags = flags;
  return SQLITE_OK;
}

int Delete(sqlite3_vfs*, const char* name, int) {
  int id = specwave_opfs_index(BaseName(name));
  if (id < 0) return SQLITE_OK;
  // Pre-opened files cannot be removed and reopened synchronously: an empty
  // file is what "deleted" means here (xAccess agrees).
  return specwave_opfs_truncate(id, 0) == 0 ? SQLITE_OK : SQLITE_IOERR_DELETE;
}

int Access(sqlite3_vfs*, const char* name, int, int* out) {
  int id = specwave_opfs_index(BaseName(name));
  *out = id >= 0 && specwave_opfs_size(id) > 0;
  return SQLITE_OK;
}

int FullPathname(sqlite3_vfs*, const char* name, int n, char* out) {
  sqlite3_snprintf(n, out, "%s", name);
  return SQLITE_OK;
}

int Randomness(sqlite3_vfs*, int n, char* out) {
  std::random_device rd;
  for (int i = 0; i < n; ++i) out[i] = static_cast<char>(rd());
  return n;
}

int Sleep(sqlite3_vfs*, int microseconds) { return microseconds; }

int CurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
  // Julian day number in milliseconds.
  *out = static_cast<sqlite3_int64>(std::time(nullptr)) * 1000 + 210866760000000LL;
  return SQLITE_OK;
}

int CurrentTime(sqlite3_vfs* vfs, double* out) {
  sqlite3_int64 ms;
  CurrentTimeInt64(vfs, &ms);
  *out = ms / 86400000.0;
  return SQLITE_OK;
}

int GetLastError(sqlite3_vfs*, int, char*) { return 0; }

sqlite3_vfs g_vfs = {
    2,       static_cast<int>(sizeof(OpfsFile)), 512, nullptr, kOpfsVfsName, nullptr, Open, Delete, Access,
    FullPathname, nullptr, nullptr, nullptr, nullptr, Randomness, Sleep, CurrentTime, GetLastError,
    CurrentTimeInt64, nullptr, nullptr, nullptr};

}  // namespace

bool RegisterOpfsVfs() {
  static bool registered = false;
  if (registered) return true;
  registered = sqlite3_vfs_register(&g_vfs, 0) == SQLITE_OK;
  return registered;
}

std::string OpfsFileList(const std::string& database_name) { return database_name + "," + database_name + "-journal"; }

}  // namespace specwave::web
