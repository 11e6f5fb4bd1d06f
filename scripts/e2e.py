#!/usr/bin/env python3
"""Browser check of the web shell in headless Chromium (Debian's chromium + chromedriver, Selenium).

Starts nothing itself: scripts/e2e starts the server. For each role it logs in through the real login
form, opens its pages, saves screenshots, and fails on a console error, a non-200 page inside the app,
or a page slower than 1 s. Each role then walks its main path (login → dashboard → one action →
logout) with screenshots; with HELP_DIR, those are copied there for the in-app help (/help/<role>).
Field pages are checked at phone width (375 px) for sideways scrolling.
Usage: e2e.py BASE_URL OUT_DIR [HELP_DIR]
"""
import json
import os
import shutil
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

BASE, OUT = sys.argv[1].rstrip("/"), sys.argv[2]
HELP = sys.argv[3] if len(sys.argv) > 3 else None
PASSWORDS = {
    "admin": "duban-admin-2026",
    "operator": "duban-operator-2026",
    "supervisor": "duban-supervisor-2026",
    "leader": "duban-leader-2026",
    "dispatcher": "duban-dispatcher-2026",
    "evaluator": "duban-evaluator-2026",
    "inspector": "duban-inspector-2026",
    "enterprise": "duban-enterprise-2026",
}
# The role each demo login holds (the help pages are per role).
ROLES = {"admin": "admin", "operator": "unit_operator", "supervisor": "supervisor", "leader": "leader",
         "dispatcher": "dispatcher", "evaluator": "evaluator", "inspector": "inspector", "enterprise": "enterprise"}
PAGES = ["/", "/help", "/items", "/items?overdue=true", "/units", "/people", "/bodies", "/calendar", "/calendar?start=2026-09-24T10:00&amount=1&unit=working_days", "/notifications"]
# Pages only some roles have.
ROLE_PAGES = {"admin": ["/audit", "/audit?verify=1", "/items/new", "/hotline", "/site-audit"],
              "supervisor": ["/audit", "/items/new", "/hotline", "/assessments/hotline", "/accountability", "/assessments/tasks",
                             "/proposals", "/elevators", "/site-audit"],
              "leader": ["/assessments/hotline", "/assessments/tasks", "/proposals", "/reports"],
              "inspector": ["/items/new", "/elevators", "/credit/subjects"], "enterprise": ["/items/new", "/credit/subjects"],
              "operator": ["/items/new", "/accountability", "/proposals"], "dispatcher": ["/hotline"]}
failures = []


def make_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}", "--lang=zh-CN"]:
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def document_statuses(driver):
    """HTTP statuses of documents and sub-resources loaded since the last call (from the CDP log)."""
    statuses = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.responseReceived":
            response = message["params"]["response"]
            if response["url"].startswith(BASE):
                statuses.append((response["url"], response["status"], message["params"].get("type")))
    return statuses


def check_console(driver, where):
    for entry in driver.get_log("browser"):
        if entry["level"] in ("SEVERE", "ERROR"):
            failures.append(f"{where}: console error: {entry['message']}")


def visit(driver, path, shot):
    started = time.monotonic()
    driver.get(BASE + path)
    elapsed = time.monotonic() - started
    if elapsed > 1.0:
        failures.append(f"{path}: took {elapsed:.2f}s (limit 1s)")
    for url, status, kind in document_statuses(driver):
        # 304 Not Modified is a cache hit for a stylesheet or image, not a failure.
        if status != 200 and not (status == 304 and kind != "Document"):
            failures.append(f"{path}: {kind} {url} answered {status}")
    check_console(driver, path)
    driver.save_screenshot(f"{OUT}/{shot}.png")
    # Every link inside the app must lead somewhere.
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a[href]")]


