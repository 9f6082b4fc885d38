"""Scoring profiles: the built-ins hold the regulations' numbers, and bad files fail clearly."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from perfrules.document.values import Op
from perfrules.errors import ProfileError
from perfrules.scoring.profiles import (
    Profile,
    available_profiles,
    load_profile,
    loads_profile,
    profiles_dir,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "profiles"
BAD = DATA / "bad"
BUILTINS = ("guangxi", "hubei", "national", "shijiazhuang", "sichuan")
D = Decimal


def _problem(exc: pytest.ExceptionInfo[ProfileError]) -> tuple[str | None, str, int | None]:
    p = exc.value.problems[0]
    return (Path(p.file).name if p.file else None, p.path, p.line)


# --- the built-ins -------------------------------------------------------------------


def test_builtins_are_found_in_rules_profiles() -> None:
    assert sorted(p.stem for p in profiles_dir().glob("*.toml")) == list(BUILTINS)
    profiles = available_profiles()
    assert [p.id for p in profiles] == list(BUILTINS)
    for p in profiles:
        assert p.title and p.sources, p.id
        assert p.file.endswith(f"{p.id}.toml")


def test_national_holds_the_2020_10_numbers() -> None:
    p = load_profile("national", 2023)
    assert [(b.word, b.low, b.high) for b in p.bands] == [
        ("优", 90, None),
        ("良", 80, 90),
        ("中", 60, 80),
        ("差", 0, 60),
    ]
    assert [t.name for t in p.tiers if t.weight is not None] == [
        "产出指标",
        "效益指标",
        "满意度指标",
    ]
    assert [t.weight for t in p.tiers if t.weight is not None] == [50, 30, 10]
    assert p.tier("满意度指标") is not None and p.tier("满意度指标").absent == "redistribute"  # type: ignore[union-attr]
    assert p.execution_basis == "adjusted" and p.execution_weight == 10
    assert p.execution_reason_below is None and not p.adjustment_reason_required
    assert p.exceeded_ratio == D("1.30")
    assert p.required_tiers == ("产出指标", "效益指标")
    assert p.rounding_places == 2 and p.quantum == D("0.01") and p.total == 100
    assert p.le_strategy == "ratio" and p.eq_strategy == "as-ge" and p.bare_target is Op.GE
    assert [(q.level, q.low, q.high) for q in p.qualitative_bands] == [
        ("achieved", 80, 100),
        ("partial", 60, 80),
        ("missed", 0, 60),
    ]
    assert any("财预〔2020〕10号" in s for s in p.sources)


def test_regional_profiles_differ_where_their_rules_do() -> None:
    sichuan = load_profile("sichuan", 2023)
    assert sichuan.execution_reason_below == 90 and sichuan.adjustment_reason_required
    assert (
        sichuan.execution_basis == "adjusted"
        and sichuan.bands == load_profile("national", 2023).bands
    )
    assert sichuan.extends == ("national",)
    # sources accumulate along extends
    assert any("10号" in s for s in sichuan.sources) and any("四川" in s for s in sichuan.sources)

    assert load_profile("guangxi", 2023).exceeded_ratio == D("1.30")

    sjz = load_profile("shijiazhuang", 2024)
    assert [(b.word, b.low) for b in sjz.bands] == [
        ("优秀", 85),
        ("良好", 75),
        ("一般", 60),
        ("较差", 0),
    ]
    assert [t.weight for t in sjz.tiers if t.weight is not None] == [50, 40, 10]
    assert sjz.execution_weight == 0 and sjz.execution_weight_from_report
    assert any("已公开的报告" in s for s in sjz.sources)  # practice of a report, said so

    hubei = load_profile("hubei", 2024)
    assert hubei.execution_basis == "initial" and hubei.execution_weight == 20
    assert hubei.grade_for(D(90)).word == "优"


def test_grade_words_and_synonyms() -> None:
    national = load_profile("national")
    assert national.band_of_word("优秀") is national.bands[0]
    assert national.band_of_word("良好") is national.bands[1]
    assert national.band_of_word(" 良 ") is national.bands[1]
    assert national.band_of_word("一般") is national.bands[2]
    assert national.band_of_word("较差") is national.bands[3]
    assert national.band_of_word("卓越") is None
    sjz = load_profile("shijiazhuang")
    assert sjz.band_of_word("良") is sjz.bands[1] and sjz.bands[1].word == "良好"


@pytest.mark.parametrize(
    ("profile", "score", "word"),
    [
        ("national", "100", "优"),
        ("national", "90", "优"),
        ("national", "90.00", "优"),
        ("national", "89.99", "良"),
        ("national", "80", "良"),
        ("national", "79.99", "中"),
        ("national", "60", "中"),
        ("national", "59.99", "差"),
        ("national", "0", "差"),
        ("shijiazhuang", "85", "优秀"),
        ("shijiazhuang", "84.99", "良好"),
        ("shijiazhuang", "75", "良好"),
        ("shijiazhuang", "74.99", "一般"),
        ("shijiazhuang", "60", "一般"),
        ("shijiazhuang", "59.99", "较差"),
        ("hubei", "89.99", "良"),
    ],
)
def test_band_boundaries_fall_where_the_regulation_says(
    profile: str, score: str, word: str
) -> None:
    assert load_profile(profile).grade_for(D(score)).word == word


@given(st.sampled_from(BUILTINS), st.decimals(0, 100, places=2), st.decimals(0, 100, places=2))
def test_grade_is_monotone_in_score(name: str, a: Decimal, b: Decimal) -> None:
    p = load_profile(name)
    lo, hi = min(a, b), max(a, b)
    assert p.grade_for(lo).rank >= p.grade_for(hi).rank
    assert p.grade_for(a).contains(a)


# --- years ---------------------------------------------------------------------------


def test_tiers_in_force_follow_the_report_year() -> None:
    # 财预〔2021〕101号 made 成本指标 a first-level tier
    assert "成本指标" not in load_profile("national", 2020).recognised_tiers
    assert "成本指标" in load_profile("national", 2021).recognised_tiers
    assert "成本指标" in load_profile("national").recognised_tiers  # latest rules


def test_a_profile_outside_its_years_is_a_clear_error() -> None:
    with pytest.raises(ProfileError) as exc:
        load_profile("national", 2015)
    assert _problem(exc) == ("national.toml", "years", 8)
    assert "2019–" in exc.value.render("en") and "2015" in exc.value.render("en")
    # a profile that extends national is not in force before national is
    with pytest.raises(ProfileError) as exc:
        load_profile("sichuan", 2015)
    assert "2015" in exc.value.render()


def test_years_that_cannot_overlap_are_reported() -> None:
    with pytest.raises(ProfileError) as exc:
        load_profile(BAD / "years_old.toml", 2012)
    assert _problem(exc) == ("years_old.toml", "years", 4)


def test_builtins_are_cached_per_year() -> None:
    assert load_profile("national", 2023) is load_profile("national", 2023)
    assert load_profile("national", 2020) is not load_profile("national", 2023)


def _as_loaded(name: str, year: int | None) -> object:
    try:
        profile = load_profile(name, year)
    except ProfileError as exc:
        return ("error", str(exc))
    return (attrs.asdict(profile, recurse=True), repr(profile))


def _afresh(name: str, year: int | None) -> object:
    path = profiles_dir() / f"{name}.toml"
    try:
        profile = loads_profile(path.read_text(encoding="utf-8"), str(path), year)
    except ProfileError as exc:
        return ("error", str(exc))
    return (attrs.asdict(profile, recurse=True), repr(profile))


@pytest.mark.parametrize("name", BUILTINS)
def test_every_year_of_a_builtin_is_what_loading_its_text_afresh_gives(name: str) -> None:
    # the built-in file is read and validated once and each year's profile built from
    # that one reading: the same profile (or error) as reading the file for the year
    for year in (None, *range(2012, 2031)):
        assert _as_loaded(name, year) == _afresh(name, year), year


# --- loading other profiles ----------------------------------------------------------


def test_a_region_profile_in_toml_only() -> None:
    p = load_profile(str(DATA / "island.toml"), 2023)
    assert isinstance(p, Profile) and p.id == "island" and p.extends == ("national",)
    assert p.grade_for(D("94.99")).word == "良" and p.grade_for(D(95)).word == "优"
    assert p.le_strategy == "linear-to-double" and p.exceeded_ratio == D("1.50")
    assert p.execution_weight == 10  # inherited


def test_loads_profile_from_text_extending_a_builtin() -> None:
    p = loads_profile(
        'id = "x"\ntitle = "X"\nextends = "national"\n[execution]\nreason_below = 85\n'
    )
    assert p.execution_reason_below == 85 and p.bands == load_profile("national").bands


def test_a_local_file_may_extend_the_builtin_of_its_own_name(tmp_path: Path) -> None:
    local = tmp_path / "national.toml"
    local.write_text(
        'id = "national"\ntitle = "本地"\nextends = "national"\ntotal = 100\n', "utf-8"
    )
    assert load_profile(local).title == "本地"


def test_unknown_profile_name() -> None:
    with pytest.raises(ProfileError) as exc:
        load_profile("atlantis")
    assert "national" in exc.value.render("en") and "atlantis" in exc.value.render("en")


def test_missing_file() -> None:
    with pytest.raises(ProfileError) as exc:
        load_profile(DATA / "nowhere.toml")
    assert exc.value.problems[0].code == "unreadable"


# --- bad files: file, key path and line, never a traceback ----------------------------


def test_typo_key() -> None:
    with pytest.raises(ProfileError) as exc:
        load_profile(BAD / "typo.toml")
    assert _problem(exc) == ("typo.toml", "deviation.exceded_ratio", 6)
    assert exc.value.problems[0].code == "unknown-key"


def test_typo_in_the_parent_names_the_parent() -> None:
    with pytest.raises(ProfileError) as exc:
        load_profile(BAD / "parent_typo.toml")
    assert _problem(exc) == ("typo.toml", "deviation.exceded_ratio", 6)


def test_band_gap() -> None:
    with pytest.raises(ProfileError) as exc:
        load_profile(BAD / "gap.toml")
    assert _problem(exc) == ("gap.toml", "grades[1].max", 12)


def test_extends_cycle() -> None:
    with pytest.raises(ProfileError) as exc:
        load_profile(BAD / "cycle_a.toml")
    file, path, line = _problem(exc)
    assert (file, path, line) == ("cycle_b.toml", "extends", 3)
    assert "cycle_a → cycle_b → cycle_a" in exc.value.render("en")


def test_wrong_types_are_all_reported() -> None:
    with pytest.raises(ProfileError) as exc:
        load_profile(BAD / "types.toml")
    found = {(p.path, p.line, p.code) for p in exc.value.problems}
    assert found == {("total", 4, "type"), ("execution.adjustment_reason", 8, "type")}


BASE = 'id = "t"\ntitle = "t"\nextends = "national"\n'


@pytest.mark.parametrize(
    ("text", "path", "line"),
    [
        ('[execution]\nbasis = "final"\n', "execution.basis", 5),
        ('[scoring]\nle = "linear"\n', "scoring.le", 5),
        ('[scoring]\neq = "roughly"\n', "scoring.eq", 5),
        ('[rounding]\nmode = "up"\n', "rounding.mode", 5),
        ("[rounding]\nplaces = 9\n", "rounding.places", 5),
        ("[deviation]\nexceeded_ratio = 0.5\n", "deviation.exceeded_ratio", 5),
        ("[execution]\nweight = 20\n", "execution.weight", 5),  # 50 + 30 + 10 + 20 ≠ 100
        ("[execution]\nreason_below = 120\n", "execution.reason_below", 5),
        ("years = [2025, 2020]\n", "years", 4),
        ("extends2 = 1\n", "extends2", 4),
        (
            '[[grades]]\nword = "优"\nmin = 90\n[[grades]]\nword = "优"\nmin = 0\nmax = 90\n',
            "grades[1].word",
            8,
        ),
        (
            '[[grades]]\nword = "优"\nmin = 90\nmax = 100\n[[grades]]\nword = "差"\nmin = 0\nmax = 90\n',
            "grades[0].max",
            7,
        ),
        (
            '[[grades]]\nword = "优"\nmin = 90\n[[grades]]\nword = "差"\nmin = 10\nmax = 90\n',
            "grades[1].min",
            9,
        ),
        (
            '[[qualitative]]\nlevel = "achieved"\nword = "达成"\nmin = 80\nmax = 100\n',
            "qualitative",
            4,
        ),
        ('[[tiers]]\nname = "产出指标"\nabsent = "gone"\n', "tiers[0].absent", 6),
    ],
)
def test_bad_values_name_key_and_line(text: str, path: str, line: int | None) -> None:
    with pytest.raises(ProfileError) as exc:
        loads_profile(BASE + text, "bad.toml")
    p = exc.value.problems[0]
    assert (p.file, p.path) == ("bad.toml", path), exc.value.render("en")
    if line is not None:
        assert p.line == line, exc.value.render("en")


def test_id_and_title_are_required_in_every_file() -> None:
    with pytest.raises(ProfileError) as exc:
        loads_profile('extends = "national"\n', "x.toml")
    assert {p.path for p in exc.value.problems} == {"id", "title"}


def test_required_keys_of_a_standalone_profile() -> None:
    with pytest.raises(ProfileError) as exc:
        loads_profile('id = "x"\ntitle = "x"\n', "x.toml")
    assert "grades" in {p.path for p in exc.value.problems}
    assert "execution.basis" in {p.path for p in exc.value.problems}


def test_syntax_error_has_a_line() -> None:
    with pytest.raises(ProfileError) as exc:
        loads_profile('id = "x"\ntitle = \n', "x.toml")
    assert exc.value.problems[0].code == "syntax" and exc.value.problems[0].line == 2


def test_unknown_parent() -> None:
    with pytest.raises(ProfileError) as exc:
        loads_profile(BASE.replace("national", "atlantis"), "x.toml")
    assert (exc.value.problems[0].path, exc.value.problems[0].line) == ("extends", 3)


@pytest.mark.parametrize("name", BUILTINS)
def test_every_band_starts_at_its_min_and_ends_just_below_the_next(name: str) -> None:
    p = load_profile(name)
    for better, worse in zip(p.bands, p.bands[1:], strict=False):
        assert p.grade_for(better.low) is better
        assert p.grade_for(better.low - p.quantum) is worse
        assert worse.high == better.low
    assert p.grade_for(p.total) is p.bands[0] and p.grade_for(D(0)) is p.bands[-1]
