import Foundation
import Testing
@testable import EvalSheet

/// `PathExtension.of` finds what NSString's `pathExtension` finds (a file URL's differs only for a last component
/// that starts with dots, `..b`, where it finds none).
struct PathExtensionTests {
    @Test(arguments: [
        "form.xlsx", "a/b/form.XLSX", "form", ".hidden", "a/.hidden", "form.", "..", ".", "/", "", "a.b/c", "a.b/c.d",
        "dir.d/", "dir.d//", "a//b.tsv", "/abs/path/x.tar.gz", "自评表（2023）.xlsx", "项目.支出/绩效.txt", "a/..b", "a/b..",
        "name with space.json", "x.é", "./form.tsv", "../form.txt", "a/./b.csv",
    ])
    func findsWhatFoundationFinds(_ path: String) {
        #expect(PathExtension.of(path) == (path as NSString).pathExtension, "\(path)")
    }
}
