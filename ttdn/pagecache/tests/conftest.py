import pytest

from ttdn.portal.tests.factories import ArticlePageFactory, SectionPageFactory


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Thông tin đối ngoại", slug="ttdn")


@pytest.fixture
def article(section):
    return ArticlePageFactory(parent=section, title="Tin bài gốc", slug="tin-bai")
