#!/usr/bin/env python3
"""Browser check of the web shell in headless Chromium (Debian's chromium + chromedriver, Selenium).

Starts nothing itself: scripts/e2e starts the server. For each role it logs in through the real login
form, opens its pages, saves screenshots, and fails on a console error, a non-200 page inside the app,
or a page slower than 1 s. Usage: e2e.py BASE_URL OUT_DIR
"""
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

BASE, OUT = sys.argv[1].rstrip("/"), sys.argv[2]
PASSWORDS = {
    "admin": "duban-admin-2026",
    "operator": "duban-operator-2026",
    "supervisor": "duban-supervisor-2026",
    "leader": "duban-leader-2026",
    "dispatcher": "duban-dispatcher-2026",
    "evaluator": "duban-evaluator-2026",
}
PAGES = ["/", "/items", "/items?overdue=true", "/units", "/people", "/bodies", "/calendar", "/calendar?start=2026-09-24T10:00&amount=1&unit=working_days", "/notifications"]
# Pages only some roles have.
ROLE_PAGES = {"admin": ["/audit", "/audit?verify=1", "/items/new", "/hotline", "/site-audit"],
              "supervisor": ["/audit", "/items/new", "/hotline", "/assessments/hotline", "/accountability", "/assessments/tasks",
                             "/proposals", "/elevators", "/site-audit"],
              "leader": ["/assessments/hotline", "/assessments/tasks", "/proposals"],
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
            # One action: the unit search.
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
    phone = make_driver(390, 844)
    try:
        login(phone, "operator")
        visit(phone, "/units", "phone-operator-units")
        overflow = phone.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        if overflow:
            failures.append("phone width: /units scrolls sideways")
        logout(phone, "operator")
        if public_label:
            # The page the label's QR code opens, at phone width, without signing in.
            visit(phone, public_label, "phone-public-elevator")
            if phone.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1"):
                failures.append(f"phone width: {public_label} scrolls sideways")
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
