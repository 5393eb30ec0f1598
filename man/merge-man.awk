# Writes agent-presenced(8) on stdout: the page swift-argument-parser's GenerateManual plugin
# made from the command definitions (NAME, SYNOPSIS, DESCRIPTION with every subcommand and
# option), without its generic EXIT STATUS and its empty sections, tidied for mandoc's lint,
# then the hand-written sections of man/agent-presenced.8.tail.
#
# usage: awk -f man/merge-man.awk GENERATED TAIL > OUTPUT

# A section's title, `.Sh "EXIT STATUS"` -> EXIT STATUS.
function title(line,    text) {
    text = substr(line, 5)
    gsub(/"/, "", text)
    return toupper(text)
}

# Keeps the buffered section unless it is the generic EXIT STATUS or has no text (AUTHORS).
function flush(    i, keep) {
    keep = (section == "")
    for (i = 2; i <= count && !keep; i++) if (buffer[i] ~ /[^ \t]/) keep = 1
    if (section == "EXIT STATUS") keep = 0
    if (keep) for (i = 1; i <= count; i++) page[++pageLines] = buffer[i]
    count = 0
}

FNR == NR {
    if ($0 ~ /^\.Sh /) {
        flush()
        section = title($0)
        seen[section] = 1
    }
    buffer[++count] = $0
    next
}

{ tail[++tailLines] = $0 }

END {
    flush()
    if (!seen["NAME"] || !seen["SYNOPSIS"] || !seen["DESCRIPTION"]) {
        print ARGV[1] ": not a page of the GenerateManual plugin (no NAME, SYNOPSIS, DESCRIPTION)" > "/dev/stderr"
        exit 1
    }
    for (i = 1; i <= pageLines; i++) {
        line = page[i]
        # A paragraph break right before a list item or a list's end: mandoc skips it and warns.
        if (line == ".Pp" && page[i + 1] ~ /^\.(It|El)/) continue
        # The one-line description takes no full stop.
        if (line ~ /^\.Nd .*\."$/) sub(/\."$/, "\"", line)
        print line
    }
    for (i = 1; i <= tailLines; i++) print tail[i]
}
