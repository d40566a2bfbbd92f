import Foundation

enum AggregateFunction: String, Sendable {
    case count, countStar, sum, avg, min, max, collect, stDev, stDevP, percentileDisc, percentileCont

    init?(name: String) {
        switch name.lowercased() {
        case "count": self = .count
        case "sum": self = .sum
        case "avg": self = .avg
        case "min": self = .min
        case "max": self = .max
        case "collect": self = .collect
        case "stdev": self = .stDev
        case "stdevp": self = .stDevP
        case "percentiledisc": self = .percentileDisc
        case "percentilecont": self = .percentileCont
        default: return nil
        }
    }
}

/// The running state of one aggregate for one group.
struct Accumulator {
    let function: AggregateFunction
    var count = 0
    var intSum: Int64 = 0
    var floatSum = 0.0
    var sawFloat = false
    var values: [Value] = []
    var best: Value?
    var percentile: Double?

    init(_ function: AggregateFunction) { self.function = function }

    /// Room for `n` more values in the list `collect()` makes, when that many are known to come.
    mutating func reserve(_ n: Int) throws(QueryError) {
        guard function == .collect, values.capacity < values.count + n else { return }
        try MemoryGuard.reserve(n * MemoryLayout<Value>.stride, at: nil)
        values.reserveCapacity(values.count + n)
    }

    /// An integer that is not null: counts, sums and averages take it without a `Value`, a
    /// minimum or maximum compares it with an integer as an integer.
    @inline(__always)
    mutating func add(integer i: Int64) throws(QueryError) {
        switch function {
        case .count, .countStar: count += 1
        case .sum, .avg:
            count += 1
            try addToSum(i)
        case .min, .max:
            // Against an integer, compared as integers (as `orderCompare` compares them).
            guard case .int(let b)? = best else { return try addValue(.int(i), percentile: nil) }
            if function == .min ? i < b : i > b { best = .int(i) }
        default: try addValue(.int(i), percentile: nil)
        }
    }

    @inline(__always)
    private mutating func addToSum(_ i: Int64) throws(QueryError) {
        if sawFloat {
            floatSum += Double(i)
            return
        }
        let (s, o) = intSum.addingReportingOverflow(i)
        if !o {
            intSum = s
        } else if function == .avg {
            sawFloat = true
            floatSum = Double(intSum) + Double(i)
        } else {
            throw .overflow("sum()")
        }
    }

    /// Floats (none null) for `sum` or `avg`, as `add` would take them one by one.
    mutating func add(floats xs: [Double]) {
        guard !xs.isEmpty else { return }
        if !sawFloat {
            sawFloat = true
            floatSum = Double(intSum)
        }
        for x in xs { floatSum += x }
        count += xs.count
    }

    /// `count(*)` (or a count of a value known not to be null) over `n` more rows.
    mutating func add(count n: Int) { count += n }

    mutating func add(_ v: Value, percentile p: Value?) throws(QueryError) {
        if function == .countStar {
            count += 1
            return
        }
        if case .int(let i) = v {
            switch function {
            case .count, .sum, .avg, .min, .max: return try add(integer: i)
            default: break
            }
        }
        try addValue(v, percentile: p)
    }

    /// `n` values for `collect()`, `value(0)` to `value(n - 1)` (nulls left out, as `add` leaves
    /// them), with room looked for once.
    mutating func collect(_ n: Int, _ value: (Int) -> Value) throws(QueryError) {
        guard values.isEmpty, function == .collect else {
            try reserve(n)
            for k in 0..<n {
                let v = value(k)
                if !v.isNull { values.append(v) }
            }
            return
        }
        // A group's whole list at once (an expansion's batch): written in place, with no check
        // of room per value.
        try MemoryGuard.reserve(n * MemoryLayout<Value>.stride, at: nil)
        values = Array(unsafeUninitializedCapacity: n) { buffer, count in
            for k in 0..<n {
                let v = value(k)
                if !v.isNull {
                    buffer.initializeElement(at: count, to: v)
                    count += 1
                }
            }
        }
    }

