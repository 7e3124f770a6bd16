# Used only while the top-level CMakeLists.txt does not yet add tests/fuzz: passed as
# -DCMAKE_PROJECT_INCLUDE=..., it includes tests/fuzz/CMakeLists.txt once the top level has
# defined plantrack_lib.
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL include ${CMAKE_CURRENT_LIST_DIR}/CMakeLists.txt)
