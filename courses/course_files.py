"""Course files: one course, its modules and their quizzes as a YAML file a clinical reviewer can read and diff.

``seed_demo`` loads the demo courses from ``courses/demo/*.yaml``; ``import_course`` loads any such file
into a deployment as a draft for Clinical review; ``export_course`` writes a course back in the same form.

The format, top to bottom:

- the course's own fields (``slug``, ``title``, dates, statements …), ``faculty`` and ``credit_designations``;
- ``citations``: every source the course cites, once, by key (``key: text`` or ``key: {text, url}``).
  A ``references`` block lists keys (``items: [dowell-2022]``); a question's ``reference`` is one key;
- ``pretest``, ``posttest`` (a quiz each: settings and ``questions``) and ``evaluation``;
- ``modules``: each with ``slug``, ``title``, ``summary``, ``estimated_minutes``, ``body`` and ``quiz``.

A block is written as its ``type`` beside its fields (``{type: key_message, heading: …, text: …}``); a block
with no fields has a ``value`` (``{type: rich_text, value: "<p>…</p>"}``). Rich text stays HTML.

Ids: learner records and quiz snapshots are keyed on (page id, block id), so every block, question and
choice keeps its id across imports. A file may give an ``id``; when it does not, the id is derived from the
course slug, the module slug and the block's place in the page (uuid5), so importing the same file again
gives the same ids. Export writes an id only where it differs from the derived one (a block authored in
the admin), which keeps the demo files free of UUIDs. ``--all-ids`` writes every id, pinning them before
blocks are inserted or reordered in the file.

Every block is checked by the page's own StreamField block definitions (``to_python`` then ``clean``) and
the pages by ``full_clean``, before anything is written; a problem names the file, the path inside it
(``modules[2].body[5].choices[1]``) and the reason.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils.text import slugify
from wagtail import blocks
from wagtail.models import Page, WorkflowState

from courses.blocks import ReferenceBlock
from courses.models import CourseFaculty, CourseIndexPage, CoursePage, CreditDesignation, ModulePage
from lms.accounts.models import User
from quizzes.blocks import MultipleChoiceQuestionBlock, QuizBlock, SingleChoiceQuestionBlock, TrueFalseQuestionBlock

DEMO_DIR = Path(__file__).resolve().parent / "demo"

# Derived block ids live in their own uuid5 namespace, so they never collide with uuid4 ids from the admin.
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://antidote.example/course-files")

COURSE_FIELDS = (
    "slug",
    "title",
    "topic",
    "summary",
    "target_audience",
    "format",
    "estimated_minutes",
    "release_date",
    "last_review_date",
    "expiration_date",
    "mate_eligible",
    "modules_in_order",
    "accredited_provider",
    "accreditation_statement",
    "nursing_approval_statement",
    "commercial_support_statement",
    "posttest_reuses_pretest",
)
MODULE_FIELDS = ("slug", "title", "summary", "estimated_minutes", "minimum_minutes")
FACULTY_FIELDS = ("name", "credentials", "role", "disclosure")
CREDIT_FIELDS = ("credit_type", "max_credits")
QUIZ_FIELDS = ("pretest", "posttest")
COURSE_KEYS = (
    *COURSE_FIELDS[:4],
    "learning_objectives",
    *COURSE_FIELDS[4:],
    "faculty",
    "credit_designations",
    "citations",
    *QUIZ_FIELDS,
    "evaluation",
    "modules",
)
MODULE_KEYS = (*MODULE_FIELDS, "body", "quiz")
# Page fields the file does not carry, or that the tree sets: never validated from the file.
_TREE_FIELDS = ["path", "depth", "numchild", "url_path", "draft_title", "live_revision", "latest_revision"]
# Question fields that hold a citation key in the file and the citation's text in the page.
_CITED_FIELD = "reference"
_QUESTION_BLOCKS = (SingleChoiceQuestionBlock, MultipleChoiceQuestionBlock, TrueFalseQuestionBlock)


class CourseFileError(Exception):
    """A course file that cannot be loaded; ``problems`` are (path inside the file, reason)."""

    def __init__(self, *, source: str, problems: list[tuple[str, str]]) -> None:
        self.source = source
        self.problems = problems
        lines = [f"{source}: {path or '(top)'}: {reason}" for path, reason in problems]
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class ModuleData:
    """One module as loaded: page fields cleaned by the model, streams in Wagtail's raw form with ids."""

    slug: str
    fields: dict[str, Any]
    body: list[dict[str, Any]]
    quiz: list[dict[str, Any]]


