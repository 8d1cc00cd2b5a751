"""Draw the default site's photos and write its quarterly report PDF.

Nothing here is downloaded: the "photos" are scenes drawn with Pillow from shapes (a circuit
board, a fair stand, a meeting, a lab bench), the report is typeset with fpdf2 in the DejaVu
font clustersite ships. The output is committed; run this again only to change the demo:

    .venv/bin/python scripts/make_demo_media.py

Two photos (one in a gallery, one in the text of a post) are saved the way a phone saves them:
rotated by an EXIF orientation tag and carrying a GPS position, so the default site itself
shows that the build turns photos upright and strips what they carry. Everything is drawn from fixed seeds: a rerun gives the same pixels.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter
from PIL.ExifTags import IFD

REPO = Path(__file__).resolve().parent.parent
FONT = REPO / "src" / "clustersite" / "fonts" / "DejaVuSans-Bold.ttf"
SIZE = (1600, 1067)


def _gradient(
    size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]
) -> Image.Image:
    height = size[1]
    column = Image.new("RGB", (1, height))
    for y in range(height):
        share = y / max(1, height - 1)
        column.putpixel(
            (0, y), tuple(round(a + (b - a) * share) for a, b in zip(top, bottom, strict=True))
        )
    return column.resize(size)


def circuit_board(rng: random.Random) -> Image.Image:
    image = _gradient(SIZE, (18, 92, 60), (8, 52, 34))
    draw = ImageDraw.Draw(image)
    for _ in range(140):  # copper traces
        x, y = rng.randrange(0, SIZE[0]), rng.randrange(0, SIZE[1])
        points = [(x, y)]
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.5:
                x += rng.choice((-1, 1)) * rng.randint(40, 260)
            else:
                y += rng.choice((-1, 1)) * rng.randint(40, 200)
            points.append((x, y))
        draw.line(points, fill=(196, 150, 70), width=rng.choice((4, 6, 8)), joint="curve")
        draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=(214, 176, 96))
    for _ in range(9):  # chips with their pins
        w, h = rng.randint(140, 300), rng.randint(100, 220)
        x, y = rng.randrange(40, SIZE[0] - w - 40), rng.randrange(40, SIZE[1] - h - 40)
        for pin in range(x + 12, x + w - 8, 22):
            draw.rectangle((pin, y - 14, pin + 8, y + h + 14), fill=(190, 190, 190))
        draw.rounded_rectangle((x, y, x + w, y + h), radius=8, fill=(28, 28, 32))
        draw.ellipse((x + 14, y + 14, x + 30, y + 30), fill=(70, 70, 76))
    return image.filter(ImageFilter.GaussianBlur(1.2))


def fair_stand(rng: random.Random) -> Image.Image:
    image = _gradient(SIZE, (236, 232, 224), (180, 172, 160))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 760, SIZE[0], SIZE[1]), fill=(120, 110, 100))  # floor
    draw.rectangle((260, 140, 1340, 700), fill=(0, 51, 153))  # the stand's wall
    draw.rectangle((260, 140, 1340, 220), fill=(255, 204, 0))
    for index in range(4):  # screens on the wall
        x = 330 + index * 250
        draw.rectangle((x, 300, x + 200, 430), fill=(20, 24, 40))
        draw.rectangle((x + 10, 310, x + 190, 420), fill=(60 + index * 40, 140, 200))
    draw.rectangle((420, 620, 1180, 800), fill=(245, 245, 245))  # counter
    for _ in range(11):  # visitors
        x = rng.randrange(80, SIZE[0] - 80)
        tone = rng.choice(((90, 60, 40), (200, 160, 120), (160, 110, 80), (230, 190, 160)))
        coat = rng.choice(
            ((40, 40, 60), (120, 30, 30), (30, 90, 120), (80, 80, 80), (150, 140, 60))
        )
        scale = rng.uniform(0.85, 1.15)
        draw.rounded_rectangle(
            (x - 55 * scale, 820 - 260 * scale, x + 55 * scale, 1067), radius=40, fill=coat
        )
        draw.ellipse(
            (x - 38 * scale, 820 - 350 * scale, x + 38 * scale, 820 - 270 * scale), fill=tone
        )
    return image.filter(ImageFilter.GaussianBlur(1.5))


def meeting(rng: random.Random) -> Image.Image:
    image = _gradient(SIZE, (210, 220, 232), (150, 160, 176))
    draw = ImageDraw.Draw(image)
    draw.rectangle((520, 90, 1080, 420), fill=(250, 250, 250))  # the projected slide
    draw.rectangle((560, 130, 1040, 180), fill=(0, 51, 153))
    for index, height in enumerate((120, 170, 90, 200, 150)):
        draw.rectangle((600 + index * 85, 390 - height, 650 + index * 85, 390), fill=(255, 204, 0))
    draw.polygon([(150, 1067), (420, 560), (1180, 560), (1450, 1067)], fill=(120, 84, 50))  # table
    for side in (-1, 1):
        for row in range(4):
            x = 800 + side * (330 + row * 80)
            y = 560 + row * 120
            tone = rng.choice(((90, 60, 40), (200, 160, 120), (230, 190, 160)))
            draw.ellipse((x - 50, y - 140, x + 50, y - 40), fill=tone)
            draw.rounded_rectangle(
                (x - 80, y - 40, x + 80, y + 140),
                radius=30,
                fill=rng.choice(((40, 40, 60), (30, 90, 120), (90, 90, 90))),
            )
    for _ in range(6):  # papers on the table
        x, y = rng.randrange(500, 1050), rng.randrange(640, 900)
        draw.rectangle((x, y, x + 110, y + 150), fill=(248, 248, 240), outline=(200, 200, 190))
    return image.filter(ImageFilter.GaussianBlur(1.4))


def lab_bench(rng: random.Random) -> Image.Image:
    image = _gradient(SIZE, (40, 46, 58), (20, 22, 28))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 700, SIZE[0], SIZE[1]), fill=(70, 74, 82))
    draw.rounded_rectangle((180, 260, 760, 700), radius=18, fill=(210, 210, 205))  # oscilloscope
    draw.rectangle((220, 300, 560, 560), fill=(10, 30, 20))
    points = [(220 + x, 430 + round(80 * math.sin(x / 28))) for x in range(0, 340, 4)]
    draw.line(points, fill=(80, 255, 140), width=4)
    for row in range(3):
        for col in range(3):
            draw.ellipse(
                (600 + col * 45, 320 + row * 70, 630 + col * 45, 350 + row * 70), fill=(60, 60, 60)
            )
    draw.rectangle((880, 560, 1420, 720), fill=(18, 92, 60))  # a board under test
    for _ in range(30):
        x, y = rng.randrange(900, 1400), rng.randrange(575, 705)
        draw.rectangle(
            (x, y, x + rng.randint(12, 40), y + rng.randint(8, 20)),
            fill=rng.choice(((30, 30, 30), (200, 180, 60), (180, 40, 40))),
        )
    for x in (1000, 1300):  # probes
        draw.line([(x, 560), (x - 120, 200)], fill=(220, 40, 40), width=8)
    return image.filter(ImageFilter.GaussianBlur(1.2))


def phone_photo(image: Image.Image, path: Path) -> None:
    """Save as a phone does: pixels turned sideways, an orientation tag, a GPS position."""
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to show
    exif[0x010F] = "DemoPhone"
    gps = exif.get_ifd(IFD.GPSInfo)
    gps.update({1: "N", 2: (56.0, 57.0, 3.6), 3: "E", 4: (24.0, 6.0, 18.0)})  # Rīga
    image.transpose(Image.Transpose.ROTATE_90).save(path, "JPEG", quality=82, exif=exif)


PHOTOS: dict[str, tuple[Callable[[random.Random], Image.Image], int]] = {
    "klastera-aktualitates-2-2020.jpg": (meeting, 2),
    "klastera-aktualitates-2-2020/01-stends.jpg": (fair_stand, 3),
    "klastera-aktualitates-2-2020/02-plate.jpg": (circuit_board, 4),
    "klastera-aktualitates-2-2020/03-laboratorija.jpg": (lab_bench, 5),
    "klastera-aktualitates-2-2020/04-sanaksme.jpg": (meeting, 6),
    "klastera-aktualitates-2-2020/05-izstade.jpg": (fair_stand, 7),
    "neeghw-sakas.jpg": (circuit_board, 1),
    "neeghw-sakas-partneri.jpg": (meeting, 9),  # shown in the text of the post
    "klastera-aktualitates-2-2020-veseliba.jpg": (lab_bench, 12),  # in the Q2 report's text
}
PROJECT_PHOTOS: dict[str, tuple[Callable[[random.Random], Image.Image], int]] = {
    "photos/neeghw.jpg": (lab_bench, 8),
    "photos/letera-cluster.jpg": (fair_stand, 10),
}
EVENT_PHOTOS: dict[str, tuple[Callable[[random.Random], Image.Image], int]] = {
    "biedru-kopsapulce.jpg": (meeting, 11),
}
PHONE = {"klastera-aktualitates-2-2020/03-laboratorija.jpg", "neeghw-sakas-partneri.jpg"}


def write_photos(
    folder: Path, photos: dict[str, tuple[Callable[[random.Random], Image.Image], int]]
) -> None:
    for name, (scene, seed) in photos.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        image = scene(random.Random(seed))
        if name in PHONE:
            phone_photo(image, path)
        else:
            image.save(path, "JPEG", quality=80, optimize=True, progressive=True)


REPORT = {
    "title": "LETERA: klastera pārskats, 2020. gada 2. ceturksnis",
    "subtitle": "Latvijas Elektrotehnikas un elektronikas rūpniecības asociācija",
    "sections": [
        (
            "Galvenais ceturksnī",
            "Eiropas Komisija programmas COSME konkursā atbalstīja projektu NEEGHW, kurā LETERA "
            "sadarbosies ar četriem Eiropas klasteriem. Klastera ikdienas darbu noteica COVID-19 "
            "krīze: biedri regulāri saņēma ziņas par valsts atbalsta pasākumiem un ierobežojumiem.",
        ),
        (
            "Biedru aptauja",
            "Aptaujā lielākā daļa uzņēmumu norādīja uz mazāku pasūtījumu skaitu, apgrozījuma "
            "kritumu un sarežģītāku loģistiku. Rezultātus izmantosim, plānojot nākamo mēnešu darbu.",
        ),
    ],
    "survey": [
        ("Mazāk pasūtījumu", 72),
        ("Apgrozījuma kritums", 64),
        ("Sarežģītāka loģistika", 51),
        ("Darbinieku trūkums", 23),
    ],
}


def write_report(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(dt.datetime(2020, 6, 30, 12, 0, tzinfo=dt.UTC))
    pdf.set_title(REPORT["title"])  # type: ignore[arg-type]
    pdf.set_author("LETERA")
    pdf.set_lang("lv")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_page()
    pdf.set_fill_color(0, 51, 153)
    pdf.rect(0, 0, 210, 38, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("DejaVu", size=17)
    pdf.set_xy(15, 10)
    pdf.multi_cell(180, 8, REPORT["title"])  # type: ignore[arg-type]
    pdf.set_text_color(30, 30, 30)
    pdf.set_font("DejaVu", size=10)
    pdf.set_xy(15, 44)
    pdf.multi_cell(180, 6, REPORT["subtitle"])  # type: ignore[arg-type]
    for heading, text in REPORT["sections"]:  # type: ignore[misc]
        pdf.ln(6)
        pdf.set_x(15)
        pdf.set_font("DejaVu", size=13)
        pdf.multi_cell(180, 8, heading)
        pdf.set_font("DejaVu", size=10)
        pdf.set_x(15)
        pdf.multi_cell(180, 6, text)
    pdf.ln(6)
    pdf.set_x(15)
    pdf.set_font("DejaVu", size=11)
    pdf.multi_cell(180, 7, "Aptaujas rezultāti, % uzņēmumu")
    y = pdf.get_y() + 3
    for label, share in REPORT["survey"]:  # type: ignore[misc]
        pdf.set_font("DejaVu", size=9)
        pdf.set_xy(15, y)
        pdf.cell(60, 7, label)
        pdf.set_fill_color(255, 204, 0)
        pdf.rect(78, y + 1, share * 1.2, 5, style="F")
        pdf.set_xy(80 + share * 1.2, y)
        pdf.cell(20, 7, f"{share} %")
        y += 9
    pdf.output(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=REPO / "content" / "lv" / "news" / "2020")
    parser.add_argument("--data", type=Path, default=REPO / "data" / "projects")
    parser.add_argument("--events", type=Path, default=REPO / "content" / "lv" / "events" / "2027")
    args = parser.parse_args()
    write_photos(args.content, PHOTOS)
    write_photos(args.data, PROJECT_PHOTOS)
    write_photos(args.events, EVENT_PHOTOS)
    write_report(args.content / "parskats-2-2020.pdf")


if __name__ == "__main__":
    main()
