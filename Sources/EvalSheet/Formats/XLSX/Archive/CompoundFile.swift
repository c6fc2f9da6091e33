import Foundation

/// Microsoft's Compound File Binary format (OLE2), which no .xlsx is: a password-protected workbook (its encrypted
/// package sits in a compound file beside an `EncryptionInfo` stream) or an Excel 97-2003 .xls.
enum CompoundFile {
    /// What to tell the user when `data` is a compound file; nil when it is not one. (Built per call, not kept in
    /// globals, which LeakSanitizer counts as leaks under `make fuzz`.)
    static func refusal(_ data: Data) -> EvalSheetError? {
        guard data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) else { return nil }
        let encryptionInfo = Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })  // as a directory entry names it
        if data.range(of: encryptionInfo) != nil {
            return EvalSheetError(.unreadable, "password-protected: remove the password (in Excel: File › Info › Protect Workbook › Encrypt with Password) and save again", zh: "文件有密码保护：请取消密码（Excel：文件 › 信息 › 保护工作簿 › 用密码进行加密）后重新保存")
        }
        return EvalSheetError(.unreadable, "an Excel 97-2003 file (.xls), not .xlsx: open it in Excel or WPS and save it as .xlsx", zh: "这是 Excel 97-2003 (.xls) 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再转换")
    }
}
