import CZip
import Foundation

/// Reads the open zip entry `file` to its end, 64 KiB at a time: `failedRead` is the error of a read that fails,
/// `checkGrowth` sees the data after each chunk (with the chunk's size) and throws to stop at a limit.
func readZipEntry(_ file: OpaquePointer, failedRead: () -> Error,
                  checkGrowth: (_ data: Data, _ chunkBytes: Int) throws -> Void) throws -> Data {
    var data = Data()
    // Left uninitialised: zeroing 64 KiB for every part cost more than inflating a small one.
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    defer { chunk.deallocate() }
    while true {
        let count = zip_fread(file, chunk.baseAddress, zip_uint64_t(chunk.count))
        if count < 0 { throw failedRead() }
        if count == 0 { return data }
        data.append(chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: Int(count))
        try checkGrowth(data, Int(count))
    }
}
