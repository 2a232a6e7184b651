import Foundation

/// Writes a run folder's report: `OUT/report.html` unless told otherwise, replaced in one
/// rename so a browser never opens half a file.
public enum ReportWriter {
    /// The report's file name in the output folder (a run never lists it as an input).
    public static let fileName = "report.html"

    /// Reads `out` and writes its report to `path` (default `out/report.html`); returns the path.
    @discardableResult
    public static func write(out: String, to path: String? = nil, collector: ReportCollector = ReportCollector()) throws -> String {
        let folder = RunFolder(path: out)
        guard !folder.generations.isEmpty else {
            throw RunFolderError(path: out, message: "no finished run in this folder; name the folder a run wrote with --out")
        }
        let data = try collector.collect(folder)
        let target = path ?? out + "/" + fileName
        let temporary = target + ".tmp-\(getpid())"
        do {
            try Data(ReportHTML.render(data).utf8).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, target) != 0 {
                let code = errno
                unlink(temporary)
                throw RunFolderError(path: target, message: "cannot write the report: \(String(cString: strerror(code)))")
            }
        } catch let error as RunFolderError {
            throw error
        } catch {
            throw RunFolderError(path: target, message: "cannot write the report (\(error.localizedDescription)); check that its folder exists and is writable")
        }
        return target
    }
}
