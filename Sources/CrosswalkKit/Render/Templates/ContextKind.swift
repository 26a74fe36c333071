/// The context types crosswalk builds, told apart by type identity: one comparison, where
/// a failed protocol cast costs hundreds of instructions. A value's kind known, the value is
/// taken as its type without a runtime cast (`known(_:as:)`).
enum ContextKind {
    /// `table` and `tableList` are crosswalk's `TemplateFields`; `fields` and `fieldsList`
    /// are dictionaries (a front-matter map).
    case table, fields, text, html, string, lazy, bool, int, anyList, tableList, fieldsList, textList, stringList
    case listItem, listItems
    case other

    @inline(__always)
    init(_ value: Any) {
        // The type the value was stored as, read from the existential: `type(of:)` asks the
        // runtime for the dynamic type (looking through classes and nested existentials) on
        // every lookup. A nested existential is `.other`, and takes the casting path.
        // The identities are written in the cases, not kept in `static let`s: each of those
        // was a `swift_once` call per comparison, on every value a template looks up.
        func storedType<Stored>(_: Stored) -> ObjectIdentifier { ObjectIdentifier(Stored.self) }
        self =
            switch _openExistential(value, do: storedType) {
            case ObjectIdentifier(TemplateFields.self): .table
            case ObjectIdentifier([String: Any].self): .fields
            case ObjectIdentifier(TemplateText.self): .text
            case ObjectIdentifier(TemplateHTML.self): .html
            case ObjectIdentifier(String.self): .string
            case ObjectIdentifier(LazyFields.self): .lazy
            case ObjectIdentifier(Bool.self): .bool
            case ObjectIdentifier(Int.self): .int
            case ObjectIdentifier([Any].self): .anyList
            case ObjectIdentifier([TemplateFields].self): .tableList
            case ObjectIdentifier([[String: Any]].self): .fieldsList
            case ObjectIdentifier([TemplateText].self): .textList
            case ObjectIdentifier([String].self): .stringList
            case ObjectIdentifier(ListItem.self): .listItem
            case ObjectIdentifier([ListItem].self): .listItems
            default: .other
            }
    }
}

extension ContextKind {
    /// The length of `value` when it is one of the lists crosswalk builds; nil for anything
    /// else (which may still be a list of another type).
    static func listCount(_ value: Any) -> Int? {
        switch ContextKind(value) {
        case .anyList: known(value, as: [Any].self).count
        case .tableList: known(value, as: [TemplateFields].self).count
        case .fieldsList: known(value, as: [[String: Any]].self).count
        case .textList: known(value, as: [TemplateText].self).count
        case .stringList: known(value, as: [String].self).count
        case .listItems: known(value, as: [ListItem].self).count
        default: nil
        }
    }

    /// `value` as `T`, the type its kind showed it has: the existential is opened and its
    /// bits taken as `T`. A runtime cast, even to the exact type, cost about 400 instructions,
    /// and a page looks up about 150 values.
    static func known<T>(_ value: Any, as type: T.Type) -> T {
        func open<Opened>(_ opened: Opened) -> T {
            if ObjectIdentifier(Opened.self) == ObjectIdentifier(T.self) { return unsafeBitCast(opened, to: T.self) }
            return unwrapped(opened, as: T.self)
        }
        return _openExistential(value, do: open)
    }

    /// Another existential inside (an `Any` or `any P` made from a generic value): the
    /// runtime's cast unwraps it. Apart, so the common path needs no `Optional<T>` metadata
    /// (fetching it cost 400 instructions a lookup).
    @inline(never)
    private static func unwrapped<Opened, T>(_ opened: Opened, as type: T.Type) -> T {
        guard let value = opened as? T else { preconditionFailure("\(Opened.self) is not a \(T.self)") }
        return value
    }
}
