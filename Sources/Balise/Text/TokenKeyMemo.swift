/// What the tokenizer derives from a token's units alone — its folded key, its shape flags
/// (`WordShape`), its vocabulary id and the gazetteer's first step along that id
/// (`Gazetteer.rootRecord`, which `LexiconMatchIndex` would otherwise look up again for
/// every token) — remembered by the units themselves, so that a
/// word seen before (most words of running text: `de`, `la`, `Paris`, `gouvernement`)
/// skips both the folding and the vocabulary look-up. Those two cost about 240
/// instructions per word; a hit here costs a hash, a compare and a copy.
///
/// Direct-mapped, one 64-byte entry (one cache line) per slot, for tokens of at most
/// `maxLength` units whose key also fits in `maxLength` units. Owned by one tokenizer (one
/// thread), for one vocabulary.
final class TokenKeyMemo {
    private struct Entry {
        /// The token's units, zero-padded.
        var units: (UInt64, UInt64, UInt64) = (0, 0, 0)
        /// The folded key, zero-padded.
        var key: (UInt64, UInt64, UInt64) = (0, 0, 0)
        /// `tag(length:shaped:)` of the token; 0 for an empty slot.
        var tag: UInt32 = 0
        var id: Int32 = 0
        var keyLength: UInt16 = 0
        var shape: UInt16 = 0
        /// `Gazetteer.rootRecord(id)` (the entry's last four bytes of the cache line).
        var root: Int32 = 0
    }

    /// A token of one unit (a quarter of all tokens: punctuation, `à`, `a`, `y`), kept in a
    /// plain table by unit (and shape kind) that stays in the first cache level, rather
    /// than hashed into `entries`.
    private struct Single {
        /// The folded unit; 0 for an empty entry.
        var key: UInt16 = 0
        var shape: UInt16 = 0
        var id: Int32 = 0
        var root: Int32 = 0
    }

    private static let singleLimit = 0x300
    private let singles: UnsafeMutablePointer<Single>

    @inline(__always)
    private static func singleIndex(_ unit: UInt16, _ shaped: Bool) -> Int {
        2 * Int(unit) + (shaped ? 1 : 0)
    }

    /// Three 64-bit words of units, for the token and for its key.
    static let maxLength = 12
    /// 2^15 entries (2 MB): fewer words pushed out by others than with 2^14.
    static let fullSizeBits = 15
    private let entries: UnsafeMutablePointer<Entry>
    /// How far a hash is shifted to index `entries`: 64 minus the bits of their count.
    private let shift: UInt64

    /// `sizeBits` gives 2^sizeBits entries: a tokenizer without a vocabulary never asks its
    /// memo and takes a token one, so that start-up does not clear megabytes for nothing.
    init(sizeBits: Int = TokenKeyMemo.fullSizeBits) {
        precondition((1...24).contains(sizeBits))
        shift = UInt64(64 - sizeBits)
        let count = 1 << sizeBits
        entries = CacheLineTable.allocate(count, repeating: Entry())
        singles = .allocate(capacity: 2 * TokenKeyMemo.singleLimit)
        singles.initialize(repeating: Single(), count: 2 * TokenKeyMemo.singleLimit)
        masks = .allocate(capacity: 3 * (TokenKeyMemo.maxLength + 1))
        for length in 0...TokenKeyMemo.maxLength {
            for word in 0..<3 {
                let kept = min(max(16 * length - 64 * word, 0), 64)
                masks[3 * length + word] = kept == 64 ? ~0 : (1 << UInt64(kept)) - 1
            }
        }
    }

    deinit {
        CacheLineTable.deallocate(entries)
        masks.deallocate()
        singles.deallocate()
    }

    /// The token's length and whether its shape is read (words and ordinals: the same
    /// units as a number or a symbol would get no shape flags).
    @inline(__always)
    private static func tag(length: Int, shaped: Bool) -> UInt32 {
        UInt32(truncatingIfNeeded: length) | (shaped ? 0x100 : 0)
    }

