import Foundation

/// The JSON shapes around tasks and runs, and the mapping of error answers to `TasksAPIError`.
enum APIEnvelope {
    /// `{"status": "success", "tasks": [...]}`.
    struct Tasks: Decodable {
        var status: String
        var tasks: [TaskRecord]
    }

    /// `{"status": "success", "runs": [...]}`.
    struct Runs: Decodable {
        var status: String
        var runs: [TaskRun]
    }

    /// `{"status": "success"}` (DELETE).
    struct Status: Decodable {
        var status: String
    }

    /// `{"status": "error", "error": "<message>", "missing_fields": [...]}`; `missing_fields` may be
    /// a path array or a single string.
    struct Failure: Decodable {
        var error: String?
        var field: String?

        enum CodingKeys: String, CodingKey {
            case error
            case missingFields = "missing_fields"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            error = try? container.decodeIfPresent(String.self, forKey: .error)
            if let path = try? container.decodeIfPresent([PathElement].self, forKey: .missingFields), !path.isEmpty {
                field = path.map(\.text).joined(separator: ".")
            } else if let single = try? container.decodeIfPresent(String.self, forKey: .missingFields), !single.isEmpty
            {
                field = single
            }
        }
    }

    /// One step of a validation path: a key or an array index.
    struct PathElement: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let key = try? container.decode(String.self) {
                text = key
            } else {
                text = String(try container.decode(Int.self))
            }
        }
    }

    /// Decodes a success answer of type `T`, or fails as `undecodable` with a log-safe reason.
    static func decode<T: Decodable>(_ type: T.Type, from body: Data, status: Int) throws(TasksAPIError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch let error as DecodingError {
            throw .undecodable(status: status, detail: describe(error))
        } catch {
            throw .undecodable(status: status, detail: "\(error)")
        }
    }

    /// The error for a non-2xx answer.
    static func error(status: Int, body: Data) -> TasksAPIError {
        switch status {
        case 400:
            let failure = try? JSONDecoder().decode(Failure.self, from: body)
            return .badRequest(message: failure?.error ?? "invalid request", field: failure?.field)
        case 401: return .unauthorized
        case 402: return .paymentRequired
        case 403: return .forbidden
        case 404: return .notFound
        default: return .server(status: status)
        }
    }

    /// "keyNotFound title at tasks.0", short and free of body content.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(key.stringValue) at \(path(context))"
        case .typeMismatch(_, let context): return "wrong type at \(path(context))"
        case .valueNotFound(_, let context): return "null at \(path(context))"
        case .dataCorrupted(let context): return "not valid JSON or value at \(path(context))"
        @unknown default: return "undecodable"
        }
    }
}
