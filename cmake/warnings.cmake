# Warnings for our own targets only (third-party code is built quietly).
function(specwave_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
endfunction()
