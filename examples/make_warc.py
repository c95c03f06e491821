#!/usr/bin/env python3
"""Build warc/dossier-crawl-2024.warc.gz for the Dossier example corpus.

Standard library only. The output is deterministic: fixed record IDs (UUIDv5), fixed dates and
gzip members written with mtime=0, one gzip member per record, as crawlers write them.

Records, in order:
  1. warcinfo
  2. request   (GET for the Red Sea Courier page; readers must ignore it)
  3. response  Red Sea Courier analysis page (text/html; charset=utf-8)
  4. response  a PNG image (non-HTML payload; readers must ignore it)
  5. response  Lakeside Herald first-day report (text/html; charset=utf-8)
  6. response  The Meridian Post follow-up (text/html; charset=utf-8)

The HTML pages live in this script, not in separate files, so that ingesting examples/corpus/
recursively does not read them twice. All outlets, authors and analysts are fictional; the events
are real (see README.md).

Usage: python3 examples/make_warc.py   (writes examples/corpus/warc/)
"""
import base64
import gzip
import hashlib
import os
import struct
import uuid
import zlib

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
OUT = os.path.join(HERE, "warc", "dossier-crawl-2024.warc.gz")
NS = uuid.UUID("6f1c9b2e-3d4a-5b6c-8d7e-9f0a1b2c3d4e")


def rid(name):
    return "<urn:uuid:%s>" % uuid.uuid5(NS, name)


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------

