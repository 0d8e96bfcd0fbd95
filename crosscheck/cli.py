"""The ``crosscheck`` command: ``open`` starts the window, ``compare`` runs headless.

Nothing here imports Qt at module level; ``open`` imports the UI only when it runs, so
``compare`` works on a machine without a display or without Qt's system libraries.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from crosscheck import __version__
from crosscheck.core.collector import fewer_collections
from crosscheck.io.atomic import atomic_write_text
from crosscheck.io.errors import InputError
from crosscheck.io.export import FORMATS, render, with_flags
from crosscheck.io.load import load
from crosscheck.io.project import SUFFIX, Project
from crosscheck.io.project import load as load_project
from crosscheck.io.project import save as save_project
from crosscheck.resources import demo_articles

_EXTENSIONS = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".csv": "csv",
               SUFFIX: "crosscheck"}
_COMMANDS = ("open", "compare")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crosscheck",
        description="Compare how several outlets report the same event: quotes, claims, wording.",
    )
    parser.add_argument("--version", action="version", version=f"crosscheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="{open,compare}")
    op = sub.add_parser("open", help="open the window (the default command)")
    op.add_argument("sources", nargs="*", metavar="FILE|URL", help="articles to open")
    op.add_argument("--demo", action="store_true", help="open the built-in demo articles")
    cmp_ = sub.add_parser("compare", help="compare articles headless and print the result")
    cmp_.add_argument("sources", nargs="*", metavar="FILE|URL", help="two or more articles")
    cmp_.add_argument("--demo", action="store_true", help="compare the built-in demo articles (plus any given)")
    cmp_.add_argument("--format", "-f", choices=(*FORMATS, "crosscheck"),
                      help="output format: json, md, html, csv (the flags) or crosscheck (a project); "
                           "default: from -o's extension, else json")
    cmp_.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    cmp_.add_argument("--quiet", "-q", action="store_true",
                      help="no progress messages or decoding warnings on stderr (the warnings stay in the JSON)")
    cmp_.add_argument("--reference", "-r", metavar="N|PATH",
                      help="the source the others are compared with: its number in the order given (1, 2, …) "
                           "or its path or file name (default: the first, or the project's)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    if not args_in or (args_in[0] not in _COMMANDS and args_in[0] not in ("-h", "--help", "--version")):
        args_in.insert(0, "open")
    args = build_parser().parse_args(args_in)
    try:
        if args.command == "compare":
            return _compare(args)
        return _open(args)
    except InputError as exc:
        print(f"crosscheck: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("crosscheck: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not bad input: say so briefly, keep details on request
        if os.environ.get("CROSSCHECK_DEBUG"):
            raise
        print(f"crosscheck: internal error: {type(exc).__name__}: {exc} "
              "(set CROSSCHECK_DEBUG=1 for details)", file=sys.stderr)
        return 1


def _compare(args: argparse.Namespace) -> int:
    fmt = args.format
    if fmt is None and args.output:
        fmt = _EXTENSIONS.get(Path(args.output).suffix.lower())
        if fmt is None:
            raise InputError(f"{args.output}: cannot tell the format from the extension; use --format")
    fmt = fmt or "json"
    refs = _demo_refs(args.demo) + list(args.sources)
    progress = _Progress(enabled=not args.quiet)
    if len(refs) == 1 and refs[0].endswith(SUFFIX):
        project = load_project(refs[0])
        if len(project.sources) < 2:
            raise InputError(f"{refs[0]}: the project holds fewer than two articles")
    else:
        if any(r.endswith(SUFFIX) for r in refs):
            raise InputError("a project is compared on its own: crosscheck compare story.crosscheck")
        if len(refs) < 2:
            raise InputError("need at least two articles to compare")
        sources = []
        for i, ref in enumerate(refs, 1):
            progress(i / (len(refs) + 1) * 0.3, f"loading {ref}")
            sources.append(load(ref, f"s{i}"))
        project = Project(sources=sources, reference=sources[0].id)
    if not args.quiet:  # how an article was read from bytes: a guessed encoding, replaced bytes
        for source in project.sources:
            if source.warnings:
                print(f"crosscheck: {source.path}: {'; '.join(source.warnings)}", file=sys.stderr, flush=True)
    if fmt == "crosscheck":
        if not args.output:
            raise InputError("a project is written to a file: add -o story.crosscheck")
        save_project(project, args.output)
        progress.done()
        return 0
    from crosscheck.core.pipeline import analyze  # the engine loads when there is work for it

    comparison = analyze(project.sources, progress=lambda f, msg: progress(0.3 + 0.7 * f, msg),
                         settings=project.settings, corrections=project.corrections)
    comparison = with_flags(comparison, project.flags)
    progress.done()
    reference = _pick_reference(args.reference, project.sources) if args.reference else project.reference
    with fewer_collections():
        text = render(comparison, fmt, reference)
    if args.output:
        try:
            atomic_write_text(args.output, text)
        except OSError as exc:
            raise InputError(f"{args.output}: cannot write it ({exc.strerror or exc})") from None
    else:
        sys.stdout.write(text)
    return 0


def _pick_reference(wanted: str, sources: Sequence) -> str:
    """``--reference 2`` or ``--reference b.txt``: the source id it names, or a clear refusal."""
    if wanted.isdigit():
        n = int(wanted)
        if 1 <= n <= len(sources):
            return sources[n - 1].id
        raise InputError(f"--reference {wanted}: there are {len(sources)} sources; give 1 to {len(sources)}")
    matches = [s for s in sources if s.path == wanted or Path(s.path).name == wanted or s.url == wanted]
    if len(matches) == 1:
        return matches[0].id
    names = ", ".join(Path(s.path).name for s in sources)
    if not matches:
        raise InputError(f"--reference {wanted}: no source by that name (the sources: {names})")
    raise InputError(f"--reference {wanted}: several sources have that name; give its number instead")


def _open(args: argparse.Namespace) -> int:
    refs = _demo_refs(args.demo) + list(args.sources)
    from crosscheck.display import no_display_reason  # asked before Qt, which aborts without a display

    reason = no_display_reason()
    if reason:
        raise InputError(reason)
    from crosscheck.ui.app import run  # Qt is imported only when a window is wanted

    return run(refs)


def _demo_refs(wanted: bool) -> list[str]:
    return [str(p) for p in demo_articles()] if wanted else []


class _Progress:
    """Progress on stderr, only once a run has taken long enough for a person to wonder."""

    def __init__(self, enabled: bool, after_s: float = 1.0) -> None:
        self.enabled = enabled
        self.start = time.monotonic()
        self.after_s = after_s
        self.last = 0.0
        self.shown = False

    def __call__(self, fraction: float, message: str) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.start < self.after_s or now - self.last < 0.5:
            return
        self.last, self.shown = now, True
        print(f"crosscheck: {fraction:4.0%} {message}", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.shown:
            print(f"crosscheck: done in {time.monotonic() - self.start:.1f} s", file=sys.stderr)
