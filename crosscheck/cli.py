"""The ``crosscheck`` command: ``open`` starts the window, ``compare`` runs headless,
``install-desktop`` adds Crosscheck to the desktop's menus and file associations.

Nothing here imports Qt at module level; ``open`` imports the UI only when it runs, so
``compare`` works on a machine without a display or without Qt's system libraries.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from crosscheck import __version__
from crosscheck.core.collector import fewer_collections
from crosscheck.io.atomic import atomic_write_text
from crosscheck.io.errors import InputError
from crosscheck.io.export import FORMATS, render, with_flags
from crosscheck.io.fetch import is_url
from crosscheck.io.formats import FORMATS as INPUT_FORMATS
from crosscheck.io.load import load
from crosscheck.io.project import SUFFIX, Project
from crosscheck.io.project import load as load_project
from crosscheck.io.project import save as save_project
from crosscheck.resources import demo_articles

_EXTENSIONS = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".csv": "csv",
               SUFFIX: "crosscheck"}
_COMMANDS = ("open", "compare", "install-desktop")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")  # what a mistyped command looks like (no dot, slash or colon)


def inputs_help() -> str:
    """What every command reads, from the formats table itself (a new format shows up here)."""
    lines = ["what it reads:"]
    lines += [f"  {fmt.name + ':':18} {' '.join(fmt.extensions)}" for fmt in INPUT_FORMATS]
    lines += [
        f"  {'Web links:':18} http:// and https:// (fetched once, read as a saved page)",
        f"  {'Projects:':18} {SUFFIX} (saved from the window or by compare -f crosscheck)",
        "  Any other file is read as plain text; a web page saved under another name is recognised.",
    ]
    return "\n".join(lines)


_MAIN_EPILOG = """examples:
  crosscheck                                  open the window
  crosscheck a.html b.txt c.md                open these articles in the window (same as: open …)
  crosscheck open story.crosscheck            open a saved project
  crosscheck compare a.txt b.txt -f md        compare headless, print Markdown
  crosscheck compare --demo -o report.html    write the demo's report to a file
  crosscheck install-desktop                  add Crosscheck to the desktop's menu and file types

{inputs}

`crosscheck COMMAND --help` tells more about each command."""

_OPEN_EPILOG = """examples:
  crosscheck open a.html b.txt
  crosscheck open https://example.org/news/1 https://example.net/story
  crosscheck open story.crosscheck
  crosscheck open --demo

{inputs}"""

_COMPARE_EPILOG = """examples:
  crosscheck compare a.txt b.html                       JSON on standard output
  crosscheck compare a.txt b.md -f md -o report.md      a Markdown report (also: html, csv)
  crosscheck compare a.txt https://example.org/story -r 2
  crosscheck compare a.txt b.txt -o story.crosscheck    save a project to open in the window
  crosscheck compare story.crosscheck -f html -o report.html

{inputs}

exit status: 0 done, 2 input refused (the message says why), 1 internal error, 130 interrupted."""

_DESKTOP_EPILOG = """It writes, under $XDG_DATA_HOME (default ~/.local/share):
  applications/crosscheck.desktop         the menu entry (opens files given to it)
  mime/packages/crosscheck.xml            *.crosscheck files are Crosscheck projects
  icons/hicolor/<size>/apps/crosscheck.*  the icon at 16 to 512 pixels, and as SVG
and runs update-desktop-database, update-mime-database and xdg-icon-resource where they exist.
--uninstall removes exactly these files.

examples:
  crosscheck install-desktop
  crosscheck install-desktop --uninstall"""


def build_parser() -> argparse.ArgumentParser:
    inputs = inputs_help()
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="crosscheck",
        description="Compare how several outlets report the same event: quotes, claims, wording.",
        epilog=_MAIN_EPILOG.format(inputs=inputs), formatter_class=raw,
    )
    parser.add_argument("--version", action="version", version=f"crosscheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="{" + ",".join(_COMMANDS) + "}")
    op = sub.add_parser("open", help="open the window (the default command)", formatter_class=raw,
                        description="Open the window, with the articles or the project given.",
                        epilog=_OPEN_EPILOG.format(inputs=inputs))
    op.add_argument("sources", nargs="*", metavar="FILE|URL", help="articles to open, or one project")
    op.add_argument("--demo", action="store_true", help="open the built-in demo articles")
    cmp_ = sub.add_parser("compare", help="compare articles headless and print the result", formatter_class=raw,
                          description="Compare two or more articles (or one project) without a window; "
                                      "the result goes to standard output or to -o FILE.",
                          epilog=_COMPARE_EPILOG.format(inputs=inputs))
    cmp_.add_argument("sources", nargs="*", metavar="FILE|URL", help="two or more articles, or one project")
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
    desk = sub.add_parser("install-desktop", help="add Crosscheck to this desktop's menu and file types (Linux)",
                          formatter_class=raw, epilog=_DESKTOP_EPILOG,
                          description="Install a menu entry, the icon and the .crosscheck file type for "
                                      "this user (no administrator rights needed).")
    desk.add_argument("--uninstall", action="store_true", help="remove what install-desktop installed")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    unknown = _unknown_command(args_in)
    if unknown:
        print(f"crosscheck: {unknown}", file=sys.stderr)
        return 2
    if not args_in or (args_in[0] not in _COMMANDS and args_in[0] not in ("-h", "--help", "--version")):
        args_in.insert(0, "open")
    args = build_parser().parse_args(args_in)
    try:
        if args.command == "compare":
            return _compare(args)
        if args.command == "install-desktop":
            return _install_desktop(args)
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


def gui_main() -> int:
    """The ``crosscheck-app`` entry point (a gui-script: Windows starts it without a console
    window). It always opens the window; there may be no console to print to, so output that
    would go there is dropped rather than crashing the start."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (lives as long as the app)
    args = sys.argv[1:]
    return main(args if args[:1] == ["open"] else ["open", *args])


