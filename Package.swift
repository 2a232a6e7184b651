// swift-tools-version:6.2
import PackageDescription

/// Every target of ours: Swift 6 language mode, warnings are errors.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "glean",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "glean", targets: ["glean"]),
        .library(name: "GleanParquet", targets: ["GleanParquet"]),
        .library(name: "GleanHTML", targets: ["GleanHTML"]),
        .library(name: "GleanFacts", targets: ["GleanFacts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        /// SHA-256 for content hashes and the incremental state (3.x: no extra C libraries beyond BoringSSL).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // MARK: - C libraries (system)
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        /// libdeflate: whole-buffer gzip decompression, about 2.4 times zlib's speed on our pages.
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        /// libbrotli's decoder: HTTP bodies with Content-Encoding br in WARC records.
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlidec", providers: [.apt(["libbrotli-dev"])]),
        .systemLibrary(name: "CSnappy", pkgConfig: "snappy", providers: [.apt(["libsnappy-dev"])]),
        /// libxlsxwriter: Excel workbooks, streamed (its constant-memory mode).
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        /// glibc's <malloc.h> (mallopt), for the executable's allocator settings.
        .systemLibrary(name: "CMalloc"),
        /// fork + exec for plugins: a process group of their own, and (Linux) killed with glean.
        .target(name: "CSpawn"),

        // MARK: - Libraries that stand on their own
        /// Text facts every other module shares: calendar arithmetic, the windows-1252 code page.
        .target(name: "GleanText", resources: [.embedInCode("Calendar")], swiftSettings: strict),
        .target(name: "GleanParquet", dependencies: ["CZlib", "CZstd", "CSnappy", "GleanText"], swiftSettings: strict),
        .target(name: "GleanHTML", dependencies: ["CLibXML2", "GleanText"], swiftSettings: strict),
        /// A WARC reader: records one at a time (plain, gzip per record or one gzip stream), HTTP responses.
        .target(name: "GleanWARC", dependencies: ["CZlib", "CDeflate", "CBrotli", "GleanText"], swiftSettings: strict),
        .target(name: "GleanFacts", dependencies: ["GleanText"], resources: [.embedInCode("Languages")], swiftSettings: strict),

        // MARK: - The pipeline
        .target(name: "GleanTables", dependencies: ["GleanParquet", "GleanText", "CXLSXWriter"], swiftSettings: strict),
        /// The stage contract every other pipeline module builds on: manifests, stage specs and
        /// registry, documents, the plan, the table contract, the run report.
        .target(
            name: "GleanCore",
            dependencies: [
                "GleanTables",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        /// What a run keeps between runs: the output store, the incremental state store and
        /// fingerprints, shards, status.
        .target(
            name: "GleanRunState",
            dependencies: ["GleanCore", "GleanTables", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        /// The built-in stage kinds, with the file reading and plugin processes they use.
        .target(
            name: "GleanStages",
            dependencies: ["GleanCore", "GleanTables", "GleanHTML", "GleanFacts", "GleanText", "GleanParquet", "GleanWARC", "CZlib", "CDeflate", "CSpawn"],
            swiftSettings: strict
        ),
        /// The runner: list, compute, route, deliver, commit.
        .target(
            name: "GleanPipeline",
            dependencies: [
                "GleanCore", "GleanRunState", "GleanStages", "GleanTables",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        /// `glean report`: one self-contained HTML page from a run folder's report and CSV tables.
        .target(name: "GleanReport", dependencies: ["GleanCore", "GleanTables", "GleanText"], swiftSettings: strict),
        .target(
            name: "GleanCommands",
            dependencies: [
                "GleanPipeline", "GleanReport", "GleanCore", "GleanRunState", "GleanStages", "GleanTables", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "glean", dependencies: ["GleanCommands"], swiftSettings: strict),
        /// `make bench`: times the Parquet writer on a table in memory, beside pyarrow.
        .executableTarget(name: "GleanBench", dependencies: ["GleanParquet"], swiftSettings: strict),

        // MARK: - Tests
        .testTarget(name: "GleanParquetTests", dependencies: ["GleanParquet"], swiftSettings: strict),
        .testTarget(name: "GleanTextTests", dependencies: ["GleanText"], swiftSettings: strict),
        .testTarget(name: "GleanHTMLTests", dependencies: ["GleanHTML"], swiftSettings: strict),
        .testTarget(name: "GleanWARCTests", dependencies: ["GleanWARC", "CZlib"], swiftSettings: strict),
        .testTarget(name: "GleanFactsTests", dependencies: ["GleanFacts"], swiftSettings: strict),
        .testTarget(name: "GleanReportTests", dependencies: ["GleanReport", "GleanCore", "GleanParquet"], swiftSettings: strict),
        .testTarget(name: "GleanTablesTests", dependencies: ["GleanTables", "GleanText"], swiftSettings: strict),
        .testTarget(
            name: "GleanPipelineTests",
            dependencies: ["GleanPipeline", "GleanCore", "GleanRunState", "GleanStages", "GleanTables"],
            swiftSettings: strict
        ),
        .testTarget(name: "GleanEndToEndTests", dependencies: [], exclude: ["Golden"], swiftSettings: strict),
    ]
)
