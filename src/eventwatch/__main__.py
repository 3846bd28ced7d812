"""``python -m eventwatch``: the same as the ``eventwatch`` command."""

from .cli import main

main()
