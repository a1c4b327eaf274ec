"""copydesk's own Great Expectations expectations, made from the rule modules.

A rule module declares one as data (``copydesk.checks.rules.spec.CustomExpectation``): a built-in
expectation with the columns and condition the rule needs fixed, so a suite file can say
``expectation: expect_figures_to_be_sourced`` instead of repeating the arguments. Here
each becomes a subclass of its base, which GX registers under its snake_case name when
this module is imported; they work anywhere a built-in does, users' suites included.
"""

from __future__ import annotations

import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column, RowConditionType

from copydesk.checks.rules import RULES
from copydesk.checks.rules.spec import CustomExpectation


def row_condition(where):
    """{kind: speech, cited: false} -> Column("kind") == "speech" & Column("cited") == False."""
    condition = None
    for column, value in where.items():
        part = Column(column) == value
        condition = part if condition is None else condition & part
    return condition


def _expectation_class(spec: CustomExpectation) -> type:
    base = getattr(gxe, spec.base)
    namespace: dict = {"__doc__": spec.doc, "__module__": __name__, "__annotations__": {}}
    for name, value in spec.fields.items():
        namespace["__annotations__"][name] = type(value)
        namespace[name] = list(value) if isinstance(value, list) else value
    if spec.row_condition:
        namespace["__annotations__"]["row_condition"] = RowConditionType
        namespace["row_condition"] = row_condition(spec.row_condition)
    class_name = "".join(part.capitalize() for part in spec.name.split("_"))
    return type(class_name, (base,), namespace)


CUSTOM_EXPECTATIONS = {
    check.expectation.name: _expectation_class(check.expectation)
    for rule in RULES.values()
    for check in rule.checks
    if isinstance(check.expectation, CustomExpectation)
}
