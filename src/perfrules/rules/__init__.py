"""The rules stage: rule packs and configuration as data, the engine, expressions and kinds."""
