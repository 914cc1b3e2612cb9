"""The dashboard as an official sees it: real `streamlit run`, real chromium, Chinese text on screen."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from tests.browser import ARTIFACTS, CHARTS, CHROMIUM, CHROMIUM_ARGS, DRAWN, GAUGES, streamlit_server

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def open_page(browser, url: str, charts: int, width: int = 1400):
    page = browser.new_page(viewport={"width": width, "height": 1000}, locale="zh-CN")
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
    if charts:
        page.wait_for_function(f"n => {DRAWN} >= n", arg=charts, timeout=90_000)
    page.wait_for_timeout(500)
    return page


def shoot(page, name: str) -> None:
    """Streamlit scrolls inside its own container, so grow the window to the content before the screenshot."""
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], section.main, body')]"
        ".map(e => e.scrollHeight))"
    )
    width = page.viewport_size["width"] if page.viewport_size else 1400
    page.set_viewport_size({"width": width, "height": min(max(height, 1000), 8000)})
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / name))


def test_overview_draws_all_18_gauges_with_chinese_names(server: str, browser) -> None:
    page = open_page(browser, server, charts=18)
    assert page.locator(GAUGES).count() == 18 and page.locator("[data-testid='stVegaLiteChart']").count() == 0
    body = page.inner_text("body")
    for name in ("常住人口城镇化率", "城镇调查失业率", "森林覆盖率", "单位GDP能源消耗降低", "城镇生活垃圾无害化处理率"):
        assert name in body
    assert "示例" in body  # the sample data say so on the page
    shoot(page, "overview.png")
    page.close()


@pytest.mark.parametrize(
    ("path", "charts", "present", "absent", "shot"),
    [
        ("/指标详情", 1, ("目标解读", "判断依据"), (), "indicator.png"),
        # A copied link: 第六章 holds 9 indicators; 森林覆盖率 belongs to 第五章.
        ("/?town=杨柳青镇&chapter=6", 9, ("当前视图：杨柳青镇 · 第六章", "城镇新增就业"), ("森林覆盖率",), "link-town-chapter.png"),
        ("/街镇", 1, ("镇街示意图（非行政边界）", "镇街概况", "指标进展"), (), "towns.png"),  # the map; the profile's tab is open
        # No Vega chart on a first visit: the open tab's bars are HTML (ui.bar_chart).
        ("/重大项目", 0, ("722亿元", "未披露", "中芯西青12英寸晶圆代工生产线项目", "522亿元 · 2项已披露 / 4项未披露"), (), "projects.png"),
    ],
    ids=["indicator", "copied-link", "towns", "projects"],
)
def test_page_as_an_official_sees_it(
    server: str, browser, path: str, charts: int, present: tuple[str, ...], absent: tuple[str, ...], shot: str
) -> None:
    page = open_page(browser, f"{server}{path}", charts=charts)
    # A page without a chart to wait for (重大项目's bars are HTML) is read once its words are there.
    page.wait_for_function("t => t.every(x => document.body.innerText.replace(/\\n/g, '').includes(x))", arg=list(present), timeout=60_000)
    body = page.inner_text("body").replace("\n", "")
    assert all(text in body for text in present), [t for t in present if t not in body]
    assert not any(text in body for text in absent)
    shoot(page, shot)
    page.close()


@pytest.mark.parametrize(("path", "charts"), [("/", 18), ("/街镇", 1)], ids=["overview", "towns"])
def test_a_town_chosen_in_the_sidebar_redraws_the_view_in_place(browser, tmp_path: Path, path: str, charts: int) -> None:
    """On 总览 and 街镇 a town reruns only the view's fragment (ui.view_page), which AppTest never does: the view,
    its link and its figures follow, and a version saved meanwhile redraws the whole page, banner included."""
    import dataclasses

    from xq_metrics import auth, upload
    from xq_metrics.store import open_store

    store_path = str(tmp_path / "towns.sqlite3")
    store = open_store(store_path)
    upload.seed(store)
    auth.add_editor(store, "王五", "browser-pass-2")
    with streamlit_server(env={"XQ_STORE": store_path}) as url:
        page = open_page(browser, f"{url}{path}", charts=charts)

        def choose(town: str) -> str:
            page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first.click()
            page.get_by_role("option", name=town, exact=True).click()
            page.keyboard.press("Escape")
            page.wait_for_function(
                "() => document.querySelector(\"[data-testid='stApp']\").dataset.testScriptState === 'notRunning'"
            )
            page.wait_for_timeout(500)
            return page.inner_text("body").replace("\n", "")

        body = choose("中北镇")
        assert "当前视图：中北镇" in body and "第1版" in body
        assert "town=%E4%B8%AD%E5%8C%97%E9%95%87" in page.url  # the link carries the town
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.locator(CHARTS).count() == charts
        if path == "/":
            assert "中北镇各状态指标数" in body  # the counts are the town's own
        else:
            assert "镇街概况" in body
        # Another office saves; the next town chosen finds a newer version and the whole page follows it.
        data = store.current().dataset
        editor = auth.login(store, "王五", "browser-pass-2")
        store.save(b"test", "测试.xlsx", dataclasses.replace(data, observations=data.observations[:-1]), None, editor)
        body = choose("大寺镇")
        assert "当前视图：中北镇、大寺镇" in body and "第2版" in body and "第1版" not in body
        assert page.locator("[data-testid='stException']").count() == 0
        page.close()


def test_upload_through_the_browser_changes_the_dashboard(browser, tmp_path: Path) -> None:
    """An editor logs in, uploads a workbook, saves it, and the overview shows the new figure."""
    from tests.workbooks import workbook
    from xq_metrics import auth
    from xq_metrics.store import open_store

    store_path = tmp_path / "browser.sqlite3"
    auth.add_editor(open_store(str(store_path)), "李四", "browser-pass-1")
    upload = tmp_path / "森林覆盖率2025.xlsx"
    upload.write_bytes(workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["森林覆盖率", "全区", 2025, 31.5]]}))
    with streamlit_server(env={"XQ_STORE": str(store_path)}) as url:
        page = open_page(browser, f"{url}/数据管理", charts=0)
        page.get_by_label("用户名").fill("李四")
        page.get_by_label("密码").fill("browser-pass-1")
        page.get_by_role("button", name="登录").click()
        page.get_by_text("已登录：李四").first.wait_for(timeout=30_000)
        page.locator("input[type='file']").set_input_files(str(upload))
        page.get_by_text("文件可以使用").wait_for(timeout=60_000)
        shoot(page, "upload-check.png")
        page.get_by_role("button", name="保存为新版本").click()
        page.get_by_text("已保存为第2版").wait_for(timeout=60_000)
        page.close()
        overview = open_page(browser, f"{url}/?chapter=5", charts=1)
        assert "31.5%" in overview.inner_text("body")
        shoot(overview, "after-upload.png")
        overview.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_an_office_table_and_a_removal_through_the_browser(browser, tmp_path: Path, width: int) -> None:
    """A towns × indicators table is read as typed; a removal is shown in red and saved only after the counted yes."""
    from tests import office
    from tests.workbooks import workbook
    from xq_metrics import auth
    from xq_metrics.store import open_store

    store_path = tmp_path / "office.sqlite3"
    store = open_store(str(store_path))
    auth.add_editor(store, "李四", "browser-pass-1")
    towns = tmp_path / "2024年各镇街指标.xlsx"
    towns.write_bytes(office.towns_by_indicators())
    removal = tmp_path / "删除一行.xlsx"
    removal.write_bytes(workbook({"指标数据": [["指标", "镇街", "年份", "数值", "操作"], ["森林覆盖率", "全区", 2024, None, "删除"]]}))
    with streamlit_server(env={"XQ_STORE": str(store_path)}) as url:
        page = open_page(browser, f"{url}/数据管理", charts=0, width=width)
        page.get_by_label("用户名").fill("李四")
        page.get_by_label("密码").fill("browser-pass-1")
        page.get_by_role("button", name="登录").click()
        page.get_by_text("已登录：李四").first.wait_for(timeout=30_000)
        page.locator("input[type='file']").set_input_files(str(towns))
        page.get_by_text("全部读取").wait_for(timeout=60_000)
        shoot(page, f"office-towns-{width}.png")
        page.get_by_role("button", name="保存为新版本").click()
        page.get_by_text("已保存为第2版").wait_for(timeout=60_000)
        page.wait_for_function("document.querySelectorAll(\"input[type='file']\").length === 1", timeout=30_000)
        page.locator("input[type='file']").set_input_files(str(removal))
        page.get_by_text("删除当前数据中的1行").wait_for(timeout=60_000)
        assert page.get_by_role("button", name="保存为新版本").is_disabled()
        shoot(page, f"office-removal-{width}.png")
        page.get_by_text("我已核对：确认删除1行").click()
        page.get_by_role("button", name="保存为新版本").click()
        page.get_by_text("已保存为第3版").wait_for(timeout=60_000)
        page.close()
    assert store.head().number == 3
    values = {(o.indicator, o.town, o.year) for o in store.current().dataset.observations}
    assert ("常住人口城镇化率", "中北镇", 2024) in values and ("森林覆盖率", "全区", 2024) not in values


PAGES = ["/", "/指标详情?indicator=15", "/街镇?town=精武镇", "/重大项目", "/数据管理", "/口径说明", "/数据格式"]
# Streamlit's own English that must not reach the screen (chrome.py puts the catalogue's Chinese in its place).
ENGLISH = ("Upload", "Select all", "Download as CSV", "Show/hide columns", "Fullscreen", "Main menu", "per file",
           "Made with Streamlit", "Record screen", "Collapse sidebar", "Choose an option")


@pytest.mark.parametrize("width", [1280, 390])
def test_no_request_leaves_the_server_and_nothing_shows_in_english(server: str, browser, width: int) -> None:
    """A 政务内网 has no outside internet: every request of every page goes to the dashboard's own server."""
    from urllib.parse import urlparse

    own = urlparse(server).netloc
    for path in PAGES:
        page = browser.new_page(viewport={"width": width, "height": 1000}, locale="zh-CN")
        hosts: set[str] = set()
        page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
        page.goto(f"{server}{path}", wait_until="domcontentloaded")
        page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
        page.wait_for_timeout(4000)
        assert hosts == {own}, (path, hosts)
        # Set by the page's injected script once the page has run: on a loaded machine that can take longer than 4 s.
        page.wait_for_function("document.documentElement.lang === 'zh-CN'", timeout=30_000)
        assert page.evaluate("document.documentElement.lang") == "zh-CN"
        assert page.title().count("西青区新型城镇化规划监测看板") == 1, page.title()
        shown = page.inner_text("body")
        labels = page.evaluate(
            "[...document.querySelectorAll('[aria-label],[title],[placeholder]')]"
            ".map(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')].join(' '))"
        )
        assert not [w for w in ENGLISH if w in shown or any(w in x for x in labels)], path
        if path == "/" and width > 800:  # on a phone the sidebar with the lists starts folded away
            page.locator("[data-testid='stMultiSelect']").first.click()  # the list says 全选, not Select all
            page.get_by_text("全选").first.wait_for(timeout=10_000)
        page.close()


