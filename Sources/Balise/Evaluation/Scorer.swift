/// Precision, recall and F1 from counts; 0 where a denominator is 0 (conlleval, seqeval).
public struct PRF: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var f1: Double

    public init(truePositives tp: Int, predicted: Int, gold: Int) {
        let fp = predicted - tp, fn = gold - tp
        precision = tp + fp != 0 ? Double(tp) / Double(tp + fp) : 0
        recall = tp + fn != 0 ? Double(tp) / Double(tp + fn) : 0
        f1 = precision + recall != 0 ? 2 * precision * recall / (precision + recall) : 0
    }
}

/// The counts of one type (or of all types together).
public struct TypeCounts: Sendable, Equatable {
    /// Distinct gold spans (start, end, type).
    public var gold = 0
    /// Distinct predicted spans.
    public var predicted = 0
    /// Gold spans predicted with the same start, end and type.
    public var strictMatches = 0
    /// Gold entities matched to an overlapping prediction of the same type, each
    /// prediction used once, greedily in gold order.
    public var partialMatches = 0
    /// Strict matches that carry a value (MONEY and DATE) and those whose value is right.
    public var valued = 0
    public var correctValues = 0

    public var strict: PRF { PRF(truePositives: strictMatches, predicted: predicted, gold: gold) }
    public var partial: PRF { PRF(truePositives: partialMatches, predicted: predicted, gold: gold) }
    /// Share of right values among valued strict matches; nil without any.
    public var valueAccuracy: Double? { valued > 0 ? Double(correctValues) / Double(valued) : nil }

    static func + (a: TypeCounts, b: TypeCounts) -> TypeCounts {
        var s = a
        s.gold += b.gold; s.predicted += b.predicted
        s.strictMatches += b.strictMatches; s.partialMatches += b.partialMatches
        s.valued += b.valued; s.correctValues += b.correctValues
        return s
    }
}

/// One false positive, false negative or wrong value, with what is needed to show it.
public struct ScoringError: Sendable {
    public enum Kind: String, Sendable {
        case missed = "FN"
        case spurious = "FP"
        case wrongValue = "VALUE"
    }
    public var kind: Kind
    public var documentID: String
    public var entity: Entity
    /// For a wrong value, the prediction's entity (its value).
    public var predicted: Entity?
    public var context: String
}

/// The evaluation of predicted documents against gold ones. The figures follow
/// `/work/shared/tools/score.py`: strict = same start, end and type (spans counted once
/// per document); partial = overlap and same type, each entity used once, greedy in gold
/// order then prediction order; value accuracy among strict MONEY/DATE matches. Gold
/// documents without a prediction count as all missed; predicted documents absent from
/// the gold are left out.
public struct Evaluation: Sendable {
    public var types: [EntityType]
    public var counts: [EntityType: TypeCounts]
    public var overall: TypeCounts
    /// `confusion[gold][predicted]`: gold spans and the type predicted on exactly the
    /// same span; a nil key stands for no prediction (a gold column) or no gold (a row).
    public var confusion: [EntityType?: [EntityType?: Int]]
    /// Misses, spurious entities and wrong values, by document then position.
    public var errors: [ScoringError]
    /// Gold documents that have no prediction.
    public var missingDocuments: [String]
    /// Predicted documents that are not in the gold (not scored).
    public var extraDocuments: [String]
    /// Documents whose text differs between gold and prediction (offsets then compare
    /// positions in different texts).
    public var differentTexts: [String]