    private mutating func addValue(_ v: Value, percentile p: Value?) throws(QueryError) {
        if v.isNull { return }
        switch function {
        case .count, .countStar:
            count += 1
        case .sum, .avg:
            count += 1
            switch v {
            case .int(let i):
                try addToSum(i)
            case .float(let d):
                if !sawFloat {
                    sawFloat = true
                    floatSum = Double(intSum)
                }
                floatSum += d
            default:
                throw .typeMismatch("\(function.rawValue)() takes numbers", got: v)
            }
        case .min:
            if best == nil || Value.orderCompare(v, best!) < 0 { best = v }
        case .max:
            if best == nil || Value.orderCompare(v, best!) > 0 { best = v }
        case .collect:
            // The list doubles when full: look first whether the process has room for that.
            if values.count == values.capacity { try MemoryGuard.reserve(values.count * 2 * MemoryLayout<Value>.stride, at: nil) }
            values.append(v)
        case .stDev, .stDevP, .percentileDisc, .percentileCont:
            switch v {
            case .int, .float: values.append(v)
            default: throw .typeMismatch("\(function.rawValue)() takes numbers", got: v)
            }
            if function == .percentileDisc || function == .percentileCont, percentile == nil {
                switch p {
                case .int(let i)?: percentile = Double(i)
                case .float(let d)?: percentile = d
                case let other?: throw .typeMismatch("the percentile must be a number", got: other)
                case nil: percentile = 0
                }
                if !(0...1).contains(percentile!) {
                    throw .numberOutOfRange("the percentile must lie between 0.0 and 1.0")
                }
            }
        }
    }

    var result: Value {
        switch function {
        case .count, .countStar: return .int(Int64(count))
        case .sum: return sawFloat ? .float(floatSum) : .int(intSum)
        case .avg:
            guard count > 0 else { return .null }
            return .float((sawFloat ? floatSum : Double(intSum)) / Double(count))
        case .min, .max: return best ?? .null
        case .collect: return .list(values)
        case .stDev, .stDevP:
            let xs = values.map(\.doubleValue)
            let n = Double(xs.count)
            guard xs.count > (function == .stDev ? 1 : 0) else { return .float(0) }
            let mean = xs.reduce(0, +) / n
            let ss = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            return .float((ss / (function == .stDev ? n - 1 : n)).squareRoot())
        case .percentileDisc, .percentileCont:
            guard !values.isEmpty else { return .null }
            let sorted = values.sorted { Value.orderCompare($0, $1) < 0 }
            let p = percentile ?? 0
            if function == .percentileDisc {
                let idx = p == 0 ? 0 : Int((p * Double(sorted.count)).rounded(.up)) - 1
                return sorted[Swift.max(0, Swift.min(sorted.count - 1, idx))]
            }
            let pos = p * Double(sorted.count - 1)
            let lo = Int(pos.rounded(.down)), hi = Int(pos.rounded(.up))
            let frac = pos - Double(lo)
            return .float(sorted[lo].doubleValue + (sorted[hi].doubleValue - sorted[lo].doubleValue) * frac)
        }
    }
}

extension Value {
    var doubleValue: Double {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return .nan
        }
    }
}

/// A run of integers for one group's counts, sums, min and max (`AggregateOperator`'s one
/// group): counted, summed and compared once each, then given to each accumulator at once.
struct IntegerRun {
    private(set) var count = 0
    private(set) var sum: Int64 = 0
    private(set) var least = Int64.max
    private(set) var greatest = Int64.min

    /// False, with the run left as it was, when the sum would overflow (the value then goes to
    /// the accumulators, where `sum()` reports it).
    @inline(__always)
    mutating func add(_ x: Int64) -> Bool {
        let (s, overflow) = sum.addingReportingOverflow(x)
        if overflow { return false }
        sum = s
        count += 1
        least = Swift.min(least, x)
        greatest = Swift.max(greatest, x)
        return true
    }

    /// Every one of `functions` can take a run.
    static func suits(_ functions: [AggregateFunction]) -> Bool {
        functions.allSatisfy { [.count, .countStar, .sum, .min, .max].contains($0) }
    }
}

extension Accumulator {
    /// The run, given to an accumulator that has taken nothing yet (as if each integer came in turn).
    mutating func take(_ run: IntegerRun) {
        guard run.count > 0 else { return }
        switch function {
        case .count, .countStar: count += run.count
        case .sum:
            count += run.count
            intSum = run.sum
        case .min: best = .int(run.least)
        case .max: best = .int(run.greatest)
        default: break
        }
    }
}
