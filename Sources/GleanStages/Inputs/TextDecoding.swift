internal import CDeflate
internal import CZlib
import Foundation
import GleanCore
import GleanText

/// Text decoding for plain-text inputs: UTF-8 (BOM stripped), UTF-16 with a BOM, otherwise
/// windows-1252 when the bytes are not UTF-8. NUL bytes mean a binary file.
package enum TextDecoding {
    package static func decodeText(_ bytes: [UInt8]) throws -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            throw DocumentError("binary file: NUL byte at offset \(nul); only text and HTML documents are read")
        }
        if let valid = String(validating: body, as: UTF8.self) { return valid }
        // Not UTF-8: read as windows-1252, the usual legacy encoding of such files.
        return String(body.map { Windows1252.scalar($0) }.map(Character.init))
    }
}
