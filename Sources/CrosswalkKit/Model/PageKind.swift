/// What a page is, decided by the top-level folder it sits in under `content/`.
public enum PageKind: String, Sendable, CaseIterable, Codable {
    case term, constraint, tool, workflow, scenario, page

    /// The place in `allCases`, without searching it.
    var order: Int {
        switch self {
        case .term: 0
        case .constraint: 1
        case .tool: 2
        case .workflow: 3
        case .scenario: 4
        case .page: 5
        }
    }

    /// The folder that holds this kind (nil for plain pages, which live anywhere else).
    public var folder: String? {
        switch self {
        case .term: "glossary"
        case .constraint: "constraints"
        case .tool: "tools"
        case .workflow: "workflows"
        case .scenario: "scenarios"
        case .page: nil
        }
    }

    /// The kind of a file at `relativePath` below `content/`.
    public static func of(relativePath: String) -> PageKind {
        // As bytes for an ASCII path, where every byte is a `Character` of its own: searching
        // by `Character` cost thousands of instructions a page.
        let slash: String.Index?
        if relativePath.hasCharacterPerByte {
            slash = relativePath.utf8.firstIndex(of: UInt8(ascii: "/"))
        } else {
            slash = relativePath.firstIndex(of: "/")
        }
        guard let slash else { return .page }
        let top = relativePath[..<slash]
        return allCases.first { $0.folder.map { top == $0 } ?? false } ?? .page
    }

    /// Singular label for a page of this kind.
    public var label: String {
        switch self {
        case .term: "Term"
        case .constraint: "OT constraint"
        case .tool: "Tool note"
        case .workflow: "Workflow"
        case .scenario: "Scenario"
        case .page: "Page"
        }
    }

    /// Heading of this kind's index page.
    public var sectionTitle: String {
        switch self {
        case .term: "Glossary"
        case .constraint: "OT constraints"
        case .tool: "Tool notes"
        case .workflow: "Workflows"
        case .scenario: "Tabletop scenarios"
        case .page: "Pages"
        }
    }

    /// The kinds that have their own folder and index page, in navigation order.
    public static let sections: [PageKind] = [.term, .constraint, .tool, .workflow, .scenario]
}
