"""Course files: the demo courses round-trip, bad content is refused with its path and nothing written,
and import_course updates a course as a draft in Clinical review, keeping its block ids."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

from courses.course_files import (
    CourseData,
    CourseFileError,
    course_data_from_page,
    course_data_parse,
    course_export,
    course_file_load,
    course_file_read,
    demo_course_files,
)
from courses.models import CourseIndexPage, CoursePage, ModulePage
from lms.accounts.roles import WORKFLOW_NAME
from tests.factories import staff_user

DEMO = {path.stem: path for path in demo_course_files()}
BUPRENORPHINE = "buprenorphine-and-medications-for-oud"


@pytest.fixture(scope="module")
def seeded(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> Iterator[None]:
    """The three demo courses, seeded once for the module (seeding takes seconds), removed afterwards."""
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        call_command("seed_demo", verbosity=0, no_users=True)
        yield
        for page in Page.objects.filter(depth=2):
            page.delete()
        # What seeding left beside the pages, so later test modules start from the migrated database.
        for model in (Revision, WorkflowState, PageLogEntry):
            model.objects.all().delete()


def counts() -> tuple[int, int, int]:
    return Page.objects.count(), Revision.objects.count(), WorkflowState.objects.count()


def demo_document(slug: str) -> dict:
    return yaml.safe_load(DEMO[slug].read_text(encoding="utf-8"))


def test_there_is_a_file_for_each_of_the_three_demo_courses() -> None:
    assert sorted(DEMO) == sorted(
        [
            "overdose-prevention-in-opioid-prescribing",
            BUPRENORPHINE,
            "naloxone-co-prescribing-and-academic-detailing",
        ]
    )


@pytest.mark.parametrize("slug", sorted(DEMO))
def test_a_seeded_demo_course_exports_to_the_same_content_as_its_file(seeded: None, db: None, slug: str) -> None:
    source = course_file_read(path=DEMO[slug])
    exported = course_file_load(text=course_export(course=CoursePage.objects.get(slug=slug)), source="export")
    assert exported == source  # resolved citations, the same blocks, values and ids
    assert exported.modules and all(m.body for m in exported.modules)


def test_the_export_of_a_demo_course_is_the_file_itself(seeded: None, db: None) -> None:
    exported = course_export(course=CoursePage.objects.get(slug=BUPRENORPHINE))
    assert exported == DEMO[BUPRENORPHINE].read_text(encoding="utf-8")


def test_references_and_question_sources_resolve_to_the_citation_text(seeded: None, db: None) -> None:
    document = demo_document(BUPRENORPHINE)
    citations = {k: v if isinstance(v, str) else v["text"] for k, v in document["citations"].items()}
    data = course_file_read(path=DEMO[BUPRENORPHINE])
    first_question = data.streams["pretest"][0]["value"]["questions"][0]["value"]
    assert first_question["reference"] == citations[document["pretest"]["questions"][0]["reference"]]
    references = [b for b in data.modules[0].body if b["type"] == "references"][0]
    keys = [b for b in document["modules"][0]["body"] if b["type"] == "references"][0]["items"]
    assert [item["value"]["citation"] for item in references["value"]["items"]] == [citations[k] for k in keys]


def test_importing_an_export_changes_nothing(seeded: None, db: None, tmp_path: Path) -> None:
    course = CoursePage.objects.get(slug=BUPRENORPHINE)
    exported = tmp_path / "course.yaml"
    exported.write_text(course_export(course=course), encoding="utf-8")
    before = counts()
    call_command("import_course", str(exported), verbosity=0)
    assert counts() == before


def bad_file(tmp_path: Path, document: dict) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def refuse(path: Path) -> str:
    before = counts()
    with pytest.raises(CommandError) as raised:
        call_command("import_course", str(path), verbosity=0)
    assert counts() == before, "a refused file wrote something"
    return str(raised.value)


def test_a_question_with_no_correct_choice_is_refused_with_its_path(seeded: None, db: None, tmp_path: Path) -> None:
    document = demo_document(BUPRENORPHINE)
    question = document["modules"][2]["quiz"]["questions"][0]
    for choice in question["choices"]:
        choice["correct"] = False
    message = refuse(bad_file(tmp_path, document))
    assert "bad.yaml: modules[2].quiz.questions[0].choices: Mark" in message


def test_an_unknown_block_type_is_refused_with_its_path(seeded: None, db: None, tmp_path: Path) -> None:
    document = demo_document(BUPRENORPHINE)
    document["modules"][1]["body"][3] = {"type": "marquee", "value": "<p>Hi</p>"}
    message = refuse(bad_file(tmp_path, document))
    assert "modules[1].body[3]: unknown block type 'marquee'" in message


def test_a_bad_field_deep_in_a_block_is_refused_with_its_path(seeded: None, db: None, tmp_path: Path) -> None:
    document = demo_document(BUPRENORPHINE)
    document["modules"][0]["body"].append({"type": "key_message", "heading": "x" * 200, "text": ""})
    document["release_date"] = "not a date"
    message = refuse(bad_file(tmp_path, document))
    index = len(document["modules"][0]["body"]) - 1
    assert f"modules[0].body[{index}].heading: Ensure this value has at most 120 characters" in message
    assert f"modules[0].body[{index}].text: This field is required." in message
    assert "release_date: “not a date” value has an invalid date format" in message


def test_an_unknown_citation_is_refused(seeded: None, db: None, tmp_path: Path) -> None:
    document = demo_document(BUPRENORPHINE)
    document["pretest"]["questions"][1]["reference"] = "nobody-2099"
    assert "pretest.questions[1].reference: unknown citation 'nobody-2099'" in refuse(bad_file(tmp_path, document))


def test_a_missing_file_and_bad_yaml_are_refused(db: None, tmp_path: Path) -> None:
    assert "cannot read the file" in refuse(tmp_path / "missing.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("slug: [unclosed\n", encoding="utf-8")
    assert "broken.yaml: line 2, column 1: not valid YAML" in refuse(broken)


def test_seed_demo_refuses_a_bad_demo_file_before_writing_anything(
    db: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = demo_document(BUPRENORPHINE)
    document["modules"][0]["quiz"]["questions"][0]["type"] = "essay"
    bad = bad_file(tmp_path, document)
    monkeypatch.setattr("courses.management.commands.seed_demo.demo_course_files", lambda: [*DEMO.values(), bad])
    before = counts()
    with pytest.raises(CommandError, match=r"modules\[0\]\.quiz\.questions\[0\]: unknown block type 'essay'"):
        call_command("seed_demo", verbosity=0)
    assert counts() == before


def test_a_parse_reports_every_problem_at_once(db: None) -> None:
    with pytest.raises(CourseFileError) as raised:
        course_data_parse({"slug": "x", "colour": "red", "modules": []}, source="inline")
    paths = [path for path, _ in raised.value.problems]
    assert "colour" in paths and "modules" in paths


# --- import_course on a catalog with no demo content -----------------------------------------------


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """The buprenorphine course under another slug, so it is new to the catalog."""
    document = demo_document(BUPRENORPHINE)
    document["slug"] = "imported-course"
    document["title"] = "Imported course"
    path = tmp_path / "imported.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def ids(data: CourseData) -> list[str]:
    """Every block, question and choice id in the course, in order."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if "id" in value and "type" in value:
                found.append(str(value["id"]))
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(data.streams)
    walk([m.body + m.quiz for m in data.modules])
    return found