    public init(gold: [AnnotatedDocument], predicted: [AnnotatedDocument], types: [EntityType] = EntityType.allCases) {
        self.types = types
        let wanted = Set(types)
        var goldByID: [String: AnnotatedDocument] = [:]
        var order: [String] = []
        for d in gold {
            if goldByID.updateValue(d, forKey: d.id) == nil { order.append(d.id) }
        }
        var predByID: [String: AnnotatedDocument] = [:]
        var predOrder: [String] = []
        for d in predicted {
            if predByID.updateValue(d, forKey: d.id) == nil { predOrder.append(d.id) }
        }
        var counts: [EntityType: TypeCounts] = [:]
        for t in types { counts[t] = TypeCounts() }
        var confusion: [EntityType?: [EntityType?: Int]] = [:]
        var errors: [ScoringError] = []
        var differentTexts: [String] = []

        for id in order {
            let g = goldByID[id]!
            let p = predByID[id]
            if let p, p.text != g.text { differentTexts.append(id) }
            let gents = g.entities.filter { wanted.contains($0.type) }
            let pents = (p?.entities ?? []).filter { wanted.contains($0.type) }
            let firstError = errors.count
            defer { errors[firstError...].sort { ($0.entity.start, $0.entity.end, $0.kind.rawValue) < ($1.entity.start, $1.entity.end, $1.kind.rawValue) } }
            let gkeys = SpanTable(gents)
            let pkeys = SpanTable(pents)
            for key in gkeys.keys { counts[key.type]!.gold += 1 }
            for key in pkeys.keys { counts[key.type]!.predicted += 1 }

            for key in gkeys.keys {
                let ge = gkeys.entity[key]!
                if let pe = pkeys.entity[key] {
                    counts[key.type]!.strictMatches += 1
                    if key.type == .money || key.type == .date {
                        counts[key.type]!.valued += 1
                        if ValueKey(ge.value, type: key.type) == ValueKey(pe.value, type: key.type) {
                            counts[key.type]!.correctValues += 1
                        } else {
                            errors.append(ScoringError(kind: .wrongValue, documentID: id, entity: ge, predicted: pe, context: Context.around(ge, in: g.text)))
                        }
                    }
                } else {
                    errors.append(ScoringError(kind: .missed, documentID: id, entity: ge, context: Context.around(ge, in: g.text)))
                }
            }
            for key in pkeys.keys where gkeys.entity[key] == nil {
                let pe = pkeys.entity[key]!
                errors.append(ScoringError(kind: .spurious, documentID: id, entity: pe, context: Context.around(pe, in: p!.text)))
            }

            var used = [Bool](repeating: false, count: pents.count)
            for ge in gents {
                for (j, pe) in pents.enumerated() where !used[j] && pe.type == ge.type {
                    if pe.start < ge.end && ge.start < pe.end {
                        used[j] = true
                        counts[ge.type]!.partialMatches += 1
                        break
                    }
                }
            }

            // Same span, any type: the confusion table.
            var predTypesBySpan: [Span: [EntityType]] = [:]
            for key in pkeys.keys { predTypesBySpan[Span(start: key.start, end: key.end), default: []].append(key.type) }
            var goldSpans = Set<Span>()
            for key in gkeys.keys {
                let span = Span(start: key.start, end: key.end)
                goldSpans.insert(span)
                let onSpan = predTypesBySpan[span] ?? []
                let column: EntityType? = onSpan.contains(key.type) ? key.type : onSpan.min()
                confusion[key.type, default: [:]][column, default: 0] += 1
            }
            for key in pkeys.keys where !goldSpans.contains(Span(start: key.start, end: key.end)) {
                confusion[nil, default: [:]][key.type, default: 0] += 1
            }
        }

        self.counts = counts
        self.overall = types.reduce(TypeCounts()) { $0 + counts[$1]! }
        self.confusion = confusion
        self.errors = errors
        self.missingDocuments = order.filter { predByID[$0] == nil }
        self.extraDocuments = predOrder.filter { goldByID[$0] == nil }
        self.differentTexts = differentTexts
    }
}

struct Span: Hashable {
    var start: Int
    var end: Int
}

struct SpanKey: Hashable {
    var start: Int
    var end: Int
    var type: EntityType
}

/// Entities by (start, end, type): a repeated key counts once, the last entity wins
/// (as a Python dict built from the list).
struct SpanTable {
    var keys: [SpanKey] = []
    var entity: [SpanKey: Entity] = [:]

    init(_ entities: [Entity]) {
        for e in entities {
            let key = SpanKey(start: e.start, end: e.end, type: e.type)
            if entity.updateValue(e, forKey: key) == nil { keys.append(key) }
        }
    }
}

/// A few words around an entity, the entity between `[[` and `]]`, on one line.
enum Context {
    static func around(_ e: Entity, in text: String, words: Int = 6) -> String {
        let scalars = Array(text.unicodeScalars)
        guard e.start >= 0, e.end <= scalars.count, e.start < e.end else { return e.text }
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
        var left = e.start, seen = 0
        while left > 0 {
            if isSpace(scalars[left - 1]) && left < e.start && !isSpace(scalars[left]) {
                seen += 1
                if seen == words { break }
            }
            left -= 1
        }
        var right = e.end
        seen = 0
        while right < scalars.count {
            if isSpace(scalars[right]) && right > e.end && !isSpace(scalars[right - 1]) {
                seen += 1
                if seen == words { break }
            }
            right += 1
        }
        func flat(_ range: Range<Int>) -> String {
            var s = String.UnicodeScalarView()
            for c in scalars[range] { s.append(isSpace(c) ? " " : c) }
            return String(s)
        }
        return (left > 0 ? "…" : "") + flat(left..<e.start) + "[[" + flat(e.start..<e.end) + "]]" + flat(e.end..<right) + (right < scalars.count ? "…" : "")
    }
}
