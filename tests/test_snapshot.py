"""Snapshots: the whole Dataset to JSON and back, exactly, and tolerant of fields added to model.py later."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta, timezone

import pytest

from xq_metrics import snapshot
from xq_metrics.defaults import load_default
from xq_metrics.model import Dataset, Observation, SourceInfo, Town


@pytest.fixture(scope="module")
def default() -> Dataset:
    result = load_default(now=datetime(2025, 3, 1, 9, 30, 15, 123456))
    assert result.dataset is not None
    return result.dataset


def test_default_data_round_trips_exactly(default: Dataset) -> None:
    again = snapshot.loads(snapshot.dumps(default))
    assert again == default
    for f in dataclasses.fields(Dataset):
        assert getattr(again, f.name) == getattr(default, f.name), f.name
        assert type(getattr(again, f.name)) is tuple


def test_types_survive_not_just_equality(default: Dataset) -> None:
    again = snapshot.loads(snapshot.dumps(default))
    assert all(type(a.loaded_at) is datetime for a in again.sources)
    assert all(type(t.aliases) is tuple for t in again.towns)
    pairs = zip(again.observations, default.observations)
    assert all(type(a.value) is type(b.value) for a, b in pairs)  # an int stays an int, None stays None
    assert again.is_sample == default.is_sample and again.name == default.name


def test_snapshot_is_readable_json_covering_every_field(default: Dataset) -> None:
    data = snapshot.dumps(default)
    envelope = json.loads(data)
    assert envelope["format"] == snapshot.FORMAT and envelope["version"] == snapshot.FORMAT_VERSION
    assert set(envelope["dataset"]) == {f.name for f in dataclasses.fields(Dataset)}
    assert "城镇化" in data.decode("utf-8")  # not \\u-escaped
    assert envelope["dataset"]["sources"][0]["loaded_at"] == "2025-03-01T09:30:15.123456"


def test_aware_datetimes_and_empty_values() -> None:
    moment = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=8)))
    dataset = Dataset(
        sources=(SourceInfo("测试", "t.xlsx", False, moment),),
        observations=(Observation("城镇化率", "全区", 2024, None), Observation("城镇化率", "全区", 2023, 0.0)),
        towns=(Town("杨柳青镇", aliases=("杨柳青", "杨镇")),),
    )
    again = snapshot.loads(snapshot.dumps(dataset))
    assert again == dataset and again.sources[0].loaded_at.utcoffset() == timedelta(hours=8)
    assert again.observations[0].value is None and again.observations[1].value == 0.0


def test_an_older_snapshot_without_a_field_loads_with_its_default(default: Dataset) -> None:
    envelope = json.loads(snapshot.dumps(default))
    del envelope["dataset"]["assessments"]
    for town in envelope["dataset"]["towns"]:
        del town["stat_code"]
    again = snapshot.loads(json.dumps(envelope).encode())
    assert again.assessments == ()
    assert all(t.stat_code == "" for t in again.towns)
    assert again.observations == default.observations


def test_a_field_no_longer_in_the_model_is_ignored(default: Dataset) -> None:
    envelope = json.loads(snapshot.dumps(default))
    envelope["dataset"]["retired"] = [1, 2]
    assert snapshot.loads(json.dumps(envelope).encode()) == default


# A model that grew after the snapshot code was written: a new row type and a new Dataset field with a default.
@dataclasses.dataclass(frozen=True)
class Progress:
    project: str
    year: int
    share: float | None = None
    checked_at: datetime | None = None
    notes: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class GrownDataset(Dataset):
    progress: tuple[Progress, ...] = ()
    by_year: dict[int, float] = dataclasses.field(default_factory=dict)


def test_new_dataclasses_and_fields_are_derived_generically() -> None:
    grown = GrownDataset(
        sources=(SourceInfo("测试", "t.xlsx", True, datetime(2025, 5, 1)),),
        progress=(Progress("3-1", 2024, 0.4, datetime(2025, 1, 1, 8), ("按期",)), Progress("3-2", 2024)),
        by_year={2024: 1.5},
    )
    assert snapshot.decode(snapshot.encode(grown), GrownDataset) == grown


@pytest.mark.parametrize("data", [b"", b"not json", b"[]", b'{"format": "other"}', '{"format":"xq-metrics-dataset","version":99}'.encode()])
def test_bytes_that_are_no_snapshot_raise_snapshot_error(data: bytes) -> None:
    with pytest.raises(snapshot.SnapshotError):
        snapshot.loads(data)


def test_a_snapshot_missing_a_required_field_raises_snapshot_error(default: Dataset) -> None:
    envelope = json.loads(snapshot.dumps(default))
    del envelope["dataset"]["towns"][0]["name"]
    with pytest.raises(snapshot.SnapshotError):
        snapshot.loads(json.dumps(envelope).encode())
