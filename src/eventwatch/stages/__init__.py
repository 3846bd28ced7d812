"""The coding stages, one package each, plus the ``lexicon`` they share.

A stage package never imports another stage package: what two stages both
need lives in ``lexicon`` (words) or in :mod:`eventwatch.resources` (tables
and the gazetteer, injected by the pipeline).
"""
