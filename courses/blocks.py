"""StreamField blocks for module bodies. Each renders with templates/courses/blocks/<name>.html."""

from __future__ import annotations

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "superscript", "subscript"]


class KeyMessageBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default="Key message", max_length=120)
    text = blocks.TextBlock(help_text="One or two sentences the learner should remember.")

    class Meta:
        icon = "pick"
        template = "courses/blocks/key_message.html"
        label = "Key message"


class CaseVignetteBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160)
    presentation = blocks.TextBlock(help_text="The patient's story, as the clinician meets it.")
    question = blocks.TextBlock(help_text="What the learner should decide.")
    discussion = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, help_text="Shown when the learner opens it.")

    class Meta:
        icon = "user"
        template = "courses/blocks/case_vignette.html"
        label = "Case vignette"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(max_length=250, help_text="Describe the image for screen-reader users.")
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text="A video URL (YouTube, Vimeo) embedded with oEmbed.")
    title = blocks.CharBlock(max_length=160)
    transcript = blocks.TextBlock(help_text="Full transcript, for learners who cannot play or hear the video.")

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"
        label = "Video embed"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("warning", "Caution"), ("success", "Good practice")],
        default="info",
    )
    heading = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "courses/blocks/callout.html"


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(max_length=200, help_text="Says what the table shows (read by screen readers).")
    table = TableBlock()

    class Meta:
        icon = "table"
        template = "courses/blocks/table.html"
        label = "Table"


class ReferenceBlock(blocks.StructBlock):
    citation = blocks.TextBlock()
    url = blocks.URLBlock(required=False)


class ReferencesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default="References", max_length=80)
    items = blocks.ListBlock(ReferenceBlock())

    class Meta:
        icon = "list-ol"
        template = "courses/blocks/references.html"
        label = "References"


class MMECalculatorBlock(blocks.StructBlock):
    """An interactive total-MME calculator; the arithmetic lives in courses/mme.py."""

    heading = blocks.CharBlock(default="Calculate total daily MME", max_length=120)
    intro = blocks.TextBlock(required=False)

    class Meta:
        icon = "decimal"
        template = "courses/blocks/mme_calculator.html"
        label = "MME calculator"

    def get_context(self, value: object, parent_context: dict[str, object] | None = None) -> dict[str, object]:
        # Here, not at the top: courses.forms imports courses.models, whose pages import these blocks.
        from courses.forms import MMECalculatorForm

        context = super().get_context(value, parent_context=parent_context)
        context["form"] = MMECalculatorForm()
        return context


class ModuleBodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="courses/blocks/rich_text.html")
    key_message = KeyMessageBlock()
    case_vignette = CaseVignetteBlock()
    image = ImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    table = CaptionedTableBlock()
    references = ReferencesBlock()
    mme_calculator = MMECalculatorBlock()


LIKERT_CHOICES = [
    ("5", "Strongly agree"),
    ("4", "Agree"),
    ("3", "Neutral"),
    ("2", "Disagree"),
    ("1", "Strongly disagree"),
]


class LikertItemBlock(blocks.StructBlock):
    statement = blocks.CharBlock(max_length=300, help_text="e.g. The content was free of commercial bias.")

    class Meta:
        icon = "list-ul"
        label = "Agreement scale (Likert)"


class FreeTextItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300)
    required = blocks.BooleanBlock(required=False, default=False)

    class Meta:
        icon = "edit"
        label = "Free text"


class CommitmentItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300, default="What will you change in your practice?")

    class Meta:
        icon = "pick"
        label = "Commitment to change"


class EvaluationBlock(blocks.StreamBlock):
    likert = LikertItemBlock()
    free_text = FreeTextItemBlock()
    commitment = CommitmentItemBlock()

    class Meta:
        required = False
