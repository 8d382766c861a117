"""The questions pages of the portal: published questions and answers, the
form, and the status lookup by tracking code."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ttdn.analytics.identity import client_ip

from . import selectors, services, throttle
from .forms import LookupForm, QuestionForm

PER_PAGE = 10


@require_GET
def index(request):
    query = request.GET.get("q", "").strip()[:200]
    page_obj = Paginator(selectors.published(query), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "questions/index.html",
        {"page_obj": page_obj, "query": query, "lookup_form": LookupForm()},
    )


@require_http_methods(["GET", "POST"])
def ask(request):
    if request.method != "POST":
        return render(request, "questions/ask.html", {"form": QuestionForm()})
    form = QuestionForm(request.POST, request.FILES)
    address = client_ip(request)
    if throttle.limited(address):
        form.is_valid()
        form.add_error(
            None,
            _(
                "Too many questions were sent from your connection in the last "
                "hour. Please try again later."
            ),
        )
        return render(request, "questions/ask.html", {"form": form}, status=429)
    if not form.is_valid():
        if form.expired:
            form.with_new_stamp()
        return render(request, "questions/ask.html", {"form": form}, status=400)
    data = form.cleaned_data
    try:
        question = services.question_submit(
            name=data["name"],
            contact=data["contact"],
            topic=data["topic"],
            subject=data["subject"],
            question=data["question"],
            language=get_language() or "vi",
            attachment=data.get("attachment"),
        )
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return render(request, "questions/ask.html", {"form": form}, status=400)
    throttle.count(address)
    return render(request, "questions/sent.html", {"question": question})


@require_GET
def lookup(request):
    form = LookupForm(request.GET or None)
    question = None
    searched = False
    if form.is_bound and form.is_valid():
        searched = True
        question = selectors.by_code(form.cleaned_data["ma"])
    return render(
        request,
        "questions/lookup.html",
        {"form": form, "question": question, "searched": searched},
    )
