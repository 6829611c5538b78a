"""Helpers shared by the reliability tests: a sightline server under test,
signed-in HTTP clients, and the final "N passed, N failed" tally."""
import http.client
import os
import re
import socket
import subprocess
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Tally:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, cond, info=""):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}: {info}"[:400], flush=True)

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 0 if self.failed == 0 else 1


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def sl(binary, db, *args, stdin=None, env=None):
    return subprocess.run([binary, "--db", db, *args], input=stdin, capture_output=True, text=True,
                          env=env)


def prepare(binary, db, users=(("writer", "programme"),)):
    """A database with the example plan and accounts (password correct-horse-42)."""
    sl(binary, db, "init")
    sl(binary, db, "import", os.path.join(ROOT, "examples", "croydon-transitional-2017.csv"), "--authority", "Croydon")
    for login, role in users:
        sl(binary, db, "user", "add", login, "--role", role, "--password-stdin", stdin="correct-horse-42\n")


class Server:
    """`sightline serve` on a free port; start, kill -9, restart."""

    def __init__(self, binary, db, threads=4):
        self.binary, self.db, self.threads = binary, db, threads
        self.port = free_port()
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen([self.binary, "--db", self.db, "serve", "--listen", f"127.0.0.1:{self.port}",
                                      "--threads", str(self.threads), "--static", os.path.join(ROOT, "build", "static")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(400):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return True
            except OSError:
                time.sleep(0.025)
        return False

    def kill(self):
        self.proc.kill()
        self.proc.wait()

    def stop(self):
        self.proc.terminate()
        try:
            return self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()


class Client:
    """A signed-in browser without JavaScript; raises OSError when the server is gone."""

    def __init__(self, port):
        self.port = port
        self.cookie = None

    def request(self, method, path, fields=None, timeout=30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            text = r.read().decode("utf-8", "replace")
            for k, v in r.getheaders():
                if k.lower() == "set-cookie" and not v.split(";")[0].endswith("="):
                    self.cookie = v.split(";")[0]
            return r.status, text
        except http.client.HTTPException as e:
            raise OSError(str(e))
        finally:
            conn.close()

    def sign_in(self, login, password="correct-horse-42"):
        _, page = self.request("GET", "/sign-in")
        token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        status, _ = self.request("POST", "/sign-in", {"csrf": token, "login": login, "password": password})
        return status == 303


def form_fields(page):
    """The csrf token and version of an action page's update form."""
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    version = re.search(r'name="version" value="(\d+)"', page)
    return (csrf.group(1) if csrf else None, version.group(1) if version else None)
