"""Shared, read-only resources: the country and institution tables and the gazetteer.

They are loaded once per process and injected into the stages that need them.
"""
