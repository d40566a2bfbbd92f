/// An operator that reads all of its input before it gives its first row (aggregation, ORDER
/// BY, Eager): it computes its rows once, then hands them over one by one.
class BufferedOperator: PipelineOperator {
    @exclusivity(unchecked) private var output: [Row]?
    @exclusivity(unchecked) private var position = 0

    /// All of the operator's rows, from its whole input.
    func computeRows() throws(QueryError) -> [Row] { [] }

    override final func produce() throws(QueryError) -> Row? {
        if output == nil {
            output = try computeRows()
            position = 0
        }
        guard position < output!.count else { return nil }
        position += 1
        // Handed over, not shared: the operator above may then change the row in place.
        let row = output![position - 1]
        output![position - 1] = []
        return row
    }

    override func reset() {
        output = nil
        super.reset()
    }
}
