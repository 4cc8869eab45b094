"""Text from students made safe for the teacher's terminal and report (:func:`printable`)."""
from __future__ import annotations

import re

# C0/C1 control characters and terminal escape sequences (CSI, OSC such as OSC 52, which writes the
# clipboard; DCS, APC, PM): a file name or a wrong answer must never drive the teacher's terminal
_ESCAPES = re.compile(r"(?:\x1b[\]P^_X]|[\x9d\x90\x9e\x9f\x98])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)"
                      r"|\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b[ -/]*[0-~]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text, keep_newlines: bool = False) -> str:
    """``text`` safe for a terminal and for UTF-8: escape sequences and control characters removed,
    bytes that are no UTF-8 (a file name with byte 0xff) written as ``\\xff``."""
    text = str(text).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    text = _ESCAPES.sub("", text)
    if not keep_newlines:
        text = text.replace("\n", " ").replace("\t", " ")
    return _CONTROLS.sub("", text)
