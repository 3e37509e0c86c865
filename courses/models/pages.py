"""The content tree: Home → Catalog → Course → Module. Authored in the Wagtail admin."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from courses.blocks import EvaluationBlock, ModuleBodyBlock
from courses.credits import validate_quarter_step
from courses.page_cache import mark_cacheable, remember
from quizzes.blocks import QuizBlock, quiz_stream_with_ids


def quiz_field(help_text: str) -> StreamField:
    return StreamField([("quiz", QuizBlock())], blank=True, max_num=1, help_text=help_text)


class QuizIdsMixin:
    """Before saving, make sure every quiz question and choice has its stable id (see quiz_stream_with_ids)."""

    quiz_fields: ClassVar[tuple[str, ...]] = ()

    def save(self, *args: Any, **kwargs: Any) -> Any:
        for name in self.quiz_fields:
            value = getattr(self, name)
            if value:
                setattr(self, name, json.dumps(quiz_stream_with_ids(list(value.raw_data))))
        return super().save(*args, **kwargs)  # type: ignore[misc]


class PublicCachedPage(Page):
    """A page whose live, anonymous rendering may be served from the page cache."""

    class Meta:
        abstract = True

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not getattr(request, "is_preview", False) and not request.user.is_authenticated:
            mark_cacheable(request)
        return super().serve(request, *args, **kwargs)


class HomePage(PublicCachedPage):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        """Walk the tree once per publish: signed-in learners' pages (never page-cached) skip
        Wagtail's query per path segment. Publishing, unpublishing, moving, deleting and privacy
        changes retire the cached routes with the page cache; a 404 is never cached."""
        if not path_components:
            return super().route(request, path_components)
        walk = super().route
        return remember(f"route:{self.pk}:{'/'.join(path_components)}", lambda: walk(request, path_components))

    parent_page_types: ClassVar[list[str]] = ["wagtailcore.Page"]
    subpage_types: ClassVar[list[str]] = ["courses.CourseIndexPage"]
    max_count = 1

    content_panels: ClassVar[list[Any]] = [*Page.content_panels, FieldPanel("intro")]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        catalog = CourseIndexPage.objects.live().descendant_of(self).first()
        context["catalog"] = catalog
        context["courses"] = catalog.live_courses() if catalog else []
        return context


class CourseIndexPage(PublicCachedPage):
    """The catalog."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    parent_page_types: ClassVar[list[str]] = ["courses.HomePage"]
    subpage_types: ClassVar[list[str]] = ["courses.CoursePage"]

    content_panels: ClassVar[list[Any]] = [*Page.content_panels, FieldPanel("intro")]

    def live_courses(self) -> QuerySet[CoursePage]:
        """Live courses of the catalog, with their credit designations, in tree order."""
        courses = CoursePage.objects.live().public().child_of(self)
        return courses.prefetch_related("credit_designations").order_by("path")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = self.live_courses()
        return context


class CreditType(models.TextChoices):
    AMA_PRA_1 = "ama_pra_1", "AMA PRA Category 1 Credit™"
    ANCC_CONTACT_HOURS = "ancc_contact_hours", "Nursing contact hours (ANCC)"
    PARTICIPATION = "participation", "Certificate of participation"


