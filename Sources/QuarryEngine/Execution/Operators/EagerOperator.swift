/// Reads all of its input before passing any row on, so that writes never affect the reads that
/// feed them.
final class EagerOperator: BufferedOperator {
    override func computeRows() throws(QueryError) -> [Row] {
        var all: [Row] = []
        while let r = try input.next() {
            try ctx.tick()
            all.append(r)
        }
        return all
    }

    override var explanation: String { "Eager" }
}
