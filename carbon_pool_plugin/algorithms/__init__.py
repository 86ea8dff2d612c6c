"""Processing provider and algorithms: thin adapters over :mod:`carbon_pool_plugin.core`."""
