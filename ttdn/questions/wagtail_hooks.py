from wagtail import hooks

from .viewsets import QuestionViewSet


@hooks.register("register_admin_viewset")
def register_questions():
    return QuestionViewSet()
