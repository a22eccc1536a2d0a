/// Tests on eight bytes at once (one 64-bit word), for the JSON loops that copy long runs
/// of text in which a few bytes need attention: a run of plain bytes is skipped eight at a
/// time instead of one. Each test says exactly whether such a byte is among the eight.
enum WordOfBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `p`, in memory order from the low byte (any alignment).
    @inline(__always)
    static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// Whether a byte of `w` is below 0x20 (a control character).
    @inline(__always)
    static func hasControl(_ w: UInt64) -> Bool {
        controlBytes(w) != 0
    }

    /// Whether a byte of `w` equals `byte`.
    @inline(__always)
    static func has(_ w: UInt64, _ byte: UInt8) -> Bool {
        bytes(w, equalTo: byte) != 0
    }

    /// The high bit set in the bytes of `w` below 0x20. Zero exactly when there is none; a
    /// byte above a flagged one may be flagged wrongly (a borrow), the lowest never is.
    @inline(__always)
    static func controlBytes(_ w: UInt64) -> UInt64 {
        (w &- ones &* 0x20) & ~w & highs
    }

    /// The high bit set in the bytes of `w` equal to `byte`, exact as `controlBytes` is.
    @inline(__always)
    static func bytes(_ w: UInt64, equalTo byte: UInt8) -> UInt64 {
        let x = w ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// The high bit set in the bytes of `w` from 0x80 (those of a UTF-8 sequence beyond ASCII).
    @inline(__always)
    static func highBytes(_ w: UInt64) -> UInt64 {
        w & highs
    }

    /// The position (0 to 7, in memory order) of the lowest flagged byte of a non-zero mask
    /// made by the tests above, or of several of them or'ed together: that byte is a true hit.
    @inline(__always)
    static func firstFlagged(_ mask: UInt64) -> Int {
        mask.trailingZeroBitCount &>> 3
    }
}
