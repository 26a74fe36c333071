import CrosswalkKit

// libFuzzer calls this for every input; it must never crash, hang or leak. Nothing else may
// live in this file: SwiftPM's normal entry point would defeat libFuzzer's own `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func crosswalkFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
