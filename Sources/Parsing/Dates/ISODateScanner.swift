/// Reads W3C-DTF / ISO 8601 / RFC 3339 dates: `2026-11-03`, `2026-11-03T09:15Z`,
/// `2026-11-03 09:15:30.25+01:00`, `20261103T091500+0100`.
struct ISODateScanner {
    private let b: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) { b = bytes }

    mutating func scan() -> FeedDate.Fields? {
        guard let year = digits(4) else { return nil }
        var f = FeedDate.Fields(year: year, month: 1, day: 1)
        if atEnd { return f }
        let extended = accept("-")
        guard let month = digits(2) else { return nil }
        f.month = month
        if atEnd { return f }
        if extended {
            guard accept("-") else { return nil }
        }
        guard let day = digits(2) else { return nil }
        f.day = day
        if atEnd { return f }
        guard accept("T") || accept("t") || accept(" ") else { return nil }
        while accept(" ") {}
        guard let hour = digits(2) ?? digits(1) else { return nil }
        f.hour = hour
        f.hasTime = true
        _ = accept(":")
        guard let minute = digits(2) else { return nil }
        f.minute = minute
        if accept(":") || (i < b.count && FeedDate.isDigit(b[i])) {
            guard let second = digits(2) else { return nil }
            f.second = second
            if accept(".") || accept(",") {
                var scale = 0.1
                var frac = 0.0
                var any = false
                while i < b.count, FeedDate.isDigit(b[i]) {
                    if scale > 1e-9 { frac += Double(b[i] - 48) * scale }
                    scale /= 10
                    i += 1
                    any = true
                }
                guard any else { return nil }
                f.fraction = frac
            }
        }
        while accept(" ") {}
        if atEnd { return f }
        if accept("Z") || accept("z") {
            f.offset = 0
        } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let h = digits(2) else { return nil }
            var m = 0
            if accept(":") {
                guard let mm = digits(2) else { return nil }
                m = mm
            } else if let mm = digits(2) {
                m = mm
            }
            f.offset = sign * (h * 3600 + m * 60)
        } else {
            // A trailing zone name such as `UTC` or `CEST`, as some generators write it.
            let name = String(decoding: b[i...], as: UTF8.self)
            guard let offset = RFC822DateScanner.zoneOffset(name) else { return nil }
            f.offset = offset
            i = b.count
        }
        while accept(" ") {}
        return atEnd ? f : nil
    }

    private var atEnd: Bool { i >= b.count }

    private mutating func accept(_ c: Unicode.Scalar) -> Bool {
        guard i < b.count, b[i] == UInt8(ascii: c) else { return false }
        i += 1
        return true
    }

    private mutating func digits(_ n: Int) -> Int? {
        guard i + n <= b.count else { return nil }
        var v = 0
        for k in i..<i + n {
            guard FeedDate.isDigit(b[k]) else { return nil }
            v = v * 10 + Int(b[k] - 48)
        }
        i += n
        return v
    }
}
