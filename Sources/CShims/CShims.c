#define _GNU_SOURCE
#include "CShims.h"
#include <openssl/crypto.h>

int taskbot_accept4(int fd, int flags) { return accept4(fd, NULL, NULL, flags); }

int taskbot_ssl_ctx_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

int taskbot_ssl_ctx_set_max_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}

long taskbot_ssl_ctx_set_mode(SSL_CTX *ctx, long mode) { return SSL_CTX_set_mode(ctx, mode); }

long taskbot_ssl_ctx_set_options(SSL_CTX *ctx, long options) { return (long)SSL_CTX_set_options(ctx, options); }

long taskbot_ssl_ctx_set_session_cache_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_session_cache_mode(ctx, mode);
}

int taskbot_ssl_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

void taskbot_ssl_ctx_set_hardened_server_options(SSL_CTX *ctx) {
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE
                                     | SSL_OP_IGNORE_UNEXPECTED_EOF);
}

int taskbot_ssl_ctx_set_groups(SSL_CTX *ctx, const char *groups) {
    return (int)SSL_CTX_set1_groups_list(ctx, groups);
}

int taskbot_x509_expires_before(X509 *certificate, long long unix_seconds) {
    time_t limit = (time_t)unix_seconds;
    return X509_cmp_time(X509_get0_notAfter(certificate), &limit) < 0;
}

long taskbot_ssl_ctx_set_read_ahead(SSL_CTX *ctx, int yes) { return SSL_CTX_set_read_ahead(ctx, yes); }

long taskbot_ssl_ctx_sess_set_cache_size(SSL_CTX *ctx, long size) { return SSL_CTX_sess_set_cache_size(ctx, size); }

long taskbot_bio_get_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }

void taskbot_openssl_free(void *pointer) { OPENSSL_free(pointer); }

sqlite3_destructor_type taskbot_sqlite_transient(void) { return SQLITE_TRANSIENT; }
