"""The command's cache of compiled regular expressions: same records, no pattern parsed twice, safe file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspextract import regex_cache

from .conftest import corpus_documents

# In a fresh interpreter: install the cache, run the batch warm-up (every reader and extractor once) and
# print how many patterns had to be parsed.
COUNT_PARSES = """
import sys
from inspextract import regex_cache
regex_cache.install()
parses = []
real_parse = regex_cache.parser.parse
regex_cache.parser.parse = lambda *args: parses.append(1) or real_parse(*args)
from inspextract.warm import SAMPLES, warm_up
warm_up(SAMPLES)
regex_cache.save()
print(len(parses))
"""


def cache_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), **extra}


def cache_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("inspextract/regex-*.marshal"))


def parse_command(doc: Path, env: dict[str, str]) -> bytes:
    argv = [sys.executable, "-m", "inspextract", "parse", str(doc)]
    return subprocess.run(argv, env=env, capture_output=True, check=True).stdout


@pytest.mark.skipif(sys.version_info[:2] not in regex_cache.VERSIONS, reason="no cache on this Python")
def test_a_warm_cache_parses_no_pattern_again(tmp_path: Path) -> None:
    # One hash seed for both runs: the standard library's tokenize builds a pattern from a set, whose order
    # (and so that pattern's text) changes with the seed.
    env = cache_env(tmp_path, PYTHONHASHSEED="0")

    def parsed() -> int:
        argv = [sys.executable, "-c", COUNT_PARSES]
        return int(subprocess.run(argv, env=env, capture_output=True, check=True).stdout)

    assert parsed() > 100  # cold: every pattern of every extractor
    assert parsed() == 0
    assert len(cache_files(tmp_path)) == 1


@pytest.mark.skipif(sys.version_info[:2] not in regex_cache.VERSIONS, reason="no cache on this Python")
def test_records_are_the_same_with_a_cold_a_warm_and_no_cache(tmp_path: Path) -> None:
    docs = [corpus_documents(name)[0] for name in ("dev", "dev-pdf", "dev-html", "dev-docx")]
    for doc in docs:
        off = parse_command(doc, cache_env(tmp_path, INSPEXTRACT_REGEX_CACHE="0"))
        assert parse_command(doc, cache_env(tmp_path)) == off  # cold for the first document
        assert parse_command(doc, cache_env(tmp_path)) == off  # warm


def test_turned_off_it_writes_nothing(tmp_path: Path) -> None:
    parse_command(corpus_documents("dev")[0], cache_env(tmp_path, INSPEXTRACT_REGEX_CACHE="0"))
    assert not (tmp_path / "cache").exists()


def test_a_damaged_file_is_ignored_and_written_afresh(tmp_path: Path) -> None:
    path = tmp_path / "regex.marshal"
    path.write_bytes(b"\x00not marshal data")
    cache = regex_cache.ProgramCache(path)
    assert cache.programs == {}
    pattern = cache.compile(r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)", 0)
    assert pattern.match("21 May").groupdict() == {"day": "21", "month": "May"}
    cache.save()
    again = regex_cache.ProgramCache(path)
    assert list(again.programs) == [(r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)", 0)]
    assert not list(tmp_path.glob(".regex-*"))  # no temporary file left behind


def test_a_program_python_rejects_is_parsed_again(tmp_path: Path) -> None:
    cache = regex_cache.ProgramCache(tmp_path / "regex.marshal")
    key = (r"a+b", 0)
    flags, code, groups, groupindex, indexgroup = regex_cache.make_program(*key)
    cache.programs[key] = (flags, [99999, *code], groups, groupindex, indexgroup)  # not a valid program
    assert cache.compile(*key).fullmatch("aab")
    assert cache.programs[key][1] == code


def test_patterns_from_the_cache_equal_freshly_compiled_ones(tmp_path: Path) -> None:
    import re

    samples = [(r"(?<![\w-])(?:very\s+good|good)(?![\w-])", re.IGNORECASE), (rb"%PDF-(\d)\.(\d)", 0)]
    first = regex_cache.ProgramCache(tmp_path / "regex.marshal")
    for sample in samples:
        first.compile(*sample)
    first.save()
    warm = regex_cache.ProgramCache(tmp_path / "regex.marshal")
    for pattern, flags in samples:
        cached, fresh = warm.compile(pattern, flags), re._compiler.compile(pattern, flags)  # type: ignore[attr-defined]
        assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
            fresh.pattern,
            fresh.flags,
            fresh.groups,
            fresh.groupindex,
        )
    assert warm.added == 0


def test_past_its_size_cap_the_file_keeps_only_this_runs_programs(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "regex.marshal"
    old = regex_cache.ProgramCache(path)
    for number in range(50):
        old.compile(f"old pattern {number}", 0)
    old.save()
    monkeypatch.setattr(regex_cache, "MAX_FILE_BYTES", path.stat().st_size)
    new = regex_cache.ProgramCache(path)
    new.compile("old pattern 7", 0)
    new.compile("new pattern", 0)
    new.save()
    assert sorted(regex_cache.ProgramCache(path).programs) == [("new pattern", 0), ("old pattern 7", 0)]


def test_the_lexicon_patterns_are_the_same_in_every_run() -> None:
    # A pattern that changed with the hash seed would be a new cache entry (and a new alternation order)
    # in every run.
    code = (
        "from inspextract.lexicon import councils, inspectorates\n"
        "print(councils()._regex.pattern, inspectorates()._regex.pattern)"
    )
    patterns = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(patterns) == 1
