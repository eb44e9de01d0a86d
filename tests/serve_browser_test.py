#!/usr/bin/python3
"""End-to-end test of `sshdiag serve` in a real browser (Debian's Chromium,
headless, driven by python3-selenium through chromium-driver).

It starts `sshdiag serve` on a free loopback port, pastes real corpus logs
into the page through the clipboard (Ctrl+V), and checks what a user sees
against what `sshdiag --format json|markdown` prints for the same log:
the top explanation, the highlighted evidence lines, the phase diagram, a
remedy's copy button, "Copy as Markdown", the language and redaction
switches, the page opened in Japanese (?lang=ja), whose own words must hold
none of the message catalogue's English labels; then that a server's markup is shown inert: the real corpus log
corpus/lab/openssh-10.0/banner-not-ssh-http.log (an HTTP server's HTML page
as the banner), and a SYNTHETIC variant of it made here, in this test, whose
evidence line carries an <img onerror> and a <script> (no lab log has a
script in its banner). The screenshot it saves shows the page diagnosing the
IPQoS log as a user first sees it (docs/serve-ipqos.png is a copy).

Usage: serve_browser_test.py SSHDIAG SOURCE_DIR [SCREENSHOT.png]
Exits 77 (skip) only when chromium, chromedriver or selenium is missing.
"""
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time

SKIP = 77
IPQOS_LOG = "corpus/lab/openssh-9.2/ipqos-reset.log"
HTTP_BANNER_LOG = "corpus/lab/openssh-10.0/banner-not-ssh-http.log"
WAIT_SECONDS = 30


def fail(message):
    print("FAIL: " + message, file=sys.stderr, flush=True)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)
    print("ok: " + message, flush=True)


def cli(sshdiag, args, log_text):
    """What `sshdiag ARGS` prints for log_text on standard input."""
    env = dict(os.environ, LANG="C", NO_COLOR="")
    run = subprocess.run([sshdiag] + args, input=log_text.encode(), stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, env=env, timeout=60)
    return run.stdout.decode()


