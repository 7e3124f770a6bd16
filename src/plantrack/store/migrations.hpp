#pragma once

#include <vector>

namespace plantrack::store {

// A schema migration from schema/NNN_name.sql, compiled into the binary.
struct Migration
{
    int version;
    const char* name;
    const char* sql;
};

// All migrations in version order (generated at build time by cmake/embed_schema.cmake).
const std::vector<Migration>& embedded_migrations();

} // namespace plantrack::store
