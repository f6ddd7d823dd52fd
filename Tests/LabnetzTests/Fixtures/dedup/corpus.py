#!/usr/bin/env python3
"""Writes the labelled dedup corpus: six members' feeds (ICS in three time styles, RSS with the
event module) and labels.json. Every text is invented; every domain ends in .example.

Each entry below is one source item. Items with the same `event` label are the same real event
(a cross-post); `NEGATIVES` lists pairs of events that look alike but are different.
Run: python3 corpus.py   (rewrites the files next to it)
"""
import json
import os
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
BERLIN = ZoneInfo("Europe/Berlin")

SOEST = "stadtLABOR Soest, Markt 7, 59494 Soest"
ARNSBERG = "FreiRAUM Arnsberg, Neumarkt 6, 59821 Arnsberg"
ISERLOHN = "Waldstadtlabor, Theodor-Heuss-Ring 24, 58636 Iserlohn"
MENDEN = "Zukunfts.Werk.Stadt, Unnaer Straße 12, 58706 Menden"
MESCHEDE = "Kreishaus Meschede, Steinstraße 27, 59872 Meschede"

# source id -> (member, style)
SOURCES = {
    "soest-events": ("soest", "ics-tzid"),
    "arnsberg-events": ("arnsberg", "ics-utc"),
    "iserlohn-events": ("iserlohn", "rss-offset"),
    "menden-events": ("menden", "ics-floating"),
    "ankerorte-events": ("ankerorte", "ics-utc"),
    "hsk-events": ("hsk", "rss-utc"),
}

ITEMS = []


def item(source, event, title, start, minutes=120, loc=None, url=None, desc=None, cats=(), uid=None,
         rrule=None, allday=False, slip=False, status=None, days=1):
    """start: local Europe/Berlin 'YYYY-MM-DD HH:MM' (or 'YYYY-MM-DD' when allday).
    slip: the source writes the local wall time with a Z (a common exporter bug)."""
    ITEMS.append(dict(source=source, event=event, title=title, start=start, minutes=minutes, loc=loc, url=url,
                      desc=desc or title, cats=list(cats), uid=uid, rrule=rrule, allday=allday, slip=slip,
                      status=status, days=days))


# ---------------------------------------------------------------- stadtLABOR Soest (ICS, TZID)
S = "soest-events"
item(S, "nt-jan", "Netzwerktreffen der Südwestfalen-Labs (Q1)", "2027-01-13 18:00", loc=SOEST,
     url="https://stadtlabor-soest.example/termine/netzwerktreffen-q1-2027/", cats=["Netzwerk"],
     desc="Die vier Stadtlabore treffen sich zum Quartalsaustausch: Rückblick, Planung, gemeinsame Projekte.")
item(S, "nt-apr", "Netzwerktreffen der Südwestfalen-Labs (Q2)", "2027-04-14 18:00", loc=ARNSBERG,
     url="https://stadtlabor-soest.example/termine/netzwerktreffen-q2-2027/", cats=["Netzwerk"],
     desc="Zweites Quartalstreffen 2027, diesmal zu Gast im FreiRAUM Arnsberg.")
item(S, "repair-soest", "Repair-Café im stadtLABOR", "2027-01-09 10:00", minutes=180, loc=SOEST,
     rrule="FREQ=WEEKLY;BYDAY=SA;UNTIL=20270626T090000Z", cats=["Reparieren"],
     url="https://stadtlabor-soest.example/repair-cafe/",
     desc="Jeden Samstag: Wir reparieren gemeinsam Toaster, Fahrräder und Kleidung.")
item(S, "repair-soest-fahrrad", "Repair-Café Spezial: Fahrrad-Check zum Frühling", "2027-03-20 10:00", minutes=240,
     loc=SOEST + " (Hof)", cats=["Reparieren", "Mobilität"],
     url="https://stadtlabor-soest.example/termine/fahrrad-check/",
     desc="Sonderausgabe mit der Fahrradwerkstatt: Bremsen, Licht, Schaltung. Bitte Rad mitbringen.")
item(S, "od-soest-jan", "Open-Data-Stammtisch Soest", "2027-01-19 19:00", loc=SOEST, cats=["Open Data"],
     url="https://stadtlabor-soest.example/termine/od-stammtisch-januar/",
     desc="Offene Runde für alle, die mit Daten der Stadt Soest arbeiten wollen.")
item(S, "od-soest-feb", "Open-Data-Stammtisch Soest", "2027-02-16 19:00", loc=SOEST, cats=["Open Data"],
     url="https://stadtlabor-soest.example/termine/od-stammtisch-februar/",
     desc="Offene Runde für alle, die mit Daten der Stadt Soest arbeiten wollen.")
item(S, "od-soest-mar", "Open-Data-Stammtisch Soest", "2027-03-16 19:00", loc=SOEST, cats=["Open Data"],
     url="https://stadtlabor-soest.example/termine/od-stammtisch-maerz/",
     desc="Offene Runde für alle, die mit Daten der Stadt Soest arbeiten wollen.")
item(S, "kidscode-soest", "Kreativ-Coding für Kinder (8–12 Jahre)", "2027-01-20 15:00", minutes=90, loc=SOEST,
     cats=["Bildung"], desc="Wir programmieren kleine Spiele mit Scratch. Laptops sind vorhanden.")
item(S, "makerspace-soest", "Offene Werkstatt: 3D-Druck", "2027-01-20 15:00", minutes=120, loc=SOEST,
     cats=["Maker"], desc="Eigene Modelle drucken, Fragen zum Slicer, Filamentkunde.")
item(S, "smarthome-soest", "Vortrag: Smart Home ohne Cloud", "2027-02-03 19:00", loc=SOEST, cats=["Technik"],
     url="https://stadtlabor-soest.example/termine/smart-home-ohne-cloud/",
     desc="Wie steuere ich Licht und Heizung lokal? Mit Home Assistant und offenen Standards.")
item(S, "ki-soest", "KI im Alltag – Chancen und Grenzen", "2027-02-10 18:30", loc=SOEST, cats=["KI"],
     url="https://stadtlabor-soest.example/termine/ki-im-alltag/",
     desc="Diskussionsabend mit Beispielen aus Verwaltung und Ehrenamt.")
item(S, "tdot-soest", "Tag der offenen Tür im stadtLABOR", "2027-03-06", allday=True, loc=SOEST,
     url="https://stadtlabor-soest.example/termine/tag-der-offenen-tuer/", cats=["Fest"],
     desc="Alle Räume offen, Mitmachstationen, Kaffee und Kuchen.")
item(S, "fotowalk-soest", "Fotowalk durch die Altstadt", "2027-04-24 14:00", minutes=150,
     loc="Treffpunkt: Petrikirche, Petrikirchhof, 59494 Soest", cats=["Kultur"],
     desc="Wir fotografieren Soester Fachwerk und laden die Bilder unter freier Lizenz hoch.")
