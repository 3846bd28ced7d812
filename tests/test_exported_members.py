import types

import eventwatch


def test_all_is_complete_and_sorted() -> None:
    public = {
        name
        for name, value in vars(eventwatch).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name != "annotations"
    }
    assert public == set(eventwatch.__all__) - {"__version__"}
    names = [n for n in eventwatch.__all__ if n != "__version__"]
    assert names == sorted(names)


def test_errors_share_one_root() -> None:
    for name in (
        "InputError",
        "DocumentError",
        "DictionaryError",
        "ConfigError",
        "ResourceError",
        "StageError",
        "EngineError",
        "StoreError",
        "ApiError",
    ):
        assert issubclass(getattr(eventwatch, name), eventwatch.EventwatchError)