    /// Per length from 0 to `maxLength`, the masks that keep a key's units in its three
    /// words (computing them per look-up cost a third of a hit).
    private let masks: UnsafeMutablePointer<UInt64>

    /// `count` units at `base`, zero-padded to three words; `base` must be followed by at
    /// least `maxLength` readable units.
    @inline(__always)
    private func packed(_ base: UnsafePointer<UInt16>, _ count: Int) -> (UInt64, UInt64, UInt64) {
        let raw = UnsafeRawPointer(base)
        let mask = masks + 3 * count
        return (raw.loadUnaligned(as: UInt64.self) & mask[0],
                raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & mask[1],
                raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) & mask[2])
    }

    @inline(__always)
    private func slot(_ units: (UInt64, UInt64, UInt64), _ tag: UInt32) -> UnsafeMutablePointer<Entry> {
        let mixed = (units.0 &* 0x9E37_79B9_7F4A_7C15) ^ (units.1 &* 0xC2B2_AE3D_27D4_EB4F)
            ^ ((units.2 ^ UInt64(tag)) &* 0x1656_67B1_9E37_79F9)
        return entries + Int(truncatingIfNeeded: mixed >> shift)
    }

    /// Whether the token of `length` units at `units` (1 to `maxLength`, followed by at least
    /// `maxLength` readable units) is remembered; if so its key is written at `key` (which
    /// must have `maxLength` writable units: the whole padded key is stored) and its key
    /// length, shape flags, id and root record are returned.
    @inline(__always)
    func find(_ units: UnsafePointer<UInt16>, _ length: Int, shaped: Bool,
              key: UnsafeMutablePointer<UInt16>) -> (keyLength: Int, shape: Token.Flags, id: Int32, root: Int32)? {
        if length == 1 && Int(units[0]) < TokenKeyMemo.singleLimit {
            let single = singles[TokenKeyMemo.singleIndex(units[0], shaped)]
            guard single.key != 0 else { return nil }
            key[0] = single.key
            return (1, Token.Flags(rawValue: single.shape), single.id, single.root)
        }
        let packed = self.packed(units, length)
        let tag = TokenKeyMemo.tag(length: length, shaped: shaped)
        let entry = slot(packed, tag)
        guard entry.pointee.tag == tag, entry.pointee.units.0 == packed.0, entry.pointee.units.1 == packed.1,
              entry.pointee.units.2 == packed.2 else { return nil }
        let target = UnsafeMutableRawPointer(key)
        target.storeBytes(of: entry.pointee.key.0, as: UInt64.self)
        target.storeBytes(of: entry.pointee.key.1, toByteOffset: 8, as: UInt64.self)
        target.storeBytes(of: entry.pointee.key.2, toByteOffset: 16, as: UInt64.self)
        return (Int(entry.pointee.keyLength), Token.Flags(rawValue: entry.pointee.shape), entry.pointee.id,
                entry.pointee.root)
    }

    /// Remembers a token (same bounds as `find`) with its key (at most `maxLength` units,
    /// followed by at least `maxLength` readable units), shape flags, id and root record.
    @inline(__always)
    func remember(_ units: UnsafePointer<UInt16>, _ length: Int, shaped: Bool,
                  key: UnsafePointer<UInt16>, keyLength: Int, shape: Token.Flags, id: Int32, root: Int32) {
        if length == 1 && Int(units[0]) < TokenKeyMemo.singleLimit {
            // A unit whose key is 0 or two units long (`œ`) is never found: `find` takes
            // a zero key for an empty entry.
            if keyLength == 1 {
                singles[TokenKeyMemo.singleIndex(units[0], shaped)] = Single(key: key[0], shape: shape.rawValue, id: id, root: root)
            }
            return
        }
        let packed = self.packed(units, length)
        let tag = TokenKeyMemo.tag(length: length, shaped: shaped)
        slot(packed, tag).pointee = Entry(units: packed, key: self.packed(key, keyLength), tag: tag, id: id,
                                          keyLength: UInt16(keyLength), shape: shape.rawValue, root: root)
    }
}
