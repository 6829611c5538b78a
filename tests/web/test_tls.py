#!/usr/bin/env python3
"""TLS and the reverse proxy (issue 14, item 5), checked the way testssl does
with openssl s_client against `serve --tls-cert --tls-key` and a self-signed
certificate made here:
  - TLS 1.0 and 1.1 refused (the client offers them at security level 0, so
    the refusal is the server's), TLS 1.2 and 1.3 accepted, the certificate
    served with its subject;
  - a sign-in over HTTPS gives a Secure, __Host- prefixed session cookie
    (Path=/, no Domain) that signs the next request in; HSTS on every answer;
  - the security headers on libmicrohttpd's own error answers (431, 505);
  - plain HTTP to the TLS port gets no HTTP answer;
  - an unreadable, non-PEM or mismatched certificate or key: exit 1 and a
    message naming the file;
  - behind a proxy (--trust-proxy): the client address of a refused sign-in
    (the audit log) is the rightmost untrusted X-Forwarded-For hop, only
    from a trusted peer; X-Forwarded-Proto: https makes the cookie Secure.
usage: test_tls.py SIGHTLINE_BINARY   Ends with "N passed, N failed"."""
import http.client
import os
import re
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "reliability"))
from common import ROOT, Tally, free_port, sl  # noqa: E402

PASSWORD = "correct-horse-42"


def openssl(*args, stdin=""):
    return subprocess.run(["openssl", *args], input=stdin, capture_output=True, text=True, timeout=30)


def make_cert(work, name, cn):
    """A self-signed certificate and key (PEM) for cn; returns their paths."""
    cert, key = os.path.join(work, name + ".crt"), os.path.join(work, name + ".key")
    r = openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key,
                "-out", cert, "-days", "2", "-subj", f"/CN={cn}/O=Sightline Test")
    assert r.returncode == 0, r.stderr
    return cert, key


