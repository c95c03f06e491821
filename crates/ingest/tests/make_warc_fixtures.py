#!/usr/bin/env python3
"""Writes the WARC fixtures in tests/data/warc/ for the ingest crate's format tests.

Stdlib only and deterministic (fixed record ids and dates, gzip mtime 0), so running it again
gives byte-identical files; the outputs are committed. Run from anywhere:

    python3 crates/ingest/tests/make_warc_fixtures.py

Records of crocus-kerman.warc, in order:
  1 warcinfo
  2 request   (GET of the Crocus page)
  3 response  HTML, HTTP Content-Type charset=windows-1252, German text with non-ASCII characters
  4 response  HTML, Transfer-Encoding: chunked (chunks cut mid-word and mid-character)
  5 response  image/jpeg (not an article)
  6 response  404 Not Found with an HTML error page long enough to pass for an article

crocus-kerman.warc.gz holds the same records, one gzip member per record.
crocus-kerman-truncated.warc.gz is the .warc.gz cut in the middle of the member of record 4.
crocus-kerman-bad-length.warc is the .warc with record 4's Content-Length set to 99999999, more
than the file holds.
"""

import gzip
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "warc")

CROCUS_URL = "https://ostufer.example/ausland/crocus-anschlag?utm_source=twitter"
KERMAN_URL = "https://meridian.example/world/2024/01/04/kerman-claim"
IMAGE_URL = "https://meridian.example/img/kerman.jpg"
MISSING_URL = "https://meridian.example/world/2024/01/05/removed-story"

CROCUS_HTML = """<!DOCTYPE html>
<html lang="de">
<head>
<title>Anschlag auf Crocus City Hall: Vier Verdächtige in Haft | Ostufer Rundschau</title>
<meta property="og:title" content="Anschlag auf Crocus City Hall: Vier Verdächtige in Haft">
<meta property="article:published_time" content="2024-03-25T07:40:00+01:00">
</head>
<body>
<header><nav><a href="/">Startseite</a> <a href="/ausland">Ausland</a></nav></header>
<article>
<h1>Anschlag auf Crocus City Hall: Vier Verdächtige in Haft</h1>
<p>Nach dem Anschlag auf die Konzerthalle Crocus City Hall in Krasnogorsk bei Moskau hat ein
Gericht vier Tatverdächtige in Untersuchungshaft genommen. Sie sollen bis zum 22. Mai in Haft
bleiben.</p>
<p>Die Männer stammen nach Angaben der Behörden aus Tadschikistan. Der „Islamische Staat“
hatte die Tat für sich reklamiert – mehr als 130 Menschen wurden getötet.</p>
<p>„Das Land trauert“, sagte Björn Schäfer, ein für diesen Test erfundener Beobachter.</p>
</article>
<footer>© Ostufer Rundschau</footer>
</body>
</html>
"""

