// The page of `evalsheet serve`: checks each dropped form through the API, offers its conversions, zips many at once.
"use strict";

const TEXT = {
  zh: {
    title: "项目支出绩效自评表 转换与检查", switchTo: "English", loginNeeded: "此服务器需要口令。", login: "登录",
    layout: "表样", asRead: "按原表样（读取时识别）", mode: "方式", modeExport: "导出（按文件读取全部字段）", modeImport: "导入（置灰字段以系统数据为准）",
    baseline: "系统基准数据", dropHere: "把自评表文件拖到这里（TXT、TSV、XLSX、JSON，可多选）", choose: "选择文件",
    zipAll: "全部转换并打包下载（.zip）", blankTemplate: "下载空白导入模板", clear: "清空列表",
    file: "文件", project: "项目", year: "年度", unit: "实施单位", status: "状态", findings: "检查结果", downloads: "下载",
    privacy: "文件只在转换期间留在服务器上，转换后即删除。", ok: "通过", warnings: "有警告", errors: "有错误", failed: "无法读取",
    checking: "正在检查", converting: "正在转换并打包", uploading: "正在上传", none: "未发现问题", template: "空白导入模板",
    cell: "单元格", wrongToken: "口令不正确", error: "错误", warning: "警告", annotated: "问题标注（XLSX）",
  },
  en: {
    title: "Project expenditure performance self-evaluation: convert and check", switchTo: "中文", loginNeeded: "This server needs a token.",
    login: "Log in", layout: "Layout", asRead: "As read (found from its labels)", mode: "Mode", modeExport: "Export (every field as read)",
    modeImport: "Import (greyed fields belong to the system)", baseline: "System baseline",
    dropHere: "Drop self-evaluation forms here (TXT, TSV, XLSX, JSON; several at once)", choose: "Choose files",
    zipAll: "Convert all and download (.zip)", blankTemplate: "Download a blank import template", clear: "Clear the list",
    file: "File", project: "Project", year: "Year", unit: "Implementing unit", status: "Status", findings: "Findings",
    downloads: "Downloads", privacy: "Files stay on the server only while they convert; nothing is kept.", ok: "OK",
    warnings: "Warnings", errors: "Errors", failed: "Unreadable", checking: "Checking", converting: "Converting and zipping",
    uploading: "Uploading", none: "No problems found", template: "Blank import template", cell: "Cell", wrongToken: "Wrong token",
    error: "error", warning: "warning", annotated: "Findings marked (XLSX)",
  },
};

let language = localStorage.getItem("evalsheet-language") === "en" ? "en" : "zh";
const entries = []; // { file, row, report }
const layoutNames = {}; // id → name, from /api/layouts

const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[language][key] || key;

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function applyLanguage() {
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  $("language").textContent = t("switchTo");
}

function mode() { return document.querySelector("input[name=mode]:checked").value; }

function query(extra = {}) {
  const parameters = new URLSearchParams({ lang: language, layout: $("layout").value, mode: mode(), ...extra });
  return parameters.toString();
}

function formData(files, field = "file") {
  const data = new FormData();
  for (const file of files) data.append(field, file, file.name);
  if (mode() === "import") for (const baseline of $("baseline").files) data.append("baseline", baseline, baseline.name);
  return data;
}

/** POSTs to the API; shows the login box on 401 and throws the server's one-line message on any refusal. */
async function post(path, body) {
  const response = await fetch(path, { method: "POST", body, credentials: "same-origin" });
  if (response.status === 401) $("login").hidden = false;
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error || message; } catch (_) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

function fileName(response, fallback) {
  const header = response.headers.get("Content-Disposition") || "";
  const match = header.match(/filename\*=UTF-8''([^;]+)/);
  return match ? decodeURIComponent(match[1]) : fallback;
}

