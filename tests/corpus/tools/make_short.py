#!/usr/bin/env python3
"""Writes tests/corpus/compliant-short/ from tests/corpus/compliant/: the same
documents, ids and structure at about a third of the length, the size of the
replies the first rounds of testing used (and of what the offline generator
writes). Every line a checker reads is kept: frontmatter, file markers,
headings, "Key: value" lines (Covers, Epic, Touches, Resources, Stack,
Tokens) and code blocks; prose paragraphs keep their first sentence
lists their first two items (numbered journey steps their first three) and
tables their first three rows; a kept list item or paragraph keeps only its
first sentence.
design-tokens.md is kept whole, since every line of it is a token or a rule.

  python3 tests/corpus/tools/make_short.py      # rewrites compliant-short/*.md
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "compliant")
DST = os.path.join(HERE, "..", "compliant-short")
KEY = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*)?[A-Za-z][\w ()/.-]{0,30}(?:\*\*)?\s*:(\s|$)")
ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")
NUMBERED = re.compile(r"^\s*\d+[.)]\s")


def first_sentence(text):
    """Up to the first sentence end outside bold and code: "- **Goal.** A b. C" -> "- **Goal.** A b."."""
    marker = ITEM.match(text)
    start = marker.end() if marker else 0  # "1. " is a list marker, not a sentence
    for m in re.finditer(r"[.!?][\"”’)]?(?=\s|$)", text[start:]):
        head = text[: start + m.end()]
        if head.count("**") % 2 == 0 and head.count("`") % 2 == 0:  # not inside bold or code
            return head
    return text


def shorten(text):
    out, fence, front, list_count, prev_blank, rows = [], None, False, 0, True, 0
    for i, line in enumerate(text.split("\n")):
        t = line.strip()
        if i == 0 and t == "---" or front:
            front = not (i > 0 and t == "---") if front or i == 0 else False
            out.append(line)
            continue
        if fence or t.startswith(("```", "~~~")):
            if t.startswith(("```", "~~~")):
                fence = None if fence else t[:3]
            out.append(line)
            continue
        if not t:
            list_count = 0 if not prev_blank else list_count
            prev_blank = True
            if out and out[-1].strip():
                out.append(line)
            continue
        prev_blank = False
        rows = rows + 1 if t.startswith("|") else 0
        if t.startswith("|"):
            if rows <= 5:  # header, separator and three rows
                out.append(line)
            continue
        if t.startswith(("#", "===")) or KEY.match(t) and not ITEM.match(t):
            out.append(line)
            continue
        if ITEM.match(line):
            list_count += 1
            limit = 3 if NUMBERED.match(line) else 2
            if KEY.match(t) or list_count <= limit:
                out.append(first_sentence(line))
            continue
        if line.startswith(("  ", "\t")):  # a continuation line of a list item
            continue
        out.append(first_sentence(line))
    return "\n".join(out)


def main():
    os.makedirs(DST, exist_ok=True)
    for name in sorted(os.listdir(SRC)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(SRC, name), encoding="utf-8", newline="") as f:
            text = f.read()
        short = text if name == "SPEC_DESIGN_TOKENS.md" else shorten(text)
        with open(os.path.join(DST, name), "w", encoding="utf-8", newline="") as f:
            f.write(short)
        print(f"{name}: {len(text)} -> {len(short)} characters")


if __name__ == "__main__":
    main()