def test_import_makes_a_draft_in_clinical_review_not_a_live_course(catalog: CourseIndexPage, source: Path) -> None:
    specialist = staff_user("specialist")
    call_command("import_course", str(source), user=specialist.email, verbosity=0)
    course = CoursePage.objects.get(slug="imported-course")
    assert not course.live
    state = course.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME and state.requested_by == specialist
    modules = ModulePage.objects.child_of(course)
    assert modules.count() == 4 and not modules.live().exists()
    assert all(m.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS for m in modules)


def test_import_twice_updates_in_place_and_keeps_block_ids(catalog: CourseIndexPage, source: Path) -> None:
    call_command("import_course", str(source), verbosity=0)
    course = CoursePage.objects.get(slug="imported-course")
    first = course_data_from_page(course=course)

    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    document["modules"][1]["summary"] = "A clearer summary."
    document["modules"][1]["quiz"]["questions"][0]["explanation"] = "A reviewed explanation."
    source.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    call_command("import_course", str(source), verbosity=0)

    assert CoursePage.objects.filter(slug="imported-course").count() == 1
    assert ModulePage.objects.child_of(course).count() == len(document["modules"])
    second = course_data_from_page(course=course)
    assert ids(second) == ids(first) and ids(first)
    module = second.modules[1]
    assert module.fields["summary"] == "A clearer summary."
    assert module.quiz[0]["value"]["questions"][0]["value"]["explanation"] == "A reviewed explanation."
    # The updated module went back to review on its new revision; the others got no new revision.
    updated = ModulePage.objects.child_of(course).get(slug=module.slug)
    assert updated.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_CANCELLED).count() == 1


def test_ids_given_in_a_file_are_kept(catalog: CourseIndexPage, source: Path) -> None:
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    pinned = "3f2b8a4e-1111-4c6a-9d2e-000000000001"
    document["modules"][0]["quiz"]["questions"][0]["choices"][1]["id"] = pinned
    source.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    call_command("import_course", str(source), verbosity=0)
    module = ModulePage.objects.get(slug=document["modules"][0]["slug"]).get_latest_revision_as_object()
    choice_ids = [choice.id for choice in module.quiz[0].value["questions"][0].value["choices"].bound_blocks]
    assert choice_ids[1] == pinned
    assert f"id: {pinned}" in course_export(course=CoursePage.objects.get(slug="imported-course"))


def test_import_refuses_an_unknown_user(catalog: CourseIndexPage, source: Path) -> None:
    assert "no such user" in refuse_with(source, user="nobody@example.org")


def refuse_with(path: Path, **options: object) -> str:
    before = counts()
    with pytest.raises(CommandError) as raised:
        call_command("import_course", str(path), verbosity=0, **options)
    assert counts() == before
    return str(raised.value)


def test_export_course_writes_a_file_and_refuses_an_unknown_slug(
    catalog: CourseIndexPage, source: Path, tmp_path: Path
) -> None:
    call_command("import_course", str(source), verbosity=0)
    out = tmp_path / "out.yaml"
    call_command("export_course", "imported-course", "-o", str(out), verbosity=0)
    assert course_file_read(path=out) == course_file_read(path=source)
    with pytest.raises(CommandError, match="No course has the slug"):
        call_command("export_course", "no-such-course")


def test_seed_demo_leaves_edited_courses_alone_but_adds_a_module_new_to_the_file(seeded: None, db: None) -> None:
    course = CoursePage.objects.get(slug=BUPRENORPHINE)
    course.summary = "Edited by a specialist."
    course.save_revision().publish()
    ModulePage.objects.child_of(course).last().delete()
    call_command("seed_demo", verbosity=0, no_users=True)
    course.refresh_from_db()
    assert course.summary == "Edited by a specialist."
    assert ModulePage.objects.child_of(course).live().count() == len(demo_document(BUPRENORPHINE)["modules"])
