/* fault_vfs.c — test builds only (SL_FAULT_INJECTION): a VFS that wraps the
 * operating system's and makes one chosen file operation fail, so that tests
 * can see SQLite's real I/O error paths (a read failing in the middle of a
 * listing, a write or sync failing in a commit) reported cleanly with the
 * database unchanged. SIGHTLINE_IO_FAULT_AT=N fails the Nth read, write,
 * truncate or sync of any database file sightline opens in the process;
 * SIGHTLINE_IO_FAULTS_SEEN=FILE, if set, receives the number of such
 * operations at exit, so a test knows how far to walk. */
#include "store/sqlite/sqlite_store.h"

#ifdef SL_FAULT_INJECTION
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A file of the wrapped VFS: our methods first, the real file after it. */
typedef struct {
    sqlite3_file base;
    sqlite3_file *real;
} fault_file;

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *os_vfs;
static long fault_at, operations;

/* Returns 1 when this file operation is the one chosen to fail. */
static int fails_now(void)
{
    return ++operations == fault_at;
}

/* Writes the number of operations seen to SIGHTLINE_IO_FAULTS_SEEN at exit. */
static void report_operations(void)
{
    const char *path = getenv("SIGHTLINE_IO_FAULTS_SEEN");
    FILE *f = path ? fopen(path, "w") : NULL;
    if (f) {
        fprintf(f, "%ld\n", operations);
        fclose(f);
    }
}

/* The file methods: the four that touch the disk may fail; the rest pass through. */
static int f_close(sqlite3_file *f)
{
    return ((fault_file *)f)->real->pMethods->xClose(((fault_file *)f)->real);
}

static int f_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 at)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return fails_now() ? SQLITE_IOERR_READ : real->pMethods->xRead(real, buf, n, at);
}

static int f_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 at)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return fails_now() ? SQLITE_IOERR_WRITE : real->pMethods->xWrite(real, buf, n, at);
}

static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return fails_now() ? SQLITE_IOERR_TRUNCATE : real->pMethods->xTruncate(real, size);
}

static int f_sync(sqlite3_file *f, int flags)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return fails_now() ? SQLITE_IOERR_FSYNC : real->pMethods->xSync(real, flags);
}

static int f_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return real->pMethods->xFileSize(real, size);
}

static int f_lock(sqlite3_file *f, int level)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return real->pMethods->xLock(real, level);
}

static int f_unlock(sqlite3_file *f, int level)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return real->pMethods->xUnlock(real, level);
}

static int f_check_reserved(sqlite3_file *f, int *out)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return real->pMethods->xCheckReservedLock(real, out);
}

static int f_file_control(sqlite3_file *f, int op, void *arg)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return real->pMethods->xFileControl(real, op, arg);
}

static int f_sector_size(sqlite3_file *f)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return real->pMethods->xSectorSize(real);
}

static int f_device(sqlite3_file *f)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return real->pMethods->xDeviceCharacteristics(real);
}

static int f_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return real->pMethods->xShmMap(real, page, size, extend, out);
}

static int f_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return real->pMethods->xShmLock(real, offset, n, flags);
}

static void f_shm_barrier(sqlite3_file *f)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    real->pMethods->xShmBarrier(real);
}

static int f_shm_unmap(sqlite3_file *f, int delete_flag)
{
    sqlite3_file *real = ((fault_file *)f)->real;
    return real->pMethods->xShmUnmap(real, delete_flag);
}

/* Memory-mapped reads would bypass xRead: refuse them so every read counts. */
static int f_fetch(sqlite3_file *f, sqlite3_int64 at, int n, void **out)
{
    (void)f, (void)at, (void)n;
    *out = NULL;
    return SQLITE_OK;
}

static int f_unfetch(sqlite3_file *f, sqlite3_int64 at, void *p)
{
    (void)f, (void)at, (void)p;
    return SQLITE_OK;
}

static const sqlite3_io_methods fault_methods = {
    3,           f_close,       f_read,         f_write,         f_truncate,   f_sync,
    f_file_size, f_lock,        f_unlock,       f_check_reserved, f_file_control, f_sector_size,
    f_device,    f_shm_map,     f_shm_lock,     f_shm_barrier,   f_shm_unmap,  f_fetch,
    f_unfetch,
};

/* Opens the real file behind ours and puts our methods in front of it. */
static int fault_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
    (void)vfs;
    fault_file *f = (fault_file *)file;
    f->real = (sqlite3_file *)(f + 1);
    int rc = os_vfs->xOpen(os_vfs, name, f->real, flags, out_flags);
    f->base.pMethods = f->real->pMethods ? &fault_methods : NULL;
    return rc;
}

/* The VFS methods that are not about an open file pass through. */
static int fault_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
    (void)vfs;
    return os_vfs->xDelete(os_vfs, name, sync_dir);
}

static int fault_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
    (void)vfs;
    return os_vfs->xAccess(os_vfs, name, flags, out);
}

static int fault_full_path(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
    (void)vfs;
    return os_vfs->xFullPathname(os_vfs, name, n, out);
}

static int fault_randomness(sqlite3_vfs *vfs, int n, char *out)
{
    (void)vfs;
    return os_vfs->xRandomness(os_vfs, n, out);
}

static int fault_sleep(sqlite3_vfs *vfs, int micros)
{
    (void)vfs;
    return os_vfs->xSleep(os_vfs, micros);
}

static int fault_current_time(sqlite3_vfs *vfs, double *out)
{
    (void)vfs;
    return os_vfs->xCurrentTime(os_vfs, out);
}

static int fault_last_error(sqlite3_vfs *vfs, int n, char *out)
{
    (void)vfs;
    return os_vfs->xGetLastError(os_vfs, n, out);
}

static int fault_current_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
    (void)vfs;
    return os_vfs->xCurrentTimeInt64(os_vfs, out);
}

void sq_fault_vfs_install(void)
{
    static int installed;
    const char *at = getenv("SIGHTLINE_IO_FAULT_AT");
    const char *seen = getenv("SIGHTLINE_IO_FAULTS_SEEN");
    if (installed || (!at && !seen) || !(os_vfs = sqlite3_vfs_find(NULL)))
        return;
    installed = 1;
    fault_at = at ? strtol(at, NULL, 10) : 0;
    fault_vfs = (sqlite3_vfs){
        .iVersion = 2,
        .szOsFile = (int)sizeof(fault_file) + os_vfs->szOsFile,
        .mxPathname = os_vfs->mxPathname,
        .zName = "sightline-faults",
        .xOpen = fault_open,
        .xDelete = fault_delete,
        .xAccess = fault_access,
        .xFullPathname = fault_full_path,
        .xRandomness = fault_randomness,
        .xSleep = fault_sleep,
        .xCurrentTime = fault_current_time,
        .xGetLastError = fault_last_error,
        .xCurrentTimeInt64 = fault_current_time64,
    };
    sqlite3_vfs_register(&fault_vfs, 1);
    if (seen)
        atexit(report_operations);
}
#else
void sq_fault_vfs_install(void)
{
}
#endif
