"""The fetcher reaches public addresses only (issue 11, defect 3): loopback,
private, link-local/metadata, IPv6 equivalents, a name resolving to loopback and
a redirect to a private address are refused; an allowed exception works; the
"fetch now" button enqueues a task instead of fetching in the request."""

from django.urls import reverse

import pytest
from django_tasks_db.models import DBTaskResult

from ttdn.monitoring import addresses, services
from ttdn.monitoring.fetching import Fetcher, FetchError
from ttdn.monitoring.models import FetchRun, Item, Source
from ttdn.monitoring.tests.factories import SourceFactory
from ttdn.monitoring.tests.http_fixtures import FixtureServer, article


@pytest.fixture
def public_only(settings):
    settings.TTDN_MONITORING = {**settings.TTDN_MONITORING, "ALLOWED_ADDRESSES": []}


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.5",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fd00:ec2::254",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",
    ],
)
def test_non_public_addresses(public_only, address):
    assert addresses.is_public(address) is False


@pytest.mark.parametrize("address", ["8.8.8.8", "203.162.4.190", "2001:4860::8888"])
def test_public_addresses(public_only, address):
    assert addresses.is_public(address) is True


def test_loopback_is_refused_without_a_request(public_only):
    with FixtureServer() as server:
        server.route("/", article("Nội bộ"), content_type="text/html")
        with pytest.raises(FetchError) as error:
            Fetcher(host_interval=0).get(server.url("/"))
        assert server.hits == []
    assert "127.0.0.1" in str(error.value)
    assert "public addresses" in str(error.value) or "công khai" in str(error.value)


def test_ipv6_loopback_is_refused(public_only):
    with pytest.raises(FetchError):
        Fetcher(host_interval=0).get("http://[::1]:9/")


def test_name_resolving_to_loopback_is_refused(public_only):
    with FixtureServer() as server:
        server.route("/", article("Nội bộ"), content_type="text/html")
        port = server.base.rsplit(":", 1)[1]
        with pytest.raises(FetchError) as error:
            Fetcher(host_interval=0).get(f"http://localhost:{port}/")
        assert server.hits == []
    assert "localhost" in str(error.value)


def test_redirect_to_a_private_address_is_refused(settings):
    # The first hop is allowed by name ("localhost"); its redirect goes to
    # 127.0.0.1, which is not.
    settings.TTDN_MONITORING = {
        **settings.TTDN_MONITORING,
        "ALLOWED_ADDRESSES": ["localhost"],
    }
    with FixtureServer() as server:
        port = server.base.rsplit(":", 1)[1]
        server.route("/secret", article("Bí mật"), content_type="text/html")
        server.route(
            "/go",
            "",
            status=302,
            headers={"Location": f"http://127.0.0.1:{port}/secret"},
        )
        with pytest.raises(FetchError) as error:
            Fetcher(host_interval=0).get(f"http://localhost:{port}/go")
        assert [path for path, _headers in server.hits] == ["/go"]
    assert f"127.0.0.1:{port}/secret" in str(error.value)


def test_connection_time_check_refuses_a_rebound_name(public_only, monkeypatch):
    """A name that passed the first check but connects to loopback."""
    monkeypatch.setattr(addresses, "check_url", lambda url: None)
    with FixtureServer() as server:
        server.route("/", article("Nội bộ"), content_type="text/html")
        with pytest.raises(FetchError) as error:
            Fetcher(host_interval=0).get(server.url("/"))
        assert server.hits == []
    assert "127.0.0.1" in str(error.value)


def test_allowed_exception_is_fetched(settings):
    settings.TTDN_MONITORING = {
        **settings.TTDN_MONITORING,
        "ALLOWED_ADDRESSES": ["127.0.0.0/8"],
    }
    with FixtureServer() as server:
        server.route("/", article("Tin được phép"), content_type="text/html")
        result = Fetcher(host_interval=0).get(server.url("/"))
    assert result.status == 200


@pytest.mark.django_db
def test_fetch_source_records_the_refusal(public_only, province):
    source = SourceFactory(url="http://169.254.169.254/latest/meta-data/")
    report = services.fetch_source(source)
    assert report.run.outcome == "error"
    assert "169.254.169.254" in report.run.message
    assert Item.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8000/", "http://[::1]/", "http://localhost/feed"]
)
def test_source_with_a_local_address_is_refused_on_save(
    public_only, client, users, url
):
    client.force_login(users["monitor"])
    response = client.post(
        reverse("monitoring_sources:add"),
        {
            "name": "Nguồn nội bộ",
            "url": url,
            "source_type": "page",
            "kind": "official",
            "link_selector": "",
            "language": "vi",
            "interval_minutes": 30,
            "enabled": "on",
        },
    )
    assert response.status_code == 200
    assert "địa chỉ mạng nội bộ" in response.content.decode()
    assert Source.objects.count() == 0


@pytest.mark.django_db
def test_fetch_now_enqueues_instead_of_fetching(client, users, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with FixtureServer() as server:
        server.route("/bai.html", article("Tin"), content_type="text/html")
        source = SourceFactory(url=server.url("/bai.html"), source_type="page")
        client.force_login(users["monitor"])
        response = client.post(reverse("monitoring_sources:fetch", args=[source.pk]))
        assert server.hits == []
    assert response.status_code == 302
    task = DBTaskResult.objects.get()
    assert task.task_path == "ttdn.monitoring.tasks.fetch_source_now"
    assert task.args_kwargs["args"] == [source.pk]
    assert FetchRun.objects.count() == 0
