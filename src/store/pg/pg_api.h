/* pg_api.h — libpq, opened when a PostgreSQL database is first opened (see
 * util/lazy_lib.h), so that the program starts, and serves SQLite, where
 * libpq is absent: the functions the PostgreSQL backend calls, as a table
 * of pointers that the macros below put behind their usual names. */
#ifndef SL_STORE_PG_API_H
#define SL_STORE_PG_API_H
#include <libpq-fe.h>

#include "util/error.h"

#define SL_PQ_FUNCTIONS(X)                                                                         \
    X(PQconnectdb) X(PQstatus) X(PQerrorMessage) X(PQfinish) X(PQreset) X(PQexec)                  \
    X(PQexecParams) X(PQprepare) X(PQexecPrepared) X(PQresultStatus) X(PQresultErrorField)         \
    X(PQclear) X(PQntuples) X(PQgetvalue) X(PQgetisnull) X(PQcmdTuples) X(PQtransactionStatus)    \
    X(PQsetNoticeProcessor) X(PQnfields) X(PQfname) X(PQftype)

typedef struct {
#define SL_PQ_SLOT(fn) __typeof__(&fn) fn;
    SL_PQ_FUNCTIONS(SL_PQ_SLOT)
#undef SL_PQ_SLOT
} sl_pq_api;

extern sl_pq_api sl_pq;

/* Opens libpq and fills sl_pq (once per process; thread-safe). Returns 0,
 * or -1 with err naming what is missing and the Debian package to install. */
int sl_pq_load(sl_error *err);

#ifndef SL_LAZY_NO_MACROS
#define PQconnectdb (*sl_pq.PQconnectdb)
#define PQstatus (*sl_pq.PQstatus)
#define PQerrorMessage (*sl_pq.PQerrorMessage)
#define PQfinish (*sl_pq.PQfinish)
#define PQreset (*sl_pq.PQreset)
#define PQexec (*sl_pq.PQexec)
#define PQexecParams (*sl_pq.PQexecParams)
#define PQprepare (*sl_pq.PQprepare)
#define PQexecPrepared (*sl_pq.PQexecPrepared)
#define PQresultStatus (*sl_pq.PQresultStatus)
#define PQresultErrorField (*sl_pq.PQresultErrorField)
#define PQclear (*sl_pq.PQclear)
#define PQntuples (*sl_pq.PQntuples)
#define PQgetvalue (*sl_pq.PQgetvalue)
#define PQgetisnull (*sl_pq.PQgetisnull)
#define PQcmdTuples (*sl_pq.PQcmdTuples)
#define PQtransactionStatus (*sl_pq.PQtransactionStatus)
#define PQsetNoticeProcessor (*sl_pq.PQsetNoticeProcessor)
#define PQnfields (*sl_pq.PQnfields)
#define PQfname (*sl_pq.PQfname)
#define PQftype (*sl_pq.PQftype)
#endif

#endif
