import Foundation

/// Template contexts made once per key and shared by every render task of one build.
final class SharedContexts: @unchecked Sendable {
    private var made: [String: TemplateFields] = [:]
    private let lock = NSLock()

    func value(_ key: String, make: () -> TemplateFields) -> TemplateFields {
        if let hit = lock.withLock({ made[key] }) { return hit }
        let context = make()
        lock.withLock { made[key] = context }
        return context
    }
}

/// HTML fragments filled once per key and shared by every render task of one build.
final class SharedFragments: @unchecked Sendable {
    private var filled: [String: String] = [:]
    private let lock = NSLock()

    func html(_ key: String, fill: () -> String) -> String {
        if let hit = lock.withLock({ filled[key] }) { return hit }
        let html = fill()
        lock.withLock { filled[key] = html }
        return html
    }
}

/// A value made by the first caller that asks, then shared by every render task.
final class MadeOnce<Value>: @unchecked Sendable {
    private var made: Value?
    private let lock = NSLock()

    func value(_ make: () -> Value) -> Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
