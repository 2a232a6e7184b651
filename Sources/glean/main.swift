import GleanCommands

Glean.main()