class CoursePage(QuizIdsMixin, PublicCachedPage):
    quiz_fields = ("pretest", "posttest")

    topic = models.CharField(max_length=80, help_text="A short label for the catalog card.")
    summary = models.TextField()
    learning_objectives = StreamField(
        [("objective", blocks.CharBlock(max_length=300, label="Objective"))],
        blank=True,
        help_text="What the learner will be able to do; one objective per item.",
    )
    target_audience = models.TextField(help_text="Which professions the activity is designed for.")
    format = models.CharField(
        max_length=40,
        choices=[("enduring_material", "Enduring material")],
        default="enduring_material",
        help_text="The learning format named on certificates.",
    )
    estimated_minutes = models.PositiveIntegerField(validators=[MinValueValidator(1), MaxValueValidator(6000)])
    release_date = models.DateField()
    last_review_date = models.DateField()
    expiration_date = models.DateField()
    accredited_provider = models.CharField(max_length=200)
    accreditation_statement = models.TextField()
    nursing_approval_statement = models.TextField(
        blank=True, help_text="The ANCC approval statement printed for nursing contact hours."
    )
    commercial_support_statement = models.TextField(default="This activity received no commercial support.")
    mate_eligible = models.BooleanField(
        "Counts toward MATE Act hours",
        default=False,
        help_text="Accredited training on opioid or other substance use disorders counts toward the DEA's 8 hours.",
    )
    modules_in_order = models.BooleanField(
        default=True, help_text="Learners must complete modules in the order of the page tree."
    )
    pretest = quiz_field("Scored, never blocks: measures what learners knew before the course.")
    posttest = quiz_field("Must be passed before credit. Its passing score is shown to learners in advance.")
    evaluation = StreamField(
        EvaluationBlock(),
        blank=True,
        help_text="Required before credit: relevance, freedom from commercial bias, objectives met, commitment.",
    )
    posttest_reuses_pretest = models.BooleanField(
        default=True,
        help_text="Ask the pre-test's questions again in the post-test, so each learner's gain is paired.",
    )

    parent_page_types: ClassVar[list[str]] = ["courses.CourseIndexPage"]
    subpage_types: ClassVar[list[str]] = ["courses.ModulePage"]

    search_fields: ClassVar[list[Any]] = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("topic"),
    ]

    content_panels: ClassVar[list[Any]] = [
        *Page.content_panels,
        FieldPanel("topic"),
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        FieldPanel("target_audience"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("format"), FieldPanel("estimated_minutes")]),
                FieldRowPanel(
                    [FieldPanel("release_date"), FieldPanel("last_review_date"), FieldPanel("expiration_date")]
                ),
                FieldPanel("modules_in_order"),
            ],
            heading="Format and dates",
        ),
        InlinePanel("faculty", heading="Faculty and disclosures", label="Person", min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("accredited_provider"),
                FieldPanel("accreditation_statement"),
                FieldPanel("nursing_approval_statement"),
                FieldPanel("commercial_support_statement"),
                FieldPanel("mate_eligible"),
            ],
            heading="Accreditation",
        ),
        InlinePanel("credit_designations", heading="Credit designations", label="Credit", min_num=1),
        MultiFieldPanel(
            [FieldPanel("pretest"), FieldPanel("posttest_reuses_pretest"), FieldPanel("posttest")],
            heading="Pre-test and post-test",
        ),
        FieldPanel("evaluation"),
    ]

    def clean(self) -> None:
        super().clean()
        if self.release_date and self.last_review_date and self.last_review_date < self.release_date:
            raise ValidationError({"last_review_date": "The last review cannot be before the release date."})
        if self.release_date and self.expiration_date and self.expiration_date <= self.release_date:
            raise ValidationError({"expiration_date": "The expiration date must be after the release date."})
        pretest_has_questions = bool(self.pretest) and bool(self.pretest[0].value["questions"])
        if self.posttest_reuses_pretest and self.posttest and not pretest_has_questions:
            raise ValidationError(
                {"posttest_reuses_pretest": "The post-test reuses the pre-test, which has no questions yet."}
            )

    @property
    def estimated_hours(self) -> str:
        hours, minutes = divmod(self.estimated_minutes, 60)
        if not hours:
            return f"{minutes} min"
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"

    def designation_statement(self, designation: CreditDesignation) -> str:
        if designation.credit_type == CreditType.AMA_PRA_1:
            amount = designation.max_credits.normalize()
            noun = "Credit" if amount == 1 else "Credits"
            return (
                f"{self.accredited_provider} designates this {self.get_format_display().lower()} for a maximum of "
                f"{amount:f} AMA PRA Category 1 {noun}™. Physicians should claim only the credit commensurate "
                "with the extent of their participation in the activity."
            )
        if designation.credit_type == CreditType.ANCC_CONTACT_HOURS:
            return f"This activity awards up to {designation.max_credits.normalize():f} nursing contact hours."
        return (
            "Other learners receive a certificate of participation for up to "
            f"{designation.max_credits.normalize():f} hours."
        )

    def live_modules(self) -> QuerySet[ModulePage]:
        return ModulePage.objects.live().public().child_of(self).order_by("path")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The page as anyone sees it; a signed-in learner's place is added by courses.views.learner_page."""
        context = super().get_context(request, *args, **kwargs)
        designations = list(self.credit_designations.all())
        context.update(
            modules=list(self.live_modules().defer("body")),
            faculty=list(self.faculty.all()),
            designations=[(d, self.designation_statement(d)) for d in designations],
            credit_types=frozenset(d.credit_type for d in designations),
        )
        return context


