import Testing

@testable import Slack

@Suite("Form decoding")
struct FormDecoderTests {
    static func decode(_ text: String) throws -> FormFields { try FormDecoder.decode(Array(text.utf8)) }

    @Test(
        "decodes each value: plus before percent, invalid escapes kept literally",
        arguments: [
            ("text=pause+task+aade", "pause task aade"),
            ("text=1%2B1", "1+1"),
            ("text=a+%2B+b", "a + b"),
            ("text=%252B", "%2B"),
            ("text=caf%C3%A9", "café"),
            ("text=caf%c3%a9", "café"),
            ("text=%E2%80%9Chi%E2%80%9D", "\u{201C}hi\u{201D}"),
            ("text=100%", "100%"),
            ("text=100%+done", "100% done"),
            ("text=%zz", "%zz"),
            ("text=%4", "%4"),
            ("text=a%2", "a%2"),
            ("text=%26amp%3B", "&amp;"),
            ("text=x%3Dy", "x=y"),
            ("text=x=y", "x=y"),
            ("text=", ""),
            ("text", ""),
            ("text=日本", "日本"),
        ])
    func value(body: String, expected: String) throws {
        #expect(try Self.decode(body)["text"] == expected)
    }

    @Test("keeps every pair in order, skips empty pieces, and the first of a repeated name wins")
    func pairs() throws {
        let fields = try Self.decode("&a=1&&b=2&a=3&c%20d=4&")
        #expect(fields.pairs.map(\.name) == ["a", "b", "a", "c d"])
        #expect(fields.pairs.map(\.value) == ["1", "2", "3", "4"])
        #expect(fields["a"] == "1")
        #expect(fields["c d"] == "4")
        #expect(fields["missing"] == nil)
        #expect(fields.names == ["a", "b", "c d"])
    }

    @Test("an empty body has no fields")
    func empty() throws {
        #expect(try Self.decode("").pairs.isEmpty)
    }

    @Test(
        "rejects bytes that are not UTF-8 after decoding, naming the field",
        arguments: [("text=%FF", 0), ("a=1&text=%C3", 1), ("a=1&b=2&%C3%28=x", 2), ("a=%ED%A0%80", 0)])
    func invalidUTF8(body: String, field: Int) {
        #expect(throws: FormDecoder.Failure.invalidUTF8(field: field)) { try Self.decode(body) }
    }

    @Test("rejects raw bytes that are not UTF-8")
    func rawInvalid() {
        #expect(throws: FormDecoder.Failure.invalidUTF8(field: 0)) { try FormDecoder.decode([0x74, 0x3D, 0xC0, 0xAF]) }
    }

    @Test("B01: the body decodes to the words and the asterisks the person typed")
    func fieldReportB01() throws {
        let fields = try FormDecoder.decode(SlackVectors.B01.body)
        #expect(fields["text"] == "rename task aade2bce to *urgent* weekly sync")
        #expect(fields["command"] == "/task")
        #expect(fields["response_url"] == "https://hooks.slack.com/commands/T0000000/1/xxxx")
    }

    @Test("the error says which field failed")
    func failureText() {
        #expect(
            FormDecoder.Failure.invalidUTF8(field: 2).description
                == "form field 2 is not valid UTF-8 after percent-decoding")
    }
}
