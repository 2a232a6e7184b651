import GleanCommands

Glean.runMain()
