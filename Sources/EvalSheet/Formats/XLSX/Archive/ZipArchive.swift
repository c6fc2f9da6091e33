import CZip
import Foundation

/// Zip archives of many forms through libzip (the server's batch: an uploaded zip's files read with size limits, the
/// results zipped), beside the XLSX package reader, so that this folder alone imports libzip.
public enum ZipArchive {
    /// Why a zip could not be read: unreadable, or inflating past a limit (`tooLarge`).
    public struct Failure: Error, Sendable {
        public let message: String
        public let tooLarge: Bool
    }

    /// Hands each file in the zip at `path` (folders skipped) to `body`, one at a time, so only one is held in memory;
    /// each at most `maxFileBytes` inflated, together at most `maxTotalBytes`.
    public static func forEachFile(inZipAt path: String, displayName: String, maxFileBytes: Int, maxTotalBytes: Int,
                            _ body: (_ name: String, _ data: Data) throws -> Void) throws {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code) else {
            throw Failure(message: "\(displayName): not a readable zip archive; the file may be truncated", tooLarge: false)
        }
        defer { zip_discard(archive) }
        let count = zip_get_num_entries(archive, 0)
        guard (0...10_000).contains(count) else { throw Failure(message: "\(displayName): more than 10,000 entries; send fewer files at once", tooLarge: false) }
        var total = 0
        for index in 0..<UInt64(count) {
            guard let raw = zip_get_name(archive, index, ZIP_FL_ENC_GUESS) else { continue }
            let name = String(cString: raw)
            if name.hasSuffix("/") { continue }
            guard let file = zip_fopen_index(archive, index, 0) else {
                throw Failure(message: "\(displayName): \(name) cannot be opened (\(String(cString: zip_strerror(archive)))); encrypted or damaged", tooLarge: false)
            }
            defer { zip_fclose(file) }
            let data = try readZipEntry(file, failedRead: {
                Failure(message: "\(displayName): \(name) is corrupt in the archive", tooLarge: false)
            }) { data, read in
                total += read
                if data.count > maxFileBytes {
                    throw Failure(message: "\(displayName): \(name) inflates past \(maxFileBytes / 1_000_000) MB, the limit for one file", tooLarge: true)
                }
                if total > maxTotalBytes {
                    throw Failure(message: "\(displayName): inflates past \(maxTotalBytes / 1_000_000) MB, the limit for one request", tooLarge: true)
                }
            }
            try body(name, data)
        }
    }

    /// A zip of every file under `folder`, named by their paths relative to it.
    public static func zip(folder: URL, into path: String) throws -> Data {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_EXCL, &code) else {
            throw Failure(message: "cannot create the result archive", tooLarge: false)
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
            throw Failure(message: "cannot write the result archive (\(message))", tooLarge: false)
        }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
