"""Read and write targets and actuals (年初目标值 / 实际完成值) as typed values.

:func:`parse_value` turns what a report writes in a target or actual cell --
``"≥12篇"``, ``"不少于200人次"``, ``"2种以上"``, ``"3万余人次"``, ``"12月底完成"``,
``"是"``, a bare number, or a table ``{op, value, unit}`` -- into one of the
classes of :mod:`perfrules.document.values`. Anything it does not understand becomes
:class:`~perfrules.document.values.Unparsed`: the parser never guesses and never raises
for text.

:func:`render_value` writes a value back in canonical form (``≥12篇``,
``3万余人次``, ``约95%``, ``12月底``), such that parsing the rendering gives an
equal value with the same Decimal exponent wherever the notation can express it.

Reading conventions (see also the tests, which list every form in the seeds):

* ``以上`` / ``以下`` / ``以内`` include the number (≥ / ≤), as in Chinese legal
  usage; ``达到`` and ``达`` mean ≥, ``超过`` and ``高于`` mean >, ``低于`` means <.
* A number with no operator is a :class:`~perfrules.document.values.Quantity`; what a
  bare target means (≥ or =) is left to the rules.
* ``万`` and ``亿`` after a number are multipliers (``3万人次`` is ``3E+4`` 人次),
  except in the units ``万元``, ``亿元`` and ``万页``; ``余`` between them decides
  (``3万余元`` is more than ``3E+4`` 元, ``30余万元`` more than 30 万元).
* Descriptive words before the value (``面积不低于100平方米``,
  ``社区居民宣传500人次以上``) are skipped only when the rest is a comparison (an
  operator before or after the number) and the words hold no negation, change,
  "per", ordinal or approximation word (不, 增长, 每, 第, 约 …); otherwise the text
  is unparsed.
* Thousands may be separated by commas or single spaces (``1,200人``, ``1 200人``),
  in groups of three: ``1 2人`` is unparsed.
* ``前`` / ``之前`` / ``以前`` after a month include it, as ``以上`` includes the number
  and ``12月31日前`` the 31st: ``10月前`` is by the end of October. A quarter is by
  the end of its last month (``第四季度完成`` is by 12月底); ``第四季度前`` is not
  guessed; ``4季度`` alone is a count of quarters, as ``10月`` is of months.
* Grade words are ratings: ``优``/``优秀`` is 好, ``良``/``良好`` 较好, ``中``/``中等``
  一般, ``较差`` 差. ``满意`` (also ``非常满意``) is the top of its family above
  ``基本满意`` and ``不满意``; ``合格`` and ``达标`` are one family above ``基本合格``
  and ``不合格``/``未达标``.
* ``零事故``, ``无投诉`` and ``无`` alone are the count zero, ``=0`` with no unit: as
  a target none is allowed (met only by zero), as an actual none happened. Scoring
  and the rules read a bare ``无`` as zero only where the other cell aims at none;
  against a target to reach (``≥12篇``) it is a cell not filled in (PR030).
* ``100%完成`` and ``完成100%`` are the percentage (the share done). A percentage
  range that ends at 100% (``95%-100%``) is its lower bound ``≥95%``, since a rate
  cannot pass 100%; any other range is unparsed.
* :func:`year_of` and :func:`years_in` read the years a title names
  (``二〇二二年度`` is 2022).

The package: :mod:`~perfrules.document.valueparse.words` (normalisation,
vocabulary and years), :mod:`~perfrules.document.valueparse.parse` (the parser),
:mod:`~perfrules.document.valueparse.forms` (the rarer forms, tried only when the
grammar fails) and :mod:`~perfrules.document.valueparse.render` (the renderer).
"""

from __future__ import annotations

from perfrules.document.valueparse.parse import parse_value
from perfrules.document.valueparse.render import render_value
from perfrules.document.valueparse.words import year_of, years_in

__all__ = ["parse_value", "render_value", "year_of", "years_in"]
