import Foundation
import Support

/// Published and field-report request vectors shared by several test files.
enum SlackVectors {
    /// platforms.md T1, from Slack's "Verifying requests from Slack".
    enum T1 {
        static let secret = "8f742231b10e8888abcd99yyyzzz85a5"
        static let timestamp = "1531420618"
        static let body = Array(
            ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554"
                + "%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
                .utf8)
        static let signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
    }

    /// Common assumptions of field-reports.md.
    static let fieldSecret = "test-signing-secret-0001"
    static let fieldNow: TimeInterval = 1_796_310_000
    static let fieldClock = WallClock.fixed(Date(timeIntervalSince1970: fieldNow))

    /// Field report B01: a two-word command whose body must be hashed as received.
    enum B01 {
        static let timestamp = "1796310000"
        static let signature = "v0=100863de4014cce33e57bee8ff3f780f686a6582bb3761f2dbf46873c68b01ba"
        static let text =
            "token=XXXXXXXX&team_id=T0000000&channel_id=C0000000&user_id=U0000000&command=%2Ftask"
            + "&text=rename+task+aade2bce+to+%2Aurgent%2A+weekly+sync"
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0000000%2F1%2Fxxxx&trigger_id=1.1.xxxx"
        static let body = Array(text.utf8)
    }

    /// Field report B02: the same command signed at two instants.
    enum B02 {
        static let body = Array(
            ("token=XXXXXXXX&team_id=T0000000&user_id=U0000000&command=%2Ftask&text=pause+task+aade2bce"
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0000000%2F1%2Fxxxx").utf8)
        static let oldTimestamp = "1796309400"
        static let oldSignature = "v0=59ada39fabca14f73e2454040d0c810d7eb470373dfce87bb6e550cc1740be5b"
        static let freshTimestamp = "1796310000"
        static let freshSignature = "v0=937eb4c518110574a3a475c64e549599579a430516b40eefe2dc03fa6199432f"
    }
}

extension Result where Success == Void {
    /// The error of a failed check, nil when the check passed.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
