"""No raw IP address in any table, Redis key or log line."""

import logging

from django.db import connection

import pytest

from ttdn.analytics import services
from ttdn.analytics.tests.conftest import reader
from ttdn.analytics.tokens import page_token

pytestmark = pytest.mark.django_db

IP = "203.0.113.77"
IPV6 = "2001:db8::77"


@pytest.fixture(params=["database", "redis"])
def backend(request):
    if request.param == "redis":
        return request.getfixturevalue("redis_backend")
    from ttdn.analytics.backends import get_backend

    return get_backend()


def test_no_address_is_stored_or_logged(client, article, backend, caplog):
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")  # Django's loggers stop at INFO
    connection.force_debug_cursor = True  # log every SQL statement with its params
    try:
        token = page_token(article.pk)
        for address in (IP, IPV6):
            client.get("/ttdn/day-manh/", REMOTE_ADDR=address, HTTP_USER_AGENT=reader())
            client.post(
                f"/analytics/hit/?p={token}",
                REMOTE_ADDR=address,
                HTTP_USER_AGENT=reader(),
            )
            client.get(
                f"/analytics/hit/?p={token}",
                REMOTE_ADDR=address,
                HTTP_USER_AGENT=reader(2),
            )
        services.flush_counters()
        services.prune_visitor_state()
    finally:
        connection.force_debug_cursor = False
    assert "analytics_" in caplog.text  # the SQL was logged…
    assert IP not in caplog.text and IPV6 not in caplog.text  # …without addresses

    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            dump = repr(cursor.fetchall())
            assert IP not in dump and IPV6 not in dump, table

    if backend.name == "redis":
        client_ = backend.client
        for key in client_.scan_iter(match=backend.prefix + "*"):
            kind = client_.type(key)
            values = {
                b"string": lambda k: [client_.get(k)],
                b"hash": lambda k: list(client_.hgetall(k).items()),
                b"set": lambda k: list(client_.smembers(k)),
                b"zset": lambda k: client_.zrange(k, 0, -1),
            }[kind](key)
            dump = repr((key, values))
            assert IP not in dump and IPV6 not in dump, key
