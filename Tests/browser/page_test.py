"""The page of `evalsheet serve` in a real headless Chromium: upload the seed TSV and a filled XLSX in import mode
against the seed as baseline, see the findings, download the XLSX and the zip, switch to English; then log in to a server with a token; screenshots in OUT.

Usage: page_test.py EVALSHEET_BINARY OUT_DIR
"""
import glob
import os
import sys
import time
import zipfile

import openpyxl
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from serve_support import ROOT, Server

SEED = os.path.join(ROOT, "Fixtures/tsv/000_e57ca213149e2c8b.txt")
FILLED = os.path.join(ROOT, "Fixtures/import/tampered.xlsx")


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1500,1100", "--lang=zh-CN"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_for_file(folder, pattern, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = [f for f in glob.glob(os.path.join(folder, pattern)) if not f.endswith(".crdownload")]
        if found:
            time.sleep(0.3)
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"no {pattern} downloaded into {folder}")


def rows_checked(count):
    """A wait condition: `count` rows, each showing a status (rows are replaced as results arrive, so ask in one go)."""
    return lambda driver: driver.execute_script(
        "const rows = document.querySelectorAll('#results > tbody > tr');"
        "return rows.length === arguments[0] && [...rows].every(r => r.querySelector(':scope > td.status-ok, :scope > td.status-warnings, :scope > td.status-errors'));",
        count)


def login_flow(binary, out):
    """With --token the page asks for it when the API answers 401, refuses a wrong one, and checks the file after login."""
    server = Server(binary, "--token", "s3cret")
    driver = browser(os.path.abspath(os.path.join(out, "downloads")))
    try:
        driver.get(server.url + "/")
        wait = WebDriverWait(driver, 20)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#layout option"))
        driver.find_element(By.ID, "files").send_keys(SEED)
        wait.until(lambda d: d.find_element(By.ID, "login").is_displayed())
        driver.find_element(By.ID, "token").send_keys("wrong")
        driver.find_element(By.ID, "login-button").click()
        wait.until(lambda d: d.find_element(By.ID, "login-error").text == "口令不正确")
        driver.find_element(By.ID, "token").clear()
        driver.find_element(By.ID, "token").send_keys("s3cret")
        driver.find_element(By.ID, "login-button").click()
        wait.until(rows_checked(1))
        assert not driver.find_element(By.ID, "login").is_displayed()
        driver.save_screenshot(os.path.join(out, "page-after-login.png"))
    finally:
        driver.quit()
        log = server.stop()
    assert any(" POST /api/validate 401 " in line for line in log) and any(" POST /api/login 204 " in line for line in log), log


def main(binary, out):
    downloads = os.path.abspath(os.path.join(out, "downloads"))
    os.makedirs(downloads, exist_ok=True)
    for old in glob.glob(os.path.join(downloads, "*")):
        os.remove(old)
    started = time.time()
    server = Server(binary)
    driver = browser(downloads)
    try:
        driver.get(server.url + "/")
        wait = WebDriverWait(driver, 20)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#layout option"))
        assert "项目支出绩效自评表" in driver.find_element(By.TAG_NAME, "h1").text

        driver.find_element(By.CSS_SELECTOR, "input[name=mode][value=import]").click()
        driver.find_element(By.ID, "baseline").send_keys(SEED)
        driver.find_element(By.ID, "files").send_keys(SEED + "\n" + FILLED)
        try:
            wait.until(rows_checked(2))
        except Exception:
            driver.save_screenshot(os.path.join(out, "page-failed.png"))
            print(driver.execute_script("return [document.querySelectorAll('#results tbody tr').length, document.querySelector('#results tbody').innerHTML.slice(0, 300)]"))
            raise
        seed_row = driver.find_element(By.CSS_SELECTOR, "#results tbody tr[data-file='000_e57ca213149e2c8b.txt']")
        filled_row = driver.find_element(By.CSS_SELECTOR, "#results tbody tr[data-file='tampered.xlsx']")
        assert "党建事务" in seed_row.text and "2023" in seed_row.text, seed_row.text
        assert seed_row.find_element(By.CSS_SELECTOR, "td[class^=status-]").text == "通过", seed_row.text
        findings = filled_row.find_elements(By.CSS_SELECTOR, "table.findings tr")
        assert len(findings) >= 1, filled_row.text
        assert any(f.find_elements(By.TAG_NAME, "td")[0].text for f in findings), "findings name their cells"
        assert "项目信息 · 项目名称" in filled_row.text, "findings name their place in words: " + filled_row.text
        driver.save_screenshot(os.path.join(out, "page-zh.png"))

        seed_row.find_element(By.CSS_SELECTOR, "a[data-format=XLSX]").click()
        workbook_path = wait_for_file(downloads, "*.xlsx")
        assert os.path.basename(workbook_path) == "000_e57ca213149e2c8b.xlsx", workbook_path
        sheet = openpyxl.load_workbook(workbook_path).worksheets[0]
        values = {str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None}
        assert "党建事务" in values and sheet.protection.sheet, "the downloaded XLSX holds the form, protected"

        filled_row.find_element(By.CSS_SELECTOR, "a[data-format='问题标注（XLSX）']").click()
        annotated_path = wait_for_file(downloads, "*-问题标注.xlsx")
        annotated = openpyxl.load_workbook(annotated_path)
        assert annotated.sheetnames == ["项目支出绩效自评表", "问题清单"], annotated.sheetnames
        comment = annotated.worksheets[0]["D2"].comment
        assert comment is not None and "已保留系统值" in comment.text, "the changed greyed cell is commented"

        driver.find_element(By.ID, "zip").click()
        archive = wait_for_file(downloads, "*.zip")
        names = zipfile.ZipFile(archive).namelist()
        assert "report.csv" in names and "report.json" in names and "tampered.xlsx" in names, names

        driver.find_element(By.ID, "language").click()
        wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").text.startswith("Project expenditure"))
        wait.until(lambda d: "warning:" in d.find_element(By.CSS_SELECTOR, "tr[data-file='tampered.xlsx']").text)
        assert driver.find_element(By.CSS_SELECTOR, "th[data-i18n=findings]").text == "Findings"
        driver.save_screenshot(os.path.join(out, "page-en.png"))

        problems = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        assert not problems, f"console errors (a CSP violation?): {problems}"
        assert not server.leftovers(), f"left on disk: {server.leftovers()}"
    finally:
        driver.quit()
        log = server.stop()
    assert any(" POST /api/validate 200 " in line for line in log), log[-5:]
    login_flow(binary, out)
    print(f"browser test passed in {time.time() - started:.1f} s; screenshots in {out}")


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]), sys.argv[2])
