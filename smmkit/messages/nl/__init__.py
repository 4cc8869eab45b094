"""Dutch texts, one module per part of the kit (core, data, models, widgets, check, …)."""
