/// A value from front matter with the place it was written, so later stages can report
/// problems with it (an unknown slug) at the right line.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// Front matter after the kind's schema: typed, validated, with positions for references.
public struct PageMetadata: Sendable {
    // Every kind
    public var tags: [String] = []
    public var owner: String?
    public var reviewed: String?
    public var reviewBy: String?
    /// `autolink: false` turns glossary auto-linking off for the page.
    public var autolink = true

    // Terms
    public var aliases: [Located<String>] = []
    public var it: String?
    public var ot: String?
    public var related: [Located<String>] = []

    // Constraints
    public var why: [String] = []
    public var purdue: [String] = []
    public var references: [Reference] = []

    // Tools
    public var category: String?
    public var constraintVerdicts: [ConstraintVerdict] = []

    // Workflows
    public var steps: [WorkflowStep] = []

    // Scenarios
    public var injects: [Inject] = []

    public init() {}

    public struct Reference: Sendable {
        public var standard: String
        public var section: String?
        public var note: String?
    }

    public enum Verdict: String, Sendable, CaseIterable {
        case ok, caution, avoid

        /// Word and symbol, so the verdict never depends on colour alone.
        public var label: String {
            switch self {
            case .ok: "OK"
            case .caution: "Caution"
            case .avoid: "Avoid"
            }
        }

        public var symbol: String {
            switch self {
            case .ok: "✓"
            case .caution: "!"
            case .avoid: "✕"
            }
        }
    }

    public struct ConstraintVerdict: Sendable, Equatable {
        public var constraint: Located<String>
        public var verdict: Verdict
        public var note: String
    }

    public enum Lane: String, Sendable, CaseIterable {
        case it, ot, joint

        public var label: String {
            switch self {
            case .it: "IT"
            case .ot: "OT"
            case .joint: "Joint"
            }
        }
    }

    public struct WorkflowStep: Sendable {
        public var lane: Lane
        public var action: String
        public var owner: String?
        public var authority: Bool
        public var handoff: Bool
    }

    public struct Inject: Sendable {
        public var at: String
        public var event: String
        public var it: [String]
        public var ot: [String]
    }
}

extension Located: Equatable where Value: Equatable {}