@dataclass(frozen=True)
class CourseData:
    slug: str
    fields: dict[str, Any]
    streams: dict[str, list[dict[str, Any]]]  # learning_objectives, pretest, posttest, evaluation
    faculty: list[dict[str, Any]]
    credit_designations: list[dict[str, Any]]
    modules: list[ModuleData]
    source: str = field(default="", compare=False)


@dataclass
class ImportResult:
    course: CoursePage
    created: list[Page] = field(default_factory=list)
    updated: list[Page] = field(default_factory=list)
    unchanged: list[Page] = field(default_factory=list)
    # Modules on the site that the file no longer lists: left alone, since learners' records point at them.
    not_in_file: list[ModulePage] = field(default_factory=list)


def derived_id(owner: str, page_path: str) -> str:
    """The id of a block the file gives none: stable for the same course, module and place."""
    return str(uuid.uuid5(ID_NAMESPACE, f"{owner}:{page_path}"))


# --- reading ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Where:
    """Where a value sits: in the file (for messages) and in its page (for derived ids)."""

    file: str
    page: str
    owner: str

    def at(self, key: int | str) -> _Where:
        def join(base: str) -> str:
            if isinstance(key, int):
                return f"{base}[{key}]"
            return f"{base}.{key}" if base else key

        return _Where(file=join(self.file), page=join(self.page), owner=self.owner)

    def derived_id(self) -> str:
        return derived_id(self.owner, self.page)


