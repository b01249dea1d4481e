import COpenSSL
import Glibc

/// Writes PEM files atomically: to `path.tmp` created with `mode`, then renamed over `path`.
enum PEMFile {
    static func write(_ path: String, mode: mode_t, _ body: (OpaquePointer) -> Int32) throws {
        let temporary = path + ".tmp"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SystemCallError("create \(temporary)") }
        ERR_clear_error()
        guard let bio = BIO_new_fd(fd, BIO_CLOSE) else {
            close(fd)
            throw TLSError.fromQueue("BIO_new_fd")
        }
        let written = body(bio)
        BIO_free(bio)
        guard written == 1 else { throw TLSError.fromQueue("write \(path)") }
        guard rename(temporary, path) == 0 else { throw SystemCallError("rename \(temporary)") }
    }
}
