/// One self-contained HTML page for a batch of documents: inline CSS, no script, no
/// network. Each entity is a `<mark class="e TYPE">` coloured by type, with its type
/// drawn after it and its value in the `title` (shown on hover); a legend heads the page.
public enum HTMLFormat {
    public static func page(_ documents: [AnnotatedDocument], title: String = "Balise") -> String {
        var counts: [EntityType: Int] = [:]
        for doc in documents { for e in doc.entities { counts[e.type, default: 0] += 1 } }
        var out = """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <header>
            <h1>\(escape(title))</h1>
            <p class="summary">\(documents.count) document\(documents.count == 1 ? "" : "s"), \(documents.reduce(0) { $0 + $1.entities.count }) entities. Hover over an entity to see its value.</p>
            <ul class="legend">

            """
        for type in EntityType.allCases {
            out += "<li><mark class=\"e \(type.rawValue)\" data-type=\"\(type.rawValue)\">\(legendName(type))</mark> \(counts[type] ?? 0)</li>\n"
        }
        out += "</ul>\n</header>\n"
        for doc in documents {
            out += "<article id=\"\(escape("doc-" + doc.id))\">\n<h2>\(escape(doc.id))</h2>\n"
            out += "<p class=\"meta\">\(doc.document.date.map { "date " + $0.description } ?? "no date") · \(doc.entities.count) entities</p>\n"
            out += "<div class=\"text\">" + body(doc) + "</div>\n</article>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// The text with its entities marked; an entity that overlaps an earlier one is left out.
    static func body(_ doc: AnnotatedDocument) -> String {
        let scalars = Array(doc.text.unicodeScalars)
        let entities = doc.entities.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var out = ""
        var position = 0
        func text(_ range: Range<Int>) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[range])
            return escape(String(s))
        }
        for e in entities where e.start >= position && e.end <= scalars.count {
            out += text(position..<e.start)
            var tip = e.type.rawValue
            if let value = e.value { tip += ": " + ValueNotation.format(value, separator: " ") }
            out += "<mark class=\"e \(e.type.rawValue)\" data-type=\"\(e.type.rawValue)\" title=\"\(escape(tip))\">" + text(e.start..<e.end) + "</mark>"
            position = e.end
        }
        out += text(position..<scalars.count)
        return out
    }

    static func legendName(_ type: EntityType) -> String {
        switch type {
        case .person: return "person"
        case .organization: return "organization"
        case .location: return "location"
        case .money: return "money"
        case .date: return "date"
        }
    }

    /// Escapes for text and for double-quoted attributes.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static let style: String = {
        var css = """
            body { font-family: Georgia, "DejaVu Serif", serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; background: #fff; }
            header { border-bottom: 1px solid #ccc; margin-bottom: 1.5em; }
            h1 { font-family: sans-serif; font-size: 1.4em; }
            h2 { font-family: sans-serif; font-size: 1.1em; margin-bottom: 0.2em; }
            .summary, .meta { font-family: sans-serif; font-size: 0.85em; color: #666; margin-top: 0; }
            .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1em; font-family: sans-serif; font-size: 0.9em; }
            .text { white-space: pre-wrap; line-height: 2; }
            article { border-bottom: 1px solid #eee; padding-bottom: 1em; }
            mark.e { padding: 0.1em 0.25em; border-radius: 0.3em; color: inherit; }
            mark.e::after { content: attr(data-type); font-family: sans-serif; font-size: 0.6em; font-weight: bold; margin-left: 0.35em; vertical-align: middle; opacity: 0.7; }
            mark.e:hover { outline: 2px solid #555; }
            """
        for type in EntityType.allCases {
            css += "\nmark.\(type.rawValue) { background: \(Palette.colour(type)); }"
        }
        return css
    }()
}
