"""Form knowledge: the built-in files load and merge; malformed files name their file, key path and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfrules.errors import RulePackError
from perfrules.extract.draft import Draft
from perfrules.extract.forms import folded, form_files, forms, load_forms
from perfrules.extract.layout import Layout, Table
from perfrules.extract.sections import build
from perfrules.extract.tables import read_tables
from perfrules.extract.text import read_text


def test_builtin_forms_load_and_merge() -> None:
    f = forms()
    assert {t.id for t in f.templates} >= {"national", "hubei", "shijiazhuang"}
    assert "年初预算数" in f.get("budget.initial")
    assert f.get("budget.initial") == tuple(
        sorted(f.get("budget.initial"), key=lambda w: (-len(w), w))
    )
    assert {ln.id for ln in f.lines} >= {"basic", "project", "personnel", "public", "three_public"}
    assert folded("預算執行率 ９２％", f.simplify) == "预算执行率92%"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "code", "path", "line"),
    [
        (
            '[form]\nid = "x"\n\n[[lines]]\nlabel = "A"\nid = "a"\nkind = "nonsense"\n',
            "choice",
            "lines[0].kind",
            7,
        ),
        (
            '[form]\nid = "x"\n[budget_table]\n"预算数" = "budget"\n',
            "choice",
            "budget_table.预算数",
            4,
        ),
        ('[form]\nid = "x"\nunknown = 1\n', "unknown-key", "form.unknown", 3),
        (
            '[form]\nid = "x"\n[traditional]\nwords = [["預算", "预"]]\n',
            "invalid",
            "traditional.words[0]",
            4,
        ),
        (
            '[form]\nid = "x"\n[sections]\nproblems = ["存在的问题", ""]\n',
            "empty",
            "sections.problems[1]",
            4,
        ),
        ('[form]\nid = "x"\n[budget\n', "syntax", "", 3),
    ],
)
def test_malformed_form_files_are_refused_with_their_place(
    tmp_path: Path, text: str, code: str, path: str, line: int
) -> None:
    bad = _write(tmp_path, "bad.toml", text)
    with pytest.raises(RulePackError) as info:
        load_forms([bad])
    problem = info.value.problems[0]
    assert (problem.code, problem.path, problem.file) == (code, path, str(bad))
    assert problem.line == line


def test_a_regional_template_is_a_file_not_code(tmp_path: Path) -> None:
    """A region whose table says 考核指标/计划值/完成值 is read once a file names those columns."""
    region = _write(
        tmp_path,
        "region.toml",
        '[form]\nid = "region"\ntitle = "某省自评表"\nprofile = "hubei"\n'
        '[indicator_table]\nname = ["考核指标"]\ntarget = ["计划值"]\nactual = ["完成值"]\nweight = ["权重"]\n',
    )
    text = "某单位2023年度部门整体支出绩效自评表\n| 考核指标 | 计划值 | 完成值 | 权重 |\n|---|---|---|---|\n| 培训人数 | ≥100人 | 120人 | 10 |\n"
    layout: Layout = read_text(text, "r.txt")
    assert any(isinstance(b, Table) for b in layout.blocks)
    for knowledge, found in ((forms(), 0), (load_forms([*form_files(), region]), 1)):
        draft = Draft()
        read_tables(build(layout, knowledge), draft)
        assert len(draft.indicators) == found
    assert draft.indicators[0].name == "培训人数"
    assert draft.indicators[0].fields["weight"][0].value == 10
