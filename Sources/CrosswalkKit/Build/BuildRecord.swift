import Foundation

/// What a successful build leaves in the output's marker file: the input fingerprint, and the
/// warnings it reported, so an up-to-date rebuild can report them again without rebuilding.
struct BuildRecord {
    var fingerprint: String
    var pageCount: Int
    var warnings: [Diagnostic]

    init(fingerprint: String, pageCount: Int, warnings: [Diagnostic]) {
        self.fingerprint = fingerprint
        self.pageCount = pageCount
        self.warnings = warnings
    }

    /// First line `crosswalk <fingerprint> <pages>`, then one JSON diagnostic per line.
    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let lines = warnings.compactMap { try? encoder.encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        return (["crosswalk \(fingerprint) \(pageCount)"] + lines).joined(separator: "\n") + "\n"
    }

    init?(text: String) {
        let lines = text.split(separator: "\n")
        let header = lines.first?.split(separator: " ") ?? []
        guard header.count == 3, header[0] == "crosswalk", let pages = Int(header[2]) else { return nil }
        let decoder = JSONDecoder()
        var warnings: [Diagnostic] = []
        for line in lines.dropFirst() {
            guard let diagnostic = try? decoder.decode(Diagnostic.self, from: Data(line.utf8)) else { return nil }
            warnings.append(diagnostic)
        }
        self.init(fingerprint: String(header[1]), pageCount: pages, warnings: warnings)
    }
}