item(S, "wiki-soest", "Wikipedia-Schreibwerkstatt", "2027-05-05 18:00", loc=SOEST, cats=["Wissen"],
     desc="Artikel über Soester Orte verbessern – für Einsteiger:innen.")
item(S, "klima-soest", "Klimadaten-Hackathon Soest", "2027-05-22 09:00", minutes=600, loc=SOEST,
     uid="klima-hackathon-2027@stadtlabor-soest.example",
     url="https://stadtlabor-soest.example/termine/klimadaten-hackathon/", cats=["Klima", "Open Data"],
     desc="Ein Tag lang Sensordaten, Karten und Ideen für ein kühleres Soest.")
item(S, "ratsinfo-soest", "Ratsinformationen lesen lernen", "2027-06-02 18:00", loc=SOEST, cats=["Beteiligung"],
     desc="Wo stehen Beschlüsse, wie finde ich Vorlagen? Ein Abend mit dem Ratsinformationssystem.")
item(S, "sommerfest-soest", "Sommerfest der Stadtlabore", "2027-06-26 15:00", minutes=300, loc=SOEST,
     url="https://stadtlabor-soest.example/termine/sommerfest/", cats=["Fest", "Netzwerk"],
     desc="Alle vier Labs feiern gemeinsam den Abschluss des ersten Halbjahrs.")
item(S, "podcast-soest", "Podcast-Werkstatt: Erste Folge aufnehmen", "2027-03-03 18:00", loc=SOEST,
     cats=["Medien"], desc="Mikrofon, Schnitt, Veröffentlichung: wir nehmen gemeinsam eine Folge auf.")
item(S, "senioren-soest", "Digitale Sprechstunde für Senior:innen", "2027-02-24 10:00", loc=SOEST,
     cats=["Beratung"], desc="Hilfe bei Smartphone, Tablet und Online-Terminen.")
item(S, "vereine-soest", "Digitale Sprechstunde für Vereine", "2027-02-24 10:00", loc=SOEST,
     cats=["Beratung"], desc="Mitgliederverwaltung, Website und Datenschutz für Vereine.")
item(S, "lichtkunst-soest", "Lichtkunst mit Arduino", "2027-01-27 18:00", loc=SOEST, cats=["Maker"],
     desc="LED-Streifen, Sensoren und ein bisschen Code: wir bauen Lichtobjekte.")
item(S, "lichtkunst-soest-2", "Lichtkunst mit Arduino", "2027-02-17 18:00", loc=SOEST, cats=["Maker"],
     desc="Zweiter Termin: Fortsetzung mit Funkmodulen.")

# ---------------------------------------------------------------- FreiRAUM Arnsberg (ICS, UTC)
A = "arnsberg-events"
item(A, "nt-jan", "NETZWERKTREFFEN Südwestfalen-Labs Q1/2027", "2027-01-13 18:00",
     loc="stadtLABOR Soest, Markt 7, Soest", cats=["Netzwerk"])
item(A, "nt-apr", "Netzwerktreffen der Südwestfalen Labs – Q2", "2027-04-14 18:00", loc=ARNSBERG,
     cats=["Netzwerk", "FreiRAUM"], desc="Wir sind Gastgeber! Quartalstreffen der vier Labs im FreiRAUM.")
item(A, "sprech-arn-jan", "Digital-Sprechstunde im FreiRAUM", "2027-01-12 16:00", loc=ARNSBERG, cats=["Beratung"],
     url="https://freiraum-arnsberg.example/veranstaltung/digital-sprechstunde-januar/",
     desc="Fragen rund um Handy, Laptop und Online-Dienste der Stadt.")
item(A, "sprech-arn-feb", "Digital-Sprechstunde im FreiRAUM", "2027-02-09 16:00", loc=ARNSBERG, cats=["Beratung"],
     url="https://freiraum-arnsberg.example/veranstaltung/digital-sprechstunde-februar/",
     desc="Fragen rund um Handy, Laptop und Online-Dienste der Stadt.")
item(A, "sprech-arn-mar", "Digital-Sprechstunde im FreiRAUM", "2027-03-09 16:00", loc=ARNSBERG, cats=["Beratung"],
     url="https://freiraum-arnsberg.example/veranstaltung/digital-sprechstunde-maerz/",
     desc="Fragen rund um Handy, Laptop und Online-Dienste der Stadt.")
item(A, "buergerdialog-arn", "Bürgerdialog: Wie smart soll Arnsberg werden?", "2027-01-28 18:00", loc=ARNSBERG,
     cats=["Beteiligung"], url="https://freiraum-arnsberg.example/veranstaltung/buergerdialog-smart-city/",
     desc="Die Stadt stellt die Smart-City-Strategie vor und sammelt Ideen.")
item(A, "lora-arn", "LoRaWAN-Workshop: Sensoren bauen", "2027-01-28 18:00", loc=ARNSBERG, cats=["Technik"],
     desc="Im Werkraum nebenan: Temperatur- und Feuchtesensoren löten und ins Netz bringen.")
item(A, "repair-arn", "Repair-Café Spezial: Fahrräder", "2027-03-20 10:00", minutes=240, loc=ARNSBERG,
     cats=["Reparieren"], desc="Frühjahrscheck fürs Rad mit dem ADFC Arnsberg.")
item(A, "repair-arn-regular", "Repair-Café Arnsberg", "2027-01-02 10:00", minutes=180, loc=ARNSBERG,
     rrule="FREQ=MONTHLY;BYDAY=1SA", cats=["Reparieren"], desc="Jeden ersten Samstag im Monat.")
item(A, "mobil-arn", "Mobilitätswende konkret: Carsharing im Quartier", "2027-02-18 19:00", loc=ARNSBERG,
     cats=["Mobilität"], url="https://freiraum-arnsberg.example/veranstaltung/carsharing-quartier/",
     desc="Erfahrungen aus drei Quartieren und was Arnsberg daraus lernen kann.")
item(A, "games-arn", "Spieleabend: Brettspiele selbst gestalten", "2027-02-26 18:00", loc=ARNSBERG,
     cats=["Kultur"], desc="Mit Lasercutter und 3D-Druck zum eigenen Spiel.")
item(A, "kinder-arn", "Kinder-Coding: Roboter mit Calliope", "2027-03-03 15:00", minutes=90, loc=ARNSBERG,
     cats=["Bildung"], desc="Für Kinder ab 8 Jahren, Anmeldung erbeten.")
item(A, "fablab-arn", "FabLab-Einführung: Lasercutter", "2027-03-03 15:00", minutes=120, loc=ARNSBERG,
     cats=["Maker"], desc="Sicherheitseinweisung und erste Schnitte am Lasercutter.")
