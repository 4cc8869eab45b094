"""The kit's data files. Installed as the package ``smmkit.datasets`` (see pyproject.toml) so that
``importlib.resources`` finds them in a clone, an editable install and a wheel alike."""
