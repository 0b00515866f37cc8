"""digest: turn a week of collected paper abstracts into a newsletter."""

__version__ = "0.1.0"