def test_a_page_opened_by_its_link_asks_the_server_where_it_lives_once(server: str, browser) -> None:
    """Streamlit's client at /数据管理 would ask /数据管理/_stcore/health first, wait for its 404 and then ask the root:
    server.py names the base in the page, so the first question goes to the root and nothing is answered 404."""
    for path in ("/数据管理", "/街镇?town=精武镇", "/"):
        page = browser.new_page(locale="zh-CN")
        asked: list[tuple[int, str]] = []
        sockets: list[str] = []
        page.on("response", lambda response: asked.append((response.status, response.url.removeprefix(server))))
        page.on("websocket", lambda socket: sockets.append(socket.url))
        page.goto(f"{server}{path}", wait_until="domcontentloaded")
        page.wait_for_selector("[data-testid='stMain'] h1", timeout=60_000)
        health = [url for _, url in asked if url.endswith("_stcore/health")]
        assert health and set(health) == {"/_stcore/health"}, (path, health)
        assert not [(status, url) for status, url in asked if status >= 400], path
        assert [url.split("/", 3)[3] for url in sockets] == ["_stcore/stream"], (path, sockets)
        page.close()


def test_a_login_survives_a_reload_and_ends_with_logout(browser, tmp_path: Path) -> None:
    from xq_metrics import auth
    from xq_metrics.store import open_store

    store_path = tmp_path / "reload.sqlite3"
    auth.add_editor(open_store(str(store_path)), "李四", "browser-pass-1")
    with streamlit_server(env={"XQ_STORE": str(store_path)}) as url:
        page = open_page(browser, f"{url}/数据管理", charts=0)
        page.get_by_label("用户名").fill("李四")
        page.get_by_label("密码").fill("browser-pass-1")
        page.get_by_role("button", name="登录").click()
        page.get_by_text("已登录：李四").first.wait_for(timeout=30_000)
        assert "xq_login" not in page.url  # never in the link
        # The page's script sets the cookie once the page is drawn; on a loaded machine the words come first.
        page.wait_for_function("document.cookie.includes('xq_login=')", timeout=30_000)
        page.reload()
        page.get_by_text("已登录：李四").first.wait_for(timeout=30_000)
        page.get_by_role("button", name="退出登录").click()
        page.get_by_text("编辑人员登录", exact=True).wait_for(timeout=30_000)
        page.wait_for_function("!document.cookie.includes('xq_login=')", timeout=30_000)
        page.reload()
        page.get_by_text("编辑人员登录", exact=True).wait_for(timeout=30_000)
        assert page.get_by_text("已登录：李四").count() == 0
        page.close()


