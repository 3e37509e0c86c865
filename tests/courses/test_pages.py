"""The content tree: page type rules, rendering with every block, admin creation, 404."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import CourseIndexPage, CoursePage, CreditDesignation, HomePage, ModulePage
from tests.factories import ModulePageFactory, UserFactory

EVERY_BLOCK = [
    {"type": "rich_text", "value": "<p>Opioids are <strong>one</strong> option.</p>"},
    {"type": "key_message", "value": {"heading": "Key message", "text": "Offer naloxone at 50 MME/day."}},
    {
        "type": "case_vignette",
        "value": {
            "title": "A patient on oxycodone",
            "presentation": "A 54-year-old takes oxycodone 10 mg every 6 hours.",
            "question": "What is the total MME?",
            "discussion": "<p>40 mg x 1.5 = 60 MME/day.</p>",
        },
    },
    {"type": "image", "value": {"image": None, "alt_text": "A naloxone nasal spray device", "caption": "Naloxone"}},
    {
        "type": "video",
        "value": {"video": "https://video.example/naloxone", "title": "Giving naloxone", "transcript": "Step one."},
    },
    {"type": "callout", "value": {"kind": "warning", "heading": "Caution", "text": "<p>Avoid abrupt stops.</p>"}},
    {
        "type": "table",
        "value": {
            "caption": "CDC 2022 conversion factors",
            "table": {
                "data": [["Opioid", "Factor"], ["Hydromorphone", "5"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        },
    },
    {
        "type": "references",
        "value": {
            "heading": "References",
            "items": [{"citation": "Dowell D, et al. MMWR Recomm Rep 2022;71(3).", "url": "https://www.cdc.gov/"}],
        },
    },
    {"type": "mme_calculator", "value": {"heading": "Calculate total daily MME", "intro": "Add each opioid."}},
]


def test_page_types_only_go_where_they_belong(db: None) -> None:
    case = WagtailPageTestCase()
    case.assertAllowedParentPageTypes(HomePage, {Page})
    case.assertAllowedSubpageTypes(HomePage, {CourseIndexPage})
    case.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
    case.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
    case.assertAllowedSubpageTypes(CoursePage, {ModulePage})
    case.assertAllowedParentPageTypes(ModulePage, {CoursePage})
    case.assertAllowedSubpageTypes(ModulePage, set())
    case.assertCanNotCreateAt(CourseIndexPage, ModulePage)
    case.assertCanNotCreateAt(HomePage, CoursePage)


def test_home_and_catalog_list_the_courses_with_their_facts(client: Client, course: CoursePage) -> None:
    for url in ("/", "/courses/"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert course.title in html
        assert "1 h" in html  # estimated time
        assert "AMA PRA Category 1 Credit™" in html
        assert "Enduring material" in html


def test_course_page_shows_objectives_disclosures_statements_and_modules(client: Client, course: CoursePage) -> None:
    course.learning_objectives = json.dumps([{"type": "objective", "value": "Calculate total daily MME."}])
    course.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert "Calculate total daily MME." in html
    assert "Dana Whitfield" in html and "No relevant financial relationships" in html
    assert course.accreditation_statement in html
    assert "designates this enduring material for a maximum of 1 AMA PRA Category 1 Credit™" in html
    assert "Physicians should claim only the credit commensurate" in html
    assert html.count('class="usa-process-list__item"') == 3
    assert html.count("<h1") == 1


def test_module_page_renders_every_block(client: Client, course: CoursePage) -> None:
    image = wagtail_factories.ImageFactory(title="Naloxone")
    body = json.loads(json.dumps(EVERY_BLOCK))
    body[3]["value"]["image"] = image.pk
    module = ModulePageFactory(parent=course, title="Every block", slug="every-block", body=json.dumps(body))
    response = client.get(module.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>one</strong>" in html
    assert "Offer naloxone at 50 MME/day." in html
    assert "Show the discussion" in html and "40 mg x 1.5 = 60 MME/day." in html
    assert 'alt="A naloxone nasal spray device"' in html
    assert 'src="https://video.example/naloxone"' in html and "Read the transcript" in html
    assert "usa-alert--warning" in html and "Avoid abrupt stops." in html
    assert "<caption>CDC 2022 conversion factors</caption>" in html
    assert '<th scope="col">Opioid</th>' in html and "<td>Hydromorphone</td>" in html
    assert "MMWR Recomm Rep 2022;71(3)." in html
    assert 'name="opioid_0"' in html and 'action="/tools/mme-calculator/"' in html
    assert "Module 4 of 4" in html
    assert html.count("<h1") == 1


def test_an_unknown_url_gets_the_styled_404(client: Client, home: HomePage) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and "Browse the course catalog" in html


def list_block(items: list[dict[str, str]]) -> dict[str, object]:
    """ListBlock form data, like wagtail's streamfield() helper does for StreamBlocks."""
    data: dict[str, object] = {
        str(i): {"value": value, "deleted": "", "order": str(i), "id": ""} for i, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


class TestAdminCanCreateEachPageType(WagtailPageTestCase):
    """A detailing specialist's path: every page type can be created in the Wagtail admin."""

    def setUp(self) -> None:
        self.user = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
        self.client.force_login(self.user)
        root = Page.get_first_root_node()
        self.root = root

    def test_each_page_type_can_be_created_in_the_admin(self) -> None:
        self.assertCanCreate(
            self.root, HomePage, nested_form_data({"title": "Home 2", "intro": rich_text("<p>Hi</p>")})
        )
        home = HomePage.objects.get(title="Home 2")
        self.assertCanCreate(home, CourseIndexPage, nested_form_data({"title": "Catalog", "intro": rich_text("")}))
        catalog = CourseIndexPage.objects.get(title="Catalog")
        self.assertCanCreate(
            catalog,
            CoursePage,
            nested_form_data(
                {
                    "title": "Naloxone basics",
                    "topic": "Naloxone",
                    "summary": "Who to offer naloxone.",
                    "learning_objectives": streamfield([("objective", "Name the Rec 8 triggers.")]),
                    "target_audience": "Prescribers",
                    "format": "enduring_material",
                    "estimated_minutes": 45,
                    "release_date": "2026-09-01",
                    "last_review_date": "2026-09-01",
                    "expiration_date": "2029-08-31",
                    "modules_in_order": "on",
                    "faculty": inline_formset(
                        [{"name": "Dana Whitfield", "credentials": "MD", "role": "Author", "disclosure": "None."}]
                    ),
                    "accredited_provider": "Northwind",
                    "accreditation_statement": "Northwind is accredited.",
                    "nursing_approval_statement": "",
                    "commercial_support_statement": "No commercial support.",
                    "mate_eligible": "on",
                    "credit_designations": inline_formset([{"credit_type": "ama_pra_1", "max_credits": "0.75"}]),
                    "pretest": streamfield([]),
                    "posttest": streamfield([]),
                    "posttest_reuses_pretest": "on",
                    "evaluation": streamfield([("likert", {"statement": "The content was free of commercial bias."})]),
                }
            ),
        )
        course = CoursePage.objects.get(title="Naloxone basics")
        assert course.credit_designations.get().max_credits == 0.75
        self.assertCanCreate(
            course,
            ModulePage,
            nested_form_data(
                {
                    "title": "Who gets naloxone",
                    "summary": "Rec 8.",
                    "estimated_minutes": 15,
                    "body": streamfield(
                        [
                            ("rich_text", rich_text("<p>Offer naloxone.</p>")),
                            ("key_message", {"heading": "Key", "text": "Offer it."}),
                        ]
                    ),
                    "quiz": streamfield(
                        [
                            (
                                "quiz",
                                {
                                    "passing_score": "80",
                                    "max_attempts": "3",
                                    "shuffle": "on",
                                    "show_explanations": "after_submission",
                                    "questions": streamfield(
                                        [
                                            (
                                                "single_choice",
                                                {
                                                    "prompt": "Which is a Rec 8 trigger?",
                                                    "choices": list_block(
                                                        [{"text": "50 MME/day", "correct": "on"}, {"text": "Age 35"}]
                                                    ),
                                                    "explanation": "50 MME/day or more is a trigger.",
                                                    "reference": "CDC 2022, Rec 8",
                                                },
                                            ),
                                            (
                                                "true_false",
                                                {
                                                    "prompt": "Naloxone is OTC.",
                                                    "answer": "true",
                                                    "explanation": "Since March 2023.",
                                                    "reference": "",
                                                },
                                            ),
                                        ]
                                    ),
                                },
                            )
                        ]
                    ),
                }
            ),
        )
        module = ModulePage.objects.get(title="Who gets naloxone")
        assert module.live
        questions = module.quiz[0].value["questions"]
        assert [q.block_type for q in questions] == ["single_choice", "true_false"]
        choices = questions[0].value["choices"].bound_blocks
        assert [c.value["correct"] for c in choices] == [True, False]
        assert all(c.id for c in choices), "choices need stable ids"


def test_a_designation_off_the_quarter_step_is_refused(course: CoursePage) -> None:
    designation = CreditDesignation(course=course, credit_type="participation", max_credits=Decimal("0.3"))
    with pytest.raises(ValidationError, match="steps of 0.25"):
        designation.full_clean()
