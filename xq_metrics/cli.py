"""Command line: `python -m xq_metrics check FILE [--json] [--standalone]` and `editors add|list|remove`.

`check --json` prints the findings and what the file holds merged with the plan: indicators, towns, projects, the
重点任务 with their 分工 and progress (`tasks`) and the 部门 list with what each answers for (`departments`).

Exit 0 when the file is usable, 1 when it has errors, 2 on wrong usage. Never a traceback for a bad file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from . import texts
from .defaults import load_plan
from .findings import Finding
from .loader import LoadResult, load
from .model import Dataset
from .quality import flags_for
from .status import evaluate
from .targets import parse


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m xq_metrics", description=texts.APP_TITLE)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help=texts.CLI_CHECK_HELP)
    check.add_argument("file", type=Path)
    check.add_argument("--json", action="store_true", help=texts.CLI_JSON_HELP)
    check.add_argument("--standalone", action="store_true", help=texts.CLI_STANDALONE_HELP)
    _add_editors_parser(commands)
    _add_upload_parser(commands)
    _add_report_parser(commands)
    args = parser.parse_args(argv)
    if args.command == "report":
        return run_report(args)
    if args.command == "editors":
        return run_editors(args)
    if args.command == "upload":
        return run_upload(args)
    result = run_check(args.file, args.standalone)
    if args.json:
        json.dump(report(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text_report(args.file, result))
    return 0 if result.ok else 1


def _add_editors_parser(commands: argparse._SubParsersAction) -> None:
    store = argparse.ArgumentParser(add_help=False)
    store.add_argument("--store", help=texts.CLI_STORE_HELP)
    editors = commands.add_parser("editors", help=texts.CLI_EDITORS_HELP)
    actions = editors.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", parents=[store], help=texts.CLI_EDITORS_ADD_HELP)
    add.add_argument("name", help=texts.CLI_EDITOR_NAME_HELP)
    add.add_argument("--password-stdin", action="store_true", help=texts.CLI_PASSWORD_STDIN_HELP)
    actions.add_parser("list", parents=[store], help=texts.CLI_EDITORS_LIST_HELP)
    remove = actions.add_parser("remove", parents=[store], help=texts.CLI_EDITORS_REMOVE_HELP)
    remove.add_argument("name", help=texts.CLI_EDITOR_NAME_HELP)


def _add_upload_parser(commands: argparse._SubParsersAction) -> None:
    up = commands.add_parser("upload", help=texts.CLI_UPLOAD_HELP)
    up.add_argument("file", type=Path)
    up.add_argument("--store", help=texts.CLI_STORE_HELP)
    up.add_argument("--editor", help=texts.CLI_UPLOAD_EDITOR_HELP)
    up.add_argument("--password-stdin", action="store_true", help=texts.CLI_PASSWORD_STDIN_HELP)
    up.add_argument("--dry-run", action="store_true", help=texts.CLI_DRY_RUN_HELP)
    up.add_argument("--json", action="store_true", help=texts.CLI_JSON_HELP)
    up.add_argument("--allow-removals", action="store_true", help=texts.CLI_ALLOW_REMOVALS_HELP)
    up.add_argument("--allow-plan-changes", action="store_true", help=texts.CLI_ALLOW_PLAN_HELP)
    up.add_argument("--replace", action="append", default=[], metavar="SHEET", help=texts.CLI_REPLACE_HELP)


def _add_report_parser(commands: argparse._SubParsersAction) -> None:
    rep = commands.add_parser("report", help=texts.CLI_REPORT_HELP)
    rep.add_argument("file", type=Path, nargs="?", help=texts.CLI_REPORT_FILE_HELP)
    rep.add_argument("--store", help=texts.CLI_STORE_HELP)
    rep.add_argument("--standalone", action="store_true", help=texts.CLI_STANDALONE_HELP)
    rep.add_argument("--year", help=texts.CLI_REPORT_YEAR_HELP)
    rep.add_argument("--town", action="append", default=[], help=texts.CLI_REPORT_TOWN_HELP)
    rep.add_argument("--chapter", action="append", default=[], help=texts.CLI_REPORT_CHAPTER_HELP)
    rep.add_argument("--department", action="append", default=[], help=texts.CLI_REPORT_DEPARTMENT_HELP)
    rep.add_argument("--format", choices=("docx", "pdf"), help=texts.CLI_REPORT_FORMAT_HELP)
    rep.add_argument("-o", "--output", type=Path, help=texts.CLI_REPORT_OUTPUT_HELP)


def run_report(args: argparse.Namespace) -> int:
    """`report`: the 监测评估报告 of one view as .docx or .pdf. 0 written, 1 unusable data or unwritable file,
    2 a scope or format that names nothing known."""
    import sqlite3
    from datetime import datetime

    from . import filters, report_doc, upload
    from .store import StoreError, open_store

    fmt = args.format
    suffix = args.output.suffix.lower().lstrip(".") if args.output else ""
    if fmt is None:
        fmt = suffix if suffix in ("docx", "pdf") else "docx"
    elif suffix and suffix != fmt:
        print(texts.CLI_REPORT_SUFFIX.format(path=args.output, format=fmt), file=sys.stderr)
        return 2
    try:
        if args.file is not None:
            result = run_check(args.file, args.standalone)
            if not result.ok or result.dataset is None:
                sys.stderr.write(text_report(args.file, result))
                return 1
            dataset = result.dataset
            version = report_doc.DataVersion(None, datetime.now(), "", args.file.name)
        else:
            store = open_store(args.store)
            upload.seed(store)
            current = store.current()
            assert current is not None  # seeded above
            dataset, version = current.dataset, report_doc.DataVersion.of(current)
            store.close()
    except (StoreError, ValueError, OSError, sqlite3.Error) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    params = {
        filters.PARAM_TOWN: args.town, filters.PARAM_CHAPTER: args.chapter, filters.PARAM_DEPARTMENT: args.department,
        filters.PARAM_YEAR: [args.year] if args.year else [],
    }
    parsed = filters.from_params(params, dataset)
    if parsed.ignored:
        years = texts.SEP.join(str(y) for y in filters.available_years(dataset)) or "—"
        print(texts.CLI_REPORT_UNKNOWN.format(items=texts.SEP.join(parsed.ignored), years=years), file=sys.stderr)
        return 2
    report = report_doc.build(dataset, parsed.filters, version)
    data = _render(report, fmt)
    out = args.output or Path(f"{report.file_stem}.{fmt}")
    try:
        out.write_bytes(data)
    except OSError as exc:
        print(texts.CLI_REPORT_UNWRITABLE.format(path=out, reason=exc.strerror or exc), file=sys.stderr)
        return 1
    print(texts.CLI_REPORT_WRITTEN.format(path=out, scope=report.scope))
    return 0


def _render(report, fmt: str) -> bytes:
    if fmt == "pdf":
        from .report_pdf import render
    else:
        from .report_docx import render
    return render(report)


def run_upload(args: argparse.Namespace) -> int:
    """The page's upload flow: check, preview, and save unless --dry-run. 0 saved (or checked), 1 refused."""
    import sqlite3

    from . import auth, upload
    from .store import StoreError, open_store

    replace = [_sheet_key(name) for name in args.replace]
    if None in replace:
        print(texts.CLI_UNKNOWN_SHEET.format(name=args.replace[replace.index(None)]), file=sys.stderr)
        return 2
    checked = None
    body: dict[str, object] = {"ok": False, "findings": []}
    refusal: str | None = None
    try:
        if not args.file.is_file():
            raise ValueError(texts.CLI_FILE_NOT_FOUND.format(path=args.file))
        store = open_store(args.store)
        upload.seed(store)
        checked = upload.check(store, args.file.read_bytes(), args.file.name, replace=replace)
        body = upload.report(checked)
        refusal = _upload_refusal(checked, args)
        if refusal is None and not args.dry_run:
            editor = auth.login(store, args.editor or "", _read_password(args.password_stdin, confirm=False))
            if editor is None:
                raise ValueError(texts.CLI_LOGIN_FAILED)
            confirmed = checked.confirmation if checked.confirmation.needed else None
            body["version"] = upload.save(store, checked, editor, confirmed).number
    except (upload.SaveConflict, upload.ConfirmationRequired, StoreError, auth.AuthError, NotImplementedError,
            ValueError, OSError, sqlite3.Error) as exc:
        refusal = str(exc)
    body.setdefault("version", None)
    if args.json:
        json.dump({**body, "refused": refusal}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        if checked is not None:
            sys.stdout.write(text_report(args.file, checked.result))
        if body["version"]:
            print(texts.CLI_SAVED.format(number=body["version"]))
        if refusal:
            print(refusal, file=sys.stderr)
    return 1 if refusal else 0


def _sheet_key(name: str) -> str | None:
    from . import schema

    return next((s.key for s in schema.TABLES if name in (s.key, s.name)), None)


def _upload_refusal(checked, args: argparse.Namespace) -> str | None:
    """Why a checked upload must not be saved from the command line, or None."""
    if not checked.ok:
        return texts.CLI_UNUSABLE
    if checked.preview is None or checked.preview.empty:
        return None if args.dry_run else texts.PREVIEW_EMPTY
    if not args.dry_run and not args.editor:
        return texts.CLI_EDITOR_MISSING
    needed = checked.confirmation
    if (needed.removed or needed.blanked) and not args.allow_removals and not args.dry_run:
        return texts.CLI_REMOVALS_REFUSED.format(removed=needed.removed, blanked=needed.blanked)
    if needed.plan and not args.allow_plan_changes and not args.dry_run:
        return texts.CLI_PLAN_REFUSED.format(plan=needed.plan)
    return None


def run_editors(args: argparse.Namespace) -> int:
    """`editors add|list|remove`: 0 when done, 1 with a message on stderr otherwise."""
    import sqlite3

    from . import auth
    from .store import StoreError, open_store

    store = None
    try:
        store = open_store(args.store)
        if args.action == "add":
            password = _read_password(args.password_stdin)
            auth.add_editor(store, args.name, password)
            print(texts.CLI_EDITOR_ADDED.format(name=args.name.strip()))
        elif args.action == "remove":
            auth.remove_editor(store, args.name)
            print(texts.CLI_EDITOR_REMOVED.format(name=args.name.strip()))
        else:
            editors = auth.list_editors(store)
            for e in editors:
                line = texts.CLI_EDITOR_LINE.format(name=e.name, created=e.created_at.strftime("%Y-%m-%d %H:%M"))
                if e.failed_count:
                    line += texts.CLI_EDITOR_FAILURES.format(count=e.failed_count)
                if e.locked_until:
                    line += texts.CLI_EDITOR_LOCKED.format(until=e.locked_until.strftime("%Y-%m-%d %H:%M:%S"))
                print(line)
            if not editors:
                print(texts.CLI_NO_EDITORS)
    except (auth.AuthError, StoreError, ValueError, OSError, sqlite3.Error) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except Exception as exc:
        if not type(exc).__module__.startswith("psycopg"):
            raise
        print(str(exc).strip(), file=sys.stderr)  # a database refusal (e.g. a missing privilege), not our bug
        return 1
    finally:
        if store is not None:
            store.close()
    return 0


def _read_password(from_stdin: bool, confirm: bool = True) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise ValueError(texts.CLI_PASSWORD_MISSING)
        return line.rstrip("\r\n")
    import getpass

    password = getpass.getpass(texts.CLI_PASSWORD_PROMPT)
    if confirm and getpass.getpass(texts.CLI_PASSWORD_AGAIN) != password:
        raise ValueError(texts.CLI_PASSWORD_MISMATCH)
    return password


def run_check(path: Path, standalone: bool = False) -> LoadResult:
    if not path.is_file():
        from .findings import finding

        return LoadResult(None, [finding("NOT_XLSX", detail=texts.CLI_FILE_NOT_FOUND.format(path=path))])
    base = None if standalone else load_plan().dataset
    return load(path, base=base)


def report(result: LoadResult) -> dict[str, object]:
    """The JSON shape of a check: findings, and what the file holds once merged with the base."""
    out: dict[str, object] = {"ok": result.ok, "findings": [_finding(f) for f in result.findings]}
    data = result.dataset
    out["indicators"] = [_indicator(data, i) for i in data.indicators] if data else []
    out["towns"] = [t.name for t in data.towns] if data else []
    out["projects"] = [
        {"code": p.code, "name": p.name, "box": p.box, "chapter": p.chapter, "section": p.section,
         "town": "、".join(p.towns) or None, "investment_yi": p.investment_yi}
        for p in data.projects
    ] if data else []
    out["tasks"] = _tasks(data) if data else []
    out["departments"] = _departments(data) if data else []
    return out


def _tasks(data: Dataset) -> list[dict[str, object]]:
    """Each 重点任务 with its 分工, deadline as written and as read, latest status and its progress per year."""
    from .tasks import task_rows

    return [
        {
            "code": r.code, "chapter": r.chapter, "section": r.section, "name": r.task.name,
            "departments": {"lead": list(r.lead), "support": list(r.support)},
            "deadline": {
                "text": r.deadline.text, "kind": r.deadline.kind,
                "due": r.deadline.due.isoformat() if r.deadline.due else None,
            },
            "status": r.status, "overdue": r.overdue,
            "progress": [
                {"year": p.year, "status": p.status or None, "note": p.note or None, "evidence": p.evidence or None,
                 "lead": list(p.lead), "support": list(p.support), "deadline": p.deadline or None, "sample": p.sample}
                for p in r.history
            ],
        }
        for r in task_rows(data)
    ]


def _departments(data: Dataset) -> list[dict[str, object]]:
    """Each 部门 with its aliases and what it answers for: tasks led and supported, indicators, projects."""
    from .tasks import department_names, task_rows

    rows = task_rows(data)
    listed = {d.name: d for d in data.departments}
    return [
        {
            "name": name,
            "aliases": list(listed[name].aliases) if name in listed else [],
            "town": (listed[name].town or None) if name in listed else None,
            "listed": name in listed,
            "leads": [r.code for r in rows if name in r.lead],
            "supports": [r.code for r in rows if name in r.support],
            "indicators": [i.code for i in data.indicators if name in i.departments],
            "projects": [p.code for p in data.projects if name in p.departments],
        }
        for name in department_names(data)
    ]


def _finding(f: Finding) -> dict[str, object]:
    keep = ("severity", "code", "sheet", "row", "column", "header", "seen", "understood", "message", "hint")
    return {k: getattr(f, k) for k in keep}


def _indicator(data: Dataset, indicator) -> dict[str, object]:
    target = parse(indicator.target_text)
    judgement = evaluate(data, indicator)
    return {
        "code": indicator.code,
        "name": indicator.name,
        "unit": indicator.unit,
        "category": indicator.category,
        "attribute": indicator.attribute,
        "chapter": indicator.chapter,
        "section": indicator.section,
        "target_text": indicator.target_text,
        "target": {"kind": target.kind, "value": target.value, "text": target.text},
        "base_year": indicator.base_year,
        "base_value": indicator.base_value,
        "status": judgement.status_label,
        "status_code": judgement.status.value,
        "sample": judgement.sample,
        "alert": judgement.alert,
        "trend": judgement.trend,
        "flags": sorted({f.code for f in flags_for(data, indicator)}),
        "values": [
            {"period": str(o.year), "town": o.town, "value": o.value}
            for o in sorted(data.observations, key=lambda o: (o.year, o.town))
            if o.indicator == indicator.name
        ],
    }


def text_report(path: Path, result: LoadResult) -> str:
    verdict = texts.CLI_USABLE if result.ok else texts.CLI_UNUSABLE
    lines = [texts.CLI_REPORT_HEAD.format(path=path, verdict=verdict)]
    for f in result.findings:
        lines.append(texts.CLI_FINDING_LINE.format(
            severity=texts.SEVERITY[f.severity], code=f.code, where=f.where, message=f.message, hint=f.hint,
        ).rstrip())
    if result.dataset:
        d = result.dataset
        lines.append(texts.CLI_SUMMARY.format(
            indicators=len(d.indicators), observations=len(d.observations), towns=len(d.towns), projects=len(d.projects),
        ))
    return "\n".join(lines) + "\n"
