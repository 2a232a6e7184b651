import Foundation
import GleanCore
import GleanPipeline
import GleanRunState
import GleanStages
import Synchronization

/// Draws one progress line per stage on a terminal's stderr (done of total, rate, time left),
/// redrawn in place.
final class ProgressLine: Sendable {
    private struct Drawing {
        /// Lines on screen.
        var drawn = 0
        /// When each stage was first seen, and its count then (for the rate).
        var firstSeen: [String: (time: Double, done: Int)] = [:]
    }

    private let drawing = Mutex(Drawing())

    /// True when stderr is a terminal (no progress line otherwise).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    func update(_ stages: [StageProgress]) {
        drawing.withLock { d in draw(stages, &d) }
    }

    private func draw(_ stages: [StageProgress], _ d: inout Drawing) {
        let now = Date().timeIntervalSince1970
        var out = d.drawn > 0 ? "\u{1B}[\(d.drawn)A" : ""
        let width = stages.map(\.id.count).max() ?? 0
        var lines = 0
        for stage in stages where stage.total > 0 {
            if d.firstSeen[stage.id] == nil { d.firstSeen[stage.id] = (now, stage.done) }
            let start = d.firstSeen[stage.id] ?? (now, 0)
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
        if lines < d.drawn {
            for _ in lines..<d.drawn { out += "\u{1B}[2K\n" }
            out += "\u{1B}[\(d.drawn - lines)A"
        }
        d.drawn = lines
        FileHandle.standardError.write(Data(out.utf8))
    }

    /// Erases the lines drawn.
    func clear() {
        drawing.withLock { d in
            guard d.drawn > 0 else { return }
            var out = "\u{1B}[\(d.drawn)A"
            for _ in 0..<d.drawn { out += "\u{1B}[2K\n" }
            out += "\u{1B}[\(d.drawn)A"
            d.drawn = 0
            FileHandle.standardError.write(Data(out.utf8))
        }
    }
}