def start_server(sshdiag):
    """Starts `sshdiag serve` on a free loopback port; returns (process, url)."""
    proc = subprocess.Popen([sshdiag, "serve", "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + WAIT_SECONDS
    line = b""
    while time.monotonic() < deadline and b"\n" not in line:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                break
            line += chunk
    match = re.search(rb"http://127\.0\.0\.1:[0-9]+/", line)
    if not match:
        proc.kill()
        fail("sshdiag serve printed no URL: %r %r" % (line, proc.stderr.read()))
    return proc, match.group(0).decode()


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    sshdiag, source = sys.argv[1], sys.argv[2]
    screenshot = sys.argv[3] if len(sys.argv) > 3 else None
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        print("SKIP: chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
        return SKIP
    try:
        from selenium import webdriver
        from selenium.common.exceptions import NoAlertPresentException
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        print("SKIP: python3-selenium is not installed for /usr/bin/python3")
        return SKIP

    ipqos_log = open(os.path.join(source, IPQOS_LOG), encoding="utf-8").read()
    banner_log = open(os.path.join(source, HTTP_BANNER_LOG), encoding="utf-8").read()
    expected_top = json.load(open(os.path.join(source, IPQOS_LOG[:-4] + ".json")))["expect"]["top"]

    server, url = start_server(sshdiag)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1500", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = None
    try:
        driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
        driver.set_script_timeout(WAIT_SECONDS)
        # The page may use the clipboard as a user would let it.
        driver.execute_cdp_cmd("Browser.grantPermissions", {
            "origin": url.rstrip("/"), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        driver.get(url)
        check("sshdiag" in driver.title, "the page loads: " + driver.title)

        def paste(text):
            """Puts text on the clipboard and pastes it into the log box with Ctrl+V."""
            driver.execute_async_script(
                "navigator.clipboard.writeText(arguments[0]).then(arguments[1], (e) => arguments[1](String(e)));",
                text)
            box = driver.find_element(By.ID, "log")
            box.click()
            box.send_keys(Keys.CONTROL, "a")
            box.send_keys(Keys.DELETE)
            box.send_keys(Keys.CONTROL, "v")
            pasted = driver.execute_script("return document.getElementById('log').value;")
            if pasted != text:
                fail("the paste did not arrive whole (%d of %d characters)" % (len(pasted), len(text)))

        def settled():
            """Waits until the page's request is answered; returns "done" or "failed"."""
            WebDriverWait(driver, WAIT_SECONDS).until(
                lambda d: d.execute_script("return document.body.dataset.state") in ("done", "failed"))
            return driver.execute_script("return document.body.dataset.state")

        def diagnose():
            driver.find_element(By.ID, "diagnose").click()
            return settled()

        def top_title():
            """The first explanation's title, read in one step (the list may be re-rendered meanwhile)."""
            return driver.execute_script("const h = document.querySelector('#diagnoses > li h3');"
                                         "return h ? h.textContent : null;")

        def clipboard():
            return driver.execute_async_script(
                "navigator.clipboard.readText().then(arguments[0], (e) => arguments[0]('ERROR ' + e));")

        def js(script, *args):
            return driver.execute_script(script, *args)

        # --- The IPQoS log, as a user pastes it.
        report = json.loads(cli(sshdiag, ["--format", "json", "--lang", "en"], ipqos_log))
        markdown = cli(sshdiag, ["--format", "markdown", "--lang", "en"], ipqos_log)
        paste(ipqos_log)
        check(diagnose() == "done", "the IPQoS log is diagnosed")
        if screenshot:  # as a user first sees it
            driver.save_screenshot(screenshot)
            check(os.path.getsize(screenshot) > 10000, "screenshot saved: " + screenshot)
        top = report["diagnoses"][0]
        first = driver.find_element(By.CSS_SELECTOR, "#diagnoses > li")
        check(first.get_attribute("data-kb") == expected_top == top["kb"],
              "the top explanation is [%s] as the corpus expects" % expected_top)
        check(first.find_element(By.CSS_SELECTOR, "h3").text == top["title"], "its title: " + top["title"])
        check(("[%s]" % expected_top) in first.text, "its root-cause key is shown")

        evidence = sorted({e["line"] for d in report["diagnoses"] for e in d["evidence"]})
        highlighted = js("return [...document.querySelectorAll('#logview .line.evidence')]"
                         ".map(l => Number(l.dataset.line));")
        check(highlighted == evidence, "the evidence lines %s are highlighted in the log" % evidence)
        log_lines = ipqos_log.split("\n")
        for n in evidence:
            shown = js("return document.querySelector('#L' + arguments[0] + ' .text').textContent;", n)
            check(shown == log_lines[n - 1], "line %d shows the log's text" % n)
        plain_bg = js("return getComputedStyle(document.getElementById('L1')).backgroundColor;")
        marked_bg = js("return getComputedStyle(document.getElementById('L%d')).backgroundColor;" % evidence[0])
        check(plain_bg != marked_bg, "an evidence line looks different (%s, not %s)" % (marked_bg, plain_bg))
        driver.find_element(By.CSS_SELECTOR, "#diagnoses .evidence-list a").click()
        check(js("return document.querySelector('.line.target').dataset.line;") == str(top["evidence"][0]["line"]),
              "clicking an evidence line number marks that line in the log")

        # The phase diagram: from sessions[].phases when the JSON has it, else from phase_reached.
        session = report["sessions"][0]
        if "phases" in session:
            want_stopped = [p["name"] for p in session["phases"] if p.get("state") == "stopped"]
            want_steps = len(session["phases"])
        else:
            want_stopped = [session["phase_reached"]] if session["outcome"] == "failed" else []
            want_steps = 7
        stopped = js("return [...document.querySelectorAll('.phases li.stopped')].map(l => l.dataset.phase);")
        check(stopped == want_stopped and want_stopped, "the phase diagram stops at %s" % want_stopped)
        check(js("return document.querySelectorAll('.phases li').length;") == want_steps,
              "the diagram has the %d phases" % want_steps)

        js("document.querySelector('#markdown-box details').open = true;")
        check(driver.find_element(By.ID, "markdown").get_attribute("textContent") == markdown,
              "the Markdown shown is what sshdiag --format markdown prints")
        driver.find_element(By.ID, "copy-markdown").click()
        WebDriverWait(driver, WAIT_SECONDS).until(lambda d: clipboard() == markdown)
        check(clipboard() == markdown, "Copy as Markdown puts that text on the clipboard")

        remedy = top["remedies"][0]
        remedy_box = first.find_element(By.CSS_SELECTOR, ".remedy[data-remedy='%s']" % remedy["id"])
        remedy_box.find_element(By.CSS_SELECTOR, "button.copy").click()
        first_block = remedy["config"] or remedy["option"] or remedy["server_config"] or "\n".join(remedy["commands"])
        WebDriverWait(driver, WAIT_SECONDS).until(lambda d: clipboard() == first_block)
        check(clipboard() == first_block, "a remedy's Copy button copies it: %r" % first_block)
        copy_buttons = js("return document.querySelectorAll('#diagnoses .remedy button.copy').length;")
        check(copy_buttons >= len(top["remedies"]), "every remedy has a Copy button (%d)" % copy_buttons)

        # --- The language switch asks again, in Japanese, and the page's own words change with it.
        import urllib.request
        catalogue = {lang: json.load(urllib.request.urlopen(url + "api/v1/messages?lang=" + lang,
                                                            timeout=WAIT_SECONDS))["messages"]
                     for lang in ("en", "ja")}
        ja = catalogue["ja"]
        report_ja = json.loads(cli(sshdiag, ["--format", "json", "--lang", "ja"], ipqos_log))
        check(driver.find_element(By.ID, "diagnose").text == catalogue["en"]["page.diagnose"],
              "in English the button reads " + catalogue["en"]["page.diagnose"])
        driver.find_element(By.CSS_SELECTOR, "#lang option[value='ja']").click()
        check(settled() == "done", "the language switch asks again")
        check(top_title() == report_ja["diagnoses"][0]["title"], "and shows the Japanese explanation")
        WebDriverWait(driver, WAIT_SECONDS).until(lambda d: d.find_element(By.ID, "diagnose").text == ja["page.diagnose"])
        check(driver.find_element(By.ID, "diagnose").text == ja["page.diagnose"] and
              js("return document.documentElement.lang;") == "ja" and driver.current_url.endswith("?lang=ja"),
              "the page's own labels are Japanese (%s), <html lang=ja>, the address says ?lang=ja" % ja["page.diagnose"])
        driver.find_element(By.CSS_SELECTOR, "#lang option[value='en']").click()
        check(settled() == "done" and top_title() == top["title"], "switched back, the English one")
        check(driver.find_element(By.ID, "diagnose").text == catalogue["en"]["page.diagnose"],
              "and the English labels")

        # --- The page opened in Japanese (?lang=ja): every word of its own is the catalogue's Japanese.
        labels = []
        for key, text in catalogue["en"].items():
            text = text.strip(" :().")
            if catalogue["en"][key] != ja[key] and sum(c.isalpha() for c in text) >= 3:
                labels.append(text)

        def english_label(text):
            for label in labels:
                for m in re.finditer(re.escape(label), text):
                    before = text[m.start() - 1] if m.start() > 0 else " "
                    after = text[m.end()] if m.end() < len(text) else " "
                    if not (before.isalnum() or before in "_-/.") and not (after.isalnum() or after in "_-"):
                        return label
            return None

        # The words the page puts around the data (not the log's lines, the articles' prose or remedy steps).
        own_words = ("return [...document.querySelectorAll('[data-msg], #verdict, .phases li, .phases .attempt, "
                     ".meta, .block-label, .remedy .where, button, .weakens, "
                     ".evidence-list a, #error')].map(e => e.cloneNode(true)).map(e => {"
                     "e.querySelectorAll('.kb').forEach(k => k.remove()); return e.textContent; }).join('\\n') + "
                     "'\\n' + [...document.querySelectorAll('[aria-label], [title]')]"
                     ".map(e => (e.getAttribute('aria-label') || '') + ' ' + (e.title || '')).join('\\n');")
        driver.get(url + "?lang=ja")
        WebDriverWait(driver, WAIT_SECONDS).until(lambda d: d.find_element(By.ID, "diagnose").text == ja["page.diagnose"])
        check(driver.title == ja["page.title"] and driver.find_element(By.ID, "lang").get_attribute("value") == "ja",
              "?lang=ja: the title is %s and the switch shows 日本語" % ja["page.title"])
        check(diagnose() == "failed" and driver.find_element(By.ID, "error").text == ja["page.paste_first"],
              "nothing pasted yet: " + ja["page.paste_first"])
        paste(ipqos_log)
        check(diagnose() == "done" and top_title() == report_ja["diagnoses"][0]["title"],
              "pasted in the Japanese page, the Japanese explanation")
        check(driver.find_element(By.ID, "verdict").text == ja["page.verdict.diagnosed"], "the verdict: " + ja["page.verdict.diagnosed"])
        phase_names = js("return [...document.querySelectorAll('.phases li')].map(l => l.firstChild.textContent);")
        check(phase_names == [ja["phase." + p["name"]] for p in report_ja["sessions"][0]["phases"]],
              "the phase strip in the catalogue's Japanese: %s" % " ".join(phase_names))
        check(ja["page.stopped_here"] in js("return document.querySelector('.phases li.stopped').textContent;"),
              "the phase it stopped at says " + ja["page.stopped_here"])
        check(js("return document.querySelector('#diagnoses .level').textContent;") ==
              ja["level." + report_ja["diagnoses"][0]["level"]], "the confidence label is Japanese")
        words = js(own_words)
        found = english_label(words)
        check(found is None and len(words) > 200,
              "the Japanese page's own words (%d characters) hold none of the catalogue's %d English labels%s"
              % (len(words), len(labels), "" if found is None else ": found %r" % found))
        # The support path in Japanese: redaction on, then "Copy as Markdown" gives the ticket text the API gives.
        api_ja = urllib.request.Request(url + "api/v1/markdown", method="POST",
                                        data=json.dumps({"log": ipqos_log, "redact": True, "lang": "ja"}).encode(),
                                        headers={"Content-Type": "application/json"})
        redacted_ja = urllib.request.urlopen(api_ja, timeout=WAIT_SECONDS).read().decode()
        driver.find_element(By.ID, "redact").click()
        check(settled() == "done" and
              driver.find_element(By.ID, "markdown").get_attribute("textContent") == redacted_ja,
              "Japanese with redaction: the Markdown shown is the API's")
        driver.find_element(By.ID, "copy-markdown").click()
        # The button says so for 2 s; polled every 0.5 s.
        WebDriverWait(driver, WAIT_SECONDS).until(lambda d: d.find_element(By.ID, "copy-markdown").text == ja["page.copied"])
        check(True, "the button says " + ja["page.copied"])
        WebDriverWait(driver, WAIT_SECONDS).until(lambda d: clipboard() == redacted_ja)
        check(clipboard() == redacted_ja and "sshdiag-lab" not in redacted_ja,
              "%s copies it, without the lab's user name" % ja["page.copy_markdown"])
        driver.get(url + "?lang=en")
        paste(ipqos_log)
        check(diagnose() == "done" and english_label(js(own_words)) is not None,
              "(the same scan finds English labels in the English page)")

        # --- The redaction switch sends redact: true; the page shows what the API answers to it.
        import urllib.error
        api = urllib.request.Request(url + "api/v1/markdown", method="POST",
                                     data=json.dumps({"log": ipqos_log, "redact": True}).encode(),
                                     headers={"Content-Type": "application/json"})
        try:
            redacted, redaction_status = urllib.request.urlopen(api, timeout=WAIT_SECONDS).read().decode(), 200
        except urllib.error.HTTPError as e:
            redacted, redaction_status = None, e.code
        driver.find_element(By.ID, "redact").click()
        state = settled()
        if redaction_status == 501:
            check(state == "failed" and "redaction is not available" in driver.find_element(By.ID, "error").text,
                  "the redaction switch asks for redaction, which this build refuses (501): the page says so")
        else:
            check(state == "done" and driver.find_element(By.ID, "markdown").get_attribute("textContent") == redacted,
                  "the redaction switch shows the redacted Markdown the API gives")
        driver.find_element(By.ID, "redact").click()
        check(settled() == "done", "with the switch off again, the log is diagnosed")

        # --- A server's markup stays text: the real HTTP-banner log, then a synthetic hostile variant.
        lines = banner_log.split("\n")
        banner = json.loads(cli(sshdiag, ["--format", "json", "--lang", "en"], banner_log))
        paste(banner_log)
        check(diagnose() == "done", "the HTTP-banner log is diagnosed")
        check(driver.find_element(By.CSS_SELECTOR, "#diagnoses > li").get_attribute("data-kb") ==
              banner["diagnoses"][0]["kb"], "its top explanation is [%s]" % banner["diagnoses"][0]["kb"])
        markup = [n for n, line in enumerate(lines, 1) if re.search(r"<[a-z/]", line)]
        check(len(markup) >= 5, "the real log has %d lines of HTML markup" % len(markup))
        for n in markup:
            shown = js("return document.querySelector('#L' + arguments[0] + ' .text').textContent;", n)
            if shown != lines[n - 1]:
                fail("line %d is not shown as the text it is: %r" % (n, shown))
        check(True, "every markup line of the real log shows as text")
        injected = js("return ['center', 'hr', 'title', 'img'].map(t => document.body.querySelectorAll(t).length)"
                      ".reduce((a, b) => a + b, 0) + document.body.querySelectorAll('h1').length - 1;")
        check(injected == 0, "no element of the banner's HTML was created")

        # SYNTHETIC (made here, not a lab log): the evidence line's banner text carries live markup.
        hostile = '<img src=x onerror="window.pwned=1;alert(1)"><script>window.pwned=2;alert(2)</script>'
        evidence_line = banner["diagnoses"][0]["evidence"][1]["line"]
        synthetic = list(lines)
        synthetic[evidence_line - 1] = synthetic[evidence_line - 1] + " " + hostile
        synthetic_text = "\n".join(synthetic)
        synthetic_report = json.loads(cli(sshdiag, ["--format", "json", "--lang", "en"], synthetic_text))
        paste(synthetic_text)
        check(diagnose() == "done", "the synthetic hostile log is diagnosed")
        time.sleep(0.5)  # an injected onerror would have fired by now
        try:
            text = driver.switch_to.alert.text
            fail("an alert opened: %r" % text)
        except NoAlertPresentException:
            check(True, "no alert opened")
        check(js("return window.pwned === undefined;"), "no injected script or handler ran")
        check(js("return document.querySelectorAll('img').length + document.body.querySelectorAll('script').length;")
              == 0, "no img or script element was created")
        shown_evidence = js("return [...document.querySelectorAll('.evidence-text')].map(e => e.textContent);")
        expected_evidence = [e["text"] for d in synthetic_report["diagnoses"] for e in d["evidence"]]
        check(shown_evidence == expected_evidence and any(hostile in t for t in shown_evidence),
              "the hostile evidence line shows as the text sshdiag reports")
        check(js("return document.querySelector('#L%d .text').textContent;" % evidence_line) ==
              synthetic[evidence_line - 1], "and as text in the log")

        # Offline: everything the page loaded came from the server itself.
        loaded = js("return performance.getEntriesByType('resource').map(e => e.name);")
        check(loaded and all(u.startswith(url) for u in loaded),
              "all %d resources the page loaded came from %s" % (len(loaded), url))

        # The page broke no rule of its Content-Security-Policy and threw nothing.
        problems = [e["message"] for e in driver.get_log("browser")
                    if e["level"] == "SEVERE" and not (redaction_status == 501 and "501" in e["message"])]
        check(not problems, "the browser's console shows no error or CSP violation: %s" % problems)
        # The Content-Security-Policy is in force: HTML from a string is refused (Trusted Types).
        # (Last: the refusal is itself logged as an error.)
        check(driver.execute_script(
            "const d = document.createElement('div');"
            "try { d['inner' + 'HTML'] = '<b>x</b>'; return false; } catch (e) { return e instanceof TypeError; }"),
            "the browser refuses HTML from a string on this page (Trusted Types)")
        return 0
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    sys.exit(main())
