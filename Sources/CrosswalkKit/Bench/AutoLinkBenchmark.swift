import Dispatch

/// Measures the glossary matcher: the same prose scanned with glossaries of different sizes.
/// Used by `crosswalk bench-autolink` (and `make bench`); never by unit tests.
public enum AutoLinkBenchmark {
    public struct Result: Sendable {
        public var terms: Int
        public var bytes: Int
        public var seconds: Double
        public var matches: Int
        public var megabytesPerSecond: Double { Double(bytes) / 1_048_576 / max(seconds, 1e-9) }
    }

    /// Term `i`'s names: a two-word title and, for every third term, an acronym alias.
    static func names(_ index: Int) -> [String] {
        let words = ["pump", "valve", "relay", "historian", "gateway", "sensor", "drive", "panel", "switch", "loop"]
        var names = ["\(words[index % words.count]) unit\(index)"]
        if index % 3 == 0 { names.append("QX\(index)") }
        return names
    }

    /// Deterministic prose of about `bytes` bytes that mentions terms among ordinary words.
    static func prose(bytes: Int, terms: Int) -> [String] {
        let filler = [
            "the", "operator", "checks", "that", "it", "runs", "within", "limits", "before", "each", "shift",
            "and", "records", "what", "changed", "in", "plant", "network", "during", "outage",
        ]
        var paragraphs: [String] = []
        var total = 0
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        while total < bytes {
            var words: [String] = []
            for position in 0..<80 {
                if position % 12 == 5 {
                    let term = next() % max(terms, 1)
                    let choices = names(term)
                    words.append(choices[next() % choices.count])
                } else {
                    words.append(filler[next() % filler.count])
                }
            }
            let paragraph = words.joined(separator: " ") + "."
            total += paragraph.utf8.count
            paragraphs.append(paragraph)
        }
        return paragraphs
    }

    /// Scans `megabytes` of prose with a matcher over `terms` terms, one "page" per 10
    /// paragraphs (first mention per page, as the site does). The fastest of `rounds` scans
    /// counts: one scan of 20 MB takes under 0.1 s, where a neighbour's burst shows.
    public static func run(terms: Int, megabytes: Double, rounds: Int = 3) -> Result {
        let matcher = GlossaryMatcher(names: (0..<terms).map(names))
        let paragraphs = prose(bytes: Int(megabytes * 1_048_576), terms: terms)
        let bytes = paragraphs.reduce(0) { $0 + $1.utf8.count }
        var best = Result(terms: terms, bytes: bytes, seconds: .infinity, matches: 0)
        for _ in 0..<max(rounds, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            var matches = 0
            var linked: Set<Int> = []
            for (index, paragraph) in paragraphs.enumerated() {
                if index % 10 == 0 { linked.removeAll(keepingCapacity: true) }
                matches += matcher.matches(in: paragraph[...]) { linked.insert($0).inserted }.count
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if seconds < best.seconds { best = Result(terms: terms, bytes: bytes, seconds: seconds, matches: matches) }
        }
        return best
    }
}
