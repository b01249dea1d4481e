#ifndef TASKBOT_CSQLITE_SHIM_H
#define TASKBOT_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