def serve(binary, db, port, *extra):
    """Starts serve with extra options; returns the process once it listens (or has exited)."""
    proc = subprocess.Popen([binary, "--db", db, "serve", "--listen", f"127.0.0.1:{port}", "--threads", "2",
                             "--static", os.path.join(ROOT, "build", "static"), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for _ in range(400):
        if proc.poll() is not None:
            return proc
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.025)
    return proc


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def s_client(port, version, seclevel0=False):
    """Runs openssl s_client with one protocol version; returns its output."""
    args = ["s_client", "-connect", f"127.0.0.1:{port}", "-servername", "localhost", f"-{version}"]
    if seclevel0:
        args += ["-cipher", "DEFAULT@SECLEVEL=0"]
    return openssl(*args, stdin="").stdout


def negotiated(out):
    """The protocol a handshake settled on, or None when it failed."""
    m = re.search(r"New, (TLSv[\d.]+), Cipher is (\S+)", out)
    return m.group(1) if m and m.group(2) != "(NONE)" else None


class Https:
    """A client of one server (TLS or not), keeping the session cookie."""

    def __init__(self, port, tls=True, headers=None):
        self.port, self.tls, self.extra = port, tls, headers or {}
        self.cookie, self.set_cookies = None, []

    def request(self, method, path, fields=None):
        if self.tls:
            ctx = ssl.create_default_context()
            ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
            conn = http.client.HTTPSConnection("127.0.0.1", self.port, timeout=30, context=ctx)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = dict(self.extra)
        if self.cookie:
            headers["Cookie"] = self.cookie
        body = urllib.parse.urlencode(fields).encode() if fields is not None else None
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        text = r.read().decode("utf-8", "replace")
        got = r.getheaders()
        conn.close()
        for k, v in got:
            if k.lower() == "set-cookie":
                self.set_cookies.append(v)
                if not v.split(";")[0].endswith("="):
                    self.cookie = v.split(";")[0]
        return r.status, {k.lower(): v for k, v in got}, text

    def sign_in(self, login, password=PASSWORD):
        _, _, page = self.request("GET", "/sign-in")
        token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        st, _, _ = self.request("POST", "/sign-in", {"csrf": token, "login": login, "password": password})
        return st


def raw_tls(port, data):
    """Sends raw bytes over TLS; returns the reply's head (text)."""
    ctx = ssl.create_default_context()
    ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
    s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", port), timeout=10))
    reply = b""
    try:
        s.sendall(data)
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            reply += chunk
    except OSError:
        pass
    finally:
        s.close()
    return reply.partition(b"\r\n\r\n")[0].decode("latin-1")


def security_headers_ok(head):
    low = head.lower()
    csp = re.search(r"content-security-policy: ([^\r\n]*)", low)
    return bool(csp and "frame-ancestors 'none'" in csp.group(1) and "unsafe-inline" not in csp.group(1)
                and "x-content-type-options: nosniff" in low and "referrer-policy:" in low)


def check_protocols(t, port, cert):
    """TLS 1.0/1.1 refused, 1.2/1.3 accepted, the certificate served."""
    for version in ("tls1", "tls1_1"):
        out = s_client(port, version, seclevel0=True)
        t.check(f"refused-{version}", negotiated(out) is None, out[-300:])
    for version, want in (("tls1_2", "TLSv1.2"), ("tls1_3", "TLSv1.3")):
        out = s_client(port, version)
        t.check(f"accepted-{version}", negotiated(out) == want, out[-300:])
        t.check(f"certificate-subject-{version}", re.search(r"subject=.*CN ?= ?sightline-test", out) is not None,
                out[:300])
    served = re.search(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", s_client(port, "tls1_3"), re.S)
    with open(cert) as f:
        t.check("certificate-is-ours", served is not None and served.group(0).strip() == f.read().strip())
    out = s_client(port, "tls1_2")
    t.check("forward-secret-aead-cipher", re.search(r"Cipher is ECDHE-(RSA|ECDSA)-(AES\d+-GCM|CHACHA20)", out)
            is not None, re.findall(r"Cipher is \S+", out))


def check_https_session(t, port):
    """Sign-in over HTTPS: a Secure __Host- cookie that works, HSTS, headers on library errors."""
    c = Https(port)
    st, head, _ = c.request("GET", "/sign-in")
    t.check("hsts-on-page", "max-age=" in head.get("strict-transport-security", ""), head)
    t.check("security-headers-on-page", "frame-ancestors 'none'" in head.get("content-security-policy", ""))
    t.check("sign-in-over-https", c.sign_in("admin") == 303)
    cookie = c.set_cookies[-1] if c.set_cookies else ""
    attrs = [a.strip().lower() for a in cookie.split(";")]
    t.check("cookie-host-prefixed", cookie.startswith("__Host-sl_session="), cookie)
    t.check("cookie-secure", "secure" in attrs, cookie)
    t.check("cookie-path-root-no-domain", "path=/" in attrs and not any(a.startswith("domain") for a in attrs), cookie)
    t.check("cookie-httponly-samesite", "httponly" in attrs and "samesite=strict" in attrs, cookie)
    st, head, page = c.request("GET", "/")
    t.check("signed-in-over-https", st == 200 and "Sign out" in page, st)
    bare = Https(port)
    bare.cookie = "sl_session=" + c.cookie.split("=", 1)[1]
    st, _, _ = bare.request("GET", "/")
    t.check("unprefixed-cookie-ignored-over-tls", st == 303, st)
    st, head, _ = c.request("GET", "/static/app.css")
    t.check("hsts-on-static", st == 200 and "strict-transport-security" in head, head)
    st, head, _ = c.request("GET", "/no-such-page")
    t.check("hsts-on-404", st == 404 and "strict-transport-security" in head and security_headers_ok(
        "".join(f"{k}: {v}\r\n" for k, v in head.items())), head)
    for name, req in (("431", b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 + b"\r\n\r\n"),
                      ("505", b"GET / HTTP/3.0\r\nHost: x\r\n\r\n")):
        head = raw_tls(port, req)
        t.check(f"library-error-{name}", head.startswith(f"HTTP/1.1 {name}"), head[:80])
        t.check(f"library-error-{name}-headers", security_headers_ok(head) and "strict-transport-security" in
                head.lower(), head)
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(b"GET /sign-in HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    reply = b""
    try:
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            reply += chunk
    except OSError:
        pass
    s.close()
    t.check("plain-http-to-tls-port-fails", not reply.startswith(b"HTTP/"), reply[:80])


def check_bad_files(t, binary, db, work, cert, key):
    """Unreadable, non-PEM and mismatched files: exit 1 with a message naming the file."""
    other_cert, other_key = make_cert(work, "other", "other")
    empty = os.path.join(work, "empty.pem")
    open(empty, "w").close()
    cases = [("mismatched-key", cert, other_key, other_key, "does not belong"),
             ("missing-cert", os.path.join(work, "none.crt"), key, "none.crt", "cannot be read"),
             ("key-as-cert", key, key, key, "not a PEM"),
             ("empty-key", cert, empty, empty, "not a PEM")]
    for name, c, k, named, why in cases:
        r = subprocess.run([binary, "--db", db, "serve", "--listen", f"127.0.0.1:{free_port()}", "--tls-cert", c,
                            "--tls-key", k], capture_output=True, text=True, timeout=30)
        t.check(f"bad-{name}-exit-1", r.returncode == 1, (r.returncode, r.stderr[-300:]))
        t.check(f"bad-{name}-message", why in r.stderr and os.path.basename(named) in r.stderr, r.stderr[-300:])
    r = subprocess.run([binary, "--db", db, "serve", "--tls-cert", cert], capture_output=True, text=True, timeout=30)
    t.check("cert-without-key-usage", r.returncode == 2 and "--tls-key" in r.stderr, (r.returncode, r.stderr))


def refused_from(binary, db, login):
    """The address the audit log gives for the latest refused sign-in of login."""
    for _ in range(100):
        con = sqlite3.connect(db)
        rows = con.execute("SELECT after FROM audit_log WHERE operation = 'refuse' AND entity = 'sign-in' "
                           "ORDER BY id").fetchall()
        con.close()
        m = [re.match(re.escape(login) + r" from (\S+): ", r[0] or "") for r in rows]
        m = [x.group(1) for x in m if x]
        if m:
            return m[-1]
        time.sleep(0.05)
    return None


def check_proxy(t, binary, db):
    """--trust-proxy: X-Forwarded-For and -Proto believed only from trusted peers."""
    cases = [("no-trust", [], "203.0.113.7", "127.0.0.1"),
             ("trust-loopback", ["--trust-proxy"], "198.51.100.1, 203.0.113.7", "203.0.113.7"),
             ("trust-named-proxy", ["--trust-proxy", "--proxy-address", "203.0.113.7"], "198.51.100.1, 203.0.113.7",
              "198.51.100.1"),
             ("garbage-hop", ["--trust-proxy"], "198.51.100.1, not-an-address", "127.0.0.1")]
    for i, (name, extra, xff, want) in enumerate(cases):
        port = free_port()
        proc = serve(binary, db, port, *extra)
        try:
            c = Https(port, tls=False, headers={"X-Forwarded-For": xff, "X-Forwarded-Proto": "https"})
            login = f"nobody{i}"
            c.sign_in(login, "wrong-password")
            got = refused_from(binary, db, login)
            t.check(f"proxy-{name}", got == want, (xff, got))
            if name == "no-trust":
                c.sign_in("admin")
                t.check("proxy-proto-ignored-untrusted", c.set_cookies and "secure" not in c.set_cookies[-1].lower(),
                        c.set_cookies)
            if name == "trust-loopback":
                c.sign_in("admin")
                cookie = c.set_cookies[-1] if c.set_cookies else ""
                t.check("proxy-proto-https-secure-cookie", cookie.startswith("__Host-sl_session=") and
                        "secure" in cookie.lower(), cookie)
                st, head, _ = c.request("GET", "/")
                t.check("proxy-https-session-works", st == 200 and "strict-transport-security" in head, st)
        finally:
            stop(proc)


def main():
    binary = os.path.abspath(sys.argv[1])
    t = Tally()
    if not shutil.which("openssl"):
        print("skipped: no openssl", file=sys.stderr)
        print("0 passed, 1 failed")
        return 1
    work = tempfile.mkdtemp(prefix="sightline-tls.")
    db = os.path.join(work, "tls.db")
    sl(binary, db, "init")
    sl(binary, db, "user", "add", "admin", "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    cert, key = make_cert(work, "server", "sightline-test")
    port = free_port()
    proc = serve(binary, db, port, "--tls-cert", cert, "--tls-key", key)
    try:
        t.check("serves-tls", proc.poll() is None, proc.stderr.read() if proc.poll() is not None else "")
        check_protocols(t, port, cert)
        check_https_session(t, port)
    finally:
        stop(proc)
    err = proc.stderr.read()
    t.check("says-https", f"at https://127.0.0.1:{port}/" in err, err[-300:])
    check_bad_files(t, binary, db, work, cert, key)
    check_proxy(t, binary, db)
    shutil.rmtree(work, ignore_errors=True)
    return t.finish()


if __name__ == "__main__":
    sys.exit(main())
