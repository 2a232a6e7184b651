// The pipeline as one import: a program that runs manifests (the command tree, the fuzzers)
// sees the stage contract and the built-in stages through `import GleanPipeline`.
@_exported import GleanCore
@_exported import GleanStages
