import QuarryEngine

/// The seeded generator randomised tests use: the engine's, so that they repeat exactly from their seed.
public typealias SplitMix64 = SeededRandom