item(A, "solar-arn", "Balkonkraftwerk selbst anmelden", "2027-04-07 18:30", loc=ARNSBERG, cats=["Energie"],
     url="https://freiraum-arnsberg.example/veranstaltung/balkonkraftwerk/",
     desc="Marktstammdatenregister, Netzbetreiber, Montage: Schritt für Schritt.")
item(A, "ruhr-arn", "Ruhrwiesen-Datenspaziergang", "2027-05-08 11:00", minutes=120,
     loc="Treffpunkt Neheimer Markt, 59755 Arnsberg", cats=["Open Data"],
     desc="Wir messen Wasserstände und Temperaturen entlang der Ruhr.")
item(A, "barcamp-arn", "Barcamp Digitale Heimat", "2027-05-15", allday=True, loc=ARNSBERG,
     url="https://freiraum-arnsberg.example/veranstaltung/barcamp-digitale-heimat/", cats=["Netzwerk"],
     desc="Ein Tag, viele Sessions: Verwaltung, Ehrenamt und Tech im Dialog.")
item(A, "sommerfest-soest", "Sommerfest aller Stadtlabore in Soest", "2027-06-26 15:00", minutes=300,
     loc="stadtLABOR, Markt 7, 59494 Soest", cats=["Fest"])
item(A, "klima-soest", "Klimadaten-Hackathon (in Soest)", "2027-05-22 09:00", minutes=600,
     loc="stadtLABOR Soest", cats=["Klima"], url="https://stadtlabor-soest.example/termine/klimadaten-hackathon/")
item(A, "ki-soest", "KI im Alltag: Chancen & Grenzen", "2027-02-10 18:30", loc="Soest, stadtLABOR", cats=["KI"])
item(A, "datenschutz-arn", "Datenschutz für Vereine", "2027-06-09 18:00", loc=ARNSBERG, cats=["Beratung"],
     desc="DSGVO ohne Panik: Vorlagen und Praxistipps.")
item(A, "datenschutz-arn-2", "Datenschutz für Vereine (Teil 2)", "2027-06-16 18:00", loc=ARNSBERG,
     cats=["Beratung"], desc="Fortsetzung: Auftragsverarbeitung und Löschkonzepte.")

# ---------------------------------------------------------------- Waldstadtlabor Iserlohn (RSS ev:, offsets)
I = "iserlohn-events"
item(I, "nt-jan", "Netzwerktreffen Südwestfalen-Labs", "2027-01-13 18:00", loc="stadtLABOR Soest",
     url="https://waldstadtlabor.example/?p=812", cats=["Netzwerk"],
     desc="Wir fahren gemeinsam zum Quartalstreffen nach Soest. Mitfahrgelegenheit ab 17 Uhr.")
item(I, "nt-apr", "Quartalstreffen der Südwestfalen-Labs im FreiRAUM", "2027-04-14 18:00",
     loc="FreiRAUM, Neumarkt 6, Arnsberg", url="https://waldstadtlabor.example/?p=901", cats=["Netzwerk"])
item(I, "waldcamp-isl", "Waldcamp: Sensoren im Stadtwald", "2027-05-29 10:00", minutes=360,
     loc="Waldstadtlabor, Parkplatz Seilersee, 58636 Iserlohn", url="https://waldstadtlabor.example/?p=950",
     cats=["Natur", "Technik"], desc="Wir hängen Bodenfeuchte-Sensoren auf und werten die Daten aus.")
item(I, "baum-isl", "Baumpflanzaktion mit Geodaten", "2027-03-13 10:00", minutes=180,
     loc="Stadtwald Iserlohn, Eingang Danzweg, 58636 Iserlohn", url="https://waldstadtlabor.example/?p=860",
     cats=["Natur"], desc="Jeder gepflanzte Baum bekommt einen Eintrag in OpenStreetMap.")
item(I, "osm-isl-jan", "OpenStreetMap-Mapping-Party", "2027-01-21 18:00", loc=ISERLOHN,
     url="https://waldstadtlabor.example/?p=820", cats=["Open Data"],
     desc="Wir kartieren Bänke, Wege und Spielplätze in Iserlohn.")
item(I, "osm-isl-apr", "OpenStreetMap-Mapping-Party", "2027-04-22 18:00", loc=ISERLOHN,
     url="https://waldstadtlabor.example/?p=905", cats=["Open Data"],
     desc="Frühjahrsausgabe: Radwege und Barrierefreiheit.")
item(I, "senioren-isl", "Digitale Sprechstunde für Senior:innen", "2027-01-14 14:00", loc=ISERLOHN,
     url="https://waldstadtlabor.example/?p=823", cats=["Beratung"],
     desc="Hilfe bei Smartphone, Tablet und Online-Banking.")
item(I, "senioren-isl-2", "Digitale Sprechstunde für Senior:innen", "2027-01-28 14:00", loc=ISERLOHN,
     url="https://waldstadtlabor.example/?p=829", cats=["Beratung"],
     desc="Hilfe bei Smartphone, Tablet und Online-Banking.")
item(I, "podcast-isl", "Podcast-Aufnahme: Stimmen aus dem Wald", "2027-02-11 17:00", loc=ISERLOHN,
     url="https://waldstadtlabor.example/?p=840", cats=["Medien"])
item(I, "nistkasten-isl", "Nistkästen mit Kamera bauen", "2027-02-20 10:00", minutes=240, loc=ISERLOHN,
     url="https://waldstadtlabor.example/?p=845", cats=["Natur", "Maker"],
     desc="Wir bauen Nistkästen mit Raspberry-Pi-Kamera für den Schulgarten.")
item(I, "jugend-isl", "Jugend hackt Iserlohn – Vortreffen", "2027-03-04 17:00", loc=ISERLOHN,
     url="https://waldstadtlabor.example/?p=855", cats=["Bildung"])
item(I, "klima-isl", "Klimaanpassung im Quartier: Hitzekarte", "2027-03-25 18:00", loc=ISERLOHN,
     url="https://waldstadtlabor.example/?p=870", cats=["Klima"],
     desc="Wo wird es im Sommer gefährlich heiß? Wir erstellen gemeinsam eine Hitzekarte.")
item(I, "klima-isl-2", "Klimaanpassung im Quartier: Hitzekarte", "2027-04-29 18:00", loc=ISERLOHN,
     url="https://waldstadtlabor.example/?p=910", cats=["Klima"], desc="Auswertung der gesammelten Messwerte.")
item(I, "smarthome-soest", "Smart Home ohne Cloud (Vortrag im stadtLABOR Soest)", "2027-02-03 19:00",
     loc="Markt 7, 59494 Soest", url="https://stadtlabor-soest.example/termine/smart-home-ohne-cloud/",
     cats=["Technik"])
item(I, "kidscode-soest", "Kreativ Coding für Kids – bei unseren Freund:innen in Soest", "2027-01-20 15:00",
     minutes=90, loc="stadtLABOR Soest", url="https://waldstadtlabor.example/?p=826", cats=["Bildung"])
