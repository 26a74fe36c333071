import Dispatch
import Foundation

/// Maps `items` on every core, keeping order. For CPU-bound, synchronous stage work; each call
/// of `transform` runs on one thread, so non-Sendable values made inside it (a parsed
/// markdown document) never cross threads.
func parallelMap<Input: Sendable, Output: Sendable>(
    _ items: [Input], _ transform: @Sendable (Input) -> Output
) -> [Output] {
    guard items.count > 1 else { return items.map(transform) }
    let results = ResultSlots<Output>(count: items.count)
    // Runs of neighbouring items per iteration, not one each: neighbours share folders, and
    // two cores writing in one folder (or one result cache line) at once waited on each other.
    let chunk = items.count >= 64 * parallelChunk ? parallelChunk : 1
    let runs = (items.count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: runs) { iteration in
        let run = interleavedRun(iteration, of: runs)
        for index in run * chunk..<min(items.count, run * chunk + chunk) {
            results.store(transform(items[index]), at: index)
        }
    }
    return results.values
}

/// As `parallelMap`, on `threads` threads however many cores there are: for work that waits
/// on the disk. Reading files the page cache does not hold, a thread blocked in `read` leaves
/// its core idle, and one read in flight per core leaves the disk mostly waiting too: reading
/// a 10,000-page site just after boot took 420-500 ms on two threads, 200 ms on sixteen. Once
/// the files are cached the extra threads cost nothing measurable.
func parallelMapWaiting<Input: Sendable, Output: Sendable>(
    _ items: [Input], threads: Int, _ transform: @Sendable (Input) -> Output
) -> [Output] {
    guard items.count > 1, threads > 1 else { return items.map(transform) }
    let results = ResultSlots<Output>(count: items.count)
    let chunk = items.count >= 64 * parallelChunk ? parallelChunk : 1
    let runs = (items.count + chunk - 1) / chunk
    withoutActuallyEscaping(transform) { transform in
        let work = JoinedThreads { claim in
            while let run = claim(runs) {
                for index in run * chunk..<min(items.count, run * chunk + chunk) {
                    results.store(transform(items[index]), at: index)
                }
            }
        }
        work.run(threads: min(threads, runs))
    }
    return results.values
}

/// One body run on several POSIX threads, the caller's among them, all joined before `run`
/// returns: nothing holds the body afterwards, so it may use a non-escaping closure (GCD's
/// `concurrentPerform` keeps to one thread per core). The body takes runs with `claim`,
/// which answers nil once all `runs` are taken.
private final class JoinedThreads: @unchecked Sendable {
    private let body: (_ claim: (Int) -> Int?) -> Void
    private let lock = NSLock()
    private var next = 0

    init(_ body: @escaping (_ claim: (Int) -> Int?) -> Void) { self.body = body }

    private func claim(below runs: Int) -> Int? {
        lock.withLock {
            guard next < runs else { return nil }
            defer { next += 1 }
            return next
        }
    }

    fileprivate func work() { body { self.claim(below: $0) } }

    func run(threads: Int) {
        var started: [pthread_t] = []
        let context = Unmanaged.passUnretained(self).toOpaque()
        for _ in 1..<threads {
            var thread = pthread_t()
            let made = pthread_create(
                &thread, nil,
                { context in
                    if let context { Unmanaged<JoinedThreads>.fromOpaque(context).takeUnretainedValue().work() }
                    return nil
                }, context)
            // A thread that cannot be made leaves its share to the others.
            if made == 0 { started.append(thread) }
        }
        work()
        for thread in started { pthread_join(thread, nil) }
    }
}

/// The run that iteration `iteration` of `runs` takes: even iterations walk the first half
/// of the list, odd ones the second. Threads take iterations in turn, so two cores at work
/// at once are usually a half apart, in different folders: in one folder, each `mkdir`
/// waited on the other core's lock of the folder.
func interleavedRun(_ iteration: Int, of runs: Int) -> Int {
    let firstHalf = (runs + 1) / 2
    return iteration.isMultiple(of: 2) ? iteration / 2 : firstHalf + iteration / 2
}

/// Items per iteration of `parallelMap` over long lists.
let parallelChunk = 8

/// Write-once slots filled from many threads; each index is written by exactly one iteration
/// of `concurrentPerform`, and read only after it returns.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        _ = buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ value: Value, at index: Int) { buffer[index] = value }

    var values: [Value] {
        buffer.map { slot in
            guard let value = slot else { preconditionFailure("parallelMap slot left empty") }
            return value
        }
    }
}

/// Runs `first` and `second` at once, one per core, and returns both results: two
/// independent passes over the whole site that would otherwise leave a core idle.
func inParallel<First: Sendable, Second: Sendable>(
    _ first: @Sendable () -> First, _ second: @Sendable () -> Second
) -> (First, Second) {
    let results = parallelMap([true, false]) { isFirst -> EitherResult<First, Second> in
        isFirst ? .first(first()) : .second(second())
    }
    guard case .first(let one) = results[0], case .second(let two) = results[1] else {
        preconditionFailure("inParallel: results out of place")
    }
    return (one, two)
}

private enum EitherResult<First: Sendable, Second: Sendable>: Sendable {
    case first(First)
    case second(Second)
}

/// A value made on another thread while the caller goes on; `value` waits for it.
///
/// A thread of its own, not a block on a dispatch queue: a caller may itself run on one of
/// the pool's few threads and wait here, and the block would then wait for a free one. Work
/// inside it that maps on every core (`parallelMap`) gets every core, as the caller's does.
final class Background<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ make: @escaping @Sendable () -> Value) {
        let thread = Thread {
            self.result = make()
            self.done.signal()
        }
        // As much stack as the main thread: the work is whatever a stage does.
        thread.stackSize = 8 << 20
        thread.start()
    }

    var value: Value {
        done.wait()
        defer { done.signal() }
        guard let result else { preconditionFailure("Background: no value after the signal") }
        return result
    }
}