class CourseFaculty(Orderable):
    """Everyone in control of content, with their financial relationships (ACCME Standard 6)."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="faculty")
    name = models.CharField(max_length=120)
    credentials = models.CharField(max_length=80, blank=True)
    role = models.CharField(max_length=120, help_text="Course director, author, planner, reviewer …")
    disclosure = models.TextField(
        default="No relevant financial relationships with ineligible companies.",
        help_text="Relevant financial relationships, or that there are none.",
    )

    panels: ClassVar[list[Any]] = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("credentials")]),
        FieldPanel("role"),
        FieldPanel("disclosure"),
    ]

    def __str__(self) -> str:
        return self.name


class CreditDesignation(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="credit_designations")
    credit_type = models.CharField(max_length=40, choices=CreditType.choices)
    max_credits = models.DecimalField(max_digits=5, decimal_places=2, validators=[validate_quarter_step])

    panels: ClassVar[list[Any]] = [FieldRowPanel([FieldPanel("credit_type"), FieldPanel("max_credits")])]

    class Meta(Orderable.Meta):
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["course", "credit_type"], name="one_designation_per_credit_type"),
            models.CheckConstraint(condition=models.Q(max_credits__gt=0), name="designation_credits_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_credit_type_display()}: {self.max_credits}"


class ModulePage(QuizIdsMixin, PublicCachedPage):
    quiz_fields = ("quiz",)

    summary = models.TextField(blank=True)
    estimated_minutes = models.PositiveIntegerField(validators=[MinValueValidator(1), MaxValueValidator(600)])
    minimum_minutes = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(600)],
        help_text="The least time a learner must spend before completing it. Empty: half the estimated minutes.",
    )
    body = StreamField(ModuleBodyBlock())
    quiz = quiz_field("Optional. When set, the module completes only once the learner passes it.")

    parent_page_types: ClassVar[list[str]] = ["courses.CoursePage"]
    subpage_types: ClassVar[list[str]] = []

    search_fields: ClassVar[list[Any]] = [*Page.search_fields, index.SearchField("body")]

    content_panels: ClassVar[list[Any]] = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("minimum_minutes")]),
        FieldPanel("body"),
        FieldPanel("quiz"),
    ]

    @property
    def minimum_seconds(self) -> int:
        minutes = self.minimum_minutes if self.minimum_minutes is not None else self.estimated_minutes / 2
        return int(minutes * 60)

    def course(self) -> CoursePage | None:
        # Wagtail's routing has loaded the parent already (and its specific page): no query.
        parent = self.get_parent()
        if parent is not None and not isinstance(parent, CoursePage):
            parent = parent.specific
        return parent if isinstance(parent, CoursePage) else None

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The module as anyone sees it, with its place in the course; a signed-in learner's progress is
        added by courses.views.learner_page."""
        context = super().get_context(request, *args, **kwargs)
        course = self.course()
        # Both change only when a page is published: cached until then.
        siblings: list[ModulePage] = (
            remember(f"modules:{course.pk}", lambda: list(course.live_modules().defer("body"))) if course else []
        )
        ids = [m.pk for m in siblings]
        position = ids.index(self.pk) if self.pk in ids else -1
        context.update(
            course=course,
            modules=siblings,
            module_number=position + 1 if position >= 0 else None,
            previous_module=siblings[position - 1] if position > 0 else None,
            next_module=siblings[position + 1] if 0 <= position < len(siblings) - 1 else None,
        )
        return context
