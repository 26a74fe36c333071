/// Names to the pages they name, where almost every name names one page: that page's index is
/// stored in place of a list, so a lookup reads an `Int` and retains nothing. A `[Int]` per
/// name was a retain of storage every core shares, on every wikilink of every page.
struct PageIndexTable: Sendable {
    enum Found: Equatable {
        case none
        case one(Int)
        case several
    }

    /// A page's index, or the bitwise complement of a place in `lists` when several pages
    /// share the name.
    private var slots: [String: Int] = [:]
    private var lists: [[Int]] = []

    mutating func reserveCapacity(_ count: Int) { slots.reserveCapacity(count) }

    func find(_ key: String) -> Found {
        guard let slot = slots[key] else { return .none }
        return slot >= 0 ? .one(slot) : .several
    }

    /// The pages named `key`, in the order they were added.
    func all(_ key: String) -> [Int] {
        guard let slot = slots[key] else { return [] }
        return slot >= 0 ? [slot] : lists[~slot]
    }

    mutating func append(_ index: Int, to key: String) {
        // The key hashed once, its slot changed in place (`Int.min`: none yet), where a look
        // and then a store hashed it twice.
        let listCount = lists.count
        func place(_ slot: inout Int) -> (earlier: Int?, list: Int?) {
            if slot == .min {
                slot = index
                return (nil, nil)
            }
            if slot >= 0 {
                defer { slot = ~listCount }
                return (slot, nil)
            }
            return (nil, ~slot)
        }
        let (earlier, list) = place(&slots[key, default: .min])
        if let earlier {
            lists.append([earlier, index])
        } else if let list {
            lists[list].append(index)
        }
    }

    /// Takes `index` off the pages named `key`; the name goes when no page is left.
    mutating func remove(_ index: Int, from key: String) {
        guard let slot = slots[key] else { return }
        if slot >= 0 {
            if slot == index { slots[key] = nil }
            return
        }
        lists[~slot].removeAll { $0 == index }
        switch lists[~slot].count {
        // The list's place stays, empty: places of other names must not move.
        case 0: slots[key] = nil
        case 1: slots[key] = lists[~slot][0]
        default: break
        }
    }
}
