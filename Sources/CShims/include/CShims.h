#ifndef TASKBOT_CSHIMS_H
#define TASKBOT_CSHIMS_H

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <openssl/ssl.h>
#include <sqlite3.h>

/// accept4(2) needs _GNU_SOURCE, which Swift's Glibc import does not define.
int taskbot_accept4(int fd, int flags);

/// OpenSSL macros that Swift cannot call.
int taskbot_ssl_ctx_set_min_proto_version(SSL_CTX *ctx, int version);
int taskbot_ssl_ctx_set_max_proto_version(SSL_CTX *ctx, int version);
long taskbot_ssl_ctx_set_mode(SSL_CTX *ctx, long mode);
long taskbot_ssl_ctx_set_options(SSL_CTX *ctx, long options);
long taskbot_ssl_ctx_set_session_cache_mode(SSL_CTX *ctx, long mode);
int taskbot_ssl_set_tlsext_host_name(SSL *ssl, const char *name);
/// Sets SSL_OP_NO_COMPRESSION, NO_RENEGOTIATION, CIPHER_SERVER_PREFERENCE and IGNORE_UNEXPECTED_EOF
/// (macros of casts that Swift cannot import).
void taskbot_ssl_ctx_set_hardened_server_options(SSL_CTX *ctx);
long taskbot_ssl_ctx_set_read_ahead(SSL_CTX *ctx, int yes);
long taskbot_ssl_ctx_sess_set_cache_size(SSL_CTX *ctx, long size);
long taskbot_bio_get_mem_data(BIO *bio, char **data);
void taskbot_openssl_free(void *pointer);

/// SQLITE_TRANSIENT is a macro around a cast that Swift does not import.
sqlite3_destructor_type taskbot_sqlite_transient(void);

/// SSL_CTX_set1_groups_list is a macro: the key-exchange groups offered, for example "X25519:P-256".
int taskbot_ssl_ctx_set_groups(SSL_CTX *ctx, const char *groups);
/// 1 when the certificate's notAfter lies before the given Unix time.
int taskbot_x509_expires_before(X509 *certificate, long long unix_seconds);

#endif
