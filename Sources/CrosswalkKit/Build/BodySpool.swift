import Foundation

/// Rendered page bodies kept between the Markdown stage and rendering in an unlinked temporary
/// file, not in memory: every body held at once was most of a build's peak memory (about half
/// of it at 10,000 pages). Reading one back costs a `pread` from the page cache.
public final class BodySpool: @unchecked Sendable {
    /// Internal for tests, which cut the file short to see a read fail.
    let descriptor: Int32
    private let lock = NSLock()
    // Guarded by `lock`.
    private var end = 0
    private var places: [(offset: Int, count: Int)?]
    private var failure: String?

    /// Why a body could not be read back, once one could not: the build must then publish
    /// nothing, since that page would have gone out without its body.
    var readFailure: String? { lock.withLock { failure } }

    /// Nil when no temporary file can be made; the caller then keeps bodies in memory.
    init?(count: Int) {
        var template = Array(joinPath(NSTemporaryDirectory(), "crosswalk-bodies-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { return nil }
        // Gone from the folder at once: the file lives exactly as long as the descriptor.
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        self.descriptor = descriptor
        places = Array(repeating: nil, count: count)
    }

    deinit { close(descriptor) }

    /// Keeps `html` as the body of page `index`; false when it could not be written (the
    /// caller keeps it in memory then).
    func store(_ html: String, at index: Int) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else {
                lock.withLock { places[index] = (0, 0) }
                return true
            }
            let offset = lock.withLock {
                defer { end += bytes.count }
                return end
            }
            var written = 0
            while written < bytes.count {
                let count = pwrite(
                    descriptor, base + written, bytes.count - written, off_t(offset + written))
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            lock.withLock { places[index] = (offset, bytes.count) }
            return true
        }
    }

    /// The body stored for page `index`, or nil when none was or it could not be read back
    /// whole (then `readFailure` says why).
    func load(_ index: Int) -> String? {
        guard let place = lock.withLock({ places[index] }) else { return nil }
        var problem: String?
        let body = String(unsafeUninitializedCapacity: place.count) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var read = 0
            while read < place.count {
                let count = pread(
                    descriptor, base + read, place.count - read, off_t(place.offset + read))
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    problem = count < 0 ? String(cString: strerror(errno)) : "the temporary file ended early"
                    break
                }
                read += count
            }
            return read
        }
        guard let problem else { return body }
        lock.withLock { failure = failure ?? problem }
        return nil
    }
}
