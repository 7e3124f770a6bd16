# Used only while the top-level CMakeLists.txt does not yet add tests/fuzz: passed as
# -DCMAKE_PROJECT_INCLUDE=..., it includes tests/fuzz/CMakeLists.txt once the top level has
# defined plantrack_lib. (Deferred arguments are expanded when the call runs, hence SOURCE_DIR.)
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL include ${CMAKE_SOURCE_DIR}/tests/fuzz/CMakeLists.txt)