item(I, "barcamp-arn", "Barcamp „Digitale Heimat“ in Arnsberg", "2027-05-15", allday=True,
     loc="FreiRAUM Arnsberg", url="https://waldstadtlabor.example/?p=930", cats=["Netzwerk"])
item(I, "sommerfest-soest", "Sommerfest der Stadtlabore", "2027-06-26 15:00", minutes=300, loc="Soest",
     url="https://waldstadtlabor.example/?p=990", cats=["Fest"])
item(I, "mobil-arn", "Carsharing im Quartier – Mobilitätswende konkret", "2027-02-18 19:00",
     loc="FreiRAUM, Neumarkt 6, 59821 Arnsberg", url="https://waldstadtlabor.example/?p=848", cats=["Mobilität"])
item(I, "lesung-isl", "Lesung: Daten, Wald und wir", "2027-06-03 19:30", loc=ISERLOHN,
     url="https://waldstadtlabor.example/?p=960", cats=["Kultur"])
item(I, "pilze-isl", "Pilz-Bestimmung per App – Waldspaziergang", "2027-06-12 10:00", minutes=180,
     loc="Parkplatz Seilersee, 58636 Iserlohn", url="https://waldstadtlabor.example/?p=970", cats=["Natur"])
item(I, "wahl-isl", "Wahl-O-Mat selbst bauen", "2027-05-06 18:00", loc=ISERLOHN,
     url="https://waldstadtlabor.example/?p=940", cats=["Beteiligung"])
item(I, "repair-isl", "Repair-Café im Waldstadtlabor", "2027-03-20 10:00", minutes=180, loc=ISERLOHN,
     url="https://waldstadtlabor.example/?p=865", cats=["Reparieren"])

# ---------------------------------------------------------------- Zukunfts.Werk.Stadt Menden (ICS, floating)
M = "menden-events"
item(M, "nt-jan", "Netzwerktreffen der Südwestfalen-Labs!", "2027-01-13 18:00", loc="Soest", cats=["Netzwerk"])
item(M, "nt-apr", "Netzwerktreffen Q2 (FreiRAUM Arnsberg)", "2027-04-14 18:00", loc="Neumarkt 6, Arnsberg",
     cats=["Netzwerk"])
item(M, "repair-men", "Repair-Café Menden", "2027-01-16 10:00", minutes=180, loc=MENDEN,
     rrule="FREQ=MONTHLY;BYDAY=3SA", cats=["Reparieren"], desc="Jeden dritten Samstag im Monat.")
item(M, "repair-men-march", "Repair-Café Menden", "2027-03-20 10:00", minutes=180, loc=MENDEN,
     cats=["Reparieren"], desc="Märzausgabe mit Sonderstand Elektroschrott.")
item(M, "zukunft-men", "Zukunftswerkstatt Innenstadt", "2027-02-04 18:00", loc=MENDEN, cats=["Beteiligung"],
     url="https://zukunftswerkstadt-menden.example/termine/zukunftswerkstatt-innenstadt",
     desc="Wie soll die Mendener Innenstadt 2035 aussehen? Ideen, Karten, Modelle.")
item(M, "zukunft-men-2", "Zukunftswerkstatt Innenstadt", "2027-03-04 18:00", loc=MENDEN, cats=["Beteiligung"],
     url="https://zukunftswerkstadt-menden.example/termine/zukunftswerkstatt-innenstadt-2",
     desc="Zweite Runde: Ergebnisse vorstellen, Prioritäten setzen.")
item(M, "sensebox-men", "senseBox-Workshop für Schulen", "2027-02-10 09:00", minutes=240, loc=MENDEN,
     cats=["Bildung"], desc="Lehrkräfte bauen Umweltmessstationen für den Unterricht.")
item(M, "sprech-men", "Digitale Sprechstunde für Senior:innen", "2027-01-14 14:00", loc=MENDEN,
     cats=["Beratung"], desc="Hilfe am Smartphone, ohne Termin.")
item(M, "nachhaltig-men", "Nachhaltig digital: Alte Handys, neue Chancen", "2027-03-11 18:30", loc=MENDEN,
     cats=["Nachhaltigkeit"], url="https://zukunftswerkstadt-menden.example/termine/alte-handys")
item(M, "stammtisch-men", "Open-Data-Stammtisch Menden", "2027-01-19 19:00", loc=MENDEN, cats=["Open Data"])
item(M, "kino-men", "Filmabend: „Coded Bias“ mit Gespräch", "2027-04-15 19:30", loc=MENDEN, cats=["Kultur"])
item(M, "gaming-men", "Retro-Gaming-Nachmittag", "2027-04-15 15:00", minutes=180, loc=MENDEN, cats=["Kultur"])
item(M, "wlan-men", "Freifunk: Router flashen", "2027-05-12 18:00", loc=MENDEN, cats=["Technik"],
     url="https://zukunftswerkstadt-menden.example/termine/freifunk-router")
item(M, "kidscode-men", "Kreativ-Coding für Kinder", "2027-01-20 15:00", minutes=90, loc=MENDEN, cats=["Bildung"])
item(M, "sommerfest-soest", "Sommerfest Stadtlabore", "2027-06-26 15:00", minutes=300, loc=SOEST, cats=["Fest"])
item(M, "barcamp-arn", "Barcamp Digitale Heimat", "2027-05-15", allday=True,
     loc="FreiRAUM Arnsberg, Neumarkt 6, 59821 Arnsberg",
     url="https://freiraum-arnsberg.example/veranstaltung/barcamp-digitale-heimat/?utm_source=menden")
item(M, "klima-soest", "Klimadaten Hackathon Soest", "2027-05-22 09:00", minutes=600, loc="Soest", cats=["Klima"])
item(M, "fotowalk-men", "Fotowalk durch die Altstadt", "2027-04-24 14:00", minutes=150,
     loc="Treffpunkt Alter Rathausplatz, 58706 Menden", cats=["Kultur"])
item(M, "ki-men", "KI im Alltag – Chancen und Grenzen", "2027-05-27 18:30", loc=MENDEN, cats=["KI"],
     desc="Wiederholung des Soester Abends, diesmal in Menden.")
item(M, "makerfaire-men", "Maker-Markt Menden", "2027-06-05", allday=True, loc="Rathausplatz, 58706 Menden",
     cats=["Maker", "Fest"], days=2)

# ---------------------------------------------------------------- Ankerorte (ICS, UTC, Google-style re-posts)
N = "ankerorte-events"
item(N, "nt-jan", "Südwestfalen: Netzwerktreffen der Stadtlabore", "2027-01-13 18:00",
     loc="stadtLABOR Soest, Markt 7, 59494 Soest, Deutschland", cats=["Region Südwestfalen"])
item(N, "ag-jan", "AG-Sitzung Ankerorte (online)", "2027-01-26 10:00", loc="Online (BigBlueButton)",
     cats=["AG"], url="https://ankerorte.example/termine/ag-sitzung-januar")