def login(driver, username):
    driver.get(BASE + "/login")
    document_statuses(driver)
    driver.find_element(By.NAME, "username").send_keys(username)
    driver.find_element(By.NAME, "password").send_keys(PASSWORDS[username])
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 5).until(lambda d: not d.current_url.endswith("/login"))
    if driver.current_url.rstrip("/") != BASE:
        failures.append(f"{username}: login did not land on the home page ({driver.current_url})")
    check_console(driver, f"{username} login")


def logout(driver, username):
    driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    WebDriverWait(driver, 5).until(EC.url_contains("/login"))
    if not driver.current_url.endswith("/login"):
        failures.append(f"{username}: logout did not return to the login page")


def shot(driver, username, step):
    """A screenshot of a role's main path, copied to the help directory when one is given."""
    path = f"{OUT}/path-{username}-{step}.png"
    driver.save_screenshot(path)
    if HELP:
        os.makedirs(HELP, exist_ok=True)
        shutil.copyfile(path, f"{HELP}/{ROLES[username]}-{step}.png")


def click_through(driver, username, selector, expect):
    """Clicks the first element matching `selector` and checks the page it opens."""
    found = driver.find_elements(By.CSS_SELECTOR, selector)
    if not found:
        failures.append(f"{username}: {selector} not on {driver.current_url}")
        return False
    document_statuses(driver)
    started = time.monotonic()
    found[0].click()
    WebDriverWait(driver, 5).until(EC.url_contains(expect))
    elapsed = time.monotonic() - started
    if elapsed > 1.0:
        failures.append(f"{username}: {selector} took {elapsed:.2f}s (limit 1s)")
    for url, status, kind in document_statuses(driver):
        if status != 200 and not (status == 304 and kind != "Document"):
            failures.append(f"{username} {selector}: {kind} {url} answered {status}")
    check_console(driver, f"{username} {selector}")
    return True


def main_path(driver, username):
    """Login → dashboard → the role's one action → logout, with screenshots from the demo data."""
    login(driver, username)
    driver.get(BASE + "/?lang=zh")  # the help screenshots in Chinese (the language cookie)
    document_statuses(driver)
    visit(driver, "/", f"path-{username}-home")
    if not driver.find_elements(By.ID, "dash-overdue"):
        failures.append(f"{username}: the dashboard shows no overdue figure")
    if not driver.find_elements(By.CSS_SELECTOR, "svg.chart[role=img] title"):
        failures.append(f"{username}: the dashboard draws no accessible chart")
    shot(driver, username, "1-dashboard")
    if username in ("leader", "supervisor", "operator"):
        # The overdue figure opens the list it counts, filtered.
        if click_through(driver, username, "#dash-overdue", "overdue=true"):
            shot(driver, username, "2-action")
            if username == "leader":
                visit(driver, "/reports", f"path-{username}-reports")
                reports = driver.find_elements(By.CSS_SELECTOR, "#reports a[href^='/reports/']")
                if reports:
                    click_through(driver, username, "#reports a[href^='/reports/']", "/reports/")
                    if not driver.find_elements(By.CSS_SELECTOR, ".notice-number"):
                        failures.append("leader: the report has no 文号")
                    shot(driver, username, "3-report")
    elif username == "dispatcher":
        visit(driver, "/hotline", f"path-{username}-hotline")
        shot(driver, username, "2-action")
    elif username == "inspector":
        visit(driver, "/items/new", f"path-{username}-register")
        shot(driver, username, "2-action")
    elif username == "enterprise":
        visit(driver, "/credit/subjects", f"path-{username}-credit")
        if click_through(driver, username, "table.list a[href^='/credit/subjects/']", "/credit/subjects/"):
            shot(driver, username, "2-action")
    elif username == "evaluator":
        visit(driver, "/notifications", f"path-{username}-notifications")
        shot(driver, username, "2-action")
    else:
        visit(driver, "/calendar", f"path-{username}-calendar")
        shot(driver, username, "2-action")
    visit(driver, f"/help/{ROLES[username]}", f"path-{username}-help")
    logout(driver, username)


