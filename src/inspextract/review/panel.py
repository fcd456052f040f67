"""The side panel: the record as a reader wants it, each item a clickable entry tied to its span."""

from __future__ import annotations

from inspextract.records import Report
from inspextract.review.items import KIND_LABELS, Item
from inspextract.review.text_marks import show

FINDING_KINDS = ("strength", "improvement", "recommendation", "progress")


def entry(item: Item | None, body: str, tag: str = "li") -> str:
    """An element for one item: clickable (data-i) when the item has evidence, plain otherwise."""
    if item is None:
        return f"<{tag}>{body}</{tag}>"
    page = f' <span class="pg-no">p. {item.page}</span>' if item.page else ""
    if tag == "tr":
        page = f'<td class="pg-no">{f"p. {item.page}" if item.page else ""}</td>'
    return f'<{tag} class="it k-{item.kind}" data-i="{item.index}" tabindex="0">{body}{page}</{tag}>'


def metadata_rows(report: Report, by_ref: dict[str, Item]) -> list[tuple[str, str, Item | None]]:
    inspection = report.inspection
    rows: list[tuple[str, str, str | None]] = [
        ("type", str(report.document_type), "metadata:document_type"),
        ("title", report.title or "", "metadata:title"),
        ("areas", ", ".join(report.areas), "metadata:areas"),
        ("partnership", report.partnership or "", "metadata:partnership"),
        ("inspection", str(inspection.kind or ""), "metadata:inspection.kind"),
        (
            "progress review",
            "yes" if inspection.is_progress_review else "no",
            "metadata:inspection.is_progress_review",
        ),
        ("lead body", inspection.lead_body or "", "metadata:inspection.lead_body"),
        ("bodies", ", ".join(inspection.bodies), "metadata:inspection.bodies"),
        ("fieldwork from", inspection.fieldwork_start or "", "metadata:inspection.fieldwork_start"),
        ("fieldwork to", inspection.fieldwork_end or "", "metadata:inspection.fieldwork_end"),
        ("published", inspection.published or "", "metadata:inspection.published"),
    ]
    shown = {ref for _, _, ref in rows}
    # Evidence for fields the table above does not name (fields added to the record later) still shows.
    extra = [
        (item.ref.split(":", 1)[1], "", item.ref)
        for item in by_ref.values()
        if item.ref.startswith("metadata:") and item.ref not in shown
    ]
    return [(name, value, by_ref.get(ref or "")) for name, value, ref in rows + extra]


def metadata_section(report: Report, by_ref: dict[str, Item]) -> str:
    rows = []
    for name, value, item in metadata_rows(report, by_ref):
        cell = entry(item, show(value) or "<i>none</i>", tag="td")
        rows.append(f"<tr><th>{show(name)}</th>{cell}</tr>")
    source = report.source
    facts = f"{source.format}, {source.pages or '–'} pages, {source.chars:,} characters"
    rows.append(
        f"<tr><th>source</th><td>{show(facts)}<br><code>{show(source.sha256[:16])}…</code>"
        f" · inspextract {show(source.extractor_version)}</td></tr>"
    )
    return f'<section><h2>Metadata</h2><table class="meta">{"".join(rows)}</table></section>'


def grades_section(report: Report, by_ref: dict[str, Item]) -> str:
    rows = []
    for n, grade in enumerate(report.grades):
        cells = (
            f"<td>{show(grade.indicator or '')}</td><td>{show(grade.indicator_name or 'overall')}</td>"
            f"<td><b>{show(str(grade.grade))}</b></td>"
        )
        item = by_ref.get(f"grades[{n}]")
        rows.append(entry(item, cells, tag="tr"))
    counts = ", ".join(f"{count} {show(str(word))}" for word, count in report.grade_counts.items())
    total = f"{report.indicators_total} indicators" if report.indicators_total is not None else ""
    summary = " · ".join(part for part in (counts, total) if part)
    table = (
        '<table class="grades"><tr><th>QI</th><th>indicator</th><th>grade</th><th></th></tr>'
        f"{''.join(rows)}</table>"
        if rows
        else "<p><i>no grades</i></p>"
    )
    note = f"<p>Stated counts: {summary}</p>" if summary else ""
    return f"<section><h2>Grades ({len(rows)})</h2>{table}{note}</section>"


def areas_section(report: Report, by_ref: dict[str, Item]) -> str:
    entries = []
    for n, area in enumerate(report.areas_for_improvement):
        number = f"<b>{area.number}.</b> " if area.number is not None else ""
        progress = f' <span class="badge">{show(str(area.progress))} progress</span>' if area.progress else ""
        linked = sum(1 for f in report.findings if area.number is not None and f.area_number == area.number)
        findings = f' <span class="pg-no">{linked} findings</span>' if linked else ""
        entries.append(
            entry(
                by_ref.get(f"areas_for_improvement[{n}]"), f"{number}{show(area.title)}{progress}{findings}"
            )
        )
    body = f'<ul class="items">{"".join(entries)}</ul>' if entries else "<p><i>none</i></p>"
    return f"<section><h2>Areas for improvement ({len(entries)})</h2>{body}</section>"


def findings_section(report: Report, by_ref: dict[str, Item]) -> str:
    groups = []
    for kind in FINDING_KINDS:
        entries = []
        for n, finding in enumerate(report.findings):
            if finding.kind != kind:
                continue
            tags = []
            if finding.progress:
                tags.append(f"{finding.progress} progress")
            if finding.area_number is not None:
                tags.append(f"area {finding.area_number}")
            tag = "".join(f' <span class="badge">{show(t)}</span>' for t in tags)
            entries.append(entry(by_ref.get(f"findings[{n}]"), show(finding.text) + tag))
        if entries:
            groups.append(
                f'<h3 class="k-{kind}">{show(KIND_LABELS[kind])} ({len(entries)})</h3>'
                f'<ul class="items">{"".join(entries)}</ul>'
            )
    body = "".join(groups) or "<p><i>none</i></p>"
    return f"<section><h2>Findings ({len(report.findings)})</h2>{body}</section>"


def people_section(report: Report, by_ref: dict[str, Item]) -> str:
    entries = []
    for n, person in enumerate(report.people):
        details = ", ".join(show(part) for part in (person.role, person.organisation) if part)
        body = f"<b>{show(person.name)}</b>" + (f" — {details}" if details else "")
        entries.append(entry(by_ref.get(f"people[{n}]"), body))
    body = f'<ul class="items">{"".join(entries)}</ul>' if entries else "<p><i>none</i></p>"
    return f"<section><h2>People ({len(entries)})</h2>{body}</section>"


def side_panel(report: Report, items: list[Item]) -> str:
    """The panel's HTML; items missing from `items` (not grounded in this text) show without a link."""
    by_ref = {item.ref: item for item in items}
    return "".join(
        section(report, by_ref)
        for section in (metadata_section, grades_section, areas_section, findings_section, people_section)
    )
