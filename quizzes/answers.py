"""Reading a submitted quiz form against the attempt's snapshot."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

from quizzes.grading import Answers, Snapshot


def field_name(question_id: str) -> str:
    return f"q-{question_id}"


@dataclass
class ParsedAnswers:
    answers: Answers = field(default_factory=dict)
    unanswered: list[int] = field(default_factory=list)  # question numbers as shown, from 1
    invalid: str = ""  # a tampered or impossible answer: the whole submission is refused

    @property
    def complete(self) -> bool:
        return not self.unanswered and not self.invalid


def answers_parse(snapshot: Snapshot, data: QueryDict) -> ParsedAnswers:
    """Every question answered, with choices that belong to it, each once; single choice one only."""
    parsed = ParsedAnswers()
    for number, question in enumerate(snapshot["questions"], start=1):
        chosen = data.getlist(field_name(question["id"]))
        if not chosen:
            parsed.unanswered.append(number)
            continue
        allowed = {choice["id"] for choice in question["choices"]}
        if any(choice not in allowed for choice in chosen):
            parsed.invalid = f"An answer to question {number} is not one of its choices. Reload the quiz and try again."
        elif len(set(chosen)) != len(chosen):
            parsed.invalid = f"Question {number} has the same choice twice."
        elif question["type"] != "multiple_choice" and len(chosen) > 1:
            parsed.invalid = f"Question {number} takes one answer only."
        if parsed.invalid:
            return parsed
        parsed.answers[question["id"]] = chosen
    return parsed


def unanswered_message(numbers: list[int]) -> str:
    listed = ", ".join(str(n) for n in numbers)
    noun = "Question" if len(numbers) == 1 else "Questions"
    verb = "is" if len(numbers) == 1 else "are"
    return f"{noun} {listed} {verb} not answered yet. Your other answers are kept below."


def kept_choices(answers: Answers) -> set[str]:
    return {choice for chosen in answers.values() for choice in chosen}


def served_questions(snapshot: Snapshot) -> list[dict[str, Any]]:
    """The questions without their keys or explanations: all the form template ever receives."""
    return [
        {
            "id": q["id"],
            "number": number,
            "type": q["type"],
            "prompt": q["prompt"],
            "choices": [{"id": c["id"], "text": c["text"]} for c in q["choices"]],
            "field": field_name(q["id"]),
        }
        for number, q in enumerate(snapshot["questions"], start=1)
    ]
