#!/usr/bin/env python3
"""check_format.py — a source check in the style of curl's checksrc.

Scans the C sources (src/ by default) and fails, printing `file:line: message`,
on:

  * a bare %s in a format that produces HTML: a sl_buf_printf or sl_buf_cprintf
    format literal holding a tag (`<` then a letter, `/` or `!`), or any such
    call inside a function that writes HTML (a function whose string literals
    hold a tag). Data goes through %h (text), %a (quoted attribute value) or %U
    (URL component); markup our own code has already built goes through %R, so
    that every raw insertion can be found with grep '%R'.
  * sl_buf_printf calls whose conversions and arguments disagree: the number of
    arguments (a `*` width or precision takes one), or an argument that cannot
    be of its conversion's kind (a string literal for %d, a number for %h, a
    (long long) cast for %d, ...). The compiler cannot check sl_buf_printf:
    its escaping conversions rule out the format(printf) attribute.
  * a format that is not a string literal.
  * banned functions: sprintf, vsprintf, strcpy, strcat, gets, strtok (strtok_r
    is fine), atoi, atol, atoll (use strtol and check the end), outside the
    short allow-list below.

Usage: check_format.py [DIR_OR_FILE ...]   (default: src)
       check_format.py --self-test         (the checker's own cases only)
The last line is "N passed, N failed", like every suite of tests/run.sh.
"""
import os
import re
import sys

# Banned calls that stay, each with why. Keys: (path, function, count).
# These files belong to other layers (CLI, store, import); their owners
# should move them to strtol.
ALLOWED_BANNED = {
    # (path, function): (how many calls, why) — empty: every number is read with strtol.
}
BANNED = {
    "sprintf": "snprintf or sl_buf_printf",
    "vsprintf": "vsnprintf or sl_buf_printf",
    "strcpy": "snprintf, memcpy with a known length, or sl_buf",
    "strcat": "sl_buf_puts",
    "gets": "fgets",
    "strtok": "strtok_r",
    "atoi": "strtol, checking the end",
    "atol": "strtol, checking the end",
    "atoll": "strtoll, checking the end",
}
FORMAT_FUNCTIONS = ("sl_buf_printf", "sl_buf_cprintf")
ESCAPING = "haUJCR"
TAG = re.compile(r"<[A-Za-z/!]")

TOKEN = re.compile(r"""
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>(?:u8|[uUL])?"(?:\\.|[^"\\\n])*")
  | (?P<char>(?:u8|[uUL])?'(?:\\.|[^'\\\n])*')
  | (?P<number>\.?[0-9](?:[eEpP][+-]|[0-9A-Za-z_.])*)
  | (?P<ident>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<punct>->|\+\+|--|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^!~<>=?:;,.(){}\[\]#])
  | (?P<space>\s+)
  | (?P<other>.)
""", re.S | re.X)


class Tok:
    """One token: kind (string, char, number, ident, punct, other), text, line."""
    __slots__ = ("kind", "text", "line")

    def __init__(self, kind, text, line):
        self.kind, self.text, self.line = kind, text, line


def tokenize(text):
    """Returns the tokens of C source text, without comments or white space."""
    toks, line = [], 1
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind not in ("comment", "space"):
            toks.append(Tok(kind, m.group(), line))
        line += m.group().count("\n")
    return toks


