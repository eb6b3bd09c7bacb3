"""PostgreSQL for the test suite only (see config/settings/test.py).

Between transactional tests (browser tests, ``transaction=True``) Django
empties every table with one ``TRUNCATE``. On our machines that takes ~2 s
per test: TRUNCATE gives each table, index and TOAST table a new file and
syncs it to disk. The tables hold a handful of rows at that point, so a
``DELETE`` per table takes a few milliseconds. Foreign keys are deferred
until commit, so the order of the deletes does not matter.

Flushes that ask for more (resetting sequences, CASCADE) keep Django's
TRUNCATE, and so does a flush whose DELETE fails (a trigger refusing it).
"""
