"""The product's URLs plus one trivial view for the benchmark."""

from django.http import HttpResponse
from django.urls import path

from ttdn.urls import urlpatterns as product_urlpatterns


def ok(request):
    """The framework's upper bound: the whole middleware stack, no work."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/ok/", ok), *product_urlpatterns]
