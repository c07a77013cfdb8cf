// Placeholder translation unit; the md4c-based outline and section diff land with issue #6.
namespace specwave::markdown {}
