import HTTPServer
import Support

/// An error answer in the API's shape: `{"status": "error", "error": "<message>"}`, plus
/// `missing_fields` (the path of the first invalid field) where the real API sends it.
struct APIFailure: Error, Equatable {
    var status: Int
    var message: String
    /// Nil leaves `missing_fields` out; an empty path is sent as `[]`.
    var path: [String]?

    /// A 400 from body or query validation, which always carries the path.
    static func invalid(_ message: String, at path: [String]) -> APIFailure {
        APIFailure(status: 400, message: message, path: path)
    }

    static let taskNotFound = APIFailure(status: 404, message: "Task not found")
    static let taskAccessDenied = APIFailure(status: 403, message: "Access denied to this task")
    static let accountAccessDenied = APIFailure(status: 403, message: "Access denied to specified account_id")

    /// The response to write.
    var response: HTTPResponse {
        var json = "{\"status\":\"error\",\"error\":\(JSONText.quote(message))"
        if let path { json += ",\"missing_fields\":[\(path.map(JSONText.quote).joined(separator: ","))]" }
        return .json(status, json + "}")
    }
}
