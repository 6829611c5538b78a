/* sqlite_store.h — shared by the SQLite backend's files only: the backend's
 * store (the SQL backends' common store with the SQLite connection), its
 * driver for the shared operations of store/sql/, the schema's migrations,
 * backup and the fault VFS of test builds. */
#ifndef SL_STORE_SQLITE_STORE_H
#define SL_STORE_SQLITE_STORE_H
#include <sqlite3.h>

#include "store/sql/sql_store.h"

typedef struct {
    sd_store base;                              /* must stay first */
    sqlite3 *db;
} sq_store;

/* The driver (sqlite_driver.c) the shared operations run statements through. */
extern const sd_driver sq_driver;

/* Test builds (SL_FAULT_INJECTION): puts the fault VFS of fault_vfs.c in
 * front of the operating system's when SIGHTLINE_IO_FAULT_AT or
 * SIGHTLINE_IO_FAULTS_SEEN is set. Does nothing otherwise, or when called again. */
void sq_fault_vfs_install(void);

/* Backup, restore and the integrity check (sqlite_backup.c). */
int sq_backup(sl_store *store, const char *path, sl_error *err);
int sq_restore(sl_store *store, const char *path, sl_error *err);
int sq_check(sl_store *store, sl_error *err);

#endif
