"""One school day, clicked through in the Agents Playground by each person in turn.

The coordinator installs the bot in the team and gives roles, `dagritme tick --at` starts Monday,
the pupil answers her check-in card, the mentor logs a contact and reads the overview, and the
coordinator reads the contacts. The Playground speaks en-US, so chat replies are in English.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from playwright.sync_api import expect
from sqlmodel import col, select

from browser.playground import ROOT, Sessions, people
from browser.server import ServedBot
from domain.clock import as_utc
from storage.models import CheckIn, ContactLog, Delivery, Person, PupilAlert

PEOPLE = people()
MARIEKE = PEOPLE["Marieke"]  # the current user of .m365agentsplayground.yml: installs the bot
FATIMA = PEOPLE["Fatima"]
SANNE = PEOPLE["Sanne"]
MONDAY = date(2026, 11, 23)
TEAM_CHANNEL = "Digitale School – Groep 1 - General"


def run_tick(database_url: str, at: str, log: Path) -> str:
    """`dagritme tick --at …` as an operator runs it, against the bot's database."""
    dagritme = Path(sys.executable).with_name("dagritme")
    done = subprocess.run(
        [str(dagritme), "tick", "--at", at],
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": database_url,
            "MicrosoftAppId": "",
            "MicrosoftAppPassword": "",
            "DAGRITME_LOG_LEVEL": "WARNING",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    log.write_text(done.stdout + done.stderr, encoding="utf-8")
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def stored(bot: ServedBot, model: Any, *where: Any) -> list[Any]:
    """Rows of one table, read through the bot's own database connection."""

    async def read() -> list[Any]:
        async with bot.db.session() as session:
            return list((await session.exec(select(model).where(*where))).all())

    return bot.run(read())


def test_a_school_day_in_the_playground(
    bot: ServedBot, sessions: Sessions, database_url: str, artifacts: Path
) -> None:
    # Sunday evening: the coordinator opens Teams, adds the bot to the class team, gives roles.
    with sessions.open_as(MARIEKE) as teams:
        teams.bot_says("Ik ken je nog niet")  # a personal install by someone of no team yet
        teams.open_chat(TEAM_CHANNEL)  # selecting the team's channel installs the bot there
        # the class greeting in the channel (a post's paragraph, not the log panel's line)
        greeting = teams.page.locator("p").filter(has_text="Instellen kan alleen een coördinator")
        expect(greeting).to_contain_text("Marieke Jansen", timeout=20_000)
        teams.open_chat("Personal Chat")
        teams.ask("rol Fatima mentor", "Fatima el Amrani is now a mentor.")
        teams.ask("rol Sanne leerling", "Sanne de Vries is now a pupil.")
        teams.ask("koppel Sanne aan Fatima", "Sanne de Vries is now linked to mentor Fatima")

    # Monday 09:00: the pupil has Teams open; the day starts; she answers by clicking.
    bot.clock.set(as_utc(datetime(2026, 11, 23, 9, 0)))
    with sessions.open_as(SANNE) as teams:
        teams.bot_says("Hoi Sanne!")
        run_tick(database_url, "2026-11-23T09:00", artifacts / "tick.log")
        # Dutch: she has not written to the bot yet, so it does not know her language.
        card = teams.card("Goedemorgen Sanne!")
        expect(card).to_contain_text("Hoe voel je je vandaag?")
        card.get_by_role("radio", name=re.compile(r"Goed$")).check()
        card.get_by_label("Wat ga je vandaag doen?").fill("rekenen blz. 12")
        bot.clock.set(as_utc(datetime(2026, 11, 23, 9, 5)))
        card.get_by_role("button", name="Verstuur", exact=True).click()
        # The card is replaced by what she sent, in the language of her click (the
        # Playground's en-US); nothing is left to click.
        done = teams.card("Thank you! This is what you sent:")
        expect(done).to_contain_text("Good")
        expect(done).to_contain_text("rekenen blz. 12")
        asked = teams.page.locator(".ac-adaptiveCard").filter(has_text="Goedemorgen Sanne!")
        expect(asked).to_have_count(0)
        # Her own words are not an error: the bot offers to pass them on to her mentor.
        teams.say("ik vind rekenen moeilijk")
        offer = teams.card("Would you like me to send this to Fatima")
        expect(offer).to_contain_text("ik vind rekenen moeilijk")
        offer.get_by_role("button", name="Yes, send it", exact=True).click()
        expect(teams.card("Sent to Fatima")).to_be_visible()
    [sanne] = stored(bot, Person, Person.teams_user_id == SANNE.id)
    [checkin] = stored(bot, CheckIn, CheckIn.pupil_id == sanne.id)
    assert (checkin.day, checkin.kind, checkin.mood) == (MONDAY, "start", 4)
    assert checkin.goals == ["rekenen blz. 12"]
    # what the 09:00 tick planned is sent (her message to Fatima waits for the next tick)
    sends = stored(bot, Delivery, Delivery.day == MONDAY, Delivery.prompt != "pupil_message")
    assert sends, "the tick planned nothing for Monday"
    assert {row.status for row in sends} == {"sent"}, [(r.prompt, r.last_error) for r in sends]

    # 10:00: the mentor phoned her, logs it, and sees her day in the overview.
    bot.clock.set(as_utc(datetime(2026, 11, 23, 10, 0)))
    with sessions.open_as(FATIMA) as teams:
        teams.bot_says("Hoi Fatima!")
        teams.ask("log Sanne bellen 15m gaat beter", "Logged: Sanne de Vries")
        overview = teams.ask("leerlingen", "Your pupils")
        for seen in ("Sanne de Vries", "🙂 good", "rekenen blz. 12", "contact today"):
            expect(overview).to_contain_text(seen)
        # Sanne's words arrive as an alert (written in Dutch: it was planned before Fatima's
        # Teams told the bot her language); picking it up tells Sanne that Fatima saw them.
        run_tick(database_url, "2026-11-23T10:01", artifacts / "tick-message.log")
        message = teams.card("ik vind rekenen moeilijk")
        message.get_by_role("button", name="Ik pak het op", exact=True).click()
        teams.bot_says("Picked up by Fatima")
    [alert] = stored(bot, PupilAlert, PupilAlert.pupil_id == sanne.id)
    assert (alert.kind, alert.picked_up_at is not None) == ("message", True)
    [contact] = stored(bot, ContactLog, col(ContactLog.pupil_id) == sanne.id)
    assert (contact.day, contact.kind, contact.minutes) == (MONDAY, "bellen", 15)

    # The coordinator reads the contacts of the day.
    with sessions.open_as(MARIEKE) as teams:
        teams.bot_says("Hoi Marieke!")
        contacts = teams.ask("contacten Sanne", "Contacts with Sanne de Vries")
        expect(contacts).to_contain_text("Fatima el Amrani")
        expect(contacts).to_contain_text("gaat beter")
