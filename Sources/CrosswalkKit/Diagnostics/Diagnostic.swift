/// How serious a problem is. Errors fail the build; warnings fail it only under `--strict`.
public enum Severity: String, Sendable, Comparable, Codable {
    case warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A place in a source file: path as the user wrote it (relative to the source root), 1-based
/// line and column. Line 0 means "the file as a whole".
public struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem found by a stage. Stages return these as values; only the CLI prints them.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var location: SourceLocation
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    public init(
        _ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation, _ message: String,
        hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(
        _ code: DiagnosticCode, at location: SourceLocation, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, at: location, message, hint: hint)
    }

    public static func warning(
        _ code: DiagnosticCode, at location: SourceLocation, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, at: location, message, hint: hint)
    }

    /// The same diagnostic as an error (`--strict`).
    public var promotedToError: Diagnostic {
        var copy = self
        copy.severity = .error
        return copy
    }

    /// Compiler style: `content/glossary/plc.md:3:7: error: message [CW203]`, hint on the next line.
    public var formatted: String {
        var place = location.file
        if location.line > 0 {
            place += ":\(location.line)"
            if location.column > 0 { place += ":\(location.column)" }
        }
        var text = "\(place): \(severity.rawValue): \(message) [\(code.rawValue)]"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }

    /// Sorted by file, line, column, then message: the same input reports in the same order.
    public var sortedForDisplay: [Diagnostic] {
        sorted { ($0.location, $0.code.rawValue, $0.message) < ($1.location, $1.code.rawValue, $1.message) }
    }
}
