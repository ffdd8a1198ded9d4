"""govdocs: the records and document system for city clerks and joint powers
authorities.

The library is the product; the ``govdocs`` command is a thin layer over it.
"""

from .errors import GovdocsError
from .store import RecordStore, open_store
from .store.loader import load

__all__ = ["GovdocsError", "RecordStore", "load", "open_store"]