PAGE_RSC = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>From the SYL Hotel to Lido Beach: al-Shabaab's year of attacks on Mogadishu &#8211; Red Sea Courier</title>
<meta property="og:title" content="From the SYL Hotel to Lido Beach: al-Shabaab's year of attacks on Mogadishu">
<meta property="og:site_name" content="Red Sea Courier">
<meta property="article:published_time" content="2024-08-05T09:00:00+03:00">
<link rel="canonical" href="https://redseacourier.example/analysis/2024/08/05/syl-hotel-to-lido-beach-al-shabaab-mogadishu/">
</head>
<body class="single-post">
<div class="cookie-bar">This website uses cookies to improve your experience. <a href="#">Accept</a> <a href="#">Read More</a></div>
<header id="masthead"><h2 class="site-title"><a href="/">Red Sea Courier</a></h2>
<nav id="site-navigation"><ul><li><a href="/somalia">Somalia</a></li><li><a href="/ethiopia">Ethiopia</a></li><li><a href="/kenya">Kenya</a></li><li><a href="/analysis">Analysis</a></li></ul></nav></header>
<main id="main">
<article class="post">
<h1 class="entry-title">From the SYL Hotel to Lido Beach: al-Shabaab's year of attacks on Mogadishu</h1>
<div class="entry-meta"><time class="entry-date published" datetime="2024-08-05T09:00:00+03:00">August 5, 2024</time> by Jonah Prideaux</div>
<div class="entry-content">
<p>Friday's attack on Lido Beach, in which police say at least 32 civilians were killed and 63 wounded, was the second major assault on a Mogadishu landmark claimed by al-Shabaab this year.</p>
<p>In March, fighters stormed the SYL Hotel near the presidential palace late on a Thursday night and held out for more than 13 hours. Police said three soldiers were killed and 27 people wounded; all five attackers died.</p>
<p>The two operations followed a similar script: an explosion at the entrance, then gunmen forcing their way in, at a place frequented by officials and the better-off, on a busy evening. Both were claimed by the group within hours.</p>
<p>The targets, however, were different. The SYL Hotel is a meeting place for lawmakers and ministers; three members of parliament were among the wounded in March. Lido Beach on a Friday evening is full of families and young people. After the beach attack, the police spokesman said it showed that the militants were not only going after government sites, soldiers and officials.</p>
<p>Both attacks came against the background of a government offensive, launched in August 2022 with the help of clan militias, that made early gains in central Somalia before stalling. The African Union mission, ATMIS, is due to end in December, and a follow-on mission is still under discussion.</p>
<p>&ldquo;Al-Shabaab does not need to hold Mogadishu to shape life in it,&rdquo; said Halima Dirie-Strand of the East Africa Conflict Desk, a research group. &ldquo;Two attacks a year on places everyone knows are enough to make every gathering feel exposed.&rdquo;</p>
</div>
</article>
<div class="jp-relatedposts"><h3>Related</h3><p><a href="/somalia/2024/03/15/syl-hotel-siege-ends-three-soldiers-killed/">Somali forces end 13-hour SYL Hotel siege</a></p><p><a href="/somalia/2024/08/03/lido-beach-attack-at-least-32-killed/">At least 32 killed in Lido Beach attack</a></p></div>
</main>
<aside class="widget"><div class="ad">Advertise with Red Sea Courier</div><h2>Daily Horn Digest</h2><form><input type="email"><input type="submit" value="Subscribe"></form></aside>
<footer id="colophon">&copy; 2024 Red Sea Courier</footer>
</body>
</html>
"""

PAGE_LAKESIDE = """<!DOCTYPE html>
<html lang="en-NG">
<head>
<meta charset="utf-8">
<title>Suicide bombers strike wedding and funeral in Gwoza :: Lakeside Herald</title>
<meta name="date" content="2024-06-29T20:30:00+01:00">
<link rel="canonical" href="https://lakesideherald.example/north-east/2024/06/29/suicide-bombers-strike-wedding-funeral-gwoza/">
</head>
<body>
<div id="cookieConsent">We use cookies. <a href="/privacy">Privacy</a></div>
<header><a href="/" class="logo">Lakeside Herald</a>
<ul class="menu"><li><a href="/news">News</a></li><li><a href="/north-east">North-East</a></li><li><a href="/politics">Politics</a></li></ul></header>
<div class="header-ads">ADVERTISEMENT</div>
<div class="main">
<h1>Suicide bombers strike wedding and funeral in Gwoza; several killed</h1>
<div class="post-info">By Aisha Bulama, Maiduguri | June 29, 2024 8:30 pm</div>
<div class="post-body">
<p>Several people were killed on Saturday afternoon when a suicide bomber blew herself up at a wedding in Gwoza, in southern Borno State, and further explosions followed within hours, including one among mourners at a funeral.</p>
<p>The Borno State Commissioner of Police, Yusuf Lawal, said a female suicide bomber carried out the attack on the wedding. At least six people were killed and 15 others taken to hospital, he said, citing the divisional police officer in Gwoza.</p>
<p>A survivor said the bomber had a baby on her back when she walked into the celebration. Another bomber, disguised as a mourner, later detonated explosives as people gathered to bury the dead, witnesses said.</p>
<p>The Emir of Gwoza, Mohammed Shehu Timta, confirmed that several suicide attacks had taken place in the town and said the community was in mourning. Some local sources put the death toll at about 30 by Saturday evening, a figure that could not be independently confirmed. Many of the wounded were being taken to Maiduguri under military escort.</p>
<p>The military imposed a curfew on the town with immediate effect.</p>
<p>No group has claimed responsibility. Boko Haram fighters remain active in the hills around Gwoza, which the group held in 2014 and 2015.</p>
</div>
<div class="share-buttons">Share: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></div>
</div>
<footer>Copyright &copy; 2024 Lakeside Herald Media Ltd.</footer>
</body>
</html>
"""

PAGE_MERIDIAN = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Kerman buries its dead as US officials point to Islamic State's Afghan branch | The Meridian Post</title>
<link rel="canonical" href="https://www.meridian-post.example/world/2024/jan/05/kerman-funerals-us-officials-iskp">
<meta property="og:title" content="Kerman buries its dead as US officials point to Islamic State's Afghan branch">
<meta property="og:site_name" content="The Meridian Post">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Kerman buries its dead as US officials point to Islamic State's Afghan branch","datePublished":"2024-01-05T18:00:00+00:00","author":{"@type":"Person","name":"Clara Whitcombe"},"publisher":{"@type":"Organization","name":"The Meridian Post"}}</script>
</head>
<body>
<div id="consent-banner" class="cookie-consent"><p>We use cookies and similar technologies.</p><button>Accept all</button><button>Reject non-essential</button></div>
<header class="site-header"><a class="logo" href="/">The Meridian Post</a>
<nav class="main-nav"><ul><li><a href="/uk">UK</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main>
<article class="story">
<h1 class="headline">Kerman buries its dead as US officials point to Islamic State's Afghan branch</h1>
<p class="byline">By Clara Whitcombe, Middle East correspondent</p>
<div class="story-body">
<p>Large crowds filled the streets of Kerman on Friday for the funerals of people killed in Wednesday's twin suicide bombings, as US officials said intelligence pointed to the Islamic State group's Afghanistan-based affiliate as the organiser.</p>
<p>President Ebrahim Raisi told mourners that Iran's armed forces would decide when and where to respond, according to Iranian state media.</p>
<p>Two US officials were quoted by a news agency as saying that intercepted communications indicated that Islamic State Khorasan Province, often abbreviated ISKP or IS-K, had carried out the attack. The group's central media channels claimed the bombings on Thursday without naming a branch, and identified the two bombers only by noms de guerre.</p>
<p>Iran's interior minister said on Thursday that 84 people had been killed and 284 wounded, after earlier figures of 103 and then 95 were revised down. Officials have said some of the wounded remain in a critical condition.</p>
<p>The Islamic State group has struck Iran before. It claimed an attack on the Shah Cheragh shrine in Shiraz in October 2022 and a second attack on the same shrine in August 2023.</p>
<p>&ldquo;Iran's leaders first reached for Israel and the United States,&rdquo; said Dr. Lena Varga of the Centre for Conflict Monitoring Studies. &ldquo;The evidence made public so far points east, not west.&rdquo;</p>
</div>
</article>
<aside class="related"><h2>Related articles</h2><ul><li><a href="/world/2024/jan/03/kerman-twin-blasts-soleimani-memorial">Twin blasts kill more than 100 at Soleimani memorial in Kerman</a></li></ul></aside>
<aside class="newsletter-signup"><h3>Sign up to World Briefing</h3><form><input type="email"><button>Sign up</button></form></aside>
</main>
<footer class="site-footer"><p>&copy; 2024 The Meridian Post Ltd.</p></footer>
</body>
</html>
"""


