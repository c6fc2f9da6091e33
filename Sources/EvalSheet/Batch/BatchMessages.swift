/// What the batch says about files and pairs, in both languages.
enum BatchMessages {
    static let notAFormFile = BilingualText(
        en: "not a form file: evalsheet reads the form from .txt, .tsv, .csv, .json and .xlsx files",
        zh: "不是表单文件：evalsheet 只从 .txt、.tsv、.csv、.json、.xlsx 文件读取此表")
    static let textWithoutTabs = BilingualText(
        en: "not a form file: text without a single tab, so not a tab-separated form (a README or a note?)",
        zh: "不是表单文件：文本中没有制表符，不是制表符分隔的表单（说明文件？）")
    static let excel97 = BilingualText(
        en: "an Excel 97-2003 file (.xls): open it in Excel or WPS, save it as .xlsx and run the batch again",
        zh: "Excel 97-2003 文件（.xls）：请在 Excel 或 WPS 中打开，另存为 .xlsx 后重新运行批量转换")
    static let excelLockFile = BilingualText(
        en: "not a form file: the lock file Excel or WPS keeps while a workbook is open",
        zh: "不是表单文件：Excel 或 WPS 打开工作簿时留下的锁定文件")
    static let notUTF8Name = BilingualText(
        en: "the name is not UTF-8; shown and written read as GBK (GB18030)",
        zh: "文件名不是 UTF-8 编码，已按 GBK（GB18030）显示和输出")
    static let interrupted = BilingualText(
        en: "interrupted: the files above were done; run the batch again for the rest",
        zh: "已中断：以上文件已处理，其余文件请重新运行批量转换")

    static func unreadableFolder(_ reason: String) -> BilingualText {
        BilingualText(en: "cannot read this folder (\(reason)); check its permissions", zh: "无法读取此文件夹（\(reason)）；请检查权限")
    }

    static func linkOutside(_ target: String) -> BilingualText {
        BilingualText(en: "a symbolic link to \(target), outside the input folder; not followed",
                     zh: "指向输入文件夹之外（\(target)）的符号链接，未跟随")
    }

    static let linkLoop = BilingualText(
        en: "a link to a folder already read (a loop, or a second way in); not followed",
        zh: "指向已读取文件夹的链接（循环或重复入口），未跟随")

    static func folderNotUTF8(_ shown: String) -> BilingualText {
        BilingualText(en: "\(shown): a folder whose name is not UTF-8; rename it and run again",
                     zh: "\(shown)：文件夹名不是 UTF-8 编码，请重命名后重新运行")
    }

    static func renamed(_ output: String, wanted: String) -> BilingualText {
        BilingualText(en: "written as \(output): \(wanted) is another output of this batch",
                     zh: "已输出为 \(output)：\(wanted) 是本次批量转换的另一个输出")
    }

    static func exists(_ output: String) -> BilingualText {
        BilingualText(en: "\(output) already exists and was left as it is (--no-clobber)",
                     zh: "\(output) 已存在，保持不变（--no-clobber）")
    }

    static func noFilledForm(_ project: String) -> BilingualText {
        BilingualText(en: "no filled form under the input folder is project \(project)",
                     zh: "输入文件夹中没有项目 \(project) 的已填表")
    }

    static func severalBaselines(_ project: String, _ baselines: [String]) -> BilingualText {
        BilingualText(en: "several system exports are project \(project): \(baselines.joined(separator: ", ")); keep one in the baseline folder and run again",
                     zh: "系统导出中有多份项目 \(project) 的表：\(baselines.joined(separator: "、"))；请在基准文件夹中只保留一份后重新运行")
    }

    /// The `system-unverified` finding as batch words it: with `--baseline-dir` given, no system export was this form's.
    static func unverified(folderGiven: Bool) -> BilingualText {
        folderGiven
            ? BilingualText(en: "No system export in the baseline folder (--baseline-dir) is this project and year: greyed fields were read as they stand and could not be verified.",
                           zh: "基准文件夹（--baseline-dir）中没有同一项目和年度的系统导出，置灰信息按文件读取，未能核对。")
            : BilingualText(en: "No system baseline (--baseline-dir): greyed fields were read as they stand and could not be verified.",
                           zh: "未提供系统基准数据（--baseline-dir），置灰信息按文件读取，未能核对。")
    }
}
