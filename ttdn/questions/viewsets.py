"""Citizens' questions in the back office (Hỏi đáp): the list of questions routed
to the user's organisation (all of them for officers), the answer edited in the
question's form, and the actions of the workflow (route, submit, return,
publish…) as buttons on the question's page."""

from django import forms
from django.contrib.admin.utils import quote
from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import AdminDateInput, BooleanRadioSelect, Button
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from ttdn.core import workflow
from ttdn.core.admin.views import ObjectActionView, ScopedInspectView
from ttdn.core.admin.viewsets import ServiceModelViewSet
from ttdn.directory.forms import DAY_INPUT_FORMATS
from ttdn.directory.models import Organisation

from . import selectors, services
from .machines import QUESTION_MACHINE
from .models import Question


class QuestionFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(
        label=_("Overdue only"), method="filter_overdue", widget=BooleanRadioSelect
    )

    class Meta:
        model = Question
        fields = ["status", "topic", "organisation", "overdue"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        late = selectors.overdue(queryset).values("pk")
        return queryset.filter(pk__in=late) if value else queryset.exclude(pk__in=late)


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.get_status_display()


class QuestionInspectView(ScopedInspectView):
    extra_labels = {"history": pgettext_lazy("question", "History")}

    def get_edit_url(self):
        if not QUESTION_MACHINE.can_edit(self.object, self.request.user):
            return None
        return super().get_edit_url()

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        for priority, option in enumerate(
            QUESTION_MACHINE.options(self.object, self.request.user), start=30
        ):
            buttons.append(
                Button(
                    option.transition.label,
                    url=reverse(
                        "questions_admin:transition",
                        args=[quote(self.object.pk), option.transition.action],
                    ),
                    icon_name="arrow-right",
                    priority=priority,
                )
            )
        return buttons

    def get_attachment_display_value(self):
        document = self.object.attachment
        if document is None:
            return ""
        return format_html('<a href="{}">{}</a>', document.url, document.filename)

    def get_history_display_value(self):
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{} — {} ({}) {}</li>",
                (
                    (
                        row["when"],
                        row["label"],
                        row["entry"].user_name or "—",
                        row["entry"].comment,
                    )
                    for row in workflow.history_rows(self.object)
                ),
            ),
        )


class TransitionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, transition=None, question=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = transition.comment_required
        if "organisation" in transition.fields:
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("Responsible organisation"),
                queryset=Organisation.objects.order_by("name"),
                initial=question.organisation_id,
            )
            self.fields["due_on"] = forms.DateField(
                label=_("Answer due on"),
                widget=AdminDateInput,
                input_formats=DAY_INPUT_FORMATS,
                initial=question.due_on,
            )


class QuestionTransitionView(ObjectActionView):
    model = Question
    inspect_url_name = "questions_admin:inspect"
    permission_required = "change"
    permission_policy = ModelPermissionPolicy(Question)
    header_icon = "help"

    def scope(self, user):
        return selectors.questions_for(user)

    @cached_property
    def transition(self):
        return QUESTION_MACHINE.get(self.kwargs["action"])

    def get_page_title(self):
        return str(self.transition.label) if self.transition else ""

    def get_form_class(self):
        return TransitionForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(
            transition=self.transition, question=self.object, user=self.request.user
        )
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["submit_label"] = self.transition.label
        return context

    def dispatch(self, request, *args, **kwargs):
        if QUESTION_MACHINE.get(kwargs["action"]) is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def perform(self, form):
        values = {
            name: form.cleaned_data[name]
            for name in self.transition.fields
            if name in form.cleaned_data
        }
        services.question_transition(
            self.object,
            self.transition.action,
            user=self.request.user,
            comment=form.cleaned_data.get("comment", ""),
            values=values,
        )
        return _("Done: %(action)s.") % {"action": self.transition.label}


class QuestionForm(WagtailAdminModelForm):
    pass


class QuestionViewSet(ServiceModelViewSet):
    model = Question
    icon = "help"
    menu_label = _("Citizens' questions")
    menu_order = 260
    add_to_admin_menu = True
    name = "questions_admin"
    url_prefix = "questions"
    inspect_view_class = QuestionInspectView
    filterset_class = QuestionFilterSet
    ordering = ["-received_at"]
    list_display = [
        "code",
        "subject",
        Column(
            "organisation", label=_("Responsible organisation"), accessor="organisation"
        ),
        Column("due_on", label=_("Answer due on"), sort_key="due_on"),
        StatusColumn("status", label=_("Status"), sort_key="status"),
    ]
    list_export = [
        "code",
        "subject",
        "organisation.name",
        "received_at",
        "due_on",
        "get_status_display",
    ]
    export_headings = {
        "organisation.name": _("Responsible organisation"),
        "get_status_display": _("Status"),
    }
    export_filename = "hoi-dap"
    inspect_view_fields = [
        "code",
        "status",
        "topic",
        "subject",
        "question",
        "attachment",
        "name",
        "contact",
        "organisation",
        "due_on",
        "received_at",
        "answer",
        "answered_at",
        "published_at",
        "history",
    ]
    edit_handler = ObjectList(
        [FieldPanel("topic"), FieldPanel("answer")], base_form_class=QuestionForm
    )

    def scope(self, user):
        return selectors.questions_for(user)

    def save_service(self, instance, *, user):
        return services.question_save(instance, user=user)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "<int:pk>/action/<str:action>/",
                QuestionTransitionView.as_view(scope=selectors.questions_for),
                name="transition",
            ),
        ]
