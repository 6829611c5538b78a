#!/usr/bin/env python3
"""smtp_sink.py — a local SMTP server for tests: accepts every message and
writes it to DIR/N.eml (N from 1), the envelope recipients first as
"X-Sink-Rcpt: ADDR" lines, then "X-Sink-TLS: yes|no". Speaks just enough
SMTP for libcurl: EHLO/HELO, MAIL, RCPT, DATA (with dot-unstuffing), RSET,
NOOP, QUIT, and STARTTLS when given a certificate (without one it offers no
TLS, so a client that only tries STARTTLS carries on in plain text).

    smtp_sink.py DIR PORTFILE [CERT KEY]   listens on 127.0.0.1, a free port, written to PORTFILE

Python 3.12 dropped smtpd and aiosmtpd is not in the standard library, so
this is written with asyncio alone. Runs until killed."""
import asyncio
import os
import re
import ssl
import sys


def address(arg):
    """The address inside <…> of a MAIL or RCPT argument ("FROM:<a@b> SIZE=9")."""
    m = re.search(r"<([^>]*)>", arg)
    return m.group(1) if m else arg.split(":", 1)[-1].strip()


class Session:
    """One client's conversation."""

    def __init__(self, out_dir, tls):
        self.out_dir = out_dir
        self.tls = tls          # an ssl.SSLContext to offer STARTTLS with, or None
        self.secure = False     # the conversation is under TLS
        self.reset()

    def reset(self):
        self.sender = None
        self.rcpts = []

    def save(self, lines):
        n = len([f for f in os.listdir(self.out_dir) if f.endswith(".eml")]) + 1
        tmp = os.path.join(self.out_dir, f"{n}.tmp")
        with open(tmp, "wb") as f:
            for r in self.rcpts:
                f.write(b"X-Sink-Rcpt: " + r.encode() + b"\r\n")
            f.write(b"X-Sink-From: " + (self.sender or "").encode() + b"\r\n")
            f.write(b"X-Sink-TLS: " + (b"yes" if self.secure else b"no") + b"\r\n")
            f.write(b"".join(lines))
        os.rename(tmp, os.path.join(self.out_dir, f"{n}.eml"))

    def command(self, line):
        """Returns the reply to one command line, and whether DATA starts."""
        verb = line.split(b" ", 1)[0].upper()
        arg = line[len(verb):].strip().decode("utf-8", "replace")
        if verb == b"EHLO":
            starttls = b"250-STARTTLS\r\n" if self.tls and not self.secure else b""
            return b"250-sink\r\n" + starttls + b"250-8BITMIME\r\n250 SIZE 10485760\r\n", False
        if verb == b"STARTTLS" and self.tls and not self.secure:
            return b"220 Ready to start TLS\r\n", False
        if verb == b"HELO":
            return b"250 sink\r\n", False
        if verb == b"MAIL":
            self.reset()
            self.sender = address(arg)
            return b"250 OK\r\n", False
        if verb == b"RCPT":
            if self.sender is None:
                return b"503 MAIL first\r\n", False
            self.rcpts.append(address(arg))
            return b"250 OK\r\n", False
        if verb == b"DATA":
            if not self.rcpts:
                return b"503 RCPT first\r\n", False
            return b"354 End data with <CR><LF>.<CR><LF>\r\n", True
        if verb in (b"RSET", b"NOOP"):
            if verb == b"RSET":
                self.reset()
            return b"250 OK\r\n", False
        if verb == b"QUIT":
            return b"221 Bye\r\n", False
        return b"502 Command not implemented\r\n", False


async def handle(reader, writer, out_dir, tls):
    s = Session(out_dir, tls)
    writer.write(b"220 sink ESMTP\r\n")
    await writer.drain()
    while True:
        line = await reader.readline()
        if not line:
            break
        reply, data = s.command(line.rstrip(b"\r\n"))
        writer.write(reply)
        await writer.drain()
        if reply.startswith(b"221"):
            break
        if reply.startswith(b"220 Ready to start TLS"):
            await writer.start_tls(s.tls)
            s.secure = True
            s.reset()
            continue
        if data:
            lines = []
            while True:
                dl = await reader.readline()
                if not dl or dl in (b".\r\n", b".\n"):
                    break
                lines.append(dl[1:] if dl.startswith(b"..") else dl)
            s.save(lines)
            s.reset()
            writer.write(b"250 OK queued\r\n")
            await writer.drain()
    writer.close()


async def main(out_dir, port_file, tls):
    server = await asyncio.start_server(lambda r, w: handle(r, w, out_dir, tls), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    with open(port_file + ".tmp", "w") as f:
        f.write(f"{port}\n")
    os.rename(port_file + ".tmp", port_file)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    if len(sys.argv) not in (3, 5):
        sys.exit("usage: smtp_sink.py DIR PORTFILE [CERT KEY]")
    context = None
    if len(sys.argv) == 5:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[3], sys.argv[4])
    os.makedirs(sys.argv[1], exist_ok=True)
    asyncio.run(main(sys.argv[1], sys.argv[2], context))
