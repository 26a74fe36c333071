/// The context types crosswalk builds, told apart by type identity: one comparison, where
/// a failed protocol cast costs hundreds of instructions. A value's kind known, the value is
/// taken as its type without a runtime cast (`known(_:as:)`).
enum ContextKind {
    /// `table` and `tableList` are crosswalk's `TemplateFields`; `fields` and `fieldsList`
    /// are dictionaries (a front-matter map).
    case table, fields, text, html, string, lazy, bool, int, anyList, tableList, fieldsList, textList, stringList
    case listItem, listItems
    case other

    private static let tableID = ObjectIdentifier(TemplateFields.self)
    private static let fieldsID = ObjectIdentifier([String: Any].self)
    private static let textID = ObjectIdentifier(TemplateText.self)
    private static let htmlID = ObjectIdentifier(TemplateHTML.self)
    private static let stringID = ObjectIdentifier(String.self)
    private static let lazyID = ObjectIdentifier(LazyFields.self)
    private static let boolID = ObjectIdentifier(Bool.self)
    private static let intID = ObjectIdentifier(Int.self)
    private static let anyListID = ObjectIdentifier([Any].self)
    private static let tableListID = ObjectIdentifier([TemplateFields].self)
    private static let fieldsListID = ObjectIdentifier([[String: Any]].self)
    private static let textListID = ObjectIdentifier([TemplateText].self)
    private static let stringListID = ObjectIdentifier([String].self)
    private static let listItemID = ObjectIdentifier(ListItem.self)
    private static let listItemsID = ObjectIdentifier([ListItem].self)

    @inline(__always)
    init(_ value: Any) {
        // The type the value was stored as, read from the existential: `type(of:)` asks the
        // runtime for the dynamic type (looking through classes and nested existentials) on
        // every lookup. A nested existential is `.other`, and takes the casting path.
        func storedType<Stored>(_: Stored) -> ObjectIdentifier { ObjectIdentifier(Stored.self) }
        self =
            switch _openExistential(value, do: storedType) {
            case Self.tableID: .table
            case Self.fieldsID: .fields
            case Self.textID: .text
            case Self.htmlID: .html
            case Self.stringID: .string
            case Self.lazyID: .lazy
            case Self.boolID: .bool
            case Self.intID: .int
            case Self.anyListID: .anyList
            case Self.tableListID: .tableList
            case Self.fieldsListID: .fieldsList
            case Self.textListID: .textList
            case Self.stringListID: .stringList
            case Self.listItemID: .listItem
            case Self.listItemsID: .listItems
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
