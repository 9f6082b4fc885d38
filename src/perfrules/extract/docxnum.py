"""Word's automatic numbering: the label (一、 （一） 1. ①) each numbered paragraph shows, from numbering.xml.

Word does not store the numbers of a numbered list in the paragraph's text:
it counts them as it lays the document out. :class:`Numbering` counts the
same way, paragraph by paragraph in document order, and renders each label:

- the paragraph's ``w:numPr`` (or its style's, through ``w:basedOn``, or a
  level's ``w:pStyle``) names the list (``numId``) and the level (``ilvl``);
  ``numId`` 0 switches numbering off;
- a list (``w:num``) uses an abstract definition (``w:abstractNum``, also
  through ``w:numStyleLink``); lists sharing one abstract definition share
  its counters, and a list's ``w:startOverride`` restarts a level on the
  list's first paragraph; a level restarts after a higher level is used
  (``w:lvlRestart`` says otherwise);
- ``w:lvlText`` (``%1、``, ``（%1）``, ``%1.%2``) is filled with each level's
  counter in its ``w:numFmt``, and followed by its ``w:suff`` (a tab by
  default, a space, or nothing).

Formats rendered: decimal (also full-width, zero-padded), Chinese counting
(一 … 十 十一 … 一百零一), ideographic digits, 甲乙丙 (to 10) and 子丑寅 (to 12),
circled and parenthesised digits (① ⑴ ⒈ to 20, decimal after), letters and
Roman numerals, 壹贰叁. A bullet, or any other format, gives no label: the
paragraph's text is then its own text alone.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Numbering", "render_number"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9
_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}


def _val(el: Any, child: str) -> str | None:
    """The ``w:val`` of ``el``'s child ``w:<child>``, if there is one."""
    if el is None:
        return None
    found = el.find(W + child)
    if found is None:
        return None
    value = found.get(W + "val")
    return None if value is None else str(value)


def _int(text: str | None, default: int | None = None) -> int | None:
    """``text`` as an int, or ``default`` when it is missing or not a number."""
    if text is None:
        return default
    try:
        return int(text)
    except ValueError:
        return default


def _chinese(n: int, digits: str, units: str) -> str:
    """``n`` (1-9999) in Chinese counting: 十, 十一, 二十, 一百零一, 一千零一十."""
    parts: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = (n // power) % 10
        if d == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append("零")
            zero = False
        parts.append(digits[d] + unit)
    text = "".join(parts)
    if digits is _CN_DIGITS and 10 <= n <= 19:
        text = text[1:]  # 十一, not 一十一
    return text


def _roman(n: int) -> str:
    """``n`` in upper-case Roman numerals."""
    out = []
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """``n`` as Word writes list letters: A … Z, AA, BB …"""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def render_number(n: int, fmt: str) -> str | None:
    """Counter ``n`` in Word number format ``fmt``; ``None`` for a format not rendered."""
    if fmt in ("decimal", "decimalHalfWidth") or (n <= 0 and fmt != "none"):
        return str(n)
    if fmt == "none":
        return ""
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting"):
        return _chinese(n, _CN_DIGITS, "十百千") if n < 10000 else None
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _CN_LEGAL, "拾佰仟") if n < 10000 else None
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[n - 1] if n <= 10 else None
    if fmt == "ideographZodiac":
        return "子丑寅卯辰巳午未申酉戌亥"[n - 1] if n <= 12 else None
    enclosed = {
        "decimalEnclosedCircle": 0x2460,
        "decimalEnclosedCircleChinese": 0x2460,
        "decimalEnclosedParen": 0x2474,
        "decimalEnclosedFullstop": 0x2488,
    }
    if fmt in enclosed:
        return chr(enclosed[fmt] + n - 1) if n <= 20 else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        text = _letters(n)
        return text if fmt == "upperLetter" else text.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        text = _roman(n)
        return text if fmt == "upperRoman" else text.lower()
    return None


class _Level:
    """One level of a list definition."""

    def __init__(self, el: Any) -> None:
        self.start = _int(_val(el, "start"), 0) or 0
        self.fmt = _val(el, "numFmt") or "decimal"
        self.text = _val(el, "lvlText")
        self.restart = _int(_val(el, "lvlRestart"))
        legal = el.find(W + "isLgl")
        self.legal = legal is not None and legal.get(W + "val") not in ("0", "false", "off")
        self.suffix = _SUFFIX.get(_val(el, "suff") or "tab", "\t")
        self.style = _val(el, "pStyle")


def _levels(el: Any) -> dict[int, _Level]:
    """The levels of an abstract list definition, by ``ilvl``."""
    levels: dict[int, _Level] = {}
    for lvl in el.findall(W + "lvl"):
        ilvl = _int(lvl.get(W + "ilvl"))
        if ilvl is not None and 0 <= ilvl < _LEVELS:
            levels[ilvl] = _Level(lvl)
    return levels


