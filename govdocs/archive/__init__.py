"""The archive: ingest, clean, read metadata, index, search and publish.

Pure parts (no files, no database): ``clean``, ``metadata``, ``query``,
``ocr``, ``snippets``, ``synthetic``. The shell: ``extract`` (files),
``ingest`` (into the store), ``sources`` and ``index`` (the search index),
``search``, ``publish``.
"""
