import QuarryEngine

/// `:set`: the statement limits (memory, time), shown and changed.
extension Session {
    func set(_ arg: String) -> String? {
        let words = arg.split(separator: " ", maxSplits: 1).map { String($0) }
        let limits = database.limits
        guard let name = words.first?.lowercased() else {
            output("memory-limit  \(LimitSettings.describe(memory: limits.memoryBytes))\n")
            output("timeout       \(LimitSettings.describe(seconds: limits.seconds))\n")
            return nil
        }
        guard words.count == 2 else { return "usage: :set [memory-limit SIZE|timeout SECONDS]" }
        switch name {
        case "memory-limit":
            guard let bytes = LimitSettings.memory(words[1]) else { return "\(words[1]) is not a size (say 4G, 512M, 75% or off)" }
            database.limits.memoryBytes = bytes
        case "timeout":
            guard let seconds = LimitSettings.seconds(words[1]) else { return "\(words[1]) is not a time (say 30, 30s, 500ms, 5m or off)" }
            database.limits.seconds = seconds
        default:
            return "no setting \(name) (:set lists them: memory-limit, timeout)"
        }
        return nil
    }
}
