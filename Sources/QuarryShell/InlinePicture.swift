import Foundation

/// The escape sequences that put a PNG on the screen, for terminals known to read them.
/// `QUARRY_PICTURES=kitty|iterm|sixel|off` chooses where detection cannot (sixel terminals do
/// not say so in their environment; mlterm and foot are recognised).
enum InlinePicture: String {
    case kitty, iterm, sixel

    static func protocolOfTerminal() -> InlinePicture? {
        let env = ProcessInfo.processInfo.environment
        if let chosen = env["QUARRY_PICTURES"]?.lowercased() { return InlinePicture(rawValue: chosen) }
        let term = env["TERM"] ?? ""
        if env["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" { return .kitty }
        if env["TERM_PROGRAM"] == "iTerm.app" || env["LC_TERMINAL"] == "iTerm2" { return .iterm }
        if term.hasPrefix("mlterm") || term.hasPrefix("foot") || term.contains("sixel") { return .sixel }
        return nil
    }

    /// The text that shows `png` on the terminal.
    func escape(_ png: [UInt8]) -> Result<String, CommandProblem> {
        let base64 = Data(png).base64EncodedString()
        switch self {
        case .iterm:
            return .success("\u{1B}]1337;File=inline=1;size=\(png.count);preserveAspectRatio=1:\(base64)\u{07}")
        case .sixel:
            return InlinePicture.sixel(png)
        case .kitty:
            // Sent in chunks of at most 4096 characters; `m=1` says more follow.
            var out = "", rest = Substring(base64), first = true
            while !rest.isEmpty {
                let chunk = rest.prefix(4096)
                rest = rest.dropFirst(chunk.count)
                out += "\u{1B}_G" + (first ? "a=T,f=100," : "") + "m=\(rest.isEmpty ? 0 : 1);\(chunk)\u{1B}\\"
                first = false
            }
            return .success(out)
        }
    }

    /// A PNG as sixel graphics, by libsixel's `img2sixel`.
    static func sixel(_ png: [UInt8]) -> Result<String, CommandProblem> {
        let file = NSTemporaryDirectory() + "quarry-drawings/sixel-\(UUID().uuidString).png"
        defer { try? FileManager.default.removeItem(atPath: file) }
        guard FileManager.default.createFile(atPath: file, contents: Data(png)) else {
            return .failure(CommandProblem(message: "cannot write \(file) for img2sixel"))
        }
        switch ToolRun.start(["img2sixel", file], interrupt: nil) {
        case .failure(let problem): return .failure(problem)
        case .success(let run) where run.status != 0:
            return .failure(CommandProblem(message: "sixel pictures need libsixel's img2sixel (Debian: apt-get install libsixel-bin), or QUARRY_PICTURES=off"))
        case .success(let run):
            return .success(String(decoding: run.output, as: UTF8.self))
        }

    }

}
