import Foundation
import Testing

/// A real one-node Slurm cluster runs `glean run --shard-count 4` as a four-task array:
/// Tests/Cluster/slurm-test.sh starts munged, slurmctld and slurmd in a temporary folder, checks the
/// array's tables against a one-process run (DuckDB, Spark), incremental reruns and a task killed
/// with scancel, and stops its daemons. It needs root (apt, SlurmUser=root), as CI has.
@Suite struct ClusterTests {
    static var isRoot: Bool { getuid() == 0 }

    static var hasApt: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/apt-get") && FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg")
    }

    /// The binary the cluster runs: $GLEAN_CLUSTER_BIN (a release build takes 60-100 s here), else
    /// the one under test (a debug build: fewer pages, up to 8 minutes).
    static let binary: String = ProcessInfo.processInfo.environment["GLEAN_CLUSTER_BIN"] ?? E2E.binary

    @Test(.enabled(if: isRoot, "skipped: the Slurm cluster test needs root (it installs slurm-wlm and munge with apt and runs slurmd as root); run make test as root, as CI does"),
          .enabled(if: hasApt, "skipped: the Slurm cluster test needs apt-get and dpkg (Debian or Ubuntu)"),
          .enabled(if: E2E.hasPython, "skipped: the Slurm cluster test needs the .venv readers, DuckDB and PySpark (make venv)"),
          .timeLimit(.minutes(9)))
    func slurmArrayRunsShardsAsOneDataset() throws {
        let result = try E2E.run(["Tests/Cluster/slurm-test.sh"], executable: "/bin/bash",
                                 environment: ["GLEAN_BIN": Self.binary, "GLEAN_PYTHON": E2E.python, "GLEAN_SHARED": E2E.shared])
        // The log goes to the test output: it names the array jobs and their four tasks.
        print(result.stdout, terminator: "")
        #expect(result.code == 0, "Tests/Cluster/slurm-test.sh exited \(result.code):\n\(result.stdout.suffix(4000))\n\(result.stderr.suffix(2000))")
        #expect(result.stdout.contains("PASS:"))
        #expect(result.stdout.contains("4 of 4 tasks completed"))
    }
}
