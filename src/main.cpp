#include "plantrack/cli/app.hpp"

int main(int argc, char** argv)
{
    return plantrack::cli::main(argc, argv);
}
