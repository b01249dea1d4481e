import Foundation
import HTTPServer

extension LocalTasksAPI {
    /// Checks the credential the way the real API does and answers the caller's account.
    ///
    /// Exactly one of `x-api-key` and `Authorization` must be present (401 otherwise), and it must
    /// carry the configured key (401 "Unauthorized" otherwise).
    func authenticate(_ request: HTTPRequest) throws(APIFailure) -> String {
        let key = request.headers["x-api-key"].flatMap { $0.isEmpty ? nil : $0 }
        let authorization = request.headers["Authorization"].flatMap { $0.isEmpty ? nil : $0 }
        guard (key == nil) != (authorization == nil) else {
            throw APIFailure(status: 401, message: "Exactly one of x-api-key or Authorization must be provided")
        }
        let presented = key ?? Self.bearerToken(authorization ?? "")
        guard let presented, Self.constantTimeEqual(presented, configuration.apiKey) else {
            throw APIFailure(status: 401, message: "Unauthorized")
        }
        return configuration.accountID
    }

    /// The token of `Bearer <token>` (scheme case-insensitive), or nil.
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// Which kind of credential a request carries, for the request log (never the value).
    static func credentialKind(_ headers: HTTPHeaders) -> String {
        switch (headers["x-api-key"]?.isEmpty == false, headers["Authorization"]?.isEmpty == false) {
        case (true, true): "both"
        case (true, false): "x-api-key"
        case (false, true): "bearer"
        case (false, false): "none"
        }
    }

    /// Compares without stopping at the first difference, so timing does not reveal the key.
    private static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}
