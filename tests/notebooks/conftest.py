"""One execution of every course notebook per test run, shared by the run and the site tests.

``tools/build_html.py`` (what ``python3 kit.py html`` runs) executes each notebook in
``tools/notebook_nav.CHAPTERS`` in a fresh kernel (nbclient) and writes a report; the tests in this
folder read that report and the built pages instead of executing the chapters a second time. The
``site`` fixture itself is in ``tests/conftest.py``: the browser tests of the site (axe-core, the
quizzes) read the same build.
"""