def phone_check(phone, path, name):
    visit(phone, path, name)
    if phone.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1"):
        failures.append(f"phone width: {path} scrolls sideways")


def main():
    public_label = None
    driver = make_driver()
    checked_links = set()
    try:
        visit(driver, "/listed", "public-listed")
        visit(driver, "/report", "public-report")
        visit(driver, "/track", "public-track")
        driver.get(BASE + "/login")
        driver.save_screenshot(f"{OUT}/login.png")
        check_console(driver, "/login")
        for username in PASSWORDS:
            login(driver, username)
            for path in PAGES + ROLE_PAGES.get(username, []):
                name = path.split("?")[0].replace("/", "-") or "-home"
                if "?" in path:
                    name += "-query"
                links = visit(driver, path, f"{username}{name}")
                for href in links:
                    if href and href.startswith(BASE) and href not in checked_links and len(checked_links) < 60:
                        checked_links.add(href)
            # One action: the unit search (an enterprise sees only its own unit).
            if username == "enterprise":
                logout(driver, username)
                continue
            driver.get(BASE + "/units")
            box = driver.find_element(By.NAME, "q")
            box.send_keys("建桥")
            driver.find_element(By.CSS_SELECTOR, "form.filters button").click()
            WebDriverWait(driver, 5).until(EC.url_contains("q="))
            if "建桥街" not in driver.page_source:
                failures.append(f"{username}: searching 建桥 did not list 建桥街")
            logout(driver, username)
        login(driver, "admin")
        document_statuses(driver)
        for href in sorted(checked_links):
            driver.get(href)
            for url, status, kind in document_statuses(driver):
                if status != 200 and kind == "Document":
                    failures.append(f"link {href}: answered {status}")
            check_console(driver, href)
        visit(driver, "/units", "admin-units-final")
        logout(driver, "admin")
        # Each role's main path (issue #9), screenshots for the help pages.
        for username in PASSWORDS:
            main_path(driver, username)
        # Elevators (issue #8): a supervisor opens the dashboard, one archive and its printable label.
        login(driver, "supervisor")
        visit(driver, "/elevators", "supervisor-elevators")
        archives = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "table.list a[href*='/elevators/']")]
        if not archives:
            failures.append("/elevators: no elevator archive is linked (demo elevators missing)")
        else:
            path = archives[0][len(BASE):]
            visit(driver, path, "supervisor-elevator-archive")
            labels = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a[href^='/e/']")]
            visit(driver, path + "/label", "supervisor-elevator-label")
            public_label = labels[0][len(BASE):] if labels else None
            if not public_label:
                failures.append(f"{path}: no link to the public label page")
        driver.get(BASE + "/")  # the printable label has no navigation bar
        logout(driver, "supervisor")
    finally:
        driver.quit()
    phone = make_driver(375, 812)
    try:
        login(phone, "operator")
        for path in ["/", "/units", "/items"]:
            phone_check(phone, path, "phone-operator" + (path.replace("/", "-") if path != "/" else "-home"))
        logout(phone, "operator")
        # The field staff's pages: the inspector's dashboard, list and registration form.
        login(phone, "inspector")
        for path in ["/", "/items", "/items/new", "/elevators", "/help/inspector"]:
            phone_check(phone, path, "phone-inspector" + (path.replace("/", "-") if path != "/" else "-home"))
        logout(phone, "inspector")
        # The public complaint page and the page the elevator label's QR code opens, without signing in.
        phone_check(phone, "/report", "phone-public-report")
        if public_label:
            phone_check(phone, public_label, "phone-public-elevator")
    finally:
        phone.quit()
    print(f"browser check: {len(PASSWORDS)} roles, {len(checked_links)} links, screenshots in {OUT}")
    if failures:
        print("\n".join("FAIL " + f for f in failures))
        print(f"0 passed, {len(failures)} failed")
        sys.exit(1)
    print("browser: 1 passed, 0 failed")


if __name__ == "__main__":
    main()