async function download(response, fallback) {
  const blob = await response.blob();
  const link = element("a", { href: URL.createObjectURL(blob), download: fileName(response, fallback) });
  document.body.append(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}

function showMessage(text) { $("message").textContent = text || ""; }

function setProgress(done, total, label) {
  $("progress-row").hidden = total === 0 || done >= total;
  $("progress").max = total;
  $("progress").value = done;
  $("progress-text").textContent = `${label} ${done} / ${total}`;
}

function findingsTable(report) {
  if (report.findings.length === 0) return document.createTextNode(t("none"));
  const table = element("table", { class: "findings" });
  for (const finding of report.findings) {
    table.append(element("tr", { class: `severity-${finding.severity}` },
      element("td", {}, finding.cell || ""),
      element("td", {}, finding.place || (finding.label || finding.path || "").replace(/[:：]\s*$/, "")),
      element("td", {}, `${t(finding.severity)}: ${finding.message}`)));
  }
  return table;
}

function downloadLinks(entry) {
  const cell = element("td", { class: "downloads" });
  const links = [
    ["JSON", "/api/convert", { to: "json" }],
    ["TSV UTF-8", "/api/convert", { to: "tsv", encoding: "utf-8" }],
    ["TSV GB18030", "/api/convert", { to: "tsv", encoding: "gb18030" }],
    ["XLSX", "/api/convert", { to: "xlsx" }],
    [t("template"), "/api/template", { to: "xlsx" }],
  ];
  if (entry.report && entry.report.findings && entry.report.findings.length > 0) links.push([t("annotated"), "/api/annotate", {}]);
  for (const [label, path, extra] of links) {
    const link = element("a", { href: "#", "data-format": label }, label);
    link.addEventListener("click", async (event) => {
      event.preventDefault();
      showMessage("");
      try { await download(await post(`${path}?${query(extra)}`, formData([entry.file])), entry.file.name); } catch (error) { showMessage(error.message); }
    });
    cell.append(link);
  }
  return cell;
}

function render(entry) {
  const report = entry.report;
  const row = element("tr", { "data-file": entry.file.name });
  if (!report) {
    row.append(element("td", {}, entry.file.name), element("td", { colspan: "7" }, `${t("checking")}…`));
  } else if (report.error) {
    row.append(element("td", {}, entry.file.name), element("td"), element("td"), element("td"), element("td"),
      element("td", { class: "status-failed" }, t("failed")), element("td", { class: "error" }, report.error), element("td"));
  } else {
    const status = report.errors > 0 ? "errors" : report.warnings > 0 ? "warnings" : "ok";
    row.append(element("td", {}, entry.file.name), element("td", {}, layoutNames[report.layout] || report.layout), element("td", {}, report.project.name),
      element("td", {}, String(report.project.year ?? "")), element("td", {}, report.project.implementingUnit),
      element("td", { class: `status-${status}` }, t(status)), element("td", {}, findingsTable(report)), downloadLinks(entry));
  }
  if (entry.row) entry.row.replaceWith(row); else $("results").tBodies[0].append(row);
  entry.row = row;
}

async function check(entry) {
  try {
    entry.report = await (await post(`/api/validate?${query()}`, formData([entry.file]))).json();
  } catch (error) {
    entry.report = { error: error.message };
  }
  render(entry);
}

/** Checks the entries `jobs` at a time (the server queues the rest anyway), with a progress bar. */
async function checkAll(list) {
  let done = 0;
  setProgress(0, list.length, t("checking"));
  const queue = [...list];
  const worker = async () => {
    while (queue.length > 0) {
      await check(queue.shift());
      setProgress(++done, list.length, t("checking"));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

function addFiles(files) {
  showMessage("");
  const added = [];
  for (const file of files) {
    if (/\.zip$/i.test(file.name)) { zipFiles([file]); continue; }
    const entry = { file, row: null, report: null };
    entries.push(entry);
    render(entry);
    added.push(entry);
  }
  $("zip").disabled = entries.length === 0;
  return checkAll(added);
}

/** Sends the files to /api/batch with upload progress and saves the zip that comes back. */
function zipFiles(files) {
  showMessage("");
  const request = new XMLHttpRequest();
  request.open("POST", `/api/batch?${query({ to: $("zip-format").value })}`);
  request.responseType = "blob";
  request.upload.onprogress = (event) => setProgress(event.loaded, event.total, t("uploading"));
  request.upload.onload = () => { $("progress-row").hidden = false; $("progress").removeAttribute("value"); $("progress-text").textContent = `${t("converting")}…`; };
  request.onloadend = async () => {
    $("progress-row").hidden = true;
    if (request.status === 200) {
      const response = new Response(request.response, { headers: { "Content-Disposition": request.getResponseHeader("Content-Disposition") || "" } });
      await download(response, "evalsheet-batch.zip");
    } else {
      if (request.status === 401) $("login").hidden = false;
      let message = request.statusText || "network error";
      try { message = JSON.parse(await request.response.text()).error; } catch (_) { /* not JSON */ }
      showMessage(message);
    }
  };
  const data = formData(files);
  request.send(data);
}

async function loadLayouts() {
  const response = await fetch("/api/layouts");
  const layouts = await response.json();
  for (const layout of layouts) layoutNames[layout.id] = layout.name;
  // First: write each form in the layout it was read in; the others convert it.
  $("layout").replaceChildren(element("option", { value: "", "data-i18n": "asRead" }, t("asRead")),
    ...layouts.map((layout) => element("option", { value: layout.id }, layout.name)));
}

function recheck() { return checkAll(entries.filter((entry) => entry.report)); }

function wire() {
  const drop = $("drop");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => { event.preventDefault(); drop.classList.remove("over"); addFiles(event.dataTransfer.files); });
  $("files").addEventListener("change", (event) => { addFiles(event.target.files); event.target.value = ""; });
  $("language").addEventListener("click", () => {
    language = language === "zh" ? "en" : "zh";
    localStorage.setItem("evalsheet-language", language);
    applyLanguage();
    recheck();
  });
  for (const radio of document.querySelectorAll("input[name=mode]")) {
    radio.addEventListener("change", () => { $("baseline-row").hidden = mode() !== "import"; recheck(); });
  }
  $("baseline").addEventListener("change", recheck);
  $("layout").addEventListener("change", recheck);
  $("zip").addEventListener("click", () => zipFiles(entries.map((entry) => entry.file)));
  $("blank").addEventListener("click", async () => {
    try { await download(await post(`/api/template?${query({ to: "xlsx" })}`, new FormData()), "导入模板.xlsx"); } catch (error) { showMessage(error.message); }
  });
  $("clear").addEventListener("click", () => { entries.length = 0; $("results").tBodies[0].replaceChildren(); $("zip").disabled = true; });
  $("login-button").addEventListener("click", async () => {
    const data = new FormData();
    data.append("token", $("token").value);
    const response = await fetch("/api/login", { method: "POST", body: data, credentials: "same-origin" });
    $("login-error").textContent = response.ok ? "" : t("wrongToken");
    if (response.ok) { $("login").hidden = true; recheck(); }
  });
}

applyLanguage();
wire();
loadLayouts();
