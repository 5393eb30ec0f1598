#!/usr/bin/env python3
"""Writes agent-presenced(8): the page swift-argument-parser's GenerateManual plugin made from
the command definitions (NAME, SYNOPSIS, DESCRIPTION with every subcommand and option), with
its generic EXIT STATUS and its empty sections dropped (and tidied for mandoc's lint), then the hand-written sections of
man/agent-presenced.8.tail (SIGNALS, STATUS FILE, ENVIRONMENT, FILES, EXIT STATUS, SEE ALSO).

usage: merge-man.py GENERATED TAIL OUTPUT
"""
import sys


def sections(lines):
    """The page split at each `.Sh`: the preamble first, then one list of lines per section."""
    parts = [[]]
    for line in lines:
        if line.startswith(".Sh "):
            parts.append([])
        parts[-1].append(line)
    return parts


def title(section):
    return section[0][4:].strip().strip('"').upper()


def keeps(section):
    """A section the page keeps: not the generic EXIT STATUS, not an empty one (AUTHORS)."""
    if title(section) == "EXIT STATUS":
        return False
    return any(line.strip() for line in section[1:])


def tidy(lines):
    """What `mandoc -T lint` would flag in the generated part: a paragraph break right before a
    list item or a list's end (skipped anyway), and a full stop ending the one-line description."""
    kept = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line == ".Pp" and following.startswith((".It", ".El")):
            continue
        if line.startswith(".Nd ") and line.endswith('."'):
            line = line[:-2] + '"'
        kept.append(line)
    return kept


def main():
    generated, tail, output = sys.argv[1:4]
    with open(generated, encoding="utf-8") as file:
        parts = sections(file.read().splitlines())
    with open(tail, encoding="utf-8") as file:
        hand_written = file.read().splitlines()
    if not {"NAME", "SYNOPSIS", "DESCRIPTION"} <= {title(section) for section in parts[1:]}:
        sys.exit(f"{generated}: not a page of the GenerateManual plugin (no NAME, SYNOPSIS, DESCRIPTION)")
    body = tidy(parts[0] + [line for section in parts[1:] if keeps(section) for line in section])
    with open(output, "w", encoding="utf-8") as file:
        file.write("\n".join(body + hand_written) + "\n")


if __name__ == "__main__":
    main()