item(N, "ag-mar", "AG-Sitzung Ankerorte (online)", "2027-03-23 10:00", loc="Online (BigBlueButton)",
     cats=["AG"], url="https://ankerorte.example/termine/ag-sitzung-maerz")
item(N, "ag-may", "AG-Sitzung Ankerorte (online)", "2027-05-25 10:00", loc="Online (BigBlueButton)",
     cats=["AG"], url="https://ankerorte.example/termine/ag-sitzung-mai")
item(N, "webinar-foerder", "Webinar: Förderprogramme für Stadtlabore 2027", "2027-02-02 14:00", minutes=90,
     loc="Online", cats=["Förderung"], url="https://ankerorte.example/termine/webinar-foerderprogramme")
item(N, "webinar-wirkung", "Webinar: Wirkung messen im Stadtlabor", "2027-04-06 14:00", minutes=90,
     loc="Online", cats=["Methoden"], url="https://ankerorte.example/termine/webinar-wirkung")
item(N, "konferenz", "Jahreskonferenz Ankerorte des digitalen Wandels", "2027-06-17", allday=True,
     loc="Kulturzentrum, Hauptstraße 1, 10827 Berlin", cats=["Konferenz"], days=2,
     url="https://ankerorte.example/jahreskonferenz-2027")
item(N, "konferenz-ws-suedwestfalen", "Workshop der Südwestfalen-Labs: Vom Stadtlabor zur Regionalstrategie",
     "2027-06-17 14:00", minutes=90, loc="Kulturzentrum Berlin, Raum 3", cats=["Konferenz"],
     url="https://ankerorte.example/jahreskonferenz-2027/workshop-suedwestfalen")
item(N, "konferenz-ws-daten", "Workshop: Datenstrategien für kleine Kommunen", "2027-06-17 14:00", minutes=90,
     loc="Kulturzentrum Berlin, Raum 4", cats=["Konferenz"],
     url="https://ankerorte.example/jahreskonferenz-2027/workshop-daten")
item(N, "klima-soest", "Klimadaten-Hackathon Soest", "2027-05-22 09:00", minutes=600,
     loc="stadtLABOR Soest, Markt 7, 59494 Soest, Deutschland", cats=["Region Südwestfalen"],
     uid="klima-hackathon-2027@stadtlabor-soest.example")
item(N, "barcamp-arn", "Barcamp Digitale Heimat (Arnsberg)", "2027-05-15", allday=True,
     loc="Neumarkt 6, 59821 Arnsberg, Deutschland", cats=["Region Südwestfalen"])
item(N, "waldcamp-isl", "Waldcamp Iserlohn: Sensoren im Stadtwald", "2027-05-29 10:00", minutes=360,
     loc="Seilersee, Iserlohn", cats=["Region Südwestfalen"], url="https://waldstadtlabor.example/?p=950")
item(N, "buergerdialog-arn", "Arnsberg: Bürgerdialog Smart City", "2027-01-28 18:00",
     loc="FreiRAUM, Neumarkt 6, 59821 Arnsberg, Deutschland", cats=["Region Südwestfalen"])
item(N, "zukunft-men", "Menden: Zukunftswerkstatt Innenstadt", "2027-02-04 18:00",
     loc="Unnaer Str. 12, 58706 Menden, Deutschland", cats=["Region Südwestfalen"])
item(N, "sommerfest-soest", "Sommerfest der Stadtlabore Südwestfalen", "2027-06-26 15:00", minutes=300,
     loc="Markt 7, 59494 Soest, Deutschland", cats=["Region Südwestfalen"])
item(N, "tdot-soest", "Soest: Tag der offenen Tür", "2027-03-06", allday=True,
     loc="stadtLABOR Soest, Markt 7, 59494 Soest, Deutschland",
     url="https://www.stadtlabor-soest.example/termine/tag-der-offenen-tuer?utm_source=ankerorte&utm_medium=ics")
item(N, "sprechstunde-ankerorte", "Offene Sprechstunde Fördermittel", "2027-03-09 16:00", loc="Online",
     cats=["Förderung"], url="https://ankerorte.example/termine/sprechstunde-foerdermittel")
item(N, "netz-ost", "Netzwerktreffen der Ostwestfalen-Labs", "2027-01-13 18:00",
     loc="Digitalwerkstatt, Marktplatz 2, 33602 Bielefeld, Deutschland", cats=["Region OWL"])
item(N, "netz-ost-apr", "Netzwerktreffen der Ostwestfalen-Labs", "2027-04-14 18:00",
     loc="Digitalwerkstatt, Marktplatz 2, 33602 Bielefeld, Deutschland", cats=["Region OWL"])
item(N, "ki-soest", "KI im Alltag – Chancen und Grenzen (stadtLABOR Soest)", "2027-02-10 18:30",
     loc="stadtLABOR Soest, Markt 7, 59494 Soest, Deutschland", cats=["Region Südwestfalen"])
item(N, "repair-soest-fahrrad", "Fahrrad-Check zum Frühling im Repair-Café Soest", "2027-03-20 10:00", minutes=240,
     loc="Markt 7, 59494 Soest, Deutschland", cats=["Region Südwestfalen"])

# ---------------------------------------------------------------- Digitalagentur HSK (RSS ev:, Z times)
H = "hsk-events"
item(H, "nt-apr", "Netzwerktreffen Südwestfalen-Labs im FreiRAUM Arnsberg", "2027-04-14 18:00",
     loc="Neumarkt 6, 59821 Arnsberg", url="https://digitalagentur-hsk.example/termine/netzwerktreffen-q2")
item(H, "sprech-arn-jan", "Digitalsprechstunde FreiRAUM Arnsberg", "2027-01-12 16:00",
     loc="FreiRAUM, Neumarkt 6, 59821 Arnsberg", slip=True,
     url="https://digitalagentur-hsk.example/termine/digitalsprechstunde-januar")
item(H, "sprech-arn-feb", "Digitalsprechstunde FreiRAUM Arnsberg", "2027-02-09 16:00",
     loc="FreiRAUM, Neumarkt 6, 59821 Arnsberg", slip=True,
     url="https://digitalagentur-hsk.example/termine/digitalsprechstunde-februar")
item(H, "sprech-arn-mar", "Digitalsprechstunde FreiRAUM Arnsberg", "2027-03-09 16:00",
     loc="FreiRAUM, Neumarkt 6, 59821 Arnsberg",
     url="https://digitalagentur-hsk.example/termine/digitalsprechstunde-maerz")
item(H, "buergerdialog-arn", "Wie smart soll Arnsberg werden? Bürgerdialog im FreiRAUM", "2027-01-28 18:00",
     loc="Neumarkt 6, Arnsberg", url="https://freiraum-arnsberg.example/veranstaltung/buergerdialog-smart-city")
