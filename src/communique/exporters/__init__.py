"""Built-in exporters, one module per format, each registered as an entry point."""