class _Reader:
    def __init__(self, *, source: str, citations: dict[str, dict[str, str]]) -> None:
        self.source = source
        self.citations = citations
        self.problems: list[tuple[str, str]] = []

    def problem(self, path: str, reason: str) -> None:
        self.problems.append((path, reason))

    def cite(self, key: Any, where: _Where) -> dict[str, str]:
        if not isinstance(key, str) or key not in self.citations:
            known = ", ".join(sorted(self.citations)) or "none defined"
            self.problem(where.file, f"unknown citation {key!r} (citations: {known})")
            return {"text": "", "url": ""}
        return self.citations[key]

    # File form -> Wagtail raw form, recursively along the block definition.
    def raw(self, block: blocks.Block, value: Any, where: _Where) -> Any:
        if isinstance(block, blocks.StreamBlock):
            return self._stream(block, value, where)
        if isinstance(block, blocks.ListBlock):
            return self._list(block, value, where)
        if isinstance(block, ReferenceBlock):
            citation = self.cite(value, where)
            return {"citation": citation["text"], "url": citation["url"]}
        if isinstance(block, blocks.StructBlock):
            return self._struct(block, value, where)
        return value

    def _stream(self, block: blocks.StreamBlock, value: Any, where: _Where) -> list[dict[str, Any]]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(where.file, "expected a list of blocks")
            return []
        children = block.child_blocks
        only = next(iter(children)) if len(children) == 1 else None
        out = []
        for index, item in enumerate(value):
            here = where.at(index)
            if only is not None and not isinstance(children[only], blocks.StructBlock) and not isinstance(item, dict):
                item = {"value": item}
            if not isinstance(item, dict):
                self.problem(here.file, "expected a block (a mapping with a 'type')")
                continue
            name = item.get("type", only)
            if name not in children:
                expected = ", ".join(children)
                self.problem(here.file, f"unknown block type {name!r} (expected one of: {expected})")
                continue
            child = children[name]
            rest = {k: v for k, v in item.items() if k not in ("type", "id")}
            if isinstance(child, blocks.StructBlock) and not isinstance(child, ReferenceBlock):
                raw_value = self.raw(child, rest, here)
            elif set(rest) != {"value"}:
                self.problem(here.file, f"a {name} block has only a 'value' (found: {', '.join(rest) or 'nothing'})")
                continue
            else:
                raw_value = self.raw(child, rest["value"], here)
            out.append({"type": name, "value": raw_value, "id": self._id(item, here)})
        return out

    def _list(self, block: blocks.ListBlock, value: Any, where: _Where) -> list[dict[str, Any]]:
        if not isinstance(value, list):
            self.problem(where.file, "expected a list")
            return []
        child = block.child_block
        out = []
        for index, item in enumerate(value):
            here = where.at(index)
            if isinstance(child, ReferenceBlock):
                # A citation key, or {cite: key, id: …} when the item's id is given.
                key = item.get("cite") if isinstance(item, dict) else item
                out.append({"type": "item", "value": self.raw(child, key, here), "id": self._id(item, here)})
            elif isinstance(child, blocks.StructBlock):
                rest = {k: v for k, v in item.items() if k != "id"} if isinstance(item, dict) else item
                out.append({"type": "item", "value": self.raw(child, rest, here), "id": self._id(item, here)})
            else:
                plain = item["value"] if isinstance(item, dict) and "value" in item else item
                out.append({"type": "item", "value": self.raw(child, plain, here), "id": self._id(item, here)})
        return out

    def _struct(self, block: blocks.StructBlock, value: Any, where: _Where) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.problem(where.file, f"expected a mapping of {', '.join(block.child_blocks)}")
            return {}
        for name in value:
            if name not in block.child_blocks:
                self.problem(where.at(name).file, f"unknown field (expected one of: {', '.join(block.child_blocks)})")
        out = {}
        for name, child in block.child_blocks.items():
            if name not in value:
                continue  # to_python fills the default; clean refuses it if it is required
            if name == _CITED_FIELD and isinstance(block, _QUESTION_BLOCKS):
                out[name] = self.cite(value[name], where.at(name))["text"] if value[name] else ""
            else:
                out[name] = self.raw(child, value[name], where.at(name))
        return out

    def _id(self, item: Any, where: _Where) -> str:
        given = item.get("id") if isinstance(item, dict) else None
        if given is None:
            return where.derived_id()
        try:
            return str(uuid.UUID(str(given)))
        except ValueError:
            self.problem(where.at("id").file, f"not a UUID: {given!r}")
            return where.derived_id()

    # Validation through the block definitions: to_python, then clean, then Wagtail's stored form.
    def clean(self, block: blocks.Block, raw: Any, where: _Where) -> Any:
        try:
            return block.get_prep_value(block.clean(block.to_python(raw)))
        except ValidationError as error:
            for path, reason in _flatten(error, where.file):
                self.problem(path, reason)
        except (TypeError, ValueError, AttributeError, KeyError) as error:
            # A value of the wrong shape (a list where text belongs) fails inside Wagtail before clean.
            self.problem(where.file, f"not a valid value here ({error.__class__.__name__}: {error})")
        return raw

    def stream(self, block: blocks.StreamBlock, value: Any, where: _Where) -> list[dict[str, Any]]:
        problems = len(self.problems)
        raw = self._stream(block, value, where)
        if len(self.problems) > problems:
            return raw  # positions would no longer match the file: report what is wrong with the shape first
        return self.clean(block, raw, where)

    def quiz(self, value: Any, where: _Where) -> list[dict[str, Any]]:
        """A quiz field: one QuizBlock, written in the file as a plain mapping (absent: no quiz)."""
        if value is None:
            return []
        if not isinstance(value, dict):
            self.problem(where.file, "expected a quiz (a mapping with passing_score, …, questions)")
            return []
        block = QuizBlock()
        problems = len(self.problems)
        raw = self._struct(block, {k: v for k, v in value.items() if k != "id"}, where)
        cleaned = raw if len(self.problems) > problems else self.clean(block, raw, where)
        return [{"type": "quiz", "value": cleaned, "id": self._id(value, where)}]

    def model(self, instance: models.Model, where: _Where, *, exclude: list[str]) -> None:
        try:
            # Fields first: a model's clean() compares dates and would fail on a date that is still text.
            instance.clean_fields(exclude=exclude)
            instance.full_clean(exclude=exclude, validate_unique=False)
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                path = where.file if name == NON_FIELD_ERRORS else where.at(name).file
                for reason in errors:
                    self.problem(path, reason)