item(H, "solar-arn", "Balkonkraftwerke: Anmeldung leicht gemacht", "2027-04-07 18:30",
     loc="FreiRAUM Arnsberg", url="https://freiraum-arnsberg.example/veranstaltung/balkonkraftwerk/")
item(H, "ruhr-arn", "Datenspaziergang an der Ruhr (Neheim)", "2027-05-08 11:00", minutes=120,
     loc="Neheimer Markt, Arnsberg", url="https://digitalagentur-hsk.example/termine/datenspaziergang-ruhr")
item(H, "hsk-breitband", "Breitband-Sprechstunde Hochsauerland", "2027-01-12 16:00",
     loc="Kreishaus Meschede, Steinstraße 27, 59872 Meschede",
     url="https://digitalagentur-hsk.example/termine/breitband-januar")
item(H, "hsk-breitband-mar", "Breitband-Sprechstunde Hochsauerland", "2027-03-09 16:00",
     loc="Kreishaus Meschede, Steinstraße 27, 59872 Meschede",
     url="https://digitalagentur-hsk.example/termine/breitband-maerz")
item(H, "hsk-egov", "E-Government-Tag Hochsauerlandkreis", "2027-02-25", allday=True, loc=MESCHEDE,
     url="https://digitalagentur-hsk.example/termine/egov-tag")
item(H, "hsk-ki-verwaltung", "KI in der Kreisverwaltung – Werkstattbericht", "2027-02-10 18:30",
     loc=MESCHEDE, url="https://digitalagentur-hsk.example/termine/ki-verwaltung")
item(H, "hsk-dorf", "Digitale Dörfer: Dorf-App vorgestellt", "2027-03-18 19:00",
     loc="Schützenhalle, Dorfstraße 3, 59889 Eslohe", url="https://digitalagentur-hsk.example/termine/dorf-app")
item(H, "mobil-arn", "Mobilitätswende konkret – Carsharing im Quartier (Arnsberg)", "2027-02-18 19:00",
     loc="FreiRAUM Arnsberg", url="https://digitalagentur-hsk.example/termine/carsharing")
item(H, "lora-hsk", "LoRaWAN im Sauerland: Netzabdeckung kartieren", "2027-01-28 18:00",
     loc="Kreishaus Meschede, Steinstraße 27, 59872 Meschede",
     url="https://digitalagentur-hsk.example/termine/lorawan-kartierung")
item(H, "datenschutz-arn", "Datenschutz für Vereine – Teil 1", "2027-06-09 18:00", loc="FreiRAUM Arnsberg",
     url="https://digitalagentur-hsk.example/termine/datenschutz-vereine-1")
item(H, "datenschutz-arn-2", "Datenschutz für Vereine – Teil 2", "2027-06-16 18:00", loc="FreiRAUM Arnsberg",
     url="https://digitalagentur-hsk.example/termine/datenschutz-vereine-2")
item(H, "hsk-glasfaser", "Glasfaser-Infoabend Brilon", "2027-04-20 19:00",
     loc="Bürgerzentrum Kolpinghaus, Propsteigasse 4, 59929 Brilon",
     url="https://digitalagentur-hsk.example/termine/glasfaser-brilon")
item(H, "hsk-glasfaser-2", "Glasfaser-Infoabend Winterberg", "2027-04-21 19:00",
     loc="Kurhaus, Am Kurpark 4, 59955 Winterberg", url="https://digitalagentur-hsk.example/termine/glasfaser-winterberg")
item(H, "barcamp-arn", "BarCamp „Digitale Heimat“", "2027-05-15", allday=True, loc="Arnsberg",
     url="https://digitalagentur-hsk.example/termine/barcamp")
item(H, "repair-arn-april", "Repair-Café Arnsberg – Sonderausgabe Elektrogeräte", "2027-04-03 10:00", minutes=180,
     loc=ARNSBERG, url="https://digitalagentur-hsk.example/termine/repair-elektro")


# ---------------------------------------------------------------- more of everyone's own programme
item(S, "loeten-soest", "Löten für Anfänger:innen", "2027-04-10 10:00", minutes=180, loc=SOEST, cats=["Maker"],
     desc="Vom Widerstand zum blinkenden Namensschild.")
item(S, "mastodon-soest", "Mastodon & Co.: Soziale Netzwerke ohne Konzern", "2027-04-28 18:30", loc=SOEST,
     cats=["Medien"], url="https://stadtlabor-soest.example/termine/fediverse/")
item(S, "buch-soest", "Bibliothek der Dinge: Ausleihe startet", "2027-05-12 16:00", loc=SOEST, cats=["Teilen"],
     desc="Bohrmaschine, Beamer, Nähmaschine: leihen statt kaufen.")
item(S, "schule-soest", "Schul-Projekttag Stadtklima", "2027-06-10 08:00", minutes=300, loc=SOEST,
     cats=["Bildung", "Klima"])
item(A, "kreativ-arn", "Nähcafé mit Stickmaschine", "2027-04-21 17:00", loc=ARNSBERG, cats=["Maker"])
item(A, "wasser-arn", "Wasserstand-Sensor an der Ruhr – Auswertung", "2027-06-01 18:00", loc=ARNSBERG,
     cats=["Open Data"], desc="Was haben die Sensoren vom Datenspaziergang gemessen?")
item(A, "senioren-arn", "Tablet-Kurs für Senior:innen", "2027-04-27 10:00", loc=ARNSBERG, cats=["Bildung"])
item(A, "jugend-arn", "Jugendforum digital", "2027-05-19 17:00", loc=ARNSBERG, cats=["Beteiligung"],
     url="https://freiraum-arnsberg.example/veranstaltung/jugendforum/")
item(I, "astro-isl", "Sternwarte digital: Teleskop-Steuerung mit dem Raspberry Pi", "2027-02-25 19:00",
     loc=ISERLOHN, url="https://waldstadtlabor.example/?p=850", cats=["Technik"])
item(I, "vogel-isl", "Vogelstimmen erkennen mit KI", "2027-05-01 07:00", minutes=120,
     loc="Parkplatz Seilersee, 58636 Iserlohn", url="https://waldstadtlabor.example/?p=935", cats=["Natur", "KI"])
item(I, "bienen-isl", "Smarte Bienenstöcke: Waage und Temperatur", "2027-05-20 17:00", loc=ISERLOHN,
     url="https://waldstadtlabor.example/?p=945", cats=["Natur", "Maker"])
item(I, "zukunft-men", "Mendener Zukunftswerkstatt Innenstadt (Partnerlab)", "2027-02-04 18:00",
     loc="Zukunfts.Werk.Stadt Menden", url="https://waldstadtlabor.example/?p=838", cats=["Beteiligung"])
item(I, "solar-arn", "Balkonkraftwerk anmelden – Infoabend im FreiRAUM", "2027-04-07 18:30",
     loc="FreiRAUM Arnsberg, Neumarkt 6", url="https://waldstadtlabor.example/?p=895", cats=["Energie"])
