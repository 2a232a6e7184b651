import Foundation
import GleanCore
import GleanPipeline
import GleanRunState
import GleanStages

/// Draws one progress line per stage on a terminal's stderr (done of total, rate, time left),
/// redrawn in place.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var drawn = 0
    private var firstSeen: [String: (time: Double, done: Int)] = [:]

    /// True when stderr is a terminal (no progress line otherwise).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    func update(_ stages: [StageProgress]) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date().timeIntervalSince1970
        var out = drawn > 0 ? "\u{1B}[\(drawn)A" : ""
        let width = stages.map(\.id.count).max() ?? 0
        var lines = 0
        for stage in stages where stage.total > 0 {
            if firstSeen[stage.id] == nil { firstSeen[stage.id] = (now, stage.done) }
            let start = firstSeen[stage.id] ?? (now, 0)
            let elapsed = now - start.time
            let rate = elapsed > 0.2 ? Double(stage.done - start.done) / elapsed : 0
            var line = "  " + stage.id.padding(toLength: width, withPad: " ", startingAt: 0)
            line += "  \(stage.done)/\(stage.total)"
            if stage.done >= stage.total {
                line += "  done"
            } else if rate > 0 {
                let left = Int((Double(stage.total - stage.done) / rate).rounded(.up))
                line += String(format: "  %.1f doc/s  %d:%02d left", rate, left / 60, left % 60)
            }
            out += "\u{1B}[2K" + line + "\n"
            lines += 1
        }
        // Clear lines left over from a longer drawing.
        if lines < drawn {
            for _ in lines..<drawn { out += "\u{1B}[2K\n" }
            out += "\u{1B}[\(drawn - lines)A"
        }
        drawn = lines
        FileHandle.standardError.write(Data(out.utf8))
    }

    /// Erases the lines drawn.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        guard drawn > 0 else { return }
        var out = "\u{1B}[\(drawn)A"
        for _ in 0..<drawn { out += "\u{1B}[2K\n" }
        out += "\u{1B}[\(drawn)A"
        drawn = 0
        FileHandle.standardError.write(Data(out.utf8))
    }
}
