import Foundation
import QuarryEngine

/// The interactive shell: prompts, multi-line statements (complete when the lexer sees a final
/// `;`), meta-commands, history and Tab completion.
public final class REPL {
    let session: Session
    let editor: LineEditor

    public init(session: Session, historyPath: String?) {
        self.session = session
        Signals.installForShell()
        editor = LineEditor(historyPath: historyPath) { before, word in
            Completer(graph: session.database.graph, parameters: Array(session.parameters.keys)).complete(before: before, word: word)
        }
        session.confirm = { [editor] question in editor.read(prompt: question) == .line("y") }
    }

    /// `$HOME`, as shells use it (Foundation's home directory comes from the password database).
    public static var homeDirectory: String {
        ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    public static var defaultHistoryPath: String {
        let env = ProcessInfo.processInfo.environment
        let state = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? homeDirectory + "/.local/state"
        return state + "/quarry/history"
    }

    /// Runs until `:quit` or Ctrl-D; returns the exit status.
    public func run() -> Int32 {
        var pending = ""
        var scanner = StatementScanner()
        defer { editor.close() }
        while true {
            if let signal = Signals.leaving {
                StandardStream.output("\nquarry: leaving on signal \(signal)\n")
                return 128 + signal
            }
            if session.quitRequested {
                if session.mayLeaveMemoryGraph() { return 0 }
                session.quitRequested = false
            }
            switch editor.read(prompt: pending.isEmpty ? "quarry> " : "   ...> ", earlierLines: pending.isEmpty ? "" : pending + "\n") {
            case .end:
                if Signals.leaving != nil { continue }
                StandardStream.output("\n")
                // Ctrl-D is "leave", not "run": a statement without its `;` is dropped, and said so.
                if !pending.isEmpty { session.errorOutput("quarry: the unfinished statement was not run\n") }
                if session.mayLeaveMemoryGraph() { return 0 }
                pending = ""
                scanner = StatementScanner()
            case .interrupted:
                pending = ""
                scanner = StatementScanner()
            case .line(let line):
                if pending.isEmpty && line.trimmingLeadingSpace.hasPrefix(":") {
                    editor.remember(line)
                    _ = session.runMeta(line, source: line, name: nil, offset: 0)
                    continue
                }
                if pending.isEmpty && StatementSplitter.isBlank(line) { continue }
                pending += (pending.isEmpty ? "" : "\n") + line
                scanner.feed(line.utf8)
                scanner.feed(10)
                if scanner.isComplete {
                    submit(pending)
                    pending = ""
                    scanner = StatementScanner()
                }
            }
        }
    }

    func submit(_ text: String) {
        editor.remember(text)
        session.run(script: text, name: nil)
    }
}
