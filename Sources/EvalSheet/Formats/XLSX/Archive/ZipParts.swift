import CDeflate
import CZip
import Foundation

/// XLSX parts read from a zip archive in memory through libzip, streamed with size and ratio limits. A small part
/// stored or deflated as the header declares is inflated whole by libdeflate (`inflateWhole`).
final class ZipParts: XLSXParts {
    private let archive: OpaquePointer
    private var indexes: [String: UInt64] = [:]
    /// Made for the first part inflated whole, freed with the archive.
    private var decompressor: OpaquePointer?

    init(data: Data) throws {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let buffer = malloc(max(data.count, 1))!
        data.copyBytes(to: buffer.assumingMemoryBound(to: UInt8.self), count: data.count)
        guard let source = zip_source_buffer_create(buffer, zip_uint64_t(data.count), 1, &error) else {
            free(buffer)
            throw Self.error("cannot read the archive", zh: "无法读取压缩包", &error)
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            zip_source_free(source)
            if zip_error_code_zip(&error) == ZIP_ER_EXISTS {
                throw EvalSheetError(.unreadable, "the archive holds the same part name twice; a spreadsheet never does, so it is refused", zh: "压缩包中同一部件名出现两次；电子表格不会如此，已拒绝")
            }
            throw Self.error("not a readable XLSX (zip) archive", zh: "不是可读取的 XLSX（zip）压缩包", &error,
                             advice: ("the file may be truncated or not a spreadsheet", "文件可能被截断，或不是电子表格"))
        }
        self.archive = archive
        try indexEntries()
    }

    deinit {
        zip_discard(archive)
        if let decompressor { libdeflate_free_decompressor(decompressor) }
    }

    private func indexEntries() throws {
        let count = zip_get_num_entries(archive, 0)
        guard count >= 0, count <= XLSXLimits.maximumEntries else {
            throw EvalSheetError(.unreadable, "the archive claims \(count) entries; not a spreadsheet", zh: "压缩包声称有 \(count) 个条目；不是电子表格")
        }
        for index in 0..<UInt64(count) {
            guard let raw = zip_get_name(archive, index, ZIP_FL_ENC_GUESS) else { continue }
            let name = String(cString: raw)
            guard indexes.updateValue(index, forKey: name) == nil else {
                throw EvalSheetError(.unreadable, "the archive holds \"\(name)\" twice; a spreadsheet never does, so it is refused", zh: "压缩包中\u{201C}\(name)\u{201D}出现两次；电子表格不会如此，已拒绝")
            }
        }
    }

    func read(_ name: String) throws -> Data? {
        guard let index = indexes[name] else { return nil }
        let stat = try status(index, name)
        if stat.valid & UInt64(ZIP_STAT_SIZE) != 0, stat.size > UInt64(XLSXLimits.maximumPartBytes) {
            throw Self.tooLarge(name, XLSXLimits.maximumPartBytes)
        }
        if let data = inflateWhole(index, stat) { return data }
        guard let file = zip_fopen_index(archive, index, 0) else { throw archiveError("cannot open \(name)", zh: "无法打开 \(name)") }
        defer { zip_fclose(file) }
        let declared = stat.valid & UInt64(ZIP_STAT_SIZE) != 0 ? Int(stat.size) : nil
        return try readZipEntry(file, expectedBytes: declared, failedRead: {
            EvalSheetError(.unreadable, "\(name) is corrupt in the archive (\(String(cString: zip_file_strerror(file)))); the file may be damaged", zh: "压缩包中的 \(name) 已损坏（\(String(cString: zip_file_strerror(file)))）；文件可能已损坏")
        }) { data, _ in
            if data.count > XLSXLimits.maximumPartBytes { throw Self.tooLarge(name, XLSXLimits.maximumPartBytes) }
            if data.count > XLSXLimits.largePartBytes, stat.valid & UInt64(ZIP_STAT_COMP_SIZE) != 0,
               UInt64(data.count) / max(stat.comp_size, 1) > UInt64(XLSXLimits.largePartRatio) {
                throw Self.tooLarge(name, XLSXLimits.largePartBytes)
            }
            if stat.valid & UInt64(ZIP_STAT_SIZE) != 0, UInt64(data.count) > stat.size {
                throw EvalSheetError(.unreadable, "\(name) inflates past the \(stat.size) bytes its header declares; refused as a zip bomb", zh: "\(name) 解压后超过其头部声明的 \(stat.size) 字节；作为压缩炸弹拒绝")
            }
            if data.count > XLSXLimits.ratioCheckedAbove, stat.valid & UInt64(ZIP_STAT_COMP_SIZE) != 0,
               UInt64(data.count) / max(stat.comp_size, 1) > UInt64(XLSXLimits.maximumRatio) {
                throw EvalSheetError(.unreadable, "\(name) inflates more than \(XLSXLimits.maximumRatio) times; refused as a zip bomb", zh: "\(name) 解压后超过 \(XLSXLimits.maximumRatio) 倍；作为压缩炸弹拒绝")
            }
        }
    }