item(M, "upcycling-men", "Upcycling-Werkstatt: Aus alt mach neu", "2027-02-27 14:00", minutes=180, loc=MENDEN,
     cats=["Nachhaltigkeit"])
item(M, "radweg-men", "Radwege-Check mit der Mängelmelder-App", "2027-04-17 11:00", minutes=120,
     loc="Treffpunkt Bahnhof Menden, 58706 Menden", cats=["Mobilität"])
item(M, "waldcamp-isl", "Waldcamp im Iserlohner Stadtwald", "2027-05-29 10:00", minutes=360,
     loc="Seilersee, 58636 Iserlohn", cats=["Natur"])
item(M, "nt-jul", "Netzwerktreffen der Südwestfalen-Labs (Q3)", "2027-07-07 18:00", loc=MENDEN, cats=["Netzwerk"],
     desc="Im Sommer sind wir Gastgeber.")
item(M, "mobil-arn", "Carsharing im Quartier", "2027-02-18 19:00", loc="Arnsberg", cats=["Mobilität"])
item(N, "nt-jul", "Südwestfalen: Quartalstreffen der Stadtlabore (Juli)", "2027-07-07 18:00",
     loc="Zukunfts.Werk.Stadt, Unnaer Straße 12, 58706 Menden, Deutschland", cats=["Region Südwestfalen"],
     slip=True)
item(N, "ag-jul", "AG-Sitzung Ankerorte (online)", "2027-07-13 10:00", loc="Online (BigBlueButton)",
     cats=["AG"], url="https://ankerorte.example/termine/ag-sitzung-juli")
item(N, "webinar-oss", "Webinar: Open-Source-Software in Kommunen", "2027-03-02 14:00", minutes=90, loc="Online",
     cats=["Open Source"], url="https://ankerorte.example/termine/webinar-oss")
item(N, "webinar-beteiligung", "Webinar: Digitale Beteiligung, die wirkt", "2027-05-04 14:00", minutes=90,
     loc="Online", cats=["Beteiligung"], url="https://ankerorte.example/termine/webinar-beteiligung")
item(H, "waldcamp-isl", "Waldcamp: Sensoren im Iserlohner Stadtwald", "2027-05-29 10:00", minutes=360,
     loc="Parkplatz Seilersee, 58636 Iserlohn", url="https://digitalagentur-hsk.example/termine/waldcamp")
item(H, "hsk-ehrenamt", "Ehrenamt digital: Vereinsverwaltung in der Cloud", "2027-05-18 18:30", loc=MESCHEDE,
     url="https://digitalagentur-hsk.example/termine/ehrenamt-digital")
item(H, "hsk-ehrenamt-2", "Ehrenamt digital: Vereinsverwaltung in der Cloud", "2027-06-15 18:30",
     loc="Rathaus Schmallenberg, Unterm Werth 1, 57392 Schmallenberg",
     url="https://digitalagentur-hsk.example/termine/ehrenamt-digital-schmallenberg")
item(H, "jugend-arn", "Jugendforum digital in Arnsberg", "2027-05-19 17:00", loc="FreiRAUM Arnsberg",
     url="https://freiraum-arnsberg.example/veranstaltung/jugendforum")
item(H, "hsk-tourismus", "Tourismusdaten offen: Wanderwege als Open Data", "2027-03-30 18:00", loc=MESCHEDE,
     url="https://digitalagentur-hsk.example/termine/tourismusdaten")
item(H, "wasser-arn", "Auswertung Ruhr-Wasserstandssensoren", "2027-06-01 18:00", loc="FreiRAUM Arnsberg",
     url="https://digitalagentur-hsk.example/termine/ruhr-sensoren")

# Pairs of events that look alike but are different, with the kind of trap each one is.
NEGATIVES = [
    # the same title on different days
    ("nt-jan", "nt-apr", "same title, different day"),
    ("od-soest-jan", "od-soest-feb", "same title, different day"),
    ("od-soest-feb", "od-soest-mar", "same title, different day"),
    ("sprech-arn-jan", "sprech-arn-feb", "same title, different day"),
    ("sprech-arn-feb", "sprech-arn-mar", "same title, different day"),
    ("senioren-isl", "senioren-isl-2", "same title, different day"),
    ("osm-isl-jan", "osm-isl-apr", "same title, different day"),
    ("klima-isl", "klima-isl-2", "same title, different day"),
    ("zukunft-men", "zukunft-men-2", "same title, different day"),
    ("lichtkunst-soest", "lichtkunst-soest-2", "same title, different day"),
    ("datenschutz-arn", "datenschutz-arn-2", "part 1 and part 2"),
    ("ag-jan", "ag-mar", "same title, different day"),
    ("hsk-glasfaser", "hsk-glasfaser-2", "same series, other town, next day"),
    # the same room (or slot) on the same evening
    ("kidscode-soest", "makerspace-soest", "same room, same evening"),
    ("senioren-soest", "vereine-soest", "same room, same evening"),
    ("buergerdialog-arn", "lora-arn", "same room, same evening"),
    ("kinder-arn", "fablab-arn", "same room, same evening"),
    ("konferenz-ws-suedwestfalen", "konferenz-ws-daten", "same venue, same slot"),
    ("sprech-arn-jan", "hsk-breitband", "same slot, similar title, other town"),
    ("sprech-arn-mar", "hsk-breitband-mar", "same slot, similar title, other town"),
    ("sprech-arn-mar", "sprechstunde-ankerorte", "same slot, similar title, online"),
    ("buergerdialog-arn", "lora-hsk", "same slot, other town"),
    ("lora-arn", "lora-hsk", "same topic, same slot, other town"),
    ("ki-soest", "hsk-ki-verwaltung", "same topic, same slot, other town"),
    ("kino-men", "gaming-men", "same room, same day"),
    # a weekly or monthly series against a one-off special
    ("repair-soest", "repair-soest-fahrrad", "series vs one-off special"),
    ("repair-soest", "repair-arn", "series vs one-off in another town"),
    ("repair-men", "repair-men-march", "series vs one-off special"),
    ("repair-arn-regular", "repair-arn-april", "series vs one-off special"),
    ("repair-soest-fahrrad", "repair-arn", "same title and slot, other town"),
    ("repair-soest-fahrrad", "repair-isl", "same slot, similar title, other town"),
    ("repair-arn", "repair-men-march", "same slot, similar title, other town"),
    # the same title in another town on the same day
    ("od-soest-jan", "stammtisch-men", "same title, same evening, other town"),
    ("kidscode-soest", "kidscode-men", "same title, same afternoon, other town"),
    ("senioren-isl", "sprech-men", "same title, same afternoon, other town"),
    ("nt-jan", "netz-ost", "same title, same evening, other region"),
    ("nt-apr", "netz-ost-apr", "same title, same evening, other region"),
    ("fotowalk-soest", "fotowalk-men", "same title, same afternoon, other town"),
    ("ki-soest", "ki-men", "same title, other town, other day"),
    ("hsk-ehrenamt", "hsk-ehrenamt-2", "same title, other town, other day"),
    ("nt-apr", "nt-jul", "same title, different day"),
    ("ag-may", "ag-jul", "same title, different day"),
    ("loeten-soest", "repair-soest", "one-off in a series' room on its day"),
]


