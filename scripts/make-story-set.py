#!/usr/bin/env python3
"""Builds the story-grouping test set (tests/TestData/stories/stories.jsonl) from the 10kGNAD articles.

Each of at least 300 originals gets 1-4 variants made the way outlets re-publish an agency text: another headline,
another source and a date up to two days later always; a rewritten lead, cut closing sentences, two blocks of
sentences swapped, and an added dateline or boilerplate line at random. Every other article of the file stays a
single-member story: the hard negatives, same category and same weeks as the originals. Fixed seed: the same file
every run.

Usage: python3 scripts/make-story-set.py [--seed 34] [--originals 350]
"""
import argparse
import datetime
import json
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests/TestData/gnad10k/articles.jsonl"
TARGET = ROOT / "tests/TestData/stories/stories.jsonl"

OUTLETS = ["Der Standard", "Die Presse", "Kurier", "Kleine Zeitung", "Salzburger Nachrichten", "Tiroler Tageszeitung",
           "ORF.at", "Wiener Zeitung", "Süddeutsche Zeitung", "Zeit Online", "Spiegel Online", "NZZ"]
DATELINES = ["Wien (APA) – ", "Berlin (dpa) – ", "Wien/Berlin (APA/dpa) – ", "(AFP) – ", "Brüssel (Reuters) – "]
BOILERPLATE = [
    "Mehr zum Thema lesen Sie in unserem Dossier.",
    "Abonnieren Sie unseren Newsletter, um keine Nachricht zu verpassen.",
    "Dieser Artikel wurde automatisch aus dem Agenturfeed übernommen.",
    "© dpa-infocom, 0:00 Uhr. Alle Rechte vorbehalten.",
    "Die Redaktion hat den Text nicht bearbeitet.",
]
LEAD_OPENERS = ["Wie am Montag bekannt wurde, ", "Nach Angaben von Beobachtern ", "Es ist amtlich: ", "Überraschend: ",
                "Berichten zufolge "]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„])")


def sentences(text):
    return [s for s in SENTENCE_END.split(text.strip()) if s]


def headline(words, rng):
    start = rng.randrange(0, max(1, len(words) - 8))
    return " ".join(words[start:start + rng.randint(5, 9)]).rstrip(".,;:")


def rewrite_lead(lead, rng):
    """The lead said again: some words dropped, the halves swapped, an opener in front."""
    words = lead.rstrip(".!?").split()
    kept = [w for w in words if rng.random() > 0.3] or words
    half = len(kept) // 2
    return rng.choice(LEAD_OPENERS) + " ".join(kept[half:] + kept[:half]) + "."


def variant(parts, rng):
    parts = list(parts)
    if rng.random() < 0.5:
        parts[0] = rewrite_lead(parts[0], rng)
    if rng.random() < 0.6 and len(parts) > 5:
        keep = max(4, round(len(parts) * rng.uniform(0.65, 0.9)))
        parts = parts[:keep]
    if rng.random() < 0.4 and len(parts) > 4:
        a = rng.randrange(1, len(parts) - 2)
        b = rng.randrange(a + 1, len(parts) - 1)
        parts = parts[:a] + parts[b:] + parts[a:b]
    text = " ".join(parts)
    if rng.random() < 0.5:
        text = rng.choice(DATELINES) + text
    if rng.random() < 0.5:
        text = text + " " + rng.choice(BOILERPLATE)
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=34)
    parser.add_argument("--originals", type=int, default=350)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    articles = [json.loads(line) for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    eligible = [a for a in articles if len(sentences(a["text"])) >= 6 and len(a["text"].split()) >= 120]
    originals = set(a["id"] for a in rng.sample(eligible, args.originals))
    first_day = datetime.date(2016, 3, 1)

    rows = []
    for article in articles:
        parts = sentences(article["text"])
        words = article["text"].split()
        day = first_day + datetime.timedelta(days=rng.randrange(0, 28))
        story = article["id"]
        rows.append({"id": article["id"], "story": story, "category": article["category"], "title": headline(words, rng),
                     "source": rng.choice(OUTLETS), "publishedAt": day.isoformat(), "text": article["text"]})
        if article["id"] not in originals:
            continue
        for n in range(rng.randint(1, 4)):
            rows.append({"id": f"{article['id']}-v{n + 1}", "story": story, "category": article["category"],
                         "title": headline(words, rng), "source": rng.choice(OUTLETS),
                         "publishedAt": (day + datetime.timedelta(days=rng.randint(0, 2))).isoformat(),
                         "text": variant(parts, rng)})

    # Ingest order is not publication order: a variant may arrive before its original.
    rng.shuffle(rows)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with TARGET.open("w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    stories = {r["story"] for r in rows}
    print(f"{len(rows)} documents, {len(stories)} stories, {len(originals)} with variants -> {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
