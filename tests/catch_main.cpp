// The runner of the tests without Qt.
#include "catch_run.hpp"

int main(int argc, char *argv[]) { return cv::test::run_catch(argc, argv); }
