// libFuzzer target for the manifest loader (GleanPipeline): YAML text -> Manifest -> Plan.
// Built by Tests/Fuzz/run.sh, not by SwiftPM. One input = the manifest text (invalid UTF-8 is
// repaired). A thrown error is the expected answer to a bad manifest; a crash, sanitizer report,
// hang (-timeout) or runaway memory (-rss_limit_mb) is a finding. Nothing is run: only parsing,
// validation and planning (the file name points nowhere, so no snippet is read from disk).
import GleanPipeline

private let loader = ManifestLoader()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let manifest = try loader.parse(yaml: text, file: "/nonexistent/fuzz/manifest.yaml")
        let plan = try Plan(manifest: manifest, registry: loader.registry)
        if plan.order.count != manifest.stages.count {
            fatalError("fuzz: plan orders \(plan.order.count) of \(manifest.stages.count) stages")
        }
    } catch {
        // Every error must describe itself without trapping.
        if String(describing: error).isEmpty { fatalError("fuzz: empty error description") }
    }
    return 0
}
