# `cpack -G DEB` in the build folder makes plantrack_VERSION_ARCH.deb from the install rules.
# Depends is computed by dpkg-shlibdeps from the libraries the binary links (libsqlite3-0,
# libfmt9, libyaml-0-2, ...), so it is right for the machine the package is built on.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "plantrack")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "plantrack maintainers <plantrack@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "track the implementation of a multi-year government action plan")
set(CPACK_PACKAGE_DESCRIPTION
    "plantrack loads an action plan from a YAML file (goals, indicators, areas, tasks and milestones), records status updates append-only in SQLite, and produces the dashboard, overdue lists and the quarterly, half-year and annual reports, the same whenever they are run.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "less")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_STRIP_FILES ON)
# Packaging installs what is built; it never starts a build of every target (tests, benchmark).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
include(CPack)