# ---------------------------------------------------------------- writers
def local(start, allday):
    if allday:
        return datetime.strptime(start, "%Y-%m-%d")
    return datetime.strptime(start, "%Y-%m-%d %H:%M").replace(tzinfo=BERLIN)


def uid_for(it, n):
    if it["uid"]:
        return it["uid"]
    member = SOURCES[it["source"]][0]
    if it["source"].startswith(("iserlohn", "hsk")):
        return it["url"] or f"https://{member}.example/?event={n}"
    if it["source"] == "ankerorte-events":
        return f"{abs(hash_text(it['event'] + it['title'])):x}@google.com"
    return f"{it['event']}-{n}@{member}.example"


def hash_text(text):
    h = 1469598103934665603
    for b in text.encode():
        h = ((h ^ b) * 1099511628211) & 0xFFFFFFFFFFFF
    return h


def ics_escape(text):
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line):
    out, raw = [], line.encode()
    while len(raw) > 75:
        cut = 75
        while (raw[cut] & 0xC0) == 0x80:
            cut -= 1
        out.append(raw[:cut].decode())
        raw = b" " + raw[cut:]
    out.append(raw.decode())
    return "\r\n".join(out)


def ics_time(name, dt, style, allday, slip=False):
    if allday:
        return f"{name};VALUE=DATE:{dt.strftime('%Y%m%d')}"
    if slip:
        return f"{name}:{dt.strftime('%Y%m%dT%H%M%S')}Z"
    if style == "ics-tzid":
        return f"{name};TZID=Europe/Berlin:{dt.strftime('%Y%m%dT%H%M%S')}"
    if style == "ics-floating":
        return f"{name}:{dt.strftime('%Y%m%dT%H%M%S')}"
    return f"{name}:{dt.astimezone(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}"


VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE"""


def write_ics(source, items):
    member, style = SOURCES[source]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//{member}//Veranstaltungen//DE", "CALSCALE:GREGORIAN"]
    if style == "ics-tzid":
        lines += VTIMEZONE.split("\n")
    for it in items:
        start = local(it["start"], it["allday"])
        end = start + (timedelta(days=it["days"]) if it["allday"] else timedelta(minutes=it["minutes"]))
        lines += ["BEGIN:VEVENT", f"UID:{it['uid_written']}", "DTSTAMP:20261115T080000Z",
                  ics_time("DTSTART", start, style, it["allday"], it["slip"]),
                  ics_time("DTEND", end, style, it["allday"], it["slip"]),
                  f"SUMMARY:{ics_escape(it['title'])}", f"DESCRIPTION:{ics_escape(it['desc'])}"]
        if it["loc"]:
            lines.append(f"LOCATION:{ics_escape(it['loc'])}")
        if it["url"]:
            lines.append(f"URL:{it['url']}")
        if it["cats"]:
            lines.append("CATEGORIES:" + ",".join(ics_escape(c) for c in it["cats"]))
        if it["rrule"]:
            lines.append(f"RRULE:{it['rrule']}")
        lines += [f"STATUS:{it['status'] or 'CONFIRMED'}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    with open(os.path.join(HERE, f"{source}.ics"), "w", newline="") as f:
        f.write("\r\n".join(fold(l) for l in lines) + "\r\n")


def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def rss_time(dt, style, allday, slip):
    if allday:
        return dt.strftime("%Y-%m-%d")
    if slip:
        return dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    if style == "rss-utc":
        return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return dt.isoformat(timespec="seconds")


def write_rss(source, items):
    member, style = SOURCES[source]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:ev="http://purl.org/rss/1.0/modules/event/">', "<channel>",
           f"<title>Termine {member}</title>", f"<link>https://{member}.example/</link>",
           "<description>Veranstaltungen</description>", "<language>de-de</language>"]
    for it in items:
        start = local(it["start"], it["allday"])
        end = start + (timedelta(days=it["days"] - 1) if it["allday"] else timedelta(minutes=it["minutes"]))
        out += ["<item>", f"<title>{xml_escape(it['title'])}</title>"]
        if it["url"]:
            out.append(f"<link>{xml_escape(it['url'])}</link>")
        out += [f'<guid isPermaLink="false">{xml_escape(it["uid_written"])}</guid>',
                f"<description>{xml_escape(it['desc'])}</description>",
                "<pubDate>Sun, 15 Nov 2026 08:00:00 +0000</pubDate>"]
        for c in it["cats"]:
            out.append(f"<category>{xml_escape(c)}</category>")
        out.append(f"<ev:startdate>{rss_time(start, style, it['allday'], it['slip'])}</ev:startdate>")
        out.append(f"<ev:enddate>{rss_time(end, style, it['allday'], it['slip'])}</ev:enddate>")
        if it["loc"]:
            out.append(f"<ev:location>{xml_escape(it['loc'])}</ev:location>")
        out.append("</item>")
    out += ["</channel>", "</rss>"]
    with open(os.path.join(HERE, f"{source}.rss"), "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    by_source = {}
    for n, it in enumerate(ITEMS):
        it["uid_written"] = uid_for(it, n)
        by_source.setdefault(it["source"], []).append(it)
    for source, items in by_source.items():
        (write_rss if SOURCES[source][1].startswith("rss") else write_ics)(source, items)
    events = {}
    for it in ITEMS:
        events.setdefault(it["event"], []).append(f"{it['source']}/{it['uid_written']}")
    known = set(events)
    for a, b, _ in NEGATIVES:
        assert a in known and b in known, (a, b)
    labels = {
        "comment": "Items with the same event label are one real event; negatives are look-alike pairs of events.",
        "sources": {s: f"{s}.{'rss' if SOURCES[s][1].startswith('rss') else 'ics'}" for s in SOURCES},
        "events": dict(sorted(events.items())),
        "negatives": [{"a": a, "b": b, "kind": k} for a, b, k in NEGATIVES],
    }
    with open(os.path.join(HERE, "labels.json"), "w") as f:
        json.dump(labels, f, ensure_ascii=False, indent=1, sort_keys=False)
        f.write("\n")
    cross = sum(len(v) - 1 for v in events.values())
    pairs = sum(len(v) * (len(v) - 1) // 2 for v in events.values())
    print(f"{len(ITEMS)} items, {len(events)} events, {cross} cross-posts, {pairs} true pairs, "
          f"{len(NEGATIVES)} negative event pairs")


main()
