import Testing

@testable import Slack

@Suite("Slack text normalisation")
struct SlackTextTests {
    @Test(
        "control sequences become what the person saw",
        arguments: [
            ("<https://example.com|the docs>", "the docs"),
            ("<https://example.com>", "https://example.com"),
            ("<https://example.com/?a=1&amp;b=2>", "https://example.com/?a=1&b=2"),
            ("<mailto:bob@example.com|Bob>", "Bob"),
            ("<mailto:bob@example.com>", "bob@example.com"),
            ("<@U123>", "@U123"),
            ("<@U024BE7LH|bob>", "@bob"),
            ("<@U024BE7LH|@bob>", "@bob"),
            ("<#C024BE7LR|general>", "#general"),
            ("<#C024BE7LR|>", "#C024BE7LR"),
            ("<#C024BE7LR>", "#C024BE7LR"),
            ("<!here>", "@here"),
            ("<!channel>", "@channel"),
            ("<!everyone>", "@everyone"),
            ("<!here|here>", "here"),
            ("<!subteam^S123|@team>", "@team"),
            ("<!subteam^S123>", "@S123"),
            ("<!date^1392734382^{date_short}|Feb 18, 2014>", "Feb 18, 2014"),
            ("<https://x.test|R&amp;D &lt;3>", "R&D <3"),
        ])
    func controlSequences(input: String, expected: String) {
        #expect(SlackText.normalise(input) == expected)
    }

    @Test(
        "entities are unescaped once, after control sequences are cut out",
        arguments: [
            ("MSc &amp; MBA", "MSc & MBA"),
            ("a &lt;b&gt; c", "a <b> c"),
            ("&amp;lt;", "&lt;"),
            ("&amp;amp;", "&amp;"),
            ("&quot;x&quot; &#39;", "&quot;x&quot; &#39;"),
            ("fish & chips", "fish & chips"),
            ("&lt;@U123&gt;", "<@U123>"),
            ("&", "&"),
            ("&am", "&am"),
        ])
    func entities(input: String, expected: String) {
        #expect(SlackText.normalise(input) == expected)
    }

    @Test(
        "invisible characters go, Unicode spaces become plain spaces, everything else stays as typed",
        arguments: [
            ("rename task aade to \u{201C}Weekly sync\u{201D}", "rename task aade to \u{201C}Weekly sync\u{201D}"),
            ("it\u{2019}s \u{2018}x\u{2019}", "it\u{2019}s \u{2018}x\u{2019}"),
            ("see\u{00A0}<https://x.test>", "see https://x.test"),
            ("a\u{2009}b\u{202F}c\u{3000}d\u{2007}e", "a b c d e"),
            ("  pause \t task\n\naade  ", "pause \t task\n\naade"),
            ("set prompt of aade to Line one.\n\n  - two", "set prompt of aade to Line one.\n\n  - two"),
            ("rename aade to A\u{00A0}\u{00A0}B", "rename aade to A  B"),
            ("pa\u{200B}use", "pause"),
            ("\u{FEFF}pause", "pause"),
            ("rename aade to \u{1F469}\u{200D}\u{1F4BB} desk", "rename aade to \u{1F469}\u{200D}\u{1F4BB} desk"),
            ("\u{00A0}\u{00A0}", ""),
            ("", ""),
        ])
    func typography(input: String, expected: String) {
        #expect(SlackText.normalise(input) == expected)
    }

    @Test(
        "unclosed or empty brackets are kept as text",
        arguments: [("a < b", "a < b"), ("<unclosed", "<unclosed"), ("<>", ""), ("x <@U1> <y", "x @U1 <y")])
    func brackets(input: String, expected: String) {
        #expect(SlackText.normalise(input) == expected)
    }

    @Test("a whole command with every convention at once")
    func wholeCommand() {
        let input =
            "move\u{00A0}task <#C1|ops> &amp; <@U2|ann>\u{2019}s \u{201C}R&amp;D&gt;\u{201D} to "
            + "<https://t.test|Thursday>  10am"
        #expect(SlackText.normalise(input) == "move task #ops & @ann\u{2019}s \u{201C}R&D>\u{201D} to Thursday  10am")
    }
}
