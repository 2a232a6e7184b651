// libFuzzer target for the WARC reader (GleanWARC). Built by Tests/Fuzz/run.sh, not by SwiftPM.
// One input = the bytes of a WARC file (plain, gzip per record, or one gzip stream). The reader
// is run to the end over it; each record's HTTP head and body are decoded. Besides crashes, hangs
// and runaway memory, the reader's contracts are checked: it ends, every record and error lies
// inside the file, records come in file order, and a record read back from its offset and length
// is the record the reader returned.
import Foundation
import GleanWARC

private let path = FileManager.default.temporaryDirectory.appendingPathComponent("glean-fuzz-warc-\(getpid()).warc").path
private let maxBytes = 1 << 20

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size)) else {
        violation("cannot write \(path)")
    }
    let reader: WARCReader
    do {
        reader = try WARCReader(path: path, name: "fuzz", maxBytes: maxBytes)
    } catch {
        return 0
    }
    var steps = 0
    var last: Int64 = -1
    while let result = reader.next() {
        steps += 1
        // Every step consumes at least one byte: more steps than bytes (+ slack) is a loop.
        if steps > size + 16 { violation("the reader returned \(steps) results for \(size) bytes") }
        switch result {
        case .success(let record):
            if record.layout != .gzipStream {
                if record.offset < 0 || record.length < 0 || record.offset + record.length > Int64(size) {
                    violation("record at \(record.offset) length \(record.length) outside the \(size)-byte file")
                }
                if record.offset < last { violation("record at \(record.offset) after one at \(last)") }
                last = record.offset
                switch WARCReader.record(path: path, name: "fuzz", layout: record.layout, offset: record.offset, length: record.length, maxBytes: maxBytes) {
                case .success(let again):
                    if again.block != record.block || again.headers != record.headers {
                        violation("the record at \(record.offset) reads back differently")
                    }
                case .failure(let error):
                    violation("the record at \(record.offset) does not read back: \(error)")
                }
            }
            if let head = try? HTTPResponse.head(record.block) {
                _ = try? head.body(record.block, limit: maxBytes)
            }
        case .failure(let error):
            if !error.inflated && (error.offset < 0 || error.offset > Int64(size)) {
                violation("error at \(error.offset) outside the \(size)-byte file: \(error)")
            }
        }
    }
    return 0
}

private func violation(_ message: String) -> Never {
    fatalError("FuzzWARC: \(message)")
}