KERMAN_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Islamic State claims Kerman bombings | Meridian Wire</title>
<meta property="article:published_time" content="2024-01-04T17:20:00+03:30">
</head>
<body>
<article>
<h1>Islamic State claims Kerman bombings</h1>
<p>The Islamic State group has said it carried out the two explosions that killed dozens of people
in the Iranian city of Kerman on Wednesday, at a memorial for Qasem Soleimani.</p>
<p>In a statement on Telegram, the group said two of its members detonated explosive belts in the
crowd. Iran’s officials had earlier blamed Israel and the United States.</p>
<p>The bombings were the deadliest attack in Iran since the 1979 revolution.</p>
</article>
</body>
</html>
"""

NOT_FOUND_HTML = """<!DOCTYPE html>
<html><head><title>Page not found | Meridian Wire</title></head>
<body><article><h1>Page not found</h1>
<p>The story you are looking for has been moved or removed from this website. Please use the
search box or return to the front page to find our latest coverage of world news.</p>
</article></body></html>
"""


def record(kind, rec_id, date, block, target=None, content_type=None, extra=()):
    """One WARC/1.0 record: version line, headers, block, and the CRLF CRLF separator."""
    headers = [("WARC-Type", kind), ("WARC-Record-ID", f"<urn:uuid:{rec_id}>"), ("WARC-Date", date)]
    if target:
        headers.append(("WARC-Target-URI", target))
    headers.extend(extra)
    if content_type:
        headers.append(("Content-Type", content_type))
    headers.append(("Content-Length", str(len(block))))
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("ascii") + block + b"\r\n\r\n"


def http_response(status, headers, body):
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("ascii") + body


def chunked(body, size):
    out = b""
    for i in range(0, len(body), size):
        piece = body[i : i + size]
        out += f"{len(piece):x}\r\n".encode("ascii") + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def records():
    crocus = CROCUS_HTML.encode("cp1252")
    kerman = KERMAN_HTML.encode("utf-8")
    date = "2024-03-25T09:12:30Z"
    http_rec = "application/http; msgtype=response"
    return [
        record(
            "warcinfo",
            "00000000-0000-4000-8000-000000000001",
            date,
            b"software: dossier-ingest test fixture generator\r\nformat: WARC File Format 1.0\r\n",
            content_type="application/warc-fields",
            extra=[("WARC-Filename", "crocus-kerman.warc")],
        ),
        record(
            "request",
            "00000000-0000-4000-8000-000000000002",
            date,
            b"GET /ausland/crocus-anschlag?utm_source=twitter HTTP/1.1\r\nHost: ostufer.example\r\n"
            b"User-Agent: dossier-fixture/1.0\r\n\r\n",
            target=CROCUS_URL,
            content_type="application/http; msgtype=request",
        ),
        record(
            "response",
            "00000000-0000-4000-8000-000000000003",
            date,
            http_response(
                "200 OK",
                [("Content-Type", "text/html; charset=windows-1252"), ("Content-Length", str(len(crocus)))],
                crocus,
            ),
            target=CROCUS_URL,
            content_type=http_rec,
        ),
        record(
            "response",
            "00000000-0000-4000-8000-000000000004",
            "2024-03-25T09:12:31Z",
            http_response(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Transfer-Encoding", "chunked")],
                chunked(kerman, 97),
            ),
            target=KERMAN_URL,
            content_type=http_rec,
        ),
        record(
            "response",
            "00000000-0000-4000-8000-000000000005",
            "2024-03-25T09:12:32Z",
            http_response(
                "200 OK",
                [("Content-Type", "image/jpeg"), ("Content-Length", "16")],
                b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01",
            ),
            target=IMAGE_URL,
            content_type=http_rec,
        ),
        record(
            "response",
            "00000000-0000-4000-8000-000000000006",
            "2024-03-25T09:12:33Z",
            http_response(
                "404 Not Found",
                [("Content-Type", "text/html; charset=utf-8")],
                NOT_FOUND_HTML.encode("utf-8"),
            ),
            target=MISSING_URL,
            content_type=http_rec,
        ),
    ]


def main():
    os.makedirs(OUT, exist_ok=True)
    recs = records()
    with open(os.path.join(OUT, "crocus-kerman.warc"), "wb") as f:
        f.write(b"".join(recs))
    members = [gzip.compress(r, compresslevel=9, mtime=0) for r in recs]
    with open(os.path.join(OUT, "crocus-kerman.warc.gz"), "wb") as f:
        f.write(b"".join(members))
    cut = sum(len(m) for m in members[:3]) + len(members[3]) // 2
    with open(os.path.join(OUT, "crocus-kerman-truncated.warc.gz"), "wb") as f:
        f.write(b"".join(members)[:cut])
    head = recs[3].split(b"\r\n\r\n", 1)[0]
    lengths = [ln for ln in head.split(b"\r\n") if ln.startswith(b"Content-Length: ")]
    bad = recs[3].replace(lengths[0], b"Content-Length: 99999999", 1)
    with open(os.path.join(OUT, "crocus-kerman-bad-length.warc"), "wb") as f:
        f.write(b"".join(recs[:3] + [bad] + recs[4:]))


if __name__ == "__main__":
    main()