class Numbering:
    """The numbering of one document: call :meth:`label` on every paragraph, in document order."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._links: dict[str, str] = {}  # abstractNumId → the numbering style it links to
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self._styles: dict[str, tuple[str | None, str | None, str | None]] = {}
        self._default_style: str | None = None
        self._counters: dict[str, list[int | None]] = {}
        self._seen: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, numbering: Any) -> None:
        for el in numbering.findall(W + "abstractNum"):
            aid = el.get(W + "abstractNumId")
            if aid is None:
                continue
            self._abstract[str(aid)] = _levels(el)
            link = _val(el, "numStyleLink")
            if link:
                self._links[str(aid)] = link
        for el in numbering.findall(W + "num"):
            nid, aid = el.get(W + "numId"), _val(el, "abstractNumId")
            if nid is None or aid is None:
                continue
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for override in el.findall(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"))
                if ilvl is None or not 0 <= ilvl < _LEVELS:
                    continue
                start = _int(_val(override, "startOverride"))
                if start is not None:
                    starts[ilvl] = start
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _Level(lvl)
            self._nums[str(nid)] = (aid, starts, levels)

    def _read_styles(self, styles: Any) -> None:
        for el in styles.findall(W + "style"):
            sid = el.get(W + "styleId")
            if sid is None:
                continue
            ppr = el.find(W + "pPr")
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            self._styles[str(sid)] = (
                _val(numpr, "numId"),
                _val(numpr, "ilvl"),
                _val(el, "basedOn"),
            )
            if el.get(W + "type") == "paragraph" and el.get(W + "default") in ("1", "true"):
                self._default_style = str(sid)

    def _style_numbering(self, style: str | None) -> tuple[str | None, str | None, str | None]:
        """(numId, ilvl, the style that names the list) along ``style``'s ``basedOn`` chain."""
        num_id: str | None = None
        ilvl: str | None = None
        owner: str | None = None
        seen: set[str] = set()
        while style is not None and style not in seen and style in self._styles:
            seen.add(style)
            sid_num, sid_lvl, based_on = self._styles[style]
            if ilvl is None:
                ilvl = sid_lvl
            if num_id is None and sid_num is not None:
                num_id, owner = sid_num, style
            style = based_on
        return num_id, ilvl, owner

    def _definition(self, num_id: str) -> tuple[str, dict[int, _Level]] | None:
        """The abstract definition a list uses (following ``numStyleLink``), and its levels."""
        aid = self._nums[num_id][0]
        for _ in range(5):
            link = self._links.get(aid)
            if link is None:
                break
            linked = self._style_numbering(link)[0]
            if linked is None or linked not in self._nums:
                break
            aid = self._nums[linked][0]
        if aid not in self._abstract:
            return None
        return aid, self._abstract[aid]

    def label(self, p: Any) -> str:
        """The numbering label paragraph ``p`` shows (with its suffix), or ``""``; counts it."""
        ppr = p.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        style = _val(ppr, "pStyle") or self._default_style
        style_num, style_lvl, owner = self._style_numbering(style)
        num_id = _val(numpr, "numId") or style_num
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return ""
        found = self._definition(num_id)
        if found is None:
            return ""
        aid, levels = found
        _, starts, overrides = self._nums[num_id]
        ilvl = _int(_val(numpr, "ilvl") or style_lvl)
        if ilvl is None:
            ilvl = next((k for k, v in levels.items() if owner and v.style == owner), 0)
        if not 0 <= ilvl < _LEVELS:
            return ""

        def level(k: int) -> _Level | None:
            return overrides.get(k) or levels.get(k)

        def start(k: int) -> int:
            lvl = level(k)
            return starts.get(k, lvl.start if lvl else 1)

        counters = self._counters.setdefault(aid, [None] * _LEVELS)
        if num_id not in self._seen:
            self._seen.add(num_id)
            for k in starts:
                counters[k] = None
        current = counters[ilvl]
        counters[ilvl] = start(ilvl) if current is None else current + 1
        for k in range(ilvl + 1, _LEVELS):
            lvl = level(k)
            restart = lvl.restart if lvl is not None and lvl.restart is not None else k
            if restart != 0 and ilvl + 1 <= restart:
                counters[k] = None
        this = level(ilvl)
        if this is None or this.fmt == "bullet" or this.text is None:
            return ""
        text = this.text
        for k in range(_LEVELS):
            token = f"%{k + 1}"
            if token not in text:
                continue
            lvl = level(k)
            value = counters[k]
            shown = render_number(
                start(k) if value is None else value,
                "decimal" if this.legal or lvl is None else lvl.fmt,
            )
            if shown is None:
                return ""
            text = text.replace(token, shown)
        return text + this.suffix
