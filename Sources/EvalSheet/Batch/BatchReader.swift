import Foundation

/// Reads the forms of one batch input (a file or an unzipped spreadsheet) within the time allowed for a file.
struct BatchReader {
    let root: URL
    let seconds: Double

    /// The forms read; failures located at the file.
    func read(_ input: BatchInput) throws -> [FormReading] {
        let shown = input.shown(under: root)
        do {
            return try Deadline.within(seconds: seconds) {
                if input.isFolder {
                    guard input.notes.isEmpty else { throw BatchFailure(BatchMessages.folderNotUTF8(shown)) }
                    return try FormFiles.read(shown)
                }
                func read(_ path: String) throws -> [FormReading] {
                    do {
                        return try FormFiles.read(path, shownAs: shown)
                    } catch let error as EvalSheetError where error.kind == .invalidForm && Self.isTextWithoutTabs(path, name: input.relative) {
                        // not the form, and no tab in it either: a README or a note, not a broken export
                        throw BatchFailure(BatchMessages.textWithoutTabs, skipped: true)
                    }
                }
                // a UTF-8 name is read by its path; any other is opened by its bytes
                let bytes = Array(root.path.utf8) + [UInt8(ascii: "/")] + input.bytes
                if let path = String(validating: bytes, as: UTF8.self) { return try read(path) }
                return try PathBytes.withOpenFile(bytes, read)
            }
        } catch let error as EvalSheetError {
            throw BatchFailure(BatchAdvice.fitted(BilingualText(error.located(in: shown))))
        }
    }

    /// A .txt or .tsv without a single tab in its first 64 KiB: when it is not the form either, a README or a note.
    private static func isTextWithoutTabs(_ path: String, name: String) -> Bool {
        guard ["txt", "tsv"].contains(PathExtension.of(name).lowercased()),
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return !handle.readData(ofLength: 64 << 10).contains(0x09)
    }
}

/// Why a batch input gave no form: the message for the report, and whether the input is skipped rather than failed.
struct BatchFailure: Error {
    let message: BilingualText
    let skipped: Bool

    init(_ message: BilingualText, skipped: Bool = false) {
        self.message = message
        self.skipped = skipped
    }
}
