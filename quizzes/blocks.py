"""Quiz authoring blocks. Block ids (questions) and ListBlock item ids (choices) are stable across
revisions, so they serve as question and choice ids in attempts."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class ChoiceOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=400)
    correct = blocks.BooleanBlock(required=False, help_text="Tick the right answer(s).")

    class Meta:
        icon = "radio-full"


class _ChoiceQuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock()
    choices = blocks.ListBlock(ChoiceOptionBlock(), min_num=2, max_num=8)
    explanation = blocks.TextBlock(help_text="Why the right answer is right; shown after submission.")
    reference = blocks.CharBlock(required=False, max_length=300, help_text="The source, e.g. CDC 2022, Rec 8.")

    min_correct = 1
    max_correct: int | None = None

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if correct < self.min_correct or (self.max_correct is not None and correct > self.max_correct):
            wanted = "exactly one right answer" if self.max_correct == 1 else "at least one right answer"
            raise StructBlockValidationError(block_errors={"choices": ValidationError(f"Mark {wanted}.")})
        return value


class SingleChoiceQuestionBlock(_ChoiceQuestionBlock):
    max_correct = 1

    class Meta:
        icon = "radio-empty"
        label = "Single choice question"


class MultipleChoiceQuestionBlock(_ChoiceQuestionBlock):
    """All or nothing: the learner must pick exactly the right set."""

    class Meta:
        icon = "tasks"
        label = "Multiple choice question (select all that apply)"


class TrueFalseQuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(help_text="A statement the learner judges true or false.")
    answer = blocks.ChoiceBlock(choices=[("true", "True"), ("false", "False")])
    explanation = blocks.TextBlock()
    reference = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "tick-inverse"
        label = "True or false"


class QuestionsBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()

    class Meta:
        required = False


class ShowExplanations:
    AFTER_SUBMISSION = "after_submission"
    AFTER_PASSING = "after_passing"
    CHOICES = [(AFTER_SUBMISSION, "After each submission"), (AFTER_PASSING, "Only after passing")]


class QuizBlock(blocks.StructBlock):
    passing_score = blocks.IntegerBlock(min_value=0, max_value=100, default=80, help_text="Percent needed to pass.")
    max_attempts = blocks.IntegerBlock(min_value=0, max_value=100, default=0, help_text="0 means unlimited.")
    shuffle = blocks.BooleanBlock(required=False, default=True, help_text="Shuffle questions and choices.")
    show_explanations = blocks.ChoiceBlock(choices=ShowExplanations.CHOICES, default=ShowExplanations.AFTER_SUBMISSION)
    questions = QuestionsBlock()

    class Meta:
        icon = "tasks"
        label = "Quiz"


def quiz_stream_with_ids(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give every quiz, question and choice a stable id in raw StreamField data.

    The admin always sends ids; content written as raw JSON (seed data, imports) may not, and
    Wagtail would then invent a new choice id on every read. Attempts key on these ids.
    """

    def new_id() -> str:
        return str(uuid.uuid4())

    for quiz in raw:
        quiz["id"] = quiz.get("id") or new_id()
        for question in quiz["value"].get("questions") or []:
            question["id"] = question.get("id") or new_id()
            choices = question["value"].get("choices")
            if choices is None:
                continue
            question["value"]["choices"] = [
                {"type": "item", "value": c["value"], "id": c.get("id") or new_id()}
                if isinstance(c, dict) and c.get("type") == "item"
                else {"type": "item", "value": c, "id": new_id()}
                for c in choices
            ]
    return raw
