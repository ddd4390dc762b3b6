#!/usr/bin/env python3
"""Fault suite for the portal's default run: kill -9 during uploads, a full disk, clients that abort downloads,
SIGTERM under load. Started by bench/faults.sh, which explains the arguments; results go to standard output as
Markdown-ready lines. Only 127.0.0.1 is contacted, every wait is bounded, and everything it starts it stops."""

import argparse
import asyncio
import hashlib
import http.client
import os
import re
import resource
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import zlib

HOST = "127.0.0.1"
MB = 1024 * 1024


def log(message):
    print(message, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_until(condition, timeout, step=0.1):
    """Polls condition() until it answers something truthy; None after timeout seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return None


# --- PostgreSQL: just enough of the wire protocol (trust authentication, simple queries) to check the rows ---

def pg_query(port, sql):
    with socket.create_connection((HOST, port), timeout=10) as s:
        params = b"user\0postgres\0database\0postgres\0\0"
        s.sendall(struct.pack("!ii", 8 + len(params), 196608) + params)
        rows, error = [], None

        def read_exact(n):
            data = b""
            while len(data) < n:
                chunk = s.recv(n - len(data))
                if not chunk:
                    raise ConnectionError("PostgreSQL closed the connection")
                data += chunk
            return data

        def messages():
            while True:
                kind = read_exact(1)
                length = struct.unpack("!i", read_exact(4))[0]
                yield kind, read_exact(length - 4)

        stream = messages()
        for kind, body in stream:
            if kind == b"R" and struct.unpack("!i", body[:4])[0] != 0:
                raise RuntimeError("PostgreSQL asks for a password; the embedded server trusts local users")
            if kind == b"Z":
                break
        query = sql.encode() + b"\0"
        s.sendall(b"Q" + struct.pack("!i", 4 + len(query)) + query)
        for kind, body in stream:
            if kind == b"D":
                count = struct.unpack("!h", body[:2])[0]
                offset, row = 2, []
                for _ in range(count):
                    size = struct.unpack("!i", body[offset:offset + 4])[0]
                    offset += 4
                    if size < 0:
                        row.append(None)
                    else:
                        row.append(body[offset:offset + size].decode())
                        offset += size
                rows.append(row)
            elif kind == b"E":
                error = body.decode(errors="replace")
            elif kind == b"Z":
                break
        if error:
            raise RuntimeError(error)
        return rows


# --- The portal process ---

class Portal:
    """One run of the portal: java with the classpath Maven uses for spring-boot:run, on a given data directory."""

    def __init__(self, suite, name, data, files, extra=()):
        self.suite, self.name, self.data, self.files, self.extra = suite, name, data, files, list(extra)
        self.port = free_port()
        self.pg_port = free_port()
        self.process = None
        self.logfile = None
        self.starts = 0

    @property
    def base(self):
        return "http://%s:%d" % (HOST, self.port)

    def arguments(self):
        return ["--congvan.embedded-postgres.data-directory=" + self.data,
                "--congvan.embedded-postgres.port=%d" % self.pg_port,
                "--congvan.attachment.storage-root=" + self.files,
                "--server.port=%d" % self.port,
                "--management.server.port=0",
                "--server.address=" + HOST,
                "--congvan.attachment.max-file-size=60MB",
                "--congvan.attachment.max-total-size=2GB",
                "--spring.servlet.multipart.max-file-size=100MB",
                "--spring.servlet.multipart.max-request-size=200MB",
                "--congvan.attachment.reconcile-first-after=PT20S",
                "--congvan.attachment.reconcile-every=PT15S",
                "--congvan.attachment.reconcile-grace=PT30S",
                # No mail server here: the outbox waits (ADR 0013), and it should not try every few seconds.
                "--congvan.notification.first-send-after=PT1H"] + self.extra

    def start(self):
        """Starts once (no retry) and answers the seconds it took, or raises with the log's end."""
        self.starts += 1
        path = os.path.join(self.suite.work, "%s-%d.log" % (self.name, self.starts))
        self.logfile = path
        began = time.monotonic()
        with open(path, "wb") as out:
            self.process = subprocess.Popen(
                [self.suite.java, "-XX:TieredStopAtLevel=1", "-cp", self.suite.classpath,
                 "vn.congvan.CongvanApplication"] + self.arguments(),
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        # The demo data (and its accounts) are loaded by a runner after "Started ..."; its banner ends the start.
        started = wait_until(lambda: self.process.poll() is not None or "Tài khoản mẫu" in self.log(), 240, 0.25)
        if not started or self.process.poll() is not None:
            raise RuntimeError("%s did not start (exit %s); end of %s:\n%s" % (
                self.name, self.process.poll(), path, self.log()[-3000:]))
        return time.monotonic() - began

    def log(self):
        try:
            with open(self.logfile, encoding="utf-8", errors="replace") as f:
                return f.read()
        except FileNotFoundError:
            return ""

    @property
    def pid(self):
        return self.process.pid

    def kill9(self):
        os.kill(self.pid, signal.SIGKILL)
        self.process.wait(30)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.kill(self.pid, signal.SIGTERM)
            try:
                self.process.wait(90)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
        self.stop_orphan()

    def stop_orphan(self):
        """After the suite: a postmaster still holding the data directory (only if something above failed)."""
        pid_file = os.path.join(self.data, "postmaster.pid")
        if os.path.exists(pid_file):
            try:
                pid = int(open(pid_file).readline())
                os.kill(pid, signal.SIGINT)
                wait_until(lambda: not os.path.exists("/proc/%d" % pid), 30)
            except (ValueError, ProcessLookupError):
                pass

    def postmaster(self):
        pid_file = os.path.join(self.data, "postmaster.pid")
        try:
            pid = int(open(pid_file).readline())
        except (FileNotFoundError, ValueError):
            return None
        return pid if os.path.exists("/proc/%d" % pid) else None

    def fds(self):
        return len(os.listdir("/proc/%d/fd" % self.pid))

    def threads(self):
        with open("/proc/%d/status" % self.pid) as f:
            for line in f:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
        return -1

    # The file store as the checks see it
    def spool_dir(self):
        root = os.path.normpath(os.path.abspath(self.files))
        return os.path.join(tempfile.gettempdir(),
                            "congvan-upload-spool-" + hashlib.sha256(root.encode()).hexdigest()[:12])

    def stored_keys(self):
        objects = os.path.join(self.files, "objects")
        keys = {}
        for folder, _, names in os.walk(objects):
            for name in names:
                if re.fullmatch(r"[0-9a-f]{32}", name):
                    keys[name] = os.path.getsize(os.path.join(folder, name))
        return keys

    def leftovers(self):
        staging = os.path.join(self.files, "staging")
        spool = self.spool_dir()
        return {"staging": sorted(os.listdir(staging)) if os.path.isdir(staging) else [],
                "spool": sorted(os.listdir(spool)) if os.path.isdir(spool) else []}

    def rows(self):
        return {key: int(size) for key, size in
                pg_query(self.pg_port, "select storage_key, size_bytes from attachment")}


# --- HTTP as a browser does it: session cookie, CSRF token ---

class Browser:

    def __init__(self, portal):
        self.portal = portal
        self.cookies = {}

    def connection(self, timeout=60):
        return http.client.HTTPConnection(HOST, self.portal.port, timeout=timeout)

    def cookie_header(self):
        return "; ".join("%s=%s" % item for item in self.cookies.items())

    def remember(self, response):
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]

    def request(self, method, path, body=None, headers=None, timeout=60):
        conn = self.connection(timeout)
        try:
            all_headers = {"Cookie": self.cookie_header(), "Accept-Language": "vi"}
            all_headers.update(headers or {})
            conn.request(method, path, body=body, headers=all_headers)
            response = conn.getresponse()
            data = response.read()
            self.remember(response)
            return response.status, dict((k.lower(), v) for k, v in response.getheaders()), data
        finally:
            conn.close()

    def form_token(self, path):
        status, _, page = self.request("GET", path)
        match = re.search(rb'name="_csrf" value="([^"]+)"', page) or re.search(rb'name="_csrf" content="([^"]+)"',
                                                                                   page)
        if status != 200 or not match:
            raise RuntimeError("no CSRF token on %s (status %d)" % (path, status))
        return match.group(1).decode()

    def post_form(self, path, token_page, fields):
        fields = dict(fields)
        fields["_csrf"] = self.form_token(token_page)
        return self.request("POST", path, urllib.parse.urlencode(fields, doseq=True),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def log_in(self, username="vanthu", password="Demo@2023"):
        status, headers, _ = self.post_form("/dang-nhap", "/dang-nhap", {"username": username, "password": password})
        if status != 302 or "dang-nhap" in headers.get("location", ""):
            raise RuntimeError("login of %s failed: %d %s" % (username, status, headers.get("location")))

    def new_draft(self, subject):
        status, headers, _ = self.post_form("/quan-ly/cong-van/moi", "/quan-ly/cong-van/moi", {
            "family": "PARTY", "typeCode": "CV", "subject": subject, "body": "Nội dung kiểm thử sự cố.",
            "urgency": "NORMAL", "visibility": "RESTRICTED", "addresseeLines": "Các đơn vị",
            "distributionLines": "Như trên", "version": "0"})
        match = re.search(r"/quan-ly/cong-van/(\d+)$", headers.get("location", ""))
        if status != 302 or not match:
            raise RuntimeError("draft not created: %d %s" % (status, headers.get("location")))
        return int(match.group(1))

    def upload(self, draft, filename, content, script=True, on_progress=None, rate=None, timeout=120):
        """Streams one file as the upload form does; on_progress(sent, total) may answer False to stop sending
        (the connection is then left open: the caller kills the server). Answers (status, body) or None."""
        boundary = "----congvanfaults" + os.urandom(8).hex()
        fields = b""
        headers = {"Cookie": self.cookie_header(), "Accept-Language": "vi"}
        if script:
            page = self.request("GET", "/quan-ly/cong-van/%d" % draft)[2]
            token = re.search(rb'<meta name="_csrf" content="([^"]+)"', page).group(1).decode()
            header = re.search(rb'<meta name="_csrf_header" content="([^"]+)"', page).group(1).decode()
            headers.update({header: token, "X-Requested-With": "XMLHttpRequest"})
        else:
            # A browser posting the form asks for a page (the error page comes as HTML, not as JSON).
            headers["Accept"] = "text/html,application/xhtml+xml,*/*;q=0.8"
            token = self.form_token("/quan-ly/cong-van/%d" % draft)
            fields += ("--%s\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n"
                       % (boundary, token)).encode()
        fields += ("--%s\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nAPPENDIX\r\n" % boundary).encode()
        head = fields + ("--%s\r\nContent-Disposition: form-data; name=\"files\"; filename=\"%s\"\r\n"
                         "Content-Type: application/octet-stream\r\n\r\n" % (boundary, filename)).encode()
        tail = ("\r\n--%s--\r\n" % boundary).encode()
        total = len(head) + len(content) + len(tail)
        headers.update({"Content-Type": "multipart/form-data; boundary=" + boundary, "Content-Length": str(total)})
        conn = self.connection(timeout)
        conn.putrequest("POST", "/quan-ly/cong-van/%d/tep" % draft)
        for name, value in headers.items():
            conn.putheader(name, value)
        conn.endheaders()
        body = memoryview(head + content + tail)
        sent, chunk, began = 0, 256 * 1024, time.monotonic()
        try:
            while sent < total:
                conn.send(body[sent:sent + chunk])
                sent = min(total, sent + chunk)
                if rate:
                    ahead = sent / rate - (time.monotonic() - began)
                    if ahead > 0:
                        time.sleep(ahead)
                if on_progress and on_progress(sent, total) is False:
                    return None
            response = conn.getresponse()
            return response.status, response.read().decode("utf-8", errors="replace")
        except (ConnectionError, http.client.HTTPException, socket.timeout) as ex:
            return "connection: %s" % type(ex).__name__, ""
        finally:
            conn.close()

    def attachments(self, draft):
        page = self.request("GET", "/quan-ly/cong-van/%d" % draft)[2].decode()
        return sorted(set(int(n) for n in re.findall(r"/quan-ly/cong-van/%d/tep/(\d+)" % draft, page)))


def png(size):
    """A real 1x1 PNG (the portal reads its header) padded after IEND with random bytes up to size."""
    def chunk(kind, data):
        return struct.pack("!I", len(data)) + kind + data + struct.pack("!I", zlib.crc32(kind + data) & 0xffffffff)
    image = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack("!IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
             + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))
    return image + os.urandom(size - len(image))


# --- The suite ---

class Suite:

    def __init__(self, args):
        self.args = args
        self.work = tempfile.mkdtemp(prefix="congvan-faults-")
        self.java = args.java
        self.classpath = open(args.classpath_file).read().strip()
        self.portals = []
        self.failures = []

    def check(self, condition, what):
        log("- %s: %s" % ("ok" if condition else "**FAILED**", what))
        if not condition:
            self.failures.append(what)

    def portal(self, name, extra=()):
        portal = Portal(self, name, os.path.join(self.work, name, "pg"), os.path.join(self.work, name, "files"),
                        extra)
        self.portals.append(portal)
        return portal

    def integrity(self, portal, label):
        """No attachment row without its whole file; answers the stored files no row claims."""
        rows, stored = portal.rows(), portal.stored_keys()
        missing = [key for key in rows if stored.get(key) != rows[key]]
        self.check(not missing, "%s: every attachment row has its whole file (%d rows, %d files)"
                   % (label, len(rows), len(stored)))
        return [key for key in stored if key not in rows]

    def await_reconciler(self, portal, label):
        """Waits (bounded) for the scheduled reconciler to leave nothing unclaimed behind."""
        began = time.monotonic()

        def clean():
            left = portal.leftovers()
            unclaimed = [key for key in portal.stored_keys() if key not in portal.rows()]
            return not left["staging"] and not left["spool"] and not unclaimed
        done = wait_until(clean, 120, 1)
        removed = re.findall(r"Removed (\d+) stored files", portal.log())
        left = portal.leftovers()
        self.check(bool(done), "%s: after the reconciler (%.0f s after the check began; it logged %s): staging %d, "
                   "spool %d, unclaimed files %d" % (
                       label, time.monotonic() - began, "removed " + "+".join(removed) if removed else "nothing",
                       len(left["staging"]), len(left["spool"]),
                       len([k for k in portal.stored_keys() if k not in portal.rows()])))

    # a. kill -9 during uploads
    def kills(self):
        log("\n## a. kill -9 during a 50 MB upload\n")
        portal = self.portal("kills")
        seconds = portal.start()
        log("portal started in %.1f s (pid %d, HTTP %d, PostgreSQL %d)" % (seconds, portal.pid, portal.port,
                                                                           portal.pg_port))
        browser = Browser(portal)
        browser.log_in()
        draft = browser.new_draft("Kiểm thử kill -9 khi tải tệp lên")
        content = png(50 * MB)
        for point in ("10%", "50%", "99%", "after the move into place", "after the commit"):
            log("\n### kill -9 %s\n" % point)
            before_rows = portal.rows()
            spool = portal.spool_dir()
            killed = {}

            def spooled():
                try:
                    return sum(os.path.getsize(os.path.join(spool, n)) for n in os.listdir(spool))
                except FileNotFoundError:
                    return 0

            if point.endswith("%"):
                fraction = int(point[:-1]) / 100

                def progress(sent, total, fraction=fraction):
                    if sent < total * fraction:
                        return True
                    # The server has what was sent once its spool file stops growing (or reaches the mark).
                    target = len(content) * fraction * 0.98
                    last = [-1]

                    def arrived():
                        size = spooled()
                        steady = size == last[0]
                        last[0] = size
                        return size >= target or (steady and size > 0)
                    wait_until(arrived, 20, 0.2)
                    killed["spooled"] = spooled()
                    portal.kill9()
                    return False
                result = browser.upload(draft, "lon-%s.png" % point[:-1], content, on_progress=progress)
                log("killed with %.1f MB of 50 MB spooled on the server (%.0f %%)" % (
                    killed.get("spooled", 0) / MB, 100 * killed.get("spooled", 0) / len(content)))
            elif point.startswith("after the move"):
                objects_before = set(portal.stored_keys())
                watcher_result = {}

                def watch():
                    key = wait_until(lambda: set(portal.stored_keys()) - objects_before, 120, 0.001)
                    if key:
                        portal.kill9()
                        watcher_result["key"] = key
                watcher = threading.Thread(target=watch)
                watcher.start()
                result = browser.upload(draft, "lon-move.png", content)
                watcher.join()
                if portal.process.poll() is None:
                    portal.kill9()
                log("killed %s (upload answered: %s)" % (
                    "as the file appeared under objects/" if watcher_result else "after the answer", result))
            else:
                result = browser.upload(draft, "lon-commit.png", content)
                portal.kill9()
                log("upload answered %s; killed right after" % (result[0] if result else result,))
            orphan = portal.postmaster()
            left = portal.leftovers()
            log("after the kill: PostgreSQL of the killed portal %s; staging %d, spool %d files" % (
                "still running (pid %d)" % orphan if orphan else "gone", len(left["staging"]), len(left["spool"])))
            try:
                seconds = portal.start()
            except RuntimeError as ex:
                self.check(False, "first restart after kill -9 %s: %s" % (point, str(ex)[:500]))
                raise
            stopped = "still running on" in portal.log()
            self.check(True, "first restart after kill -9 %s came up in %.1f s%s" % (
                point, seconds, " (it stopped the server the killed portal had left)" if stopped else ""))
            browser = Browser(portal)
            browser.log_in()
            rows = portal.rows()
            new_rows = len(rows) - len(before_rows)
            log("attachment rows added by the killed upload: %d" % new_rows)
            if point == "after the commit":
                self.check(new_rows == 1, "the committed upload survived the kill")
            unclaimed = self.integrity(portal, "restart after kill -9 %s" % point)
            left = portal.leftovers()
            log("before the reconciler: staging %d, spool %d, unclaimed files %d" % (
                len(left["staging"]), len(left["spool"]), len(unclaimed)))
            self.await_reconciler(portal, "kill -9 %s" % point)
        self.kill_portal, self.kill_draft = portal, draft

    def prepare(self):
        """Without part a: a portal with a draft holding one 50 MB file, for parts c and d."""
        portal = self.portal("kills")
        log("portal started in %.1f s" % portal.start())
        browser = Browser(portal)
        browser.log_in()
        draft = browser.new_draft("Kiểm thử tải tệp")
        status = browser.upload(draft, "lon.png", png(50 * MB))
        if not status or status[0] != 200:
            raise RuntimeError("the 50 MB upload failed: %s" % (status,))
        self.kill_portal, self.kill_draft = portal, draft

    # b. a full disk
    def full_disk(self):
        log("\n## b. A full disk (tmpfs of 8 MB as the file store)\n")
        portal = self.portal("fulldisk")
        os.makedirs(portal.files, exist_ok=True)
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", portal.files],
                                 capture_output=True, text=True)
        if mounted.returncode != 0:
            log("mount -t tmpfs is not permitted here (%s); part b is not run" % mounted.stderr.strip())
            self.failures.append("b not run: no tmpfs")
            return
        try:
            portal.start()
            browser = Browser(portal)
            browser.log_in()
            draft = browser.new_draft("Kiểm thử đĩa đầy")
            small = png(1 * MB)
            status = browser.upload(draft, "nho.png", small)
            self.check(status and status[0] == 200, "a 1 MB upload fits: %s" % (status[0] if status else status,))
            attachment = browser.attachments(draft)[0]
            free = shutil.disk_usage(portal.files).free
            log("free on the store: %.1f MB" % (free / MB))
            stored_before = len(portal.stored_keys())
            for script in (True, False):
                status, body = browser.upload(draft, "lon.png", png(12 * MB), script=script)
                text = body
                self.check(status == 507 and "Máy chủ không còn đủ chỗ lưu tệp. Vui lòng báo quản trị viên." in text,
                           "12 MB upload %s: %s, message %s" % (
                               "by the upload script" if script else "by the plain form", status,
                               "present" if "Máy chủ không còn đủ chỗ lưu tệp" in text else "missing"))
                # The container deletes the spooled parts when it recycles the request, just after the answer.
                wait_until(lambda: not any(portal.leftovers().values()), 10)
                left = portal.leftovers()
                self.check(not left["staging"] and not left["spool"] and len(portal.stored_keys()) == stored_before,
                           "nothing of it kept (staging %d, spool %d, stored files %d); free again: %.1f MB" % (
                               len(left["staging"]), len(left["spool"]), len(portal.stored_keys()),
                               shutil.disk_usage(portal.files).free / MB))
            # Fill the disk to the last byte: existing files are still served.
            filler = os.path.join(portal.files, "filler")
            with open(filler, "wb") as f:
                try:
                    while True:
                        f.write(b"\0" * 65536)
                except OSError:
                    pass
            try:
                log("disk filled: %d bytes free" % shutil.disk_usage(portal.files).free)
                status, _, data = browser.request("GET", "/quan-ly/cong-van/%d/tep/%d/tai-ve" % (draft, attachment))
                self.check(status == 200 and hashlib.sha256(data).digest() == hashlib.sha256(small).digest(),
                           "download of the existing file on a full disk: %d, %s" % (
                               status, "intact" if data == small else "differs"))
                status, body = browser.upload(draft, "nho2.png", png(200 * 1024))
                self.check(status == 507, "even a 200 KB upload on a full disk: %s" % status)
                status, _, page = browser.request("GET", "/quan-ly/cong-van/%d" % draft)
                self.check(status == 200, "the draft page still opens: %d" % status)
            finally:
                os.remove(filler)
        finally:
            portal.stop()
            subprocess.run(["umount", portal.files], check=False)

    # c. 1,000 aborted downloads
    def aborted_downloads(self):
        log("\n## c. 1,000 clients that abort mid-download\n")
        portal, draft = self.kill_portal, self.kill_draft
        browser = Browser(portal)
        browser.log_in()
        attachment = int(pg_query(portal.pg_port, "select id from attachment where dispatch_id = %d "
                                               "order by size_bytes desc limit 1" % draft)[0][0])
        path = "/quan-ly/cong-van/%d/tep/%d/tai-ve" % (draft, attachment)
        cookie = browser.cookie_header()
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))

        async def one(results):
            try:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, portal.port), 30)
                writer.write(("GET %s HTTP/1.1\r\nHost: %s:%d\r\nCookie: %s\r\n\r\n" % (
                    path, HOST, portal.port, cookie)).encode())
                await writer.drain()
                got = 0
                while got < 8192:
                    data = await asyncio.wait_for(reader.read(4096), 30)
                    if not data:
                        break
                    got += len(data)
                writer.transport.abort()
                results.append(got >= 8192)
            except (OSError, asyncio.TimeoutError):
                results.append(False)

        async def wave(count):
            results = []
            await asyncio.gather(*(one(results) for _ in range(count)))
            return results

        def sample():
            return portal.fds(), portal.threads()

        # Settled: a minute without requests lets the request threads beyond the core ones retire (idle 60 s).
        time.sleep(5)
        baseline = sample()
        log("before: %d file descriptors, %d threads" % baseline)
        figures = [("before", baseline)]
        for round_ in (1, 2):
            began = time.monotonic()
            results = asyncio.run(wave(1000))
            log("round %d: %d of 1000 clients got their first 8 KB and aborted, in %.1f s; right after: %d fds, "
                "%d threads" % ((round_, sum(results), time.monotonic() - began) + sample()))
            for settle in (10, 70):
                time.sleep(settle if settle == 10 else settle - 10)
                figures.append(("round %d + %d s" % (round_, settle), sample()))
                log("round %d, %d s later: %d fds, %d threads" % ((round_, settle) + sample()))
        after1, after2 = figures[2][1], figures[4][1]
        self.check(after2[0] <= after1[0] + 5 and after2[1] <= after1[1] + 5,
                   "no growth from round 1 to round 2 once settled (fds %d -> %d, threads %d -> %d)"
                   % (after1[0], after2[0], after1[1], after2[1]))
        self.check(after2[0] <= baseline[0] + 10,
                   "file descriptors back near the start: %d before, %d after" % (baseline[0], after2[0]))
        status, _, _ = browser.request("GET", path, headers={"Range": "bytes=0-1023"})
        self.check(status == 206, "the file is still served afterwards: %d" % status)

    # d. SIGTERM under load
    def sigterm(self):
        log("\n## d. SIGTERM during downloads and uploads\n")
        log("spring.lifecycle.timeout-per-shutdown-phase=30s; SendfileDrain waits for sendfile downloads within it.")
        portal, draft = self.kill_portal, self.kill_draft
        variants = [("downloads and uploads, sendfile on (the default)", True, []),
                    ("downloads only, sendfile on", False, []),
                    ("downloads and uploads, sendfile off", True, ["--congvan.attachment.sendfile=false"]),
                    ("downloads only, sendfile off", False, ["--congvan.attachment.sendfile=false"])]
        base_extra = list(portal.extra)
        for name, with_uploads, extra in variants:
            log("\n### %s\n" % name)
            if portal.process.poll() is not None or portal.extra != base_extra + extra:
                if portal.process.poll() is None:
                    portal.stop()
                portal.extra = base_extra + extra
                log("portal (re)started in %.1f s" % portal.start())
            self.sigterm_once(portal, draft, with_uploads, name)
        portal.extra = base_extra
        seconds = portal.start()
        log("\nrestarted in %.1f s" % seconds)
        self.integrity(portal, "after the SIGTERMs")
        self.await_reconciler(portal, "after the SIGTERMs")

    def sigterm_once(self, portal, draft, with_uploads, name):
        browser = Browser(portal)
        browser.log_in()
        attachment = int(pg_query(portal.pg_port, "select id from attachment where dispatch_id = %d "
                                               "order by size_bytes desc limit 1" % draft)[0][0])
        path = "/quan-ly/cong-van/%d/tep/%d/tai-ve" % (draft, attachment)
        status, headers, whole = browser.request("GET", path)
        digest = hashlib.sha256(whole).hexdigest()
        downloads, uploads = [], []

        def download(rate, index):
            conn = browser.connection(120)
            got, began = hashlib.sha256(), time.monotonic()
            size = 0
            try:
                conn.request("GET", path, headers={"Cookie": browser.cookie_header()})
                response = conn.getresponse()
                while True:
                    data = response.read(64 * 1024)
                    if not data:
                        break
                    got.update(data)
                    size += len(data)
                    ahead = size / rate - (time.monotonic() - began)
                    if ahead > 0:
                        time.sleep(ahead)
                downloads.append((index, rate, response.status, size, got.hexdigest() == digest,
                                  time.monotonic() - began))
            except Exception as ex:
                downloads.append((index, rate, type(ex).__name__, size, False, time.monotonic() - began))
            finally:
                conn.close()

        def upload(index):
            result = browser.upload(draft, "sigterm-%d.png" % index, png(20 * MB), rate=2 * MB, timeout=120)
            uploads.append((index, result[0] if result else result))

        # 10 downloads that need about 10 s, 2 that need about 50 s (beyond the 30 s graceful timeout), and maybe
        # 2 uploads of 20 MB at 2 MB/s (about 10 s).
        threads = [threading.Thread(target=download, args=(5 * MB, i)) for i in range(10)]
        threads += [threading.Thread(target=download, args=(1 * MB, 10 + i)) for i in range(2)]
        if with_uploads:
            threads += [threading.Thread(target=upload, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        time.sleep(2)
        began = time.monotonic()
        os.kill(portal.pid, signal.SIGTERM)
        try:
            code = portal.process.wait(120)
        except subprocess.TimeoutExpired:
            code = None
        took = time.monotonic() - began
        for t in threads:
            t.join(180)
        log("SIGTERM 2 s into the transfers: the process exited after %.1f s with status %s" % (took, code))
        for index, rate, status, size, intact, seconds in sorted(downloads):
            log("- download %2d at %d MB/s: %s, %.1f of %.1f MB, %s, %.1f s" % (
                index, rate // MB, status, size / MB, len(whole) / MB, "intact" if intact else "incomplete",
                seconds))
        for index, status in sorted(uploads):
            log("- upload %d (20 MB at 2 MB/s): %s" % (index, status))
        self.check(code is not None and took < 30 + 15,
                   "%s: exited within the graceful timeout (30 s) and the context's close: %.1f s, status %s"
                   % (name, took, code))
        fast = [d for d in downloads if d[1] == 5 * MB]
        log("- %s: downloads that fit in the timeout completed intact: %d of %d" % (
            name, sum(1 for d in fast if d[4]), len(fast)))
        if with_uploads:
            self.check(all(status == 200 for _, status in uploads),
                       "%s: the uploads under way completed" % name)
        self.check(portal.postmaster() is None and not os.path.exists(os.path.join(portal.data, "postmaster.pid")),
                   "%s: PostgreSQL was stopped by the portal's own shutdown (no postmaster.pid left)" % name)
        left = portal.leftovers()
        self.check(not left["staging"] and not left["spool"],
                   "%s: after the exit: staging %d, spool %d" % (name, len(left["staging"]), len(left["spool"])))

    def run(self):
        parts = self.args.parts
        try:
            if "a" in parts:
                self.kills()
            elif "c" in parts or "d" in parts:
                self.prepare()
            if "b" in parts:
                self.full_disk()
            if "c" in parts:
                self.aborted_downloads()
            if "d" in parts:
                self.sigterm()
        finally:
            for portal in self.portals:
                portal.stop()
                shutil.rmtree(portal.spool_dir(), ignore_errors=True)
            if not self.args.keep:
                shutil.rmtree(self.work, ignore_errors=True)
            else:
                log("\nwork directory kept: %s" % self.work)
        log("\n%d failed checks%s" % (len(self.failures), "".join("\n- " + f for f in self.failures)))
        return 1 if self.failures else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--java", required=True)
    parser.add_argument("--classpath-file", required=True)
    parser.add_argument("--parts", default="abcd")
    parser.add_argument("--keep", action="store_true")
    sys.exit(Suite(parser.parse_args()).run())


if __name__ == "__main__":
    main()