def _unknown_command(args: Sequence[str]) -> str | None:
    """The message for ``crosscheck diff a b``, or None. Anything that could be an article
    (an existing path, a name with an extension or a folder, a link) still opens the window as
    it always has; only a bare word that names no file is taken for a mistyped command."""
    if not args:
        return None
    word = args[0]
    if word in _COMMANDS or not _WORD.fullmatch(word) or os.path.lexists(word):
        return None
    close = difflib.get_close_matches(word, _COMMANDS, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return (f"'{word}' is not a command nor a file here; {hint}the commands: {', '.join(_COMMANDS)} "
            "(crosscheck --help shows them)")


def _refuse_duplicates(refs: Sequence[str]) -> None:
    """The same article twice (``a.txt`` and ``./a.txt``, a link given twice) would compare an
    article with itself: every quote "matches". Refused before anything is read."""
    seen: dict[tuple[object, ...], str] = {}
    for ref in refs:
        key = _identity(ref)
        if key in seen:
            first = seen[key]
            same = "given twice" if first == ref else f"the same file as {first}"
            raise InputError(f"{ref}: {same}; give each article once")
        seen[key] = ref


def _identity(ref: str) -> tuple[object, ...]:
    if is_url(ref):
        return ("url", ref.strip())
    try:
        st = os.stat(ref)  # a link, a hard link or another spelling of the path: the same file
    except OSError:
        return ("path", os.path.normcase(os.path.abspath(ref)))
    return ("file", st.st_dev, st.st_ino)


def _refuse_duplicate_sources(project_path: str, project: Project) -> None:
    """A project that holds one article twice (same name and same text) is refused like the
    command line: a comparison of an article with itself says nothing."""
    seen: dict[tuple[str, str], str] = {}
    for source in project.sources:
        key = (source.url or source.path, source.text)
        if key in seen:
            raise InputError(f"{project_path}: the project holds {source.path} twice; remove one in the window")
        seen[key] = source.id


def _install_desktop(args: argparse.Namespace) -> int:
    from crosscheck import desktop

    if args.uninstall:
        outcome = desktop.uninstall()
        for path in outcome.removed:
            print(f"removed {path}")
        if not outcome.removed:
            print(f"crosscheck: nothing to remove under {desktop.data_home()}", file=sys.stderr)
    else:
        command = desktop.launch_command()
        outcome = desktop.install(command=command)
        for path in outcome.written:
            print(f"wrote {path}")
        print(f"crosscheck: the menu entry starts: {desktop.describe(command)} open FILES", file=sys.stderr)
    if outcome.refreshed:
        print(f"crosscheck: refreshed with {', '.join(outcome.refreshed)}", file=sys.stderr)
    for failure in outcome.refresh_failures:
        print(f"crosscheck: warning: {failure} (the files are in place; logging in again shows them)",
              file=sys.stderr)
    return 0


def _compare(args: argparse.Namespace) -> int:
    fmt = args.format
    if fmt is None and args.output:
        fmt = _EXTENSIONS.get(Path(args.output).suffix.lower())
        if fmt is None:
            raise InputError(f"{args.output}: cannot tell the format from the extension; use --format")
    fmt = fmt or "json"
    refs = _demo_refs(args.demo) + list(args.sources)
    progress = _Progress(enabled=not args.quiet)
    _refuse_duplicates(refs)
    if len(refs) == 1 and refs[0].endswith(SUFFIX):
        project = load_project(refs[0])
        if len(project.sources) < 2:
            raise InputError(f"{refs[0]}: the project holds fewer than two articles")
        _refuse_duplicate_sources(refs[0], project)
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
        for note in save_project(project, args.output):
            print(f"crosscheck: {note}", file=sys.stderr)
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
    _refuse_duplicates(refs)
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