    /// What the archive's directory says of the entry at `index`.
    private func status(_ index: UInt64, _ name: String) throws -> zip_stat_t {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat_index(archive, index, 0, &stat) == 0 else { throw archiveError("cannot inspect \(name)", zh: "无法检查 \(name)") }
        return stat
    }

    /// Part `name` inflated whole, or nil where it is read the usual way (for the tests, which hold the two alike).
    func inflateWhole(_ name: String) throws -> Data? {
        guard let index = indexes[name] else { return nil }
        return inflateWhole(index, try status(index, name))
    }

    /// The part at `index` when it is small (under `XLSXLimits.ratioCheckedAbove`, so no ratio limit applies), stored
    /// or deflated, not encrypted, and inflates to exactly the size and CRC its header declares: its compressed bytes
    /// read through libzip, inflated in one call by libdeflate. Nil otherwise, and the part is read the usual way, so
    /// a damaged or lying entry meets the same checks and messages. libzip's streamed inflate through zlib and its CRC
    /// cost about 770,000 instructions a seed workbook; this 390,000.
    private func inflateWhole(_ index: UInt64, _ stat: zip_stat_t) -> Data? {
        let needed = UInt64(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD)
        guard stat.valid & needed == needed, stat.encryption_method == UInt16(ZIP_EM_NONE),
              stat.comp_method == Int32(ZIP_CM_DEFLATE) || stat.comp_method == Int32(ZIP_CM_STORE),
              stat.size < UInt64(XLSXLimits.ratioCheckedAbove), stat.comp_size < UInt64(XLSXLimits.ratioCheckedAbove),
              let file = zip_fopen_index(archive, index, zip_flags_t(ZIP_FL_COMPRESSED))
        else { return nil }
        defer { zip_fclose(file) }
        let compressedCount = Int(stat.comp_size), count = Int(stat.size)
        let compressed = UnsafeMutableRawBufferPointer.allocate(byteCount: max(compressedCount, 1), alignment: 1)
        defer { compressed.deallocate() }
        guard zip_fread(file, compressed.baseAddress, stat.comp_size) == Int64(compressedCount) else { return nil }
        let output = malloc(max(count, 1))!
        var produced = 0
        if stat.comp_method == Int32(ZIP_CM_STORE) {
            guard compressedCount == count else { free(output); return nil }
            output.copyMemory(from: compressed.baseAddress!, byteCount: count)
            produced = count
        } else {
            if decompressor == nil { decompressor = libdeflate_alloc_decompressor() }
            guard let decompressor, libdeflate_deflate_decompress(decompressor, compressed.baseAddress, compressedCount, output, count,
                                                                  &produced) == LIBDEFLATE_SUCCESS
            else { free(output); return nil }
        }
        guard produced == count, libdeflate_crc32(0, output, count) == stat.crc else { free(output); return nil }
        return Data(bytesNoCopy: output, count: count, deallocator: .free)
    }

    private static func tooLarge(_ name: String, _ limit: Int) -> EvalSheetError {
        EvalSheetError(.unreadable, "\(name) inflates past \(limit >> 20) MiB; refused as a zip bomb, not a form", zh: "\(name) 解压后超过 \(limit >> 20) MiB；作为压缩炸弹拒绝，不是表")
    }

    private func archiveError(_ what: String, zh whatZH: String) -> EvalSheetError {
        EvalSheetError(.unreadable, "\(what): \(String(cString: zip_strerror(archive))); the file may be damaged",
                       zh: "\(whatZH)：\(String(cString: zip_strerror(archive)))；文件可能已损坏")
    }

    private static func error(_ what: String, zh whatZH: String, _ error: inout zip_error_t,
                              advice: (en: String, zh: String) = ("check the file", "请检查文件")) -> EvalSheetError {
        EvalSheetError(.unreadable, "\(what) (\(String(cString: zip_error_strerror(&error)))); \(advice.en)",
                       zh: "\(whatZH)（\(String(cString: zip_error_strerror(&error)))）；\(advice.zh)")
    }
}
