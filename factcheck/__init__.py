"""factcheck: a fact-check desk for newsrooms."""

__version__ = "0.1.0"
