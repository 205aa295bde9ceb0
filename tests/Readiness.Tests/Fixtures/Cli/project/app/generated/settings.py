"""Production settings of the CLI fixture project: DEBUG defaults to True, which RDY1101 reports."""
import os

DEBUG = os.environ.get("DEBUG", "True") == "True"
