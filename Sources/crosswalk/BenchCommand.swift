import ArgumentParser
import CrosswalkKit
import Foundation

struct BenchAutolinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-autolink",
        abstract: "Measure the glossary auto-linker's throughput (used by make bench).")

    @Option(help: "Number of glossary terms.")
    var terms: Int = 1000

    @Option(help: "Megabytes of prose to scan.")
    var mb: Double = 20

    @Option(help: "Scans of the prose; the fastest counts.")
    var rounds: Int = 3

    func run() throws {
        let result = AutoLinkBenchmark.run(terms: terms, megabytes: mb, rounds: rounds)
        print(
            String(
                format: "%.1f MB/s  (%d terms, %.1f MB in %.3f s, %d links)", result.megabytesPerSecond, result.terms,
                Double(result.bytes) / 1_048_576, result.seconds, result.matches))
    }
}
