# Warnings for our own targets only (linked PRIVATE), so dependencies' headers never fail the build.
add_library(plantrack_warnings INTERFACE)
target_compile_options(plantrack_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
if(PLANTRACK_WERROR)
  target_compile_options(plantrack_warnings INTERFACE -Werror)
endif()
