import CZip
import Foundation

/// Reads the open zip entry `file` to its end, 64 KiB at a time: `failedRead` is the error of a read that fails,
/// `checkGrowth` sees the data after each chunk (with the chunk's size) and throws to stop at a limit.
/// An entry whose header declares a small size (`expectedBytes`) is inflated straight into a buffer one byte larger,
/// which becomes the data: no 64 KiB chunk and no copy (a form's parts are all this small).
func readZipEntry(_ file: OpaquePointer, expectedBytes: Int? = nil, failedRead: () -> Error,
                  checkGrowth: (_ data: Data, _ chunkBytes: Int) throws -> Void) throws -> Data {
    var data = Data()
    if let expectedBytes, expectedBytes >= 0, expectedBytes < 1 << 16 {
        let capacity = expectedBytes + 1
        let buffer = malloc(capacity)!
        var filled = 0
        while filled < capacity {
            let count = zip_fread(file, buffer + filled, zip_uint64_t(capacity - filled))
            if count < 0 { free(buffer); throw failedRead() }
            if count == 0 { break }
            filled += Int(count)
        }
        data = Data(bytesNoCopy: buffer, count: filled, deallocator: .free)
        try checkGrowth(data, filled)
        // only an entry that runs past the size its header declares reads on, in chunks
        if filled < capacity { return data }
    }
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