def _flatten(error: ValidationError, path: str) -> Iterator[tuple[str, str]]:
    """Wagtail's nested block errors, as (path, reason) pairs."""
    block_errors = getattr(error, "block_errors", None) or {}
    non_block_errors = getattr(error, "non_block_errors", None) or []
    for key, child in block_errors.items():
        child_path = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if path else str(key)
        yield from _flatten(child, child_path)
    for child in non_block_errors:
        yield from _flatten(child, path) if isinstance(child, ValidationError) else [(path, str(child))]
    if not block_errors and not non_block_errors:
        for message in error.messages:
            yield path, message


def _stream_block(model: type[models.Model], name: str) -> blocks.StreamBlock:
    return model._meta.get_field(name).stream_block  # type: ignore[union-attr]


def _citations(value: Any, reader: _Reader) -> dict[str, dict[str, str]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        reader.problem("citations", "expected a mapping of key: text (or key: {text, url})")
        return {}
    out = {}
    for key, entry in value.items():
        if isinstance(entry, str):
            entry = {"text": entry}
        if not isinstance(entry, dict) or not entry.get("text") or set(entry) - {"text", "url"}:
            reader.problem(f"citations.{key}", "expected the citation's text, or {text, url}")
            continue
        out[str(key)] = {"text": str(entry["text"]), "url": str(entry.get("url") or "")}
    return out


def _unknown_keys(value: dict[str, Any], known: tuple[str, ...], where: _Where, reader: _Reader) -> None:
    for key in value:
        if key not in known:
            reader.problem(where.at(key).file, f"unknown field (expected one of: {', '.join(known)})")


def _rows(value: Any, fields: tuple[str, ...], where: _Where, reader: _Reader) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        reader.problem(where.file, f"expected a list of mappings with {', '.join(fields)}")
        return []
    for index, row in enumerate(value):
        _unknown_keys(row, fields, where.at(index), reader)
    return [{k: v for k, v in row.items() if k in fields} for row in value]


def course_data_parse(document: Any, *, source: str) -> CourseData:
    """Check a loaded course file against the blocks and models; raise CourseFileError listing every problem."""
    if not isinstance(document, dict):
        raise CourseFileError(source=source, problems=[("", "expected a course (a mapping with slug, title, …)")])
    reader = _Reader(source=source, citations={})
    reader.citations = _citations(document.get("citations"), reader)
    top = _Where(file="", page="", owner=str(document.get("slug", "")))
    _unknown_keys(document, COURSE_KEYS, top, reader)

    course = CoursePage(**{name: document[name] for name in COURSE_FIELDS if name in document})
    streams = {
        "learning_objectives": reader.stream(
            _stream_block(CoursePage, "learning_objectives"),
            document.get("learning_objectives"),
            top.at("learning_objectives"),
        ),
        "pretest": reader.quiz(document.get("pretest"), top.at("pretest")),
        "posttest": reader.quiz(document.get("posttest"), top.at("posttest")),
        "evaluation": reader.stream(
            _stream_block(CoursePage, "evaluation"), document.get("evaluation"), top.at("evaluation")
        ),
    }
    for name, raw in streams.items():
        setattr(course, name, json.dumps(raw))
    course.path = ""  # no parent yet: the slug is matched under the catalog when written, never duplicated
    reader.model(course, top, exclude=_TREE_FIELDS)

    faculty = []
    for index, row in enumerate(_rows(document.get("faculty", []), FACULTY_FIELDS, top.at("faculty"), reader)):
        person = CourseFaculty(**row)
        reader.model(person, top.at("faculty").at(index), exclude=["course", "sort_order"])
        faculty.append({name: getattr(person, name) for name in FACULTY_FIELDS})
    credits = _rows(document.get("credit_designations", []), CREDIT_FIELDS, top.at("credit_designations"), reader)
    seen: set[str] = set()
    for index, row in enumerate(credits):
        here = top.at("credit_designations").at(index)
        if row.get("credit_type") in seen:
            reader.problem(here.at("credit_type").file, "this credit type is designated twice")
        seen.add(row.get("credit_type", ""))
        if isinstance(row.get("max_credits"), float):
            row["max_credits"] = str(row["max_credits"])  # YAML reads 1.25 as a float: keep the written digits
        designation = CreditDesignation(**row)
        reader.model(designation, here, exclude=["course", "sort_order"])
        row.update({name: getattr(designation, name) for name in CREDIT_FIELDS})

    modules = []
    module_docs = document.get("modules")
    if not isinstance(module_docs, list) or not module_docs:
        reader.problem("modules", "expected a list of modules (at least one)")
        module_docs = []
    slugs: set[str] = set()
    for index, module_doc in enumerate(module_docs):
        here = top.at("modules").at(index)
        if not isinstance(module_doc, dict):
            reader.problem(here.file, "expected a module (a mapping with slug, title, …)")
            continue
        slug = str(module_doc.get("slug", ""))
        if slug in slugs:
            reader.problem(here.at("slug").file, f"two modules have the slug {slug!r}")
        slugs.add(slug)
        _unknown_keys(module_doc, MODULE_KEYS, here, reader)
        # Ids derive from the module's slug, not its place, so reordering modules keeps them.
        at_page = _Where(file=here.file, page="", owner=f"{top.owner}/{slug}")
        module = ModulePage(**{name: module_doc[name] for name in MODULE_FIELDS if name in module_doc})
        body = reader.stream(_stream_block(ModulePage, "body"), module_doc.get("body"), at_page.at("body"))
        quiz = reader.quiz(module_doc.get("quiz"), at_page.at("quiz"))
        module.body, module.quiz = json.dumps(body), json.dumps(quiz)
        module.path = ""
        reader.model(module, here, exclude=_TREE_FIELDS)
        fields = {name: getattr(module, name) for name in MODULE_FIELDS}
        modules.append(ModuleData(slug=slug, fields=fields, body=body, quiz=quiz))

    if reader.problems:
        raise CourseFileError(source=source, problems=reader.problems)
    return CourseData(
        slug=course.slug,
        fields={name: getattr(course, name) for name in COURSE_FIELDS},
        streams=streams,
        faculty=faculty,
        credit_designations=credits,
        modules=modules,
        source=source,
    )


def course_file_load(*, text: str, source: str) -> CourseData:
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(error, "problem", None) or str(error)
        raise CourseFileError(source=source, problems=[(where, f"not valid YAML: {reason}")]) from error
    return course_data_parse(document, source=source)


def course_file_read(*, path: Path) -> CourseData:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CourseFileError(source=str(path), problems=[("", f"cannot read the file: {error.strerror}")]) from error
    return course_file_load(text=text, source=str(path))


def demo_course_files() -> list[Path]:
    return sorted(DEMO_DIR.glob("*.yaml"))


# --- writing pages ---------------------------------------------------------------------------------


def _course_part(page: CoursePage) -> tuple[Any, ...]:
    """What the file says about the course page itself, for telling whether an import changes it."""
    return (
        {name: getattr(page, name) for name in COURSE_FIELDS},
        {name: _stream_block(CoursePage, name).get_prep_value(getattr(page, name)) for name in _COURSE_STREAMS},
        [{name: getattr(f, name) for name in FACULTY_FIELDS} for f in page.faculty.all()],
        [{name: getattr(c, name) for name in CREDIT_FIELDS} for c in page.credit_designations.all()],
    )


_COURSE_STREAMS = ("learning_objectives", "pretest", "posttest", "evaluation")


def _module_data(page: ModulePage) -> ModuleData:
    return ModuleData(
        slug=page.slug,
        fields={name: getattr(page, name) for name in MODULE_FIELDS},
        body=_stream_block(ModulePage, "body").get_prep_value(page.body),
        quiz=_stream_block(ModulePage, "quiz").get_prep_value(page.quiz),
    )


def _set_course(page: CoursePage, data: CourseData) -> None:
    for name, value in data.fields.items():
        setattr(page, name, value)
    for name, raw in data.streams.items():
        setattr(page, name, json.dumps(raw))
    # sort_order as in the file: without it the rows come back in no set order (PostgreSQL's differs).
    page.faculty = [CourseFaculty(**row, sort_order=n) for n, row in enumerate(data.faculty)]
    page.credit_designations = [
        CreditDesignation(**row, sort_order=n) for n, row in enumerate(data.credit_designations)
    ]


def module_page_fill(page: ModulePage, data: ModuleData) -> None:
    """Set a module page's fields from loaded data (no save)."""
    for name, value in data.fields.items():
        setattr(page, name, value)
    page.body, page.quiz = json.dumps(data.body), json.dumps(data.quiz)


def _course_as_data(page: CoursePage) -> CourseData:
    fields, streams, faculty, credits = _course_part(page)
    return CourseData(
        slug=page.slug, fields=fields, streams=streams, faculty=faculty, credit_designations=credits, modules=[]
    )


def _commit(page: Page, *, user: User | None, publish: bool) -> None:
    """Save a revision and publish it (demo content) or hand it to the page's workflow (real content)."""
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        return
    workflow = page.get_workflow()
    if workflow is None:
        raise RuntimeError(f"{page.title}: no workflow covers this page")
    current = page.current_workflow_state
    if current is not None and current.status in (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES):
        # The reviewer was looking at an older revision: start again on the imported one.
        current.cancel(user=user)
    workflow.start(page, user)


def _write(
    parent: Page,
    existing: Page | None,
    new: Page,
    changed: bool,
    *,
    user: User | None,
    publish: bool,
    result: ImportResult,
) -> None:
    if existing is None:
        new.live = publish  # an imported page is a draft until a reviewer approves it
        parent.add_child(instance=new)
        _commit(new, user=user, publish=publish)
        result.created.append(new)
    elif changed or (publish and existing.has_unpublished_changes):
        _commit(new, user=user, publish=publish)
        result.updated.append(new)
    else:
        result.unchanged.append(existing)


@transaction.atomic
def course_import(*, data: CourseData, catalog: CourseIndexPage, user: User | None, publish: bool) -> ImportResult:
    """Create or update the course under the catalog (matched by slug) and its modules (by slug).

    ``publish=False`` (import_course): each changed page gets a draft revision submitted to its workflow
    ("Clinical review"); nothing goes live. ``publish=True`` (seed_demo): the revision is published.
    A page the file does not change gets no revision. Modules missing from the file are left alone.
    """
    existing = CoursePage.objects.child_of(catalog).filter(slug=data.slug).first()
    if existing is None:
        course = CoursePage(slug=data.slug)
        changed = True
    else:
        course = existing.get_latest_revision_as_object()
        changed = _course_as_data(course) != CourseData(**{**data.__dict__, "modules": []})
    _set_course(course, data)
    result = ImportResult(course=course)
    _write(catalog, existing, course, changed, user=user, publish=publish, result=result)

    modules = {m.slug: m for m in ModulePage.objects.child_of(course)}
    for module_data in data.modules:
        current = modules.pop(module_data.slug, None)
        if current is None:
            module = ModulePage(slug=module_data.slug)
            changed = True
        else:
            module = current.get_latest_revision_as_object()
            changed = _module_data(module) != module_data
        module_page_fill(module, module_data)
        _write(course, current, module, changed, user=user, publish=publish, result=result)
    result.not_in_file = list(modules.values())
    return result


def course_data_from_page(*, course: CoursePage) -> CourseData:
    """The course as it stands in the editor (each page's latest revision), in loaded form."""
    latest = course.get_latest_revision_as_object()
    data = _course_as_data(latest)
    modules = [_module_data(m.get_latest_revision_as_object()) for m in ModulePage.objects.child_of(course)]
    return CourseData(**{**data.__dict__, "modules": modules, "source": course.url_path})


# --- writing files ---------------------------------------------------------------------------------


def _canonical(raw: Any) -> Any:
    """A plain value (a table's data) with its keys sorted: PostgreSQL's jsonb keeps no key order,
    so the export is the same file whichever database it came from."""
    if isinstance(raw, dict):
        return {key: _canonical(raw[key]) for key in sorted(raw)}
    if isinstance(raw, list):
        return [_canonical(item) for item in raw]
    return raw


class _Writer:
    """Loaded form -> file form: citations collected by key, derived ids left out."""

    def __init__(self, *, all_ids: bool) -> None:
        self.all_ids = all_ids
        self.citations: dict[str, dict[str, str]] = {}

    def cite(self, text: str, url: str, *, any_url: bool = False) -> str:
        for key, entry in self.citations.items():
            if entry["text"] == text and (any_url or entry["url"] == url):
                return key
        key = citation_key(text, taken=set(self.citations))
        self.citations[key] = {"text": text, "url": url}
        return key

    def _with_id(self, out: dict[str, Any], raw_id: str | None, where: _Where) -> dict[str, Any]:
        if raw_id and (self.all_ids or raw_id != where.derived_id()):
            return {"id": raw_id, **out}
        return out

    def file(self, block: blocks.Block, raw: Any, where: _Where) -> Any:
        if isinstance(block, blocks.StreamBlock):
            children = block.child_blocks
            only = next(iter(children)) if len(children) == 1 else None
            out = []
            for index, item in enumerate(raw):
                here = where.at(index)
                child = children[item["type"]]
                value = self.file(child, item["value"], here)
                if only is not None and not isinstance(child, blocks.StructBlock):
                    plain = self._with_id({"value": value}, item.get("id"), here)
                    out.append(plain if "id" in plain else value)
                elif isinstance(child, blocks.StructBlock):
                    out.append(self._with_id({"type": item["type"], **value}, item.get("id"), here))
                else:
                    out.append(self._with_id({"type": item["type"], "value": value}, item.get("id"), here))
            return out
        if isinstance(block, blocks.ListBlock):
            out = []
            for index, item in enumerate(raw):
                here = where.at(index)
                value = self.file(block.child_block, item["value"], here)
                if isinstance(block.child_block, ReferenceBlock):
                    cited = self._with_id({"cite": value}, item.get("id"), here)
                    out.append(cited if "id" in cited else value)
                elif isinstance(block.child_block, blocks.StructBlock):
                    out.append(self._with_id(value, item.get("id"), here))
                else:
                    plain = self._with_id({"value": value}, item.get("id"), here)
                    out.append(plain if "id" in plain else value)
            return out
        if isinstance(block, ReferenceBlock):
            return self.cite(raw.get("citation", ""), raw.get("url") or "")
        if isinstance(block, blocks.StructBlock):
            fields: dict[str, Any] = {}
            for name, child in block.child_blocks.items():
                if name not in raw:
                    continue
                if name == _CITED_FIELD and isinstance(block, _QUESTION_BLOCKS):
                    if raw[name]:
                        fields[name] = self.cite(raw[name], "", any_url=True)
                else:
                    fields[name] = self.file(child, raw[name], where.at(name))
            return fields
        return _canonical(raw)

    def quiz(self, raw: list[dict[str, Any]], where: _Where) -> dict[str, Any] | None:
        if not raw:
            return None
        return self._with_id(self.file(QuizBlock(), raw[0]["value"], where), raw[0].get("id"), where)


def course_document(data: CourseData, *, all_ids: bool = False) -> dict[str, Any]:
    """The file form of a loaded course (what course_data_parse reads back to the same data)."""
    writer = _Writer(all_ids=all_ids)
    top = _Where(file="", page="", owner=data.slug)
    streams = {
        "learning_objectives": writer.file(
            _stream_block(CoursePage, "learning_objectives"),
            data.streams["learning_objectives"],
            top.at("learning_objectives"),
        ),
        "pretest": writer.quiz(data.streams["pretest"], top.at("pretest")),
        "posttest": writer.quiz(data.streams["posttest"], top.at("posttest")),
        "evaluation": writer.file(
            _stream_block(CoursePage, "evaluation"), data.streams["evaluation"], top.at("evaluation")
        ),
    }
    modules = []
    for module in data.modules:
        at_page = _Where(file="", page="", owner=f"{data.slug}/{module.slug}")
        doc = {name: value for name, value in module.fields.items() if value is not None}
        doc["body"] = writer.file(_stream_block(ModulePage, "body"), module.body, at_page.at("body"))
        quiz = writer.quiz(module.quiz, at_page.at("quiz"))
        if quiz is not None:
            doc["quiz"] = quiz
        modules.append(doc)
    fields = data.fields
    document: dict[str, Any] = {
        **{name: fields[name] for name in COURSE_FIELDS[:4]},
        "learning_objectives": streams["learning_objectives"],
        **{name: fields[name] for name in COURSE_FIELDS[4:]},
        "faculty": data.faculty,
        "credit_designations": [
            {"credit_type": c["credit_type"], "max_credits": f"{Decimal(c['max_credits']).normalize():f}"}
            for c in data.credit_designations
        ],
        "citations": {k: v["text"] if not v["url"] else v for k, v in writer.citations.items()},
        "pretest": streams["pretest"],
        "posttest": streams["posttest"],
        "evaluation": streams["evaluation"],
        "modules": modules,
    }
    return {k: v for k, v in document.items() if v is not None}


_KEY_STOP_WORDS = {"a", "an", "and", "the", "of", "in", "for", "on", "to", "et", "al"}


def citation_key(text: str, *, taken: set[str]) -> str:
    """A short readable key for a citation: its first words, slugified, made unique."""
    words = [w for w in slugify(re.sub(r"[;:(),./]", " ", text)).split("-") if w not in _KEY_STOP_WORDS]
    key = ""
    for word in words:
        if len(key) + len(word) > 36 and key:
            break
        key = f"{key}-{word}" if key else word
    key = key or "citation"
    candidate, n = key, 2
    while candidate in taken:
        candidate, n = f"{key}-{n}", n + 1
    return candidate


class _Dumper(yaml.SafeDumper):
    """Long text as block scalars, so a reviewer reads prose, not escaped one-liners."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # lists indented under their key, as most YAML reads


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # Past 60 characters a plain scalar would wrap onto a second line anyway: fold it instead.
    styles = ("|",) if "\n" in text else (">",) if len(text) > 60 else ()
    for style in styles:
        node = dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)
        # Folding must give back the exact text (it cannot for some runs of spaces): check, else quote.
        if yaml.safe_load(yaml.dump(text, Dumper=yaml.SafeDumper, default_style=style, width=100)) == text:
            return node
    return dumper.represent_scalar("tag:yaml.org,2002:str", text)


_Dumper.add_representer(str, _represent_str)


def course_file_dump(document: dict[str, Any], *, heading: str = "") -> str:
    text = yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return f"{heading}{text}"


HEADING = (
    "# A course file (courses/course_files.py describes the format). Citations are defined once under\n"
    "# `citations:` and referred to by key; block ids are derived from slugs and places unless given.\n"
)


def course_export(*, course: CoursePage, all_ids: bool = False) -> str:
    return course_file_dump(course_document(course_data_from_page(course=course), all_ids=all_ids), heading=HEADING)
