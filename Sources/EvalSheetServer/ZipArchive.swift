import CZip
import Foundation

/// Zip archives for `/api/batch` through libzip: the uploaded zip's files read with size limits, the results zipped.
enum ZipArchive {
    /// Hands each file in the zip at `path` (folders skipped) to `body`, one at a time, so only one is held in memory;
    /// each at most `maxFileBytes` inflated, together at most `maxTotalBytes`.
    static func forEachFile(inZipAt path: String, displayName: String, maxFileBytes: Int, maxTotalBytes: Int,
                            _ body: (_ name: String, _ data: Data) throws -> Void) throws {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code) else {
            throw ApiError(.badRequest, "\(displayName): not a readable zip archive; the file may be truncated")
        }
        defer { zip_discard(archive) }
        let count = zip_get_num_entries(archive, 0)
        guard (0...10_000).contains(count) else { throw ApiError(.badRequest, "\(displayName): more than 10,000 entries; send fewer files at once") }
        var total = 0
        for index in 0..<UInt64(count) {
            guard let raw = zip_get_name(archive, index, ZIP_FL_ENC_GUESS) else { continue }
            let name = String(cString: raw)
            if name.hasSuffix("/") { continue }
            guard let file = zip_fopen_index(archive, index, 0) else {
                throw ApiError(.badRequest, "\(displayName): \(name) cannot be opened (\(String(cString: zip_strerror(archive)))); encrypted or damaged")
            }
            defer { zip_fclose(file) }
            var data = Data()
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let read = chunk.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, zip_uint64_t($0.count)) }
                if read < 0 { throw ApiError(.badRequest, "\(displayName): \(name) is corrupt in the archive") }
                if read == 0 { break }
                data.append(chunk, count: Int(read))
                total += Int(read)
                if data.count > maxFileBytes {
                    throw ApiError(.contentTooLarge, "\(displayName): \(name) inflates past \(maxFileBytes / 1_000_000) MB, the limit for one file")
                }
                if total > maxTotalBytes {
                    throw ApiError(.contentTooLarge, "\(displayName): inflates past \(maxTotalBytes / 1_000_000) MB, the limit for one request")
                }
            }
            try body(name, data)
        }
    }

    /// A zip of every file under `folder`, named by their paths relative to it.
    static func zip(folder: URL, into path: String) throws -> Data {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_EXCL, &code) else {
            throw ApiError(.internalServerError, "cannot create the result archive")
        }
        let root = folder.standardizedFileURL.path
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
        for relative in files {
            var isFolder: ObjCBool = false
            let full = root + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
                  let source = zip_source_file(archive, full, 0, -1) else { continue }
            if zip_file_add(archive, relative, source, zip_flags_t(ZIP_FL_ENC_UTF_8)) < 0 { zip_source_free(source) }
        }
        guard zip_close(archive) == 0 else {
            let message = String(cString: zip_strerror(archive))
            zip_discard(archive)
            throw ApiError(.internalServerError, "cannot write the result archive (\(message))")
        }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
