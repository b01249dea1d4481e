import Foundation
import HTTPServer
import TasksAPI

extension LocalTasksAPI {
    /// `GET /api/tasks/runs[?runId=&limit=&account_id=]`: one run by id, or the account's newest runs.
    func listRuns(_ request: HTTPRequest, caller: String) throws -> HTTPResponse {
        let query = QueryString.parse(request.query)
        let limit = try Self.limit(query["limit"])
        if let runID = query["runId"].map({ $0.trimmingCharacters(in: .whitespaces) }), !runID.isEmpty {
            guard let found = try store.run(id: runID), configuration.accessibleAccountIDs.contains(found.accountID)
            else { throw APIFailure(status: 404, message: "Task run not found") }
            return try Self.runsAnswer([found.run])
        }
        var owner = caller
        if let account = query["account_id"]?.trimmingCharacters(in: .whitespaces).lowercased(), !account.isEmpty {
            guard configuration.accessibleAccountIDs.contains(account) else { throw APIFailure.accountAccessDenied }
            owner = account
        }
        return try Self.runsAnswer(try store.runs(accountIDs: [owner], limit: limit))
    }

    /// `limit`: an integer 1-100, default 20; the messages are the real validator's (no `missing_fields`).
    static func limit(_ text: String?) throws(APIFailure) -> Int {
        guard let text, !text.isEmpty else { return 20 }
        guard let number = Double(text), number.isFinite else {
            throw APIFailure(status: 400, message: "Expected number, received nan")
        }
        guard number == number.rounded() else {
            throw APIFailure(status: 400, message: "Expected integer, received float")
        }
        guard number >= 1 else { throw APIFailure(status: 400, message: "Number must be greater than or equal to 1") }
        guard number <= 100 else { throw APIFailure(status: 400, message: "Number must be less than or equal to 100") }
        return Int(number)
    }

    /// `{"status": "success", "runs": [...]}`.
    static func runsAnswer(_ runs: [TaskRun]) throws -> HTTPResponse {
        struct Answer: Encodable {
            var status = "success"
            var runs: [TaskRun]
        }
        return .json(200, try encode(Answer(runs: runs)))
    }
}
