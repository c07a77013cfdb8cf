// Placeholder translation unit; the SQLite store lands with issue #5.
namespace specwave::store {}
