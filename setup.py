"""The one thing pyproject.toml cannot say: found packages *plus* datasets/ installed as smmkit.datasets.

Everything else (metadata, dependencies, package-dir, package data) is in pyproject.toml.
"""
from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["smmkit", "smmkit.*"]), "smmkit.datasets"])