def png_1x1():
    """A valid 1x1 grey PNG, built byte by byte."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00\x80", 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def http_response(body, content_type, date, extra=()):
    head = ["HTTP/1.1 200 OK",
            "Date: " + date,
            "Server: nginx",
            "Content-Type: " + content_type,
            "Content-Length: %d" % len(body)]
    head += list(extra)
    return ("\r\n".join(head) + "\r\n\r\n").encode("ascii") + body


def record(fields, block):
    lines = ["WARC/1.0"] + ["%s: %s" % kv for kv in fields]
    lines.append("Content-Length: %d" % len(block))
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
    return gzip.compress(head + block + b"\r\n\r\n", compresslevel=9, mtime=0)


def response_record(name, uri, warc_date, http_date, body, content_type, extra=()):
    block = http_response(body, content_type, http_date, extra)
    fields = [("WARC-Type", "response"),
              ("WARC-Record-ID", rid(name)),
              ("WARC-Date", warc_date),
              ("WARC-Target-URI", uri),
              ("WARC-IP-Address", "192.0.2.10"),
              ("WARC-Warcinfo-ID", rid("warcinfo")),
              ("WARC-Block-Digest", sha1_b32(block)),
              ("WARC-Payload-Digest", sha1_b32(body)),
              ("Content-Type", "application/http; msgtype=response")]
    return record(fields, block)


def main():
    out = []
    info = ("software: Dossier examples/make_warc.py\r\n"
            "format: WARC File Format 1.0\r\n"
            "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"
            "isPartOf: dossier-example-crawl-2024\r\n"
            "description: Example crawl for the Dossier corpus. Fictional outlets, real events.\r\n"
            "robots: obey\r\n").encode("utf-8")
    out.append(record([("WARC-Type", "warcinfo"),
                       ("WARC-Record-ID", rid("warcinfo")),
                       ("WARC-Date", "2024-08-06T06:00:00Z"),
                       ("WARC-Filename", "dossier-crawl-2024.warc.gz"),
                       ("Content-Type", "application/warc-fields")], info))

    rsc_uri = "https://redseacourier.example/analysis/2024/08/05/syl-hotel-to-lido-beach-al-shabaab-mogadishu/"
    req = ("GET /analysis/2024/08/05/syl-hotel-to-lido-beach-al-shabaab-mogadishu/ HTTP/1.1\r\n"
           "Host: redseacourier.example\r\n"
           "User-Agent: DossierExampleCrawler/1.0 (+https://example.org/crawler)\r\n"
           "Accept: text/html,application/xhtml+xml\r\n"
           "Accept-Language: en\r\n"
           "Connection: close\r\n\r\n").encode("ascii")
    out.append(record([("WARC-Type", "request"),
                       ("WARC-Record-ID", rid("request-rsc")),
                       ("WARC-Date", "2024-08-06T06:00:05Z"),
                       ("WARC-Target-URI", rsc_uri),
                       ("WARC-Concurrent-To", rid("response-rsc")),
                       ("WARC-Warcinfo-ID", rid("warcinfo")),
                       ("Content-Type", "application/http; msgtype=request")], req))
    out.append(response_record("response-rsc", rsc_uri, "2024-08-06T06:00:05Z",
                               "Tue, 06 Aug 2024 06:00:05 GMT", PAGE_RSC.encode("utf-8"),
                               "text/html; charset=utf-8", ["Cache-Control: max-age=300"]))
    out.append(response_record("response-png", "https://redseacourier.example/wp-content/uploads/2024/08/lido-thumb.png",
                               "2024-08-06T06:00:07Z", "Tue, 06 Aug 2024 06:00:07 GMT", png_1x1(), "image/png"))
    out.append(response_record("response-lakeside",
                               "https://lakesideherald.example/north-east/2024/06/29/suicide-bombers-strike-wedding-funeral-gwoza/",
                               "2024-08-06T06:01:12Z", "Tue, 06 Aug 2024 06:01:12 GMT",
                               PAGE_LAKESIDE.encode("utf-8"), "text/html; charset=utf-8"))
    out.append(response_record("response-meridian",
                               "https://www.meridian-post.example/world/2024/jan/05/kerman-funerals-us-officials-iskp",
                               "2024-08-06T06:02:40Z", "Tue, 06 Aug 2024 06:02:40 GMT",
                               PAGE_MERIDIAN.encode("utf-8"), "text/html; charset=utf-8",
                               ["Last-Modified: Fri, 05 Jan 2024 18:00:00 GMT"]))

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "wb") as f:
        for r in out:
            f.write(r)
    print("wrote %s (%d records, %d bytes)" % (OUT, len(out), sum(len(r) for r in out)))


if __name__ == "__main__":
    main()
