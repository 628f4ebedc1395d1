"""Built-in parsers, one module per format, each registered as an entry point."""
