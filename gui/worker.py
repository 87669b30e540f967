"""Long work off the UI thread, through one helper (after Anki's ``CollectionOp``).

::

    Op(window, lambda ctx: api.build(options, progress=ctx.progress, cancel=token))
        .progress(panel.set_progress)
        .success(on_built)
        .failure(on_failed)
        .run_in_background()

The op runs in a :class:`QThreadPool` worker and must not touch widgets; it may report progress
through ``ctx.progress(stage, fraction)``. Progress, success and failure callbacks run on the UI
thread (queued signals), and only while the parent widget still exists. Without a failure
callback, errors go to :func:`gui.errors.show_error`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from gui import errors

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

T = TypeVar("T")


class OpContext:
    """What an op may use from the worker thread: progress reporting only."""

    def __init__(self, bridge: _Bridge) -> None:
        self._bridge = bridge

    def progress(self, stage: str, fraction: float) -> None:
        """Report ``stage`` (e.g. ``charts``) at ``fraction`` (0..1) to the UI thread."""
        self._bridge.progressed.emit(stage, float(fraction))


class _Bridge(QObject):
    """Lives on the UI thread; the worker emits, the slots run queued on the UI thread."""

    progressed = Signal(str, float)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, op: Op[Any]) -> None:
        super().__init__()
        self._op = op
        self.progressed.connect(self._on_progress)
        self.succeeded.connect(self._on_success)
        self.failed.connect(self._on_failure)

    @Slot(str, float)
    def _on_progress(self, stage: str, fraction: float) -> None:
        self._op._deliver("progress", stage, fraction)

    @Slot(object)
    def _on_success(self, result: object) -> None:
        self._op._deliver("success", result)
        self._op._finish()

    @Slot(object)
    def _on_failure(self, exc: object) -> None:
        self._op._deliver("failure", exc)
        self._op._finish()


class _Runnable(QRunnable):
    def __init__(self, func: Callable[[OpContext], Any], bridge: _Bridge) -> None:
        super().__init__()
        self._func, self._bridge = func, bridge
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._func(OpContext(self._bridge))
        except Exception as exc:  # noqa: BLE001 - every failure goes to the UI thread
            self._bridge.failed.emit(exc)
        else:
            self._bridge.succeeded.emit(result)


class Op(Generic[T]):
    """One piece of background work with UI-thread callbacks."""

    _running: set[Op[Any]] = set()  # keeps ops (and their bridges) alive until they finish

    def __init__(self, parent: QWidget | None, op: Callable[[OpContext], T]) -> None:
        self._parent, self._op = parent, op
        self._callbacks: dict[str, Callable[..., None]] = {}
        self._bridge: _Bridge | None = None

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        """Call ``callback(result)`` on the UI thread when the op returns."""
        self._callbacks["success"] = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> Op[T]:
        """Call ``callback(exc)`` on the UI thread when the op raises (default: show_error)."""
        self._callbacks["failure"] = callback
        return self

    def progress(self, callback: Callable[[str, float], None]) -> Op[T]:
        """Call ``callback(stage, fraction)`` on the UI thread for each progress report."""
        self._callbacks["progress"] = callback
        return self

    def run_in_background(self, pool: QThreadPool | None = None) -> None:
        """Start the op on ``pool`` (default: the global pool) and return at once."""
        self._bridge = _Bridge(self)
        Op._running.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runnable(self._op, self._bridge))

    # -- UI thread ------------------------------------------------------------------------
    def _deliver(self, what: str, *args: Any) -> None:
        if self._parent is not None and not shiboken6.isValid(self._parent):
            return  # the window went away while the op ran
        callback = self._callbacks.get(what)
        if callback is not None:
            callback(*args)
        elif what == "failure":
            errors.show_error(self._parent, args[0])

    def _finish(self) -> None:
        Op._running.discard(self)
        if self._bridge is not None:
            self._bridge.deleteLater()
            self._bridge = None

    @classmethod
    def busy(cls) -> bool:
        """Whether any op is still running (tests wait for this to be False)."""
        return bool(cls._running)
