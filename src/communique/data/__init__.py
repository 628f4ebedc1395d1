"""Language resources of communique (data files, read via importlib.resources)."""
