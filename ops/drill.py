#!/usr/bin/env python3
"""Restore drill (ADR 0049), started by ops/drill.sh: a portal with the demo data and new uploads is backed up while it
runs, an empty installation is restored from the backup, and the portal started on it must hold every dispatch,
every account and every file (by SHA-256) it held. Only 127.0.0.1 is contacted; every wait is bounded; the portals
it starts it stops."""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench"))
from faults import Browser, pg_query, png  # noqa: E402  (the fault suite's HTTP client and PostgreSQL wire client)

HOST = "127.0.0.1"


def log(message):
    print(message, flush=True)


class Portal:

    def __init__(self, java, classpath, home, http_port, pg_port, demo):
        self.java, self.classpath, self.home = java, classpath, home
        self.port, self.pg_port, self.demo = http_port, pg_port, demo
        self.process = None

    def start(self):
        arguments = [
            "--server.port=%d" % self.port,
            "--management.server.port=0",
            "--congvan.embedded-postgres.port=%d" % self.pg_port,
            "--congvan.embedded-postgres.data-directory=%s" % os.path.join(self.home, "postgres"),
            "--congvan.attachment.storage-root=%s" % os.path.join(self.home, "files"),
            "--congvan.attachment.scan.mode=off",
            "--congvan.demo.enabled=%s" % str(self.demo).lower(),
        ]
        self.output = open(os.path.join(self.home, "portal.log"), "ab")
        self.process = subprocess.Popen([self.java, "-cp", self.classpath, "vn.congvan.CongvanApplication"] + arguments,
                                        stdout=self.output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the portal stopped; see %s/portal.log" % self.home)
            try:
                with urllib.request.urlopen("http://%s:%d/readyz" % (HOST, self.port), timeout=5) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(1)
        raise RuntimeError("the portal did not start within 300 s; see %s/portal.log" % self.home)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(120)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.output.close()


def state(pg_port, store):
    """What must come back: every dispatch, account and attachment row (search vectors left out: the database
    derives them), and every stored file's SHA-256."""
    def rows(table):
        vectors = [r[0] for r in pg_query(pg_port, "select column_name from information_schema.columns where "
                                                   "table_name = '%s' and data_type = 'tsvector'" % table)]
        minus = "".join(" - '%s'" % column for column in vectors)
        return {r[0]: r[1] for r in pg_query(pg_port, "select id::text, md5((to_jsonb(t)%s)::text) from %s t"
                                                      % (minus, table))}
    files = {}
    for key, sha256 in pg_query(pg_port, "select storage_key, sha256 from attachment union "
                                         "select storage_key, sha256 from report_file"):
        path = os.path.join(store, "objects", key[0:2], key[2:4], key)
        if os.path.isfile(path):
            with open(path, "rb") as f:
                files[key] = (sha256, hashlib.sha256(f.read()).hexdigest())
        else:
            files[key] = (sha256, None)
    return {"dispatch": rows("dispatch"), "account": rows("account"), "attachment": rows("attachment"),
            "files": files}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--java", required=True)
    parser.add_argument("--classpath-file", required=True)
    parser.add_argument("--jar")
    parser.add_argument("--http-port", type=int, default=18170)
    parser.add_argument("--pg-port", type=int, default=15670)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    with open(args.classpath_file) as f:
        classpath = f.read().strip()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    work = tempfile.mkdtemp(prefix="congvan-drill-")
    failures = []

    def check(condition, what):
        log(("  ok    " if condition else "  FAIL  ") + what)
        if not condition:
            failures.append(what)

    source = Portal(args.java, classpath, os.path.join(work, "source"), args.http_port, args.pg_port, True)
    restored = Portal(args.java, classpath, os.path.join(work, "restored"), args.http_port, args.pg_port, False)
    os.makedirs(source.home)
    backups = os.path.join(work, "backups")
    try:
        log("1. the portal with the demo data (HTTP %d, PostgreSQL %d)" % (args.http_port, args.pg_port))
        started = time.monotonic()
        source.start()
        log("   started in %.0f s" % (time.monotonic() - started))
        clerk = Browser(source)
        clerk.log_in("vanthu")
        draft = clerk.new_draft("Về việc diễn tập sao lưu và khôi phục")
        uploads = {}
        for name, size in (("so-do-1.png", 3 * 1024 * 1024), ("so-do-2.png", 200 * 1024)):
            content = png(size)
            status, _ = clerk.upload(draft, name, content)
            check(status == 200, "upload of %s (%d bytes) as vanthu answers 200 (got %s)" % (name, size, status))
            uploads[name] = hashlib.sha256(content).hexdigest()
        attachment_ids = clerk.attachments(draft)
        check(len(attachment_ids) == 2, "the draft %d lists both uploads" % draft)

        before = state(args.pg_port, os.path.join(source.home, "files"))
        env = dict(os.environ, SPRING_DATASOURCE_URL="jdbc:postgresql://%s:%d/postgres" % (HOST, args.pg_port),
                   SPRING_DATASOURCE_USERNAME="postgres", CONGVAN_STORAGE_ROOT=os.path.join(source.home, "files"))
        env.pop("CONGVAN_CLASSPATH", None)
        if args.jar:
            env["CONGVAN_JAR"] = args.jar
        else:
            env["CONGVAN_CLASSPATH"] = classpath
        log("2. ops/backup.sh three times while the portal runs, keeping 2 (%s)"
            % ("the executable jar, as in production" if args.jar else "from the class path"))
        for _ in range(3):
            out = subprocess.run([os.path.join(root, "ops", "backup.sh"), "--to=" + backups, "--keep=2"], env=env,
                                 capture_output=True, text=True, timeout=600)
            log("   " + (out.stdout + out.stderr).strip().replace("\n", "\n   "))
            check(out.returncode == 0, "ops/backup.sh exits 0")
            time.sleep(1)  # backups are named by the second
        kept = sorted(d for d in os.listdir(backups) if d.startswith("congvan-"))
        check(len(kept) == 2, "retention keeps the 2 newest backups (%s)" % ", ".join(kept))
        newest = os.path.join(backups, kept[-1])
        sums = subprocess.run(["sha256sum", "-c", "--quiet", "files.sha256"], cwd=newest, capture_output=True,
                              text=True)
        check(sums.returncode == 0, "sha256sum -c files.sha256 passes in the backup itself")
        source.stop()
        log("3. the portal stopped; restore into an empty installation (new data directory and store)")
        os.makedirs(restored.home)
        env["CONGVAN_CLASSPATH"] = classpath
        out = subprocess.run([os.path.join(root, "ops", "restore.sh"), "--from=" + backups,
                              "--embedded-data-directory=" + os.path.join(restored.home, "postgres"),
                              "--embedded-port=%d" % args.pg_port, "--store=" + os.path.join(restored.home, "files")],
                             env=env, capture_output=True, text=True, timeout=600)
        log("   " + (out.stdout + out.stderr).strip().replace("\n", "\n   "))
        check(out.returncode == 0, "ops/restore.sh exits 0")
        again = subprocess.run([os.path.join(root, "ops", "restore.sh"), "--from=" + backups,
                                "--embedded-data-directory=" + os.path.join(restored.home, "postgres"),
                                "--embedded-port=%d" % args.pg_port,
                                "--store=" + os.path.join(restored.home, "files")],
                               env=env, capture_output=True, text=True, timeout=600)
        check(again.returncode == 1 and "--force" in again.stderr,
              "a second restore into the now non-empty installation is refused")

        log("4. the portal on the restored installation (demo data off)")
        restored.start()
        after = state(args.pg_port, os.path.join(restored.home, "files"))
        for table in ("dispatch", "account", "attachment"):
            missing = set(before[table]) - set(after[table])
            changed = [i for i in before[table] if i in after[table] and before[table][i] != after[table][i]]
            check(not missing and not changed,
                  "every %s came back: %d before, %d after, %d missing, %d changed"
                  % (table, len(before[table]), len(after[table]), len(missing), len(changed)))
        intact = [k for k, (row, actual) in after["files"].items() if actual == row and before["files"].get(k) == (
            row, actual)]
        check(len(intact) == len(before["files"]) == len(after["files"]),
              "every stored file came back with the SHA-256 its row records: %d of %d"
              % (len(intact), len(before["files"])))
        clerk = Browser(restored)
        clerk.log_in("vanthu")
        check(clerk.attachments(draft) == attachment_ids, "vanthu signs in and sees both files on draft %d" % draft)
        for attachment_id, name in zip(attachment_ids, uploads):
            status, _, body = clerk.request("GET", "/quan-ly/cong-van/%d/tep/%d/tai-ve" % (draft, attachment_id))
            check(status == 200 and hashlib.sha256(body).hexdigest() in uploads.values(),
                  "download of file %d over HTTP: %d, SHA-256 as uploaded" % (attachment_id, status))
        for username in ("admin", "bennghe", "vanthutu"):
            try:
                Browser(restored).log_in(username)
                check(True, "%s signs in with the demo password" % username)
            except RuntimeError as ex:
                check(False, str(ex))
    finally:
        source.stop()
        restored.stop()
        if args.keep:
            log("work directory kept: %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    log("\n%s: %d failed checks%s" % ("PASSED" if not failures else "FAILED", len(failures),
                                      "".join("\n- " + f for f in failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
