"""clustersite/cache/posts.py: a file is parsed once per content, across loads and processes."""

from __future__ import annotations

from clustersite.cache import PostCache


def _counting():
    calls = []

    def parse(text):
        calls.append(text)
        return ("parsed", text)

    return calls, parse


def test_parsed_once_per_content(tmp_path):
    post = tmp_path / "x.md"
    post.write_text("one", encoding="utf-8")
    calls, parse = _counting()
    cache = PostCache()
    cache.begin()
    assert cache.parsed(post, "lv", None, lambda: parse("one")) == ("parsed", "one")
    assert cache.parsed(post, "lv", None, lambda: parse("one")) == ("parsed", "one")
    assert calls == ["one"]
    post.write_text("two", encoding="utf-8")  # same path, other bytes: parsed again
    cache.parsed(post, "lv", None, lambda: parse("two"))
    cache.parsed(post, "en", None, lambda: parse("two-en"))  # another language: its own entry
    assert calls == ["one", "two", "two-en"]


def test_kept_on_disk_between_processes_and_only_what_was_used(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("a", encoding="utf-8")
    b.write_text("b", encoding="utf-8")
    store = tmp_path / "cache" / "posts.pickle"
    first = PostCache(store)
    first.begin()
    first.parsed(a, "lv", None, lambda: "A")
    first.parsed(b, "lv", None, lambda: "B")
    first.end()
    second = PostCache(store)  # another process
    second.begin()
    assert second.parsed(a, "lv", None, lambda: "parsed again") == "A"
    second.end()  # b was not used: it is dropped
    third = PostCache(store)
    third.begin()
    assert third.parsed(b, "lv", None, lambda: "B again") == "B again"


def test_a_broken_cache_file_means_parsing_again(tmp_path):
    post = tmp_path / "x.md"
    post.write_text("x", encoding="utf-8")
    store = tmp_path / "posts.pickle"
    store.write_bytes(b"not a pickle")
    cache = PostCache(store)
    cache.begin()
    assert cache.parsed(post, "lv", None, lambda: "fresh") == "fresh"
