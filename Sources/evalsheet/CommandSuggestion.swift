import EvalSheet

/// "Did you mean convert?" for a misspelt subcommand, before the parser calls it an unexpected argument.
enum CommandSuggestion {
    /// Refuses a first argument that names no subcommand, suggesting the closest one.
    static func check(_ arguments: [String], commands: [String]) throws {
        guard let word = arguments.first, !word.hasPrefix("-"), !commands.contains(word), word != "help" else { return }
        let closest = commands.map { (name: $0, distance: editDistance(word.lowercased(), $0)) }.min { $0.distance < $1.distance }
        if let closest, closest.distance <= 2 {
            throw EvalSheetError(.usage, "unknown command \"\(word)\"; did you mean \(closest.name)?",
                                 zh: "未知命令\u{201C}\(word)\u{201D}；您是否要输入 \(closest.name)？")
        }
        let all = commands.joined(separator: ", ")
        throw EvalSheetError(.usage, "unknown command \"\(word)\"; use one of \(all) (see evalsheet --help)",
                             zh: "未知命令\u{201C}\(word)\u{201D}；请使用 \(all) 之一（见 evalsheet --help）")
    }

    /// The Levenshtein distance between `a` and `b`: the fewest characters inserted, removed or replaced.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var row = [i + 1]
            for (j, y) in b.enumerated() {
                row.append(min(previous[j + 1] + 1, row[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = row
        }
        return previous[b.count]
    }
}
