import CrosswalkKit
import Foundation

/// The one place diagnostics become text.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic], format: OutputFormat) {
        let sorted = diagnostics.sortedForDisplay
        guard !sorted.isEmpty else { return }
        switch format {
        case .text:
            FileHandle.standardError.write(Data((sorted.map(\.formatted).joined(separator: "\n") + "\n").utf8))
        case .json:
            FileHandle.standardOutput.write(Data(sorted.map(json).joined().utf8))
        case .github:
            FileHandle.standardOutput.write(Data(sorted.map(github).joined().utf8))
        }
    }

    /// The flat shape documented for `--format json`.
    struct Record: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var code: String
        var message: String
        var hint: String?
    }

    static func json(_ diagnostic: Diagnostic) -> String {
        let record = Record(
            file: diagnostic.location.file, line: diagnostic.location.line, column: diagnostic.location.column,
            severity: diagnostic.severity.rawValue, code: diagnostic.code.rawValue, message: diagnostic.message,
            hint: diagnostic.hint)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(record) else { return "" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `::error file=content/a.md,line=3,col=7,title=CW405::message` — GitHub shows it on the line.
    static func github(_ diagnostic: Diagnostic) -> String {
        var properties = ["file=\(escapeProperty(diagnostic.location.file))"]
        if diagnostic.location.line > 0 { properties.append("line=\(diagnostic.location.line)") }
        if diagnostic.location.column > 0 { properties.append("col=\(diagnostic.location.column)") }
        properties.append("title=\(diagnostic.code.rawValue)")
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += "\n" + hint }
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
