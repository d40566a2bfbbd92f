/// Reads all of its input before passing any row on, so that writes never affect the reads that
/// feed them.
final class EagerOperator: PipelineOperator {
    var rows: [Row]?
    var position = 0

    override func produce() throws(QueryError) -> Row? {
        if rows == nil {
            var all: [Row] = []
            while let r = try input.next() {
                try ctx.tick()
                all.append(r)
            }
            rows = all
            position = 0
        }
        guard position < rows!.count else { return nil }
        position += 1
        return rows![position - 1]
    }

    override func reset() {
        rows = nil
        super.reset()
    }

    override var explanation: String { "Eager" }
}
