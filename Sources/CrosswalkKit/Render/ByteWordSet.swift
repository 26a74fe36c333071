import Foundation

/// Distinct words kept as UTF-8 bytes, for the search words of one page: a word is looked up
/// and added without making a `String` of it, where hashing and comparing `String`s was most
/// of the cost of choosing a page's search words.
struct ByteWordSet {
    /// Every word's bytes, one after another.
    private var storage: [UInt8] = []
    private var words: [(start: Int, count: Int)] = []
    /// Open addressing over `words`: -1 is an empty slot.
    private var slots: [Int32]

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        // Room for that many words of a usual length, so they go in without moving.
        words.reserveCapacity(capacity)
        storage.reserveCapacity(capacity * 8)
    }

    init(_ strings: some Sequence<String>) {
        self.init()
        for string in strings { insert(string) }
    }

    var count: Int { words.count }

    /// Makes room for `capacity` words in all, so they go in without growing the slots.
    mutating func reserveCapacity(_ capacity: Int) {
        words.reserveCapacity(capacity)
        storage.reserveCapacity(capacity * 8)
        guard slots.count < capacity * 2 else { return }
        var size = slots.count
        while size < capacity * 2 { size *= 2 }
        rehash(size)
    }

    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if case .found = find(word, hash: Self.hash(word)) { return true }
        return false
    }

    /// How many words were added before `word`, when it is here: words keep the order they
    /// were added in.
    func ordinal(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        if case .found(let entry) = find(word, hash: Self.hash(word)) { return entry }
        return nil
    }

    /// Adds `word`; false when it was there already.
    @discardableResult
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard case .empty(let slot) = find(word, hash: Self.hash(word)) else { return false }
        slots[slot] = Int32(words.count)
        words.append((storage.count, word.count))
        storage.append(contentsOf: word)
        if words.count * 2 > slots.count { grow() }
        return true
    }

    /// Adds `string` in its composed form (see `key(_:)`).
    @discardableResult
    mutating func insert(_ string: String) -> Bool {
        var key = Self.key(string)
        return key.withUTF8 { insert($0) }
    }

    func contains(_ string: String) -> Bool {
        var key = Self.key(string)
        return key.withUTF8 { contains($0) }
    }

    /// `String`s are equal when their canonical forms are, so words outside ASCII are kept
    /// composed (NFC): the set then finds what a `Set<String>` finds.
    static func key(_ string: String) -> String {
        string.everyUTF8Byte { $0 < 0x80 } ? string : string.precomposedStringWithCanonicalMapping
    }

    private enum Place {
        /// The word's entry (its ordinal).
        case found(Int)
        case empty(Int)
    }

    private func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Place {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        // Raw pointers and `memcmp`: a slice's `elementsEqual` went byte by byte through
        // iterators, and was most of a search word's cost.
        return storage.withUnsafeBufferPointer { storage in
            slots.withUnsafeBufferPointer { slots in
                words.withUnsafeBufferPointer { words in
                    while true {
                        let entry = slots[slot]
                        if entry < 0 { return .empty(slot) }
                        let (start, count) = words[Int(entry)]
                        if count == word.count, Self.equal(storage, start, word) { return .found(Int(entry)) }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether `storage` holds `word` at `start` (the count is known to match).
    private static func equal(_ storage: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard let stored = storage.baseAddress, let other = word.baseAddress else { return word.isEmpty }
        return memcmp(stored + start, other, word.count) == 0
    }

    private mutating func grow() { rehash(slots.count * 2) }

    private mutating func rehash(_ size: Int) {
        slots = [Int32](repeating: -1, count: size)
        let mask = slots.count - 1
        storage.withUnsafeBufferPointer { storage in
            for (index, word) in words.enumerated() {
                var slot =
                    Int(
                        truncatingIfNeeded: Self.hash(
                            UnsafeBufferPointer(rebasing: storage[word.start..<(word.start + word.count)])))
                    & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index)
            }
        }
    }

    /// FNV-1a, its high bits folded in: slots are taken from the low bits.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}
