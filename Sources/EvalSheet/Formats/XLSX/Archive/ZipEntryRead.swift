import CZip
import Foundation

/// Reads the open zip entry `file` to its end, 64 KiB at a time: `failedRead` is the error of a read that fails,
/// `checkGrowth` sees the data after each chunk (with the chunk's size) and throws to stop at a limit.
func readZipEntry(_ file: OpaquePointer, failedRead: () -> Error,
                  checkGrowth: (_ data: Data, _ chunkBytes: Int) throws -> Void) throws -> Data {
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, zip_uint64_t($0.count)) }
        if count < 0 { throw failedRead() }
        if count == 0 { return data }
        data.append(chunk, count: Int(count))
        try checkGrowth(data, Int(count))
    }
}
