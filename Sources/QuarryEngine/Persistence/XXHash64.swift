/// XXH64, the 64-bit xxHash of Yann Collet: the checksum of every section of a graph file and of
/// every journal record. Fast enough (several GB/s) that checking a whole file on open costs
/// little next to reading it.
package enum XXHash64 {
    static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always)
    static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        (acc &+ input &* prime2).rotatedLeft(31) &* prime1
    }

    @inline(__always)
    static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
        (acc ^ round(0, value)) &* prime1 &+ prime4
    }

    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let n = bytes.count
        var p = 0
        var h: UInt64
        func word(_ at: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        if n >= 32 {
            var v1 = seed &+ prime1 &+ prime2, v2 = seed &+ prime2, v3 = seed, v4 = seed &- prime1
            while p + 32 <= n {
                v1 = round(v1, word(p))
                v2 = round(v2, word(p + 8))
                v3 = round(v3, word(p + 16))
                v4 = round(v4, word(p + 24))
                p += 32
            }
            h = v1.rotatedLeft(1) &+ v2.rotatedLeft(7) &+ v3.rotatedLeft(12) &+ v4.rotatedLeft(18)
            h = merge(merge(merge(merge(h, v1), v2), v3), v4)
        } else {
            h = seed &+ prime5
        }
        h = h &+ UInt64(n)
        while p + 8 <= n {
            h = (h ^ round(0, word(p))).rotatedLeft(27) &* prime1 &+ prime4
            p += 8
        }
        if p + 4 <= n {
            let w = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: p, as: UInt32.self)))
            h = (h ^ (w &* prime1)).rotatedLeft(23) &* prime2 &+ prime3
            p += 4
        }
        while p < n {
            h = (h ^ (UInt64(bytes[p]) &* prime5)).rotatedLeft(11) &* prime1
            p += 1
        }
        h ^= h >> 33
        h = h &* prime2
        h ^= h >> 29
        h = h &* prime3
        h ^= h >> 32
        return h
    }

    package static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }
}

extension UInt64 {
    @inline(__always)
    func rotatedLeft(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
