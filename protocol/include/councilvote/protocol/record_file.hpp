// The wire's types in the record file's terms (record/record_file.hpp): the exporters (the server's
// `export` and the CLI's `record --out`) give record/ the bundle they hold (to_record, bundle.hpp);
// the record statement is record/'s own type.
#pragma once

#include "councilvote/protocol/bundle.hpp"
#include "councilvote/protocol/statements.hpp"
#include "councilvote/record/record_file.hpp"
