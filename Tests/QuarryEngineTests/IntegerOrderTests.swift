@testable import QuarryEngine
import Testing

/// The order of integer keys is the stable comparison order, for every size of range: below
/// `radixFrom` keys, keys and positions packed into one integer (a narrow range) or compared as
/// pairs (a wide one); from it on, radix sort in one counting pass or several digits; and keys at
/// both ends of the 64-bit integers.
struct IntegerOrderTests {
    /// The order a stable comparison sort gives.
    static func reference(_ keys: [Int64]) -> [Int] {
        keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
    }

    @Test(arguments: [
        (0, 0), (-5, 5), (0, 1_000), (-70_000, 70_000), (0, 1 << 40), (Int64.min, Int64.max), (Int64.max - 3, Int64.max),
    ] as [(Int64, Int64)])
    func radixOrderIsTheStableOrder(low: Int64, high: Int64) {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 63, 64, 65, 1_000, IntegerOrder.radixFrom - 1, IntegerOrder.radixFrom, 20_000] {
            let keys = (0..<count).map { _ in Int64.random(in: low...high, using: &generator) }
            #expect(IntegerOrder.positions(keys) == Self.reference(keys), "\(count) keys in \(low)...\(high)")
        }
    }

    @Test func manyTiesKeepTheirOrder() {
        let keys: [Int64] = (0..<5_000).map { Int64($0 % 3) }
        let order = IntegerOrder.positions(keys)
        #expect(order == Self.reference(keys))
        #expect(Array(order.prefix(3)) == [0, 3, 6])
    }
}
