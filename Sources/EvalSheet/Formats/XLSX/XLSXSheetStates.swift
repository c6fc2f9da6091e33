import Foundation

extension XLSXFormat {
    /// The names of the workbook's hidden and `veryHidden` sheets, read from its workbook part alone: a caller whose
    /// `FormReading.sheet` is among them can say the form came from a sheet the user does not see.
    public func hiddenSheets(_ data: Data) throws -> Set<String> {
        if let refusal = CompoundFile.refusal(data) { throw refusal }
        return Set(try WorkbookPart(parts: try ZipParts(data: data)).sheets.filter(\.hidden).map(\.name))
    }
}
