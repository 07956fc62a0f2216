"""The database engine, sessions and migrations."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine for SQLite (aiosqlite) or PostgreSQL (asyncpg).

    SQL parameters are kept out of error messages: they hold what pupils and mentors typed,
    and a DBAPI error's text ends up in the logs.
    """
    kwargs["hide_parameters"] = True  # also when a caller turns on `echo`
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(url, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Gate:
    """One transaction at a time, those someone waits for (`answering`) before the others.

    SQLite has one writer. A second writer waits in SQLite's busy handler, which sleeps in steps
    of up to 100 ms and serves nobody in order; during the 09:00 fan-out a pupil's answer could
    wait behind many of the worker's transactions. Queued here instead, in the process, it waits
    at most for the transaction under way and for other answers.
    """

    def __init__(self) -> None:
        self._held = False
        self._answering: deque[asyncio.Future[None]] = deque()
        self._others: deque[asyncio.Future[None]] = deque()
        self._answered_last = False

    async def acquire(self, *, answering: bool) -> None:
        """Wait for the gate; answers are let through first."""
        if not self._held and not self._answering and not self._others:
            self._held, self._answered_last = True, answering
            return
        turn = asyncio.get_running_loop().create_future()
        queue = self._answering if answering else self._others
        queue.append(turn)
        try:
            await turn
        except BaseException:
            if turn.done() and not turn.cancelled():
                self.release()  # handed the gate as it was cancelled: pass it on
            elif turn in queue:
                queue.remove(turn)
            raise

    def release(self) -> None:
        """Hand the gate to the next in line, or open it: an answer first, unless the last one
        went to an answer (the background work must not starve while people keep answering)."""
        order = (self._answering, self._others)
        if self._answered_last:
            order = (self._others, self._answering)
        for queue in order:
            while queue:
                turn = queue.popleft()
                if not turn.done():
                    turn.set_result(None)
                    self._answered_last = queue is self._answering
                    return
        self._held = False


# Set inside a gated session, so that a session opened within it does not wait for itself.
_inside_gate: ContextVar[bool] = ContextVar("inside_gate", default=False)


class Database:
    """An engine and its session factory; one per app, made by the app factory."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._sessions = async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
        self._gate = Gate() if engine.dialect.name == "sqlite" else None

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> Database:
        """A database for a URL."""
        return cls(create_engine(url, **kwargs))

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    @asynccontextmanager
    async def session(self, *, answering: bool = False) -> AsyncIterator[AsyncSession]:
        """A session whose transaction is committed on success and rolled back on error.

        `answering`: someone waits for what this transaction does (a turn); on SQLite it goes
        before the background work (see `Gate`). PostgreSQL has no need to queue.
        """
        if self._gate is None or _inside_gate.get():
            async with self._sessions() as session, session.begin():
                yield session
            return
        await self._gate.acquire(answering=answering)
        inside = _inside_gate.set(True)
        try:
            async with self._sessions() as session, session.begin():
                yield session
        finally:
            _inside_gate.reset(inside)
            self._gate.release()

    async def ping(self) -> bool:
        """Whether the database answers a trivial query."""
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception:  # any driver error means "does not answer"; log the cause
            logger.warning("database ping failed", exc_info=True)
            return False
        return True

    async def close(self) -> None:
        """Release pooled connections."""
        await self.engine.dispose()


def alembic_config(url: str) -> Any:
    """An Alembic config pointing at our migrations and `url`."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Apply migrations up to `revision` (creates the schema on an empty database)."""
    from alembic import command

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(str(parsed.database)).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(url), revision)
