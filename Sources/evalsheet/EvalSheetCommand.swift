import ArgumentParser
import EvalSheet
import Foundation

/// The evalsheet command line: converts 项目支出绩效自评表 forms between TSV, JSON and XLSX.
@main
struct EvalSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evalsheet",
        abstract: "Convert 项目支出绩效自评表 (project expenditure performance self-evaluation) forms.",
        discussion: """
        Formats: tsv (old text exports, also .txt), csv (as Excel saves it), json (canonical) and xlsx (the import/export template; an unzipped .xlsx folder reads too).
        Messages follow --lang zh|en, else LANG/LC_ALL.
        Exit codes: 0 success, 1 the input is not a valid form, 2 usage error or unreadable file.
        """,
        version: evalsheetVersion,
        subcommands: [Convert.self, TemplateCommand.self, Validate.self, Diff.self, Batch.self, LayoutsCommand.self, SchemaCommand.self,
                      Serve.self]
    )

    static func main() {
        installInterruptHandler()
        pinTimeZone()
        // the layouts are decoded while the command line is parsed, then checked before anything runs
        let layouts = JoinableThread { _ = Layouts.loaded }
        let language = CommandLanguage.current
        do {
            let parsed = Result {
                let arguments = CommandLanguage.afterCommand(Array(CommandLine.arguments.dropFirst()))
                try CommandSuggestion.check(arguments, commands: configuration.subcommands.map { $0._commandName })
                return try parseAsRoot(arguments)
            }
            layouts.join()
            _ = try Layouts.all()
            var command = try parsed.get()
            try command.run()
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch let error as EvalSheetError {
            FileHandle.standardError.write(Data("evalsheet: \(error.message(language))\n".utf8))
            Foundation.exit(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data("\(language == .zh ? ParserMessagesZH.translate(message) : message)\n".utf8))
            Foundation.exit(2)
        }
    }

    /// Names the time zone file once: with TZ unset, glibc's mktime stats /etc/localtime on every call, and libzip
    /// calls it for every entry of every workbook read (about 20 system calls an .xlsx file). The zone is the same.
    private static func pinTimeZone() {
        if getenv("TZ") == nil { setenv("TZ", ":/etc/localtime", 0) }
    }

    /// On Ctrl-C or SIGTERM, remove temporary output files before exiting; ignore SIGXFSZ.
    private static func installInterruptHandler() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { number in
                TemporaryFiles.removeAll()
                _exit(128 + number)
            }
        }
        // Past a file-size limit (ulimit -f) a write fails with EFBIG and is reported, instead of killing the process.
        signal(SIGXFSZ, SIG_IGN)
    }
}
