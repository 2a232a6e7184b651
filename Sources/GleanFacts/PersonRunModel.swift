import Foundation

/// A learned second opinion on people (Latin script): a logistic model over a capitalised run of two to four name words
/// that no rule of People.swift took ("en remplacement de Joany Caneus", "la libération de Kodjo Ahmed."). Its features
/// are the run's shape, what the lexicons know of its words and the words around it
/// (``Doc/personRunFeatures(_:_:atBoundary:commonWords:)``); its weights are data (`Languages/person_runs.json`), trained
/// offline by `Tools/train/train_people.py` on the dev shares of the project's gold (`make train-people`).
struct PersonRunModel: Sendable {
    let bias: Double
    /// A run is a person when its score is above this (chosen by cross-validation on the dev shares).
    let threshold: Double
    let weights: [String: Double]

    /// The built-in model; nil when `GLEAN_PEOPLE_FEATURES=1` (features are being dumped for training: the rules alone decide).
    static let shared: PersonRunModel? = dumpFeatures ? nil : load(PackageResources.person_runs_json)

    /// `GLEAN_PEOPLE_FEATURES=1` writes every candidate run to stderr, one line each:
    /// `GLEANPEOPLE<TAB>text hash<TAB>1 when no rule took it<TAB>run<TAB>features separated by spaces` (the text hash is ``textKey(_:)``).
    static let dumpFeatures: Bool = ProcessInfo.processInfo.environment["GLEAN_PEOPLE_FEATURES"] == "1"

    static func load(_ bytes: [UInt8]) -> PersonRunModel? {
        struct File: Decodable { let bias: Double; let threshold: Double; let weights: [String: Double] }
        guard let f = try? JSONDecoder().decode(File.self, from: Data(bytes)) else { return nil }
        return PersonRunModel(bias: f.bias, threshold: f.threshold, weights: f.weights)
    }

    /// The model's score of a run with these features.
    func score(_ features: [String]) -> Double {
        features.reduce(bias) { $0 + (weights[$1] ?? 0) }
    }

    /// FNV-1a over the UTF-8 of the document's text: how the trainer finds the document a dumped run came from.
    static func textKey(_ scalars: [Unicode.Scalar]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in scalars { for b in String(s).utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 } }
        return String(h, radix: 16)
    }
}