def literal_value(tok):
    """Returns the text of a string literal token, escapes read as C reads them (roughly)."""
    body = tok.text[tok.text.index('"') + 1:-1]
    return re.sub(r"\\(x[0-9A-Fa-f]+|[0-7]{1,3}|.)", lambda m: {
        "n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "0": "\0"}.get(m.group(1), "?"), body)


def functions(toks):
    """Yields (name, first, last) token index spans of the function bodies in toks."""
    depth, i = 0, 0
    while i < len(toks):
        t = toks[i]
        if t.text == "{" and depth == 0 and i > 0 and toks[i - 1].text == ")":
            j, nest = i - 1, 0
            while j >= 0:
                nest += {")": 1, "(": -1}.get(toks[j].text, 0)
                if nest == 0:
                    break
                j -= 1
            name = toks[j - 1].text if j > 0 and toks[j - 1].kind == "ident" else "?"
            k, nest = i, 0
            while k < len(toks):
                nest += {"{": 1, "}": -1}.get(toks[k].text, 0)
                if nest == 0:
                    break
                k += 1
            yield name, i, k
            i = k + 1
            continue
        depth += {"{": 1, "}": -1}.get(t.text, 0)
        i += 1


def call_args(toks, open_paren):
    """Returns (list of argument token lists, index of the closing paren) of the call at open_paren."""
    args, cur, nest, i = [], [], 0, open_paren
    while i < len(toks):
        t = toks[i].text
        if t in ("(", "[", "{"):
            nest += 1
            if nest == 1:
                i += 1
                continue
        elif t in (")", "]", "}"):
            nest -= 1
            if nest == 0:
                args.append(cur)
                return args, i
        elif t == "," and nest == 1:
            args.append(cur)
            cur = []
            i += 1
            continue
        cur.append(toks[i])
        i += 1
    return args, i


SPEC = re.compile(r"%(?P<flags>[-+ #0]*)(?P<width>\*|[0-9]+)?(?:\.(?P<prec>\*|[0-9]*))?")


def conversions(fmt):
    """Returns the conversions of a format as (spec text, length, conv) and the problems found.
    Reads the format as sl_buf_printf does (buf.c parse_spec)."""
    out, problems, i = [], [], 0
    while True:
        i = fmt.find("%", i)
        if i < 0:
            return out, problems
        m = SPEC.match(fmt, i)
        j = m.end()
        rest = fmt[j:j + 3]
        if rest[:2] == "hh" and rest[2:3] and rest[2] in "diouxXn":
            length = "hh"
        elif rest[:1] == "h" and rest[1:2] and rest[1] in "diouxXn":
            length = "h"
        elif rest[:2] == "ll":
            length = "ll"
        elif rest[:1] and rest[0] in "lzjtL":
            length = rest[0]
        else:
            length = ""
        j += len(length)
        conv = fmt[j:j + 1]
        spec = fmt[i:j + 1]
        i = j + 1
        if conv == "%":
            continue
        if not conv or conv not in "diouxXfFeEgGAcspn" + ESCAPING:
            problems.append("unknown conversion '%s'" % spec)
            continue
        if conv in ESCAPING and (m.group("flags") or m.group("width") or length):
            problems.append("'%s': the escaping conversions take only a precision" % spec)
        for star in (m.group("width"), m.group("prec")):
            if star == "*":
                out.append(("*", "", "*"))
        out.append((spec, length, conv))


TYPE_WORDS = {"const", "unsigned", "signed", "int", "long", "short", "char", "double", "float",
              "void", "size_t", "ssize_t", "intmax_t", "uintmax_t", "ptrdiff_t", "int64_t",
              "uint64_t", "int32_t", "uint32_t", "wint_t", "wchar_t", "*"}
STRING_FUNCTIONS = re.compile(r"(_name|_str|_label|_word|_text)$")


def cast_kind(words):
    """Returns the kind a cast to the type written as words gives."""
    if "*" in words:
        return "str" if "char" in words and words.count("*") == 1 else "ptr"
    if "double" in words or "float" in words:
        return "ldouble" if "long" in words and "double" in words else "float"
    if words.count("long") >= 2:
        return "int:ll"
    if "long" in words:
        return "int:l"
    for w, k in (("size_t", "int:z"), ("ssize_t", "int:z"), ("intmax_t", "int:j"),
                 ("uintmax_t", "int:j"), ("ptrdiff_t", "int:t"), ("int64_t", "int:64"),
                 ("uint64_t", "int:64")):
        if w in words:
            return k
    return "int:"


def closing(tokens, at):
    """Returns the index of the bracket closing the one at tokens[at], or -1."""
    nest = 0
    for i in range(at, len(tokens)):
        if tokens[i].text in ("(", "[", "{"):
            nest += 1
        elif tokens[i].text in (")", "]", "}"):
            nest -= 1
            if nest == 0:
                return i
    return -1


def top_level(tokens, text):
    """Returns the index of the first text token outside parentheses in tokens, or -1."""
    nest = 0
    for i, t in enumerate(tokens):
        if nest == 0 and t.text == text:
            return i
        if t.text in ("(", "[", "{"):
            nest += 1
        elif t.text in (")", "]", "}"):
            nest -= 1
    return -1


def kind_of(arg):
    """Returns what an argument expression plausibly is: str, int:LEN, float, ldouble, ptr,
    or None when it cannot be told from the tokens."""
    if not arg:
        return None
    q = top_level(arg, "?")
    if q >= 0:
        c = top_level(arg[q + 1:], ":")
        if c >= 0:
            kinds = {kind_of(arg[q + 1:q + 1 + c]), kind_of(arg[q + 2 + c:])} - {None}
            return kinds.pop() if len(kinds) == 1 else None
    if all(t.kind == "string" for t in arg):
        return "str"
    if len(arg) == 1 and arg[0].kind == "char":
        return "int:"
    if len(arg) == 1 and arg[0].kind == "number":
        n = arg[0].text.lower()
        if not n.startswith("0x") and re.search(r"[.e]", n) and not re.search(r"[ul]+$", n):
            return "float"
        suffix = re.search(r"[ul]*$", n).group().replace("u", "")
        return "int:" + {"": "", "l": "l", "ll": "ll"}[suffix]
    if arg[0].text == "(":
        close = closing(arg, 0)
        words = [t.text for t in arg[1:close]] if close > 0 else []
        if words and all(w in TYPE_WORDS for w in words) and close < len(arg) - 1:
            return cast_kind(words)
    if arg[0].text == "sizeof":
        return "int:z"
    if arg[0].text == "&":
        return "ptr"
    if arg[0].text == "!" or any(top_level(arg, op) >= 0 for op in ("==", "!=", "<", ">", "<=", ">=", "&&", "||")):
        return "int:"
    if arg[0].kind == "ident" and len(arg) > 1 and arg[1].text == "(" and closing(arg, 1) == len(arg) - 1:
        if arg[0].text == "strlen":
            return "int:z"
        if STRING_FUNCTIONS.search(arg[0].text):
            return "str"
    return None


def kind_problem(spec, length, conv, kind):
    """Returns why an argument of kind cannot go to the conversion, or None."""
    if kind is None:
        return None
    if conv in "s" + ESCAPING:
        if length == "" and kind != "str" and kind != "ptr":
            return "'%s' takes a string; the argument is a number" % spec
        return None
    if conv == "p":
        return None
    if conv == "n":
        return None if kind == "ptr" else "'%s' takes a pointer to an integer" % spec
    if conv in "fFeEgGA":
        if kind in ("str", "ptr") or kind.startswith("int"):
            return "'%s' takes a %s" % (spec, "long double" if length == "L" else "double")
        if (kind == "ldouble") != (length == "L"):
            return "'%s' and a %s argument" % (spec, kind)
        return None
    # d i o u x X c *
    if kind in ("str", "ptr", "float", "ldouble"):
        return "'%s' takes %s; the argument is a %s" % (spec, "an int" if conv == "*" else "an integer",
                                                         {"ptr": "pointer", "str": "string"}.get(kind, kind))
    have = kind.split(":")[1]
    want = "" if length in ("h", "hh") or conv in "c*" else length
    if have == "64":
        return "'%s' and a 64-bit integer: cast to (long long)" % spec
    if have != want and not (have == "" and want == ""):
        return "'%s' and an argument of length '%s'" % (spec, have or "int")
    return None


def string_macros(toks):
    """Returns {NAME: text} for each `#define NAME "literal"` among toks."""
    macros = {}
    for i in range(len(toks) - 3):
        if (toks[i].text == "#" and toks[i + 1].text == "define" and toks[i + 2].kind == "ident"
                and toks[i + 3].kind == "string" and toks[i + 3].line == toks[i + 2].line):
            macros[toks[i + 2].text] = literal_value(toks[i + 3])
    return macros


def format_texts(tokens, macros):
    """Returns the format(s) an argument can be: adjacent literals and string macros
    joined, or each branch of `cond ? "a" : "b"`; [] when it is not literal."""
    q = top_level(tokens, "?")
    if q >= 0:
        c = top_level(tokens[q + 1:], ":")
        if c < 0:
            return []
        yes, no = format_texts(tokens[q + 1:q + 1 + c], macros), format_texts(tokens[q + 2 + c:], macros)
        return yes + no if yes and no else []
    if tokens and tokens[0].text == "(" and closing(tokens, 0) == len(tokens) - 1:
        return format_texts(tokens[1:-1], macros)
    if not tokens or any(t.kind != "string" and t.text not in macros for t in tokens):
        return []
    return ["".join(literal_value(t) if t.kind == "string" else macros[t.text] for t in tokens)]


class Checker:
    """Collects problems (file:line: message) and counts what was checked."""

    def __init__(self):
        self.problems = []
        self.calls = 0
        self.bare = 0
        self.mismatches = 0
        self.banned = 0
        self.files = 0
        self.failed_checks = 0

    def report(self, path, line, message):
        self.problems.append("%s:%d: %s" % (path, line, message))

    def check_call(self, path, toks, at, html_function, macros):
        """Checks the sl_buf_printf / sl_buf_cprintf call whose name is toks[at]."""
        name = toks[at].text
        args, _ = call_args(toks, at + 1)
        line = toks[at].line
        self.calls += 1
        formats = format_texts(args[1] if len(args) > 1 else [], macros)
        if not formats:
            self.report(path, line, "%s: the format must be a string literal" % name)
            self.mismatches += 1
            return
        for fmt in formats:
            self.check_format(path, line, name, fmt, args[2:], html_function)

    def check_format(self, path, line, name, fmt, values, html_function):
        """Checks one format of a call against its arguments."""
        convs, problems = conversions(fmt)
        if name == "sl_buf_printf":
            for p in problems:
                self.report(path, line, p)
                self.mismatches += 1
        if (TAG.search(fmt) or html_function) and any(c == "s" and not l for _, l, c in convs):
            self.report(path, line, "bare %s in an HTML format: use %h (text), %a (attribute), "
                                    "%U (URL) or %R (markup our code built)")
            self.bare += 1
        if name != "sl_buf_printf":
            return  # the compiler checks the rest of sl_buf_cprintf
        if len(values) != len(convs):
            self.report(path, line, "%d conversions but %d arguments" % (len(convs), len(values)))
            self.mismatches += 1
            return
        for (spec, length, conv), arg in zip(convs, values):
            why = kind_problem(spec, length, conv, kind_of(arg))
            if why:
                self.report(path, arg[0].line if arg else line, why)
                self.mismatches += 1

    def check_banned(self, path, toks):
        """Reports calls of banned functions, less the allow-list."""
        seen = {}
        for i, t in enumerate(toks):
            if (t.kind == "ident" and t.text in BANNED and i + 1 < len(toks) and toks[i + 1].text == "("
                    and (i == 0 or toks[i - 1].text not in (".", "->"))):
                seen.setdefault(t.text, []).append(t.line)
        for func, lines in sorted(seen.items()):
            allowed = ALLOWED_BANNED.get((path, func), (0, ""))[0]
            if len(lines) > allowed:
                for ln in lines[allowed:] if allowed else lines:
                    self.report(path, ln, "%s() is banned: use %s" % (func, BANNED[func]))
                    self.banned += 1

    def check_source(self, path, text):
        """Checks one file's text."""
        self.files += 1
        toks = tokenize(text)
        before = len(self.problems)
        self.check_banned(path, toks)
        self.failed_checks += len(self.problems) > before
        macros = string_macros(toks)
        spans = list(functions(toks))
        html = [False] * len(toks)
        for _, first, last in spans:
            if any(t.kind == "string" and TAG.search(literal_value(t)) for t in toks[first:last + 1]):
                for k in range(first, last + 1):
                    html[k] = True
        for i, t in enumerate(toks):
            if (t.kind == "ident" and t.text in FORMAT_FUNCTIONS and i + 1 < len(toks) and toks[i + 1].text == "("
                    and (i == 0 or toks[i - 1].text not in ("void", "*"))):
                before = len(self.problems)
                self.check_call(path, toks, i, html[i], macros)
                self.failed_checks += len(self.problems) > before


SELF_TESTS = [
    # (source, expected problem substrings; [] means clean)
    ('void f(sl_buf *b){ sl_buf_printf(b, "<p>%h</p>", x); }', []),
    ('void f(sl_buf *b){ sl_buf_printf(b, "<p>%s</p>", x); }', ["bare %s"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "<p>" "%-10s" "</p>", x); }', ["bare %s"]),
    ('void f(sl_buf *b){ sl_buf_puts(b, "<ul>"); sl_buf_printf(b, "%s", x); }', ["bare %s"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%s %d", x, 1); }', []),
    ('void f(sl_buf *b){ sl_buf_cprintf(b, "<b>%s</b>", x); }', ["bare %s"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "<p>%R</p>", markup); }', []),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%d %d", 1); }', ["2 conversions but 1 arguments"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%d%%", 1, 2); }', ["1 conversions but 2 arguments"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%.*s|%*d", n, s, w, v); }', []),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%.*s", s); }', ["2 conversions but 1 arguments"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%d", g(a, b), h); }', ["1 conversions but 2 arguments"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%d %s", MAX(a, b), (x ? "a" : "b")); }', []),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%d", "text"); }', ["takes an integer"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%h", 42); }', ["takes a string"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%d", (long long)n); }', ["length 'll'"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%lld %zu", (long long)n, strlen(s)); }', []),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%zu", (int)n); }', ["length 'int'"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%5.1f", "x"); }', ["takes a double"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%*d", (size_t)w, 1); }', ["length 'z'"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%s", sl_status_name(st)); }', []),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%d", sl_status_name(st)); }', ["takes an integer"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%-5h", s); }', ["take only a precision"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%y", s); }', ["unknown conversion", "0 conversions but 1"]),
    ('#define RED "#f00"\nvoid f(sl_buf *b){ sl_buf_printf(b, "<a fill=\\"" RED "\\">%d", n); }', []),
    ('#define RED "%s"\nvoid f(sl_buf *b){ sl_buf_printf(b, "<a fill=\\"" RED "\\">", n); }', ["bare %s"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, i ? ",%d" : "%d", n); }', []),
    ('void f(sl_buf *b){ sl_buf_printf(b, i ? ",%d" : "%d %d", n); }', ["2 conversions but 1"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, fmt, s); }', ["must be a string literal"]),
    ('void f(sl_buf *b){ sl_buf_printf(b, "%hd%hhu", (short)1, c); }', []),
    ('void f(sl_buf *b){ sl_buf_printf(b, "ab%n", &n); }', []),
    ('void f(sl_buf *b){ sl_buf_printf(b, "ab%n", 3); }', ["pointer to an integer"]),
    ('void f(void){ char d[9]; sprintf(d, "x"); strcpy(d, "y"); n = atoi(s); }',
     ["sprintf() is banned", "strcpy() is banned", "atoi() is banned"]),
    ('void f(void){ snprintf(d, 9, "x"); strtok_r(s, ",", &p); n = strtol(s, &e, 10); }', []),
    ('/* sprintf( in a comment */ const char *s = "strcat(";', []),
]


