@testable import QuarryEngine
import Testing

/// Every catalogued function has an implementation: called with its fewest arguments it gives a
/// value or a type error, never "no implementation".
struct FunctionCatalogTests {
    @Test(arguments: FunctionCatalog.entries.values.map(\.name).sorted())
    func everyCataloguedFunctionIsImplemented(_ name: String) throws {
        guard let entry = FunctionCatalog.lookup(name) else { return }
        let db = Database()
        for argument in ["1", "'text'", "[1, 2]", "null"] {
            let args = Array(repeating: argument, count: entry.minArgs).joined(separator: ", ")
            let query = entry.isAggregate ? "UNWIND [1] AS x RETURN \(name)(\(args.isEmpty ? "x" : args))" : "RETURN \(name)(\(args)) AS v"
            do {
                _ = try db.execute(query)
            } catch {
                #expect(error.detail != "InternalError", "\(query): \(error)")
            }
        }
    }
}
