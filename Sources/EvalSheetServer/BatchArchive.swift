import EvalSheet
import Foundation

/// `/api/batch`: the uploaded forms (and those inside uploaded .zip files) converted as `evalsheet batch` converts a folder,
/// returned as one zip holding the outputs, report.csv and report.json; nothing stays on disk.
enum BatchArchive {
    /// The result zip for `uploads`.
    static func convert(_ uploads: [Upload], to format: String, options: CheckChoice, limits: Uploads) throws -> Data {
        let scratch = try ScratchFolder()
        let input = scratch.url.appendingPathComponent("in"), output = scratch.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: false)
        var placed = 0
        for (number, upload) in uploads.enumerated() {
            if upload.fileExtension == "zip" {
                let zipPath = scratch.url.appendingPathComponent("upload-\(number).zip").path
                try upload.data.write(to: URL(fileURLWithPath: zipPath))
                do {
                    try ZipArchive.forEachFile(inZipAt: zipPath, displayName: upload.name,
                                               maxFileBytes: limits.maxFileBytes, maxTotalBytes: limits.maxRequestBytes) { name, data in
                        if try place(name, data, in: input) { placed += 1 }
                    }
                } catch let failure as ZipArchive.Failure {
                    throw ApiError(failure.tooLarge ? .contentTooLarge : .badRequest, failure.message)
                }
            } else if try place(upload.name, upload.data, in: input) {
                placed += 1
            }
        }
        guard placed > 0 else { throw ApiError(.badRequest, "no form files (.tsv, .txt, .json, .xlsx) among the uploads") }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        do {
            try FormService.batch(input: input, output: output, to: format, options: options)
        } catch let failure as FormService.Failure {
            throw ApiError(failure)
        }
        do {
            return try ZipArchive.zip(folder: output, into: scratch.url.appendingPathComponent("result.zip").path)
        } catch let failure as ZipArchive.Failure {
            throw ApiError(.internalServerError, failure.message)
        }
    }

    /// Writes `data` under `root` at the stored name made safe (no absolute paths, no `..`, no control characters),
    /// if it names a form file; a taken name gets ` (2)`, ` (3)`…
    private static func place(_ storedName: String, _ data: Data, in root: URL) throws -> Bool {
        let components = storedName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).map { component in
            String(component.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init).prefix(120))
        }.filter { !$0.isEmpty && $0 != "." }
        guard let last = components.last, !components.contains(".."), !last.hasPrefix("."), components.count <= 16,
              FormService.formExtensions.contains((last as NSString).pathExtension.lowercased()) else { return false }
        let folder = components.dropLast().reduce(root) { $0.appendingPathComponent($1, isDirectory: true) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ApiError(.badRequest, "\(storedName): a file of the same name stands where its folder should be; rename one of them")
        }
        let stem = (last as NSString).deletingPathExtension, ext = (last as NSString).pathExtension
        var target = folder.appendingPathComponent(last)
        var copy = 2
        while FileManager.default.fileExists(atPath: target.path) {
            target = folder.appendingPathComponent("\(stem) (\(copy)).\(ext)")
            copy += 1
        }
        try data.write(to: target, options: .withoutOverwriting)
        return true
    }
}