def self_test():
    """Runs the checker over its own cases; returns (passed, failed)."""
    passed = failed = 0
    for source, want in SELF_TESTS:
        c = Checker()
        c.check_source("case.c", source)
        got = c.problems
        ok = len(got) == len(want) and all(any(w in g for g in got) for w in want)
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL self-test: %s\n  want %s\n  got  %s" % (source, want, got))
    return passed, failed


def sources(paths):
    """Yields the .c and .h files under the given paths, sorted."""
    for p in paths:
        if os.path.isfile(p):
            yield p
            continue
        for root, dirs, files in os.walk(p):
            dirs.sort()
            for f in sorted(files):
                if f.endswith((".c", ".h")):
                    yield os.path.join(root, f)


def main(argv):
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    st_pass, st_fail = self_test()
    if argv[1:2] == ["--self-test"]:
        print("%d passed, %d failed" % (st_pass, st_fail))
        return 1 if st_fail else 0
    c = Checker()
    for path in sources(argv[1:] or ["src"]):
        with open(path, encoding="utf-8", errors="replace") as f:
            c.check_source(path, f.read())
    for p in c.problems:
        print(p)
    print("%d calls checked in %d files, %d bare %%s in HTML formats, %d conversion/argument "
          "mismatches, %d banned calls" % (c.calls, c.files, c.bare, c.mismatches, c.banned))
    # One check per call, one banned-function check per file, one per self-test case.
    failed = c.failed_checks + st_fail
    print("%d passed, %d failed" % (c.calls + c.files - c.failed_checks + st_pass, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