def test_printing_the_overview_gives_a_grid_with_title_scope_and_date_on_every_page(server: str, browser, tmp_path: Path) -> None:
    import subprocess

    page = open_page(browser, server, charts=18)
    page.emulate_media(media="print")
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    pdf = tmp_path / "overview.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    page.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    assert 3 <= len(pages) <= 6  # cards three to a row, not one per row (7 pages and more)
    assert all("西青区新型城镇化规划监测看板" in p and "数据第" in p and "打印于" in p for p in pages)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", str(pdf), str(ARTIFACTS / "print")], check=True)


def test_streamlits_english_is_replaced_and_the_pages_own_words_never_are(browser) -> None:
    """chrome.py's script swaps Streamlit's own English as elements appear; text a page shows (Markdown, HTML blocks)
    is left as written, even a project someone named "Open", and is not walked on every change."""
    import chrome

    page = browser.new_page()
    page.set_content(
        '<body><div data-testid="stMarkdownContainer"><p>Open</p></div>'
        '<button aria-label="Fullscreen">Open</button>' + chrome.screen_html() + "</body>"
    )
    page.evaluate("""() => {
        const own = document.createElement('div'); own.dataset.testid = 'stHtml';
        own.innerHTML = '<table><tr><td>Clear</td><td title="Search">Delete</td></tr></table>';
        document.body.append(own);
        const menu = document.createElement('li'); menu.textContent = 'Select all'; document.body.append(menu);
    }""")
    page.wait_for_function("document.querySelector('li').textContent === '全选'")
    assert page.inner_text("[data-testid='stMarkdownContainer']") == "Open"
    assert page.get_attribute("button", "aria-label") == "全屏" and page.inner_text("button") == "展开"
    assert page.inner_text("[data-testid='stHtml']").split() == ["Clear", "Delete"]
    assert page.get_attribute("[data-testid='stHtml'] td[title]", "title") == "Search"
    page.close()


def test_a_tile_clicked_on_the_town_map_shows_that_towns_profile_below_it(server: str, browser) -> None:
    """The map's note says a click on a tile shows that town: its profile tab opens with it, whichever tab was open."""
    from xq_metrics.charts import TILE

    page = open_page(browser, f"{server}/街镇", charts=1)
    page.get_by_role("tab", name="镇街 × 指标 进展状态").click()
    page.wait_for_function(f"{DRAWN} >= 2", timeout=60_000)
    canvas = page.locator("[data-testid='stVegaLiteChart'] :is(canvas, svg.marks)").first.bounding_box()
    # 精武镇 is the tile in column 1, row 2 (counted from the top) of the schematic grid.
    page.mouse.click(canvas["x"] + TILE * 1.5, canvas["y"] + TILE * 2.5)
    page.get_by_role("heading", name="精武镇").wait_for(timeout=60_000)
    assert page.get_by_role("tab", name="镇街概况").get_attribute("aria-selected") == "true"
    assert page.locator("[data-testid='stVegaLiteChart']").count() == 1  # the heat map's tab closed, its chart gone
    page.close()
