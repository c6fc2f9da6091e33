import Foundation

/// One uploaded file: the name the client gave (for display and its extension only, never a path) and its bytes.
struct Upload: Sendable {
    let name: String
    let data: Data

    /// Keeps only the last component of the client's name, without control characters, at most 200 characters.
    init(clientName: String, data: Data) {
        let last = clientName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init).prefix(200))
        self.name = clean.isEmpty || clean == "." || clean == ".." ? "upload" : clean
        self.data = data
    }

    /// The name without its extension.
    var stem: String {
        let ext = (name as NSString).pathExtension
        return ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
    }

    /// The lowercased extension of the name.
    var fileExtension: String { (name as NSString).pathExtension.lowercased() }
}

/// The query's choices for checking a form: import or export mode, message language, layout.
struct CheckChoice: Sendable {
    var mode: String?
    var lang: String?
    var layout: String?
}
