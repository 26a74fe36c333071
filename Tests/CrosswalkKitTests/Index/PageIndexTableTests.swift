import Testing

@testable import CrosswalkKit

@Suite struct PageIndexTableTests {
    @Test func aNameOfOnePageIsFoundAsThatPage() {
        var table = PageIndexTable()
        table.append(7, to: "historian")
        #expect(table.find("historian") == .one(7))
        #expect(table.all("historian") == [7])
        #expect(table.find("plc") == .none)
        #expect(table.all("plc").isEmpty)
    }

    @Test func aNameOfSeveralPagesKeepsThemInOrder() {
        var table = PageIndexTable()
        table.append(3, to: "overview")
        table.append(9, to: "overview")
        table.append(1, to: "overview")
        table.append(4, to: "historian")
        table.append(5, to: "historian")
        #expect(table.find("overview") == .several)
        #expect(table.all("overview") == [3, 9, 1])
        #expect(table.all("historian") == [4, 5])
    }

    @Test func removingPagesLeavesWhatRemainsAndDropsAnEmptyName() {
        var table = PageIndexTable()
        for index in [2, 6, 8] { table.append(index, to: "overview") }
        table.append(5, to: "historian")
        table.remove(6, from: "overview")
        #expect(table.all("overview") == [2, 8])
        table.remove(2, from: "overview")
        #expect(table.find("overview") == .one(8))
        table.remove(3, from: "historian")
        #expect(table.find("historian") == .one(5))
        table.remove(5, from: "historian")
        #expect(table.find("historian") == .none)
        // A name that was shared and went back to one page can be shared again.
        table.append(11, to: "overview")
        #expect(table.all("overview") == [8, 11])
        table.remove(8, from: "overview")
        table.remove(11, from: "overview")
        #expect(table.find("overview") == .none)
    }
}
