"""Runs the muyield executable for an algorithm: finds it, streams its progress and messages into
the Processing feedback, stops it when the user cancels, and keeps its output folder all or
nothing (muyield writes into a staging folder that is moved into place only after success)."""
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading

from qgis.core import QgsApplication, QgsProcessingException

BIN_SETTING = "MUYIELD_BIN"
PROGRESS = re.compile(r"^PROGRESS (\d{1,3}) ?(.*)$")  # muyield --progress=lines
LOG = re.compile(r"^\[muyield\] (\w+): (.*)$")  # spdlog's pattern in src/cli/main.cpp
STAGING_PREFIX = ".muyield-staging-"
STOP_GRACE_SECONDS = 5


class MuyieldRun:
    """What a finished (or cancelled) muyield process left: exit status, stdout, error lines."""

    def __init__(self):
        self.status = None
        self.cancelled = False
        self.stdout = []
        self.errors = []


def find_muyield():
    """The executable: the provider's setting, then $MUYIELD_BIN, then muyield on PATH."""
    configured = []
    try:
        from processing.core.ProcessingConfig import ProcessingConfig
        configured.append(("Processing › Options › Providers › muyield",
                           ProcessingConfig.getSetting(BIN_SETTING) or ""))
    except ImportError:
        pass
    configured.append(("MUYIELD_BIN", os.environ.get("MUYIELD_BIN", "")))
    for origin, path in configured:
        if not path:
            continue
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
        raise QgsProcessingException(
            f"muyield 不可执行 / not an executable file: {path} (from {origin})")
    found = shutil.which("muyield")
    if found:
        return found
    raise QgsProcessingException(
        "找不到 muyield 可执行文件 / muyield executable not found: put it on PATH, set the "
        "environment variable MUYIELD_BIN, or set it in Processing › Options › Providers › "
        "muyield")


def ui_lang():
    """muyield's --lang from the QGIS user interface language."""
    return "zh" if QgsApplication.locale().lower().startswith("zh") else "en"


def _pump(stream, name, lines):
    try:
        for line in stream:
            lines.put((name, line.rstrip("\r\n")))
    finally:
        lines.put((name, None))


def _stop(process):
    # SIGTERM first; muyield's partial files are in the staging folder the caller removes.
    process.terminate()
    try:
        process.wait(STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()


def run_muyield(args, feedback, shown_as=None):
    """Runs `muyield --lang L --progress lines ARGS`; returns a MuyieldRun. shown_as maps paths
    in muyield's messages to what the user should read instead (the staging folder → the
    output folder its files are moved to)."""
    command = [find_muyield(), "--lang", ui_lang(), "--progress", "lines", *args]
    feedback.pushCommandInfo(" ".join(command))
    run = MuyieldRun()
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, encoding="utf-8",
                                   errors="replace", bufsize=1)
    except OSError as e:
        raise QgsProcessingException(f"无法启动 muyield / cannot start {command[0]}: {e}")
    # Readers only queue lines: the feedback is used from this (the algorithm's) thread alone.
    lines = queue.Queue()
    for stream, name in ((process.stdout, "out"), (process.stderr, "err")):
        threading.Thread(target=_pump, args=(stream, name, lines), daemon=True).start()
    open_streams, stage = 2, None
    while open_streams:
        if not run.cancelled and feedback.isCanceled():
            run.cancelled = True
            _stop(process)
        if run.cancelled and process.poll() is not None:
            break  # a child of muyield may still hold the pipes open: do not wait for it
        try:
            name, line = lines.get(timeout=0.1)
        except queue.Empty:
            continue
        for path, shown in (shown_as or {}).items():
            line = line and line.replace(path, shown)
        if line is None:
            open_streams -= 1
        elif run.cancelled or not line.strip():
            continue
        elif name == "out":
            run.stdout.append(line)
            feedback.pushInfo(line)
        elif PROGRESS.match(line):
            percent, text = PROGRESS.match(line).groups()
            if text != stage:
                stage = text
                feedback.setProgressText(f"muyield: {text}")
            feedback.setProgress(min(100, int(percent)))
        else:
            _report(line, feedback, run)
    run.status = process.wait()
    if not open_streams:  # after a cancel a reader may still block on a pipe: leave it be
        process.stdout.close()
        process.stderr.close()
    return run


def _report(line, feedback, run):
    match = LOG.match(line)
    level, message = match.groups() if match else ("", line)
    if level in ("info", "debug", "trace"):
        feedback.pushInfo(message)
    elif level == "warning" or (not match and message.startswith("Warning")):  # GDAL's own
        feedback.pushWarning(message)
    else:  # muyield's errors name the file, row and field; CLI11's argument errors
        run.errors.append(message)
        feedback.reportError(message)


def check_status(run, what):
    """Raises for a run that could not do its work (exit status 2 or a crash)."""
    if run.status in (0, 1):
        return
    detail = run.errors[0] if run.errors else f"exit status {run.status}"
    raise QgsProcessingException(f"muyield {what} 失败 / failed: {detail}")


def run_into_folder(args, out_dir, feedback, what):
    """Runs muyield with `--out <staging>` inside out_dir and moves the files into out_dir only
    when it succeeded, so that a cancelled or failed run leaves out_dir as it was (no partial
    outputs, no .tmp-* files: muyield's temporary files die with the staging folder)."""
    os.makedirs(out_dir, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir)
    try:
        run = run_muyield([*args, "--out", staging], feedback,
                          {os.path.join(staging, ""): os.path.join(out_dir, ""), staging: out_dir})
        if run.cancelled:
            feedback.pushInfo(f"已取消，输出文件夹未改动 / cancelled: the output folder is unchanged "
                              f"(muyield exit status {run.status})")
            return run
        check_status(run, what)
        for name in sorted(os.listdir(staging)):
            target = os.path.join(out_dir, name)
            if os.path.isdir(target) and not os.path.islink(target):
                shutil.rmtree(target)
            os.replace(os.path.join(staging, name), target)
        return run
    finally:
        shutil.rmtree(staging, ignore_errors=True)
